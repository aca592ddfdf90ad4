// Field mask paths over flow.Flow (the table in flow/flow_fields.h), checked the way protobuf-go's
// fieldmaskpb checks them: proto names joined by dots, each a field of the message the one before
// it names.
#pragma once

#include <string_view>

#include "flow/flow_fields.h"

namespace flowgrep {

using field_schema = field_info;
using message_schema = message_info;

inline const message_info& flow_schema() { return flow_message(); }

// fieldmaskpb.New's test of one path. Scalars and repeated fields end a path; well-known types may
// be named into; an empty name is never a field.
bool is_valid_field_path(const message_info& root, std::string_view path);

}  // namespace flowgrep
