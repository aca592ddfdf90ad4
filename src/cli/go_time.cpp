// Go's time.ParseDuration and the parts of time.Parse that hubble's --since/--until layouts use,
// rewritten from Go's documented rules: which fields take one or two digits, how fractions and zones
// are read, how spaces in a layout match, and that day-of-month is checked against the month.
#include "cli/go_time.h"

#include <array>
#include <chrono>
#include <climits>
#include <span>
#include <string>

#include "flow/calendar.h"
#include "text/ascii.h"

namespace flowgrep::go {

namespace {

constexpr uint64_t max_duration = uint64_t{1} << 63;

bool is_digit(std::string_view s, size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }

// leadingInt: the digits at the front of s; nullopt on overflow past 1<<63.
std::optional<uint64_t> leading_int(std::string_view& s) {
    uint64_t x = 0;
    size_t i = 0;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
        if (x > max_duration / 10) return std::nullopt;
        x = x * 10 + static_cast<uint64_t>(s[i] - '0');
        if (x > max_duration) return std::nullopt;
    }
    s.remove_prefix(i);
    return x;
}

// leadingFraction: digits after a '.', scaled; digits past int64's precision are read and dropped.
void leading_fraction(std::string_view& s, uint64_t& x, double& scale) {
    size_t i = 0;
    bool overflow = false;
    x = 0;
    scale = 1;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
        if (overflow) continue;
        if (x > (max_duration - 1) / 10) {
            overflow = true;
            continue;
        }
        uint64_t y = x * 10 + static_cast<uint64_t>(s[i] - '0');
        if (y > max_duration) {
            overflow = true;
            continue;
        }
        x = y;
        scale *= 10;
    }
    s.remove_prefix(i);
}

std::optional<uint64_t> duration_unit(std::string_view u) {
    if (u == "ns") return 1;
    if (u == "us" || u == "\u00b5s" || u == "\u03bcs") return 1'000;
    if (u == "ms") return 1'000'000;
    if (u == "s") return 1'000'000'000;
    if (u == "m") return 60'000'000'000;
    if (u == "h") return 3'600'000'000'000;
    return std::nullopt;
}

// ---- time.Parse ----

enum class elem : uint8_t {
    literal,
    year,          // 2006
    zero_month,    // 01
    month_name,    // Jan
    weekday_name,  // Mon
    zero_day,      // 02
    hour,          // 15
    zero_minute,   // 04
    zero_second,   // 05
    fraction,      // .999 (any number of 9s)
    iso_colon_tz,  // Z07:00
    num_tz,        // -0700
};

struct piece {
    elem kind;
    std::string_view text = {};  // for literals
};

using layout = std::span<const piece>;

constexpr piece year_month_day[] = {{elem::year}, {elem::literal, "-"}, {elem::zero_month},
                                    {elem::literal, "-"}, {elem::zero_day}};
constexpr piece year_month_day_hour[] = {
    {elem::year}, {elem::literal, "-"}, {elem::zero_month}, {elem::literal, "-"},
    {elem::zero_day}, {elem::literal, "T"}, {elem::hour}, {elem::iso_colon_tz}};
constexpr piece year_month_day_hour_minute[] = {
    {elem::year}, {elem::literal, "-"}, {elem::zero_month}, {elem::literal, "-"}, {elem::zero_day},
    {elem::literal, "T"}, {elem::hour}, {elem::literal, ":"}, {elem::zero_minute}, {elem::iso_colon_tz}};
constexpr piece rfc3339[] = {
    {elem::year}, {elem::literal, "-"}, {elem::zero_month}, {elem::literal, "-"}, {elem::zero_day},
    {elem::literal, "T"}, {elem::hour}, {elem::literal, ":"}, {elem::zero_minute},
    {elem::literal, ":"}, {elem::zero_second}, {elem::iso_colon_tz}};
// RFC3339Nano, RFC3339Milli and RFC3339Micro differ only in the number of 9s, which Go ignores
// when parsing: each takes any number of fraction digits.
constexpr piece rfc3339_fraction[] = {
    {elem::year}, {elem::literal, "-"}, {elem::zero_month}, {elem::literal, "-"}, {elem::zero_day},
    {elem::literal, "T"}, {elem::hour}, {elem::literal, ":"}, {elem::zero_minute},
    {elem::literal, ":"}, {elem::zero_second}, {elem::fraction}, {elem::iso_colon_tz}};
constexpr piece rfc1123z[] = {
    {elem::weekday_name}, {elem::literal, ", "}, {elem::zero_day}, {elem::literal, " "},
    {elem::month_name}, {elem::literal, " "}, {elem::year}, {elem::literal, " "}, {elem::hour},
    {elem::literal, ":"}, {elem::zero_minute}, {elem::literal, ":"}, {elem::zero_second},
    {elem::literal, " "}, {elem::num_tz}};

// hubble's order: YearMonthDay, YearMonthDayHour, YearMonthDayHourMinute, RFC3339, RFC3339Nano,
// RFC3339Milli, RFC3339Micro, RFC1123Z (the last three RFC 3339 forms parse alike).
constexpr std::array<layout, 6> layouts = {year_month_day, year_month_day_hour, year_month_day_hour_minute,
                                           rfc3339, rfc3339_fraction, rfc1123z};

