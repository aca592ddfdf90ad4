// CEL's standard functions besides the operators: size, the string tests, matches (RE2, which
// shares Go's syntax), the type conversions with cel-go's range checks and texts, and the
// timestamp and duration accessors. Time zones are UTC or fixed offsets ("+05:30").
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <limits>

#include <fmt/format.h>

#include "filter/cel/cel_eval.h"
#include "filter/cel/cel_schema.h"
#include "filter/go_regexp.h"
#include "flow/calendar.h"
#include "flow/parse.h"
#include "go/strconv.h"
#include "go/unicode.h"

namespace flowgrep::cel {

namespace {

value no_overload() { return value::error("no such overload"); }

int64_t code_points(std::string_view s) {
    int64_t n = 0;
    for (size_t i = 0; i < s.size();) {
        auto r = go::decode_rune(s, i);
        i += r.width ? r.width : 1;
        ++n;
    }
    return n;
}

bool valid_utf8(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        auto r = go::decode_rune(s, i);
        if (r.invalid()) return false;
        i += r.width;
    }
    return true;
}

// Go's strconv.FormatFloat(d, 'g', -1, 64): the shortest text that reads back the same.
void format_double(std::string& out, double d) {
    if (std::isnan(d)) {
        out += "NaN";
        return;
    }
    if (std::isinf(d)) {
        out += d > 0 ? "+Inf" : "-Inf";
        return;
    }
    char buf[64];
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, d);
        if (std::strtod(buf, nullptr) == d) break;
    }
    // Go writes exponents with at least two digits, as C does; nothing to change.
    out += buf;
}

// Go's time.ParseDuration: a signed sequence of decimal numbers with units ns us µs ms s m h.
bool parse_duration(std::string_view s, int64_t& out) {
    if (s.empty()) return false;
    bool negative = false;
    if (s[0] == '-' || s[0] == '+') {
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    if (s == "0") {
        out = 0;
        return true;
    }
    if (s.empty()) return false;
    long double total = 0;
    while (!s.empty()) {
        size_t i = 0;
        long double number = 0;
        bool digits = false;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
            number = number * 10 + (s[i] - '0');
            ++i;
            digits = true;
        }
        if (i < s.size() && s[i] == '.') {
            ++i;
            long double scale = 0.1L;
            while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
                number += (s[i] - '0') * scale;
                scale /= 10;
                ++i;
                digits = true;
            }
        }
        if (!digits) return false;
        size_t u = i;
        while (u < s.size() && !(s[u] >= '0' && s[u] <= '9') && s[u] != '.') ++u;
        std::string_view unit = s.substr(i, u - i);
        long double scale;
        if (unit == "ns") scale = 1;
        else if (unit == "us" || unit == "\xC2\xB5s" || unit == "\xCE\xBCs") scale = 1e3L;
        else if (unit == "ms") scale = 1e6L;
        else if (unit == "s") scale = 1e9L;
        else if (unit == "m") scale = 60e9L;
        else if (unit == "h") scale = 3600e9L;
        else return false;
        total += number * scale;
        s.remove_prefix(u);
    }
    if (total > 9223372036854775807.0L) return false;
    out = static_cast<int64_t>(negative ? -total : total);
    return true;
}

// A time zone argument: "UTC", "Z" or a fixed offset "+hh:mm" / "-hh:mm". Named zones would need
// the tz database, which flowgrep does not read.
bool zone_offset(std::string_view tz, int64_t& seconds) {
    if (tz == "UTC" || tz == "Z" || tz == "Etc/UTC" || tz == "GMT") {
        seconds = 0;
        return true;
    }
    if (tz.size() == 6 && (tz[0] == '+' || tz[0] == '-') && tz[3] == ':') {
        auto digit = [&](size_t i) { return tz[i] >= '0' && tz[i] <= '9' ? tz[i] - '0' : -1; };
        int h1 = digit(1), h2 = digit(2), m1 = digit(4), m2 = digit(5);
        if (h1 < 0 || h2 < 0 || m1 < 0 || m2 < 0) return false;
        seconds = ((h1 * 10 + h2) * 60 + m1 * 10 + m2) * 60 * (tz[0] == '-' ? -1 : 1);
        return true;
    }
    return false;
}

void append_rfc3339(std::string& out, int64_t seconds, int32_t nanos) {
    auto c = calendar::civil_from_seconds(seconds);
    int64_t in_day = calendar::floor_div(seconds, 86400);
    int64_t sod = seconds - in_day * 86400;
    out += fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", c.year, c.month, c.day, sod / 3600, sod / 60 % 60,
                       sod % 60);
    if (nanos) {
        std::string frac = fmt::format("{:09}", nanos);
        while (frac.back() == '0') frac.pop_back();
        out += "." + frac;
    }
    out += "Z";
}

