// response_parser: one pass over a GetFlowsResponse line with simdjson On-Demand. Each object is
// walked field by field; parts of the flow nobody asked for are skipped without being decoded.
// Keys may use proto names or lowerCamelCase JSON names, as protojson accepts both; enum values may
// be names or numbers, and integers may be quoted. What is decoded is checked as protojson checks
// it (types, ranges, a field given twice, two members of a oneof); members this version does not
// know are accepted, as Hubble's tolerant second decode does, but must still be valid JSON.
#include "flow/parse.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <optional>

#include <fmt/format.h>

#include "flow/calendar.h"
#include "flow/enums.h"
#include "flow/flow_fields.h"
#include "flow/json_diagnosis.h"

namespace flowgrep {

namespace od = simdjson::ondemand;
using simdjson::error_code;

namespace {

// The key of a field, as the bytes between its quotes. Proto field names never need escapes, so a
// key with one simply matches nothing and is checked like any unknown field. The key's end is found
// from the value's start (the structural index has it) back over the colon, not by scanning the key:
// that scan was a tenth of the time spent filtering.
std::string_view key_of(od::field& f, od::value& v) {
    const char* start = f.key().raw();
    const char* end = v.raw_json_token().data() - 1;
    while (*end != ':') --end;
    do --end;
    while (*end != '"');
    return {start, static_cast<size_t>(end - start)};
}

// True when `key` is the proto name or the JSON (lowerCamelCase) name of a field. Inlined so that
// each compare against a literal becomes a length test and a few fixed-size loads, not a memcmp call.
[[gnu::always_inline]] inline bool is(std::string_view key, std::string_view proto_name, std::string_view json_name = {}) {
    return key == proto_name || (!json_name.empty() && key == json_name);
}

// A value protojson would refuse: `field` is the key as written, `problem` what was wrong.
struct decode_error {
    std::string_view field;
    std::string_view problem;
    od::json_type found{};
    bool wrong_type = false;
};

struct duplicate_field {
    std::string_view key;
};

// Two members of a oneof (the response's payload, l4's protocol, l7's record) both set.
struct oneof_conflict {
    std::string_view first;
    std::string_view second;
};

void check(error_code e) {
    if (e) throw simdjson::simdjson_error(e);
}

od::json_type type_of(od::value& v) {
    od::json_type t{};
    check(v.type().get(t));
    return t;
}

// The unusual paths stay out of line so that the common ones stay small.
#define FLOWGREP_COLD [[gnu::cold, gnu::noinline]]

[[noreturn]] FLOWGREP_COLD void wrong_type(od::value& v, std::string_view field, std::string_view expected) {
    throw decode_error{field, expected, type_of(v), true};
}

// The fields already seen in one object. protojson refuses a field given twice, under either of
// its names, even when one of them is null; a bit per field keeps that check free of allocation.
struct seen_fields {
    uint64_t bits = 0;
    void mark(unsigned index, std::string_view key) {
        uint64_t bit = uint64_t{1} << index;
        if (bits & bit) throw duplicate_field{key};
        bits |= bit;
    }
};

bool is_null(od::value& v) {
    bool null = false;
    check(v.is_null().get(null));
    return null;
}

// type() only looks at the first byte, so a value it calls null may be a mangled literal (`n2`).
void expect_null(od::value& v) {
    if (!is_null(v)) throw simdjson::simdjson_error(simdjson::N_ATOM_ERROR);
}

// The getters below first try the type a field should have, and look at what else the value is only
// when that fails: a failed simdjson getter leaves the value unread, and the common case pays for
// one probe instead of two.

[[noreturn]] FLOWGREP_COLD void not_a_string(od::value& v, std::string_view field) {
    std::string_view s;
    if (type_of(v) == od::json_type::string) check(v.get_string().get(s));  // a bad escape
    wrong_type(v, field, "expected a string");
}

// A string where null is not allowed (a list element).
std::string_view get_string(od::value& v, std::string_view field) {
    std::string_view s;
    if (v.get_string().get(s)) not_a_string(v, field);
    return s;
}

// A string field; false for null, which protojson reads as absent.
bool get_string_if_present(od::value& v, std::string_view field, std::string_view& out) {
    if (!v.get_string().get(out)) return true;
    if (is_null(v)) return false;
    not_a_string(v, field);
}

std::string_view get_optional_string(od::value& v, std::string_view field) {
    std::string_view s;
    get_string_if_present(v, field, s);
    return s;
}

// protojson integers: a JSON number (integral, possibly written 8e1 or 80.0) or a quoted decimal
// string, null meaning absent (zero).
template <typename T>
FLOWGREP_COLD T get_integer_slowly(od::value& v, std::string_view field, std::string_view expected) {
    constexpr bool u64 = std::is_unsigned_v<T> && sizeof(T) == 8;
    od::json_type t = type_of(v);
    int64_t n = 0;
    if (t == od::json_type::number) {
        bool integer = false;
        check(v.is_integer().get(integer));
        if (integer) {
            if constexpr (u64) {
                uint64_t u = 0;
                if (v.get_uint64().get(u)) throw decode_error{field, "out of range"};
                return u;
            }
            if (v.get_int64().get(n)) throw decode_error{field, "out of range"};
        } else {
            // 80.0 and 8e1 are integers to protojson; the exclusive upper bound is exact in a double
            // for every T (2^31, 2^32, 2^63, 2^64).
            constexpr double lowest = static_cast<double>(std::numeric_limits<T>::min());
            constexpr double too_big = static_cast<double>(std::numeric_limits<T>::max()) + 1.0;
            double d = 0;
            if (v.get_double().get(d)) throw decode_error{field, "out of range"};
            if (d != std::floor(d)) throw decode_error{field, "not an integer"};
            if (d < lowest || d >= too_big) throw decode_error{field, "out of range"};
            return static_cast<T>(d);
        }
    } else if (t == od::json_type::string) {
        std::string_view s = get_string(v, field);
        if constexpr (u64) {
            uint64_t u = 0;
            auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), u);
            if (ec == std::errc::result_out_of_range) throw decode_error{field, "out of range"};
            if (ec != std::errc{} || p != s.data() + s.size()) throw decode_error{field, "not an integer"};
            return u;
        }
        auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
        if (ec == std::errc::result_out_of_range) throw decode_error{field, "out of range"};
        if (ec != std::errc{} || p != s.data() + s.size()) throw decode_error{field, "not an integer"};
    } else if (t == od::json_type::null) {
        expect_null(v);
        return 0;
    } else {
        wrong_type(v, field, expected);
    }
    if (n < static_cast<int64_t>(std::numeric_limits<T>::min()) ||
        (n > 0 && static_cast<uint64_t>(n) > static_cast<uint64_t>(std::numeric_limits<T>::max())))
        throw decode_error{field, "out of range"};
    return static_cast<T>(n);
}

