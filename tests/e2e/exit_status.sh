# What a script can learn from the exit status: 0 ran to the end (matching nothing is still 0);
# 1 with --quiet or --count when nothing matched; 2 for usage errors, unreadable files, and bad lines
# under --strict; never a parsing library's own codes (CLI11's were 105 and 109).
source "$(dirname "$0")/lib.sh"

sample=$data/sample-10.json

what="matching nothing is still 0"
fg --verdict DROPPED "$sample"
expect_status 0; expect_out /dev/null; expect_err_empty

what="skipped bad lines are still 0"
{ echo '[1]'; cat "$sample"; } >"$work/bad.json"
fg "$work/bad.json"
expect_status 0; expect_out "$data/sample-10.compact"

what="--quiet: a match is 0 and prints nothing"
fg --quiet "$sample"
expect_status 0; expect_out /dev/null; expect_err_empty
what="-q: no match is 1"
fg -q --verdict DROPPED "$sample"
expect_status 1; expect_out /dev/null; expect_err_empty
what="-q: node status and empty responses are not matches"
printf '%s\n' '{"node_status":{"state_change":"NODE_ERROR","message":"x"}}' '{}' '{"lost_events":{}}' >"$work/nonflows.json"
fg -q "$work/nonflows.json"
expect_status 1; expect_out /dev/null; expect_err_empty
what="-q stops at the first match without reading on"
# The writer keeps the pipe open: flowgrep must end on its own, not at the end of the input.
mkfifo "$work/fifo"
env -i PATH=/usr/bin:/bin "$bin" -q <"$work/fifo" >"$work/out" 2>"$work/err" &
pid=$!
exec 3>"$work/fifo"
head -n 1 "$sample" >&3
for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then
    fail "$what: still running 5 s after the first match"
    kill "$pid"
fi
wait "$pid"
status=$?
exec 3>&-
expect_status 0; expect_out /dev/null; expect_err_empty
what="-q: a match still means 0 after a file that could not be read (as grep -q)"
fg -q "$work/missing.json" "$sample"
expect_status 0
expect_err "flowgrep: error: $work/missing.json: No such file or directory"

what="--count prints the number of matching flows"
fg --count "$sample"
expect_status 0; echo 10 >"$work/want"; expect_out "$work/want"; expect_err_empty
what="-c counts what would be printed: after --first and --last, flows only"
fg -c --first 3 "$sample"
expect_status 0; echo 3 >"$work/want"; expect_out "$work/want"
fg -c --last 4 "$sample"
expect_status 0; echo 4 >"$work/want"; expect_out "$work/want"
cat "$work/nonflows.json" "$sample" >"$work/mixed.json"
fg -c -o json "$work/mixed.json"
expect_status 0; echo 10 >"$work/want"; expect_out "$work/want"; expect_err_empty
what="-c: no match prints 0 and is 1"
fg -c --verdict DROPPED "$sample"
expect_status 1; echo 0 >"$work/want"; expect_out "$work/want"
what="-c after a file that could not be read: the count, and 2"
fg -c "$work/missing.json" "$sample"
expect_status 2; echo 10 >"$work/want"; expect_out "$work/want"
expect_err "flowgrep: error: $work/missing.json: No such file or directory"

what="--strict: a bad line is 2, and nothing is counted"
fg --strict -c "$work/bad.json"
expect_status 2; expect_out /dev/null
# An array's elements are read as values (pretty-printed input): the 1 in it is the bad line.
expect_err "flowgrep: error: $work/bad.json:1: a number where a JSON object belongs"
what="--strict: clean input is 0"
fg --strict "$sample"
expect_status 0; expect_out "$data/sample-10.compact"; expect_err_empty

what="usage errors are 2"
fg --no-such-flag "$sample"
expect_status 2; expect_out /dev/null; expect_err "flowgrep: error: unknown flag: --no-such-flag"
fg --verdict
expect_status 2; expect_err "flowgrep: error: flag needs an argument: --verdict"
fg --first 1 --last 1 "$sample"
expect_status 2; expect_err "flowgrep: error: cannot set both --first and --last"
fg -q -c "$sample"
expect_status 2; expect_err "flowgrep: error: cannot set both --quiet and --count"
fg --strict=maybe "$sample"
expect_status 2
expect_err 'flowgrep: error: invalid argument "maybe" for "--strict" flag: want true or false (also 1, 0, t, f)'

what="an unreadable file is 2"
fg "$work/missing.json"
expect_status 2; expect_err "flowgrep: error: $work/missing.json: No such file or directory"

what="--help documents the exit statuses"
fg --help
expect_status 0
grep -q '^Exit status:$' "$work/out" || fail "$what: no Exit status section"
grep -q '^  1  With --quiet or --count: no flow matched' "$work/out" || fail "$what: status 1 not described"

finish
