// Reading flow fields for CEL with protobuf's semantics: an unset message reads as its default
// (so _flow.l7.http.url is "" when there is no l7), an unset BoolValue reads as null, an unset
// timestamp as the epoch, has() tests presence for messages and non-default for scalars. Fields
// the parsed flow holds come from it; the others from the line's JSON, decoded as protojson
// writes them (proto or JSON names, enums by name or number, 64-bit numbers as strings).
#include <charconv>
#include <cmath>

#include <simdjson.h>

#include "flow/flow_json.h"
#include "filter/cel/cel_eval.h"
#include "filter/cel/cel_schema.h"
#include "flow/parse.h"

namespace flowgrep::cel {

namespace dom = simdjson::dom;

namespace {

value message_value(message_from from, const void* p, const message_desc* desc) {
    value v;
    v.kind = value_kind::message;
    v.source = static_cast<uint8_t>(from);
    v.p = p;
    v.desc = desc;
    return v;
}

value empty_list() { return value::list_of(nullptr, 0); }

// The default of a field that is not set.
value default_value(const field_desc& fd) {
    if (fd.repeated) return empty_list();
    switch (fd.type) {
        case proto_type::string_: return value::text({});
        case proto_type::bool_: return value::boolean(false);
        case proto_type::int32:
        case proto_type::int64:
        case proto_type::enum_: return value::integer(0);
        case proto_type::uint32:
        case proto_type::uint64: return value::unsigned_(0);
        case proto_type::message: return message_value(message_from::none, nullptr, fd.message);
        case proto_type::timestamp: return value::time_point(0, 0);
        case proto_type::bool_wrapper:
        case proto_type::any: return value::null();
    }
    return value::null();
}

// The JSON value of a key in an object, by proto or JSON name; null when absent or JSON null.
const dom::element* json_member(const dom::element* object, const field_desc& fd, eval_context& ctx) {
    dom::element member;
    if (!object || !flowgrep::json_member(*object, fd.proto, fd.json, member) || member.is_null()) return nullptr;
    return ctx.keep(member);
}

// A protojson integer: a number (integral doubles too) or a decimal string.
template <typename T>
T json_integer(const dom::element& e) {
    int64_t i;
    uint64_t u;
    double d;
    std::string_view s;
    if (e.get_int64().get(i) == simdjson::SUCCESS) return static_cast<T>(i);
    if (e.get_uint64().get(u) == simdjson::SUCCESS) return static_cast<T>(u);
    if (e.get_double().get(d) == simdjson::SUCCESS) return static_cast<T>(d);
    if (e.get_string().get(s) == simdjson::SUCCESS) {
        T v{};
        std::from_chars(s.data(), s.data() + s.size(), v);
        return v;
    }
    return T{};
}

value json_scalar(const field_desc& fd, const dom::element& e, eval_context& ctx) {
    switch (fd.type) {
        case proto_type::string_: {
            std::string_view s;
            if (e.get_string().get(s) != simdjson::SUCCESS) s = {};
            return value::text(s);
        }
        case proto_type::bool_: {
            bool b = false;
            if (e.get_bool().get(b) != simdjson::SUCCESS) b = false;
            return value::boolean(b);
        }
        case proto_type::bool_wrapper: {
            bool b = false;
            if (e.get_bool().get(b) != simdjson::SUCCESS) return value::null();
            return value::boolean(b);
        }
        case proto_type::int32: return value::integer(json_integer<int32_t>(e));
        case proto_type::int64: return value::integer(json_integer<int64_t>(e));
        case proto_type::uint32: return value::unsigned_(json_integer<uint32_t>(e));
        case proto_type::uint64: return value::unsigned_(json_integer<uint64_t>(e));
        case proto_type::enum_: {
            std::string_view name;
            if (e.get_string().get(name) == simdjson::SUCCESS) {
                // Unknown names were discarded by the decoder (Hubble's "discard unknown"): zero.
                return value::integer(enum_number(*fd.enums, name).value_or(0));
            }
            return value::integer(json_integer<int32_t>(e));
        }
        case proto_type::message: return message_value(message_from::json, ctx.keep(e), fd.message);
        case proto_type::timestamp: {
            std::string_view s;
            timestamp ts;
            if (e.get_string().get(s) == simdjson::SUCCESS && parse_rfc3339(s, ts))
                return value::time_point(ts.seconds, ts.nanos);
            return value::time_point(0, 0);
        }
        case proto_type::any: return ctx.error("google.protobuf.Any values (extensions) are not supported");
    }
    return value::null();
}

value json_field(const dom::element* object, const field_desc& fd, eval_context& ctx) {
    const dom::element* e = json_member(object, fd, ctx);
    if (!e) return default_value(fd);
    if (fd.repeated) {
        dom::array a;
        if (e->get_array().get(a) != simdjson::SUCCESS) return empty_list();
        value v;
        v.kind = value_kind::list;
        v.source = static_cast<uint8_t>(list_source::json);
        v.p = e;
        v.size = a.size();
        v.desc = &fd;
        return v;
    }
    return json_scalar(fd, *e, ctx);
}

bool json_has(const dom::element* object, const field_desc& fd, eval_context& ctx) {
    const dom::element* e = json_member(object, fd, ctx);
    if (!e) return false;
    if (fd.repeated) {
        dom::array a;
        return e->get_array().get(a) == simdjson::SUCCESS && a.size() > 0;
    }
    switch (fd.type) {
        case proto_type::message:
        case proto_type::timestamp:
        case proto_type::bool_wrapper:
        case proto_type::any: return true;
        default: break;
    }
    // proto3 scalars are "present" when not the default.
    value v = json_scalar(fd, *e, ctx);
    switch (v.kind) {
        case value_kind::string_: return v.size > 0;
        case value_kind::bool_: return v.n.b;
        case value_kind::int_: return v.n.i != 0;
        case value_kind::uint_: return v.n.u != 0;
        default: return false;
    }
}

// A field of a message the parsed flow holds, through the field's reader.
value struct_field(const value& m, const field_desc& fd) {
    const member_value mv = fd.member(m.p);
    if (fd.repeated) {
        value v;
        v.kind = value_kind::list;
        v.p = mv.p;
        v.size = static_cast<size_t>(mv.u);
        if (fd.message == nullptr) {
            v.source = static_cast<uint8_t>(list_source::strings);
        } else {
            v.source = static_cast<uint8_t>(list_source::structs);
            v.n.u = mv.stride;
            v.desc = fd.message;
        }
        return v;
    }
    switch (fd.type) {
        case proto_type::string_: return value::text(mv.s);
        case proto_type::bool_: return value::boolean(mv.u != 0);
        case proto_type::int32:
        case proto_type::int64:
        case proto_type::enum_: return value::integer(mv.i);
        case proto_type::uint32:
        case proto_type::uint64: return value::unsigned_(mv.u);
        case proto_type::message:
            return message_value(mv.present ? message_from::held : message_from::none, mv.p, fd.message);
        case proto_type::timestamp: {
            const auto* ts = static_cast<const timestamp*>(mv.p);
            return value::time_point(ts->seconds, ts->nanos);
        }
        case proto_type::bool_wrapper: return mv.present ? value::boolean(mv.u != 0) : value::null();
        case proto_type::any: break;
    }
    return default_value(fd);
}

bool struct_has(const value& m, const field_desc& fd) {
    if (fd.message != nullptr && !fd.repeated) return fd.member(m.p).present;
    value v = struct_field(m, fd);
    switch (v.kind) {
        case value_kind::string_: return v.size > 0;
        case value_kind::bool_: return v.n.b;
        case value_kind::int_: return v.n.i != 0;
        case value_kind::uint_: return v.n.u != 0;
        case value_kind::list: return v.size > 0;
        default: return false;
    }
}

}  // namespace

value flow_value(eval_context& ctx) {
    return message_value(message_from::flow, &ctx.current().flow, &flow_message());
}

value get_field(const value& m, const field_desc& fd, eval_context& ctx) {
    switch (static_cast<message_from>(m.source)) {
        case message_from::none: return default_value(fd);
        case message_from::json: return json_field(static_cast<const dom::element*>(m.p), fd, ctx);
        case message_from::flow:
            if (!from_struct(fd)) return json_field(ctx.flow_json(), fd, ctx);
            return struct_field(m, fd);
        case message_from::held: return struct_field(m, fd);
    }
    return default_value(fd);
}

bool has_field(const value& m, const field_desc& fd, eval_context& ctx) {
    switch (static_cast<message_from>(m.source)) {
        case message_from::none: return false;
        case message_from::json: return json_has(static_cast<const dom::element*>(m.p), fd, ctx);
        case message_from::flow:
            if (!from_struct(fd)) return json_has(ctx.flow_json(), fd, ctx);
            return struct_has(m, fd);
        case message_from::held: return struct_has(m, fd);
    }
    return false;
}

size_t list_size(const value& list) { return list.size; }

value list_at(const value& list, size_t i, eval_context& ctx) {
    switch (static_cast<list_source>(list.source)) {
        case list_source::values: return static_cast<const value*>(list.p)[i];
        case list_source::strings: return value::text(static_cast<const std::string_view*>(list.p)[i]);
        case list_source::structs:
            return message_value(message_from::held, static_cast<const char*>(list.p) + i * list.n.u,
                                 static_cast<const message_desc*>(list.desc));
        case list_source::json: {
            const auto* fd = static_cast<const field_desc*>(list.desc);
            dom::array a;
            if (static_cast<const dom::element*>(list.p)->get_array().get(a) != simdjson::SUCCESS) return value::null();
            dom::element e;
            if (a.at(i).get(e) != simdjson::SUCCESS) return value::null();
            if (e.is_null()) {
                field_desc element = *fd;
                element.repeated = false;
                return default_value(element);
            }
            return json_scalar(*fd, e, ctx);
        }
    }
    return value::null();
}

}  // namespace flowgrep::cel