template <typename T>
T get_integer(od::value& v, std::string_view field, std::string_view expected = "expected an integer") {
    // The common case, a plain integer in range; anything else is sorted out slowly.
    if constexpr (std::is_unsigned_v<T>) {
        uint64_t u = 0;
        if (!v.get_uint64().get(u) && u <= std::numeric_limits<T>::max()) return static_cast<T>(u);
    } else {
        int64_t n = 0;
        if (!v.get_int64().get(n) && n >= std::numeric_limits<T>::min() && n <= std::numeric_limits<T>::max())
            return static_cast<T>(n);
    }
    return get_integer_slowly<T>(v, field, expected);
}

// protojson enums: a name or a number. An unknown name reads as 0, as Hubble's tolerant decoding does
// for enum names from a newer Cilium.
int32_t get_enum(od::value& v, enum_table table, std::string_view field) {
    std::string_view name;
    if (!v.get_string().get(name)) {
        auto n = enum_number(table, name);
        return n ? *n : 0;
    }
    if (type_of(v) == od::json_type::string) not_a_string(v, field);
    return get_integer<int32_t>(v, field, "expected a name or a number");
}

// An enum whose value nobody reads: only its form is checked.
void check_enum(od::value& v, std::string_view field) { get_enum(v, {}, field); }

// A bool field; nullopt for null (absent).
std::optional<bool> get_optional_bool(od::value& v, std::string_view field) {
    bool b = false;
    if (!v.get_bool().get(b)) return b;
    od::json_type t = type_of(v);
    if (t == od::json_type::null) {
        expect_null(v);
        return std::nullopt;
    }
    if (t == od::json_type::boolean) check(v.get_bool().get(b));  // a mangled literal
    wrong_type(v, field, "expected true or false");
}

bool get_bool(od::value& v, std::string_view field) { return get_optional_bool(v, field).value_or(false); }

od::object get_object(od::value& v, std::string_view field) {
    od::object o;
    if (v.get_object().get(o)) wrong_type(v, field, "expected an object");
    return o;
}

// The object `v` holds into `o`; false for null (absent).
bool get_object_if_present(od::value& v, std::string_view field, od::object& o) {
    if (!v.get_object().get(o)) return true;
    if (is_null(v)) return false;
    wrong_type(v, field, "expected an object");
}

