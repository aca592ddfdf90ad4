# Pretty-printed JSON (`hubble observe -o json | jq .`), arrays (`jq -s`), values one after another
# and files without a final newline read as the same flows as NDJSON, from a file, standard input or
# compressed data, and under --follow. -o json prints each value minified, on one line. A damaged
# value is warned about at the line it starts on, and the values after it are still read.
source "$(dirname "$0")/lib.sh"

sample=$data/sample-10.json  # NDJSON, compact, as hubble writes it
compact=$data/sample-10.compact
jq . "$sample" >"$work/pretty.json"
jq -s . "$sample" >"$work/array.json"
jq -sc . "$sample" >"$work/array-one-line.json"
printf '%s' "$(jq --indent 4 . "$data/http-5.json")" >"$work/no-newline.json"  # no final newline
fg -o json "$data/http-5.json"; cp "$work/out" "$work/http.json"
fg "$data/http-5.json"; cp "$work/out" "$work/http.compact"

for f in pretty array array-one-line; do
    what="$f: the flows of the NDJSON file"
    fg "$work/$f.json"
    expect_status 0; expect_out "$compact"; expect_err_empty
    what="$f: -o json prints each flow minified, as hubble wrote it"
    fg -o json "$work/$f.json"
    expect_status 0; expect_out "$sample"; expect_err_empty
done

what="4-space indent and no final newline"
fg -o json "$work/no-newline.json"
expect_status 0; expect_out "$work/http.json"; expect_err_empty

what="pretty, array and NDJSON one after another in one file"
cat "$work/pretty.json" "$work/array.json" "$data/http-5.json" "$work/pretty.json" >"$work/mixed.json"
fg "$work/mixed.json"
cat "$compact" "$compact" "$work/http.compact" "$compact" >"$work/want"
expect_status 0; expect_out "$work/want"; expect_err_empty

what="several files, each read by its own layout"
fg "$work/array.json" "$data/http-5.json" "$work/no-newline.json" "$work/pretty.json"
cat "$compact" "$work/http.compact" "$work/http.compact" "$compact" >"$work/want"
expect_status 0; expect_out "$work/want"; expect_err_empty

what="on standard input, piped"
jq . "$sample" | env -i PATH=/usr/bin:/bin TZ=UTC "$bin" >"$work/out" 2>"$work/err"
status=$?
expect_status 0; expect_out "$compact"; expect_err_empty

what="compressed, from a file and on standard input"
gzip -n -c "$work/array.json" >"$work/array.json.gz"
xz -c "$work/pretty.json" >"$work/pretty.xz"
fg "$work/array.json.gz" "$work/pretty.xz"
cat "$compact" "$compact" >"$work/want"
expect_status 0; expect_out "$work/want"; expect_err_empty
env -i PATH=/usr/bin:/bin TZ=UTC "$bin" <"$work/array.json.gz" >"$work/out" 2>"$work/err"
status=$?
expect_status 0; expect_out "$compact"; expect_err_empty

n=$(($(grep -n '^{' "$work/pretty.json" | sed -n 2p | cut -d: -f1) - 1))  # lines of the first flow
what="a bad string in the middle: a warning at the line its object starts on, the rest read"
{ head -n "$n" "$work/pretty.json"; printf '{\n  "flow": {\n    "verdict": "DROPP\n  }\n}\n'; tail -n +$((n + 1)) "$work/pretty.json"; } >"$work/bad-string.json"
fg "$work/bad-string.json"
expect_status 0; expect_out "$compact"
expect_err "flowgrep: warning: $work/bad-string.json:$((n + 1)): truncated: the line ends inside a string; line skipped"

what="an object never closed: warned at its first line, the next object read"
{ head -n "$n" "$work/pretty.json"; printf '{\n  "flow": {\n    "verdict": "DROPPED",\n'; tail -n +$((n + 1)) "$work/pretty.json"; } >"$work/unclosed.json"
gzip -n -c "$work/unclosed.json" | env -i PATH=/usr/bin:/bin TZ=UTC "$bin" >"$work/out" 2>"$work/err"
status=$?
expect_status 0; expect_out "$compact"
expect_err "flowgrep: warning: <stdin>:$((n + 1)): truncated: the line ends inside an object; line skipped"

what="--strict stops at a bad element of an array, naming its line"
{ echo '['; echo '  {"flow": {}},'; echo '  42,'; echo '  {"flow": {}}'; echo ']'; } >"$work/scalar.json"
fg --strict "$work/scalar.json"
expect_status 2
expect_err "flowgrep: error: $work/scalar.json:3: a number where a JSON object belongs"

what="cut off inside the last object"
head -c -2 "$work/no-newline.json" >"$work/cut.json"
fg "$work/cut.json"
head -n 4 "$work/http.compact" >"$work/want"
expect_status 0; expect_out "$work/want"
expect_err "flowgrep: warning: $work/cut.json:$(grep -n '^{' "$work/cut.json" | tail -n 1 | cut -d: -f1): truncated: the line ends inside an object (the input ends without a newline: cut off?); line skipped"

what="--follow: an object written in parts waits for its end, then prints"
head -n "$n" "$work/pretty.json" >"$work/follow.json"
# Emptied first: the earlier case's output must not pass for this one's before the job truncates it.
: >"$work/out"
env -i PATH=/usr/bin:/bin TZ=UTC "$bin" -f "$work/follow.json" >"$work/out" 2>"$work/err" &
pid=$!
for _ in $(seq 100); do [[ -s $work/out ]] && break; sleep 0.1; done
sed -n "$((n + 1)),$((n + 30))p" "$work/pretty.json" >>"$work/follow.json"  # half of the second flow
sleep 0.5
(($(wc -l <"$work/out") == 1)) || fail "$what: $(wc -l <"$work/out") flows printed before the second was whole"
sed -n "$((n + 31)),\$p" "$work/pretty.json" >>"$work/follow.json"
for _ in $(seq 100); do (($(wc -l <"$work/out") >= 10)) && break; sleep 0.1; done
kill -TERM "$pid"; wait "$pid"; status=$?
expect_status 0; expect_out "$compact"; expect_err_empty

finish
