// Matching one flow against one compiled FlowFilter: the per-flow hot path. Integer fields first,
// then strings, then prefixes, patterns, selectors and regexps; the first failing field ends it.
// Nothing here allocates (the HTTP path scratch buffer only grows to the longest path seen).
#include <algorithm>
#include <charconv>

#include "filter/compiled_filter.h"
#include "filter/go_regexp.h"
#include "filter/request_uri.h"
#include "flow/enums.h"
#include "text/ascii.h"

namespace flowgrep {

namespace {

const std::int32_t verdict_dropped = enum_number(verdict_enum, "DROPPED").value_or(2);

template <typename List, typename Value>
bool contains(const List& list, const Value& v) {
    return std::find(list.begin(), list.end(), v) != list.end();
}

bool event_type_matches(const std::vector<filter_event_type>& filters, const flow& f) {
    if (!f.has_event_type) return false;
    for (const auto& t : filters) {
        if (t.type != 0 && t.type != f.event_type) continue;
        if (t.match_sub_type && t.sub_type != f.event_sub_type) continue;
        return true;
    }
    return false;
}

// Ports exist for TCP, UDP and SCTP only, and compare truncated to 16 bits.
bool port_matches(const std::vector<std::uint16_t>& ports, const flow& f, bool source) {
    if (f.l4 != l4_kind::tcp && f.l4 != l4_kind::udp && f.l4 != l4_kind::sctp) return false;
    auto port = static_cast<std::uint16_t>(source ? f.source_port : f.destination_port);
    return contains(ports, port);
}

bool interface_matches(const std::vector<filter_interface>& filters, const flow& f) {
    if (!f.has_interface) return false;
    for (const auto& i : filters) {
        if (i.index != 0 && i.index != f.interface_index) continue;
        if (!i.name.empty() && i.name != f.interface_name) continue;
        return true;
    }
    return false;
}

bool workload_matches(const std::vector<filter_workload>& filters, const endpoint& e) {
    for (const auto& w : e.workloads)
        for (const auto& filter : filters)
            if ((filter.name.empty() || filter.name == w.name) && (filter.kind.empty() || filter.kind == w.kind))
                return true;
    return false;
}

bool is_http(const flow& f) { return f.has_l7 && f.l7_record == l7_kind::http; }

// The code as Go's %03d writes it; exact values compare whole, `N+` values as prefixes.
bool http_status_matches(const std::vector<std::string>& exact, const std::vector<std::string>& prefixes,
                         const flow& f) {
    if (!is_http(f) || f.http_code == 0) return false;
    char digits[16];
    auto end = std::to_chars(digits, digits + sizeof digits, f.http_code).ptr;
    std::string_view code(digits, static_cast<std::size_t>(end - digits));
    char padded[3] = {'0', '0', '0'};
    if (code.size() < 3) {
        std::copy(code.begin(), code.end(), padded + 3 - code.size());
        code = std::string_view(padded, 3);
    }
    return contains(exact, code) ||
           std::any_of(prefixes.begin(), prefixes.end(), [&](const std::string& p) { return code.starts_with(p); });
}

bool http_header_matches(const std::vector<filter_http_header>& filters, const flow& f) {
    if (!is_http(f)) return false;
    for (const auto& h : f.http_headers)
        for (const auto& filter : filters)
            if (filter.key == h.key && filter.value == h.value) return true;
    return false;
}

bool any_search(const std::vector<std::unique_ptr<re2::RE2>>& regexps, std::string_view text) {
    for (const auto& re : regexps)
        if (regexp_search(*re, text)) return true;
    return false;
}

bool any_selector(const std::vector<label_selector>& selectors, const std::vector<std::string_view>& labels) {
    for (const auto& s : selectors)
        if (s.matches(labels)) return true;
    return false;
}

}  // namespace

bool compiled_filter::matches(const response& r, match_errors* errors) const {
    const flow& f = r.flow;
    // uuid, verdict, traffic_direction and ip_version never match a response that is not a flow,
    // not even with the zero value an absent field reads as.
    const bool is_flow = r.kind == response_kind::flow;

    if (!verdict_.empty() && !(is_flow && contains(verdict_, f.verdict))) return false;
    if (!drop_reason_desc_.empty() && !(f.verdict == verdict_dropped && contains(drop_reason_desc_, f.drop_reason_desc)))
        return false;
    if (!event_type_.empty() && !event_type_matches(event_type_, f)) return false;
    if (!traffic_direction_.empty() && !(is_flow && contains(traffic_direction_, f.traffic_direction))) return false;
    if (!ip_version_.empty() && !(is_flow && contains(ip_version_, f.has_ip ? f.ip_version : 0))) return false;
    if (by_reply_) {
        // An unknown is_reply counts as false, but only for dropped flows.
        if (f.is_reply == flow::reply::unknown && f.verdict != verdict_dropped) return false;
        if (!(f.is_reply == flow::reply::yes ? reply_true_ : reply_false_)) return false;
    }
    if (by_encrypted_) {
        // No IP, and responses that are not flows (Hubble's typed-nil flow), count as unencrypted.
        const bool encrypted = is_flow && f.has_ip && f.ip_encrypted;
        if (!(encrypted ? encrypted_true_ : encrypted_false_)) return false;
    }
    if (!ip_trace_id_.empty() && !contains(ip_trace_id_, is_flow ? f.ip_trace_id : std::uint64_t{0})) return false;
    if (!source_identity_.empty() && !(f.source.present && contains(source_identity_, f.source.identity)))
        return false;
    if (!destination_identity_.empty() &&
        !(f.destination.present && contains(destination_identity_, f.destination.identity)))
        return false;
    if (by_protocol_) {
        bool l4 = f.l4 != l4_kind::none && (l4_protocols_ & (1u << static_cast<unsigned>(f.l4)));
        bool l7 = f.has_l7 && f.l7_record != l7_kind::none &&
                  (l7_protocols_ & (1u << static_cast<unsigned>(f.l7_record)));
        if (!l4 && !l7) return false;
    }
    if (!source_port_.empty() && !port_matches(source_port_, f, true)) return false;
    if (!destination_port_.empty() && !port_matches(destination_port_, f, false)) return false;
    if (!tcp_flags_.empty()) {
        if (!f.has_tcp_flags) return false;
        if (std::none_of(tcp_flags_.begin(), tcp_flags_.end(),
                         [&](std::uint16_t need) { return (f.tcp_flags & need) == need; }))
            return false;
    }
    if (!interface_.empty() && !interface_matches(interface_, f)) return false;

    if (!uuid_.empty() && !(is_flow && contains(uuid_, f.uuid))) return false;
    if (!trace_id_.empty() && !contains(trace_id_, f.trace_id)) return false;
    if (!source_cluster_name_.empty() && !contains(source_cluster_name_, f.source.cluster_name)) return false;
    if (!destination_cluster_name_.empty() && !contains(destination_cluster_name_, f.destination.cluster_name))
        return false;
    if (by_http_status_ && !http_status_matches(http_status_exact_, http_status_prefix_, f)) return false;
    if (!http_method_.empty()) {
        if (!is_http(f) || f.http_method.empty()) return false;
        if (std::none_of(http_method_.begin(), http_method_.end(),
                         [&](const std::string& m) { return ascii_equal_fold(f.http_method, m); }))
            return false;
    }
    if (!http_header_.empty() && !http_header_matches(http_header_, f)) return false;
    if (source_pod_ && !source_pod_->matches(f.source.namespace_, f.source.pod_name)) return false;
    if (destination_pod_ && !destination_pod_->matches(f.destination.namespace_, f.destination.pod_name))
        return false;
    if (source_service_ && !source_service_->matches(f.source_service.namespace_, f.source_service.name))
        return false;
    if (destination_service_ &&
        !destination_service_->matches(f.destination_service.namespace_, f.destination_service.name))
        return false;
    if (!source_workload_.empty() && !workload_matches(source_workload_, f.source)) return false;
    if (!destination_workload_.empty() && !workload_matches(destination_workload_, f.destination)) return false;

    if (source_ip_ && !source_ip_->matches(f.ip_source)) return false;
    if (destination_ip_ && !destination_ip_->matches(f.ip_destination)) return false;
    if (source_ip_xlated_ && !source_ip_xlated_->matches(f.ip_source_xlated)) return false;

    if (node_name_ && !node_name_->matches(f.node_name)) return false;
    if (source_fqdn_ && !source_fqdn_->matches(f.source_names)) return false;
    if (destination_fqdn_ && !destination_fqdn_->matches(f.destination_names)) return false;
    if (!source_label_.empty() && !any_selector(source_label_, f.source.labels)) return false;
    if (!destination_label_.empty() && !any_selector(destination_label_, f.destination.labels)) return false;
    if (!node_labels_.empty() && !any_selector(node_labels_, f.node_labels)) return false;

    if (!dns_query_.empty() && !(f.has_l7 && f.has_dns && any_search(dns_query_, f.dns_query))) return false;
    if (!http_url_.empty() && !(is_http(f) && !f.http_url.empty() && any_search(http_url_, f.http_url)))
        return false;
    if (!http_path_.empty()) {
        if (!is_http(f) || f.http_url.empty()) return false;
        thread_local std::string scratch;
        auto path = request_uri_path(f.http_url, scratch);
        if (!path || !any_search(http_path_, *path)) return false;
    }
    if (cel_ && !cel_->matches(r, errors)) return false;
    return true;
}

}  // namespace flowgrep
