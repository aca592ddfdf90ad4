# --aggregate-by and --top: the counts checked against jq computing the same grouping on its own
# (with the Kubernetes naming rules and the event-type table written out independently), as a table
# and as JSON, with aliases, missing fields, filters, --not, --first/--last, and the refusals.
# mixed-120.json is the first 120 lines of the conformance corpus' synthetic-seed3.json (drops,
# every L4 protocol, L7, workloads, node status).
source "$(dirname "$0")/lib.sh"

command -v jq >/dev/null || { echo "SKIP: jq is not installed (scripts/setup --tests installs it)"; exit 77; }
flows=$data/mixed-120.json

# The event type names, from `flowgrep event-types` ("4:3" -> "trace:to-stack").
env -i "$bin" event-types | awk 'NF >= 2 { print $1 "\t" $2 }' | jq -R -s -c \
    'split("\n") | map(select(length > 0) | split("\t") | {(.[0]): .[1]}) | add' >"$work/types.json"

# jq's side. A tuple's values are null when the field is not in the JSON; rows sort by count, then
# by the values in key order: numbers, then text, then booleans, then null.
prelude='
def rank: if . == null then [3, 0] elif type == "number" then [0, .] elif type == "string" then [1, .] else [2, .] end;
def cell: if . == null then "-" else tostring end;
def alphabet: "[bcdfghjklmnpqrstvwxz2456789]";
def workload(ep): if ((ep.workloads // []) | length) > 0 then ep.workloads[0].name
  elif ep.pod_name == null then null
  else ep.pod_name
    | if test("-" + alphabet + "{6,10}-" + alphabet + "{5}$") then sub("-[^-]+-[^-]+$"; "")
      elif test("-" + alphabet + "{5}$") or test("-(0|[1-9][0-9]{0,8})$") then sub("-[^-]+$"; "")
      else . end
  end;
def protocol: if .l7.http then "http" elif .l7.dns then "dns" elif .l7.kafka then "kafka"
  elif .l4 then (.l4 | keys[0] | ascii_downcase) else null end;
def policy(a; b): ((a // []) + (b // []))[0] | if . == null then null
  elif .namespace then .namespace + "/" + .name else .name end;
def dst_port: (.l4.TCP // .l4.UDP // .l4.SCTP // {}).destination_port;
def event_name: if .event_type == null then null else
  ((.event_type.type // 0) | tostring) as $t | ((.event_type.sub_type // 0) | tostring) as $s
  | $types[0][$t + ":" + $s] // (if $s == "0" then $types[0][$t] else null end) // ($t + ":" + $s) end;
'

# expected 'TUPLE' ['SELECT'] : the rows jq counts, as TSV (count first), over the flows SELECT keeps.
expected() {
    jq -s -r --slurpfile types "$work/types.json" "$prelude"'
        [.[] | select(.flow) | .flow | select('"${2:-true}"') | ['"$1"']]
        | group_by(.) | map({n: length, k: .[0]}) | sort_by(-.n, (.k | map(rank)))
        | .[] | [.n] + (.k | map(cell)) | @tsv' "$flows"
}

# as_tsv: flowgrep's table (header dropped) or JSON rows, as TSV.
table_as_tsv() { tail -n +2 "$work/out" | awk -v OFS='\t' '{ $1 = $1; print }'; }
json_as_tsv() { jq -r --slurpfile types "$work/types.json" "$prelude"'[.[]] | map(cell) | @tsv' "$work/out"; }

# check 'WHAT' 'TUPLE' 'SELECT' FLOWGREP_ARGS... : table and JSON both match jq's rows.
check() {
    what=$1
    local tuple=$2 select=$3
    shift 3
    expected "$tuple" "$select" >"$work/want"
    [[ -s $work/want ]] || fail "$what: jq expects no rows: the case tests nothing"
    fg "$@" "$flows"
    expect_status 0; expect_err_empty
    table_as_tsv >"$work/got"
    cmp -s "$work/want" "$work/got" || { fail "$what: table rows differ"; diff -u "$work/want" "$work/got" | head -n 20; }
    fg -o json "$@" "$flows"
    expect_status 0; expect_err_empty
    json_as_tsv >"$work/got"
    cmp -s "$work/want" "$work/got" || { fail "$what (-o json): rows differ"; diff -u "$work/want" "$work/got" | head -n 20; }
}

check "one key" '.verdict' true --aggregate-by verdict
check "three keys, paths" '.source.namespace, .destination.namespace, .verdict' true \
    --aggregate-by source.namespace,destination.namespace,verdict
check "aliases for paths" '.source.namespace, .destination.pod_name, .source.identity, .IP.destination' true \
    --aggregate-by src-ns,dst-pod,src-identity,dst-ip
check "repeated flag" '.source.namespace, .traffic_direction' true \
    --aggregate-by src-ns --aggregate-by traffic_direction
check "workloads" 'workload(.source), workload(.destination)' true --aggregate-by src-workload,dst-workload
check "dst-port and protocol" 'protocol, dst_port' true --aggregate-by protocol,dst-port
check "type" 'event_name' true --aggregate-by type
check "fields only the JSON has" '.l4.ICMPv4.type, .l4.ICMPv6.code, .trace_observation_point' true \
    --aggregate-by l4.ICMPv4.type,l4.ICMPv6.code,trace_observation_point
check "the policies" 'policy(.ingress_denied_by; .egress_denied_by), policy(.ingress_allowed_by; .egress_allowed_by)' \
    true --aggregate-by denied-by,allowed-by
check "a BoolValue keeps false" '.is_reply' true --aggregate-by is_reply
check "missing fields" '.destination.namespace, .drop_reason_desc, .l7.http.code' true \
    --aggregate-by dst-ns,drop_reason_desc,l7.http.code
check "with a filter" '.destination.pod_name, .drop_reason_desc, dst_port' '.verdict == "DROPPED"' \
    --verdict DROPPED --aggregate-by dst-pod,drop_reason_desc,dst-port
check "with --not" '.source.namespace, .destination.namespace' \
    '(.source.namespace != "shop") and (.destination.namespace != "shop")' \
    --not --namespace shop --aggregate-by src-ns,dst-ns
# --protocol tcp matches L7 flows over TCP too.
check "filters and --not together" '.verdict, protocol' \
    '(.source.namespace == "frontend" or .destination.namespace == "frontend") and (.l4.TCP == null)' \
    --namespace frontend --not --protocol tcp --aggregate-by verdict,protocol

what="--top keeps the largest rows"
expected '.source.namespace, .destination.namespace' true | head -n 3 >"$work/want"
fg --aggregate-by src-ns,dst-ns --top 3 "$flows"
expect_status 0; expect_err_empty
table_as_tsv >"$work/got"
cmp -s "$work/want" "$work/got" || { fail "$what"; diff -u "$work/want" "$work/got"; }
fg -o json --aggregate-by src-ns,dst-ns --top=0x3 "$flows"
json_as_tsv >"$work/got"
cmp -s "$work/want" "$work/got" || fail "$what (-o json, 0x3)"

what="--first and --last: over the first or last N flows that passed"
# jq's side over the same lines: the node status lines are not flows, and --first counts responses.
head -n 40 "$flows" >"$work/first.json"
fg --aggregate-by verdict,src-ns --first 40 "$flows"
expect_status 0
table_as_tsv >"$work/got"
flows=$work/first.json expected '.verdict, .source.namespace' true >"$work/want"
cmp -s "$work/want" "$work/got" || { fail "$what (--first)"; diff -u "$work/want" "$work/got"; }
tail -n 25 "$flows" >"$work/last.json"
fg --aggregate-by verdict,src-ns --last 25 "$flows"
expect_status 0
table_as_tsv >"$work/got"
flows=$work/last.json expected '.verdict, .source.namespace' true >"$work/want"
cmp -s "$work/want" "$work/got" || { fail "$what (--last)"; diff -u "$work/want" "$work/got"; }

what="the exact table"
fg --aggregate-by verdict,drop_reason_desc --type drop "$flows"
expect_status 0; expect_err_empty
expect_out - <<'OUT'
COUNT   verdict   drop_reason_desc
    6   DROPPED   POLICY_DENIED
    1   DROPPED   INVALID_PACKET_DROPPED
    1   DROPPED   IS_A_CLUSTERIP
OUT

what="the exact JSON, typed values and null; a tie at --top goes by key order"
fg -o json --aggregate-by dst-port,src-ns,verdict --to-pod payments/payments-api --top 2 "$flows"
expect_status 0; expect_err_empty
expect_out - <<'OUT'
{"count":10,"dst-port":8080,"src-ns":"shop","verdict":"FORWARDED"}
{"count":2,"dst-port":37291,"src-ns":null,"verdict":"FORWARDED"}
OUT

what="nothing passed: no rows, no header"
fg --aggregate-by verdict --verdict AUDIT "$flows"
expect_status 0; expect_out /dev/null; expect_err_empty

what="only flows count; lost events are reported"
printf '%s\n' \
    '{"flow":{"verdict":"FORWARDED"}}' \
    '{"lost_events":{"source":"PERF_EVENT_RING_BUFFER","num_events_lost":"7","cpu":2}}' \
    '{"node_status":{"state_change":"NODE_CONNECTED","node_names":["a"]}}' \
    '{"lost_events":{"source":"HUBBLE_RING_BUFFER","num_events_lost":"49"}}' >"$work/lost.json"
fg --aggregate-by verdict "$work/lost.json"
expect_status 0
expect_out - <<'OUT'
COUNT   verdict
    1   FORWARDED
OUT
expect_err "flowgrep: warning: the input reports 56 lost events, which the counts leave out"

what="--follow on standard input prints the rows when the input ends"
fg --follow --aggregate-by verdict --type drop <"$flows"
expect_status 0; expect_err_empty
[[ $(head -n 2 "$work/out") == $'COUNT   verdict\n    8   DROPPED' ]] || fail "$what: $(<"$work/out")"

what="--follow on a FILE prints the rows when Ctrl-C ends it"
cp "$flows" "$work/live.json"
env -i PATH=/usr/bin:/bin TZ=UTC "$bin" --follow --aggregate-by verdict --type drop "$work/live.json" >"$work/out" 2>"$work/err" &
pid=$!
sleep 0.5
jq -c 'select(.flow.event_type.type == 1)' "$flows" | head -n 1 >>"$work/live.json"  # one more drop
sleep 0.5
kill -INT "$pid"
wait "$pid"; status=$?
expect_status 0; expect_err_empty
[[ $(head -n 2 "$work/out") == $'COUNT   verdict\n    9   DROPPED' ]] || fail "$what: $(<"$work/out")"

what="a setting's compact output means the table"
env -i PATH=/usr/bin:/bin FLOWGREP_OUTPUT=dict "$bin" --config '' --aggregate-by verdict --type drop "$flows" >"$work/out" 2>"$work/err"
[[ $(<"$work/out") == $'COUNT   verdict\n    8   DROPPED' ]] || fail "$what: $(<"$work/out") $(<"$work/err")"

# Refusals, with the reason.
refused() {
    what=$1
    local message=$2
    shift 2
    fg "$@" "$flows"
    expect_status 2; expect_out /dev/null
    expect_err "flowgrep: error: $message"
}
refused "a mistyped key" 'invalid argument "src-ns,dts-ns" for "--aggregate-by" flag: unknown key "dts-ns" (did you mean dst-ns?)' \
    --aggregate-by src-ns,dts-ns
refused "a message" 'invalid argument "l4" for "--aggregate-by" flag: "l4" is a message; name one of its fields: l4.TCP, l4.UDP, l4.ICMPv4, l4.ICMPv6, l4.SCTP, l4.VRRP, l4.IGMP' \
    --aggregate-by l4
refused "a list" 'invalid argument "source.workloads" for "--aggregate-by" flag: "source.workloads" is a list; use src-workload' \
    --aggregate-by source.workloads
refused "a key twice" 'invalid argument "verdict" for "--aggregate-by" flag: key "verdict" is given twice' \
    --aggregate-by verdict,src-ns --aggregate-by verdict
refused "-o compact" 'compact output format is not compatible with --aggregate-by (it prints a table, or JSON rows with -o json)' \
    -o compact --aggregate-by verdict
refused "-o dict" 'dict output format is not compatible with --aggregate-by (it prints a table, or JSON rows with -o json)' \
    --aggregate-by verdict -o dict
refused "--count" 'cannot set both --aggregate-by and --count' --aggregate-by verdict -c
refused "--quiet" 'cannot set both --aggregate-by and --quiet' --aggregate-by verdict -q
refused "--field-mask" 'cannot set both --aggregate-by and --field-mask' -o json --field-mask verdict --aggregate-by verdict
refused "--top alone" '--top needs --aggregate-by' --top 3
refused "--top not a number" 'invalid argument "x" for "--top" flag: want a whole number, 0 or more' \
    --aggregate-by verdict --top x

finish
