// The tables of facts about Hubble's enums and codes: names of verdicts, drop reasons, event types,
// reserved identities and the rest. Each fact lives here once; the parser, the filters, the flag
// translation and the printers all read these tables.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace flowgrep {

struct enum_entry {
    int32_t number;
    std::string_view name;
};

using enum_table = std::span<const enum_entry>;

// The name of a number, or empty when the table has none.
std::string_view enum_name(enum_table table, int32_t number);
// The number of an exact (case-sensitive) name.
std::optional<int32_t> enum_number(enum_table table, std::string_view name);

// protobuf enums of flow.proto / relay.proto, by their proto names
extern const enum_table verdict_enum;
extern const enum_table drop_reason_enum;  // DropReason, as --drop-reason-desc and drop_reason_desc spell it
extern const enum_table auth_type_enum;
extern const enum_table ip_version_enum;
extern const enum_table traffic_direction_enum;
extern const enum_table l7_flow_type_enum;
extern const enum_table debug_capture_point_enum;
extern const enum_table sock_xlate_point_enum;
extern const enum_table trace_observation_point_enum;
extern const enum_table trace_reason_enum;
extern const enum_table flow_type_enum;
extern const enum_table lost_event_source_enum;
extern const enum_table node_state_enum;
extern const enum_table tunnel_protocol_enum;     // flow.Tunnel.Protocol (Cilium 1.18)
extern const enum_table proto_event_type_enum;    // flow.EventType
extern const enum_table agent_event_type_enum;    // flow.AgentEventType

// Monitor event types as `--type` names them (drop, trace, l7 ...), and their named sub-types.
extern const enum_table event_type_names;
extern const enum_table trace_sub_type_names;  // to-endpoint ... to-network
extern const enum_table agent_sub_type_names;

// Reserved security identities: 1 host ... 10 world-ipv6, 11 overlay-to-encrypt (accepted by the
// identity filter flags; printed as (ID:11)).
extern const enum_table reserved_identity_names;

// The TYPE-column text of a drop event for a datapath drop code (already truncated to 8 bits),
// or empty for an unknown code (Hubble prints "<code>, 0").
std::string_view drop_reason_text(uint32_t code);

// policy-verdict match type names: none, L3-Only, L3-L4 ...; "unknown" for other values
std::string_view policy_match_type_name(uint32_t type);

}  // namespace flowgrep