constexpr std::array<std::string_view, 12> month_names = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<std::string_view, 7> day_names = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

std::string_view cut_space(std::string_view s) {
    while (!s.empty() && s[0] == ' ') s.remove_prefix(1);
    return s;
}

// A layout literal: each space in it matches one or more spaces (or the end) in the value.
bool skip(std::string_view& value, std::string_view prefix) {
    while (!prefix.empty()) {
        if (prefix[0] == ' ') {
            if (!value.empty() && value[0] != ' ') return false;
            prefix = cut_space(prefix);
            value = cut_space(value);
            continue;
        }
        if (value.empty() || value[0] != prefix[0]) return false;
        prefix.remove_prefix(1);
        value.remove_prefix(1);
    }
    return true;
}

// getnum: one or two digits, or exactly two when fixed.
std::optional<int> get_num(std::string_view& s, bool fixed) {
    if (!is_digit(s, 0)) return std::nullopt;
    if (!is_digit(s, 1)) {
        if (fixed) return std::nullopt;
        int v = s[0] - '0';
        s.remove_prefix(1);
        return v;
    }
    int v = (s[0] - '0') * 10 + (s[1] - '0');
    s.remove_prefix(2);
    return v;
}

// lookup: a case-insensitive name at the front of s; its index.
std::optional<int> lookup(std::span<const std::string_view> names, std::string_view& s) {
    for (size_t i = 0; i < names.size(); ++i) {
        std::string_view n = names[i];
        if (s.size() < n.size()) continue;
        if (ascii_equal_fold(s.substr(0, n.size()), n)) {
            s.remove_prefix(n.size());
            return static_cast<int>(i);
        }
    }
    return std::nullopt;
}

bool comma_or_period(char c) { return c == '.' || c == ','; }

// parseNanoseconds: value[0] is the separator, value[1..n) digits; at most nine digits count.
int parse_nanos(std::string_view digits_with_separator) {
    size_t n = std::min<size_t>(digits_with_separator.size(), 10);
    int ns = 0;
    for (size_t i = 1; i < n; ++i) ns = ns * 10 + (digits_with_separator[i] - '0');
    for (size_t i = n; i < 10; ++i) ns *= 10;
    return ns;
}


std::optional<int> parse_zone(std::string_view& value, bool colon) {
    std::string_view sign, hh, mm;
    if (colon) {
        if (value.size() < 6 || value[3] != ':') return std::nullopt;
        sign = value.substr(0, 1), hh = value.substr(1, 2), mm = value.substr(4, 2);
        value.remove_prefix(6);
    } else {
        if (value.size() < 5) return std::nullopt;
        sign = value.substr(0, 1), hh = value.substr(1, 2), mm = value.substr(3, 2);
        value.remove_prefix(5);
    }
    auto hr = get_num(hh, true);
    auto mi = hr ? get_num(mm, true) : std::nullopt;
    // Go checks with > rather than >=: offsets of 24 hours or 60 minutes pass.
    if (!hr || !mi || *hr > 24 || *mi > 60) return std::nullopt;
    int offset = (*hr * 60 + *mi) * 60;
    if (sign[0] == '-') return -offset;
    if (sign[0] == '+') return offset;
    return std::nullopt;
}

std::optional<instant> parse_layout(layout pieces, std::string_view value) {
    int64_t year = 0;
    int month = -1, day = -1, hour = 0, minute = 0, second = 0, nanos = 0, offset = 0;
    for (size_t i = 0; i < pieces.size(); ++i) {
        const piece& p = pieces[i];
        switch (p.kind) {
        case elem::literal:
            if (!skip(value, p.text)) return std::nullopt;
            break;
        case elem::year: {
            if (value.size() < 4) return std::nullopt;
            for (int k = 0; k < 4; ++k)
                if (!is_digit(value, k)) return std::nullopt;
            year = std::stoi(std::string(value.substr(0, 4)));
            value.remove_prefix(4);
            break;
        }
        case elem::zero_month: {
            auto v = get_num(value, true);
            if (!v || *v < 1 || *v > 12) return std::nullopt;
            month = *v;
            break;
        }
        case elem::month_name: {
            auto v = lookup(month_names, value);
            if (!v) return std::nullopt;
            month = *v + 1;
            break;
        }
        case elem::weekday_name:  // checked for spelling only, as Go does
            if (!lookup(day_names, value)) return std::nullopt;
            break;
        case elem::zero_day: {
            auto v = get_num(value, true);
            if (!v) return std::nullopt;
            day = *v;
            break;
        }
        case elem::hour: {
            auto v = get_num(value, false);
            if (!v || *v >= 24) return std::nullopt;
            hour = *v;
            break;
        }
        case elem::zero_minute: {
            auto v = get_num(value, true);
            if (!v || *v >= 60) return std::nullopt;
            minute = *v;
            break;
        }
        case elem::zero_second: {
            auto v = get_num(value, true);
            if (!v || *v >= 60) return std::nullopt;
            second = *v;
            // A fraction the layout does not spell out is still read.
            bool layout_has_fraction = i + 1 < pieces.size() && pieces[i + 1].kind == elem::fraction;
            if (!layout_has_fraction && value.size() >= 2 && comma_or_period(value[0]) && is_digit(value, 1)) {
                size_t n = 2;
                while (is_digit(value, n)) ++n;
                nanos = parse_nanos(value.substr(0, n));
                value.remove_prefix(n);
            }
            break;
        }
        case elem::fraction: {
            if (value.size() < 2 || !comma_or_period(value[0]) || !is_digit(value, 1)) break;
            size_t n = 2;
            while (is_digit(value, n)) ++n;
            nanos = parse_nanos(value.substr(0, n));
            value.remove_prefix(n);
            break;
        }
        case elem::iso_colon_tz:
            if (!value.empty() && value[0] == 'Z') {
                value.remove_prefix(1);
                offset = 0;
                break;
            }
            [[fallthrough]];
        case elem::num_tz: {
            auto z = parse_zone(value, p.kind == elem::iso_colon_tz);
            if (!z) return std::nullopt;
            offset = *z;
            break;
        }
        }
    }
    if (!value.empty()) return std::nullopt;  // extra text
    if (day < 1 || day > calendar::days_in_month(year, month)) return std::nullopt;
    int64_t secs = calendar::days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offset;
    return instant{secs, nanos};
}

}  // namespace

