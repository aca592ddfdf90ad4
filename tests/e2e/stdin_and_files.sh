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

what="a directory is reported, the other files still read"
fg "$work" "$data/sample-10.json"
expect_status 2; expect_out "$data/sample-10.compact"
expect_err "flowgrep: error: $work: Is a directory"

what="errors come in order, between the flows of the files around them"
fg "$data/sample-10.json" "$work/missing.json" "$work" "$data/sample-10.json"
expect_status 2
cat "$data/sample-10.compact" "$data/sample-10.compact" >"$work/want"
expect_out "$work/want"
expect_err "flowgrep: error: $work/missing.json: No such file or directory
flowgrep: error: $work: Is a directory"

what="an unreadable file is reported, the other files still read"
cp "$data/sample-10.json" "$work/secret.json"
chmod 000 "$work/secret.json"
if [[ $(id -u) != 0 ]]; then
    fg "$work/secret.json" "$data/sample-10.json"
elif command -v setpriv >/dev/null; then
    # root reads anything: drop to nobody for this one run
    chmod 755 "$work"
    env -i PATH=/usr/bin:/bin TZ=UTC setpriv --reuid=65534 --regid=65534 --clear-groups \
        "$bin" "$work/secret.json" "$data/sample-10.json" >"$work/out" 2>"$work/err"
    status=$?
else
    echo "skipped: $what (root without setpriv)"
    status=2; cp "$data/sample-10.compact" "$work/out"
    echo "flowgrep: error: $work/secret.json: Permission denied" >"$work/err"
fi
expect_status 2; expect_out "$data/sample-10.compact"
expect_err "flowgrep: error: $work/secret.json: Permission denied"

what="no trailing newline on the last line"
head -c -1 "$data/sample-10.json" >"$work/cut.json"
fg "$work/cut.json"
expect_status 0; expect_out "$data/sample-10.compact"; expect_err_empty

what="CRLF line ends"
sed 's/$/\r/' "$data/sample-10.json" >"$work/crlf.json"
fg "$work/crlf.json"
expect_status 0; expect_out "$data/sample-10.compact"; expect_err_empty
fg --strict "$work/crlf.json"
expect_status 0; expect_out "$data/sample-10.compact"; expect_err_empty

what="a UTF-8 byte-order mark at the start of each file"
{ printf '\xef\xbb\xbf'; cat "$data/sample-10.json"; } >"$work/bom.json"
fg --strict "$work/bom.json" "$work/bom.json"
cat "$data/sample-10.compact" "$data/sample-10.compact" >"$work/want"
expect_status 0; expect_out "$work/want"; expect_err_empty
env -i PATH=/usr/bin:/bin TZ=UTC "$bin" --strict <"$work/bom.json" >"$work/out" 2>"$work/err"
status=$?
expect_status 0; expect_out "$data/sample-10.compact"; expect_err_empty

finish
