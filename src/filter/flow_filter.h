// Hubble's FlowFilter message as data: what the flag translation builds, what --allowlist and
// --denylist JSON decode into, what --print-raw-filters encodes, and what the compiler turns into a
// predicate. Fields are declared in flow.proto's order, which is also the order they print in.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace flowgrep {

struct filter_workload {
    std::string name;
    std::string kind;
    bool operator==(const filter_workload&) const = default;
};

struct filter_interface {
    uint32_t index = 0;
    std::string name;
    bool operator==(const filter_interface&) const = default;
};

struct filter_event_type {
    int32_t type = 0;
    bool match_sub_type = false;
    int32_t sub_type = 0;
    bool operator==(const filter_event_type&) const = default;
};

struct filter_http_header {
    std::string key;
    std::string value;
    bool operator==(const filter_http_header&) const = default;
};

// One element of tcp_flags: the flags it requires, as a bit set of flow.h's tcp_flag.
struct filter_tcp_flags {
    uint16_t flags = 0;
    bool operator==(const filter_tcp_flags&) const = default;
};

struct flow_filter {
    std::vector<std::string> uuid;
    std::vector<std::string> source_ip;
    std::vector<std::string> source_ip_xlated;
    std::vector<std::string> source_pod;
    std::vector<std::string> source_fqdn;
    std::vector<std::string> source_label;
    std::vector<std::string> source_service;
    std::vector<filter_workload> source_workload;
    std::vector<std::string> source_cluster_name;
    std::vector<std::string> destination_ip;
    std::vector<std::string> destination_pod;
    std::vector<std::string> destination_fqdn;
    std::vector<std::string> destination_label;
    std::vector<std::string> destination_service;
    std::vector<filter_workload> destination_workload;
    std::vector<std::string> destination_cluster_name;
    std::vector<int32_t> traffic_direction;
    std::vector<int32_t> verdict;
    std::vector<int32_t> drop_reason_desc;
    std::vector<filter_interface> interface;
    std::vector<filter_event_type> event_type;
    std::vector<std::string> http_status_code;
    std::vector<std::string> protocol;
    std::vector<std::string> source_port;
    std::vector<std::string> destination_port;
    std::vector<bool> reply;
    std::vector<std::string> dns_query;
    std::vector<uint32_t> source_identity;
    std::vector<uint32_t> destination_identity;
    std::vector<std::string> http_method;
    std::vector<std::string> http_path;
    std::vector<std::string> http_url;
    std::vector<filter_http_header> http_header;
    std::vector<filter_tcp_flags> tcp_flags;
    std::vector<std::string> node_name;
    std::vector<std::string> node_labels;
    std::vector<int32_t> ip_version;
    std::vector<std::string> trace_id;
    std::vector<uint64_t> ip_trace_id;  // ip_trace_id.trace_id; 0 is a flow without one
    std::vector<bool> encrypted;        // IP.encrypted; a flow without IP counts as false
    std::vector<std::string> cel_expression;  // experimental.cel_expression
    // "experimental":{} was given, even without expressions. Matches nothing more or less; only
    // --print-raw-filters shows it, as Hubble does.
    bool has_experimental = false;

    bool operator==(const flow_filter&) const = default;
};

// The request's two lists: a flow passes when some allow filter matches (or there is none) and no
// deny filter matches. also_allow is a second allow list that must match as well: an exporter
// config's includeFilters when filter flags gave allow filters of their own (Hubble's lists can
// only say "or"; narrowing an exporter's choice needs "and").
struct filter_lists {
    std::vector<flow_filter> allow;
    std::vector<flow_filter> deny;
    std::vector<flow_filter> also_allow = {};
};

}  // namespace flowgrep
