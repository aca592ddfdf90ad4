// The typed copy of flow.proto (Cilium 1.17) that CEL checks field access against. The field
// names and order follow src/flow/flow_schema.cpp, which a unit test holds this table to.
#include "filter/cel/cel_schema.h"

namespace flowgrep::cel {

namespace {

using pt = proto_type;
using ac = accessor;

constexpr field_desc f(std::string_view name, pt t, ac a = ac::none, field_set needs = 0) {
    return {name, name, t, false, nullptr, nullptr, a, needs};
}
constexpr field_desc f(std::string_view proto, std::string_view json, pt t, ac a = ac::none, field_set needs = 0) {
    return {proto, json, t, false, nullptr, nullptr, a, needs};
}
constexpr field_desc e(std::string_view proto, std::string_view json, const enum_table& table, ac a = ac::none,
                       field_set needs = 0) {
    return {proto, json, pt::enum_, false, nullptr, &table, a, needs};
}
constexpr field_desc m(std::string_view proto, std::string_view json, const message_desc& msg, ac a = ac::none,
                       field_set needs = 0) {
    return {proto, json, pt::message, false, &msg, nullptr, a, needs};
}
constexpr field_desc strings(std::string_view proto, std::string_view json, ac a = ac::none, field_set needs = 0) {
    return {proto, json, pt::string_, true, nullptr, nullptr, a, needs};
}
constexpr field_desc messages(std::string_view proto, std::string_view json, const message_desc& msg,
                              ac a = ac::none) {
    return {proto, json, pt::message, true, &msg, nullptr, a, 0};
}

// Enums of flow.proto that no other part of flowgrep reads.
constexpr enum_entry event_types[] = {{0, "UNKNOWN"}, {9, "EventSample"}, {2, "RecordLost"}};
constexpr enum_entry agent_event_types[] = {
    {0, "AGENT_EVENT_UNKNOWN"},   {2, "AGENT_STARTED"},
    {3, "POLICY_UPDATED"},        {4, "POLICY_DELETED"},
    {5, "ENDPOINT_REGENERATE_SUCCESS"}, {6, "ENDPOINT_REGENERATE_FAILURE"},
    {7, "ENDPOINT_CREATED"},      {8, "ENDPOINT_DELETED"},
    {9, "IPCACHE_UPSERTED"},      {10, "IPCACHE_DELETED"},
    {11, "SERVICE_UPSERTED"},     {12, "SERVICE_DELETED"},
};
const enum_table event_type_enum = event_types;
const enum_table agent_event_type_enum = agent_event_types;

constexpr field_desc ethernet_fields[] = {f("source", pt::string_), f("destination", pt::string_)};
constexpr message_desc ethernet{"flow.Ethernet", message_source::json, ethernet_fields};

const field_desc ip_fields[] = {
    f("source", pt::string_), f("source_xlated", "sourceXlated", pt::string_), f("destination", pt::string_),
    e("ipVersion", "ipVersion", ip_version_enum), f("encrypted", pt::bool_),
};
const message_desc ip{"flow.IP", message_source::json, ip_fields};

constexpr field_desc tcp_flags_fields[] = {
    f("FIN", pt::bool_), f("SYN", pt::bool_), f("RST", pt::bool_), f("PSH", pt::bool_), f("ACK", pt::bool_),
    f("URG", pt::bool_), f("ECE", pt::bool_), f("CWR", pt::bool_), f("NS", pt::bool_),
};
constexpr message_desc tcp_flags{"flow.TCPFlags", message_source::json, tcp_flags_fields};

constexpr field_desc tcp_fields[] = {
    f("source_port", "sourcePort", pt::uint32),
    f("destination_port", "destinationPort", pt::uint32),
    m("flags", "flags", tcp_flags),
};
constexpr message_desc tcp{"flow.TCP", message_source::json, tcp_fields};

constexpr field_desc ports_fields[] = {
    f("source_port", "sourcePort", pt::uint32),
    f("destination_port", "destinationPort", pt::uint32),
};
constexpr message_desc udp{"flow.UDP", message_source::json, ports_fields};
constexpr message_desc sctp{"flow.SCTP", message_source::json, ports_fields};

constexpr field_desc icmp_fields[] = {f("type", pt::uint32), f("code", pt::uint32)};
constexpr message_desc icmpv4{"flow.ICMPv4", message_source::json, icmp_fields};
constexpr message_desc icmpv6{"flow.ICMPv6", message_source::json, icmp_fields};

constexpr field_desc layer4_fields[] = {
    m("TCP", "TCP", tcp),          m("UDP", "UDP", udp),   m("ICMPv4", "ICMPv4", icmpv4),
    m("ICMPv6", "ICMPv6", icmpv6), m("SCTP", "SCTP", sctp),
};
constexpr message_desc layer4{"flow.Layer4", message_source::json, layer4_fields};

constexpr field_desc workload_fields[] = {
    f("name", pt::string_, ac::workload_name),
    f("kind", pt::string_, ac::workload_kind),
};
constexpr message_desc workload{"flow.Workload", message_source::workload, workload_fields};

constexpr field_desc endpoint_fields[] = {
    f("ID", pt::uint32, ac::endpoint_id),
    f("identity", pt::uint32, ac::endpoint_identity),
    f("cluster_name", "clusterName", pt::string_, ac::endpoint_cluster_name),
    f("namespace", pt::string_, ac::endpoint_namespace),
    strings("labels", "labels", ac::endpoint_labels),
    f("pod_name", "podName", pt::string_, ac::endpoint_pod_name),
    messages("workloads", "workloads", workload, ac::endpoint_workloads),
};
constexpr message_desc endpoint{"flow.Endpoint", message_source::endpoint, endpoint_fields};

constexpr field_desc dns_fields[] = {
    f("query", pt::string_),
    strings("ips", "ips"),
    f("ttl", pt::uint32),
    strings("cnames", "cnames"),
    f("observation_source", "observationSource", pt::string_),
    f("rcode", pt::uint32),
    strings("qtypes", "qtypes"),
    strings("rrtypes", "rrtypes"),
};
constexpr message_desc dns{"flow.DNS", message_source::json, dns_fields};

constexpr field_desc http_header_fields[] = {f("key", pt::string_), f("value", pt::string_)};
constexpr message_desc http_header{"flow.HTTPHeader", message_source::json, http_header_fields};

constexpr field_desc http_fields[] = {
    f("code", pt::uint32),     f("method", pt::string_), f("url", pt::string_),
    f("protocol", pt::string_), messages("headers", "headers", http_header),
};
constexpr message_desc http{"flow.HTTP", message_source::json, http_fields};

constexpr field_desc kafka_fields[] = {
    f("error_code", "errorCode", pt::int32),
    f("api_version", "apiVersion", pt::int32),
    f("api_key", "apiKey", pt::string_),
    f("correlation_id", "correlationId", pt::int32),
    f("topic", pt::string_),
};
constexpr message_desc kafka{"flow.Kafka", message_source::json, kafka_fields};

const field_desc layer7_fields[] = {
    e("type", "type", l7_flow_type_enum),
    f("latency_ns", "latencyNs", pt::uint64),
    m("dns", "dns", dns),
    m("http", "http", http),
    m("kafka", "kafka", kafka),
};
const message_desc layer7{"flow.Layer7", message_source::json, layer7_fields};

constexpr field_desc event_type_fields[] = {
    f("type", pt::int32, ac::event_type_type),
    f("sub_type", "subType", pt::int32, ac::event_type_sub_type),
};
constexpr message_desc event_type{"flow.CiliumEventType", message_source::event_type, event_type_fields};

constexpr field_desc service_fields[] = {
    f("name", pt::string_, ac::service_name),
    f("namespace", pt::string_, ac::service_namespace),
};
constexpr message_desc service{"flow.Service", message_source::service, service_fields};

constexpr field_desc file_info_fields[] = {f("name", pt::string_), f("line", pt::uint32)};
constexpr message_desc file_info{"flow.FileInfo", message_source::json, file_info_fields};

constexpr field_desc interface_fields[] = {
    f("index", pt::uint32, ac::interface_index),
    f("name", pt::string_, ac::interface_name),
};
constexpr message_desc network_interface{"flow.NetworkInterface", message_source::interface, interface_fields};

constexpr field_desc trace_parent_fields[] = {f("trace_id", "traceId", pt::string_)};
constexpr message_desc trace_parent{"flow.TraceParent", message_source::json, trace_parent_fields};

constexpr field_desc trace_context_fields[] = {m("parent", "parent", trace_parent)};
constexpr message_desc trace_context{"flow.TraceContext", message_source::json, trace_context_fields};

constexpr field_desc policy_fields[] = {
    f("name", pt::string_), f("namespace", pt::string_), strings("labels", "labels"),
    f("revision", pt::uint64), f("kind", pt::string_),
};
constexpr message_desc policy{"flow.Policy", message_source::json, policy_fields};

const field_desc flow_fields[] = {
    f("time", "time", pt::timestamp, ac::flow_time, field_time),
    f("uuid", "uuid", pt::string_, ac::flow_uuid, field_uuid),
    e("verdict", "verdict", verdict_enum, ac::flow_verdict, field_verdict),
    f("drop_reason", "dropReason", pt::uint32),
    e("auth_type", "authType", auth_type_enum, ac::flow_auth_type, field_auth_type),
    m("ethernet", "ethernet", ethernet),
    m("IP", "IP", ip),
    m("l4", "l4", layer4),
    m("source", "source", endpoint, ac::flow_source, field_source | field_source_labels),
    m("destination", "destination", endpoint, ac::flow_destination, field_destination | field_destination_labels),
    e("Type", "Type", flow_type_enum),
    f("node_name", "nodeName", pt::string_, ac::flow_node_name, field_node_name),
    strings("node_labels", "nodeLabels", ac::flow_node_labels, field_node_labels),
    strings("source_names", "sourceNames", ac::flow_source_names, field_names),
    strings("destination_names", "destinationNames", ac::flow_destination_names, field_names),
    m("l7", "l7", layer7),
    f("reply", "reply", pt::bool_),
    m("event_type", "eventType", event_type, ac::flow_event_type, field_event_type),
    m("source_service", "sourceService", service, ac::flow_source_service, field_services),
    m("destination_service", "destinationService", service, ac::flow_destination_service, field_services),
    e("traffic_direction", "trafficDirection", traffic_direction_enum, ac::flow_traffic_direction,
      field_traffic_direction),
    f("policy_match_type", "policyMatchType", pt::uint32, ac::flow_policy_match_type, field_policy_match_type),
    e("trace_observation_point", "traceObservationPoint", trace_observation_point_enum),
    e("trace_reason", "traceReason", trace_reason_enum),
    m("file", "file", file_info),
    e("drop_reason_desc", "dropReasonDesc", drop_reason_enum, ac::flow_drop_reason_desc, field_drop_reason_desc),
    f("is_reply", "isReply", pt::bool_wrapper, ac::flow_is_reply, field_is_reply),
    e("debug_capture_point", "debugCapturePoint", debug_capture_point_enum, ac::flow_debug_capture_point,
      field_debug_capture_point),
    m("interface", "interface", network_interface, ac::flow_interface, field_interface),
    f("proxy_port", "proxyPort", pt::uint32),
    m("trace_context", "traceContext", trace_context),
    e("sock_xlate_point", "sockXlatePoint", sock_xlate_point_enum, ac::flow_sock_xlate_point,
      field_sock_xlate_point),
    f("socket_cookie", "socketCookie", pt::uint64),
    f("cgroup_id", "cgroupId", pt::uint64),
    f("Summary", "Summary", pt::string_, ac::flow_summary, field_summary),
    f("extensions", "extensions", pt::any),
    messages("egress_allowed_by", "egressAllowedBy", policy),
    messages("ingress_allowed_by", "ingressAllowedBy", policy),
    messages("egress_denied_by", "egressDeniedBy", policy),
    messages("ingress_denied_by", "ingressDeniedBy", policy),
};
const message_desc flow{"flow.Flow", message_source::flow, flow_fields};

const message_desc* const messages_list[] = {
    &flow,     &ethernet, &ip,          &tcp_flags, &tcp,   &udp,          &sctp,         &icmpv4,
    &icmpv6,   &layer4,   &workload,    &endpoint,  &dns,   &http_header,  &http,         &kafka,
    &layer7,   &event_type, &service,   &file_info, &network_interface, &trace_parent, &trace_context,
    &policy,
};

struct named_enum {
    std::string_view name;
    const enum_table* table;
};
const named_enum enums[] = {
    {"flow.Verdict", &verdict_enum},
    {"flow.DropReason", &drop_reason_enum},
    {"flow.AuthType", &auth_type_enum},
    {"flow.IPVersion", &ip_version_enum},
    {"flow.TrafficDirection", &traffic_direction_enum},
    {"flow.L7FlowType", &l7_flow_type_enum},
    {"flow.DebugCapturePoint", &debug_capture_point_enum},
    {"flow.SocketTranslationPoint", &sock_xlate_point_enum},
    {"flow.TraceObservationPoint", &trace_observation_point_enum},
    {"flow.TraceReason", &trace_reason_enum},
    {"flow.FlowType", &flow_type_enum},
    {"flow.LostEventSource", &lost_event_source_enum},
    {"flow.EventType", &event_type_enum},
    {"flow.AgentEventType", &agent_event_type_enum},
};

}  // namespace

const field_desc* message_desc::field(std::string_view proto_name) const {
    for (const auto& fd : fields)
        if (fd.proto_name == proto_name) return &fd;
    return nullptr;
}

const field_desc* message_desc::field_by_key(std::string_view key) const {
    for (const auto& fd : fields)
        if (fd.proto_name == key || fd.json_name == key) return &fd;
    return nullptr;
}

const message_desc& flow_message() { return flow; }

std::span<const message_desc* const> all_messages() { return messages_list; }

std::optional<int32_t> enum_constant(std::string_view qualified_name) {
    size_t dot = qualified_name.rfind('.');
    if (dot == std::string_view::npos) return std::nullopt;
    std::string_view type_name = qualified_name.substr(0, dot);
    for (const auto& en : enums)
        if (en.name == type_name) return enum_number(*en.table, qualified_name.substr(dot + 1));
    return std::nullopt;
}

}  // namespace flowgrep::cel
