# Hubble 1.19's flags and filter fields: --encrypted/--unencrypted, --ip-trace-id, --protocol
# vrrp|igmp, the crypto trace points, DROP_PUNT_PROXY, the FlowFilter fields ip_trace_id and
# encrypted in --allowlist/--denylist, and the names 1.19 took away. Matching is checked with -o json,
# which prints the chosen input lines as they are.
source "$(dirname "$0")/lib.sh"
flows=$data/v119-flows.json  # 1 encrypted from-crypto TCP, trace ID 4660; 2 to-crypto UDP; 3 VRRP,
                             # trace ID 2^64-1; 4 encrypted IGMP drop, DROP_PUNT_PROXY; 5 lost events

# keeps "WHAT" "LINE..." ARGS... : -o json prints exactly those lines of $flows, nothing on stderr.
keeps() {
    what=$1
    local lines=$2
    shift 2
    fg -o json "$@" "$flows"
    : >"$work/want"
    for n in $lines; do sed -n "${n}p" "$flows" >>"$work/want"; done
    expect_status 0; expect_out "$work/want"; expect_err_empty
}

# refuses "WHAT" "MESSAGE" ARGS... : status 2, no output, the one error line.
refuses() {
    what=$1
    local message=$2
    shift 2
    fg "$@" "$flows"
    expect_status 2; expect_out /dev/null; expect_err "flowgrep: error: $message"
}

keeps "--encrypted" "1 4" --encrypted
keeps "--encrypted ignores its value" "1 4" --encrypted=false
keeps "--unencrypted: no IP and lost events count as unencrypted" "2 3 5" --unencrypted
keeps "--not --encrypted" "2 3 5" --not --encrypted
keeps "--encrypted --not --unencrypted: one per tracker is fine" "1 4" --encrypted --not --unencrypted
keeps "--encrypted never takes the next word: the file is read twice" "1 4 1 4" --encrypted "$flows"
refuses "--encrypted then --unencrypted" \
    'invalid argument "true" for "--unencrypted" flag: filters --encrypted and --unencrypted cannot be combined' \
    --encrypted --unencrypted
refuses "--unencrypted then --encrypted: the group's order names them" \
    'invalid argument "true" for "--encrypted" flag: filters --encrypted and --unencrypted cannot be combined' \
    --unencrypted --encrypted
refuses "the conflict inside --not" \
    'invalid argument "true" for "--unencrypted" flag: filters --encrypted and --unencrypted cannot be combined' \
    --not --encrypted --not --unencrypted

keeps "--ip-trace-id" "1" --ip-trace-id 4660
keeps "--ip-trace-id repeated is OR-ed, up to 2^64-1" "1 3" --ip-trace-id 18446744073709551615 --ip-trace-id 4660
keeps "--ip-trace-id 00 is 0, not refused" "2 4 5" --ip-trace-id 00
keeps "--not --ip-trace-id" "2 3 4 5" --not --ip-trace-id 4660
refuses "--ip-trace-id 0" \
    'invalid argument "0" for "--ip-trace-id" flag: invalid --ip-trace-id value; must be greater than 0' \
    --ip-trace-id 0
refuses "--ip-trace-id x" \
    'invalid argument "x" for "--ip-trace-id" flag: invalid --ip-trace-id value: want a whole number from 1 to 18446744073709551615' \
    --ip-trace-id x
refuses "--ip-trace-id -1" \
    'invalid argument "-1" for "--ip-trace-id" flag: invalid --ip-trace-id value: want a whole number from 1 to 18446744073709551615' \
    --ip-trace-id -1
refuses "--ip-trace-id has no base prefixes" \
    'invalid argument "0x10" for "--ip-trace-id" flag: invalid --ip-trace-id value: want a whole number from 1 to 18446744073709551615' \
    --ip-trace-id 0x10

keeps "--protocol vrrp" "3" --protocol vrrp
keeps "--protocol IGMP, any case" "4" --protocol IGMP
keeps "-t trace:from-crypto" "1" -t trace:from-crypto
keeps "-t trace:to-crypto and trace:12" "1 2" -t trace:to-crypto -t trace:12
keeps "--drop-reason-desc DROP_PUNT_PROXY" "4" --drop-reason-desc DROP_PUNT_PROXY
keeps "--type 6 still parses" "" --type 6

keeps "--allowlist ip_trace_id, a number or a string" "1 3" --allowlist '{"ip_trace_id":[4660,"18446744073709551615"]}'
keeps "--allowlist ip_trace_id 0: the flows without one" "2 4 5" --allowlist '{"ipTraceId":["0"]}'
keeps "--denylist encrypted false" "1 4" --denylist '{"encrypted":[false]}'
refuses "--allowlist ip_trace_id below 0" \
    "invalid --allowlist flag: failed to decode '{\"ip_trace_id\":[-1]}': proto: (line 1:17): invalid value for uint64 field ipTraceId: -1" \
    --allowlist '{"ip_trace_id":[-1]}'

what="--print-raw-filters: ip_trace_id as strings, encrypted as bools, after trace_id"
fg --print-raw-filters --trace-id t --ip-trace-id 4660 --ip-trace-id 18446744073709551615 --encrypted --not --unencrypted
expect_status 0; expect_err_empty
expect_out - <<'OUT'
allowlist:
    - '{"trace_id":["t"],"ip_trace_id":["4660","18446744073709551615"],"encrypted":[true]}'
denylist:
    - '{"encrypted":[false]}'
OUT

what="--use-default-field-masks=false and --print-policy-names are accepted"
fg --use-default-field-masks=false --print-policy-names --count "$flows"
expect_status 0; expect_err_empty
expect_out - <<<'4'

# What Hubble 1.19 took away.
refuses "--experimental-field-mask" "unknown flag: --experimental-field-mask" --experimental-field-mask time -o json
refuses "--experimental-use-default-field-masks" "unknown flag: --experimental-use-default-field-masks" \
    --experimental-use-default-field-masks
refuses "--type recorder" \
    "invalid argument \"recorder\" for \"-t, --type\" flag: unknown event type 'recorder': want a type name (flowgrep event-types lists them) or a number from 0 to 4294967295" \
    --type recorder
refuses "--type agent:service-upserted" \
    "invalid argument \"agent:service-upserted\" for \"-t, --type\" flag: unknown event sub-type 'service-upserted': want a sub-type name of agent (flowgrep event-types lists them) or a number" \
    --type agent:service-upserted
refuses "--type agent:service-deleted" \
    "invalid argument \"agent:service-deleted\" for \"-t, --type\" flag: unknown event sub-type 'service-deleted': want a sub-type name of agent (flowgrep event-types lists them) or a number (did you mean policy-deleted?)" \
    --type agent:service-deleted

finish
