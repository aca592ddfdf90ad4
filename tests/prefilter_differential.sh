#!/usr/bin/env bash
# The literal prefilter (src/filter/prefilter.h) must change nothing but the speed: every conformance
# case, and a few filters over every real capture and over lines made to trip it (escapes, white
# space, camelCase keys, numeric enums, node status, bad lines), run with it and without it
# (NO_FLOWGREP_PREFILTER=1) and must give the same stdout, stderr and exit status.
# usage: prefilter_differential.sh BIN CONFORMANCE_DIR DATA_DIR
set -u
bin=$1 dir=$(cd "$2" && pwd) data=$(cd "$3" && pwd)
[[ $bin == */* ]] && bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")

work=$(mktemp -d "${TMPDIR:-/tmp}/flowgrep-prefilter.XXXXXX")
trap 'rm -rf "$work"' EXIT
clean_env=(env -i PATH="$PATH" ${TMPDIR:+TMPDIR="$TMPDIR"} TZ=UTC)

failed=0 compared=0 prefiltered=0
# same INPUT ARGS...: runs both ways from the conformance folder (cases name their files relative
# to it) and compares.
same() {
    local input=$1
    shift
    (cd "$dir" && "${clean_env[@]}" "$bin" "$@" <"$input" >"$work/on.out" 2>"$work/on.err")
    local on=$?
    (cd "$dir" && "${clean_env[@]}" NO_FLOWGREP_PREFILTER=1 "$bin" "$@" <"$input" >"$work/off.out" 2>"$work/off.err")
    local off=$?
    compared=$((compared + 1))
    if [[ $on != "$off" ]] || ! cmp -s "$work/on.out" "$work/off.out" || ! cmp -s "$work/on.err" "$work/off.err"; then
        echo "DIFFERS: $* < $input (status $on with the prefilter, $off without)"
        diff <(cat "$work/off.out" "$work/off.err") <(cat "$work/on.out" "$work/on.err") | head -n 10
        failed=$((failed + 1))
    fi
}

for case in "$dir"/cases/*.case; do
    mapfile -t lines <"$case"
    same "$dir/${lines[0]#input: }" "${lines[@]:2}"
done

# Lines written to trip a prefilter: flows some of the filters below pass, spelled the way Hubble
# does not write them, other records, and lines not shaped as a flow, which are always parsed (and
# reported). Lines shaped as flows but bad are below: those the needles rule out go unreported.
tricky=$work/tricky.json
cat >"$tricky" <<'EOF'
{"flow":{"verdict":"DROPPED","source":{"namespace":"shop","pod_name":"cart-1"},"event_type":{"type":1}}}
{"flow":{"verdict":"\u0044ROPPED","source":{"namespace":"\u0073hop","pod_name":"cart-2"}}}
{"flow":{"verdict" :	"DROPPED" , "source" : { "namespace" : "shop" }}}
{"flow":{"verdict":2,"traffic_direction":1,"drop_reason_desc":133}}
{"flow":{"verdict":2.0,"trafficDirection":"INGRESS","dropReasonDesc":"POLICY_DENIED"}}
{"flow":{"verdict":"2","l4":{"TCP":{"sourcePort":"80","destination_port":65616}}}}
{"flow":{"event_type":{"type":"129"},"l4":{"UDP":{"destinationPort":53}}}}
{"flow":{"event_type":{"type":4e0},"destination":{"podName":"xwing-1","namespace":"default"}}}
{"node_status":{"state_change":"NODE_CONNECTED","node_names":["a"]}}
{"nodeStatus":{"stateChange":"NODE_ERROR","nodeNames":["a"]}}
{"lost_events":{"source":"PERF_EVENT_RING_BUFFER","num_events_lost":3}}
{"lostEvents":{"numEventsLost":3}}
{"flow":{"verdict":"FORWARDED"}}
{"flow":{"verdict":"FORWARDED","source":{"namespace":"kube-sys
not json at all
{"verdict":"DROPPED","source":{"namespace":"shop"}}
{"flow":{"uuid":"u-1","verdict":"FORWARDED"},"node_name":"n"}  
EOF
# The same lines as a container runtime logs them, a prefix before each.
sed 's/^/2024-03-12T14:00:00.000000000Z stdout F /' "$tricky" >"$work/tricky-cri.json"

filters=(
    "--verdict DROPPED" "--verdict DROPPED --namespace shop" "--from-namespace shop" "--traffic-direction ingress"
    "--drop-reason-desc POLICY_DENIED" "--port 80" "--to-port 53" "--type l7" "--type trace" "--type drop"
    "--to-pod default/xwing" "--from-pod shop/cart" "--uuid u-1" "--verdict DROPPED --not --namespace shop"
    "--verdict DROPPED --since 2000-01-01T00:00:00Z" "--identity 2" "--to-cluster prod"
    "--verdict DROPPED --cel-expression _flow.source.namespace=='shop'" "--from-workload Deployment/coredns"
    "--cel-expression _flow.verdict==Verdict.DROPPED" "--cel-expression 1/0==0&&_flow.verdict==Verdict.DROPPED"
    "--cel-expression _flow.l4.TCP.source_port==80u&&_flow.traffic_direction==TrafficDirection.INGRESS"
    "--cel-expression _flow.event_type.type==129&&_flow.destination.pod_name=='xwing-1'"
    "-l k8s:app=reviews --http-path ^/api/" "--from-label k8s-app=kube-dns" "--to-label k8s:app=ratings,version=v1"
    "--from-label app=coredns --from-label reserved:host"
)
for input in "$tricky" "$work/tricky-cri.json" "$data"/*.json "$dir"/realflows/*; do
    [[ -f $input && $input != *INDEX.md ]] || continue
    for f in "${filters[@]}"; do
        read -ra args <<<"$f"
        for out in compact json; do same "$input" "${args[@]}" -o "$out"; done
        same "$input" "${args[@]}" -c
    done
done

# The one difference it makes, by design (README, "A line the filters drop"): a line shaped as a
# flow that the needles rule out is dropped unread, so a mistake in it goes unreported. This also
# shows that the prefilter is on at all, or the comparisons above would prove nothing.
printf '%s\n' '{"flow":{"verdict":"FORWARDED",,"source":{"namespace":"shop"}}}' >"$work/unread.json"
(cd "$work" && "${clean_env[@]}" "$bin" --verdict DROPPED "$work/unread.json" >/dev/null 2>"$work/on.err")
(cd "$work" && "${clean_env[@]}" NO_FLOWGREP_PREFILTER=1 "$bin" --verdict DROPPED "$work/unread.json" >/dev/null 2>"$work/off.err")
if [[ -s $work/on.err || ! -s $work/off.err ]]; then
    echo "a malformed FORWARDED flow: expected a warning without the prefilter only"
    failed=$((failed + 1))
fi
# A bad line the needles do not rule out is parsed, and reported, as before: a wrong type where
# the verdict is, a mistake in a DROPPED flow, two payloads in the flow with the uuid.
printf '%s\n' '{"flow":{"verdict":{},"source":{"identity":"x"}}}' '{"flow":{"verdict":"DROPPED","x":[1,,2]}}' \
    >"$work/bad.json"
same "$work/bad.json" --verdict DROPPED
printf '%s\n' '{"flow":{"uuid":"u-1"},"lost_events":{"num_events_lost":1}}' >"$work/bad.json"
same "$work/bad.json" --uuid u-1
# ... and --strict reads every line: the prefilter is off.
(cd "$work" && "${clean_env[@]}" "$bin" --strict --verdict DROPPED "$work/unread.json" >/dev/null 2>&1)
[[ $? == 2 ]] || { echo "--strict did not stop at the malformed line"; failed=$((failed + 1)); }

echo "prefilter: $compared runs compared with and without it, $failed differ"
[[ $failed == 0 ]]
