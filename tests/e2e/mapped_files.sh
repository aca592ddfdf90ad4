# Large regular files are mapped, not read: the same output as through a pipe, on standard input
# redirected from a file too, and a file truncated under flowgrep is an error that names it.
source "$(dirname "$0")/lib.sh"

# Over 4 MiB, the size from which a file is mapped; an unterminated last line and one over the
# block size, so that the mapped tail and a long line are on the way.
for ((i = 0; i < 400; ++i)); do cat "$data/mixed-120.json"; done >"$work/big.json"
head -c 3000000 "$data/mixed-120.json" | tr -d '\n' >>"$work/big.json"
printf '\n' >>"$work/big.json"
head -n 3 "$data/sample-10.json" >>"$work/big.json"
printf '%s' "$(tail -n 1 "$data/sample-10.json")" >>"$work/big.json"
(($(stat -c %s "$work/big.json") > 5 * 1024 * 1024)) || fail "the test file is too small to be mapped"

for args in "-o compact" "-o json --verdict DROPPED" "-c" "--last 3 -o json" "--aggregate-by verdict"; do
    what="a mapped file reads as the same bytes through a pipe: $args"
    # shellcheck disable=SC2086 # the words of $args are flags
    cat "$work/big.json" | env -i PATH=/usr/bin:/bin TZ=UTC "$bin" $args >"$work/want" 2>"$work/want-err"
    want_status=$?
    # shellcheck disable=SC2086
    fg $args "$work/big.json"
    expect_status "$want_status"; expect_out "$work/want"
    sed "s|<stdin>|$work/big.json|" "$work/want-err" >"$work/want-err-named"
    cmp -s "$work/err" "$work/want-err-named" || fail "$what: stderr differs: $(diff "$work/err" "$work/want-err-named" | head -c 300)"

    what="standard input redirected from the file: $args"
    # shellcheck disable=SC2086
    env -i PATH=/usr/bin:/bin TZ=UTC "$bin" $args <"$work/big.json" >"$work/out" 2>"$work/err"
    status=$?
    expect_status "$want_status"; expect_out "$work/want"
done

what="standard input already read into is mapped from where it stands"
# big.json starts with a node status (not counted) and then a flow: skip both to see one flow less.
env -i PATH=/usr/bin:/bin TZ=UTC "$bin" -c <"$work/big.json" >"$work/want" 2>/dev/null
{ IFS= read -r _; IFS= read -r _; env -i PATH=/usr/bin:/bin TZ=UTC "$bin" -c; } <"$work/big.json" >"$work/out" 2>/dev/null
[[ $(<"$work/out") == $(($(<"$work/want") - 1)) ]] || fail "$what: counted $(<"$work/out"), expected one less than $(<"$work/want")"

# The output goes to a pipe nobody reads yet, so flowgrep stops a few blocks into the file; the file
# is then cut to nothing and the pipe drained. The pages flowgrep has not read are gone.
what="a file truncated while it is read is an error naming it"
for ((i = 0; i < 4; ++i)); do cat "$work/big.json"; done >"$work/cut.json"
mkfifo "$work/pipe"
env -i PATH=/usr/bin:/bin TZ=UTC "$bin" -o json cut.json >"$work/pipe" 2>"$work/err" &
pid=$!
exec 3<"$work/pipe"
head -c 1 <&3 >/dev/null  # it has started writing
sleep 0.3
truncate -s 0 "$work/cut.json"
cat <&3 >/dev/null
exec 3<&-
wait "$pid"
status=$?
expect_status 2
# Node status lines go to stderr as well; the error must be among them, whole.
grep -qxF "flowgrep: error: cut.json: the file shrank while it was read (truncated by another program?)" "$work/err" ||
    fail "$what: no error line in stderr: $(tail -c 300 "$work/err")"

finish
