// A parsed view of one Hubble GetFlowsResponse line: what the filters and printers read.
// Strings are views into the line or into the parser's string buffer, so a flow is only valid until
// the next line is parsed. Lists reuse their capacity between lines: parsing allocates nothing per
// flow once the vectors have grown to the widest flow seen. Which member holds which field of the
// Flow message is said once, in flow/flow_fields.cpp.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace flowgrep {

// A protobuf timestamp. Hubble prints N/A for a flow without one; --since/--until read a missing
// response time as the epoch.
struct timestamp {
    bool present = false;
    int64_t seconds = 0;  // since the Unix epoch, UTC
    int32_t nanos = 0;

    bool operator==(const timestamp&) const = default;

    // Saturated at the ends of int64 (the years 1677 and 2262), as the --since/--until bounds are:
    // protobuf timestamps run from the year 1 to 9999, where the plain product overflows.
    int64_t unix_nanos() const {
        int64_t ns = 0;
        if (__builtin_mul_overflow(seconds, int64_t{1'000'000'000}, &ns) || __builtin_add_overflow(ns, nanos, &ns))
            return seconds < 0 ? INT64_MIN : INT64_MAX;
        return ns;
    }
};

struct workload {
    std::string_view name;
    std::string_view kind;

    bool operator==(const workload&) const = default;
};

struct endpoint {
    bool present = false;  // "source":{} is present with identity 0; an absent one matches no identity
    uint32_t id = 0;
    uint32_t identity = 0;
    std::string_view cluster_name;
    std::string_view namespace_;
    std::string_view pod_name;
    std::vector<std::string_view> labels;
    std::vector<workload> workloads;

    bool operator==(const endpoint&) const = default;
};

struct service {
    bool present = false;  // a present service overrides the endpoint namespace when printed
    std::string_view name;
    std::string_view namespace_;

    bool operator==(const service&) const = default;
};

enum class l4_kind : uint8_t { none, tcp, udp, sctp, icmpv4, icmpv6, vrrp, igmp };

// TCP flags as a bit set, in the order Hubble lists them.
enum tcp_flag : uint16_t {
    tcp_fin = 1 << 0,
    tcp_syn = 1 << 1,
    tcp_rst = 1 << 2,
    tcp_psh = 1 << 3,
    tcp_ack = 1 << 4,
    tcp_urg = 1 << 5,
    tcp_ece = 1 << 6,
    tcp_cwr = 1 << 7,
    tcp_ns = 1 << 8,
};

enum class l7_kind : uint8_t { none, dns, http, kafka };

// One entry of a flow's *_allowed_by / *_denied_by lists: the policy that decided.
struct policy_ref {
    std::string_view name;
    std::string_view namespace_;
    std::string_view kind;  // CiliumNetworkPolicy, CiliumClusterwideNetworkPolicy ...

    bool operator==(const policy_ref&) const = default;
};

struct http_header {
    std::string_view key;
    std::string_view value;

    bool operator==(const http_header&) const = default;
};

// Puts `x` back to a default-constructed T, keeping its lists' capacity: copy-assigning an empty
// vector clears it in place, where moving a new one in would free the buffer (and the next line
// would allocate it again). Every member is reset, those added later too: there is no list of
// members to keep up.
template <typename T>
void reset(T& x) {
    static const T blank{};
    x = blank;
}

enum class response_kind : uint8_t {
    empty,  // no payload: {}, agent/debug events. Filtered as an empty flow, never printed
    flow,
    node_status,
    lost_events,
};

struct flow {
    timestamp time;
    std::string_view uuid;
    int32_t verdict = 0;
    int32_t drop_reason_desc = 0;
    int32_t auth_type = 0;

    bool has_ethernet = false;
    std::string_view ethernet_source;
    std::string_view ethernet_destination;

    bool has_ip = false;
    std::string_view ip_source;
    std::string_view ip_destination;
    std::string_view ip_source_xlated;
    int32_t ip_version = 0;
    bool ip_encrypted = false;  // IP.encrypted (WireGuard or IPsec)

    l4_kind l4 = l4_kind::none;
    uint32_t source_port = 0;  // TCP, UDP and SCTP only
    uint32_t destination_port = 0;
    bool has_tcp_flags = false;
    uint16_t tcp_flags = 0;

    endpoint source;
    endpoint destination;
    std::string_view node_name;
    std::vector<std::string_view> node_labels;
    std::vector<std::string_view> source_names;
    std::vector<std::string_view> destination_names;

    bool has_l7 = false;
    int32_t l7_type = 0;
    l7_kind l7_record = l7_kind::none;
    bool has_dns = false;  // l7.dns present (the DNS query filter needs it, even with an empty query)
    std::string_view dns_query;
    std::string_view dns_observation_source;
    uint32_t http_code = 0;
    std::string_view http_method;
    std::string_view http_url;
    std::vector<http_header> http_headers;

    enum class reply : uint8_t { unknown, no, yes };
    reply is_reply = reply::unknown;

    bool has_event_type = false;
    int32_t event_type = 0;
    int32_t event_sub_type = 0;

    service source_service;
    service destination_service;
    int32_t traffic_direction = 0;
    uint32_t policy_match_type = 0;
    int32_t debug_capture_point = 0;
    int32_t sock_xlate_point = 0;

    bool has_interface = false;
    uint32_t interface_index = 0;
    std::string_view interface_name;

    bool has_trace_context = false;
    bool has_trace_parent = false;  // trace_context.parent
    std::string_view trace_id;
    bool has_ip_trace_id = false;
    uint64_t ip_trace_id = 0;  // ip_trace_id.trace_id; 0 when the flow has none
    bool has_summary = false;
    std::string_view summary;

    std::vector<policy_ref> egress_allowed_by;
    std::vector<policy_ref> ingress_allowed_by;
    std::vector<policy_ref> egress_denied_by;
    std::vector<policy_ref> ingress_denied_by;

    void clear() { reset(*this); }
    bool operator==(const flow&) const = default;
};

struct node_status {
    int32_t state_change = 0;
    std::vector<std::string_view> node_names;
    std::string_view message;

    void clear() { reset(*this); }
    bool operator==(const node_status&) const = default;
};

struct lost_events {
    int32_t source = 0;
    uint64_t num_events_lost = 0;
    bool has_cpu = false;
    int32_t cpu = 0;
    timestamp first;  // the first and last event lost (Hubble 1.19 rate-limits its notices)
    timestamp last;

    void clear() { reset(*this); }
    bool operator==(const lost_events&) const = default;
};

// One input line, decoded. For kind != flow the flow part is empty (all absent), which is exactly how
// Hubble runs node-status and lost-event records through the filters.
struct response {
    response_kind kind = response_kind::empty;
    std::string_view line;  // the input line without its end of line, for JSON output
    bool bare = false;      // the line is a Flow object itself, not a response around one
    bool agent_event = false;  // kind empty, but an agent_event or debug_event (exporter files): a Hubble record
    std::string_view node_name;
    timestamp time;
    struct flow flow;
    struct node_status node_status;
    struct lost_events lost_events;

    void clear() { reset(*this); }
};

}  // namespace flowgrep
