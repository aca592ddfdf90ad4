// flow.Flow as CEL sees it: every message under Flow with each field's proto type, and the
// enum constants of flow.proto. Fields the parsed flow struct holds are read from it; the rest
// are read from the line's JSON (field_desc::from_struct says which).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "flow/enums.h"
#include "flow/fields.h"

namespace flowgrep::cel {

struct message_desc;

enum class proto_type : uint8_t {
    string_,
    bool_,
    int32,
    int64,
    uint32,
    uint64,
    enum_,
    message,
    timestamp,     // google.protobuf.Timestamp
    bool_wrapper,  // google.protobuf.BoolValue
    any,           // google.protobuf.Any
};

// Which member of the parsed flow (src/flow/flow.h) holds a field; none = read the JSON line.
enum class accessor : uint8_t {
    none,
    flow_time, flow_uuid, flow_verdict, flow_drop_reason_desc, flow_auth_type, flow_source,
    flow_destination, flow_node_name, flow_node_labels, flow_source_names, flow_destination_names,
    flow_event_type, flow_source_service, flow_destination_service, flow_traffic_direction,
    flow_policy_match_type, flow_is_reply, flow_debug_capture_point, flow_interface,
    flow_sock_xlate_point, flow_summary,
    endpoint_id, endpoint_identity, endpoint_cluster_name, endpoint_namespace, endpoint_labels,
    endpoint_pod_name, endpoint_workloads,
    workload_name, workload_kind,
    service_name, service_namespace,
    event_type_type, event_type_sub_type,
    interface_index, interface_name,
};

struct field_desc {
    std::string_view proto_name;
    std::string_view json_name;
    proto_type type;  // of one element for a repeated field
    bool repeated = false;
    const message_desc* message = nullptr;  // message fields and repeated messages
    const enum_table* enums = nullptr;      // enum fields: names as the JSON may spell them
    accessor from_struct = accessor::none;
    field_set needs = 0;  // what the parser must decode for from_struct to hold the value
};

// How a message's values are reached: all from the struct, all from the JSON, or Flow's mix.
enum class message_source : uint8_t { json, flow, endpoint, workload, service, event_type, interface };

struct message_desc {
    std::string_view full_name;  // "flow.Flow"
    message_source source;
    std::span<const field_desc> fields;

    const field_desc* field(std::string_view proto_name) const;
    const field_desc* field_by_key(std::string_view json_key) const;  // proto or JSON name
};

const message_desc& flow_message();
// Every message type CEL can name (flow.Flow, flow.Endpoint ...), for type identifiers.
std::span<const message_desc* const> all_messages();

// An enum constant by its fully qualified name ("flow.Verdict.DROPPED").
std::optional<int32_t> enum_constant(std::string_view qualified_name);

}  // namespace flowgrep::cel
