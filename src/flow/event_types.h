// The numbers of Cilium's monitor event types (event_type.type), of flow.proto's verdicts and of
// relay's node states, by name, and which sub-type names go with which event type. Filters, printers and the CLI read
// these instead of spelling the numbers out again.
#pragma once

#include <cstdint>

#include "flow/enums.h"

namespace flowgrep {

// pkg/monitor/api MessageType*.
namespace monitor_event {
inline constexpr int32_t drop = 1;
inline constexpr int32_t debug = 2;
inline constexpr int32_t capture = 3;
inline constexpr int32_t trace = 4;
inline constexpr int32_t policy_verdict = 5;
inline constexpr int32_t recorder = 6;
inline constexpr int32_t trace_sock = 7;
inline constexpr int32_t l7 = 129;
inline constexpr int32_t agent = 130;
}  // namespace monitor_event

// flow.Verdict.
namespace verdicts {
inline constexpr int32_t unknown = 0;
inline constexpr int32_t forwarded = 1;
inline constexpr int32_t dropped = 2;
inline constexpr int32_t error = 3;
inline constexpr int32_t audit = 4;
inline constexpr int32_t redirected = 5;
inline constexpr int32_t traced = 6;
inline constexpr int32_t translated = 7;
}  // namespace verdicts

// relay.NodeState, of a node_status response.
namespace node_states {
inline constexpr int32_t unknown = 0;
inline constexpr int32_t connected = 1;
inline constexpr int32_t unavailable = 2;
inline constexpr int32_t gone = 3;
inline constexpr int32_t error = 4;
}  // namespace node_states

// The sub-types `--type` and `flowgrep event-types` name for an event type: trace's observation
// points and agent's notifications; empty for the rest (drop sub-types are numbers, named by their
// drop reason text elsewhere).
inline enum_table sub_type_names_for(int32_t type) {
    if (type == monitor_event::trace) return trace_sub_type_names;
    if (type == monitor_event::agent) return agent_sub_type_names;
    return {};
}

}  // namespace flowgrep
