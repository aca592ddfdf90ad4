// Compiling one FlowFilter: fields in Hubble's order (uuid, event_type, verdict ... ip_trace_id), each
// validated with Hubble's error text, and the flow parts each set field reads added to `needs`.
#include <algorithm>
#include <cctype>

#include "filter/compiled_filter.h"
#include "filter/filter_error.h"
#include "filter/go_regexp.h"
#include "flow/enums.h"
#include "go/strconv.h"
#include "go/unicode.h"

namespace flowgrep {

namespace {

std::uint32_t bit(l4_kind k) { return 1u << static_cast<unsigned>(k); }
std::uint32_t bit(l7_kind k) { return 1u << static_cast<unsigned>(k); }

void compile_protocols(const std::vector<std::string>& protocols, std::uint32_t& l4, std::uint32_t& l7) {
    for (const auto& p : protocols) {
        std::string name = go::to_lower(p);
        if (name == "icmp") l4 |= bit(l4_kind::icmpv4) | bit(l4_kind::icmpv6);
        else if (name == "icmpv4") l4 |= bit(l4_kind::icmpv4);
        else if (name == "icmpv6") l4 |= bit(l4_kind::icmpv6);
        else if (name == "tcp") l4 |= bit(l4_kind::tcp);
        else if (name == "udp") l4 |= bit(l4_kind::udp);
        else if (name == "sctp") l4 |= bit(l4_kind::sctp);
        else if (name == "vrrp") l4 |= bit(l4_kind::vrrp);
        else if (name == "igmp") l4 |= bit(l4_kind::igmp);
        else if (name == "dns") l7 |= bit(l7_kind::dns);
        else if (name == "http") l7 |= bit(l7_kind::http);
        else if (name == "kafka") l7 |= bit(l7_kind::kafka);
        else throw filter_error("invalid protocol filter: unknown protocol: " + go::quote(p));
    }
}

std::vector<std::uint16_t> compile_ports(const std::vector<std::string>& ports, const char* side) {
    std::vector<std::uint16_t> out;
    for (const auto& p : ports) {
        auto port = go::parse_uint(p, 10, 16);
        if (!port.ok())
            throw filter_error(std::string("invalid ") + side + " port filter: invalid port " + go::quote(p) +
                               ": " + go::parse_uint_message(p, port.error));
        out.push_back(static_cast<std::uint16_t>(port.value));
    }
    return out;
}

template <typename T>
std::optional<T> compile_if_set(const std::vector<std::string>& values) {
    if (values.empty()) return std::nullopt;
    return T(values);
}

std::vector<label_selector> compile_selectors(const std::vector<std::string>& selectors, const char* which) {
    std::vector<label_selector> out;
    for (const auto& s : selectors) {
        try {
            out.emplace_back(s);
        } catch (const filter_error& e) {
            throw filter_error(std::string("invalid ") + which + " label filter: " + e.what());
        }
    }
    return out;
}

std::vector<std::unique_ptr<re2::RE2>> compile_regexps(const std::vector<std::string>& patterns,
                                                       const std::string& error_prefix,
                                                       bool pattern_in_error) {
    std::vector<std::unique_ptr<re2::RE2>> out;
    for (const auto& p : patterns) {
        std::string why;
        auto re = compile_go_regexp(p, &why);
        if (!re) throw filter_error(error_prefix + (pattern_in_error ? p + ": " : std::string()) + why);
        out.push_back(std::move(re));
    }
    return out;
}

bool is_http_status_exact(std::string_view s) {  // ^[1-5][0-9]{2}$
    return s.size() == 3 && s[0] >= '1' && s[0] <= '5' && std::isdigit(static_cast<unsigned char>(s[1])) &&
           std::isdigit(static_cast<unsigned char>(s[2]));
}

bool is_http_status_prefix(std::string_view s) {  // ^[1-5][0-9]?\+$
    if (s.size() < 2 || s.size() > 3 || s.back() != '+' || s[0] < '1' || s[0] > '5') return false;
    return s.size() == 2 || std::isdigit(static_cast<unsigned char>(s[1]));
}

}  // namespace

compiled_filter::compiled_filter(const flow_filter& ff, field_set& needs) {
    const auto side = [&needs](const auto& list, field_set bits) {
        if (!list.empty()) needs |= bits;
    };

    uuid_ = ff.uuid;
    side(uuid_, field_uuid);
    event_type_ = ff.event_type;
    side(event_type_, field_event_type);
    verdict_ = ff.verdict;
    side(verdict_, field_verdict);
    drop_reason_desc_ = ff.drop_reason_desc;
    side(drop_reason_desc_, field_drop_reason_desc | field_verdict);
    if (!ff.reply.empty()) {
        by_reply_ = true;
        reply_true_ = std::find(ff.reply.begin(), ff.reply.end(), true) != ff.reply.end();
        reply_false_ = std::find(ff.reply.begin(), ff.reply.end(), false) != ff.reply.end();
        needs |= field_is_reply | field_verdict;
    }
    if (!ff.encrypted.empty()) {
        by_encrypted_ = true;
        encrypted_true_ = std::find(ff.encrypted.begin(), ff.encrypted.end(), true) != ff.encrypted.end();
        encrypted_false_ = std::find(ff.encrypted.begin(), ff.encrypted.end(), false) != ff.encrypted.end();
        needs |= field_ip;
    }
    source_identity_ = ff.source_identity;
    side(source_identity_, field_source);
    destination_identity_ = ff.destination_identity;
    side(destination_identity_, field_destination);

    if (!ff.protocol.empty()) {
        compile_protocols(ff.protocol, l4_protocols_, l7_protocols_);
        by_protocol_ = true;
        needs |= field_l4 | field_l7;
    }

    source_ip_ = compile_if_set<ip_filter>(ff.source_ip);
    destination_ip_ = compile_if_set<ip_filter>(ff.destination_ip);
    source_ip_xlated_ = compile_if_set<ip_filter>(ff.source_ip_xlated);
    if (source_ip_ || destination_ip_ || source_ip_xlated_) needs |= field_ip;

    source_pod_ = compile_if_set<namespaced_name_filter>(ff.source_pod);
    side(ff.source_pod, field_source);
    destination_pod_ = compile_if_set<namespaced_name_filter>(ff.destination_pod);
    side(ff.destination_pod, field_destination);

    source_workload_ = ff.source_workload;
    side(source_workload_, field_source | field_source_labels);
    destination_workload_ = ff.destination_workload;
    side(destination_workload_, field_destination | field_destination_labels);

    try {
        source_service_ = compile_if_set<namespaced_name_filter>(ff.source_service);
    } catch (const filter_error& e) {
        throw filter_error(std::string("invalid source service filter: ") + e.what());
    }
    try {
        destination_service_ = compile_if_set<namespaced_name_filter>(ff.destination_service);
    } catch (const filter_error& e) {
        throw filter_error(std::string("invalid destination service filter: ") + e.what());
    }
    if (source_service_ || destination_service_) needs |= field_services;

    source_fqdn_ = compile_if_set<fqdn_filter>(ff.source_fqdn);
    destination_fqdn_ = compile_if_set<fqdn_filter>(ff.destination_fqdn);
    if (source_fqdn_ || destination_fqdn_) needs |= field_names;
    dns_query_ = compile_regexps(ff.dns_query, "invalid DNS query filter: failed to compile regexp: ", false);
    side(dns_query_, field_l7);

    source_label_ = compile_selectors(ff.source_label, "source");
    side(source_label_, field_source | field_source_labels);
    destination_label_ = compile_selectors(ff.destination_label, "destination");
    side(destination_label_, field_destination | field_destination_labels);
    node_labels_ = compile_selectors(ff.node_labels, "node");
    side(node_labels_, field_node_labels);

    source_port_ = compile_ports(ff.source_port, "source");
    destination_port_ = compile_ports(ff.destination_port, "destination");
    if (!source_port_.empty() || !destination_port_.empty()) needs |= field_l4;

    // HTTP fields only make sense for L7 events: an event_type list without type 129 is refused.
    const auto l7_type = enum_number(event_type_names, "l7");
    const bool l7_events_allowed =
        ff.event_type.empty() || std::any_of(ff.event_type.begin(), ff.event_type.end(),
                                             [&](const filter_event_type& t) { return t.type == l7_type; });
    const auto require_l7_events = [&](const char* what) {
        if (!l7_events_allowed)
            throw filter_error(std::string("filtering by ") + what +
                               " requires the event type filter to only match 'l7' events");
        needs |= field_l7;
    };
    if (!ff.http_status_code.empty()) {
        require_l7_events("http status code");
        for (const auto& s : ff.http_status_code) {
            if (is_http_status_exact(s))
                http_status_exact_.push_back(s);
            else if (is_http_status_prefix(s))
                http_status_prefix_.push_back(s.substr(0, s.size() - 1));
            else
                throw filter_error("invalid http status code filter: invalid status code prefix: " + go::quote(s));
        }
        by_http_status_ = true;
    }
    if (!ff.http_method.empty()) {
        require_l7_events("http method");
        http_method_ = ff.http_method;
    }
    if (!ff.http_path.empty()) {
        require_l7_events("http path");
        http_path_ = compile_regexps(ff.http_path, "invalid http path filter: ", true);
    }
    if (!ff.http_url.empty()) {
        require_l7_events("http url");
        http_url_ = compile_regexps(ff.http_url, "invalid http url filter: ", true);
    }
    if (!ff.http_header.empty()) {
        require_l7_events("http headers");
        http_header_ = ff.http_header;
    }

    for (const auto& t : ff.tcp_flags) tcp_flags_.push_back(t.flags);
    side(tcp_flags_, field_l4);

    node_name_ = compile_if_set<node_name_filter>(ff.node_name);
    side(ff.node_name, field_node_name);

    for (const auto* names : {&ff.source_cluster_name, &ff.destination_cluster_name})
        if (std::find(names->begin(), names->end(), "") != names->end())
            throw filter_error("invalid filter, name must not be empty");
    source_cluster_name_ = ff.source_cluster_name;
    side(source_cluster_name_, field_source);
    destination_cluster_name_ = ff.destination_cluster_name;
    side(destination_cluster_name_, field_destination);

    ip_version_ = ff.ip_version;
    side(ip_version_, field_ip);
    trace_id_ = ff.trace_id;
    side(trace_id_, field_trace_id);
    traffic_direction_ = ff.traffic_direction;
    side(traffic_direction_, field_traffic_direction);

    if (!ff.cel_expression.empty()) {
        cel_ = std::make_unique<cel_filter>(ff.cel_expression);
        needs |= cel_->needs();
    }

    interface_ = ff.interface;
    side(interface_, field_interface);

    ip_trace_id_ = ff.ip_trace_id;
    side(ip_trace_id_, field_ip_trace_id);
}

}  // namespace flowgrep
