// The tables behind enums.h, transcribed from flow.proto, relay.proto and Cilium's monitor API.
#include "flow/enums.h"

#include <array>

namespace flowgrep {

std::string_view enum_name(enum_table table, int32_t number) {
    for (const auto& e : table)
        if (e.number == number) return e.name;
    return {};
}

std::optional<int32_t> enum_number(enum_table table, std::string_view name) {
    for (const auto& e : table)
        if (e.name == name) return e.number;
    return std::nullopt;
}

namespace {

constexpr enum_entry verdicts[] = {
    {0, "VERDICT_UNKNOWN"}, {1, "FORWARDED"}, {2, "DROPPED"},    {3, "ERROR"},
    {4, "AUDIT"},           {5, "REDIRECTED"}, {6, "TRACED"},    {7, "TRANSLATED"},
};

constexpr enum_entry drop_reasons[] = {
    {0, "DROP_REASON_UNKNOWN"},
    {130, "INVALID_SOURCE_MAC"},
    {131, "INVALID_DESTINATION_MAC"},
    {132, "INVALID_SOURCE_IP"},
    {133, "POLICY_DENIED"},
    {134, "INVALID_PACKET_DROPPED"},
    {135, "CT_TRUNCATED_OR_INVALID_HEADER"},
    {136, "CT_MISSING_TCP_ACK_FLAG"},
    {137, "CT_UNKNOWN_L4_PROTOCOL"},
    {138, "CT_CANNOT_CREATE_ENTRY_FROM_PACKET"},
    {139, "UNSUPPORTED_L3_PROTOCOL"},
    {140, "MISSED_TAIL_CALL"},
    {141, "ERROR_WRITING_TO_PACKET"},
    {142, "UNKNOWN_L4_PROTOCOL"},
    {143, "UNKNOWN_ICMPV4_CODE"},
    {144, "UNKNOWN_ICMPV4_TYPE"},
    {145, "UNKNOWN_ICMPV6_CODE"},
    {146, "UNKNOWN_ICMPV6_TYPE"},
    {147, "ERROR_RETRIEVING_TUNNEL_KEY"},
    {148, "ERROR_RETRIEVING_TUNNEL_OPTIONS"},
    {149, "INVALID_GENEVE_OPTION"},
    {150, "UNKNOWN_L3_TARGET_ADDRESS"},
    {151, "STALE_OR_UNROUTABLE_IP"},
    {152, "NO_MATCHING_LOCAL_CONTAINER_FOUND"},
    {153, "ERROR_WHILE_CORRECTING_L3_CHECKSUM"},
    {154, "ERROR_WHILE_CORRECTING_L4_CHECKSUM"},
    {155, "CT_MAP_INSERTION_FAILED"},
    {156, "INVALID_IPV6_EXTENSION_HEADER"},
    {157, "IP_FRAGMENTATION_NOT_SUPPORTED"},
    {158, "SERVICE_BACKEND_NOT_FOUND"},
    {160, "NO_TUNNEL_OR_ENCAPSULATION_ENDPOINT"},
    {161, "FAILED_TO_INSERT_INTO_PROXYMAP"},
    {162, "REACHED_EDT_RATE_LIMITING_DROP_HORIZON"},
    {163, "UNKNOWN_CONNECTION_TRACKING_STATE"},
    {164, "LOCAL_HOST_IS_UNREACHABLE"},
    {165, "NO_CONFIGURATION_AVAILABLE_TO_PERFORM_POLICY_DECISION"},
    {166, "UNSUPPORTED_L2_PROTOCOL"},
    {167, "NO_MAPPING_FOR_NAT_MASQUERADE"},
    {168, "UNSUPPORTED_PROTOCOL_FOR_NAT_MASQUERADE"},
    {169, "FIB_LOOKUP_FAILED"},
    {170, "ENCAPSULATION_TRAFFIC_IS_PROHIBITED"},
    {171, "INVALID_IDENTITY"},
    {172, "UNKNOWN_SENDER"},
    {173, "NAT_NOT_NEEDED"},
    {174, "IS_A_CLUSTERIP"},
    {175, "FIRST_LOGICAL_DATAGRAM_FRAGMENT_NOT_FOUND"},
    {176, "FORBIDDEN_ICMPV6_MESSAGE"},
    {177, "DENIED_BY_LB_SRC_RANGE_CHECK"},
    {178, "SOCKET_LOOKUP_FAILED"},
    {179, "SOCKET_ASSIGN_FAILED"},
    {180, "PROXY_REDIRECTION_NOT_SUPPORTED_FOR_PROTOCOL"},
    {181, "POLICY_DENY"},
    {182, "VLAN_FILTERED"},
    {183, "INVALID_VNI"},
    {184, "INVALID_TC_BUFFER"},
    {185, "NO_SID"},
    {186, "MISSING_SRV6_STATE"},
    {187, "NAT46"},
    {188, "NAT64"},
    {189, "AUTH_REQUIRED"},
    {190, "CT_NO_MAP_FOUND"},
    {191, "SNAT_NO_MAP_FOUND"},
    {192, "INVALID_CLUSTER_ID"},
    {193, "UNSUPPORTED_PROTOCOL_FOR_DSR_ENCAP"},
    {194, "NO_EGRESS_GATEWAY"},
    {195, "UNENCRYPTED_TRAFFIC"},
    {196, "TTL_EXCEEDED"},
    {197, "NO_NODE_ID"},
    {198, "DROP_RATE_LIMITED"},
    {199, "IGMP_HANDLED"},
    {200, "IGMP_SUBSCRIBED"},
    {201, "MULTICAST_HANDLED"},
    {202, "DROP_HOST_NOT_READY"},
    {203, "DROP_EP_NOT_READY"},
    {204, "DROP_NO_EGRESS_IP"},
    {205, "DROP_PUNT_PROXY"},
};

constexpr enum_entry auth_types[] = {{0, "DISABLED"}, {1, "SPIRE"}, {2, "TEST_ALWAYS_FAIL"}};
constexpr enum_entry ip_versions[] = {{0, "IP_NOT_USED"}, {1, "IPv4"}, {2, "IPv6"}};
constexpr enum_entry traffic_directions[] = {
    {0, "TRAFFIC_DIRECTION_UNKNOWN"}, {1, "INGRESS"}, {2, "EGRESS"}};
constexpr enum_entry l7_flow_types[] = {
    {0, "UNKNOWN_L7_TYPE"}, {1, "REQUEST"}, {2, "RESPONSE"}, {3, "SAMPLE"}};
constexpr enum_entry debug_capture_points[] = {
    {0, "DBG_CAPTURE_POINT_UNKNOWN"}, {4, "DBG_CAPTURE_DELIVERY"},   {5, "DBG_CAPTURE_FROM_LB"},
    {6, "DBG_CAPTURE_AFTER_V46"},     {7, "DBG_CAPTURE_AFTER_V64"},  {8, "DBG_CAPTURE_PROXY_PRE"},
    {9, "DBG_CAPTURE_PROXY_POST"},    {10, "DBG_CAPTURE_SNAT_PRE"},  {11, "DBG_CAPTURE_SNAT_POST"},
};
constexpr enum_entry sock_xlate_points[] = {
    {0, "SOCK_XLATE_POINT_UNKNOWN"},
    {1, "SOCK_XLATE_POINT_PRE_DIRECTION_FWD"},
    {2, "SOCK_XLATE_POINT_POST_DIRECTION_FWD"},
    {3, "SOCK_XLATE_POINT_PRE_DIRECTION_REV"},
    {4, "SOCK_XLATE_POINT_POST_DIRECTION_REV"},
};
constexpr enum_entry trace_observation_points[] = {
    {0, "UNKNOWN_POINT"}, {1, "TO_PROXY"},      {2, "TO_HOST"},        {3, "TO_STACK"},
    {4, "TO_OVERLAY"},    {101, "TO_ENDPOINT"}, {5, "FROM_ENDPOINT"},  {6, "FROM_PROXY"},
    {7, "FROM_HOST"},     {8, "FROM_STACK"},    {9, "FROM_OVERLAY"},   {10, "FROM_NETWORK"},
    {11, "TO_NETWORK"},   {12, "FROM_CRYPTO"},  {13, "TO_CRYPTO"},
};
constexpr enum_entry trace_reasons[] = {
    {0, "TRACE_REASON_UNKNOWN"}, {1, "NEW"},        {2, "ESTABLISHED"},
    {3, "REPLY"},                {4, "RELATED"},    {5, "REOPENED"},
    {6, "SRV6_ENCAP"},           {7, "SRV6_DECAP"}, {8, "ENCRYPT_OVERLAY"},
};
constexpr enum_entry flow_types[] = {{0, "UNKNOWN_TYPE"}, {1, "L3_L4"}, {2, "L7"}, {3, "SOCK"}};
constexpr enum_entry lost_event_sources[] = {
    {0, "UNKNOWN_LOST_EVENT_SOURCE"}, {1, "PERF_EVENT_RING_BUFFER"},
    {2, "OBSERVER_EVENTS_QUEUE"},     {3, "HUBBLE_RING_BUFFER"},
};
constexpr enum_entry node_states[] = {
    {0, "UNKNOWN_NODE_STATE"}, {1, "NODE_CONNECTED"}, {2, "NODE_UNAVAILABLE"},
    {3, "NODE_GONE"},          {4, "NODE_ERROR"},
};

constexpr enum_entry tunnel_protocols[] = {{0, "UNKNOWN"}, {1, "VXLAN"}, {2, "GENEVE"}};
constexpr enum_entry proto_event_types[] = {{0, "UNKNOWN"}, {9, "EventSample"}, {2, "RecordLost"}};
constexpr enum_entry agent_event_types[] = {
    {0, "AGENT_EVENT_UNKNOWN"},         {2, "AGENT_STARTED"},
    {3, "POLICY_UPDATED"},              {4, "POLICY_DELETED"},
    {5, "ENDPOINT_REGENERATE_SUCCESS"}, {6, "ENDPOINT_REGENERATE_FAILURE"},
    {7, "ENDPOINT_CREATED"},            {8, "ENDPOINT_DELETED"},
    {9, "IPCACHE_UPSERTED"},            {10, "IPCACHE_DELETED"},
    {11, "SERVICE_UPSERTED"},           {12, "SERVICE_DELETED"},
};

constexpr enum_entry event_types[] = {
    {1, "drop"},           {2, "debug"},   {3, "capture"}, {4, "trace"}, {5, "policy-verdict"},
    {7, "trace-sock"},     {129, "l7"},    {130, "agent"},
};
constexpr enum_entry trace_sub_types[] = {
    {0, "to-endpoint"},  {1, "to-proxy"},     {2, "to-host"},      {3, "to-stack"},
    {4, "to-overlay"},   {5, "from-endpoint"}, {6, "from-proxy"},  {7, "from-host"},
    {8, "from-stack"},   {9, "from-overlay"}, {10, "from-network"}, {11, "to-network"},
    {12, "from-crypto"}, {13, "to-crypto"},
};
constexpr enum_entry agent_sub_types[] = {
    {0, "unspecified"},
    {1, "message"},
    {2, "agent-started"},
    {3, "endpoint-regenerate-success"},
    {4, "endpoint-regenerate-failure"},
    {5, "policy-updated"},
    {6, "policy-deleted"},
    {7, "endpoint-created"},
    {8, "endpoint-deleted"},
    {9, "ipcache-upserted"},
    {10, "ipcache-deleted"},
};
constexpr enum_entry reserved_identities[] = {
    {0, "unknown"},        {1, "host"},   {2, "world"},          {3, "unmanaged"},
    {4, "health"},         {5, "init"},   {6, "remote-node"},    {7, "kube-apiserver"},
    {8, "ingress"},        {9, "world-ipv4"}, {10, "world-ipv6"}, {11, "overlay-to-encrypt"},
};

struct drop_text {
    uint8_t code;
    std::string_view text;
};

constexpr drop_text drop_texts[] = {
    {0, "Success"},
    {2, "Invalid packet"},
    {3, "Interface"},
    {4, "Interface Decrypted"},
    {5, "LB, sock cgroup: No backend slot entry found"},
    {6, "LB, sock cgroup: No backend entry found"},
    {7, "LB, sock cgroup: Reverse entry update failed"},
    {8, "LB, sock cgroup: Reverse entry stale"},
    {9, "Fragmented packet"},
    {10, "Fragmented packet entry update failed"},
    {11, "Missed tail call to custom program"},
    {12, "Interface Decrypting"},
    {13, "Interface Encrypting"},
    {14, "LB: sock cgroup: Reverse entry delete succeeded"},
    {15, "MTU error message"},
    {130, "Invalid source mac"},
    {131, "Invalid destination mac"},
    {132, "Invalid source ip"},
    {133, "Policy denied"},
    {134, "Invalid packet"},
    {135, "CT: Truncated or invalid header"},
    {136, "Fragmentation needed"},
    {137, "CT: Unknown L4 protocol"},
    {138, "CT: Can't create entry from packet"},
    {139, "Unsupported L3 protocol"},
    {140, "Missed tail call"},
    {141, "Error writing to packet"},
    {142, "Unknown L4 protocol"},
    {143, "Unknown ICMPv4 code"},
    {144, "Unknown ICMPv4 type"},
    {145, "Unknown ICMPv6 code"},
    {146, "Unknown ICMPv6 type"},
    {147, "Error retrieving tunnel key"},
    {148, "Error retrieving tunnel options"},
    {149, "Invalid Geneve option"},
    {150, "Unknown L3 target address"},
    {151, "Stale or unroutable IP"},
    {152, "No matching local container found"},
    {153, "Error while correcting L3 checksum"},
    {154, "Error while correcting L4 checksum"},
    {155, "CT: Map insertion failed"},
    {156, "Invalid IPv6 extension header"},
    {157, "IP fragmentation not supported"},
    {158, "Service backend not found"},
    {160, "No tunnel/encapsulation endpoint (datapath BUG!)"},
    {161, "NAT 46/64 not enabled"},
    {162, "Reached EDT rate-limiting drop horizon"},
    {163, "Unknown connection tracking state"},
    {164, "Local host is unreachable"},
    {165, "No configuration available to perform policy decision"},
    {166, "Unsupported L2 protocol"},
    {167, "No mapping for NAT masquerade"},
    {168, "Unsupported protocol for NAT masquerade"},
    {169, "FIB lookup failed"},
    {170, "Encapsulation traffic is prohibited"},
    {171, "Invalid identity"},
    {172, "Unknown sender"},
    {173, "NAT not needed"},
    {174, "Is a ClusterIP"},
    {175, "First logical datagram fragment not found"},
    {176, "Forbidden ICMPv6 message"},
    {177, "Denied by LB src range check"},
    {178, "Socket lookup failed"},
    {179, "Socket assign failed"},
    {180, "Proxy redirection not supported for protocol"},
    {181, "Policy denied by denylist"},
    {182, "VLAN traffic disallowed by VLAN filter"},
    {183, "Incorrect VNI from VTEP"},
    {184, "Failed to update or lookup TC buffer"},
    {185, "No SID was found for the IP address"},
    {186, "SRv6 state was removed during tail call"},
    {187, "L3 translation from IPv4 to IPv6 failed (NAT46)"},
    {188, "L3 translation from IPv6 to IPv4 failed (NAT64)"},
    {189, "Authentication required"},
    {190, "No conntrack map found"},
    {191, "No nat map found"},
    {192, "Invalid ClusterID"},
    {193, "Unsupported packet protocol for DSR encapsulation"},
    {194, "No egress gateway found"},
    {195, "Traffic is unencrypted"},
    {196, "TTL exceeded"},
    {197, "No node ID found"},
    {198, "Rate limited"},
    {199, "IGMP handled"},
    {200, "IGMP subscribed"},
    {201, "Multicast handled"},
    {202, "Host datapath not ready"},
    {203, "Endpoint policy program not available"},
    {204, "No Egress IP configured"},
    {205, "Punt to proxy"},
};

constexpr std::string_view policy_match_types[] = {
    "none", "L3-Only", "L3-L4", "L4-Only", "all", "L3-Proto", "Proto-Only",
};

}  // namespace

const enum_table verdict_enum = verdicts;
const enum_table drop_reason_enum = drop_reasons;
const enum_table auth_type_enum = auth_types;
const enum_table ip_version_enum = ip_versions;
const enum_table traffic_direction_enum = traffic_directions;
const enum_table l7_flow_type_enum = l7_flow_types;
const enum_table debug_capture_point_enum = debug_capture_points;
const enum_table sock_xlate_point_enum = sock_xlate_points;
const enum_table trace_observation_point_enum = trace_observation_points;
const enum_table trace_reason_enum = trace_reasons;
const enum_table flow_type_enum = flow_types;
const enum_table lost_event_source_enum = lost_event_sources;
const enum_table node_state_enum = node_states;
const enum_table tunnel_protocol_enum = tunnel_protocols;
const enum_table proto_event_type_enum = proto_event_types;
const enum_table agent_event_type_enum = agent_event_types;
const enum_table event_type_names = event_types;
const enum_table trace_sub_type_names = trace_sub_types;
const enum_table agent_sub_type_names = agent_sub_types;
const enum_table reserved_identity_names = reserved_identities;

std::string_view drop_reason_text(uint32_t code) {
    for (const auto& d : drop_texts)
        if (d.code == code) return d.text;
    return {};
}

std::string_view policy_match_type_name(uint32_t type) {
    if (type < std::size(policy_match_types)) return policy_match_types[type];
    return "unknown";
}

}  // namespace flowgrep
