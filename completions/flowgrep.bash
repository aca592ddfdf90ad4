# bash completion for flowgrep                                    -*- shell-script -*-
# Generated from flowgrep's option table by `flowgrep completion bash`; do not edit.
# Install as share/bash-completion/completions/flowgrep, or run: source <(flowgrep completion bash)

# Adds to COMPREPLY the values for $1 (a flag, or command or shell for the positional words)
# that start with $3, each behind the prefix $2.
__flowgrep_values() {
    local values
    case $1 in
    command) values='completion event-types config' ;;
    shell) values='bash fish zsh' ;;
    config) values='view get set reset' ;;
    key) values='all first follow last since until all-namespaces cel-expression cluster drop-reason-desc encrypted fqdn from-all-namespaces from-cluster from-fqdn from-identity from-ip from-label from-namespace from-pod from-port from-service from-workload http-header http-method http-path http-status http-url identity interface ip ip-trace-id ip-version ipv4 ipv6 label namespace node-label node-name not pod port protocol service snat-ip tcp-flags to-all-namespaces to-cluster to-fqdn to-identity to-ip to-label to-namespace to-pod to-port to-service to-workload trace-id traffic-direction type unencrypted uuid verdict workload allowlist denylist exporter-config exporter-name aggregate-by color count ip-translation line-buffered numeric output print-node-name print-policy-names quiet time-format top use-default-field-masks debug field-mask port-forward print-raw-filters silent-errors strict' ;;
    --drop-reason-desc) values='DROP_REASON_UNKNOWN INVALID_SOURCE_MAC INVALID_DESTINATION_MAC INVALID_SOURCE_IP POLICY_DENIED INVALID_PACKET_DROPPED CT_TRUNCATED_OR_INVALID_HEADER CT_MISSING_TCP_ACK_FLAG CT_UNKNOWN_L4_PROTOCOL CT_CANNOT_CREATE_ENTRY_FROM_PACKET UNSUPPORTED_L3_PROTOCOL MISSED_TAIL_CALL ERROR_WRITING_TO_PACKET UNKNOWN_L4_PROTOCOL UNKNOWN_ICMPV4_CODE UNKNOWN_ICMPV4_TYPE UNKNOWN_ICMPV6_CODE UNKNOWN_ICMPV6_TYPE ERROR_RETRIEVING_TUNNEL_KEY ERROR_RETRIEVING_TUNNEL_OPTIONS INVALID_GENEVE_OPTION UNKNOWN_L3_TARGET_ADDRESS STALE_OR_UNROUTABLE_IP NO_MATCHING_LOCAL_CONTAINER_FOUND ERROR_WHILE_CORRECTING_L3_CHECKSUM ERROR_WHILE_CORRECTING_L4_CHECKSUM CT_MAP_INSERTION_FAILED INVALID_IPV6_EXTENSION_HEADER IP_FRAGMENTATION_NOT_SUPPORTED SERVICE_BACKEND_NOT_FOUND NO_TUNNEL_OR_ENCAPSULATION_ENDPOINT FAILED_TO_INSERT_INTO_PROXYMAP REACHED_EDT_RATE_LIMITING_DROP_HORIZON UNKNOWN_CONNECTION_TRACKING_STATE LOCAL_HOST_IS_UNREACHABLE NO_CONFIGURATION_AVAILABLE_TO_PERFORM_POLICY_DECISION UNSUPPORTED_L2_PROTOCOL NO_MAPPING_FOR_NAT_MASQUERADE UNSUPPORTED_PROTOCOL_FOR_NAT_MASQUERADE FIB_LOOKUP_FAILED ENCAPSULATION_TRAFFIC_IS_PROHIBITED INVALID_IDENTITY UNKNOWN_SENDER NAT_NOT_NEEDED IS_A_CLUSTERIP FIRST_LOGICAL_DATAGRAM_FRAGMENT_NOT_FOUND FORBIDDEN_ICMPV6_MESSAGE DENIED_BY_LB_SRC_RANGE_CHECK SOCKET_LOOKUP_FAILED SOCKET_ASSIGN_FAILED PROXY_REDIRECTION_NOT_SUPPORTED_FOR_PROTOCOL POLICY_DENY VLAN_FILTERED INVALID_VNI INVALID_TC_BUFFER NO_SID MISSING_SRV6_STATE NAT46 NAT64 AUTH_REQUIRED CT_NO_MAP_FOUND SNAT_NO_MAP_FOUND INVALID_CLUSTER_ID UNSUPPORTED_PROTOCOL_FOR_DSR_ENCAP NO_EGRESS_GATEWAY UNENCRYPTED_TRAFFIC TTL_EXCEEDED NO_NODE_ID DROP_RATE_LIMITED IGMP_HANDLED IGMP_SUBSCRIBED MULTICAST_HANDLED DROP_HOST_NOT_READY DROP_EP_NOT_READY DROP_NO_EGRESS_IP DROP_PUNT_PROXY' ;;
    --from-identity) values='host world unmanaged health init remote-node kube-apiserver ingress world-ipv4 world-ipv6 overlay-to-encrypt' ;;
    --http-method) values='CONNECT DELETE GET HEAD OPTIONS PATCH POST PUT TRACE' ;;
    --http-status) values='200 201 204 301 302 304 400 401 403 404 409 429 500 502 503 504 2+ 3+ 4+ 5+' ;;
    --identity) values='host world unmanaged health init remote-node kube-apiserver ingress world-ipv4 world-ipv6 overlay-to-encrypt' ;;
    --ip-version) values='none v4 v6' ;;
    --protocol) values='icmp icmpv4 icmpv6 sctp tcp udp vrrp igmp dns http kafka' ;;
    --tcp-flags) values='SYN FIN RST PSH ACK URG ECE CWR NS'; set -- "$1" "$2${3%"${3##*,}"}" "${3##*,}" ;;
    --to-identity) values='host world unmanaged health init remote-node kube-apiserver ingress world-ipv4 world-ipv6 overlay-to-encrypt' ;;
    --traffic-direction) values='ingress egress' ;;
    --type|-t) values='drop debug capture trace policy-verdict trace-sock l7 agent trace:to-endpoint trace:to-proxy trace:to-host trace:to-stack trace:to-overlay trace:from-endpoint trace:from-proxy trace:from-host trace:from-stack trace:from-overlay trace:from-network trace:to-network trace:from-crypto trace:to-crypto agent:unspecified agent:message agent:agent-started agent:endpoint-regenerate-success agent:endpoint-regenerate-failure agent:policy-updated agent:policy-deleted agent:endpoint-created agent:endpoint-deleted agent:ipcache-upserted agent:ipcache-deleted' ;;
    --verdict) values='VERDICT_UNKNOWN FORWARDED DROPPED ERROR AUDIT REDIRECTED TRACED TRANSLATED' ;;
    --exporter-config) __flowgrep_files "$2" "$3"; return ;;
    --aggregate-by) values='src-ns src-pod src-workload src-identity src-ip dst-ns dst-pod dst-workload dst-identity dst-ip dst-port protocol type denied-by allowed-by uuid emitter.name emitter.version verdict drop_reason auth_type ethernet.source ethernet.destination IP.source IP.source_xlated IP.destination IP.ipVersion IP.encrypted l4.TCP.source_port l4.TCP.destination_port l4.TCP.flags.FIN l4.TCP.flags.SYN l4.TCP.flags.RST l4.TCP.flags.PSH l4.TCP.flags.ACK l4.TCP.flags.URG l4.TCP.flags.ECE l4.TCP.flags.CWR l4.TCP.flags.NS l4.UDP.source_port l4.UDP.destination_port l4.ICMPv4.type l4.ICMPv4.code l4.ICMPv6.type l4.ICMPv6.code l4.SCTP.source_port l4.SCTP.destination_port l4.VRRP.type l4.VRRP.vrid l4.VRRP.priority l4.IGMP.type l4.IGMP.group_address tunnel.protocol tunnel.IP.source tunnel.IP.source_xlated tunnel.IP.destination tunnel.IP.ipVersion tunnel.IP.encrypted tunnel.l4.TCP.source_port tunnel.l4.TCP.destination_port tunnel.l4.TCP.flags.FIN tunnel.l4.TCP.flags.SYN tunnel.l4.TCP.flags.RST tunnel.l4.TCP.flags.PSH tunnel.l4.TCP.flags.ACK tunnel.l4.TCP.flags.URG tunnel.l4.TCP.flags.ECE tunnel.l4.TCP.flags.CWR tunnel.l4.TCP.flags.NS tunnel.l4.UDP.source_port tunnel.l4.UDP.destination_port tunnel.l4.ICMPv4.type tunnel.l4.ICMPv4.code tunnel.l4.ICMPv6.type tunnel.l4.ICMPv6.code tunnel.l4.SCTP.source_port tunnel.l4.SCTP.destination_port tunnel.l4.VRRP.type tunnel.l4.VRRP.vrid tunnel.l4.VRRP.priority tunnel.l4.IGMP.type tunnel.l4.IGMP.group_address tunnel.vni source.ID source.identity source.cluster_name source.namespace source.pod_name destination.ID destination.identity destination.cluster_name destination.namespace destination.pod_name Type node_name l7.type l7.latency_ns l7.dns.query l7.dns.ttl l7.dns.observation_source l7.dns.rcode l7.http.code l7.http.method l7.http.url l7.http.protocol l7.kafka.error_code l7.kafka.api_version l7.kafka.api_key l7.kafka.correlation_id l7.kafka.topic reply event_type.type event_type.sub_type source_service.name source_service.namespace destination_service.name destination_service.namespace traffic_direction policy_match_type trace_observation_point trace_reason file.name file.line ip_trace_id.trace_id ip_trace_id.ip_option_type drop_reason_desc is_reply debug_capture_point interface.index interface.name proxy_port trace_context.parent.trace_id sock_xlate_point socket_cookie cgroup_id Summary aggregate.ingress_flow_count aggregate.egress_flow_count aggregate.unknown_direction_flow_count'; set -- "$1" "$2${3%"${3##*,}"}" "${3##*,}" ;;
    --color) values='auto always never' ;;
    --output|-o) values='compact dict table json jsonpb' ;;
    --time-format) values='StampMilli YearMonthDay YearMonthDayHour YearMonthDayHourMinute RFC3339 RFC3339Milli RFC3339Micro RFC3339Nano RFC1123Z' ;;
    --config) __flowgrep_files "$2" "$3"; return ;;
    *) return ;;
    esac
    local v
    while IFS= read -r v; do COMPREPLY+=("$2$v"); done < <(compgen -W "$values" -- "$3")
}

