# fish completion for flowgrep, generated from its option table by `flowgrep completion fish`;
# do not edit. Install as share/fish/vendor_completions.d/flowgrep.fish (or
# ~/.config/fish/completions/flowgrep.fish), or run: flowgrep completion fish | source

complete -c flowgrep -e

# Whether the word being completed is a flag's value (value), the first positional word
# (first), the shell after `completion` (shell), config's action, key or a value for KEY
# (config-action, config-key, config-value:KEY), one that takes nothing (none) or a file.
# `want` may be a glob.
function __flowgrep_state -a want
    set -l words (commandline -opc)
    set -e words[1]
    set -l take 0
    set -l dashdash 0
    set -l count 0
    set -l first
    set -l positional
    for w in $words
        if test $take = 1
            set take 0
        else if test $dashdash = 0; and string match -qr -- '^-.' $w
            switch $w
                case --
                    set dashdash 1
                case --first --last --since --until --cel-expression --cluster --drop-reason-desc --fqdn --from-cluster --from-fqdn --from-identity --from-ip --from-label --from-namespace --from-pod --from-port --from-service --from-workload --http-header --http-method --http-path --http-status --http-url --identity --interface --ip --ip-trace-id --ip-version --label --namespace --node-label --node-name --pod --port --protocol --service --snat-ip --tcp-flags --to-cluster --to-fqdn --to-identity --to-ip --to-label --to-namespace --to-pod --to-port --to-service --to-workload --trace-id --traffic-direction --type --uuid --verdict --workload --allowlist --denylist --exporter-config --exporter-name --aggregate-by --color --output --time-format --top --config --field-mask
                    set take 1
                case '--*'
                case '*'
                    string match -qr -- '^-[^lnto]*[lnto]$' $w; and set take 1
            end
        else
            test $count = 0; and test $dashdash = 0; and set first $w
            set count (math $count + 1)
            set -a positional $w
        end
    end
    set -l state files
    if test $take = 1
        set state value
    else if test "$first" = completion
        set state none
        test $count = 1; and set state shell
    else if test "$first" = config
        set state none
        if test $count = 1
            set state config-action
        else if test $count = 2; and contains -- "$positional[2]" get set reset
            set state config-key
        else if test $count -ge 3; and test "$positional[2]" = set
            set state config-value:$positional[3]
        end
    else if test "$first" = event-types
        set state none
    else if test $count = 0; and test $dashdash = 0
        set state first
    end
    string match -q -- $want $state
end

