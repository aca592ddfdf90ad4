// The shape of Hubble's flow.Flow message (cilium api/v1/flow/flow.proto, Cilium 1.17) as data: each
// field of Flow and of the messages under it, with its proto name, its JSON name and its kind. Field
// masks are checked against it the way protobuf-go's fieldmaskpb checks them, and applied with it.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace flowgrep {

enum class field_kind : uint8_t {
    scalar,   // numbers, strings, bools, bytes and enums
    message,  // one nested message
    list,     // a repeated field, of scalars or of messages: a mask path has to end there
};

// How protojson writes a message. Well-known types are not objects of their fields (a Timestamp is
// an RFC 3339 string, a BoolValue a bare bool, an Any carries "@type"), so a mask may name their
// fields but can only keep such a value whole.
enum class json_form : uint8_t { object, well_known };

struct message_schema;

struct field_schema {
    std::string_view proto_name;
    std::string_view json_name;  // protoc's lowerCamelCase form; protojson reads either
    field_kind kind;
    const message_schema* message;  // the nested message, or a list's element message; null for scalars
};

struct message_schema {
    std::string_view full_name;  // "flow.Flow", "google.protobuf.Timestamp"
    json_form form;
    std::span<const field_schema> fields;  // in .proto declaration order

    const field_schema* field_by_name(std::string_view proto_name) const;
    // The field a JSON key names: its proto name or its JSON name.
    const field_schema* field_by_key(std::string_view key) const;
};

const message_schema& flow_schema();

// fieldmaskpb.New's test of one path: proto names joined by dots, each a field of the message the one
// before it names. Scalars and repeated fields end a path; an empty name is never a field.
bool is_valid_field_path(const message_schema& root, std::string_view path);

}  // namespace flowgrep
