# --print-policy-names (Hubble 1.18): policy-verdict events follow ALLOWED (forwarded, redirected)
# or DENIED (dropped, error) with ` BY name (Kind), ...` from the allowed-by or denied-by list of the
# flow's traffic direction. An unknown direction, AUDITED, other event types and policies without a
# name or a kind add nothing. The names share the verdict's colour.
source "$(dirname "$0")/lib.sh"

in=$data/policy-verdicts.json
flows='shop/client:40000 (ID:12345) -> shop/server:80 (ID:23456)'

what="compact"
fg --print-policy-names "$in"
expect_status 0; expect_err_empty
expect_out - <<OUT
Jan  2 03:04:05.001: $flows policy-verdict:L3-Only EGRESS ALLOWED BY allow-egress (CiliumNetworkPolicy), cluster-dns (CiliumClusterwideNetworkPolicy) (TCP Flags: SYN)
Jan  2 03:04:05.002: $flows policy-verdict:L3-Only INGRESS ALLOWED BY allow-ingress (NetworkPolicy) (IP Trace ID: 4660; TCP Flags: SYN)
Jan  2 03:04:05.003: $flows policy-verdict:L3-Only INGRESS DENIED BY deny-ingress (CiliumNetworkPolicy) (TCP Flags: SYN)
Jan  2 03:04:05.004: $flows policy-verdict:L3-Only EGRESS DENIED BY deny-egress (CiliumNetworkPolicy) (TCP Flags: SYN)
Jan  2 03:04:05.005: $flows policy-verdict:L3-Only EGRESS AUDITED (TCP Flags: SYN)
Jan  2 03:04:05.006: $flows policy-verdict:L3-Only TRAFFIC_DIRECTION_UNKNOWN ALLOWED (TCP Flags: SYN)
Jan  2 03:04:05.007: $flows policy-verdict:L3-Only EGRESS DENIED (TCP Flags: SYN)
Jan  2 03:04:05.008: $flows to-stack FORWARDED (TCP Flags: SYN)
OUT

what="without the flag (or with =false) no names"
for flag in "" --print-policy-names=false; do
    fg $flag "$in"
    expect_status 0; expect_err_empty
    grep -q ' BY ' "$work/out" && fail "$what ($flag): names printed"
    [[ $(sed -n 1p "$work/out") == "Jan  2 03:04:05.001: $flows policy-verdict:L3-Only EGRESS ALLOWED (TCP Flags: SYN)" ]] ||
        fail "$what ($flag): first line is $(sed -n 1p "$work/out")"
done

what="dict"
fg --print-policy-names -o dict --verdict DROPPED --verdict ERROR "$in"
expect_status 0; expect_err_empty
expect_out - <<'OUT'
  TIMESTAMP: Jan  2 03:04:05.003
     SOURCE: shop/client:40000
DESTINATION: shop/server:80
       TYPE: policy-verdict:L3-Only INGRESS
    VERDICT: DENIED BY deny-ingress (CiliumNetworkPolicy)
    SUMMARY: TCP Flags: SYN
------------
  TIMESTAMP: Jan  2 03:04:05.004
     SOURCE: shop/client:40000
DESTINATION: shop/server:80
       TYPE: policy-verdict:L3-Only EGRESS
    VERDICT: DENIED BY deny-egress (CiliumNetworkPolicy)
    SUMMARY: TCP Flags: SYN
------------
  TIMESTAMP: Jan  2 03:04:05.007
     SOURCE: shop/client:40000
DESTINATION: shop/server:80
       TYPE: policy-verdict:L3-Only EGRESS
    VERDICT: DENIED
    SUMMARY: TCP Flags: SYN
OUT

what="table with --print-node-name"
fg --print-policy-names -o table --print-node-name --first 3 "$in"
expect_status 0; expect_err_empty
expect_out - <<'OUT'
TIMESTAMP             NODE     SOURCE              DESTINATION      TYPE                             VERDICT                                                                                       SUMMARY
Jan  2 03:04:05.001   node-1   shop/client:40000   shop/server:80   policy-verdict:L3-Only EGRESS    ALLOWED BY allow-egress (CiliumNetworkPolicy), cluster-dns (CiliumClusterwideNetworkPolicy)   TCP Flags: SYN
Jan  2 03:04:05.002   node-1   shop/client:40000   shop/server:80   policy-verdict:L3-Only INGRESS   ALLOWED BY allow-ingress (NetworkPolicy)                                                      IP Trace ID: 4660; TCP Flags: SYN
Jan  2 03:04:05.003   node-1   shop/client:40000   shop/server:80   policy-verdict:L3-Only INGRESS   DENIED BY deny-ingress (CiliumNetworkPolicy)                                                  TCP Flags: SYN
OUT

what="--color always: the names inside the verdict's colour"
fg --print-policy-names --color always --first 3 "$in"
expect_status 0; expect_err_empty
grep -q $'EGRESS \e\\[32mALLOWED BY allow-egress (CiliumNetworkPolicy), cluster-dns (CiliumClusterwideNetworkPolicy)\e\\[0m (TCP' "$work/out" ||
    fail "$what: line 1 is $(sed -n 1p "$work/out" | cat -v)"
grep -q $'INGRESS \e\\[31mDENIED BY deny-ingress (CiliumNetworkPolicy)\e\\[0m (TCP' "$work/out" ||
    fail "$what: line 3 is $(sed -n 3p "$work/out" | cat -v)"

finish
