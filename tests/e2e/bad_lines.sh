# A bad line gets one warning naming file and line, is skipped, and every good line around it is
# still printed.
source "$(dirname "$0")/lib.sh"

what="invalid JSON in the middle"
{ head -n 3 "$data/sample-10.json"; echo '{"flow":{"verdict":'; tail -n +4 "$data/sample-10.json"; } >"$work/bad.json"
fg "$work/bad.json"
expect_status 0; expect_out "$data/sample-10.compact"
[[ $(<"$work/err") == "flowgrep: warning: $work/bad.json:4: "* ]] || fail "$what: stderr does not name bad.json:4: $(<"$work/err")"
[[ $(wc -l <"$work/err") == 1 ]] || fail "$what: expected one warning line"

what="from stdin the source is <stdin>"
env -i PATH=/usr/bin:/bin TZ=UTC "$bin" <"$work/bad.json" >"$work/out" 2>"$work/err"
status=$?
expect_status 0; expect_out "$data/sample-10.compact"
[[ $(<"$work/err") == "flowgrep: warning: <stdin>:4: "* ]] || fail "$what: $(<"$work/err")"

what="a blank line and a JSON array"
{ echo; head -n 5 "$data/sample-10.json"; echo '[1,2]'; tail -n +6 "$data/sample-10.json"; } >"$work/bad2.json"
fg "$work/bad2.json"
expect_status 0; expect_out "$data/sample-10.compact"
[[ $(wc -l <"$work/err") == 2 ]] || fail "$what: expected two warnings: $(<"$work/err")"
grep -q "bad2.json:1: " "$work/err" || fail "$what: no warning for line 1"
grep -q "bad2.json:7: " "$work/err" || fail "$what: no warning for line 7"

what="two objects on one line"
{ head -n 1 "$data/sample-10.json" | tr -d '\n'; echo '{}'; tail -n +2 "$data/sample-10.json"; } >"$work/two.json"
fg "$work/two.json"
expect_status 0
tail -n +2 "$data/sample-10.compact" >"$work/want"
expect_out "$work/want"
grep -q "two.json:1: " "$work/err" || fail "$what: no warning for line 1: $(<"$work/err")"

finish