// Any JSON value in a member this version does not know: checked for syntax only, iteratively
// deep, so that a line Hubble would refuse as malformed is not passed on.
FLOWGREP_COLD void check_any(od::value v, size_t depth = 1) {
    if (depth > max_json_depth) throw simdjson::simdjson_error(simdjson::DEPTH_ERROR);
    switch (type_of(v)) {
    case od::json_type::object: {
        od::object o;
        check(v.get_object().get(o));
        for (auto f : o) {
            od::field fl;
            check(std::move(f).get(fl));
            std::string_view key;
            check(fl.unescaped_key().get(key));
            check_any(fl.value(), depth + 1);
        }
        return;
    }
    case od::json_type::array: {
        od::array a;
        check(v.get_array().get(a));
        for (auto element : a) {
            od::value e;
            check(element.get(e));
            check_any(e, depth + 1);
        }
        return;
    }
    case od::json_type::string: {
        std::string_view s;
        check(v.get_string().get(s));
        return;
    }
    case od::json_type::number: {
        od::number n;
        check(v.get_number().get(n));
        return;
    }
    case od::json_type::boolean: {
        bool b;
        check(v.get_bool().get(b));
        return;
    }
    case od::json_type::null:
        expect_null(v);
        return;
    }
}

template <typename Fn>
void for_each_element(od::value& v, std::string_view field, Fn&& fn) {
    od::array a;
    if (v.get_array().get(a)) {
        if (is_null(v)) return;
        wrong_type(v, field, "expected an array");
    }
    for (auto element : a) {
        od::value e;
        check(element.get(e));
        fn(e);
    }
}

void get_string_list(od::value& v, std::vector<std::string_view>& out, std::string_view field) {
    for_each_element(v, field, [&](od::value& e) { out.push_back(get_string(e, field)); });
}

// An unknown key was only compared, never decoded: a backslash in it must still start a valid
// escape. (Known keys never hold one.)
void check_unknown_key(od::field& f, std::string_view key) {
    if (key.find('\\') == std::string_view::npos) return;
    std::string_view unescaped;
    check(f.unescaped_key().get(unescaped));
}

// Walks the members of an object; `fn(key, value)` returns false for a key it does not know, whose
// value is then checked as any JSON. Duplicates are the callbacks' business (seen_fields). Returns
// false when the value is null (an absent message), true for an object, even an empty one.
template <typename Fn>
bool for_each_field(od::value& v, std::string_view field, Fn&& fn) {
    od::object o;
    if (!get_object_if_present(v, field, o)) return false;
    for (auto f : o) {
        od::field fl;
        check(std::move(f).get(fl));
        od::value x = fl.value();
        std::string_view k = key_of(fl, x);
        if (!fn(k, x)) {
            check_unknown_key(fl, k);
            check_any(x);
        }
    }
    return true;
}

void get_timestamp(od::value& v, timestamp& out, std::string_view field) {
    std::string_view text;
    if (v.get_string().get(text)) {
        if (is_null(v)) return;
        if (type_of(v) == od::json_type::string) not_a_string(v, field);
        wrong_type(v, field, "expected an RFC 3339 time");
    }
    if (!parse_rfc3339(text, out)) throw decode_error{field, "not an RFC 3339 time"};
}

// ---- The Flow message, walked with the field table (flow/flow_fields.h) ----
// Each object's keys are looked up in its message's table; a field given twice is refused by its
// index, two members of a oneof by their oneof number. The hand-written decoders below fill the
// parsed flow with the fields it holds; every other field is checked by its type in the table.

void check_message(od::value& v, std::string_view field, const message_info& m);

// One value of a field the parsed flow does not hold: checked as protojson would decode it.
void check_value(od::value& x, std::string_view k, const field_info& fi) {
    switch (fi.type) {
    case field_type::string_: get_optional_string(x, k); return;
    case field_type::bool_: get_bool(x, k); return;
    case field_type::int32: get_integer<int32_t>(x, k); return;
    case field_type::int64: get_integer<int64_t>(x, k); return;
    case field_type::uint32: get_integer<uint32_t>(x, k); return;
    case field_type::uint64: get_integer<uint64_t>(x, k); return;
    case field_type::enum_: check_enum(x, k); return;
    case field_type::message: check_message(x, k, *fi.message); return;
    case field_type::timestamp: {
        timestamp ignored;
        get_timestamp(x, ignored, k);
        return;
    }
    case field_type::bool_wrapper: get_optional_bool(x, k); return;
    case field_type::any:
        // A google.protobuf.Any: its members depend on its @type, which Hubble must resolve.
        if (is_null(x)) return;
        get_object(x, k);
        check_any(x);
        return;
    }
}

void check_field(od::value& x, std::string_view k, const field_info& fi) {
    if (!fi.repeated) return check_value(x, k, fi);
    for_each_element(x, k, [&](od::value& e) {
        if (fi.message == nullptr) get_string(e, k);  // Flow's lists hold strings or messages
        else check_message(e, k, *fi.message);
    });
}

