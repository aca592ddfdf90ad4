# Bare Flow objects (what `jq -c .flow` writes, and what some exporters and older hubble versions
# store) read as the flows they would wrap: the same text output as the wrapped lines, -o json
# printing each as it came, on a file, standard input, compressed, pretty or in an array, mixed with
# wrapped lines, through filters, the time window and an exporter fieldMask. A bad one is named by
# its line, and the flows around it still come out.
source "$(dirname "$0")/lib.sh"

sample=$data/sample-10.json
jq -c .flow "$sample" >"$work/bare.json"

for format in compact dict table; do
    what="-o $format: a bare flow prints as the wrapped one"
    fg -o "$format" "$sample"; cp "$work/out" "$work/want"
    fg -o "$format" "$work/bare.json"
    expect_status 0; expect_out "$work/want"; expect_err_empty
done
cp "$data/sample-10.compact" "$work/compact"

what="-o json prints each bare flow as it came"
fg -o json "$work/bare.json"
expect_status 0; expect_out "$work/bare.json"; expect_err_empty

what="--strict: a bare flow is no bad line"
fg --strict -c "$work/bare.json"
expect_status 0; expect_err_empty
[[ $(<"$work/out") == 10 ]] || fail "$what: counted [$(<"$work/out")]"

what="on standard input"
env -i PATH=/usr/bin:/bin TZ=UTC "$bin" <"$work/bare.json" >"$work/out" 2>"$work/err"
status=$?
expect_status 0; expect_out "$work/compact"; expect_err_empty

what="gzip'd, pretty-printed, and in an array"
gzip -n -c "$work/bare.json" >"$work/bare.json.gz"
jq .flow "$sample" >"$work/pretty.json"
jq -s 'map(.flow)' "$sample" >"$work/array.json"
fg "$work/bare.json.gz" "$work/pretty.json" "$work/array.json"
cat "$work/compact" "$work/compact" "$work/compact" >"$work/want"
expect_status 0; expect_out "$work/want"; expect_err_empty

what="bare and wrapped lines in one file"
{ head -n 5 "$work/bare.json"; tail -n 5 "$sample"; } >"$work/mixed.json"
fg "$work/mixed.json"
expect_status 0; expect_out "$work/compact"; expect_err_empty

what="filters read a bare flow as a wrapped one"
for args in "--namespace bookinfo" "--verdict FORWARDED --to-pod bookinfo/" "--port 9080 -o dict" \
    "--since 2021-06-16T16:52:13.5Z" "--until 2021-06-16T16:52:13.5Z --last 2"; do
    # shellcheck disable=SC2086
    fg $args "$sample"; cp "$work/out" "$work/want"
    # shellcheck disable=SC2086
    fg $args "$work/bare.json"
    expect_status 0; expect_out "$work/want"; expect_err_empty
done

what="CEL and --aggregate-by read the fields the parser does not hold"
cel='_flow.trace_observation_point == TraceObservationPoint.TO_STACK && _flow.source.labels.size() > 3'
fg --cel-expression "$cel" -c "$work/bare.json"
expect_status 0; expect_err_empty
[[ $(<"$work/out") == 5 ]] || fail "$what: CEL counted [$(<"$work/out")]"
fg --aggregate-by trace_observation_point,src-ns,dst-ns "$sample"; cp "$work/out" "$work/want"
fg --aggregate-by trace_observation_point,src-ns,dst-ns "$work/bare.json"
expect_status 0; expect_out "$work/want"; expect_err_empty

what="an exporter fieldMask keeps a bare flow bare"
cat >"$work/exporter.yaml" <<'YAML'
flowLogs:
- name: masked
  filePath: /tmp/flows.log
  fieldMask: [time, verdict]
YAML
fg -o json --exporter-config "$work/exporter.yaml" "$work/bare.json"
jq -c '{time, verdict}' "$work/bare.json" >"$work/want"
expect_status 0; expect_out "$work/want"; expect_err_empty

what="a bad bare flow is named by its line; the others come out"
{ head -n 4 "$work/bare.json"; echo '{"verdict":"DROPPED","source":{"labels":"k8s:app=x"}}'; tail -n 6 "$work/bare.json"; } \
    >"$work/bad.json"
fg "$work/bad.json"
{ head -n 4 "$work/compact"; tail -n 6 "$work/compact"; } >"$work/want"
expect_status 0; expect_out "$work/want"
expect_err "flowgrep: warning: $work/bad.json:5: bad value for \"labels\": expected an array, found a string; line skipped"

finish
