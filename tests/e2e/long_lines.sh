# Long lines are read (Hubble stops at 64 KiB): a flow with a 2 MiB summary between normal flows is
# printed whole, and so are the flows after it. A line over flowgrep's 16 MiB limit (a 100 MB line)
# is skipped with one warning without being held in memory, and the flows after it still print.
source "$(dirname "$0")/lib.sh"

what="a line over 1 MiB"
big=$(head -c 2097152 /dev/zero | tr '\0' 'x')
line=$(head -n 1 "$data/sample-10.json")
long=${line/\"Summary\":\"TCP Flags: ACK, FIN\"/\"Summary\":\"$big\"}
[[ ${#long} -gt 2097152 ]] || fail "$what: test setup did not make a long line"
{ printf '%s\n' "$long"; cat "$data/sample-10.json"; } >"$work/long.json"
fg -o json "$work/long.json"
expect_status 0; expect_err_empty
{ printf '%s\n' "$long"; cat "$data/sample-10.json"; } >"$work/want"
expect_out "$work/want"

what="the long flow in compact output"
fg --first 1 "$work/long.json"
expect_status 0
first=$(head -n 1 "$data/sample-10.compact")
printf '%s\n' "${first/(TCP Flags: ACK, FIN)/($big)}" >"$work/want"
expect_out "$work/want"

what="a line of 100 MB"
{ head -n 3 "$data/sample-10.json"; head -c 104857600 /dev/zero | tr '\0' x; echo; tail -n +4 "$data/sample-10.json"; } >"$work/huge.json"
fg "$work/huge.json"
expect_status 0; expect_out "$data/sample-10.compact"
expect_err "flowgrep: warning: $work/huge.json:4: line too long (104857600 bytes; flowgrep reads lines of up to 16 MiB); line skipped"
what="a line of 100 MB (--strict)"
fg --strict "$work/huge.json"
expect_status 2
head -n 3 "$data/sample-10.compact" >"$work/want"
expect_out "$work/want"
expect_err "flowgrep: error: $work/huge.json:4: line too long (104857600 bytes; flowgrep reads lines of up to 16 MiB)"

what="a 100 MB last line without a newline, from a pipe"
{ cat "$data/sample-10.json"; head -c 104857600 /dev/zero | tr '\0' x; } |
    env -i PATH=/usr/bin:/bin TZ=UTC "$bin" >"$work/out" 2>"$work/err"
status=$?
expect_status 0; expect_out "$data/sample-10.compact"
expect_err "flowgrep: warning: <stdin>:11: line too long (104857600 bytes; flowgrep reads lines of up to 16 MiB); line skipped"

finish
