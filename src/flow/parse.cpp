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

void check_string_list(od::value& v, std::string_view field) {
    for_each_element(v, field, [&](od::value& e) { get_string(e, field); });
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

// `with_labels` false skips labels and workloads unread (check_rest() reads them if the line is used).
void decode_endpoint(od::value& v, endpoint& ep, std::string_view field, bool with_labels) {
    seen_fields seen;
    ep.present = for_each_field(v, field, [&](std::string_view k, od::value& x) {
        if (is(k, "ID")) seen.mark(0, k), ep.id = get_integer<uint32_t>(x, k);
        else if (is(k, "identity")) seen.mark(1, k), ep.identity = get_integer<uint32_t>(x, k);
        else if (is(k, "namespace")) seen.mark(2, k), ep.namespace_ = get_optional_string(x, k);
        else if (is(k, "labels")) {
            seen.mark(3, k);
            if (with_labels) get_string_list(x, ep.labels, k);
        } else if (is(k, "pod_name", "podName")) seen.mark(4, k), ep.pod_name = get_optional_string(x, k);
        else if (is(k, "cluster_name", "clusterName")) seen.mark(5, k), ep.cluster_name = get_optional_string(x, k);
        else if (is(k, "workloads")) {
            seen.mark(6, k);
            if (!with_labels) return true;
            for_each_element(x, k, [&](od::value& w) {
                workload& wl = ep.workloads.emplace_back();
                seen_fields seen_w;
                for_each_field(w, "workloads", [&](std::string_view wk, od::value& wv) {
                    if (is(wk, "name")) seen_w.mark(0, wk), wl.name = get_optional_string(wv, wk);
                    else if (is(wk, "kind")) seen_w.mark(1, wk), wl.kind = get_optional_string(wv, wk);
                    else return false;
                    return true;
                });
            });
        } else return false;
        return true;
    });
}

void decode_service(od::value& v, service& s, std::string_view field) {
    seen_fields seen;
    s.present = for_each_field(v, field, [&](std::string_view k, od::value& x) {
        if (is(k, "name")) seen.mark(0, k), s.name = get_optional_string(x, k);
        else if (is(k, "namespace")) seen.mark(1, k), s.namespace_ = get_optional_string(x, k);
        else return false;
        return true;
    });
}

uint16_t decode_tcp_flags(od::value& v) {
    static constexpr std::string_view names[] = {"FIN", "SYN", "RST", "PSH", "ACK",
                                                 "URG", "ECE", "CWR", "NS"};
    uint16_t flags = 0;
    seen_fields seen;
    for_each_field(v, "flags", [&](std::string_view k, od::value& x) {
        for (unsigned i = 0; i < std::size(names); ++i)
            if (k == names[i]) {
                seen.mark(i, k);
                if (get_bool(x, k)) flags |= static_cast<uint16_t>(1u << i);
                return true;
            }
        return false;
    });
    return flags;
}

void decode_l4(od::value& v, flow& f) {
    seen_fields seen;
    std::string_view first;
    for_each_field(v, "l4", [&](std::string_view k, od::value& x) {
        l4_kind kind;
        if (k == "TCP") kind = l4_kind::tcp;
        else if (k == "UDP") kind = l4_kind::udp;
        else if (k == "SCTP") kind = l4_kind::sctp;
        else if (k == "ICMPv4") kind = l4_kind::icmpv4;
        else if (k == "ICMPv6") kind = l4_kind::icmpv6;
        else if (k == "VRRP") kind = l4_kind::vrrp;
        else if (k == "IGMP") kind = l4_kind::igmp;
        else return false;
        seen.mark(static_cast<unsigned>(kind), k);
        if (is_null(x)) return true;
        if (f.l4 != l4_kind::none) throw oneof_conflict{first, k};
        f.l4 = kind;
        first = k;
        seen_fields seen_p;
        for_each_field(x, k, [&](std::string_view pk, od::value& px) {
            if (kind == l4_kind::icmpv4 || kind == l4_kind::icmpv6) {
                if (is(pk, "type")) seen_p.mark(0, pk), get_integer<uint32_t>(px, pk);
                else if (is(pk, "code")) seen_p.mark(1, pk), get_integer<uint32_t>(px, pk);
                else return false;
            } else if (kind == l4_kind::vrrp) {
                if (is(pk, "type")) seen_p.mark(0, pk), get_integer<uint32_t>(px, pk);
                else if (is(pk, "vrid")) seen_p.mark(1, pk), get_integer<uint32_t>(px, pk);
                else if (is(pk, "priority")) seen_p.mark(2, pk), get_integer<uint32_t>(px, pk);
                else return false;
            } else if (kind == l4_kind::igmp) {
                if (is(pk, "type")) seen_p.mark(0, pk), get_integer<uint32_t>(px, pk);
                else if (is(pk, "group_address", "groupAddress")) seen_p.mark(1, pk), get_optional_string(px, pk);
                else return false;
            } else if (is(pk, "source_port", "sourcePort")) {
                seen_p.mark(0, pk);
                f.source_port = get_integer<uint32_t>(px, pk);
            } else if (is(pk, "destination_port", "destinationPort")) {
                seen_p.mark(1, pk);
                f.destination_port = get_integer<uint32_t>(px, pk);
            } else if (kind == l4_kind::tcp && pk == "flags") {
                seen_p.mark(2, pk);
                if (!is_null(px)) {
                    f.has_tcp_flags = true;
                    f.tcp_flags = decode_tcp_flags(px);
                }
            } else {
                return false;
            }
            return true;
        });
        return true;
    });
}

// l7's record is a oneof of dns, http and kafka.
void set_l7_record(flow& f, l7_kind kind, std::string_view key) {
    static constexpr std::string_view names[] = {"", "dns", "http", "kafka"};
    if (f.l7_record != l7_kind::none) throw oneof_conflict{names[static_cast<int>(f.l7_record)], key};
    f.l7_record = kind;
}

void decode_dns(od::value& x, flow& f) {
    seen_fields seen;
    for_each_field(x, "dns", [&](std::string_view k, od::value& v) {
        if (is(k, "query")) seen.mark(0, k), f.dns_query = get_optional_string(v, k);
        else if (is(k, "observation_source", "observationSource"))
            seen.mark(1, k), f.dns_observation_source = get_optional_string(v, k);
        else if (is(k, "ips")) seen.mark(2, k), check_string_list(v, k);
        else if (is(k, "ttl")) seen.mark(3, k), get_integer<uint32_t>(v, k);
        else if (is(k, "cnames")) seen.mark(4, k), check_string_list(v, k);
        else if (is(k, "rcode")) seen.mark(5, k), get_integer<uint32_t>(v, k);
        else if (is(k, "qtypes")) seen.mark(6, k), check_string_list(v, k);
        else if (is(k, "rrtypes")) seen.mark(7, k), check_string_list(v, k);
        else return false;
        return true;
    });
}

void decode_http(od::value& x, flow& f) {
    seen_fields seen;
    for_each_field(x, "http", [&](std::string_view k, od::value& v) {
        if (is(k, "code")) seen.mark(0, k), f.http_code = get_integer<uint32_t>(v, k);
        else if (is(k, "method")) seen.mark(1, k), f.http_method = get_optional_string(v, k);
        else if (is(k, "url")) seen.mark(2, k), f.http_url = get_optional_string(v, k);
        else if (is(k, "protocol")) seen.mark(3, k), get_optional_string(v, k);
        else if (is(k, "headers")) {
            seen.mark(4, k);
            for_each_element(v, k, [&](od::value& h) {
                http_header& hh = f.http_headers.emplace_back();
                seen_fields seen_h;
                for_each_field(h, "headers", [&](std::string_view kk, od::value& kv) {
                    if (is(kk, "key")) seen_h.mark(0, kk), hh.key = get_optional_string(kv, kk);
                    else if (is(kk, "value")) seen_h.mark(1, kk), hh.value = get_optional_string(kv, kk);
                    else return false;
                    return true;
                });
            });
        } else return false;
        return true;
    });
}

void check_kafka(od::value& x) {
    seen_fields seen;
    for_each_field(x, "kafka", [&](std::string_view k, od::value& v) {
        if (is(k, "error_code", "errorCode")) seen.mark(0, k), get_integer<int32_t>(v, k);
        else if (is(k, "api_version", "apiVersion")) seen.mark(1, k), get_integer<int32_t>(v, k);
        else if (is(k, "api_key", "apiKey")) seen.mark(2, k), get_optional_string(v, k);
        else if (is(k, "correlation_id", "correlationId")) seen.mark(3, k), get_integer<int32_t>(v, k);
        else if (is(k, "topic")) seen.mark(4, k), get_optional_string(v, k);
        else return false;
        return true;
    });
}

void decode_l7(od::value& v, flow& f) {
    seen_fields seen;
    f.has_l7 = for_each_field(v, "l7", [&](std::string_view k, od::value& x) {
        if (is(k, "type")) {
            seen.mark(0, k);
            f.l7_type = get_enum(x, l7_flow_type_enum, k);
        } else if (is(k, "latency_ns", "latencyNs")) {
            seen.mark(1, k);
            get_integer<uint64_t>(x, k);
        } else if (is(k, "dns")) {
            seen.mark(2, k);
            if (is_null(x)) return true;
            set_l7_record(f, l7_kind::dns, k);
            f.has_dns = true;
            decode_dns(x, f);
        } else if (is(k, "http")) {
            seen.mark(3, k);
            if (is_null(x)) return true;
            set_l7_record(f, l7_kind::http, k);
            decode_http(x, f);
        } else if (is(k, "kafka")) {
            seen.mark(4, k);
            if (is_null(x)) return true;
            set_l7_record(f, l7_kind::kafka, k);
            check_kafka(x);
        } else {
            return false;
        }
        return true;
    });
}

// flow.Policy, in the *_allowed_by / *_denied_by lists: --print-policy-names and denied-by read
// the names; `out` is null when only the form is checked.
void decode_policies(od::value& v, std::string_view field, std::vector<policy_ref>* out) {
    for_each_element(v, field, [&](od::value& p) {
        seen_fields seen;
        policy_ref ref;
        for_each_field(p, field, [&](std::string_view k, od::value& x) {
            if (is(k, "name")) seen.mark(0, k), ref.name = get_optional_string(x, k);
            else if (is(k, "namespace")) seen.mark(1, k), ref.namespace_ = get_optional_string(x, k);
            else if (is(k, "labels")) seen.mark(2, k), check_string_list(x, k);
            else if (is(k, "revision")) seen.mark(3, k), get_integer<uint64_t>(x, k);
            else if (is(k, "kind")) seen.mark(4, k), ref.kind = get_optional_string(x, k);
            else return false;
            return true;
        });
        if (out) out->push_back(ref);
    });
}

// flow.IP's fields, for the flow's own IP header and for a tunnel's outer one.
void decode_ip(od::value& v, flow& f, std::string_view field) {
    seen_fields seen;
    f.has_ip = for_each_field(v, field, [&](std::string_view ik, od::value& ix) {
        if (is(ik, "source")) seen.mark(0, ik), f.ip_source = get_optional_string(ix, ik);
        else if (is(ik, "destination")) seen.mark(1, ik), f.ip_destination = get_optional_string(ix, ik);
        else if (is(ik, "source_xlated", "sourceXlated")) seen.mark(2, ik), f.ip_source_xlated = get_optional_string(ix, ik);
        else if (is(ik, "ipVersion", "ip_version")) seen.mark(3, ik), f.ip_version = get_enum(ix, ip_version_enum, ik);
        else if (is(ik, "encrypted")) seen.mark(4, ik), f.ip_encrypted = get_bool(ix, ik);
        else return false;
        return true;
    });
}

// flow.Tunnel (Cilium 1.18): read by nobody, checked for its form. Its IP and l4 are decoded into
// a scratch flow, which allocates nothing: those messages hold no lists.
void check_tunnel(od::value& v, std::string_view field) {
    seen_fields seen;
    for_each_field(v, field, [&](std::string_view k, od::value& x) {
        flow scratch;
        if (is(k, "protocol")) seen.mark(0, k), check_enum(x, k);
        else if (k == "IP") seen.mark(1, k), decode_ip(x, scratch, k);
        else if (k == "l4") seen.mark(2, k), decode_l4(x, scratch);
        else if (is(k, "vni")) seen.mark(3, k), get_integer<uint32_t>(x, k);
        else return false;
        return true;
    });
}

// A message of plain scalar fields, named in `names` in order, each read as T: checked for its form.
template <typename T>
void check_scalars(od::value& v, std::string_view field, std::initializer_list<std::pair<std::string_view, std::string_view>> names) {
    seen_fields seen;
    for_each_field(v, field, [&](std::string_view k, od::value& x) {
        unsigned i = 0;
        for (const auto& [proto, json] : names) {
            if (is(k, proto, json)) {
                seen.mark(i, k);
                if constexpr (std::is_same_v<T, std::string_view>) get_optional_string(x, k);
                else get_integer<T>(x, k);
                return true;
            }
            ++i;
        }
        return false;
    });
}

// Every field of flow.Flow (Cilium 1.19) by its place in the seen-bitmask. The first letter of the
// key picks a handful of names to compare against, so telling them apart costs a few compares.
enum flow_key : uint8_t {
    k_time, k_uuid, k_verdict, k_drop_reason, k_auth_type, k_ethernet, k_ip, k_l4, k_source,
    k_destination, k_type, k_node_name, k_node_labels, k_source_names, k_destination_names, k_l7,
    k_reply, k_event_type, k_source_service, k_destination_service, k_traffic_direction,
    k_policy_match_type, k_trace_observation_point, k_trace_reason, k_file, k_drop_reason_desc,
    k_is_reply, k_debug_capture_point, k_interface, k_proxy_port, k_trace_context,
    k_sock_xlate_point, k_socket_cookie, k_cgroup_id, k_summary, k_extensions, k_egress_allowed_by,
    k_ingress_allowed_by, k_egress_denied_by, k_ingress_denied_by,
    // Cilium 1.18 and 1.19
    k_tunnel, k_emitter, k_ip_trace_id, k_policy_log, k_aggregate, k_unknown,
};

flow_key flow_key_of(std::string_view k) {
    if (k.empty()) return k_unknown;
    switch (k[0]) {
    case 'I': return k == "IP" ? k_ip : k_unknown;
    case 'S': return k == "Summary" ? k_summary : k_unknown;
    case 'T': return k == "Type" ? k_type : k_unknown;
    case 'a':
        if (is(k, "auth_type", "authType")) return k_auth_type;
        if (k == "aggregate") return k_aggregate;
        return k_unknown;
    case 'c': return is(k, "cgroup_id", "cgroupId") ? k_cgroup_id : k_unknown;
    case 'd':
        if (k == "destination") return k_destination;
        if (is(k, "drop_reason_desc", "dropReasonDesc")) return k_drop_reason_desc;
        if (is(k, "drop_reason", "dropReason")) return k_drop_reason;
        if (is(k, "destination_names", "destinationNames")) return k_destination_names;
        if (is(k, "destination_service", "destinationService")) return k_destination_service;
        if (is(k, "debug_capture_point", "debugCapturePoint")) return k_debug_capture_point;
        return k_unknown;
    case 'e':
        if (k == "ethernet") return k_ethernet;
        if (is(k, "event_type", "eventType")) return k_event_type;
        if (k == "extensions") return k_extensions;
        if (is(k, "egress_allowed_by", "egressAllowedBy")) return k_egress_allowed_by;
        if (is(k, "egress_denied_by", "egressDeniedBy")) return k_egress_denied_by;
        if (k == "emitter") return k_emitter;
        return k_unknown;
    case 'f': return k == "file" ? k_file : k_unknown;
    case 'i':
        if (is(k, "is_reply", "isReply")) return k_is_reply;
        if (k == "interface") return k_interface;
        if (is(k, "ingress_allowed_by", "ingressAllowedBy")) return k_ingress_allowed_by;
        if (is(k, "ingress_denied_by", "ingressDeniedBy")) return k_ingress_denied_by;
        if (is(k, "ip_trace_id", "ipTraceId")) return k_ip_trace_id;
        return k_unknown;
    case 'l':
        if (k == "l4") return k_l4;
        if (k == "l7") return k_l7;
        return k_unknown;
    case 'n':
        if (is(k, "node_name", "nodeName")) return k_node_name;
        if (is(k, "node_labels", "nodeLabels")) return k_node_labels;
        return k_unknown;
    case 'p':
        if (is(k, "policy_match_type", "policyMatchType")) return k_policy_match_type;
        if (is(k, "proxy_port", "proxyPort")) return k_proxy_port;
        if (is(k, "policy_log", "policyLog")) return k_policy_log;
        return k_unknown;
    case 'r': return k == "reply" ? k_reply : k_unknown;
    case 's':
        if (k == "source") return k_source;
        if (is(k, "source_names", "sourceNames")) return k_source_names;
        if (is(k, "source_service", "sourceService")) return k_source_service;
        if (is(k, "sock_xlate_point", "sockXlatePoint")) return k_sock_xlate_point;
        if (is(k, "socket_cookie", "socketCookie")) return k_socket_cookie;
        return k_unknown;
    case 't':
        if (k == "time") return k_time;
        if (is(k, "traffic_direction", "trafficDirection")) return k_traffic_direction;
        if (is(k, "trace_observation_point", "traceObservationPoint")) return k_trace_observation_point;
        if (is(k, "trace_reason", "traceReason")) return k_trace_reason;
        if (is(k, "trace_context", "traceContext")) return k_trace_context;
        if (k == "tunnel") return k_tunnel;
        return k_unknown;
    case 'u': return k == "uuid" ? k_uuid : k_unknown;
    case 'v': return k == "verdict" ? k_verdict : k_unknown;
    default: return k_unknown;
    }
}

void decode_flow(od::value& v, flow& f, field_set want) {
    seen_fields seen;
    for_each_field(v, "flow", [&](std::string_view k, od::value& x) {
        flow_key key = flow_key_of(k);
        if (key == k_unknown) return false;
        seen.mark(key, k);
        // Parts nobody asked for are skipped unread; check_rest() reads them when the line is used.
        switch (key) {
        case k_time:
            if (want & field_time) get_timestamp(x, f.time, k);
            break;
        case k_uuid:
            if (want & field_uuid) f.uuid = get_optional_string(x, k);
            break;
        case k_verdict:
            if (want & field_verdict) f.verdict = get_enum(x, verdict_enum, k);
            break;
        case k_drop_reason_desc:
            if (want & field_drop_reason_desc) f.drop_reason_desc = get_enum(x, drop_reason_enum, k);
            break;
        case k_auth_type:
            if (want & field_auth_type) f.auth_type = get_enum(x, auth_type_enum, k);
            break;
        case k_ethernet:
            if (!(want & field_ethernet)) break;
            {
                seen_fields seen_e;
                f.has_ethernet = for_each_field(x, k, [&](std::string_view ek, od::value& ex) {
                    if (is(ek, "source")) seen_e.mark(0, ek), f.ethernet_source = get_optional_string(ex, ek);
                    else if (is(ek, "destination")) seen_e.mark(1, ek), f.ethernet_destination = get_optional_string(ex, ek);
                    else return false;
                    return true;
                });
            }
            break;
        case k_ip:
            if (want & field_ip) decode_ip(x, f, k);
            break;
        case k_l4:
            if (want & field_l4) decode_l4(x, f);
            break;
        case k_source:
            if (want & (field_source | field_source_labels))
                decode_endpoint(x, f.source, k, want & field_source_labels);
            break;
        case k_destination:
            if (want & (field_destination | field_destination_labels))
                decode_endpoint(x, f.destination, k, want & field_destination_labels);
            break;
        case k_node_name:
            if (want & field_node_name) f.node_name = get_optional_string(x, k);
            break;
        case k_node_labels:
            if (want & field_node_labels) get_string_list(x, f.node_labels, k);
            break;
        case k_source_names:
            if (want & field_names) get_string_list(x, f.source_names, k);
            break;
        case k_destination_names:
            if (want & field_names) get_string_list(x, f.destination_names, k);
            break;
        case k_l7:
            if (want & field_l7) decode_l7(x, f);
            break;
        case k_event_type:
            if (!(want & field_event_type)) break;
            {
                seen_fields seen_t;
                f.has_event_type = for_each_field(x, k, [&](std::string_view ek, od::value& ex) {
                    if (is(ek, "type")) seen_t.mark(0, ek), f.event_type = get_integer<int32_t>(ex, ek);
                    else if (is(ek, "sub_type", "subType")) seen_t.mark(1, ek), f.event_sub_type = get_integer<int32_t>(ex, ek);
                    else return false;
                    return true;
                });
            }
            break;
        case k_source_service:
            if (want & field_services) decode_service(x, f.source_service, k);
            break;
        case k_destination_service:
            if (want & field_services) decode_service(x, f.destination_service, k);
            break;
        case k_traffic_direction:
            if (want & field_traffic_direction) f.traffic_direction = get_enum(x, traffic_direction_enum, k);
            break;
        case k_policy_match_type:
            if (want & field_policy_match_type) f.policy_match_type = get_integer<uint32_t>(x, k);
            break;
        case k_debug_capture_point:
            if (want & field_debug_capture_point) f.debug_capture_point = get_enum(x, debug_capture_point_enum, k);
            break;
        case k_sock_xlate_point:
            if (want & field_sock_xlate_point) f.sock_xlate_point = get_enum(x, sock_xlate_point_enum, k);
            break;
        case k_is_reply:
            if (!(want & field_is_reply)) break;
            if (auto reply = get_optional_bool(x, k)) f.is_reply = *reply ? flow::reply::yes : flow::reply::no;
            break;
        case k_interface:
            if (!(want & field_interface)) break;
            {
                seen_fields seen_n;
                f.has_interface = for_each_field(x, k, [&](std::string_view ik, od::value& ix) {
                    if (is(ik, "index")) seen_n.mark(0, ik), f.interface_index = get_integer<uint32_t>(ix, ik);
                    else if (is(ik, "name")) seen_n.mark(1, ik), f.interface_name = get_optional_string(ix, ik);
                    else return false;
                    return true;
                });
            }
            break;
        case k_trace_context:
            if (!(want & field_trace_id)) break;
            {
                seen_fields seen_c;
                for_each_field(x, k, [&](std::string_view pk, od::value& px) {
                    if (pk != "parent") return false;
                    seen_c.mark(0, pk);
                    seen_fields seen_p;
                    for_each_field(px, pk, [&](std::string_view tk, od::value& tx) {
                        if (!is(tk, "trace_id", "traceId")) return false;
                        seen_p.mark(0, tk);
                        f.trace_id = get_optional_string(tx, tk);
                        return true;
                    });
                    return true;
                });
            }
            break;
        case k_summary:
            if (want & field_summary) f.has_summary = get_string_if_present(x, k, f.summary);
            break;
        // Fields no filter or printer reads: only their form is checked.
        case k_drop_reason:
        case k_proxy_port:
            if (want & field_other) get_integer<uint32_t>(x, k);
            break;
        case k_socket_cookie:
        case k_cgroup_id:
            if (want & field_other) get_integer<uint64_t>(x, k);
            break;
        case k_type:
        case k_trace_observation_point:
        case k_trace_reason:
            if (want & field_other) check_enum(x, k);
            break;
        case k_reply:
            if (want & field_other) get_bool(x, k);
            break;
        case k_file:
            if (!(want & field_other)) break;
            {
                seen_fields seen_f;
                for_each_field(x, k, [&](std::string_view fk, od::value& fx) {
                    if (is(fk, "name")) seen_f.mark(0, fk), get_optional_string(fx, fk);
                    else if (is(fk, "line")) seen_f.mark(1, fk), get_integer<uint32_t>(fx, fk);
                    else return false;
                    return true;
                });
            }
            break;
        case k_extensions:
            // A google.protobuf.Any: its members depend on its @type, which Hubble must resolve.
            if (!(want & field_other) || is_null(x)) break;
            get_object(x, k);
            check_any(x);
            break;
        case k_egress_allowed_by:
            if (want & (field_policies | field_other))
                decode_policies(x, k, want & field_policies ? &f.egress_allowed_by : nullptr);
            break;
        case k_ingress_allowed_by:
            if (want & (field_policies | field_other))
                decode_policies(x, k, want & field_policies ? &f.ingress_allowed_by : nullptr);
            break;
        case k_egress_denied_by:
            if (want & (field_policies | field_other))
                decode_policies(x, k, want & field_policies ? &f.egress_denied_by : nullptr);
            break;
        case k_ingress_denied_by:
            if (want & (field_policies | field_other))
                decode_policies(x, k, want & field_policies ? &f.ingress_denied_by : nullptr);
            break;
        case k_ip_trace_id:
            if (!(want & (field_ip_trace_id | field_other))) break;
            {
                seen_fields seen_t;
                for_each_field(x, k, [&](std::string_view tk, od::value& tx) {
                    if (is(tk, "trace_id", "traceId")) seen_t.mark(0, tk), f.ip_trace_id = get_integer<uint64_t>(tx, tk);
                    else if (is(tk, "ip_option_type", "ipOptionType")) seen_t.mark(1, tk), get_integer<uint32_t>(tx, tk);
                    else return false;
                    return true;
                });
            }
            break;
        case k_tunnel:
            if (want & field_other) check_tunnel(x, k);
            break;
        case k_emitter:
            if (want & field_other) check_scalars<std::string_view>(x, k, {{"name", "name"}, {"version", "version"}});
            break;
        case k_aggregate:
            if (want & field_other)
                check_scalars<uint32_t>(x, k, {{"ingress_flow_count", "ingressFlowCount"},
                                               {"egress_flow_count", "egressFlowCount"},
                                               {"unknown_direction_flow_count", "unknownDirectionFlowCount"}});
            break;
        case k_policy_log:
            if (want & field_other) check_string_list(x, k);
            break;
        case k_unknown:
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
    seen_fields seen;
    for_each_field(v, "lost_events", [&](std::string_view k, od::value& x) {
        if (is(k, "source")) {
            seen.mark(0, k);
            le.source = get_enum(x, lost_event_source_enum, k);
        } else if (is(k, "num_events_lost", "numEventsLost")) {
            seen.mark(1, k);
            le.num_events_lost = get_integer<uint64_t>(x, k);
        } else if (is(k, "cpu")) {
            seen.mark(2, k);
            if (is_null(x)) return true;
            // an Int32Value: a bare number, not {"value": 3}
            if (type_of(x) != od::json_type::number && type_of(x) != od::json_type::string)
                wrong_type(x, k, "expected an integer");
            le.has_cpu = true;
            le.cpu = get_integer<int32_t>(x, k);
        } else if (is(k, "first")) {
            seen.mark(3, k);
            get_timestamp(x, le.first, k);
        } else if (is(k, "last")) {
            seen.mark(4, k);
            get_timestamp(x, le.last, k);
        } else {
            return false;
        }
        return true;
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
                // agent_event, debug_event, or a newer member: kept, but must be JSON
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

void flow::clear() {
    time = {};
    uuid = {};
    verdict = drop_reason_desc = auth_type = 0;
    has_ethernet = false;
    ethernet_source = ethernet_destination = {};
    has_ip = false;
    ip_source = ip_destination = ip_source_xlated = {};
    ip_version = 0;
    ip_encrypted = false;
    l4 = l4_kind::none;
    source_port = destination_port = 0;
    has_tcp_flags = false;
    tcp_flags = 0;
    source.clear();
    destination.clear();
    node_name = {};
    node_labels.clear();
    source_names.clear();
    destination_names.clear();
    has_l7 = false;
    l7_type = 0;
    l7_record = l7_kind::none;
    has_dns = false;
    dns_query = dns_observation_source = {};
    http_code = 0;
    http_method = http_url = {};
    http_headers.clear();
    is_reply = reply::unknown;
    has_event_type = false;
    event_type = event_sub_type = 0;
    source_service = {};
    destination_service = {};
    traffic_direction = 0;
    policy_match_type = 0;
    debug_capture_point = sock_xlate_point = 0;
    has_interface = false;
    interface_index = 0;
    interface_name = {};
    trace_id = {};
    ip_trace_id = 0;
    has_summary = false;
    summary = {};
    egress_allowed_by.clear();
    ingress_allowed_by.clear();
    egress_denied_by.clear();
    ingress_denied_by.clear();
}

}  // namespace flowgrep