# The config keys, with their summaries.
function __flowgrep_keys
    printf '%s\t%s\n' \
        all 'print every matching flow (the default)' \
        first 'stop after N matches (node status counts too)' \
        follow 'follow the last FILE as it grows, like tail -F' \
        last 'print only the last N matching flows' \
        since 'skip flows older than TIME' \
        until 'skip flows newer than TIME' \
        all-namespaces 'keep flows from or to pods in any namespace' \
        cel-expression 'keep flows for which a CEL expression holds' \
        cluster 'keep flows from or to endpoints in a cluster' \
        drop-reason-desc 'keep dropped flows with this drop reason' \
        encrypted 'keep flows sent encrypted' \
        fqdn 'keep flows from or to a domain name' \
        from-all-namespaces 'keep flows from pods in any namespace' \
        from-cluster 'keep flows from endpoints in a cluster' \
        from-fqdn 'keep flows from a domain name' \
        from-identity 'keep flows from a security identity' \
        from-ip 'keep flows from an IP or CIDR range' \
        from-label 'keep flows from endpoints matching labels' \
        from-namespace 'keep flows from a namespace' \
        from-pod 'keep flows from pods with this name prefix' \
        from-port 'keep flows from a port' \
        from-service 'keep flows from services with this name prefix' \
        from-workload 'keep flows from a workload' \
        http-header 'keep HTTP flows with this header value' \
        http-method 'keep HTTP flows with this request method' \
        http-path 'keep HTTP flows whose URL path matches a regex' \
        http-status 'keep HTTP flows with this status code or prefix' \
        http-url 'keep HTTP flows whose URL matches a regex' \
        identity 'keep flows from or to a security identity' \
        interface 'keep flows seen on a network interface' \
        ip 'keep flows from or to an IP or CIDR range' \
        ip-trace-id 'keep flows with this IP trace ID' \
        ip-version 'keep IPv4 (v4), IPv6 (v6) or non-IP (none) flows' \
        ipv4 'keep IPv4 flows' \
        ipv6 'keep IPv6 flows' \
        label 'keep flows from or to endpoints matching labels' \
        namespace 'keep flows from or to a namespace' \
        node-label 'keep flows seen on nodes matching labels' \
        node-name 'keep flows seen on a node' \
        not 'negate the filter flag that follows' \
        pod 'keep flows from or to pods with this name prefix' \
        port 'keep flows from or to a port' \
        protocol 'keep flows of an L4 or L7 protocol' \
        service 'keep flows from or to services with this prefix' \
        snat-ip 'keep flows source-NATed to an IP or CIDR range' \
        tcp-flags 'keep TCP flows with all these flags set' \
        to-all-namespaces 'keep flows to pods in any namespace' \
        to-cluster 'keep flows to endpoints in a cluster' \
        to-fqdn 'keep flows to a domain name' \
        to-identity 'keep flows to a security identity' \
        to-ip 'keep flows to an IP or CIDR range' \
        to-label 'keep flows to endpoints matching labels' \
        to-namespace 'keep flows to a namespace' \
        to-pod 'keep flows to pods with this name prefix' \
        to-port 'keep flows to a port' \
        to-service 'keep flows to services with this name prefix' \
        to-workload 'keep flows to a workload' \
        trace-id 'keep flows with this trace ID' \
        traffic-direction 'keep flows in a traffic direction' \
        type 'keep flows of an event type (and sub-type)' \
        unencrypted 'keep flows sent unencrypted' \
        uuid 'keep the flow with this UUID' \
        verdict 'keep flows with this verdict' \
        workload 'keep flows from or to a workload' \
        allowlist 'keep flows matching JSON FlowFilters' \
        denylist 'drop flows matching JSON FlowFilters' \
        exporter-config 'filter as the Hubble exporter in FILE would' \
        exporter-name 'pick the flow log NAME of --exporter-config' \
        aggregate-by 'count flows by KEYs instead of printing them' \
        color 'when to colour the output' \
        count 'print only the number of matching flows' \
        ip-translation 'show names instead of IPs (default true)' \
        line-buffered 'flush the output after every flow' \
        numeric 'show IP addresses instead of names' \
        output 'how to print flows' \
        print-node-name 'show the node that observed each flow' \
        print-policy-names 'print policy names in output' \
        quiet 'print nothing, stop at the first matching flow' \
        time-format 'how timestamps are printed' \
        top 'keep the N largest --aggregate-by rows' \
        use-default-field-masks 'accepted for compatibility (default true)' \
        debug 'print debug messages on standard error' \
        field-mask 'a field mask, checked but not applied to files' \
        port-forward 'rejected: flowgrep reads files, not a server' \
        print-raw-filters 'print the filters as YAML and exit' \
        silent-errors 'hide node status messages' \
        strict 'stop with status 2 at the first bad input line'
end

# The items of a comma-separated list: those typed so far, then each of $argv.
function __flowgrep_list
    set -l head (string replace -r -- '[^,]*$' '' (commandline -ct | string replace -r -- '^--?[^=]*=' ''))
    printf '%s\n' $head$argv
end

