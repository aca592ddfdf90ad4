// flow.Flow as CEL sees it: the field table of flow/flow_fields.h, with each field's proto type, and
// the enum constants of flow.proto. A field is read from the parsed flow struct when its reader
// gives the whole value; the rest are read from the line's JSON.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "flow/fields.h"
#include "flow/flow_fields.h"

namespace flowgrep::cel {

using proto_type = flowgrep::field_type;
using field_desc = flowgrep::field_info;
using message_desc = flowgrep::message_info;

inline const message_desc& flow_message() { return flowgrep::flow_message(); }
// Every message type CEL can name (flow.Flow, flow.Endpoint ...), for type identifiers.
inline std::span<const message_desc* const> all_messages() { return flowgrep::flow_messages(); }

// Whether CEL reads a field from the parsed flow, and what the parser must then decode: a message
// read from the struct is read whole (compared, has() on any field), labels and all.
inline bool from_struct(const field_desc& fd) { return reads_whole(fd); }
inline field_set needs_of(const field_desc& fd) { return from_struct(fd) ? fd.decode | fd.detail : 0; }

// An enum constant by its fully qualified name ("flow.Verdict.DROPPED", "flow.Tunnel.Protocol.VXLAN").
std::optional<int32_t> enum_constant(std::string_view qualified_name);

}  // namespace flowgrep::cel
