// FlowFilter JSON in, as Hubble reads --allowlist/--denylist: Go's json.Decoder splits the string
// into values and protojson decodes each into a FlowFilter. Errors carry protojson's text with its
// (line:column) counted inside the one value, e.g. `proto: (line 1:2): unknown field "bogus"`.
#include "filter/filter_json.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <charconv>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <type_traits>

#include "filter/filter_json_fields.h"
#include "filter/filter_json_scan.h"
#include "go/unicode.h"

namespace flowgrep {
namespace {

namespace od = simdjson::ondemand;
using namespace filter_json;

// protojson's integer reading of a JSON number: 80, 80.0, 8e1 and 800e-1 are all 80; 8.5 is not an
// integer. The exponent may move digits but never drop a non-zero one. The sign and the magnitude,
// when that fits in 64 bits.
struct integer_parts {
    bool negative = false;
    uint64_t magnitude = 0;
};

std::optional<integer_parts> integral_parts(std::string_view number) {
    bool neg = false;
    std::size_t i = 0;
    if (i < number.size() && number[i] == '-') neg = true, ++i;
    const auto digits = [&] {
        const std::size_t start = i;
        while (i < number.size() && number[i] >= '0' && number[i] <= '9') ++i;
        return number.substr(start, i - start);
    };
    std::string_view int_part = digits();
    if (int_part == "0") int_part = {};
    std::string_view frac;
    if (i < number.size() && number[i] == '.') {
        ++i;
        frac = digits();
        while (!frac.empty() && frac.back() == '0') frac.remove_suffix(1);
    }
    int exp = 0;
    if (i < number.size() && (number[i] == 'e' || number[i] == 'E')) {
        ++i;
        if (i < number.size() && number[i] == '+') ++i;
        const char* end = number.data() + number.size();
        const auto parsed = std::from_chars(number.data() + i, end, exp);
        if (parsed.ec != std::errc{} || parsed.ptr != end) return std::nullopt;
    }
    std::string num;
    if (exp >= 0) {
        if (frac.size() > static_cast<std::size_t>(exp)) return std::nullopt;
        if (int_part.size() + exp > 20) return std::nullopt;
        num = std::string(int_part) + std::string(frac) + std::string(exp - frac.size(), '0');
    } else {
        if (!frac.empty()) return std::nullopt;
        const auto cut = static_cast<std::ptrdiff_t>(int_part.size()) + exp;
        if (cut < 0) return std::nullopt;
        if (int_part.substr(cut).find_first_not_of('0') != std::string_view::npos) return std::nullopt;
        num = std::string(int_part.substr(0, cut));
    }
    if (num.empty()) return integer_parts{neg, 0};
    uint64_t magnitude = 0;
    const auto parsed = std::from_chars(num.data(), num.data() + num.size(), magnitude);
    if (parsed.ec != std::errc{}) return std::nullopt;
    return integer_parts{neg, magnitude};
}

std::optional<int64_t> integral_value(std::string_view number) {
    const auto parts = integral_parts(number);
    if (!parts || parts->magnitude > uint64_t(std::numeric_limits<int64_t>::max())) return std::nullopt;
    return parts->negative ? -int64_t(parts->magnitude) : int64_t(parts->magnitude);
}

// Decodes one JSON value, already known to be well-formed, as one FlowFilter.
class value_decoder {
public:
    value_decoder(std::string_view text, od::parser& parser) : text_(text), padded_(text), parser_(parser) {}

    flow_filter decode() {
        // Go's json.Decoder hands protojson any value, and protojson wants an object.
        if (text_.front() != '{')
            syntax_fail(0, fmt::format("unexpected token {}", text_.front() == '[' ? "[" : text_));
        check_utf8();
        od::document doc;
        if (auto e = parser_.iterate(padded_).get(doc); e) simdjson_fail(0, e);
        od::value root = ok(doc.get_value(), 0);
        flow_filter filter;
        decode_filter(root, filter);
        return filter;
    }

private:
    // ---- errors, as protojson words them ----

    std::size_t offset(const char* p) const { return static_cast<std::size_t>(p - padded_.data()); }