complete -c flowgrep -n '__flowgrep_state first' -a completion -d 'print a completion script for bash, zsh or fish'
complete -c flowgrep -n '__flowgrep_state first' -a event-types -d 'list every event type and sub-type by number'
complete -c flowgrep -n '__flowgrep_state first' -a config -d 'show or change the settings in the config file'
complete -c flowgrep -n '__flowgrep_state shell' -f -a 'bash fish zsh'
complete -c flowgrep -n '__flowgrep_state none' -f
complete -c flowgrep -n '__flowgrep_state config-action' -f -a view -d 'print every setting and where it comes from'
complete -c flowgrep -n '__flowgrep_state config-action' -f -a get -d 'print the value of one setting'
complete -c flowgrep -n '__flowgrep_state config-action' -f -a set -d 'write a setting to the config file'
complete -c flowgrep -n '__flowgrep_state config-action' -f -a reset -d 'remove a setting, or every setting, from the config file'
complete -c flowgrep -n '__flowgrep_state config-key' -f -a '(__flowgrep_keys)'
complete -c flowgrep -n "__flowgrep_state 'config-value:*'" -f
complete -c flowgrep -n '__flowgrep_state config-value:drop-reason-desc' -f -a 'DROP_REASON_UNKNOWN INVALID_SOURCE_MAC INVALID_DESTINATION_MAC INVALID_SOURCE_IP POLICY_DENIED INVALID_PACKET_DROPPED CT_TRUNCATED_OR_INVALID_HEADER CT_MISSING_TCP_ACK_FLAG CT_UNKNOWN_L4_PROTOCOL CT_CANNOT_CREATE_ENTRY_FROM_PACKET UNSUPPORTED_L3_PROTOCOL MISSED_TAIL_CALL ERROR_WRITING_TO_PACKET UNKNOWN_L4_PROTOCOL UNKNOWN_ICMPV4_CODE UNKNOWN_ICMPV4_TYPE UNKNOWN_ICMPV6_CODE UNKNOWN_ICMPV6_TYPE ERROR_RETRIEVING_TUNNEL_KEY ERROR_RETRIEVING_TUNNEL_OPTIONS INVALID_GENEVE_OPTION UNKNOWN_L3_TARGET_ADDRESS STALE_OR_UNROUTABLE_IP NO_MATCHING_LOCAL_CONTAINER_FOUND ERROR_WHILE_CORRECTING_L3_CHECKSUM ERROR_WHILE_CORRECTING_L4_CHECKSUM CT_MAP_INSERTION_FAILED INVALID_IPV6_EXTENSION_HEADER IP_FRAGMENTATION_NOT_SUPPORTED SERVICE_BACKEND_NOT_FOUND NO_TUNNEL_OR_ENCAPSULATION_ENDPOINT FAILED_TO_INSERT_INTO_PROXYMAP REACHED_EDT_RATE_LIMITING_DROP_HORIZON UNKNOWN_CONNECTION_TRACKING_STATE LOCAL_HOST_IS_UNREACHABLE NO_CONFIGURATION_AVAILABLE_TO_PERFORM_POLICY_DECISION UNSUPPORTED_L2_PROTOCOL NO_MAPPING_FOR_NAT_MASQUERADE UNSUPPORTED_PROTOCOL_FOR_NAT_MASQUERADE FIB_LOOKUP_FAILED ENCAPSULATION_TRAFFIC_IS_PROHIBITED INVALID_IDENTITY UNKNOWN_SENDER NAT_NOT_NEEDED IS_A_CLUSTERIP FIRST_LOGICAL_DATAGRAM_FRAGMENT_NOT_FOUND FORBIDDEN_ICMPV6_MESSAGE DENIED_BY_LB_SRC_RANGE_CHECK SOCKET_LOOKUP_FAILED SOCKET_ASSIGN_FAILED PROXY_REDIRECTION_NOT_SUPPORTED_FOR_PROTOCOL POLICY_DENY VLAN_FILTERED INVALID_VNI INVALID_TC_BUFFER NO_SID MISSING_SRV6_STATE NAT46 NAT64 AUTH_REQUIRED CT_NO_MAP_FOUND SNAT_NO_MAP_FOUND INVALID_CLUSTER_ID UNSUPPORTED_PROTOCOL_FOR_DSR_ENCAP NO_EGRESS_GATEWAY UNENCRYPTED_TRAFFIC TTL_EXCEEDED NO_NODE_ID DROP_RATE_LIMITED IGMP_HANDLED IGMP_SUBSCRIBED MULTICAST_HANDLED DROP_HOST_NOT_READY DROP_EP_NOT_READY DROP_NO_EGRESS_IP DROP_PUNT_PROXY'
complete -c flowgrep -n '__flowgrep_state config-value:from-identity' -f -a 'host world unmanaged health init remote-node kube-apiserver ingress world-ipv4 world-ipv6 overlay-to-encrypt'
complete -c flowgrep -n '__flowgrep_state config-value:http-method' -f -a 'CONNECT DELETE GET HEAD OPTIONS PATCH POST PUT TRACE'
complete -c flowgrep -n '__flowgrep_state config-value:http-status' -f -a '200 201 204 301 302 304 400 401 403 404 409 429 500 502 503 504 2+ 3+ 4+ 5+'
complete -c flowgrep -n '__flowgrep_state config-value:identity' -f -a 'host world unmanaged health init remote-node kube-apiserver ingress world-ipv4 world-ipv6 overlay-to-encrypt'
complete -c flowgrep -n '__flowgrep_state config-value:ip-version' -f -a 'none v4 v6'
complete -c flowgrep -n '__flowgrep_state config-value:protocol' -f -a 'icmp icmpv4 icmpv6 sctp tcp udp vrrp igmp dns http kafka'
complete -c flowgrep -n '__flowgrep_state config-value:tcp-flags' -f -a '(__flowgrep_list SYN FIN RST PSH ACK URG ECE CWR NS)'
complete -c flowgrep -n '__flowgrep_state config-value:to-identity' -f -a 'host world unmanaged health init remote-node kube-apiserver ingress world-ipv4 world-ipv6 overlay-to-encrypt'
complete -c flowgrep -n '__flowgrep_state config-value:traffic-direction' -f -a 'ingress egress'
complete -c flowgrep -n '__flowgrep_state config-value:type' -f -a 'drop debug capture trace policy-verdict trace-sock l7 agent trace:to-endpoint trace:to-proxy trace:to-host trace:to-stack trace:to-overlay trace:from-endpoint trace:from-proxy trace:from-host trace:from-stack trace:from-overlay trace:from-network trace:to-network trace:from-crypto trace:to-crypto agent:unspecified agent:message agent:agent-started agent:endpoint-regenerate-success agent:endpoint-regenerate-failure agent:policy-updated agent:policy-deleted agent:endpoint-created agent:endpoint-deleted agent:ipcache-upserted agent:ipcache-deleted'
complete -c flowgrep -n '__flowgrep_state config-value:verdict' -f -a 'VERDICT_UNKNOWN FORWARDED DROPPED ERROR AUDIT REDIRECTED TRACED TRANSLATED'
complete -c flowgrep -n '__flowgrep_state config-value:exporter-config' -F
complete -c flowgrep -n '__flowgrep_state config-value:aggregate-by' -f -a '(__flowgrep_list src-ns src-pod src-workload src-identity src-ip dst-ns dst-pod dst-workload dst-identity dst-ip dst-port protocol type denied-by allowed-by uuid emitter.name emitter.version verdict drop_reason auth_type ethernet.source ethernet.destination IP.source IP.source_xlated IP.destination IP.ipVersion IP.encrypted l4.TCP.source_port l4.TCP.destination_port l4.TCP.flags.FIN l4.TCP.flags.SYN l4.TCP.flags.RST l4.TCP.flags.PSH l4.TCP.flags.ACK l4.TCP.flags.URG l4.TCP.flags.ECE l4.TCP.flags.CWR l4.TCP.flags.NS l4.UDP.source_port l4.UDP.destination_port l4.ICMPv4.type l4.ICMPv4.code l4.ICMPv6.type l4.ICMPv6.code l4.SCTP.source_port l4.SCTP.destination_port l4.VRRP.type l4.VRRP.vrid l4.VRRP.priority l4.IGMP.type l4.IGMP.group_address tunnel.protocol tunnel.IP.source tunnel.IP.source_xlated tunnel.IP.destination tunnel.IP.ipVersion tunnel.IP.encrypted tunnel.l4.TCP.source_port tunnel.l4.TCP.destination_port tunnel.l4.TCP.flags.FIN tunnel.l4.TCP.flags.SYN tunnel.l4.TCP.flags.RST tunnel.l4.TCP.flags.PSH tunnel.l4.TCP.flags.ACK tunnel.l4.TCP.flags.URG tunnel.l4.TCP.flags.ECE tunnel.l4.TCP.flags.CWR tunnel.l4.TCP.flags.NS tunnel.l4.UDP.source_port tunnel.l4.UDP.destination_port tunnel.l4.ICMPv4.type tunnel.l4.ICMPv4.code tunnel.l4.ICMPv6.type tunnel.l4.ICMPv6.code tunnel.l4.SCTP.source_port tunnel.l4.SCTP.destination_port tunnel.l4.VRRP.type tunnel.l4.VRRP.vrid tunnel.l4.VRRP.priority tunnel.l4.IGMP.type tunnel.l4.IGMP.group_address tunnel.vni source.ID source.identity source.cluster_name source.namespace source.pod_name destination.ID destination.identity destination.cluster_name destination.namespace destination.pod_name Type node_name l7.type l7.latency_ns l7.dns.query l7.dns.ttl l7.dns.observation_source l7.dns.rcode l7.http.code l7.http.method l7.http.url l7.http.protocol l7.kafka.error_code l7.kafka.api_version l7.kafka.api_key l7.kafka.correlation_id l7.kafka.topic reply event_type.type event_type.sub_type source_service.name source_service.namespace destination_service.name destination_service.namespace traffic_direction policy_match_type trace_observation_point trace_reason file.name file.line ip_trace_id.trace_id ip_trace_id.ip_option_type drop_reason_desc is_reply debug_capture_point interface.index interface.name proxy_port trace_context.parent.trace_id sock_xlate_point socket_cookie cgroup_id Summary aggregate.ingress_flow_count aggregate.egress_flow_count aggregate.unknown_direction_flow_count)'
complete -c flowgrep -n '__flowgrep_state config-value:color' -f -a 'auto always never'
complete -c flowgrep -n '__flowgrep_state config-value:output' -f -a 'compact dict table json jsonpb'
complete -c flowgrep -n '__flowgrep_state config-value:time-format' -f -a 'StampMilli YearMonthDay YearMonthDayHour YearMonthDayHourMinute RFC3339 RFC3339Milli RFC3339Micro RFC3339Nano RFC1123Z'