// Walks the members of an object as fields of `m`: `fn(index, key, value)` decodes the fields it
// stores and returns false for the others, which are then checked by their type. A oneof member
// that is null is absent and not handed on. Returns false for null (an absent message).
template <typename Fn>
bool for_each_member(od::value& v, std::string_view field, const message_info& m, Fn&& fn) {
    seen_fields seen;
    std::string_view oneof_first;  // Flow's messages have at most one oneof each
    return for_each_field(v, field, [&](std::string_view k, od::value& x) {
        const int i = m.key_index(k);
        if (i < 0) return false;
        seen.mark(static_cast<unsigned>(i), k);
        if (m.oneof_members >> i & 1) {
            if (is_null(x)) return true;
            if (!oneof_first.empty()) throw oneof_conflict{oneof_first, k};
            oneof_first = k;
        }
        if (!fn(static_cast<unsigned>(i), k, x)) check_field(x, k, m.fields[static_cast<size_t>(i)]);
        return true;
    });
}

void check_message(od::value& v, std::string_view field, const message_info& m) {
    for_each_member(v, field, m, [](unsigned, std::string_view, od::value&) { return false; });
}

// `with_labels` false skips labels and workloads unread (check_rest() reads them if the line is used).
void decode_endpoint(od::value& v, endpoint& ep, std::string_view field, bool with_labels) {
    const message_info& m = *flow_message().fields[idx(flow_f::source)].message;
    ep.present = for_each_member(v, field, m, [&](unsigned i, std::string_view k, od::value& x) {
        switch (endpoint_f(i)) {
        case endpoint_f::ID: ep.id = get_integer<uint32_t>(x, k); return true;
        case endpoint_f::identity: ep.identity = get_integer<uint32_t>(x, k); return true;
        case endpoint_f::cluster_name: ep.cluster_name = get_optional_string(x, k); return true;
        case endpoint_f::namespace_: ep.namespace_ = get_optional_string(x, k); return true;
        case endpoint_f::pod_name: ep.pod_name = get_optional_string(x, k); return true;
        case endpoint_f::labels:
            if (with_labels) get_string_list(x, ep.labels, k);
            return true;
        case endpoint_f::workloads: {
            if (!with_labels) return true;
            const message_info& wm = *m.fields[i].message;
            for_each_element(x, k, [&](od::value& w) {
                workload& wl = ep.workloads.emplace_back();
                for_each_member(w, k, wm, [&](unsigned j, std::string_view wk, od::value& wv) {
                    if (j == idx(workload_f::name)) wl.name = get_optional_string(wv, wk);
                    else wl.kind = get_optional_string(wv, wk);
                    return true;
                });
            });
            return true;
        }
        }
        return false;
    });
}

void decode_service(od::value& v, service& s, std::string_view field) {
    const message_info& m = *flow_message().fields[idx(flow_f::source_service)].message;
    s.present = for_each_member(v, field, m, [&](unsigned i, std::string_view k, od::value& x) {
        if (i == idx(service_f::name)) s.name = get_optional_string(x, k);
        else s.namespace_ = get_optional_string(x, k);
        return true;
    });
}

// TCPFlags' bits are set in declaration order, which is the order of the tcp_flag bits.
uint16_t decode_tcp_flags(od::value& v, std::string_view field, const message_info& m) {
    uint16_t flags = 0;
    for_each_member(v, field, m, [&](unsigned i, std::string_view k, od::value& x) {
        if (get_bool(x, k)) flags |= static_cast<uint16_t>(1u << i);
        return true;
    });
    return flags;
}

static_assert(idx(tcp_f::source_port) == idx(ports_f::source_port) &&
              idx(tcp_f::destination_port) == idx(ports_f::destination_port));

void decode_l4(od::value& v, flow& f, std::string_view field) {
    const message_info& m = *flow_message().fields[idx(flow_f::l4)].message;
    for_each_member(v, field, m, [&](unsigned i, std::string_view k, od::value& x) {
        static constexpr l4_kind kinds[] = {l4_kind::tcp,    l4_kind::udp,  l4_kind::icmpv4, l4_kind::icmpv6,
                                            l4_kind::sctp,   l4_kind::vrrp, l4_kind::igmp};
        static_assert(std::size(kinds) == idx(layer4_f::IGMP) + 1);
        f.l4 = kinds[i];
        if (f.l4 != l4_kind::tcp && f.l4 != l4_kind::udp && f.l4 != l4_kind::sctp) return false;
        const message_info& pm = *m.fields[i].message;
        for_each_member(x, k, pm, [&](unsigned j, std::string_view pk, od::value& px) {
            switch (tcp_f(j)) {
            case tcp_f::source_port: f.source_port = get_integer<uint32_t>(px, pk); return true;
            case tcp_f::destination_port: f.destination_port = get_integer<uint32_t>(px, pk); return true;
            case tcp_f::flags:
                if (!is_null(px)) {
                    f.has_tcp_flags = true;
                    f.tcp_flags = decode_tcp_flags(px, pk, *pm.fields[j].message);
                }
                return true;
            }
            return false;
        });
        return true;
    });
}