    // protojson's "(line L:C)": lines counted by '\n', columns in characters, both from 1.
    std::string position(std::size_t at) const {
        std::size_t line = 1, line_start = 0;
        for (std::size_t k = 0; k < at; ++k)
            if (text_[k] == '\n') ++line, line_start = k + 1;
        std::size_t column = 1;
        for (std::size_t k = line_start; k < at; ++k)
            if ((static_cast<unsigned char>(text_[k]) & 0xc0) != 0x80) ++column;
        return fmt::format("(line {}:{})", line, column);
    }
    [[noreturn]] void fail(std::size_t at, std::string_view what) const {
        throw filter_json_error(fmt::format("proto: {}: {}", position(at), what));
    }
    [[noreturn]] void syntax_fail(std::size_t at, std::string_view what) const {
        throw filter_json_error(fmt::format("proto: syntax error {}: {}", position(at), what));
    }
    [[noreturn]] void simdjson_fail(std::size_t at, simdjson::error_code e) const {
        // The scanner has vetted the syntax, so what is left is a bad \u escape (a lone surrogate).
        if (e == simdjson::STRING_ERROR) syntax_fail(at, "invalid escape code in string");
        syntax_fail(at, simdjson::error_message(e));
    }
    template <typename T>
    T ok(simdjson::simdjson_result<T>&& result, std::size_t at) const {
        T out;
        if (auto e = std::move(result).get(out); e) simdjson_fail(at, e);
        return out;
    }

    // protojson rejects a string with bad UTF-8 where that string starts; the value is valid JSON,
    // so bytes >= 0x80 only occur inside strings.
    void check_utf8() const {
        std::size_t string_start = 0;
        bool in_string = false;
        for (std::size_t k = 0; k < text_.size();) {
            const char c = text_[k];
            if (c == '"') {
                in_string = !in_string;
                string_start = k;
            } else if (in_string && c == '\\') {
                ++k;
            } else if (static_cast<unsigned char>(c) >= 0x80) {
                const go::decoded_rune d = go::decode_rune(text_, k);
                if (d.invalid()) syntax_fail(string_start, "invalid UTF-8 in string");
                k += d.width;
                continue;
            }
            ++k;
        }
    }

    // ---- a value's token, and the shapes it must have ----

    // The token as written (a string keeps its quotes and escapes), for messages and positions.
    std::string_view raw_token(od::value& v) {
        std::string_view t = v.raw_json_token();
        while (!t.empty() && (t.back() == ' ' || t.back() == '\t' || t.back() == '\r' || t.back() == '\n'))
            t.remove_suffix(1);
        return t;
    }
    od::json_type type_of(od::value& v, std::string_view raw) { return ok(v.type(), offset(raw.data())); }

    [[noreturn]] void unexpected_token(std::string_view raw) const {
        syntax_fail(offset(raw.data()), fmt::format("unexpected token {}", raw));
    }
    [[noreturn]] void invalid_value(std::string_view raw, std::string_view kind,
                                    std::string_view field) const {
        fail(offset(raw.data()),
             fmt::format("invalid value for {} field {}: {}", kind, json_name(field), raw));
    }

    static_assert(std::extent_v<decltype(filter_fields)> <= 64, "for_each_field tracks fields in 64 bits");

    // Walks an object as a message with the given fields: proto or JSON names, unknown and repeated
    // fields rejected, null values skipped (an absent field), the rest handed to on_field(index, value).
    template <typename OnField>
    void for_each_field(od::value& v, std::span<const std::string_view> names, OnField&& on_field) {
        const std::string_view raw = raw_token(v);
        if (type_of(v, raw) != od::json_type::object) unexpected_token(raw);
        od::object object = ok(v.get_object(), offset(raw.data()));
        uint64_t seen = 0;
        for (auto member : object) {
            od::field field = ok(std::move(member), offset(raw.data()));
            const char* key_at = field.key().raw() - 1;  // the opening quote
            const std::string_view key = ok(field.unescaped_key(), offset(key_at));
            std::size_t index = 0;
            while (index < names.size() && key != json_name(names[index]) && key != names[index]) ++index;
            if (index == names.size()) fail(offset(key_at), fmt::format("unknown field {}", raw_key(key_at)));
            if (seen & (uint64_t{1} << index))
                fail(offset(key_at), fmt::format("duplicate field {}", raw_key(key_at)));
            seen |= uint64_t{1} << index;
            od::value& value = field.value();
            if (type_of(value, raw_token(value)) == od::json_type::null) continue;
            on_field(index, value);
        }
    }
    // A key as written, quotes and escapes included.
    std::string_view raw_key(const char* quote) const {
        const char* p = quote + 1;
        while (*p != '"') p += *p == '\\' ? 2 : 1;
        return {quote, static_cast<std::size_t>(p + 1 - quote)};
    }

