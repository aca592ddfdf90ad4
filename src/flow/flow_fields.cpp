// flow.Flow and the messages under it, field by field in .proto declaration order (which protojson
// also writes a flow in), as of Cilium 1.19. Messages are defined before the messages that hold them.
// Maps never occur in Flow; oneof members (l4's TCP..IGMP, l7's dns/http/kafka) are ordinary fields
// for masks and CEL, and the parser refuses two of them set.
#include "flow/flow_fields.h"

#include <type_traits>
#include <vector>

#include "flow/flow.h"

namespace flowgrep {

namespace {

using t = field_type;

// ---- readers: how a field is read from the struct that holds its message ----

template <typename>
struct member_of;
template <typename C, typename T>
struct member_of<T C::*> {
    using owner = C;
};

member_value value_of(std::string_view s) {
    member_value v;
    v.s = s;
    return v;
}
// Signed numbers and enums go to i; unsigned numbers and bools to u.
template <typename T>
    requires std::is_integral_v<T>
member_value value_of(T n) {
    member_value v;
    if constexpr (std::is_signed_v<T>) v.i = n;
    else v.u = n;
    return v;
}
member_value value_of(const timestamp& ts) {
    member_value v;
    v.present = ts.present;
    v.p = &ts;
    return v;
}
template <typename T>
member_value value_of(const std::vector<T>& list) {
    member_value v;
    v.p = list.data();
    v.u = list.size();
    v.stride = sizeof(T);
    return v;
}
// A sub-struct that is a message of its own (an endpoint, a service).
template <typename T>
    requires requires(const T& x) { x.present; }
member_value value_of(const T& x) {
    member_value v;
    v.present = x.present;
    v.p = &x;
    return v;
}

// The member M of the struct that holds the message.
template <auto M>
member_value read(const void* owner) {
    using C = typename member_of<decltype(M)>::owner;
    return value_of(static_cast<const C*>(owner)->*M);
}

// A message whose fields live in the flow itself, set when the flag M is.
template <auto M>
member_value in_flow(const void* owner) {
    member_value v;
    v.present = static_cast<const flow*>(owner)->*M;
    v.p = owner;
    return v;
}

template <l4_kind K>
member_value l4_is(const void* owner) {
    member_value v;
    v.present = static_cast<const flow*>(owner)->l4 == K;
    v.p = owner;
    return v;
}

member_value l4_any(const void* owner) {
    member_value v;
    v.present = static_cast<const flow*>(owner)->l4 != l4_kind::none;
    v.p = owner;
    return v;
}

template <l7_kind K>
member_value l7_is(const void* owner) {
    member_value v;
    v.present = static_cast<const flow*>(owner)->l7_record == K;
    v.p = owner;
    return v;
}

// TCP flags are a bit set whose bits follow TCPFlags' declaration order (the parser sets them so).
template <tcp_flags_f F>
member_value tcp_flag_set(const void* owner) {
    return value_of((static_cast<const flow*>(owner)->tcp_flags & (1u << idx(F))) != 0);
}
static_assert(tcp_fin == 1u << idx(tcp_flags_f::FIN) && tcp_ns == 1u << idx(tcp_flags_f::NS));

member_value is_reply(const void* owner) {
    const auto r = static_cast<const flow*>(owner)->is_reply;
    member_value v;
    v.present = r != flow::reply::unknown;
    v.u = r == flow::reply::yes;
    return v;
}

// ---- records ----

struct field_def {
    field_info f;
    constexpr field_def& reads(member_reader r) {
        f.member = r;
        return *this;
    }
    constexpr field_def& group(field_set decode, field_set detail = 0) {
        f.decode = decode;
        f.detail = detail;
        return *this;
    }
    constexpr field_def& detail_only() {
        f.in_detail = true;
        return *this;
    }
    constexpr field_def& oneof(uint8_t n) {
        f.oneof = n;
        return *this;
    }
    constexpr operator field_info() const { return f; }
};

template <typename E = uint8_t>
constexpr field_def leaf(E tag, std::string_view proto, std::string_view json, field_type type) {
    return {{.tag = static_cast<uint8_t>(tag), .proto = proto, .json = json, .type = type}};
}
constexpr field_def leaf(std::string_view proto, std::string_view json, field_type type) {
    return leaf(untagged, proto, json, type);
}
template <typename E>
constexpr field_def enumerated(E tag, std::string_view proto, std::string_view json, const enum_table& table) {
    field_def d = leaf(tag, proto, json, t::enum_);
    d.f.enums = &table;
    return d;
}
constexpr field_def enumerated(std::string_view proto, std::string_view json, const enum_table& table) {
    return enumerated(untagged, proto, json, table);
}
template <typename E>
constexpr field_def nested(E tag, std::string_view proto, std::string_view json, const message_info& m) {
    field_type type = t::message;
    if (m.full_name == "google.protobuf.Timestamp") type = t::timestamp;
    if (m.full_name == "google.protobuf.BoolValue") type = t::bool_wrapper;
    if (m.full_name == "google.protobuf.Any") type = t::any;
    field_def d = leaf(tag, proto, json, type);
    d.f.message = &m;
    return d;
}
constexpr field_def nested(std::string_view proto, std::string_view json, const message_info& m) {
    return nested(untagged, proto, json, m);
}
template <typename E>
constexpr field_def strings(E tag, std::string_view proto, std::string_view json) {
    field_def d = leaf(tag, proto, json, t::string_);
    d.f.repeated = true;
    return d;
}
constexpr field_def strings(std::string_view proto, std::string_view json) { return strings(untagged, proto, json); }
template <typename E>
constexpr field_def messages(E tag, std::string_view proto, std::string_view json, const message_info& m) {
    field_def d = leaf(tag, proto, json, t::message);
    d.f.repeated = true;
    d.f.message = &m;
    return d;
}

// ---- messages: the key lookup and `held` are worked out here, at compile time ----

constexpr bool held_whole(const field_info& f) {
    return f.member != nullptr && (f.message == nullptr || f.message->form == json_form::well_known || f.message->held);
}

template <size_t N>
constexpr message_info make_message(std::string_view full_name, json_form form, const field_info (&fields)[N]) {
    message_info m;
    m.full_name = full_name;
    m.form = form;
    m.fields = std::span<const field_info>(fields, N);
    m.held = true;
    for (const auto& f : fields) m.held = m.held && held_whole(f);
    for (size_t i = 0; i < N; ++i)
        if (fields[i].oneof != 0) m.oneof_members |= uint64_t{1} << i;
    // The tags, where a message has them, are the positions the decoders' constants say.
    const bool tagged = fields[0].tag != untagged;
    for (size_t i = 0; i < N; ++i)
        if (fields[i].tag != (tagged ? i : untagged)) throw "a field is not where its constant says";
    // Each name once: the JSON name only where it differs from the proto name.
    std::array<uint8_t, 128> names{};  // at most 64 fields
    size_t count = 0;
    for (size_t i = 0; i < N; ++i) {
        names[count++] = static_cast<uint8_t>(1 + 2 * i);
        if (fields[i].json != fields[i].proto) names[count++] = static_cast<uint8_t>(2 + 2 * i);
    }
    unsigned bits = 1;
    while ((1u << bits) < 2 * count) ++bits;
    if (bits > 8) throw "too many fields for the key table";
    auto name_of = [&](uint8_t slot) {
        const field_info& f = fields[(slot - 1) >> 1];
        return (slot - 1) & 1 ? f.json : f.proto;
    };
    // Pick the multiplier that places the names with the fewest probes.
    uint32_t best_seed = 0, best_cost = ~0u;
    for (uint32_t n = 0; n < 512 && best_cost > count; ++n) {
        const uint32_t seed = (0x9E3779B1u + n * 0x6A09E666u) | 1u;
        std::array<uint8_t, 256> slots{};
        uint32_t cost = 0;
        for (size_t i = 0; i < count; ++i) {
            uint32_t h = message_info::key_hash(name_of(names[i]), seed, bits);
            while (slots[h] != 0) h = (h + 1) & ((1u << bits) - 1), ++cost;
            slots[h] = names[i];
            ++cost;
        }
        if (cost < best_cost) best_cost = cost, best_seed = seed;
    }
    m.hash_bits = static_cast<uint8_t>(bits);
    m.hash_seed = best_seed;
    for (size_t i = 0; i < count; ++i) {
        uint32_t h = message_info::key_hash(name_of(names[i]), best_seed, bits);
        while (m.slots[h] != 0) h = (h + 1) & ((1u << bits) - 1);
        m.slots[h] = names[i];
        const std::string_view name = name_of(names[i]);
        m.name_size[names[i]] = static_cast<uint8_t>(name.size());
        m.name_head[names[i]] = message_info::head_of(name.data(), name.size());
    }
    return m;
}

// google.protobuf well-known types that Flow uses.
constexpr field_info timestamp_fields[] = {leaf("seconds", "seconds", t::int64), leaf("nanos", "nanos", t::int32)};
constexpr message_info timestamp_message = make_message("google.protobuf.Timestamp", json_form::well_known, timestamp_fields);

constexpr field_info bool_value_fields[] = {leaf("value", "value", t::bool_)};
constexpr message_info bool_value_message = make_message("google.protobuf.BoolValue", json_form::well_known, bool_value_fields);

constexpr field_info any_fields[] = {leaf("type_url", "typeUrl", t::string_), leaf("value", "value", t::string_)};
constexpr message_info any_message = make_message("google.protobuf.Any", json_form::well_known, any_fields);

using ef = ethernet_f;
constexpr field_info ethernet_fields[] = {
    leaf(ef::source, "source", "source", t::string_).reads(read<&flow::ethernet_source>),
    leaf(ef::destination, "destination", "destination", t::string_).reads(read<&flow::ethernet_destination>),
};
constexpr message_info ethernet_message = make_message("flow.Ethernet", json_form::object, ethernet_fields);

constexpr field_info ip_fields[] = {
    leaf(ip_f::source, "source", "source", t::string_).reads(read<&flow::ip_source>),
    leaf(ip_f::source_xlated, "source_xlated", "sourceXlated", t::string_).reads(read<&flow::ip_source_xlated>),
    leaf(ip_f::destination, "destination", "destination", t::string_).reads(read<&flow::ip_destination>),
    enumerated(ip_f::ipVersion, "ipVersion", "ipVersion", ip_version_enum).reads(read<&flow::ip_version>),
    leaf(ip_f::encrypted, "encrypted", "encrypted", t::bool_).reads(read<&flow::ip_encrypted>),
};
constexpr message_info ip_message = make_message("flow.IP", json_form::object, ip_fields);

using ff = tcp_flags_f;
constexpr field_info tcp_flags_fields[] = {
    leaf(ff::FIN, "FIN", "FIN", t::bool_).reads(tcp_flag_set<ff::FIN>),
    leaf(ff::SYN, "SYN", "SYN", t::bool_).reads(tcp_flag_set<ff::SYN>),
    leaf(ff::RST, "RST", "RST", t::bool_).reads(tcp_flag_set<ff::RST>),
    leaf(ff::PSH, "PSH", "PSH", t::bool_).reads(tcp_flag_set<ff::PSH>),
    leaf(ff::ACK, "ACK", "ACK", t::bool_).reads(tcp_flag_set<ff::ACK>),
    leaf(ff::URG, "URG", "URG", t::bool_).reads(tcp_flag_set<ff::URG>),
    leaf(ff::ECE, "ECE", "ECE", t::bool_).reads(tcp_flag_set<ff::ECE>),
    leaf(ff::CWR, "CWR", "CWR", t::bool_).reads(tcp_flag_set<ff::CWR>),
    leaf(ff::NS, "NS", "NS", t::bool_).reads(tcp_flag_set<ff::NS>),
};
constexpr message_info tcp_flags_message = make_message("flow.TCPFlags", json_form::object, tcp_flags_fields);

// TCP, UDP and SCTP ports share the flow's two port members: only one of them is set.
constexpr field_info tcp_fields[] = {
    leaf(tcp_f::source_port, "source_port", "sourcePort", t::uint32).reads(read<&flow::source_port>),
    leaf(tcp_f::destination_port, "destination_port", "destinationPort", t::uint32).reads(read<&flow::destination_port>),
    nested(tcp_f::flags, "flags", "flags", tcp_flags_message).reads(in_flow<&flow::has_tcp_flags>),
};
constexpr message_info tcp_message = make_message("flow.TCP", json_form::object, tcp_fields);

constexpr field_info ports_fields[] = {
    leaf(ports_f::source_port, "source_port", "sourcePort", t::uint32).reads(read<&flow::source_port>),
    leaf(ports_f::destination_port, "destination_port", "destinationPort", t::uint32).reads(read<&flow::destination_port>),
};
constexpr message_info udp_message = make_message("flow.UDP", json_form::object, ports_fields);
constexpr message_info sctp_message = make_message("flow.SCTP", json_form::object, ports_fields);

constexpr field_info icmp_fields[] = {leaf("type", "type", t::uint32), leaf("code", "code", t::uint32)};
constexpr message_info icmpv4_message = make_message("flow.ICMPv4", json_form::object, icmp_fields);
constexpr message_info icmpv6_message = make_message("flow.ICMPv6", json_form::object, icmp_fields);

constexpr field_info vrrp_fields[] = {
    leaf("type", "type", t::uint32), leaf("vrid", "vrid", t::uint32), leaf("priority", "priority", t::uint32)};
constexpr message_info vrrp_message = make_message("flow.VRRP", json_form::object, vrrp_fields);

constexpr field_info igmp_fields[] = {leaf("type", "type", t::uint32), leaf("group_address", "groupAddress", t::string_)};
constexpr message_info igmp_message = make_message("flow.IGMP", json_form::object, igmp_fields);

using lf = layer4_f;
constexpr field_info layer4_fields[] = {
    nested(lf::TCP, "TCP", "TCP", tcp_message).reads(l4_is<l4_kind::tcp>).oneof(1),
    nested(lf::UDP, "UDP", "UDP", udp_message).reads(l4_is<l4_kind::udp>).oneof(1),
    nested(lf::ICMPv4, "ICMPv4", "ICMPv4", icmpv4_message).oneof(1),
    nested(lf::ICMPv6, "ICMPv6", "ICMPv6", icmpv6_message).oneof(1),
    nested(lf::SCTP, "SCTP", "SCTP", sctp_message).reads(l4_is<l4_kind::sctp>).oneof(1),
    nested(lf::VRRP, "VRRP", "VRRP", vrrp_message).oneof(1),
    nested(lf::IGMP, "IGMP", "IGMP", igmp_message).oneof(1),
};
constexpr message_info layer4_message = make_message("flow.Layer4", json_form::object, layer4_fields);

constexpr field_info tunnel_fields[] = {
    enumerated("protocol", "protocol", tunnel_protocol_enum),
    nested("IP", "IP", ip_message),
    nested("l4", "l4", layer4_message),
    leaf("vni", "vni", t::uint32),
};
constexpr message_info tunnel_message = make_message("flow.Tunnel", json_form::object, tunnel_fields);

constexpr field_info workload_fields[] = {
    leaf(workload_f::name, "name", "name", t::string_).reads(read<&workload::name>),
    leaf(workload_f::kind, "kind", "kind", t::string_).reads(read<&workload::kind>),
};
constexpr message_info workload_message = make_message("flow.Workload", json_form::object, workload_fields);

using pf = endpoint_f;
constexpr field_info endpoint_fields[] = {
    leaf(pf::ID, "ID", "ID", t::uint32).reads(read<&endpoint::id>),
    leaf(pf::identity, "identity", "identity", t::uint32).reads(read<&endpoint::identity>),
    leaf(pf::cluster_name, "cluster_name", "clusterName", t::string_).reads(read<&endpoint::cluster_name>),
    leaf(pf::namespace_, "namespace", "namespace", t::string_).reads(read<&endpoint::namespace_>),
    strings(pf::labels, "labels", "labels").reads(read<&endpoint::labels>).detail_only(),
    leaf(pf::pod_name, "pod_name", "podName", t::string_).reads(read<&endpoint::pod_name>),
    messages(pf::workloads, "workloads", "workloads", workload_message).reads(read<&endpoint::workloads>).detail_only(),
};
constexpr message_info endpoint_message = make_message("flow.Endpoint", json_form::object, endpoint_fields);

constexpr field_info dns_fields[] = {
    leaf(dns_f::query, "query", "query", t::string_).reads(read<&flow::dns_query>),
    strings(dns_f::ips, "ips", "ips"),
    leaf(dns_f::ttl, "ttl", "ttl", t::uint32),
    strings(dns_f::cnames, "cnames", "cnames"),
    leaf(dns_f::observation_source, "observation_source", "observationSource", t::string_)
        .reads(read<&flow::dns_observation_source>),
    leaf(dns_f::rcode, "rcode", "rcode", t::uint32),
    strings(dns_f::qtypes, "qtypes", "qtypes"),
    strings(dns_f::rrtypes, "rrtypes", "rrtypes"),
};
constexpr message_info dns_message = make_message("flow.DNS", json_form::object, dns_fields);

constexpr field_info http_header_fields[] = {
    leaf(http_header_f::key, "key", "key", t::string_).reads(read<&http_header::key>),
    leaf(http_header_f::value, "value", "value", t::string_).reads(read<&http_header::value>),
};
constexpr message_info http_header_message = make_message("flow.HTTPHeader", json_form::object, http_header_fields);

constexpr field_info http_fields[] = {
    leaf(http_f::code, "code", "code", t::uint32).reads(read<&flow::http_code>),
    leaf(http_f::method, "method", "method", t::string_).reads(read<&flow::http_method>),
    leaf(http_f::url, "url", "url", t::string_).reads(read<&flow::http_url>),
    leaf(http_f::protocol, "protocol", "protocol", t::string_),
    messages(http_f::headers, "headers", "headers", http_header_message).reads(read<&flow::http_headers>),
};
constexpr message_info http_message = make_message("flow.HTTP", json_form::object, http_fields);

constexpr field_info kafka_fields[] = {
    leaf("error_code", "errorCode", t::int32),
    leaf("api_version", "apiVersion", t::int32),
    leaf("api_key", "apiKey", t::string_),
    leaf("correlation_id", "correlationId", t::int32),
    leaf("topic", "topic", t::string_),
};
constexpr message_info kafka_message = make_message("flow.Kafka", json_form::object, kafka_fields);

constexpr field_info layer7_fields[] = {
    enumerated(layer7_f::type, "type", "type", l7_flow_type_enum).reads(read<&flow::l7_type>),
    leaf(layer7_f::latency_ns, "latency_ns", "latencyNs", t::uint64),
    nested(layer7_f::dns, "dns", "dns", dns_message).reads(l7_is<l7_kind::dns>).oneof(1),
    nested(layer7_f::http, "http", "http", http_message).reads(l7_is<l7_kind::http>).oneof(1),
    nested(layer7_f::kafka, "kafka", "kafka", kafka_message).oneof(1),
};
constexpr message_info layer7_message = make_message("flow.Layer7", json_form::object, layer7_fields);

constexpr field_info event_type_fields[] = {
    leaf(event_type_f::type, "type", "type", t::int32).reads(read<&flow::event_type>),
    leaf(event_type_f::sub_type, "sub_type", "subType", t::int32).reads(read<&flow::event_sub_type>),
};
constexpr message_info event_type_message = make_message("flow.CiliumEventType", json_form::object, event_type_fields);

constexpr field_info service_fields[] = {
    leaf(service_f::name, "name", "name", t::string_).reads(read<&service::name>),
    leaf(service_f::namespace_, "namespace", "namespace", t::string_).reads(read<&service::namespace_>),
};
constexpr message_info service_message = make_message("flow.Service", json_form::object, service_fields);

constexpr field_info file_info_fields[] = {leaf("name", "name", t::string_), leaf("line", "line", t::uint32)};
constexpr message_info file_info_message = make_message("flow.FileInfo", json_form::object, file_info_fields);

constexpr field_info ip_trace_id_fields[] = {
    leaf(ip_trace_id_f::trace_id, "trace_id", "traceId", t::uint64).reads(read<&flow::ip_trace_id>),
    leaf(ip_trace_id_f::ip_option_type, "ip_option_type", "ipOptionType", t::uint32),
};
constexpr message_info ip_trace_id_message = make_message("flow.IPTraceID", json_form::object, ip_trace_id_fields);

constexpr field_info interface_fields[] = {
    leaf(interface_f::index, "index", "index", t::uint32).reads(read<&flow::interface_index>),
    leaf(interface_f::name, "name", "name", t::string_).reads(read<&flow::interface_name>),
};
constexpr message_info interface_message = make_message("flow.NetworkInterface", json_form::object, interface_fields);

constexpr field_info trace_parent_fields[] = {
    leaf(trace_parent_f::trace_id, "trace_id", "traceId", t::string_).reads(read<&flow::trace_id>),
};
constexpr message_info trace_parent_message = make_message("flow.TraceParent", json_form::object, trace_parent_fields);

constexpr field_info trace_context_fields[] = {
    nested(trace_context_f::parent, "parent", "parent", trace_parent_message).reads(in_flow<&flow::has_trace_parent>),
};
constexpr message_info trace_context_message =
    make_message("flow.TraceContext", json_form::object, trace_context_fields);

// policy_ref holds name, namespace and kind for the printers; CEL and --aggregate-by read policies
// from the line, where labels and revision are too.
constexpr field_info policy_fields[] = {
    leaf(policy_f::name, "name", "name", t::string_),
    leaf(policy_f::namespace_, "namespace", "namespace", t::string_),
    strings(policy_f::labels, "labels", "labels"),
    leaf(policy_f::revision, "revision", "revision", t::uint64),
    leaf(policy_f::kind, "kind", "kind", t::string_),
};
constexpr message_info policy_message = make_message("flow.Policy", json_form::object, policy_fields);

constexpr field_info emitter_fields[] = {leaf("name", "name", t::string_), leaf("version", "version", t::string_)};
constexpr message_info emitter_message = make_message("flow.Emitter", json_form::object, emitter_fields);

constexpr field_info aggregate_fields[] = {
    leaf("ingress_flow_count", "ingressFlowCount", t::uint32),
    leaf("egress_flow_count", "egressFlowCount", t::uint32),
    leaf("unknown_direction_flow_count", "unknownDirectionFlowCount", t::uint32),
};
constexpr message_info aggregate_message = make_message("flow.Aggregate", json_form::object, aggregate_fields);

using f_ = flow_f;
constexpr field_info flow_fields[] = {
    nested(f_::time, "time", "time", timestamp_message).reads(read<&flow::time>).group(field_time),
    leaf(f_::uuid, "uuid", "uuid", t::string_).reads(read<&flow::uuid>).group(field_uuid),
    nested(f_::emitter, "emitter", "emitter", emitter_message).group(field_other),
    enumerated(f_::verdict, "verdict", "verdict", verdict_enum).reads(read<&flow::verdict>).group(field_verdict),
    leaf(f_::drop_reason, "drop_reason", "dropReason", t::uint32).group(field_other),
    enumerated(f_::auth_type, "auth_type", "authType", auth_type_enum)
        .reads(read<&flow::auth_type>)
        .group(field_auth_type),
    nested(f_::ethernet, "ethernet", "ethernet", ethernet_message)
        .reads(in_flow<&flow::has_ethernet>)
        .group(field_ethernet),
    nested(f_::IP, "IP", "IP", ip_message).reads(in_flow<&flow::has_ip>).group(field_ip),
    nested(f_::l4, "l4", "l4", layer4_message).reads(l4_any).group(field_l4),
    nested(f_::tunnel, "tunnel", "tunnel", tunnel_message).group(field_other),
    nested(f_::source, "source", "source", endpoint_message)
        .reads(read<&flow::source>)
        .group(field_source, field_source_labels),
    nested(f_::destination, "destination", "destination", endpoint_message)
        .reads(read<&flow::destination>)
        .group(field_destination, field_destination_labels),
    enumerated(f_::Type, "Type", "Type", flow_type_enum).group(field_other),
    leaf(f_::node_name, "node_name", "nodeName", t::string_).reads(read<&flow::node_name>).group(field_node_name),
    strings(f_::node_labels, "node_labels", "nodeLabels").reads(read<&flow::node_labels>).group(field_node_labels),
    strings(f_::source_names, "source_names", "sourceNames").reads(read<&flow::source_names>).group(field_names),
    strings(f_::destination_names, "destination_names", "destinationNames")
        .reads(read<&flow::destination_names>)
        .group(field_names),
    nested(f_::l7, "l7", "l7", layer7_message).reads(in_flow<&flow::has_l7>).group(field_l7),
    leaf(f_::reply, "reply", "reply", t::bool_).group(field_other),
    nested(f_::event_type, "event_type", "eventType", event_type_message)
        .reads(in_flow<&flow::has_event_type>)
        .group(field_event_type),
    nested(f_::source_service, "source_service", "sourceService", service_message)
        .reads(read<&flow::source_service>)
        .group(field_services),
    nested(f_::destination_service, "destination_service", "destinationService", service_message)
        .reads(read<&flow::destination_service>)
        .group(field_services),
    enumerated(f_::traffic_direction, "traffic_direction", "trafficDirection", traffic_direction_enum)
        .reads(read<&flow::traffic_direction>)
        .group(field_traffic_direction),
    leaf(f_::policy_match_type, "policy_match_type", "policyMatchType", t::uint32)
        .reads(read<&flow::policy_match_type>)
        .group(field_policy_match_type),
    enumerated(f_::trace_observation_point, "trace_observation_point", "traceObservationPoint",
               trace_observation_point_enum)
        .group(field_other),
    enumerated(f_::trace_reason, "trace_reason", "traceReason", trace_reason_enum).group(field_other),
    nested(f_::file, "file", "file", file_info_message).group(field_other),
    nested(f_::ip_trace_id, "ip_trace_id", "ipTraceId", ip_trace_id_message)
        .reads(in_flow<&flow::has_ip_trace_id>)
        .group(field_ip_trace_id),
    enumerated(f_::drop_reason_desc, "drop_reason_desc", "dropReasonDesc", drop_reason_enum)
        .reads(read<&flow::drop_reason_desc>)
        .group(field_drop_reason_desc),
    nested(f_::is_reply, "is_reply", "isReply", bool_value_message).reads(is_reply).group(field_is_reply),
    enumerated(f_::debug_capture_point, "debug_capture_point", "debugCapturePoint", debug_capture_point_enum)
        .reads(read<&flow::debug_capture_point>)
        .group(field_debug_capture_point),
    nested(f_::interface, "interface", "interface", interface_message)
        .reads(in_flow<&flow::has_interface>)
        .group(field_interface),
    leaf(f_::proxy_port, "proxy_port", "proxyPort", t::uint32).group(field_other),
    nested(f_::trace_context, "trace_context", "traceContext", trace_context_message)
        .reads(in_flow<&flow::has_trace_context>)
        .group(field_trace_id),
    enumerated(f_::sock_xlate_point, "sock_xlate_point", "sockXlatePoint", sock_xlate_point_enum)
        .reads(read<&flow::sock_xlate_point>)
        .group(field_sock_xlate_point),
    leaf(f_::socket_cookie, "socket_cookie", "socketCookie", t::uint64).group(field_other),
    leaf(f_::cgroup_id, "cgroup_id", "cgroupId", t::uint64).group(field_other),
    leaf(f_::Summary, "Summary", "Summary", t::string_).reads(read<&flow::summary>).group(field_summary),
    nested(f_::extensions, "extensions", "extensions", any_message).group(field_other),
    messages(f_::egress_allowed_by, "egress_allowed_by", "egressAllowedBy", policy_message).group(field_policies),
    messages(f_::ingress_allowed_by, "ingress_allowed_by", "ingressAllowedBy", policy_message).group(field_policies),
    messages(f_::egress_denied_by, "egress_denied_by", "egressDeniedBy", policy_message).group(field_policies),
    messages(f_::ingress_denied_by, "ingress_denied_by", "ingressDeniedBy", policy_message).group(field_policies),
    strings(f_::policy_log, "policy_log", "policyLog").group(field_other),
    nested(f_::aggregate, "aggregate", "aggregate", aggregate_message).group(field_other),
};
constexpr message_info flow_message_info = make_message("flow.Flow", json_form::object, flow_fields);
static_assert(std::size(flow_fields) <= 64, "the parser keeps a bit per field to refuse one given twice");

// flow.LostEvent: not under Flow, but decoded by the same parser. cpu is an Int32Value, which
// protojson writes as a bare number.
constexpr field_info lost_event_fields[] = {
    enumerated(lost_event_f::source, "source", "source", lost_event_source_enum),
    leaf(lost_event_f::num_events_lost, "num_events_lost", "numEventsLost", t::uint64),
    leaf(lost_event_f::cpu, "cpu", "cpu", t::int32),
    nested(lost_event_f::first, "first", "first", timestamp_message),
    nested(lost_event_f::last, "last", "last", timestamp_message),
};
constexpr message_info lost_event_message_info = make_message("flow.LostEvent", json_form::object, lost_event_fields);

constexpr named_enum enums[] = {
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
    {"flow.EventType", &proto_event_type_enum},
    {"flow.AgentEventType", &agent_event_type_enum},
    {"flow.Tunnel.Protocol", &tunnel_protocol_enum},
};

void collect_messages(const message_info& m, std::vector<const message_info*>& out) {
    for (const auto* seen : out)
        if (seen == &m) return;
    if (m.form == json_form::object) out.push_back(&m);
    for (const auto& f : m.fields)
        if (f.message != nullptr) collect_messages(*f.message, out);
}

}  // namespace

const field_info* message_info::field(std::string_view proto_name) const {
    for (const auto& f : fields)
        if (f.proto == proto_name) return &f;
    return nullptr;
}

const field_info* message_info::field_by_key(std::string_view key) const {
    int i = key_index(key);
    return i < 0 ? nullptr : &fields[static_cast<size_t>(i)];
}

const message_info& flow_message() { return flow_message_info; }
const message_info& lost_event_message() { return lost_event_message_info; }

std::span<const message_info* const> flow_messages() {
    static const std::vector<const message_info*> all = [] {
        std::vector<const message_info*> out;
        collect_messages(flow_message_info, out);
        return out;
    }();
    return all;
}

std::span<const named_enum> flow_enums() { return enums; }

}  // namespace flowgrep
