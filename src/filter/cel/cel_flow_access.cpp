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

value string_list(const std::vector<std::string_view>& items) {
    value v;
    v.kind = value_kind::list;
    v.source = static_cast<uint8_t>(list_source::strings);
    v.p = items.data();
    v.size = items.size();
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
    if (!object || !flowgrep::json_member(*object, fd.proto_name, fd.json_name, member) || member.is_null()) return nullptr;
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

value struct_field(const value& m, const field_desc& fd) {
    const auto* f = static_cast<const flow*>(m.p);
    const auto* ep = static_cast<const endpoint*>(m.p);
    const auto* w = static_cast<const workload*>(m.p);
    const auto* svc = static_cast<const service*>(m.p);
    switch (fd.from_struct) {
        case accessor::none: break;
        case accessor::flow_time: return value::time_point(f->time.seconds, f->time.nanos);
        case accessor::flow_uuid: return value::text(f->uuid);
        case accessor::flow_verdict: return value::integer(f->verdict);
        case accessor::flow_drop_reason_desc: return value::integer(f->drop_reason_desc);
        case accessor::flow_auth_type: return value::integer(f->auth_type);
        case accessor::flow_source:
            return message_value(f->source.present ? message_from::endpoint : message_from::none, &f->source,
                                 fd.message);
        case accessor::flow_destination:
            return message_value(f->destination.present ? message_from::endpoint : message_from::none,
                                 &f->destination, fd.message);
        case accessor::flow_node_name: return value::text(f->node_name);
        case accessor::flow_node_labels: return string_list(f->node_labels);
        case accessor::flow_source_names: return string_list(f->source_names);
        case accessor::flow_destination_names: return string_list(f->destination_names);
        case accessor::flow_event_type:
            return message_value(f->has_event_type ? message_from::flow : message_from::none, f, fd.message);
        case accessor::flow_source_service:
            return message_value(f->source_service.present ? message_from::service : message_from::none,
                                 &f->source_service, fd.message);
        case accessor::flow_destination_service:
            return message_value(f->destination_service.present ? message_from::service : message_from::none,
                                 &f->destination_service, fd.message);
        case accessor::flow_traffic_direction: return value::integer(f->traffic_direction);
        case accessor::flow_policy_match_type: return value::unsigned_(f->policy_match_type);
        case accessor::flow_is_reply:
            if (f->is_reply == flow::reply::unknown) return value::null();
            return value::boolean(f->is_reply == flow::reply::yes);
        case accessor::flow_debug_capture_point: return value::integer(f->debug_capture_point);
        case accessor::flow_interface:
            return message_value(f->has_interface ? message_from::flow : message_from::none, f, fd.message);
        case accessor::flow_sock_xlate_point: return value::integer(f->sock_xlate_point);
        case accessor::flow_summary: return value::text(f->summary);
        case accessor::endpoint_id: return value::unsigned_(ep->id);
        case accessor::endpoint_identity: return value::unsigned_(ep->identity);
        case accessor::endpoint_cluster_name: return value::text(ep->cluster_name);
        case accessor::endpoint_namespace: return value::text(ep->namespace_);
        case accessor::endpoint_labels: return string_list(ep->labels);
        case accessor::endpoint_pod_name: return value::text(ep->pod_name);
        case accessor::endpoint_workloads: {
            value v;
            v.kind = value_kind::list;
            v.source = static_cast<uint8_t>(list_source::workloads);
            v.p = ep->workloads.data();
            v.size = ep->workloads.size();
            v.desc = fd.message;
            return v;
        }
        case accessor::workload_name: return value::text(w->name);
        case accessor::workload_kind: return value::text(w->kind);
        case accessor::service_name: return value::text(svc->name);
        case accessor::service_namespace: return value::text(svc->namespace_);
        case accessor::event_type_type: return value::integer(f->event_type);
        case accessor::event_type_sub_type: return value::integer(f->event_sub_type);
        case accessor::interface_index: return value::unsigned_(f->interface_index);
        case accessor::interface_name: return value::text(f->interface_name);
    }
    return default_value(fd);
}

bool struct_has(const value& m, const field_desc& fd) {
    const auto* f = static_cast<const flow*>(m.p);
    switch (fd.from_struct) {
        case accessor::flow_time: return f->time.present;
        case accessor::flow_source: return f->source.present;
        case accessor::flow_destination: return f->destination.present;
        case accessor::flow_event_type: return f->has_event_type;
        case accessor::flow_source_service: return f->source_service.present;
        case accessor::flow_destination_service: return f->destination_service.present;
        case accessor::flow_is_reply: return f->is_reply != flow::reply::unknown;
        case accessor::flow_interface: return f->has_interface;
        default: break;
    }
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
        default:
            if (fd.from_struct == accessor::none) return json_field(ctx.flow_json(), fd, ctx);  // Flow only
            return struct_field(m, fd);
    }
}

bool has_field(const value& m, const field_desc& fd, eval_context& ctx) {
    switch (static_cast<message_from>(m.source)) {
        case message_from::none: return false;
        case message_from::json: return json_has(static_cast<const dom::element*>(m.p), fd, ctx);
        default:
            if (fd.from_struct == accessor::none) return json_has(ctx.flow_json(), fd, ctx);
            return struct_has(m, fd);
    }
}

size_t list_size(const value& list) { return list.size; }

value list_at(const value& list, size_t i, eval_context& ctx) {
    switch (static_cast<list_source>(list.source)) {
        case list_source::values: return static_cast<const value*>(list.p)[i];
        case list_source::strings: return value::text(static_cast<const std::string_view*>(list.p)[i]);
        case list_source::workloads:
            return message_value(message_from::workload, static_cast<const workload*>(list.p) + i,
                                 static_cast<const message_desc*>(list.desc));
        case list_source::json: {
            const auto* fd = static_cast<const field_desc*>(list.desc);
            dom::array a;
            if (static_cast<const dom::element*>(list.p)->get_array().get(a) != simdjson::SUCCESS) return value::null();
            dom::element e;
            if (a.at(i).get(e) != simdjson::SUCCESS) return value::null();
            if (e.is_null()) return default_value(field_desc{fd->proto_name, fd->json_name, fd->type, false,
                                                             fd->message, fd->enums});
            return json_scalar(*fd, e, ctx);
        }
    }
    return value::null();
}

}  // namespace flowgrep::cel