    template <typename OnElement>
    void for_each_element(od::value& v, OnElement&& on_element) {
        const std::string_view raw = raw_token(v);
        if (type_of(v, raw) != od::json_type::array) unexpected_token(raw);
        od::array array = ok(v.get_array(), offset(raw.data()));
        for (auto element : array) {
            od::value value = ok(std::move(element), offset(raw.data()));
            on_element(value);
        }
    }

    // ---- scalars, each with protojson's notion of what fits ----

    std::string read_string(od::value& v, std::string_view field) {
        const std::string_view raw = raw_token(v);
        if (type_of(v, raw) != od::json_type::string) invalid_value(raw, "string", field);
        return std::string(ok(v.get_string(), offset(raw.data())));
    }
    bool read_bool(od::value& v, std::string_view field) {
        const std::string_view raw = raw_token(v);
        if (type_of(v, raw) != od::json_type::boolean) invalid_value(raw, "bool", field);
        return ok(v.get_bool(), offset(raw.data()));
    }
    // An integer is a JSON number or a string holding exactly one ("80").
    std::optional<integer_parts> read_integer_parts(od::value& v, std::string_view raw) {
        const od::json_type type = type_of(v, raw);
        if (type == od::json_type::number) return integral_parts(raw);
        if (type != od::json_type::string) return std::nullopt;
        const std::string_view quoted = ok(v.get_string(), offset(raw.data()));
        if (!is_json_number(quoted)) return std::nullopt;
        return integral_parts(quoted);
    }
    std::optional<int64_t> read_integer(od::value& v, std::string_view raw) {
        const auto parts = read_integer_parts(v, raw);
        if (!parts || parts->magnitude > uint64_t(std::numeric_limits<int64_t>::max())) return std::nullopt;
        return parts->negative ? -int64_t(parts->magnitude) : int64_t(parts->magnitude);
    }
    int32_t read_int32(od::value& v, std::string_view field) {
        const std::string_view raw = raw_token(v);
        const auto n = read_integer(v, raw);
        if (!n || *n < std::numeric_limits<int32_t>::min() || *n > std::numeric_limits<int32_t>::max())
            invalid_value(raw, "int32", field);
        return static_cast<int32_t>(*n);
    }
    uint32_t read_uint32(od::value& v, std::string_view field) {
        const std::string_view raw = raw_token(v);
        const auto n = read_integer(v, raw);
        // "-0" reads as 0, as Go's ParseUint sees the normalised "0".
        if (!n || *n < 0 || *n > std::numeric_limits<uint32_t>::max()) invalid_value(raw, "uint32", field);
        return static_cast<uint32_t>(*n);
    }
    uint64_t read_uint64(od::value& v, std::string_view field) {
        const std::string_view raw = raw_token(v);
        const auto n = read_integer_parts(v, raw);
        if (!n || (n->negative && n->magnitude != 0)) invalid_value(raw, "uint64", field);
        return n->magnitude;
    }
    // An enum is its exact value name, or a bare int32 (a quoted number is not accepted).
    int32_t read_enum(od::value& v, const enum_table& table, std::string_view field) {
        const std::string_view raw = raw_token(v);
        const od::json_type type = type_of(v, raw);
        if (type == od::json_type::string) {
            if (auto n = enum_number(table, ok(v.get_string(), offset(raw.data())))) return *n;
        } else if (type == od::json_type::number) {
            const auto n = integral_value(raw);
            if (n && *n >= std::numeric_limits<int32_t>::min() && *n <= std::numeric_limits<int32_t>::max())
                return static_cast<int32_t>(*n);
        }
        invalid_value(raw, "enum", field);
    }

    // ---- the messages ----

    void decode_filter(od::value& v, flow_filter& filter) {
        static const auto names = [] {
            std::vector<std::string_view> out;
            for (const auto& f : filter_fields) out.push_back(f.name);
            return out;
        }();
        for_each_field(v, names, [&](std::size_t index, od::value& value) {
            const std::string_view name = filter_fields[index].name;
            std::visit([&](auto member) { decode_member(value, name, member, filter); },
                       filter_fields[index].member);
        });
    }