complete -c flowgrep -l all -d 'print every matching flow (the default)'
complete -c flowgrep -l first -d 'stop after N matches (node status counts too)' -x
complete -c flowgrep -s f -l follow -d 'follow the last FILE as it grows, like tail -F'
complete -c flowgrep -l last -d 'print only the last N matching flows' -x
complete -c flowgrep -l since -d 'skip flows older than TIME' -x
complete -c flowgrep -l until -d 'skip flows newer than TIME' -x
complete -c flowgrep -s A -l all-namespaces -d 'keep flows from or to pods in any namespace'
complete -c flowgrep -l cel-expression -d 'keep flows for which a CEL expression holds' -x
complete -c flowgrep -l cluster -d 'keep flows from or to endpoints in a cluster' -x
complete -c flowgrep -l drop-reason-desc -d 'keep dropped flows with this drop reason' -x -a 'DROP_REASON_UNKNOWN INVALID_SOURCE_MAC INVALID_DESTINATION_MAC INVALID_SOURCE_IP POLICY_DENIED INVALID_PACKET_DROPPED CT_TRUNCATED_OR_INVALID_HEADER CT_MISSING_TCP_ACK_FLAG CT_UNKNOWN_L4_PROTOCOL CT_CANNOT_CREATE_ENTRY_FROM_PACKET UNSUPPORTED_L3_PROTOCOL MISSED_TAIL_CALL ERROR_WRITING_TO_PACKET UNKNOWN_L4_PROTOCOL UNKNOWN_ICMPV4_CODE UNKNOWN_ICMPV4_TYPE UNKNOWN_ICMPV6_CODE UNKNOWN_ICMPV6_TYPE ERROR_RETRIEVING_TUNNEL_KEY ERROR_RETRIEVING_TUNNEL_OPTIONS INVALID_GENEVE_OPTION UNKNOWN_L3_TARGET_ADDRESS STALE_OR_UNROUTABLE_IP NO_MATCHING_LOCAL_CONTAINER_FOUND ERROR_WHILE_CORRECTING_L3_CHECKSUM ERROR_WHILE_CORRECTING_L4_CHECKSUM CT_MAP_INSERTION_FAILED INVALID_IPV6_EXTENSION_HEADER IP_FRAGMENTATION_NOT_SUPPORTED SERVICE_BACKEND_NOT_FOUND NO_TUNNEL_OR_ENCAPSULATION_ENDPOINT FAILED_TO_INSERT_INTO_PROXYMAP REACHED_EDT_RATE_LIMITING_DROP_HORIZON UNKNOWN_CONNECTION_TRACKING_STATE LOCAL_HOST_IS_UNREACHABLE NO_CONFIGURATION_AVAILABLE_TO_PERFORM_POLICY_DECISION UNSUPPORTED_L2_PROTOCOL NO_MAPPING_FOR_NAT_MASQUERADE UNSUPPORTED_PROTOCOL_FOR_NAT_MASQUERADE FIB_LOOKUP_FAILED ENCAPSULATION_TRAFFIC_IS_PROHIBITED INVALID_IDENTITY UNKNOWN_SENDER NAT_NOT_NEEDED IS_A_CLUSTERIP FIRST_LOGICAL_DATAGRAM_FRAGMENT_NOT_FOUND FORBIDDEN_ICMPV6_MESSAGE DENIED_BY_LB_SRC_RANGE_CHECK SOCKET_LOOKUP_FAILED SOCKET_ASSIGN_FAILED PROXY_REDIRECTION_NOT_SUPPORTED_FOR_PROTOCOL POLICY_DENY VLAN_FILTERED INVALID_VNI INVALID_TC_BUFFER NO_SID MISSING_SRV6_STATE NAT46 NAT64 AUTH_REQUIRED CT_NO_MAP_FOUND SNAT_NO_MAP_FOUND INVALID_CLUSTER_ID UNSUPPORTED_PROTOCOL_FOR_DSR_ENCAP NO_EGRESS_GATEWAY UNENCRYPTED_TRAFFIC TTL_EXCEEDED NO_NODE_ID DROP_RATE_LIMITED IGMP_HANDLED IGMP_SUBSCRIBED MULTICAST_HANDLED DROP_HOST_NOT_READY DROP_EP_NOT_READY DROP_NO_EGRESS_IP DROP_PUNT_PROXY'
complete -c flowgrep -l encrypted -d 'keep flows sent encrypted'
complete -c flowgrep -l fqdn -d 'keep flows from or to a domain name' -x
complete -c flowgrep -l from-all-namespaces -d 'keep flows from pods in any namespace'
complete -c flowgrep -l from-cluster -d 'keep flows from endpoints in a cluster' -x
complete -c flowgrep -l from-fqdn -d 'keep flows from a domain name' -x
complete -c flowgrep -l from-identity -d 'keep flows from a security identity' -x -a 'host world unmanaged health init remote-node kube-apiserver ingress world-ipv4 world-ipv6 overlay-to-encrypt'
complete -c flowgrep -l from-ip -d 'keep flows from an IP or CIDR range' -x
complete -c flowgrep -l from-label -d 'keep flows from endpoints matching labels' -x
complete -c flowgrep -l from-namespace -d 'keep flows from a namespace' -x
complete -c flowgrep -l from-pod -d 'keep flows from pods with this name prefix' -x
complete -c flowgrep -l from-port -d 'keep flows from a port' -x
complete -c flowgrep -l from-service -d 'keep flows from services with this name prefix' -x
complete -c flowgrep -l from-workload -d 'keep flows from a workload' -x
complete -c flowgrep -l http-header -d 'keep HTTP flows with this header value' -x
complete -c flowgrep -l http-method -d 'keep HTTP flows with this request method' -x -a 'CONNECT DELETE GET HEAD OPTIONS PATCH POST PUT TRACE'
complete -c flowgrep -l http-path -d 'keep HTTP flows whose URL path matches a regex' -x
complete -c flowgrep -l http-status -d 'keep HTTP flows with this status code or prefix' -x -a '200 201 204 301 302 304 400 401 403 404 409 429 500 502 503 504 2+ 3+ 4+ 5+'
complete -c flowgrep -l http-url -d 'keep HTTP flows whose URL matches a regex' -x
complete -c flowgrep -l identity -d 'keep flows from or to a security identity' -x -a 'host world unmanaged health init remote-node kube-apiserver ingress world-ipv4 world-ipv6 overlay-to-encrypt'
complete -c flowgrep -l interface -d 'keep flows seen on a network interface' -x
complete -c flowgrep -l ip -d 'keep flows from or to an IP or CIDR range' -x
complete -c flowgrep -l ip-trace-id -d 'keep flows with this IP trace ID' -x
complete -c flowgrep -l ip-version -d 'keep IPv4 (v4), IPv6 (v6) or non-IP (none) flows' -x -a 'none v4 v6'
complete -c flowgrep -s 4 -l ipv4 -d 'keep IPv4 flows'
complete -c flowgrep -s 6 -l ipv6 -d 'keep IPv6 flows'
complete -c flowgrep -s l -l label -d 'keep flows from or to endpoints matching labels' -x
complete -c flowgrep -s n -l namespace -d 'keep flows from or to a namespace' -x
complete -c flowgrep -l node-label -d 'keep flows seen on nodes matching labels' -x
complete -c flowgrep -l node-name -d 'keep flows seen on a node' -x
complete -c flowgrep -l not -d 'negate the filter flag that follows'
complete -c flowgrep -l pod -d 'keep flows from or to pods with this name prefix' -x
complete -c flowgrep -l port -d 'keep flows from or to a port' -x
complete -c flowgrep -l protocol -d 'keep flows of an L4 or L7 protocol' -x -a 'icmp icmpv4 icmpv6 sctp tcp udp vrrp igmp dns http kafka'
complete -c flowgrep -l service -d 'keep flows from or to services with this prefix' -x
complete -c flowgrep -l snat-ip -d 'keep flows source-NATed to an IP or CIDR range' -x
complete -c flowgrep -l tcp-flags -d 'keep TCP flows with all these flags set' -x -a '(__flowgrep_list SYN FIN RST PSH ACK URG ECE CWR NS)'
complete -c flowgrep -l to-all-namespaces -d 'keep flows to pods in any namespace'
complete -c flowgrep -l to-cluster -d 'keep flows to endpoints in a cluster' -x
complete -c flowgrep -l to-fqdn -d 'keep flows to a domain name' -x
complete -c flowgrep -l to-identity -d 'keep flows to a security identity' -x -a 'host world unmanaged health init remote-node kube-apiserver ingress world-ipv4 world-ipv6 overlay-to-encrypt'
complete -c flowgrep -l to-ip -d 'keep flows to an IP or CIDR range' -x
complete -c flowgrep -l to-label -d 'keep flows to endpoints matching labels' -x
complete -c flowgrep -l to-namespace -d 'keep flows to a namespace' -x
complete -c flowgrep -l to-pod -d 'keep flows to pods with this name prefix' -x
complete -c flowgrep -l to-port -d 'keep flows to a port' -x
complete -c flowgrep -l to-service -d 'keep flows to services with this name prefix' -x
complete -c flowgrep -l to-workload -d 'keep flows to a workload' -x
complete -c flowgrep -l trace-id -d 'keep flows with this trace ID' -x
complete -c flowgrep -l traffic-direction -d 'keep flows in a traffic direction' -x -a 'ingress egress'
complete -c flowgrep -s t -l type -d 'keep flows of an event type (and sub-type)' -x -a 'drop debug capture trace policy-verdict trace-sock l7 agent trace:to-endpoint trace:to-proxy trace:to-host trace:to-stack trace:to-overlay trace:from-endpoint trace:from-proxy trace:from-host trace:from-stack trace:from-overlay trace:from-network trace:to-network trace:from-crypto trace:to-crypto agent:unspecified agent:message agent:agent-started agent:endpoint-regenerate-success agent:endpoint-regenerate-failure agent:policy-updated agent:policy-deleted agent:endpoint-created agent:endpoint-deleted agent:ipcache-upserted agent:ipcache-deleted'
complete -c flowgrep -l unencrypted -d 'keep flows sent unencrypted'
complete -c flowgrep -l uuid -d 'keep the flow with this UUID' -x
complete -c flowgrep -l verdict -d 'keep flows with this verdict' -x -a 'VERDICT_UNKNOWN FORWARDED DROPPED ERROR AUDIT REDIRECTED TRACED TRANSLATED'
complete -c flowgrep -l workload -d 'keep flows from or to a workload' -x
complete -c flowgrep -l allowlist -d 'keep flows matching JSON FlowFilters' -x
complete -c flowgrep -l denylist -d 'drop flows matching JSON FlowFilters' -x
complete -c flowgrep -l exporter-config -d 'filter as the Hubble exporter in FILE would' -r -F
complete -c flowgrep -l exporter-name -d 'pick the flow log NAME of --exporter-config' -x
complete -c flowgrep -l aggregate-by -d 'count flows by KEYs instead of printing them' -x -a '(__flowgrep_list src-ns src-pod src-workload src-identity src-ip dst-ns dst-pod dst-workload dst-identity dst-ip dst-port protocol type denied-by allowed-by uuid emitter.name emitter.version verdict drop_reason auth_type ethernet.source ethernet.destination IP.source IP.source_xlated IP.destination IP.ipVersion IP.encrypted l4.TCP.source_port l4.TCP.destination_port l4.TCP.flags.FIN l4.TCP.flags.SYN l4.TCP.flags.RST l4.TCP.flags.PSH l4.TCP.flags.ACK l4.TCP.flags.URG l4.TCP.flags.ECE l4.TCP.flags.CWR l4.TCP.flags.NS l4.UDP.source_port l4.UDP.destination_port l4.ICMPv4.type l4.ICMPv4.code l4.ICMPv6.type l4.ICMPv6.code l4.SCTP.source_port l4.SCTP.destination_port l4.VRRP.type l4.VRRP.vrid l4.VRRP.priority l4.IGMP.type l4.IGMP.group_address tunnel.protocol tunnel.IP.source tunnel.IP.source_xlated tunnel.IP.destination tunnel.IP.ipVersion tunnel.IP.encrypted tunnel.l4.TCP.source_port tunnel.l4.TCP.destination_port tunnel.l4.TCP.flags.FIN tunnel.l4.TCP.flags.SYN tunnel.l4.TCP.flags.RST tunnel.l4.TCP.flags.PSH tunnel.l4.TCP.flags.ACK tunnel.l4.TCP.flags.URG tunnel.l4.TCP.flags.ECE tunnel.l4.TCP.flags.CWR tunnel.l4.TCP.flags.NS tunnel.l4.UDP.source_port tunnel.l4.UDP.destination_port tunnel.l4.ICMPv4.type tunnel.l4.ICMPv4.code tunnel.l4.ICMPv6.type tunnel.l4.ICMPv6.code tunnel.l4.SCTP.source_port tunnel.l4.SCTP.destination_port tunnel.l4.VRRP.type tunnel.l4.VRRP.vrid tunnel.l4.VRRP.priority tunnel.l4.IGMP.type tunnel.l4.IGMP.group_address tunnel.vni source.ID source.identity source.cluster_name source.namespace source.pod_name destination.ID destination.identity destination.cluster_name destination.namespace destination.pod_name Type node_name l7.type l7.latency_ns l7.dns.query l7.dns.ttl l7.dns.observation_source l7.dns.rcode l7.http.code l7.http.method l7.http.url l7.http.protocol l7.kafka.error_code l7.kafka.api_version l7.kafka.api_key l7.kafka.correlation_id l7.kafka.topic reply event_type.type event_type.sub_type source_service.name source_service.namespace destination_service.name destination_service.namespace traffic_direction policy_match_type trace_observation_point trace_reason file.name file.line ip_trace_id.trace_id ip_trace_id.ip_option_type drop_reason_desc is_reply debug_capture_point interface.index interface.name proxy_port trace_context.parent.trace_id sock_xlate_point socket_cookie cgroup_id Summary aggregate.ingress_flow_count aggregate.egress_flow_count aggregate.unknown_direction_flow_count)'
complete -c flowgrep -l color -d 'when to colour the output' -x -a 'auto always never'
complete -c flowgrep -s c -l count -d 'print only the number of matching flows'
complete -c flowgrep -l ip-translation -d 'show names instead of IPs (default true)'
complete -c flowgrep -l line-buffered -d 'flush the output after every flow'
complete -c flowgrep -l numeric -d 'show IP addresses instead of names'
complete -c flowgrep -s o -l output -d 'how to print flows' -x -a 'compact dict table json jsonpb'
complete -c flowgrep -l print-node-name -d 'show the node that observed each flow'
complete -c flowgrep -l print-policy-names -d 'print policy names in output'
complete -c flowgrep -s q -l quiet -d 'print nothing, stop at the first matching flow'
complete -c flowgrep -l time-format -d 'how timestamps are printed' -x -a 'StampMilli YearMonthDay YearMonthDayHour YearMonthDayHourMinute RFC3339 RFC3339Milli RFC3339Micro RFC3339Nano RFC1123Z'
complete -c flowgrep -l top -d 'keep the N largest --aggregate-by rows' -x
complete -c flowgrep -l use-default-field-masks -d 'accepted for compatibility (default true)'
complete -c flowgrep -l config -d 'read settings from FILE (an empty FILE: none)' -r -F
complete -c flowgrep -s D -l debug -d 'print debug messages on standard error'
complete -c flowgrep -l field-mask -d 'a field mask, checked but not applied to files' -x
complete -c flowgrep -s h -l help -d 'print this help and exit'
complete -c flowgrep -s P -l port-forward -d 'rejected: flowgrep reads files, not a server'
complete -c flowgrep -l print-raw-filters -d 'print the filters as YAML and exit'
complete -c flowgrep -s s -l silent-errors -d 'hide node status messages'
complete -c flowgrep -l strict -d 'stop with status 2 at the first bad input line'
complete -c flowgrep -l version -d 'print the version and exit'
