// hubble observe's flag -> FlowFilter translation (hubble/cmd/observe/flows_filter.go in v1.19),
// reproduced rule for rule: the order of checks at each flag (conflicts, then the value, which the
// flag's record writes, then the namespaces), the error texts, and how namespaces are folded into
// pods and services at the end.
#include "cli/filter_builder.h"

#include <algorithm>

#include "cli/option_table.h"
#include "text/suggest.h"
#include "flow/enums.h"
#include "flow/event_types.h"
#include "flow/flow.h"
#include "go/strconv.h"
#include "text/ascii.h"

namespace flowgrep {

namespace {

constexpr tcp_flag_name tcp_flags_table[] = {
    {"SYN", tcp_syn}, {"FIN", tcp_fin}, {"RST", tcp_rst}, {"PSH", tcp_psh}, {"ACK", tcp_ack},
    {"URG", tcp_urg}, {"ECE", tcp_ece}, {"CWR", tcp_cwr}, {"NS", tcp_ns},
};

// Two different flags of one group may not meet in one tracker. Groups are checked in this order
// and the message names the first used member and the next used one, in group order. (hubble's
// one-member groups can never fire and are left out.)
const std::vector<std::vector<std::string_view>> conflict_groups = {
    {"from-fqdn", "from-ip", "ip", "fqdn", "from-namespace", "namespace", "from-all-namespaces", "all-namespaces"},
    {"from-fqdn", "from-ip", "ip", "fqdn", "from-pod", "pod"},
    {"to-fqdn", "to-ip", "ip", "fqdn", "to-namespace", "namespace", "to-all-namespaces", "all-namespaces"},
    {"to-fqdn", "to-ip", "ip", "fqdn", "to-pod", "pod"},
    {"to-pod", "namespace", "all-namespaces"},
    {"from-pod", "namespace", "all-namespaces"},
    {"to-service", "namespace", "all-namespaces"},
    {"from-service", "namespace", "all-namespaces"},
    {"label", "from-label"},
    {"label", "to-label"},
    {"service", "from-service"},
    {"service", "to-service"},
    {"port", "to-port"},
    {"port", "from-port"},
    {"identity", "to-identity"},
    {"identity", "from-identity"},
    {"workload", "to-workload"},
    {"workload", "from-workload"},
    {"encrypted", "unencrypted"},
};

std::vector<std::string> names_of(enum_table table) {
    std::vector<std::string> out;
    for (const auto& e : table) out.emplace_back(e.name);
    return out;
}

// The namespace of "ns/name" (text before the first '/'), "" for a bare name or "/name".
std::string_view namespace_of(std::string_view name) {
    size_t slash = name.find('/');
    return slash == std::string_view::npos ? std::string_view{} : name.substr(0, slash);
}

}  // namespace

// ---- value parsing, one function per flag kind ----

filter_event_type parse_event_type(std::string_view value) {
    filter_event_type out;
    size_t colon = value.find(':');
    std::string_view type = value.substr(0, colon);
    // hubble remembers the type only when it was given by name; a numeric type never enables the
    // sub-type names (so 4:to-endpoint is an error while trace:to-endpoint is not).
    std::optional<int32_t> named = enum_number(event_type_names, type);
    if (named) {
        out.type = *named;
    } else {
        auto n = go::parse_uint(type, 10, 32);
        if (n.error != go::num_error::none)
            throw filter_flag_error("unknown event type '" + std::string(type) +
                                    "': want a type name (flowgrep event-types lists them) or a number from 0 to "
                                    "4294967295" +
                                    did_you_mean(type, names_of(event_type_names)));
        out.type = static_cast<int32_t>(static_cast<uint32_t>(n.value));
    }
    if (colon == std::string_view::npos) return out;

    std::string_view sub = value.substr(colon + 1);
    const enum_table sub_names = named ? sub_type_names_for(*named) : enum_table{};
    if (auto s = enum_number(sub_names, sub)) {
        out.match_sub_type = true;
        out.sub_type = *s;
        return out;
    }
    auto n = go::parse_uint(sub, 10, 32);
    if (n.error != go::num_error::none)
        throw filter_flag_error("unknown event sub-type '" + std::string(sub) + "': want " +
                                (sub_names.empty() ? std::string("a number from 0 to 4294967295 (sub-type names go "
                                                                 "with a type given by name)")
                                                   : std::string("a sub-type name of " + std::string(type) +
                                                                 " (flowgrep event-types lists them) or a number")) +
                                did_you_mean(sub, names_of(sub_names)));
    out.match_sub_type = true;
    out.sub_type = static_cast<int32_t>(static_cast<uint32_t>(n.value));
    return out;
}

// Reserved identities by name (not "unknown"), else an unsigned 32-bit number with Go's base
// prefixes.
uint32_t parse_identity(std::string_view value) {
    for (const auto& e : reserved_identity_names)
        if (e.number != 0 && e.name == value) return static_cast<uint32_t>(e.number);
    auto n = go::parse_uint(value, 0, 32);
    if (n.error == go::num_error::none) return static_cast<uint32_t>(n.value);

    // hubble lists the reserved identities by their printed names; 11 has none and shows as a number.
    constexpr int32_t printed_as_number = 11;
    std::string list;
    std::vector<std::string> names;
    for (const auto& e : reserved_identity_names) {
        if (e.number == 0) continue;
        if (!list.empty()) list += ' ';
        list += e.number == printed_as_number ? std::to_string(e.number) : std::string(e.name);
        names.emplace_back(e.name);
    }
    throw filter_flag_error("invalid security identity, expected one of [" + list + "] or a numeric value" +
                            did_you_mean(value, names));
}

filter_workload parse_workload(std::string_view value) {
    if (value.empty()) return {};
    size_t slash = value.find('/');
    if (slash == std::string_view::npos) return {std::string(value), {}};
    return {std::string(value.substr(slash + 1)), std::string(value.substr(0, slash))};
}

filter_tcp_flags parse_tcp_flags(std::string_view value) {
    filter_tcp_flags out;
    std::vector<std::string> names;
    for (const auto& f : tcp_flags_table) names.emplace_back(f.name);
    size_t start = 0;
    while (true) {
        size_t comma = value.find(',', start);
        std::string_view item = value.substr(start, comma == std::string_view::npos ? value.npos : comma - start);
        std::string upper = to_ascii_upper(item);
        auto it = std::find_if(std::begin(tcp_flags_table), std::end(tcp_flags_table),
                               [&](const tcp_flag_name& f) { return f.name == upper; });
        if (it == std::end(tcp_flags_table))
            throw filter_flag_error("unknown tcp flag: " + std::string(item) + did_you_mean(item, names));
        out.flags |= it->bit;
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return out;
}

filter_http_header parse_http_header(std::string_view value) {
    size_t colon = value.find(':');
    if (colon == std::string_view::npos)
        throw filter_flag_error("invalid http-header value " + go::quote(value) + ", expected name:value");
    return {std::string(value.substr(0, colon)), std::string(value.substr(colon + 1))};
}

int32_t parse_ip_version(std::string_view value) {
    std::string v = to_ascii_lower(value);
    if (v == "4" || v == "v4" || v == "ipv4" || v == "ip4") return *enum_number(ip_version_enum, "IPv4");
    if (v == "6" || v == "v6" || v == "ipv6" || v == "ip6") return *enum_number(ip_version_enum, "IPv6");
    return *enum_number(ip_version_enum, "IP_NOT_USED");
}

int32_t parse_traffic_direction(std::string_view value) {
    std::string v = to_ascii_lower(value);
    if (v == "ingress") return *enum_number(traffic_direction_enum, "INGRESS");
    if (v == "egress") return *enum_number(traffic_direction_enum, "EGRESS");
    throw filter_flag_error(v + ": invalid traffic direction, expected ingress or egress" +
                            did_you_mean(v, {"ingress", "egress"}));
}

int32_t parse_verdict(std::string_view value) {
    if (auto v = enum_number(verdict_enum, value)) return *v;
    throw filter_flag_error("invalid --verdict value: " + std::string(value) +
                            did_you_mean(value, names_of(verdict_enum)));
}

// Base 10 only, and 0 is refused first (a flow without an IP trace ID has 0; "00" still passes).
uint64_t parse_ip_trace_id(std::string_view value) {
    if (value == "0") throw filter_flag_error("invalid --ip-trace-id value; must be greater than 0");
    auto n = go::parse_uint(value, 10, 64);
    if (n.error != go::num_error::none)
        throw filter_flag_error("invalid --ip-trace-id value: want a whole number from 1 to 18446744073709551615");
    return n.value;
}

int32_t parse_drop_reason(std::string_view value) {
    if (value.empty()) throw filter_flag_error("empty --drop-reason-desc value");
    if (auto v = enum_number(drop_reason_enum, value)) return *v;
    throw filter_flag_error("invalid --drop-reason-desc value: " + std::string(value) +
                            did_you_mean(value, names_of(drop_reason_enum)));
}

std::span<const tcp_flag_name> tcp_flag_names() { return tcp_flags_table; }

// ---- trackers ----

struct filter_builder::tracker : filter_sides {
    bool used = false;
    std::vector<std::string> changed;  // the flags used in this tracker

    void check_conflicts() const {
        auto used_flag = [&](std::string_view f) {
            return std::find(changed.begin(), changed.end(), f) != changed.end();
        };
        for (const auto& group : conflict_groups)
            for (std::string_view flag : group)
                if (used_flag(flag))
                    for (std::string_view other : group)
                        if (other != flag && used_flag(other))
                            throw filter_flag_error("filters --" + std::string(flag) + " and --" +
                                                    std::string(other) + " cannot be combined");
    }

    void check_namespaces() const;
    void materialise(std::vector<flow_filter>& out) const;
};

namespace {

// The first namespace in `namespaces` that some explicitly namespaced name disagrees with.
std::optional<std::string> namespace_conflict(const std::vector<std::string>& namespaces,
                                              const std::vector<std::string>& names) {
    for (const auto& ns : namespaces)
        for (const auto& name : names) {
            std::string_view nn = namespace_of(name);
            if (!nn.empty() && nn != ns)
                return "namespace conflict: " + go::quote(ns) + " does not contain " + go::quote(name);
        }
    return std::nullopt;
}

// A side's services must live in the namespace of any namespaced pod on that side.
std::optional<std::string> inconsistent_namespaces(const std::vector<std::string>& pods,
                                                   const std::vector<std::string>& services) {
    for (const auto& pod : pods) {
        std::string_view pod_ns = namespace_of(pod);
        if (pod_ns.empty()) continue;
        for (const auto& svc : services)
            if (namespace_of(svc) != pod_ns)
                return "namespace of service " + go::quote(svc) + " conflict with pod " + go::quote(pod_ns);
    }
    return std::nullopt;
}

// Each plain name becomes ns/name for every namespace; names with a '/' stay as they are.
void add_namespaces(std::vector<std::string>& names, const std::vector<std::string>& namespaces) {
    if (namespaces.empty() || names.empty()) return;
    std::vector<std::string> out;
    for (const auto& name : names) {
        if (name.find('/') != std::string::npos) {
            out.push_back(name);
            continue;
        }
        for (const auto& ns : namespaces) out.push_back(ns + "/" + name);
    }
    names = std::move(out);
}

void apply_source_namespaces(flow_filter& f, const std::vector<std::string>& namespaces) {
    if (f.source_pod.empty() && f.source_service.empty()) f.source_pod = {""};
    add_namespaces(f.source_pod, namespaces);
    add_namespaces(f.source_service, namespaces);
}

void apply_destination_namespaces(flow_filter& f, const std::vector<std::string>& namespaces) {
    if (f.destination_pod.empty() && f.destination_service.empty()) f.destination_pod = {""};
    add_namespaces(f.destination_pod, namespaces);
    add_namespaces(f.destination_service, namespaces);
}

}  // namespace

void filter_builder::tracker::check_namespaces() const {
    // hubble joins every failed check of one filter into one error, one per line; A before B.
    for (const flow_filter* f : {&a, &b}) {
        std::vector<std::string> errors;
        auto note = [&](std::optional<std::string> e) {
            if (e) errors.push_back(std::move(*e));
        };
        note(namespace_conflict(ns, f->source_pod));
        note(namespace_conflict(ns, f->source_service));
        note(namespace_conflict(ns, f->destination_pod));
        note(namespace_conflict(ns, f->destination_service));
        note(namespace_conflict(src_ns, f->source_pod));
        note(namespace_conflict(src_ns, f->source_service));
        note(namespace_conflict(dst_ns, f->destination_pod));
        note(namespace_conflict(dst_ns, f->destination_service));
        note(inconsistent_namespaces(f->source_pod, f->source_service));
        note(inconsistent_namespaces(f->destination_pod, f->destination_service));
        if (errors.empty()) continue;
        std::string joined;
        for (const auto& e : errors) {
            if (!joined.empty()) joined += '\n';
            joined += e;
        }
        throw filter_flag_error(joined);
    }
}

void filter_builder::tracker::materialise(std::vector<flow_filter>& out) const {
    if (!used) return;
    flow_filter left = a, right = b;
    if (!dst_ns.empty()) {
        apply_destination_namespaces(left, dst_ns);
        apply_destination_namespaces(right, dst_ns);
    }
    if (!src_ns.empty()) {
        apply_source_namespaces(left, src_ns);
        apply_source_namespaces(right, src_ns);
    }
    if (!ns.empty()) {
        apply_source_namespaces(left, ns);
        apply_destination_namespaces(right, ns);
    }
    out.push_back(left);
    if (!(left == right)) out.push_back(std::move(right));
}

filter_builder::filter_builder() : allow_(std::make_unique<tracker>()), deny_(std::make_unique<tracker>()) {}
filter_builder::~filter_builder() = default;
filter_builder::filter_builder(filter_builder&&) noexcept = default;
filter_builder& filter_builder::operator=(filter_builder&&) noexcept = default;

void filter_builder::add(std::string_view flag, std::string_view value) {
    const option_spec* spec = find_long_option(flag);
    if (!spec || !is_filter_option(*spec) || spec->name != flag)
        throw std::invalid_argument("not a filter flag: " + std::string(flag));
    if (flag == "not") {
        if (negate_next_) throw filter_flag_error("consecutive --not statements");
        negate_next_ = true;
        return;
    }
    tracker& t = negate_next_ ? *deny_ : *allow_;
    negate_next_ = false;
    t.used = true;
    if (std::find(t.changed.begin(), t.changed.end(), flag) == t.changed.end()) t.changed.emplace_back(flag);
    t.check_conflicts();
    spec->filter(t, value);
    t.check_namespaces();
}

filter_lists filter_builder::build() const {
    filter_lists lists;
    allow_->materialise(lists.allow);
    deny_->materialise(lists.deny);
    return lists;
}

bool is_filter_flag(std::string_view flag) {
    const option_spec* spec = find_long_option(flag);
    return spec && is_filter_option(*spec) && spec->name == flag;
}

}  // namespace flowgrep
