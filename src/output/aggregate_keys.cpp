// The aggregation keys: the aliases, the Flow field paths the parsed flow holds (read from it, which
// costs nothing more per flow) and the rule for every other scalar path (read from the line's JSON).
// The paths come from flow/flow_schema.h, the same schema --field-mask is checked against.
#include "output/aggregate_keys.h"

#include <stdexcept>

#include "text/suggest.h"
#include "flow/flow_schema.h"

namespace flowgrep {

namespace {

struct alias_entry {
    aggregate_alias doc;
    key_read read;
};

constexpr alias_entry aliases[] = {
    {{"src-ns", "the source namespace (source.namespace)"}, key_read::src_ns},
    {{"src-pod", "the source pod name (source.pod_name)"}, key_read::src_pod},
    {{"src-workload", "the source workload: its first workload's name, else the pod name without the "
                      "suffixes Kubernetes adds"},
     key_read::src_workload},
    {{"src-identity", "the source security identity, a number (source.identity)"}, key_read::src_identity},
    {{"src-ip", "the source IP address (IP.source)"}, key_read::src_ip},
    {{"dst-ns", "the destination namespace (destination.namespace)"}, key_read::dst_ns},
    {{"dst-pod", "the destination pod name (destination.pod_name)"}, key_read::dst_pod},
    {{"dst-workload", "the destination workload, as for src-workload"}, key_read::dst_workload},
    {{"dst-identity", "the destination security identity (destination.identity)"}, key_read::dst_identity},
    {{"dst-ip", "the destination IP address (IP.destination)"}, key_read::dst_ip},
    {{"dst-port", "the TCP, UDP or SCTP destination port, whichever the flow has"}, key_read::dst_port},
    {{"protocol", "the L7 protocol (http, dns, kafka), else the L4 one (tcp, udp, sctp, icmpv4, icmpv6), "
                  "as --protocol takes them"},
     key_read::protocol},
    {{"type", "the event type as `flowgrep event-types` and --type name it (trace:to-stack, drop:133)"},
     key_read::event_type_name},
    {{"denied-by", "the policy that denied the flow, as NAMESPACE/NAME (NAME for a clusterwide one): the "
                   "first of ingress_denied_by, else of egress_denied_by"},
     key_read::denied_by},
    {{"allowed-by", "the policy that allowed the flow, likewise from ingress_allowed_by, egress_allowed_by"},
     key_read::allowed_by},
};

// The paths the parsed flow holds. Every other scalar path is read from the JSON.
struct path_entry {
    std::string_view path;
    key_read read;
};

constexpr path_entry struct_paths[] = {
    {"uuid", key_read::uuid},
    {"verdict", key_read::verdict},
    {"auth_type", key_read::auth_type},
    {"ethernet.source", key_read::ethernet_source},
    {"ethernet.destination", key_read::ethernet_destination},
    {"IP.source", key_read::src_ip},
    {"IP.source_xlated", key_read::ip_source_xlated},
    {"IP.destination", key_read::dst_ip},
    {"IP.ipVersion", key_read::ip_version},
    {"l4.TCP.source_port", key_read::src_port_tcp},
    {"l4.TCP.destination_port", key_read::dst_port_tcp},
    {"l4.UDP.source_port", key_read::src_port_udp},
    {"l4.UDP.destination_port", key_read::dst_port_udp},
    {"l4.SCTP.source_port", key_read::src_port_sctp},
    {"l4.SCTP.destination_port", key_read::dst_port_sctp},
    {"source.ID", key_read::src_id},
    {"source.identity", key_read::src_identity},
    {"source.cluster_name", key_read::src_cluster},
    {"source.namespace", key_read::src_ns},
    {"source.pod_name", key_read::src_pod},
    {"destination.ID", key_read::dst_id},
    {"destination.identity", key_read::dst_identity},
    {"destination.cluster_name", key_read::dst_cluster},
    {"destination.namespace", key_read::dst_ns},
    {"destination.pod_name", key_read::dst_pod},
    {"node_name", key_read::node_name},
    {"l7.type", key_read::l7_type},
    {"l7.dns.query", key_read::dns_query},
    {"l7.dns.observation_source", key_read::dns_observation_source},
    {"l7.http.code", key_read::http_code},
    {"l7.http.method", key_read::http_method},
    {"l7.http.url", key_read::http_url},
    {"is_reply", key_read::is_reply},
    {"event_type.type", key_read::event_type_type},
    {"event_type.sub_type", key_read::event_type_sub_type},
    {"source_service.name", key_read::src_service_name},
    {"source_service.namespace", key_read::src_service_ns},
    {"destination_service.name", key_read::dst_service_name},
    {"destination_service.namespace", key_read::dst_service_ns},
    {"traffic_direction", key_read::traffic_direction},
    {"policy_match_type", key_read::policy_match_type},
    {"drop_reason_desc", key_read::drop_reason_desc},
    {"debug_capture_point", key_read::debug_capture_point},
    {"interface.index", key_read::interface_index},
    {"interface.name", key_read::interface_name},
    {"trace_context.parent.trace_id", key_read::trace_id},
    {"sock_xlate_point", key_read::sock_xlate_point},
    {"Summary", key_read::summary},
};

// Every path that names one value, depth first in declaration order. A well-known message counts
// when it is one JSON scalar: BoolValue (is_reply) yes; Timestamp (a string, but unique per flow,
// so no use as a key) and Any no.
void collect_paths(const message_schema& m, const std::string& prefix, std::vector<std::string>& out) {
    for (const auto& f : m.fields) {
        std::string path = prefix + std::string(f.proto_name);
        switch (f.kind) {
        case field_kind::scalar: out.push_back(path); break;
        case field_kind::list: break;
        case field_kind::message:
            if (f.message->form == json_form::object)
                collect_paths(*f.message, path + ".", out);
            else if (f.message->full_name == "google.protobuf.BoolValue")
                out.push_back(path);
            break;
        }
    }
}

const std::vector<std::string>& scalar_paths() {
    static const std::vector<std::string> paths = [] {
        std::vector<std::string> out;
        collect_paths(flow_schema(), "", out);
        return out;
    }();
    return paths;
}

// What a path is, when it is not one value: for the error message.
std::string not_a_value(std::string_view name) {
    const message_schema* m = &flow_schema();
    const field_schema* f = nullptr;
    std::string_view rest = name;
    while (true) {
        size_t dot = rest.find('.');
        f = m == nullptr ? nullptr : m->field_by_name(rest.substr(0, dot));
        if (f == nullptr) return {};
        if (dot == std::string_view::npos) break;
        m = f->kind == field_kind::message ? f->message : nullptr;
        rest.remove_prefix(dot + 1);
    }
    std::string quoted;
    quoted.append(1, '"').append(name).append(1, '"');
    if (name == "source.workloads" || name == "destination.workloads")
        return quoted + " is a list; use " + (name[0] == 's' ? "src-workload" : "dst-workload");
    if (f->kind == field_kind::list) return quoted + " is a list; aggregate by one value per flow";
    if (f->message != nullptr && f->message->form == json_form::well_known)
        return quoted + " is not a key: every flow has its own";
    std::string fields;
    for (const auto& sub : f->message->fields) {
        if (sub.kind == field_kind::list) continue;
        if (!fields.empty()) fields += ", ";
        fields += std::string(name) + "." + std::string(sub.proto_name);
    }
    return quoted + " is a message; name one of its fields: " + fields;
}

}  // namespace

aggregate_key parse_aggregate_key(std::string_view name, bool from_json) {
    aggregate_key key;
    key.name = std::string(name);
    for (const auto& a : aliases)
        if (a.doc.name == name) {
            key.read = a.read;
            return key;
        }
    bool scalar = false;
    for (const auto& p : scalar_paths()) scalar = scalar || p == name;
    if (!scalar) {
        if (std::string why = not_a_value(name); !why.empty()) throw std::invalid_argument(why);
        throw std::invalid_argument("unknown key \"" + std::string(name) + "\"" +
                                    did_you_mean(name, aggregate_key_choices()));
    }
    if (!from_json)
        for (const auto& p : struct_paths)
            if (p.path == name) {
                key.read = p.read;
                return key;
            }
    const message_schema* m = &flow_schema();
    std::string_view rest = name;
    while (true) {
        size_t dot = rest.find('.');
        const field_schema* f = m->field_by_name(rest.substr(0, dot));
        key.path.emplace_back(f->proto_name, f->json_name);
        if (dot == std::string_view::npos) break;
        m = f->message;
        rest.remove_prefix(dot + 1);
    }
    return key;
}

field_set aggregate_key_needs(key_read read) {
    using k = key_read;
    switch (read) {
    case k::json:
    case k::denied_by:
    case k::allowed_by: return 0;
    case k::src_ns:
    case k::src_pod:
    case k::src_identity:
    case k::src_id:
    case k::src_cluster: return field_source;
    case k::src_workload: return field_source | field_source_labels;
    case k::dst_ns:
    case k::dst_pod:
    case k::dst_identity:
    case k::dst_id:
    case k::dst_cluster: return field_destination;
    case k::dst_workload: return field_destination | field_destination_labels;
    case k::src_ip:
    case k::dst_ip:
    case k::ip_source_xlated:
    case k::ip_version: return field_ip;
    case k::src_port_tcp:
    case k::dst_port_tcp:
    case k::src_port_udp:
    case k::dst_port_udp:
    case k::src_port_sctp:
    case k::dst_port_sctp:
    case k::dst_port: return field_l4;
    case k::protocol: return field_l4 | field_l7;
    case k::event_type_name:
    case k::event_type_type:
    case k::event_type_sub_type: return field_event_type;
    case k::verdict: return field_verdict;
    case k::drop_reason_desc: return field_drop_reason_desc;
    case k::auth_type: return field_auth_type;
    case k::traffic_direction: return field_traffic_direction;
    case k::node_name: return field_node_name;
    case k::uuid: return field_uuid;
    case k::summary: return field_summary;
    case k::ethernet_source:
    case k::ethernet_destination: return field_ethernet;
    case k::src_service_name:
    case k::src_service_ns:
    case k::dst_service_name:
    case k::dst_service_ns: return field_services;
    case k::policy_match_type: return field_policy_match_type;
    case k::debug_capture_point: return field_debug_capture_point;
    case k::sock_xlate_point: return field_sock_xlate_point;
    case k::is_reply: return field_is_reply;
    case k::interface_index:
    case k::interface_name: return field_interface;
    case k::trace_id: return field_trace_id;
    case k::l7_type:
    case k::dns_query:
    case k::dns_observation_source:
    case k::http_code:
    case k::http_method:
    case k::http_url: return field_l7;
    }
    return all_fields;
}

std::span<const aggregate_alias> aggregate_aliases() {
    static const std::vector<aggregate_alias> docs = [] {
        std::vector<aggregate_alias> out;
        for (const auto& a : aliases) out.push_back(a.doc);
        return out;
    }();
    return docs;
}

std::vector<std::string> aggregate_key_choices() {
    std::vector<std::string> out;
    for (const auto& a : aliases) out.emplace_back(a.doc.name);
    for (const auto& p : scalar_paths()) out.push_back(p);
    return out;
}

namespace {

// k8s.io/apimachinery's rand.String and SafeEncodeString: no vowels, no 0, 1, 3.
bool safe_chars(std::string_view s) {
    constexpr std::string_view alphabet = "bcdfghjklmnpqrstvwxz2456789";
    for (char c : s)
        if (alphabet.find(c) == std::string_view::npos) return false;
    return !s.empty();
}

bool ordinal(std::string_view s) {
    if (s.empty() || s.size() > 9 || (s.size() > 1 && s[0] == '0')) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace

std::string_view workload_of_pod(std::string_view pod) {
    const size_t last = pod.rfind('-');
    if (last == std::string_view::npos || last == 0) return pod;
    const std::string_view head = pod.substr(0, last), tail = pod.substr(last + 1);
    if (tail.size() == 5 && safe_chars(tail)) {
        // A Deployment's ReplicaSet adds its pod-template-hash (an encoded uint32: 6 to 10 chars in
        // practice) before the pod's own suffix.
        const size_t before = head.rfind('-');
        if (before != std::string_view::npos && before > 0) {
            const std::string_view hash = head.substr(before + 1);
            if (hash.size() >= 6 && hash.size() <= 10 && safe_chars(hash)) return head.substr(0, before);
        }
        return head;
    }
    if (ordinal(tail)) return head;
    return pod;
}

}  // namespace flowgrep
