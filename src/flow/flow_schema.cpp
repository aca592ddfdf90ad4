// flow.Flow and the messages under it, field by field, in .proto declaration order, as of Cilium 1.17
// (the version hubble observe 1.17 validates field masks against). Maps never occur in Flow; oneof
// members (l4's TCP..SCTP, l7's dns/http/kafka) are ordinary fields for masks.
#include "flow/flow_schema.h"

namespace flowgrep {

namespace {

constexpr field_schema scalar(std::string_view proto, std::string_view json) {
    return {proto, json, field_kind::scalar, nullptr};
}
constexpr field_schema scalar(std::string_view name) { return scalar(name, name); }

constexpr field_schema nested(std::string_view proto, std::string_view json, const message_schema& m) {
    return {proto, json, field_kind::message, &m};
}
constexpr field_schema nested(std::string_view name, const message_schema& m) { return nested(name, name, m); }

constexpr field_schema list(std::string_view proto, std::string_view json,
                            const message_schema* element = nullptr) {
    return {proto, json, field_kind::list, element};
}
constexpr field_schema list(std::string_view name) { return list(name, name); }

// google.protobuf well-known types that Flow uses.
constexpr field_schema timestamp_fields[] = {scalar("seconds"), scalar("nanos")};
constexpr message_schema timestamp_message{"google.protobuf.Timestamp", json_form::well_known, timestamp_fields};

constexpr field_schema bool_value_fields[] = {scalar("value")};
constexpr message_schema bool_value_message{"google.protobuf.BoolValue", json_form::well_known, bool_value_fields};

constexpr field_schema any_fields[] = {scalar("type_url", "typeUrl"), scalar("value")};
constexpr message_schema any_message{"google.protobuf.Any", json_form::well_known, any_fields};

constexpr field_schema ethernet_fields[] = {scalar("source"), scalar("destination")};
constexpr message_schema ethernet_message{"flow.Ethernet", json_form::object, ethernet_fields};

constexpr field_schema ip_fields[] = {
    scalar("source"),    scalar("source_xlated", "sourceXlated"), scalar("destination"),
    scalar("ipVersion"), scalar("encrypted"),
};
constexpr message_schema ip_message{"flow.IP", json_form::object, ip_fields};

constexpr field_schema tcp_flags_fields[] = {
    scalar("FIN"), scalar("SYN"), scalar("RST"), scalar("PSH"), scalar("ACK"),
    scalar("URG"), scalar("ECE"), scalar("CWR"), scalar("NS"),
};
constexpr message_schema tcp_flags_message{"flow.TCPFlags", json_form::object, tcp_flags_fields};

constexpr field_schema tcp_fields[] = {
    scalar("source_port", "sourcePort"),
    scalar("destination_port", "destinationPort"),
    nested("flags", tcp_flags_message),
};
constexpr message_schema tcp_message{"flow.TCP", json_form::object, tcp_fields};

constexpr field_schema ports_fields[] = {
    scalar("source_port", "sourcePort"),
    scalar("destination_port", "destinationPort"),
};
constexpr message_schema udp_message{"flow.UDP", json_form::object, ports_fields};
constexpr message_schema sctp_message{"flow.SCTP", json_form::object, ports_fields};

constexpr field_schema icmp_fields[] = {scalar("type"), scalar("code")};
constexpr message_schema icmpv4_message{"flow.ICMPv4", json_form::object, icmp_fields};
constexpr message_schema icmpv6_message{"flow.ICMPv6", json_form::object, icmp_fields};

constexpr field_schema layer4_fields[] = {
    nested("TCP", tcp_message),         nested("UDP", udp_message),   nested("ICMPv4", icmpv4_message),
    nested("ICMPv6", icmpv6_message),   nested("SCTP", sctp_message),
};
constexpr message_schema layer4_message{"flow.Layer4", json_form::object, layer4_fields};

constexpr field_schema workload_fields[] = {scalar("name"), scalar("kind")};
constexpr message_schema workload_message{"flow.Workload", json_form::object, workload_fields};

constexpr field_schema endpoint_fields[] = {
    scalar("ID"),
    scalar("identity"),
    scalar("cluster_name", "clusterName"),
    scalar("namespace"),
    list("labels"),
    scalar("pod_name", "podName"),
    list("workloads", "workloads", &workload_message),
};
constexpr message_schema endpoint_message{"flow.Endpoint", json_form::object, endpoint_fields};

constexpr field_schema dns_fields[] = {
    scalar("query"),
    list("ips"),
    scalar("ttl"),
    list("cnames"),
    scalar("observation_source", "observationSource"),
    scalar("rcode"),
    list("qtypes"),
    list("rrtypes"),
};
constexpr message_schema dns_message{"flow.DNS", json_form::object, dns_fields};

constexpr field_schema http_header_fields[] = {scalar("key"), scalar("value")};
constexpr message_schema http_header_message{"flow.HTTPHeader", json_form::object, http_header_fields};

constexpr field_schema http_fields[] = {
    scalar("code"),     scalar("method"), scalar("url"),
    scalar("protocol"), list("headers", "headers", &http_header_message),
};
constexpr message_schema http_message{"flow.HTTP", json_form::object, http_fields};

constexpr field_schema kafka_fields[] = {
    scalar("error_code", "errorCode"),
    scalar("api_version", "apiVersion"),
    scalar("api_key", "apiKey"),
    scalar("correlation_id", "correlationId"),
    scalar("topic"),
};
constexpr message_schema kafka_message{"flow.Kafka", json_form::object, kafka_fields};

constexpr field_schema layer7_fields[] = {
    scalar("type"),
    scalar("latency_ns", "latencyNs"),
    nested("dns", dns_message),
    nested("http", http_message),
    nested("kafka", kafka_message),
};
constexpr message_schema layer7_message{"flow.Layer7", json_form::object, layer7_fields};

constexpr field_schema event_type_fields[] = {scalar("type"), scalar("sub_type", "subType")};
constexpr message_schema event_type_message{"flow.CiliumEventType", json_form::object, event_type_fields};

constexpr field_schema service_fields[] = {scalar("name"), scalar("namespace")};
constexpr message_schema service_message{"flow.Service", json_form::object, service_fields};

constexpr field_schema file_info_fields[] = {scalar("name"), scalar("line")};
constexpr message_schema file_info_message{"flow.FileInfo", json_form::object, file_info_fields};

constexpr field_schema interface_fields[] = {scalar("index"), scalar("name")};
constexpr message_schema interface_message{"flow.NetworkInterface", json_form::object, interface_fields};

constexpr field_schema trace_parent_fields[] = {scalar("trace_id", "traceId")};
constexpr message_schema trace_parent_message{"flow.TraceParent", json_form::object, trace_parent_fields};

constexpr field_schema trace_context_fields[] = {nested("parent", trace_parent_message)};
constexpr message_schema trace_context_message{"flow.TraceContext", json_form::object, trace_context_fields};

constexpr field_schema policy_fields[] = {
    scalar("name"), scalar("namespace"), list("labels"), scalar("revision"), scalar("kind"),
};
constexpr message_schema policy_message{"flow.Policy", json_form::object, policy_fields};

constexpr field_schema flow_fields[] = {
    nested("time", timestamp_message),
    scalar("uuid"),
    scalar("verdict"),
    scalar("drop_reason", "dropReason"),
    scalar("auth_type", "authType"),
    nested("ethernet", ethernet_message),
    nested("IP", ip_message),
    nested("l4", layer4_message),
    nested("source", endpoint_message),
    nested("destination", endpoint_message),
    scalar("Type"),
    scalar("node_name", "nodeName"),
    list("node_labels", "nodeLabels"),
    list("source_names", "sourceNames"),
    list("destination_names", "destinationNames"),
    nested("l7", layer7_message),
    scalar("reply"),
    nested("event_type", "eventType", event_type_message),
    nested("source_service", "sourceService", service_message),
    nested("destination_service", "destinationService", service_message),
    scalar("traffic_direction", "trafficDirection"),
    scalar("policy_match_type", "policyMatchType"),
    scalar("trace_observation_point", "traceObservationPoint"),
    scalar("trace_reason", "traceReason"),
    nested("file", file_info_message),
    scalar("drop_reason_desc", "dropReasonDesc"),
    nested("is_reply", "isReply", bool_value_message),
    scalar("debug_capture_point", "debugCapturePoint"),
    nested("interface", interface_message),
    scalar("proxy_port", "proxyPort"),
    nested("trace_context", "traceContext", trace_context_message),
    scalar("sock_xlate_point", "sockXlatePoint"),
    scalar("socket_cookie", "socketCookie"),
    scalar("cgroup_id", "cgroupId"),
    scalar("Summary"),
    nested("extensions", any_message),
    list("egress_allowed_by", "egressAllowedBy", &policy_message),
    list("ingress_allowed_by", "ingressAllowedBy", &policy_message),
    list("egress_denied_by", "egressDeniedBy", &policy_message),
    list("ingress_denied_by", "ingressDeniedBy", &policy_message),
};
constexpr message_schema flow_message{"flow.Flow", json_form::object, flow_fields};

}  // namespace

const field_schema* message_schema::field_by_name(std::string_view proto_name) const {
    for (const auto& f : fields)
        if (f.proto_name == proto_name) return &f;
    return nullptr;
}

const field_schema* message_schema::field_by_key(std::string_view key) const {
    for (const auto& f : fields)
        if (f.proto_name == key || f.json_name == key) return &f;
    return nullptr;
}

const message_schema& flow_schema() { return flow_message; }

bool is_valid_field_path(const message_schema& root, std::string_view path) {
    const message_schema* m = &root;
    while (true) {
        size_t dot = path.find('.');
        std::string_view name = path.substr(0, dot);
        // Only a message field can have a field after it: not a scalar, not a repeated field.
        if (m == nullptr) return false;
        const field_schema* f = m->field_by_name(name);
        if (f == nullptr) return false;
        m = f->kind == field_kind::message ? f->message : nullptr;
        if (dot == std::string_view::npos) return true;
        path.remove_prefix(dot + 1);
    }
}

}  // namespace flowgrep
