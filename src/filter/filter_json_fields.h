// The FlowFilter message as protojson sees it: each field's proto name and where it lives in
// flow_filter, in flow.proto declaration order (the order --print-raw-filters prints). The decoder
// and the encoder both walk this one table, so a field is added in one place.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "filter/flow_filter.h"
#include "flow/enums.h"

namespace flowgrep::filter_json {

// A repeated enum field and the table naming its values.
struct enum_list {
    std::vector<int32_t> flow_filter::*member;
    const enum_table* table;
};

// The `experimental` sub-message, which holds cel_expression.
struct experimental_message {};

using filter_member = std::variant<
    std::vector<std::string> flow_filter::*, std::vector<uint32_t> flow_filter::*,
    std::vector<uint64_t> flow_filter::*, std::vector<bool> flow_filter::*, enum_list, std::vector<filter_workload> flow_filter::*,
    std::vector<filter_interface> flow_filter::*, std::vector<filter_event_type> flow_filter::*,
    std::vector<filter_http_header> flow_filter::*, std::vector<filter_tcp_flags> flow_filter::*,
    experimental_message>;

struct filter_field {
    std::string_view name;  // proto name; the JSON name is its lowerCamelCase form
    filter_member member;
};

// flow.proto v1.19, message FlowFilter, in declaration order (not field-number order).
inline const filter_field filter_fields[] = {
    {"uuid", &flow_filter::uuid},
    {"source_ip", &flow_filter::source_ip},
    {"source_ip_xlated", &flow_filter::source_ip_xlated},
    {"source_pod", &flow_filter::source_pod},
    {"source_fqdn", &flow_filter::source_fqdn},
    {"source_label", &flow_filter::source_label},
    {"source_service", &flow_filter::source_service},
    {"source_workload", &flow_filter::source_workload},
    {"source_cluster_name", &flow_filter::source_cluster_name},
    {"destination_ip", &flow_filter::destination_ip},
    {"destination_pod", &flow_filter::destination_pod},
    {"destination_fqdn", &flow_filter::destination_fqdn},
    {"destination_label", &flow_filter::destination_label},
    {"destination_service", &flow_filter::destination_service},
    {"destination_workload", &flow_filter::destination_workload},
    {"destination_cluster_name", &flow_filter::destination_cluster_name},
    {"traffic_direction", enum_list{&flow_filter::traffic_direction, &traffic_direction_enum}},
    {"verdict", enum_list{&flow_filter::verdict, &verdict_enum}},
    {"drop_reason_desc", enum_list{&flow_filter::drop_reason_desc, &drop_reason_enum}},
    {"interface", &flow_filter::interface},
    {"event_type", &flow_filter::event_type},
    {"http_status_code", &flow_filter::http_status_code},
    {"protocol", &flow_filter::protocol},
    {"source_port", &flow_filter::source_port},
    {"destination_port", &flow_filter::destination_port},
    {"reply", &flow_filter::reply},
    {"dns_query", &flow_filter::dns_query},
    {"source_identity", &flow_filter::source_identity},
    {"destination_identity", &flow_filter::destination_identity},
    {"http_method", &flow_filter::http_method},
    {"http_path", &flow_filter::http_path},
    {"http_url", &flow_filter::http_url},
    {"http_header", &flow_filter::http_header},
    {"tcp_flags", &flow_filter::tcp_flags},
    {"node_name", &flow_filter::node_name},
    {"node_labels", &flow_filter::node_labels},
    {"ip_version", enum_list{&flow_filter::ip_version, &ip_version_enum}},
    {"trace_id", &flow_filter::trace_id},
    {"ip_trace_id", &flow_filter::ip_trace_id},
    {"encrypted", &flow_filter::encrypted},
    {"experimental", experimental_message{}},
};

// The fields of the nested messages, also in declaration order. TCPFlags names are capitalised in
// flow.proto itself; flag i is bit 1 << i of filter_tcp_flags::flags (flow.h's tcp_flag order).
inline constexpr std::string_view workload_fields[] = {"name", "kind"};
inline constexpr std::string_view interface_fields[] = {"index", "name"};
inline constexpr std::string_view event_type_fields[] = {"type", "match_sub_type", "sub_type"};
inline constexpr std::string_view http_header_fields[] = {"key", "value"};
inline constexpr std::string_view tcp_flags_fields[] = {"FIN", "SYN", "RST", "PSH", "ACK",
                                                        "URG", "ECE", "CWR", "NS"};
inline constexpr std::string_view experimental_fields[] = {"cel_expression"};

// protoc's JSON name for a proto field name: underscores dropped, the letter after one upper-cased
// (source_ip_xlated -> sourceIpXlated, FIN -> FIN).
inline std::string json_name(std::string_view proto_name) {
    std::string out;
    bool after_underscore = false;
    for (char c : proto_name) {
        if (c == '_') {
            after_underscore = true;
            continue;
        }
        out += after_underscore && c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c;
        after_underscore = false;
    }
    return out;
}

}  // namespace flowgrep::filter_json
