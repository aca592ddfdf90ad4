// Which parts of a flow somebody needs. The compiled filters and the chosen printer each say what
// they read; the parser decodes only those parts and skips the rest of the line unread.
#pragma once

#include <cstdint>

namespace flowgrep {

enum field : uint32_t {
    field_time = 1u << 0,
    field_uuid = 1u << 1,
    field_verdict = 1u << 2,
    field_drop_reason_desc = 1u << 3,
    field_auth_type = 1u << 4,
    field_ethernet = 1u << 5,
    field_ip = 1u << 6,
    field_l4 = 1u << 7,
    field_source = 1u << 8,       // the source endpoint without its labels and workloads
    field_destination = 1u << 9,  // the destination endpoint, likewise
    field_node_name = 1u << 10,
    field_node_labels = 1u << 11,
    field_names = 1u << 12,  // source_names and destination_names
    field_l7 = 1u << 13,
    field_is_reply = 1u << 14,
    field_event_type = 1u << 15,
    field_services = 1u << 16,  // source_service and destination_service
    field_traffic_direction = 1u << 17,
    field_policy_match_type = 1u << 18,
    field_debug_capture_point = 1u << 19,
    field_sock_xlate_point = 1u << 20,
    field_interface = 1u << 21,
    field_trace_id = 1u << 22,
    field_summary = 1u << 23,
    field_response_time = 1u << 24,  // the response's own time, for --since/--until
    // Flow fields no filter or printer reads (drop_reason, Type, file, extensions, the policy
    // lists ...): decoded only to check their form, so that a line is refused as Hubble refuses it.
    field_other = 1u << 25,
    // An endpoint's labels and workloads, apart from its other fields: they are most of its bytes,
    // and filters by namespace, pod or identity (the common ones) read none of them.
    field_source_labels = 1u << 26,       // source.labels and source.workloads
    field_destination_labels = 1u << 27,  // destination.labels and destination.workloads
    field_ip_trace_id = 1u << 28,
    field_policies = 1u << 29,  // egress/ingress_allowed_by, egress/ingress_denied_by
};

using field_set = uint32_t;

inline constexpr field_set all_fields = (1u << 30) - 1;

}  // namespace flowgrep