void decode_dns(od::value& v, flow& f, std::string_view field, const message_info& m) {
    for_each_member(v, field, m, [&](unsigned i, std::string_view k, od::value& x) {
        if (i == idx(dns_f::query)) f.dns_query = get_optional_string(x, k);
        else if (i == idx(dns_f::observation_source)) f.dns_observation_source = get_optional_string(x, k);
        else return false;
        return true;
    });
}

void decode_http(od::value& v, flow& f, std::string_view field, const message_info& m) {
    for_each_member(v, field, m, [&](unsigned i, std::string_view k, od::value& x) {
        switch (http_f(i)) {
        case http_f::code: f.http_code = get_integer<uint32_t>(x, k); return true;
        case http_f::method: f.http_method = get_optional_string(x, k); return true;
        case http_f::url: f.http_url = get_optional_string(x, k); return true;
        case http_f::headers: {
            const message_info& hm = *m.fields[i].message;
            for_each_element(x, k, [&](od::value& h) {
                http_header& hh = f.http_headers.emplace_back();
                for_each_member(h, k, hm, [&](unsigned j, std::string_view hk, od::value& hx) {
                    if (j == idx(http_header_f::key)) hh.key = get_optional_string(hx, hk);
                    else hh.value = get_optional_string(hx, hk);
                    return true;
                });
            });
            return true;
        }
        case http_f::protocol: break;
        }
        return false;
    });
}

void decode_l7(od::value& v, flow& f, std::string_view field) {
    const message_info& m = *flow_message().fields[idx(flow_f::l7)].message;
    f.has_l7 = for_each_member(v, field, m, [&](unsigned i, std::string_view k, od::value& x) {
        switch (layer7_f(i)) {
        case layer7_f::type: f.l7_type = get_enum(x, l7_flow_type_enum, k); return true;
        case layer7_f::dns:
            f.l7_record = l7_kind::dns;
            f.has_dns = true;
            decode_dns(x, f, k, *m.fields[i].message);
            return true;
        case layer7_f::http:
            f.l7_record = l7_kind::http;
            decode_http(x, f, k, *m.fields[i].message);
            return true;
        case layer7_f::kafka: f.l7_record = l7_kind::kafka; return false;
        case layer7_f::latency_ns: break;
        }
        return false;
    });
}

// flow.Policy, in the *_allowed_by / *_denied_by lists: --print-policy-names and denied-by read
// the names.
void decode_policies(od::value& v, std::string_view field, const message_info& m, std::vector<policy_ref>& out) {
    for_each_element(v, field, [&](od::value& p) {
        policy_ref ref;
        for_each_member(p, field, m, [&](unsigned i, std::string_view k, od::value& x) {
            switch (policy_f(i)) {
            case policy_f::name: ref.name = get_optional_string(x, k); return true;
            case policy_f::namespace_: ref.namespace_ = get_optional_string(x, k); return true;
            case policy_f::kind: ref.kind = get_optional_string(x, k); return true;
            case policy_f::labels:
            case policy_f::revision: break;
            }
            return false;
        });
        out.push_back(ref);
    });
}

void decode_ip(od::value& v, flow& f, std::string_view field) {
    const message_info& m = *flow_message().fields[idx(flow_f::IP)].message;
    f.has_ip = for_each_member(v, field, m, [&](unsigned i, std::string_view k, od::value& x) {
        switch (ip_f(i)) {
        case ip_f::source: f.ip_source = get_optional_string(x, k); return true;
        case ip_f::source_xlated: f.ip_source_xlated = get_optional_string(x, k); return true;
        case ip_f::destination: f.ip_destination = get_optional_string(x, k); return true;
        case ip_f::ipVersion: f.ip_version = get_enum(x, ip_version_enum, k); return true;
        case ip_f::encrypted: f.ip_encrypted = get_bool(x, k); return true;
        }
        return false;
    });
}

