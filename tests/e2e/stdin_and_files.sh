# Input sources: standard input, "-", one file, several files read in order as one stream.
source "$(dirname "$0")/lib.sh"

what="stdin"
env -i PATH=/usr/bin:/bin TZ=UTC "$bin" <"$data/sample-10.json" >"$work/out" 2>"$work/err"
status=$?
expect_status 0; expect_out "$data/sample-10.compact"; expect_err_empty

what="dash is stdin"
env -i PATH=/usr/bin:/bin TZ=UTC "$bin" - <"$data/sample-10.json" >"$work/out" 2>"$work/err"
status=$?
expect_status 0; expect_out "$data/sample-10.compact"

what="a file"
fg "$data/sample-10.json"
expect_status 0; expect_out "$data/sample-10.compact"; expect_err_empty

what="two files in order"
fg "$data/sample-10.json" "$data/sample-10.json"
cat "$data/sample-10.compact" "$data/sample-10.compact" >"$work/want"
expect_status 0; expect_out "$work/want"

what="file, stdin, file"
env -i PATH=/usr/bin:/bin TZ=UTC "$bin" "$data/sample-10.json" - "$data/sample-10.json" \
    <"$data/sample-10.json" >"$work/out" 2>"$work/err"
status=$?
cat "$data/sample-10.compact" "$data/sample-10.compact" "$data/sample-10.compact" >"$work/want"
expect_status 0; expect_out "$work/want"

what="json output passes lines through unchanged"
fg -o json "$data/sample-10.json"
expect_status 0; expect_out "$data/sample-10.json"

what="a missing file is reported, the others still read"
fg "$work/missing.json" "$data/sample-10.json"
expect_status 2; expect_out "$data/sample-10.compact"
expect_err "flowgrep: error: $work/missing.json: No such file or directory"

what="a directory is reported"
fg "$work"
expect_status 2
expect_err "flowgrep: error: $work: Is a directory"

what="no trailing newline on the last line"
head -c -1 "$data/sample-10.json" >"$work/cut.json"
fg "$work/cut.json"
expect_status 0; expect_out "$data/sample-10.compact"

what="CRLF line ends"
sed 's/$/\r/' "$data/sample-10.json" >"$work/crlf.json"
fg "$work/crlf.json"
expect_status 0; expect_out "$data/sample-10.compact"

finish