# Adds to COMPREPLY the files and directories that start with $2, each behind the prefix $1.
__flowgrep_files() {
    local f
    while IFS= read -r f; do COMPREPLY+=("$1$f"); done < <(compgen -f -- "$2")
    compopt -o filenames 2>/dev/null
}

_flowgrep() {
    # readline splits words at = and : (COMP_WORDBREAKS); join the pieces again, so that
    # --type=trace:to-stack is one word, as flowgrep will see it.
    local i w
    local -a words=()
    for ((i = 0; i <= COMP_CWORD; i++)); do
        w=${COMP_WORDS[i]}
        if ((i > 1)) && [[ -n $w && ( -z ${w//[=:]/} || -z ${COMP_WORDS[i-1]//[=:]/} ) ]]; then
            words[${#words[@]}-1]+=$w
        else
            words+=("$w")
        fi
    done
    # cur is the whole word; readline replaces only its part after the last = or :, so
    # candidates lose the text before that (strip) at the end.
    local cur=${words[${#words[@]}-1]} strip
    w=${COMP_WORDS[COMP_CWORD]}
    if [[ -z ${w//[=:]/} ]]; then strip=$cur; else strip=${cur%"$w"}; fi

    # Which of the words before the cursor are flags, flag values and positional words.
    local value_of='' dashdash='' first='' count=0
    local -a positional=()
    for ((i = 1; i < ${#words[@]} - 1; i++)); do
        w=${words[i]}
        if [[ -n $value_of ]]; then
            value_of=
        elif [[ -z $dashdash && $w == -?* ]]; then
            case $w in
            --) dashdash=1 ;;
            --first|--last|--since|--until|--cel-expression|--cluster|--drop-reason-desc|--fqdn|--from-cluster|--from-fqdn|--from-identity|--from-ip|--from-label|--from-namespace|--from-pod|--from-port|--from-service|--from-workload|--http-header|--http-method|--http-path|--http-status|--http-url|--identity|--interface|--ip|--ip-trace-id|--ip-version|--label|--namespace|--node-label|--node-name|--pod|--port|--protocol|--service|--snat-ip|--tcp-flags|--to-cluster|--to-fqdn|--to-identity|--to-ip|--to-label|--to-namespace|--to-pod|--to-port|--to-service|--to-workload|--trace-id|--traffic-direction|--type|--uuid|--verdict|--workload|--allowlist|--denylist|--exporter-config|--exporter-name|--aggregate-by|--color|--output|--time-format|--top|--config|--field-mask) value_of=$w ;;
            --*) ;;
            *) [[ $w =~ ^-[^lnto]*[lnto]$ ]] && value_of=-${w: -1} ;;
            esac
        else
            ((count++ == 0)) && [[ -z $dashdash ]] && first=$w
            positional+=("$w")
        fi
    done

    COMPREPLY=()
    if [[ -n $value_of ]]; then
        __flowgrep_values "$value_of" '' "$cur"
    elif [[ -z $dashdash && $cur == -* ]]; then
        local re='^(-[^lnto=]*([lnto])=?)(.*)$'
        if [[ $cur == --*=* ]]; then
            __flowgrep_values "${cur%%=*}" "${cur%%=*}=" "${cur#*=}"
        elif [[ $cur != --* && $cur =~ $re && ( ${BASH_REMATCH[1]} == *= || -n ${BASH_REMATCH[3]} ) ]]; then
            __flowgrep_values "-${BASH_REMATCH[2]}" "${BASH_REMATCH[1]}" "${BASH_REMATCH[3]}"
        else
            local options='--all --first --follow -f --last --since --until --all-namespaces -A --cel-expression --cluster --drop-reason-desc --encrypted --fqdn --from-all-namespaces --from-cluster --from-fqdn --from-identity --from-ip --from-label --from-namespace --from-pod --from-port --from-service --from-workload --http-header --http-method --http-path --http-status --http-url --identity --interface --ip --ip-trace-id --ip-version --ipv4 -4 --ipv6 -6 --label -l --namespace -n --node-label --node-name --not --pod --port --protocol --service --snat-ip --tcp-flags --to-all-namespaces --to-cluster --to-fqdn --to-identity --to-ip --to-label --to-namespace --to-pod --to-port --to-service --to-workload --trace-id --traffic-direction --type -t --unencrypted --uuid --verdict --workload --allowlist --denylist --exporter-config --exporter-name --aggregate-by --color --count -c --ip-translation --line-buffered --numeric --output -o --print-node-name --print-policy-names --quiet -q --time-format --top --use-default-field-masks --config --debug -D --field-mask --help -h --port-forward -P --print-raw-filters --silent-errors -s --strict --version'
            while IFS= read -r w; do COMPREPLY+=("$w"); done < <(compgen -W "$options" -- "$cur")
        fi
    elif [[ $first == completion ]]; then
        ((count == 1)) && __flowgrep_values shell '' "$cur"
    elif [[ $first == config ]]; then
        # config ACTION, then KEY for get, set and reset, then the key's values for set.
        case $count:${positional[1]:-} in
        1:*) __flowgrep_values config '' "$cur" ;;
        2:get | 2:set | 2:reset) __flowgrep_values key '' "$cur" ;;
        *:set) __flowgrep_values "--${positional[2]}" '' "$cur" ;;
        esac
    elif [[ $first != event-types ]]; then
        ((count == 0)) && [[ -z $dashdash ]] && __flowgrep_values command '' "$cur"
        __flowgrep_files '' "$cur"
    fi
    ((${#COMPREPLY[@]})) && [[ -n $strip ]] && COMPREPLY=("${COMPREPLY[@]#"$strip"}")
    return 0
}

complete -F _flowgrep flowgrep