// The members of a message that lives in the flow itself, two strings or numbers at a time.
void decode_flow(od::value& v, flow& f, field_set want) {
    const message_info& m = flow_message();
    seen_fields seen;
    for_each_field(v, "flow", [&](std::string_view k, od::value& x) {
        const int found = m.key_index(k);
        if (found < 0) return false;
        const unsigned i = static_cast<unsigned>(found);
        seen.mark(i, k);
        const field_info& fi = m.fields[i];
        // Parts nobody asked for are skipped unread; check_rest() reads them when the line is used.
        if (!(want & (fi.decode | fi.detail))) return true;
        switch (flow_f(i)) {
        case flow_f::time: get_timestamp(x, f.time, k); break;
        case flow_f::uuid: f.uuid = get_optional_string(x, k); break;
        case flow_f::verdict: f.verdict = get_enum(x, verdict_enum, k); break;
        case flow_f::drop_reason_desc: f.drop_reason_desc = get_enum(x, drop_reason_enum, k); break;
        case flow_f::auth_type: f.auth_type = get_enum(x, auth_type_enum, k); break;
        case flow_f::ethernet:
            f.has_ethernet = for_each_member(x, k, *fi.message, [&](unsigned j, std::string_view ek, od::value& ex) {
                (j == idx(ethernet_f::source) ? f.ethernet_source : f.ethernet_destination) = get_optional_string(ex, ek);
                return true;
            });
            break;
        case flow_f::IP: decode_ip(x, f, k); break;
        case flow_f::l4: decode_l4(x, f, k); break;
        case flow_f::source: decode_endpoint(x, f.source, k, want & fi.detail); break;
        case flow_f::destination: decode_endpoint(x, f.destination, k, want & fi.detail); break;
        case flow_f::node_name: f.node_name = get_optional_string(x, k); break;
        case flow_f::node_labels: get_string_list(x, f.node_labels, k); break;
        case flow_f::source_names: get_string_list(x, f.source_names, k); break;
        case flow_f::destination_names: get_string_list(x, f.destination_names, k); break;
        case flow_f::l7: decode_l7(x, f, k); break;
        case flow_f::event_type:
            f.has_event_type = for_each_member(x, k, *fi.message, [&](unsigned j, std::string_view ek, od::value& ex) {
                (j == idx(event_type_f::type) ? f.event_type : f.event_sub_type) = get_integer<int32_t>(ex, ek);
                return true;
            });
            break;
        case flow_f::source_service: decode_service(x, f.source_service, k); break;
        case flow_f::destination_service: decode_service(x, f.destination_service, k); break;
        case flow_f::traffic_direction: f.traffic_direction = get_enum(x, traffic_direction_enum, k); break;
        case flow_f::policy_match_type: f.policy_match_type = get_integer<uint32_t>(x, k); break;
        case flow_f::debug_capture_point: f.debug_capture_point = get_enum(x, debug_capture_point_enum, k); break;
        case flow_f::sock_xlate_point: f.sock_xlate_point = get_enum(x, sock_xlate_point_enum, k); break;
        case flow_f::is_reply:
            if (auto reply = get_optional_bool(x, k)) f.is_reply = *reply ? flow::reply::yes : flow::reply::no;
            break;
        case flow_f::interface:
            f.has_interface = for_each_member(x, k, *fi.message, [&](unsigned j, std::string_view ik, od::value& ix) {
                if (j == idx(interface_f::index)) f.interface_index = get_integer<uint32_t>(ix, ik);
                else f.interface_name = get_optional_string(ix, ik);
                return true;
            });
            break;
        case flow_f::trace_context:
            f.has_trace_context = for_each_member(x, k, *fi.message, [&](unsigned, std::string_view pk, od::value& px) {
                f.has_trace_parent = for_each_member(px, pk, *fi.message->fields[idx(trace_context_f::parent)].message,
                                                     [&](unsigned, std::string_view tk, od::value& tx) {
                                                         f.trace_id = get_optional_string(tx, tk);
                                                         return true;
                                                     });
                return true;
            });
            break;
        case flow_f::Summary: f.has_summary = get_string_if_present(x, k, f.summary); break;
        case flow_f::ip_trace_id:
            f.has_ip_trace_id = for_each_member(x, k, *fi.message, [&](unsigned j, std::string_view tk, od::value& tx) {
                if (j != idx(ip_trace_id_f::trace_id)) return false;
                f.ip_trace_id = get_integer<uint64_t>(tx, tk);
                return true;
            });
            break;
        case flow_f::egress_allowed_by: decode_policies(x, k, *fi.message, f.egress_allowed_by); break;
        case flow_f::ingress_allowed_by: decode_policies(x, k, *fi.message, f.ingress_allowed_by); break;
        case flow_f::egress_denied_by: decode_policies(x, k, *fi.message, f.egress_denied_by); break;
        case flow_f::ingress_denied_by: decode_policies(x, k, *fi.message, f.ingress_denied_by); break;
        default:
            // Fields no filter or printer reads (drop_reason, Type, file, tunnel, emitter ...): only
            // their form is checked.
            check_field(x, k, fi);
            break;
        }
        return true;
    });
}

