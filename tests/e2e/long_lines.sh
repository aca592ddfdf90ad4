# Lines of any length are read (Hubble stops at 64 KiB): a flow with a 2 MiB summary between normal
# flows is printed whole, and so are the flows after it.
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

finish