std::optional<int64_t> parse_duration(std::string_view s) {
    bool neg = false;
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
        neg = s[0] == '-';
        s.remove_prefix(1);
    }
    if (s == "0") return 0;
    if (s.empty()) return std::nullopt;
    uint64_t d = 0;
    while (!s.empty()) {
        if (!(s[0] == '.' || (s[0] >= '0' && s[0] <= '9'))) return std::nullopt;
        size_t before = s.size();
        auto v = leading_int(s);
        if (!v) return std::nullopt;
        bool pre = before != s.size();
        bool post = false;
        uint64_t f = 0;
        double scale = 1;
        if (!s.empty() && s[0] == '.') {
            s.remove_prefix(1);
            size_t at = s.size();
            leading_fraction(s, f, scale);
            post = at != s.size();
        }
        if (!pre && !post) return std::nullopt;
        size_t i = 0;
        while (i < s.size() && s[i] != '.' && !(s[i] >= '0' && s[i] <= '9')) ++i;
        if (i == 0) return std::nullopt;  // missing unit
        auto unit = duration_unit(s.substr(0, i));
        if (!unit) return std::nullopt;
        s.remove_prefix(i);
        if (*v > max_duration / *unit) return std::nullopt;
        uint64_t value = *v * *unit;
        if (f > 0) {
            value += static_cast<uint64_t>(static_cast<double>(f) * (static_cast<double>(*unit) / scale));
            if (value > max_duration) return std::nullopt;
        }
        d += value;
        if (d > max_duration) return std::nullopt;
    }
    if (neg) return static_cast<int64_t>(0 - d);  // -(1<<63) is representable
    if (d > max_duration - 1) return std::nullopt;
    return static_cast<int64_t>(d);
}

std::optional<instant> parse_absolute_time(std::string_view s) {
    for (layout l : layouts)
        if (auto t = parse_layout(l, s)) return t;
    return std::nullopt;
}

std::optional<instant> parse_time(std::string_view s, instant now) {
    if (auto d = parse_duration(s)) {
        // now - d, without overflowing: split d into seconds and nanoseconds first.
        int64_t secs = now.seconds - *d / 1'000'000'000;
        int64_t nanos = int64_t{now.nanos} - *d % 1'000'000'000;
        if (nanos < 0) {
            nanos += 1'000'000'000;
            --secs;
        } else if (nanos >= 1'000'000'000) {
            nanos -= 1'000'000'000;
            ++secs;
        }
        return instant{secs, static_cast<int32_t>(nanos)};
    }
    return parse_absolute_time(s);
}

bool valid_timestamp(instant t) {
    constexpr int64_t min_seconds = -62135596800;  // 0001-01-01T00:00:00Z
    constexpr int64_t max_seconds = 253402300799;  // 9999-12-31T23:59:59Z
    return t.seconds >= min_seconds && t.seconds <= max_seconds;
}

int64_t to_unix_nanos(instant t) {
    __int128 ns = static_cast<__int128>(t.seconds) * 1'000'000'000 + t.nanos;
    if (ns > INT64_MAX) return INT64_MAX;
    if (ns < INT64_MIN) return INT64_MIN;
    return static_cast<int64_t>(ns);
}

instant now() {
    auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                  std::chrono::system_clock::now().time_since_epoch())
                  .count();
    int64_t secs = ns / 1'000'000'000;
    int64_t nanos = ns % 1'000'000'000;
    if (nanos < 0) {
        nanos += 1'000'000'000;
        --secs;
    }
    return instant{secs, static_cast<int32_t>(nanos)};
}

}  // namespace flowgrep::go