void decode_node_status(od::value& v, node_status& ns) {
    seen_fields seen;
    for_each_field(v, "node_status", [&](std::string_view k, od::value& x) {
        if (is(k, "state_change", "stateChange")) seen.mark(0, k), ns.state_change = get_enum(x, node_state_enum, k);
        else if (is(k, "node_names", "nodeNames")) seen.mark(1, k), get_string_list(x, ns.node_names, k);
        else if (is(k, "message")) seen.mark(2, k), ns.message = get_optional_string(x, k);
        else return false;
        return true;
    });
}

void decode_lost_events(od::value& v, lost_events& le) {
    for_each_member(v, "lost_events", lost_event_message(), [&](unsigned i, std::string_view k, od::value& x) {
        switch (lost_event_f(i)) {
        case lost_event_f::source: le.source = get_enum(x, lost_event_source_enum, k); return true;
        case lost_event_f::num_events_lost: le.num_events_lost = get_integer<uint64_t>(x, k); return true;
        case lost_event_f::cpu:
            if (is_null(x)) return true;
            // an Int32Value: a bare number, not {"value": 3}
            if (type_of(x) != od::json_type::number && type_of(x) != od::json_type::string)
                wrong_type(x, k, "expected an integer");
            le.has_cpu = true;
            le.cpu = get_integer<int32_t>(x, k);
            return true;
        case lost_event_f::first: get_timestamp(x, le.first, k); return true;
        case lost_event_f::last: get_timestamp(x, le.last, k); return true;
        }
        return false;
    });
}

std::string_view type_name(od::json_type t) {
    switch (t) {
    case od::json_type::array: return "an array";
    case od::json_type::object: return "an object";
    case od::json_type::number: return "a number";
    case od::json_type::string: return "a string";
    case od::json_type::boolean: return "a boolean";
    case od::json_type::null: return "null";
    }
    return "something else";
}

// simdjson's word for a problem, for the rare line diagnose_json finds nothing wrong with.
std::string simdjson_problem(error_code e) {
    switch (e) {
    case simdjson::DEPTH_ERROR: return fmt::format("nested more than {} levels deep", max_json_depth);
    case simdjson::NUMBER_ERROR: return "a number that cannot be read";
    default: return std::string("invalid JSON: ") + simdjson::error_message(e);
    }
}

// A line that is a Flow object itself (what `jq -c .flow` and some exporters write, and what
// `hubble observe -o json` wrote before 2022) is read as if it came wrapped: the response's time
// and node name are the flow's. Its top-level "time" and "node_name", read above as the response's,
// are read again here as the flow's, with everything else.
void decode_bare_flow(od::document& doc, response& out, field_set want) {
    doc.rewind();
    od::value v;
    check(doc.get_value().get(v));
    const bool window = want & field_response_time;
    out.kind = response_kind::flow;
    out.bare = true;
    decode_flow(v, out.flow, window ? want | field_time : want);
    out.time = out.flow.time;
    out.node_name = out.flow.node_name;
}

}  // namespace

