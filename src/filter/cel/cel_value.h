// A CEL runtime value: a small tagged record that points at its data (the line, the parsed flow,
// the compiled expression or the evaluation's scratch space) instead of owning it, so evaluating
// a comparison of fields allocates nothing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace flowgrep::cel {

enum class value_kind : uint8_t {
    null_,
    bool_,
    int_,
    uint_,
    double_,
    string_,
    bytes_,
    timestamp,  // i = seconds since the epoch, nanos
    duration,   // i = nanoseconds, like Go's time.Duration
    list,
    map,
    message,
    type,   // str() = the type's name: "int", "flow.Flow", "list" ...
    error,  // str() = the message
};

// Where a list's elements are.
enum class list_source : uint8_t {
    values,     // p = const value*, size elements
    strings,    // p = const std::string_view*
    structs,    // p = the first of the parsed flow's structs (workloads, headers); n.u = their size
    json,       // p = const simdjson::dom::element* (an array); desc = the repeated field_desc
};

// Where a message's fields are. `none` is a message that is not set: every field reads as its
// default, has() is false.
// `flow`: the parsed flow, whose fields without a reader come from the line's JSON; `held`: a struct
// that holds every field of its message (flow/flow_fields.h says which struct).
enum class message_from : uint8_t { none, flow, held, json };

struct value {
    value_kind kind = value_kind::null_;
    uint8_t source = 0;  // list_source or message_from
    int32_t nanos = 0;
    union {
        bool b;
        int64_t i;
        uint64_t u;
        double d;
    } n{};
    const void* p = nullptr;
    size_t size = 0;
    const void* desc = nullptr;  // message_desc of a message; field_desc of a JSON list

    std::string_view str() const { return {static_cast<const char*>(p), size}; }

    static value null() { return {}; }
    static value boolean(bool v) {
        value x;
        x.kind = value_kind::bool_;
        x.n.b = v;
        return x;
    }
    static value integer(int64_t v) {
        value x;
        x.kind = value_kind::int_;
        x.n.i = v;
        return x;
    }
    static value unsigned_(uint64_t v) {
        value x;
        x.kind = value_kind::uint_;
        x.n.u = v;
        return x;
    }
    static value real(double v) {
        value x;
        x.kind = value_kind::double_;
        x.n.d = v;
        return x;
    }
    static value text(std::string_view s, value_kind k = value_kind::string_) {
        value x;
        x.kind = k;
        x.p = s.data();
        x.size = s.size();
        return x;
    }
    static value type_named(std::string_view name) { return text(name, value_kind::type); }
    static value error(std::string_view message) { return text(message, value_kind::error); }
    static value time_point(int64_t seconds, int32_t nanos) {
        value x;
        x.kind = value_kind::timestamp;
        x.n.i = seconds;
        x.nanos = nanos;
        return x;
    }
    static value span(int64_t nanoseconds) {
        value x;
        x.kind = value_kind::duration;
        x.n.i = nanoseconds;
        return x;
    }
    static value list_of(const value* elems, size_t count) {
        value x;
        x.kind = value_kind::list;
        x.source = static_cast<uint8_t>(list_source::values);
        x.p = elems;
        x.size = count;
        return x;
    }

    bool is_error() const { return kind == value_kind::error; }
};

}  // namespace flowgrep::cel