    void decode_member(od::value& v, std::string_view name, std::vector<std::string> flow_filter::*m,
                       flow_filter& f) {
        for_each_element(v, [&](od::value& e) { (f.*m).push_back(read_string(e, name)); });
    }
    void decode_member(od::value& v, std::string_view name, std::vector<uint32_t> flow_filter::*m,
                       flow_filter& f) {
        for_each_element(v, [&](od::value& e) { (f.*m).push_back(read_uint32(e, name)); });
    }
    void decode_member(od::value& v, std::string_view name, std::vector<uint64_t> flow_filter::*m,
                       flow_filter& f) {
        for_each_element(v, [&](od::value& e) { (f.*m).push_back(read_uint64(e, name)); });
    }
    void decode_member(od::value& v, std::string_view name, std::vector<bool> flow_filter::*m,
                       flow_filter& f) {
        for_each_element(v, [&](od::value& e) { (f.*m).push_back(read_bool(e, name)); });
    }
    void decode_member(od::value& v, std::string_view name, enum_list m, flow_filter& f) {
        for_each_element(v, [&](od::value& e) { (f.*m.member).push_back(read_enum(e, *m.table, name)); });
    }
    void decode_member(od::value& v, std::string_view, std::vector<filter_workload> flow_filter::*m,
                       flow_filter& f) {
        for_each_element(v, [&](od::value& e) {
            filter_workload& w = (f.*m).emplace_back();
            for_each_field(e, workload_fields, [&](std::size_t i, od::value& x) {
                (i == 0 ? w.name : w.kind) = read_string(x, workload_fields[i]);
            });
        });
    }
    void decode_member(od::value& v, std::string_view, std::vector<filter_interface> flow_filter::*m,
                       flow_filter& f) {
        for_each_element(v, [&](od::value& e) {
            filter_interface& n = (f.*m).emplace_back();
            for_each_field(e, interface_fields, [&](std::size_t i, od::value& x) {
                if (i == 0)
                    n.index = read_uint32(x, "index");
                else
                    n.name = read_string(x, "name");
            });
        });
    }
    void decode_member(od::value& v, std::string_view, std::vector<filter_event_type> flow_filter::*m,
                       flow_filter& f) {
        for_each_element(v, [&](od::value& e) {
            filter_event_type& t = (f.*m).emplace_back();
            for_each_field(e, event_type_fields, [&](std::size_t i, od::value& x) {
                if (i == 0)
                    t.type = read_int32(x, "type");
                else if (i == 1)
                    t.match_sub_type = read_bool(x, "match_sub_type");
                else
                    t.sub_type = read_int32(x, "sub_type");
            });
        });
    }
    void decode_member(od::value& v, std::string_view, std::vector<filter_http_header> flow_filter::*m,
                       flow_filter& f) {
        for_each_element(v, [&](od::value& e) {
            filter_http_header& h = (f.*m).emplace_back();
            for_each_field(e, http_header_fields, [&](std::size_t i, od::value& x) {
                (i == 0 ? h.key : h.value) = read_string(x, http_header_fields[i]);
            });
        });
    }
    void decode_member(od::value& v, std::string_view, std::vector<filter_tcp_flags> flow_filter::*m,
                       flow_filter& f) {
        for_each_element(v, [&](od::value& e) {
            filter_tcp_flags& t = (f.*m).emplace_back();
            for_each_field(e, tcp_flags_fields, [&](std::size_t i, od::value& x) {
                const auto bit = static_cast<uint16_t>(1u << i);
                t.flags = read_bool(x, tcp_flags_fields[i]) ? t.flags | bit : t.flags & ~bit;
            });
        });
    }
    void decode_member(od::value& v, std::string_view, experimental_message, flow_filter& f) {
        f.has_experimental = true;
        for_each_field(v, experimental_fields, [&](std::size_t, od::value& x) {
            for_each_element(
                x, [&](od::value& e) { f.cel_expression.push_back(read_string(e, "cel_expression")); });
        });
    }

    std::string_view text_;
    simdjson::padded_string padded_;
    od::parser& parser_;
};

}  // namespace

std::vector<flow_filter> decode_filter_stream(std::string_view text) {
    std::vector<flow_filter> filters;
    od::parser parser;
    std::size_t pos = 0;
    // Like Go's Decoder, each value is decoded before the next one is scanned, so an earlier
    // value's error wins over a later syntax error.
    while (const auto value = next_json_value(text, pos))
        filters.push_back(value_decoder(*value, parser).decode());
    return filters;
}

}  // namespace flowgrep