value time_part(function fn, const value& v, const value* tz, eval_context& ctx) {
    if (v.kind == value_kind::duration) {
        int64_t d = v.n.i;
        switch (fn) {
            case function::get_hours: return value::integer(d / 3'600'000'000'000);
            case function::get_minutes: return value::integer(d / 60'000'000'000);
            case function::get_seconds: return value::integer(d / 1'000'000'000);
            case function::get_milliseconds: return value::integer(d / 1'000'000);
            default: return no_overload();
        }
    }
    if (v.kind != value_kind::timestamp) return no_overload();
    int64_t offset = 0;
    if (tz) {
        if (tz->kind != value_kind::string_) return no_overload();
        if (!zone_offset(tz->str(), offset)) return ctx.error("unsupported time zone: " + std::string(tz->str()));
    }
    int64_t seconds = v.n.i + offset;
    auto c = calendar::civil_from_seconds(seconds);
    int64_t days = calendar::floor_div(seconds, 86400);
    int64_t sod = seconds - days * 86400;
    switch (fn) {
        case function::get_full_year: return value::integer(c.year);
        case function::get_month: return value::integer(c.month - 1);
        case function::get_day_of_year:
            return value::integer(days - calendar::days_from_civil(c.year, 1, 1));
        case function::get_day_of_month: return value::integer(c.day - 1);
        case function::get_date: return value::integer(c.day);
        case function::get_day_of_week: return value::integer(((days % 7) + 11) % 7);  // 1970-01-01 was a Thursday
        case function::get_hours: return value::integer(sod / 3600);
        case function::get_minutes: return value::integer(sod / 60 % 60);
        case function::get_seconds: return value::integer(sod % 60);
        case function::get_milliseconds: return value::integer(v.nanos / 1'000'000);
        default: return no_overload();
    }
}

value to_int(const value& x, eval_context& ctx) {
    switch (x.kind) {
        case value_kind::int_: return x;
        case value_kind::uint_:
            if (x.n.u > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
                return value::error("integer overflow");
            return value::integer(static_cast<int64_t>(x.n.u));
        case value_kind::double_:
            if (!(x.n.d > -9223372036854775808.0 && x.n.d < 9223372036854775808.0))
                return value::error("integer overflow");
            return value::integer(static_cast<int64_t>(x.n.d));
        case value_kind::string_: {
            auto v = go::parse_int64(x.str());
            if (!v) return ctx.error("strconv.ParseInt: parsing " + go::quote(x.str()) + ": invalid syntax");
            return value::integer(*v);
        }
        case value_kind::timestamp: return value::integer(x.n.i);
        case value_kind::duration: return value::integer(x.n.i);
        default: return no_overload();
    }
}

value to_uint(const value& x, eval_context& ctx) {
    switch (x.kind) {
        case value_kind::uint_: return x;
        case value_kind::int_:
            if (x.n.i < 0) return value::error("unsigned integer overflow");
            return value::unsigned_(static_cast<uint64_t>(x.n.i));
        case value_kind::double_:
            if (!(x.n.d > -1.0 && x.n.d < 18446744073709551616.0)) return value::error("unsigned integer overflow");
            return value::unsigned_(static_cast<uint64_t>(x.n.d));
        case value_kind::string_: {
            auto r = go::parse_uint(x.str(), 10, 64);
            if (!r.ok()) return ctx.error(go::parse_uint_message(x.str(), r.error));
            return value::unsigned_(r.value);
        }
        default: return no_overload();
    }
}

value to_double(const value& x, eval_context& ctx) {
    switch (x.kind) {
        case value_kind::double_: return x;
        case value_kind::int_: return value::real(static_cast<double>(x.n.i));
        case value_kind::uint_: return value::real(static_cast<double>(x.n.u));
        case value_kind::string_: {
            std::string s(x.str());
            char* end = nullptr;
            double d = std::strtod(s.c_str(), &end);
            bool hex = s.find_first_of("xX") != std::string::npos;
            if (s.empty() || end != s.c_str() + s.size() || hex || std::isspace(static_cast<unsigned char>(s[0])))
                return ctx.error("strconv.ParseFloat: parsing " + go::quote(x.str()) + ": invalid syntax");
            return value::real(d);
        }
        default: return no_overload();
    }
}

value to_string(const value& x, eval_context& ctx) {
    switch (x.kind) {
        case value_kind::string_: return x;
        case value_kind::bool_: return value::text(x.n.b ? "true" : "false");
        case value_kind::bytes_:
            if (!valid_utf8(x.str())) return value::error("invalid UTF-8 in bytes, cannot convert to string");
            return value::text(x.str());
        default: break;
    }
    std::string& s = ctx.scratch_string();
    switch (x.kind) {
        case value_kind::int_: s = std::to_string(x.n.i); break;
        case value_kind::uint_: s = std::to_string(x.n.u); break;
        case value_kind::double_: format_double(s, x.n.d); break;
        case value_kind::timestamp: append_rfc3339(s, x.n.i, x.nanos); break;
        case value_kind::duration: {
            // cel-go: the seconds as the shortest decimal, then "s".
            int64_t whole = x.n.i / 1'000'000'000, frac = x.n.i % 1'000'000'000;
            if (x.n.i < 0 && (whole != 0 || frac != 0)) s += "-";
            s += std::to_string(whole < 0 ? -whole : whole);
            if (frac) {
                std::string f = fmt::format("{:09}", frac < 0 ? -frac : frac);
                while (f.back() == '0') f.pop_back();
                s += "." + f;
            }
            s += "s";
            break;
        }
        default: return no_overload();
    }
    return value::text(s);
}

value to_timestamp(const value& x, eval_context& ctx) {
    switch (x.kind) {
        case value_kind::timestamp: return x;
        case value_kind::int_:
            if (x.n.i < -62135596800 || x.n.i > 253402300799) return value::error("timestamp out of range");
            return value::time_point(x.n.i, 0);
        case value_kind::string_: {
            timestamp ts;
            if (!parse_rfc3339(x.str(), ts))
                return ctx.error("parsing time " + go::quote(x.str()) + ": cannot parse as RFC 3339");
            return value::time_point(ts.seconds, ts.nanos);
        }
        default: return no_overload();
    }
}

value to_duration(const value& x, eval_context& ctx) {
    switch (x.kind) {
        case value_kind::duration: return x;
        case value_kind::int_: return value::span(x.n.i);
        case value_kind::string_: {
            int64_t d;
            if (!parse_duration(x.str(), d)) return ctx.error("time: invalid duration " + go::quote(x.str()));
            return value::span(d);
        }
        default: return no_overload();
    }
}

value matches(const node& n, const value& text, const value& pattern, eval_context& ctx) {
    if (text.kind != value_kind::string_ || pattern.kind != value_kind::string_) return no_overload();
    if (n.regex) return value::boolean(regexp_search(*n.regex, text.str()));
    if (!n.regex_error.empty()) return value::error(n.regex_error);
    // A pattern computed per flow is compiled per flow.
    std::string error;
    auto re = compile_go_regexp(pattern.str(), &error);
    if (!re) return ctx.error(error);
    return value::boolean(regexp_search(*re, text.str()));
}

}  // namespace

std::string_view type_name(const value& v) {
    switch (v.kind) {
        case value_kind::null_: return "null_type";
        case value_kind::bool_: return "bool";
        case value_kind::int_: return "int";
        case value_kind::uint_: return "uint";
        case value_kind::double_: return "double";
        case value_kind::string_: return "string";
        case value_kind::bytes_: return "bytes";
        case value_kind::timestamp: return "google.protobuf.Timestamp";
        case value_kind::duration: return "google.protobuf.Duration";
        case value_kind::list: return "list";
        case value_kind::map: return "map";
        case value_kind::message: return static_cast<const message_desc*>(v.desc)->full_name;
        case value_kind::type: return "type";
        case value_kind::error: return "error";
    }
    return "dyn";
}

value call_function(const node& n, const value* args, size_t count, eval_context& ctx) {
    const value& x = args[0];
    switch (n.fn) {
        case function::size:
            switch (x.kind) {
                case value_kind::string_: return value::integer(code_points(x.str()));
                case value_kind::bytes_:
                case value_kind::list:
                case value_kind::map: return value::integer(static_cast<int64_t>(x.size));
                default: return no_overload();
            }
        case function::contains:
        case function::starts_with:
        case function::ends_with: {
            const value& y = args[1];
            if (x.kind != value_kind::string_ || y.kind != value_kind::string_) return no_overload();
            std::string_view s = x.str(), t = y.str();
            if (n.fn == function::contains) return value::boolean(s.find(t) != std::string_view::npos);
            if (n.fn == function::starts_with) return value::boolean(s.starts_with(t));
            return value::boolean(s.ends_with(t));
        }
        case function::matches: return matches(n, x, args[1], ctx);
        case function::to_int: return to_int(x, ctx);
        case function::to_uint: return to_uint(x, ctx);
        case function::to_double: return to_double(x, ctx);
        case function::to_string: return to_string(x, ctx);
        case function::to_bytes:
            if (x.kind == value_kind::bytes_ || x.kind == value_kind::string_) return value::text(x.str(), value_kind::bytes_);
            return no_overload();
        case function::to_bool:
            if (x.kind == value_kind::bool_) return x;
            if (x.kind == value_kind::string_) {
                auto b = go::parse_bool(x.str());
                if (!b) return ctx.error(go::parse_bool_message(x.str()));
                return value::boolean(*b);
            }
            return no_overload();
        case function::to_type: return value::type_named(type_name(x));
        case function::to_dyn: return x;
        case function::to_timestamp: return to_timestamp(x, ctx);
        case function::to_duration: return to_duration(x, ctx);
        case function::get_full_year:
        case function::get_month:
        case function::get_day_of_year:
        case function::get_day_of_month:
        case function::get_date:
        case function::get_day_of_week:
        case function::get_hours:
        case function::get_minutes:
        case function::get_seconds:
        case function::get_milliseconds: return time_part(n.fn, x, count > 1 ? &args[1] : nullptr, ctx);
        default: return no_overload();
    }
}

}  // namespace flowgrep::cel