// One walk over the line: the top-level members in any order, the payload decoded as `want` says.
// `again` walks the line already indexed (by the last call) from its start instead of indexing it.
bool response_parser::decode(std::string_view line, response& out, field_set want, bool again) {
    error_.clear();
    try {
        od::document& doc = doc_;
        if (again) doc.rewind();
        else check(parser_.iterate(line.data(), line.size(), line.size() + simdjson::SIMDJSON_PADDING).get(doc));
        od::object top;
        if (error_code e = doc.get_object().get(top)) {
            if (e == simdjson::INCORRECT_TYPE && diagnose_json(line).empty()) {
                error_ = fmt::format("{} where a JSON object belongs", json_value_kind(line));
                return false;
            }
            throw simdjson::simdjson_error(e);
        }
        seen_fields seen;
        std::string_view payload;  // the key of the payload already read
        bool bare = false;         // a Flow field outside a "flow": a bare Flow object, if no payload follows
        for (auto field : top) {
            od::field f;
            check(std::move(field).get(f));
            od::value v = f.value();
            std::string_view k = key_of(f, v);
            response_kind kind = response_kind::empty;
            if (is(k, "flow")) seen.mark(0, k), kind = response_kind::flow;
            else if (is(k, "node_status", "nodeStatus")) seen.mark(1, k), kind = response_kind::node_status;
            else if (is(k, "lost_events", "lostEvents")) seen.mark(2, k), kind = response_kind::lost_events;

            if (kind != response_kind::empty) {
                if (is_null(v)) continue;
                if (!payload.empty()) throw oneof_conflict{payload, k};
                payload = k;
                out.kind = kind;
                if (kind == response_kind::flow) {
                    if (want & ~field_response_time) decode_flow(v, out.flow, want);
                    else get_object(v, k);  // still a flow only if it is an object
                } else if (kind == response_kind::node_status) {
                    decode_node_status(v, out.node_status);
                } else {
                    decode_lost_events(v, out.lost_events);
                }
            } else if (is(k, "node_name", "nodeName")) {
                seen.mark(3, k);
                out.node_name = get_optional_string(v, k);
            } else if (is(k, "time")) {
                seen.mark(4, k);
                // Only the time window and the node-status printers read it; check_rest() checks it.
                if (want & field_response_time) get_timestamp(v, out.time, k);
            } else {
                // agent_event, debug_event, or a newer member: kept, but must be JSON. A Flow field
                // makes the line a bare Flow if no payload comes; checked here all the same, since a
                // payload later makes it an unknown member like any other.
                bare = bare || flow_message().key_index(k) >= 0;
                if (is(k, "agent_event", "agentEvent") || is(k, "debug_event", "debugEvent")) out.agent_event = true;
                check_unknown_key(f, k);
                check_any(v);
            }
        }
        // One object per line: after it, only white space (which stage 1 does not index).
        const char* rest = nullptr;
        if (!doc.current_location().get(rest)) {
            error_ = diagnose_json(line);
            if (error_.empty()) error_ = "more than one JSON value";
            return false;
        }
        if (bare && payload.empty()) decode_bare_flow(doc, out, want);
    } catch (const decode_error& e) {
        if (e.wrong_type)
            error_ = fmt::format("bad value for \"{}\": {}, found {}", e.field, e.problem, type_name(e.found));
        else
            error_ = fmt::format("bad value for \"{}\": {}", e.field, e.problem);
        return false;
    } catch (const duplicate_field& e) {
        error_ = fmt::format("duplicate field \"{}\"", e.key);
        return false;
    } catch (const oneof_conflict& e) {
        error_ = fmt::format("both \"{}\" and \"{}\" are set, but only one of them may be", e.first, e.second);
        return false;
    } catch (const simdjson::simdjson_error& e) {
        // The error path: take the time to say what is wrong and where.
        error_ = diagnose_json(line);
        if (error_.empty()) error_ = simdjson_problem(e.error());
        return false;
    }
    return true;
}

bool response_parser::parse(std::string_view line, response& out) {
    out.clear();
    out.line = line;
    last_ = &out;
    return decode(line, out, wanted_, false);
}

bool response_parser::check_rest(std::string_view line) {
    if ((all_fields & ~wanted_) == 0) return true;
    // The walk starts over in parser_'s string buffer, where the strings parse() decoded live, so
    // the response is decoded again as a whole rather than left holding strings overwritten.
    response& out = *last_;
    out.clear();
    out.line = line;
    return decode(line, out, all_fields, true);
}

namespace {

bool digits(std::string_view s, size_t pos, size_t n, int& out) {
    if (pos + n > s.size()) return false;
    int v = 0;
    for (size_t i = 0; i < n; ++i) {
        char c = s[pos + i];
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

}  // namespace

bool parse_rfc3339(std::string_view s, timestamp& out) {
    int year, month, day, hour, minute, second;
    if (!digits(s, 0, 4, year) || s.size() < 20 || s[4] != '-' || !digits(s, 5, 2, month) ||
        s[7] != '-' || !digits(s, 8, 2, day) || s[10] != 'T' || !digits(s, 11, 2, hour) ||
        s[13] != ':' || !digits(s, 14, 2, minute) || s[16] != ':' || !digits(s, 17, 2, second))
        return false;
    if (year < 1 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59)
        return false;
    if (day > calendar::days_in_month(year, month)) return false;

    size_t pos = 19;
    int32_t nanos = 0;
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        size_t start = pos;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
            if (pos - start >= 9) return false;
            nanos = nanos * 10 + (s[pos] - '0');
            ++pos;
        }
        if (pos == start) return false;
        for (size_t i = pos - start; i < 9; ++i) nanos *= 10;
    }
    int64_t offset = 0;
    if (pos < s.size() && s[pos] == 'Z') {
        ++pos;
    } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
        int oh, om;
        if (!digits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
            !digits(s, pos + 4, 2, om) || oh > 23 || om > 59)
            return false;
        offset = (oh * 60 + om) * 60 * (s[pos] == '-' ? -1 : 1);
        pos += 6;
    } else {
        return false;
    }
    if (pos != s.size()) return false;

    out.present = true;
    out.seconds = calendar::days_from_civil(year, month, day) * 86400 +
                  hour * 3600 + minute * 60 + second - offset;
    out.nanos = nanos;
    return true;
}

}  // namespace flowgrep
