// time_formatter: timestamps written in every --time-format layout, dates from flow/calendar.h
// (and written digit by digit, so formatting a flow's time never allocates).
#include "output/time_format.h"

#include "flow/calendar.h"
#include "text/ascii.h"

#include <array>

namespace flowgrep {

namespace {

// protobuf's Timestamp.IsValid bounds: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z.
constexpr int64_t min_valid_seconds = -62135596800;
constexpr int64_t max_valid_seconds = 253402300799;

constexpr std::string_view month_names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::string_view day_names[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

using calendar::civil_time;
using calendar::civil_from_seconds;
using calendar::floor_div;

class writer {
public:
    explicit writer(char* p) : start_(p), p_(p) {}
    void text(std::string_view s) {
        for (char c : s) *p_++ = c;
    }
    void ch(char c) { *p_++ = c; }
    void digits(int value, int width) {
        for (int i = width - 1; i >= 0; --i) {
            p_[i] = static_cast<char>('0' + value % 10);
            value /= 10;
        }
        p_ += width;
    }
    void date(const civil_time& t) {  // 2006-01-02
        digits(t.year, 4);
        ch('-');
        digits(t.month, 2);
        ch('-');
        digits(t.day, 2);
    }
    void clock(const civil_time& t) {  // 15:04:05
        digits(t.hour, 2);
        ch(':');
        digits(t.minute, 2);
        ch(':');
        digits(t.second, 2);
    }
    size_t length() const { return static_cast<size_t>(p_ - start_); }

private:
    char* start_;
    char* p_;
};

// The fraction of Go's ".999..." layouts: `width` digits with trailing zeros dropped, and no dot at
// all when nothing is left.
void append_trimmed_fraction(std::string& out, int32_t nanos, int width) {
    int value = nanos;
    for (int i = width; i < 9; ++i) value /= 10;
    if (value == 0) return;
    while (value % 10 == 0) {
        value /= 10;
        --width;
    }
    char buf[10];
    buf[0] = '.';
    for (int i = width; i >= 1; --i) {
        buf[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
    out.append(buf, static_cast<size_t>(width) + 1);
}

}  // namespace

namespace {

// The --time-format names, in the order --help lists them.
constexpr std::array<std::pair<std::string_view, time_layout>, 9> layout_names{{
    {"StampMilli", time_layout::stamp_milli},
    {"YearMonthDay", time_layout::year_month_day},
    {"YearMonthDayHour", time_layout::year_month_day_hour},
    {"YearMonthDayHourMinute", time_layout::year_month_day_hour_minute},
    {"RFC3339", time_layout::rfc3339},
    {"RFC3339Milli", time_layout::rfc3339_milli},
    {"RFC3339Micro", time_layout::rfc3339_micro},
    {"RFC3339Nano", time_layout::rfc3339_nano},
    {"RFC1123Z", time_layout::rfc1123z},
}};

}  // namespace

time_layout time_layout_from_name(std::string_view name) {
    for (const auto& [n, layout] : layout_names)
        if (ascii_equal_fold(n, name)) return layout;
    return time_layout::stamp_milli;
}

std::vector<std::string_view> time_layout_names() {
    std::vector<std::string_view> out;
    for (const auto& entry : layout_names) out.push_back(entry.first);
    return out;
}

void time_formatter::append(std::string& out, const timestamp& ts) {
    if (!ts.present || ts.seconds < min_valid_seconds || ts.seconds > max_valid_seconds ||
        ts.nanos < 0 || ts.nanos > 999'999'999) {
        out.append("N/A");
        return;
    }

    if (cached_ && cached_seconds_ != ts.seconds && clock_offset_ != 0 &&
        floor_div(ts.seconds, 86400) == floor_div(cached_seconds_, 86400)) {
        // Same day, another second: only the clock changes, and it sits at a fixed place.
        const int64_t of_day = ts.seconds - floor_div(ts.seconds, 86400) * 86400;
        civil_time t{};
        t.hour = static_cast<int>(of_day / 3600);
        t.minute = static_cast<int>(of_day / 60 % 60);
        t.second = static_cast<int>(of_day % 60);
        writer w(cached_text_ + clock_offset_);
        w.clock(t);
        cached_seconds_ = ts.seconds;
    } else if (!cached_ || cached_seconds_ != ts.seconds) {
        civil_time t = civil_from_seconds(ts.seconds);
        writer w(cached_text_);
        switch (layout_) {
        case time_layout::stamp_milli:
            w.text(month_names[t.month - 1]);
            w.ch(' ');
            if (t.day < 10)
                w.ch(' ');
            else
                w.ch(static_cast<char>('0' + t.day / 10));
            w.ch(static_cast<char>('0' + t.day % 10));
            w.ch(' ');
            clock_offset_ = static_cast<uint8_t>(w.length());
            w.clock(t);
            break;
        case time_layout::year_month_day:
            w.date(t);
            break;
        case time_layout::year_month_day_hour:
            w.date(t);
            w.ch('T');
            w.digits(t.hour, 2);
            w.ch('Z');
            break;
        case time_layout::year_month_day_hour_minute:
            w.date(t);
            w.ch('T');
            w.digits(t.hour, 2);
            w.ch(':');
            w.digits(t.minute, 2);
            w.ch('Z');
            break;
        case time_layout::rfc3339:
        case time_layout::rfc3339_milli:
        case time_layout::rfc3339_micro:
        case time_layout::rfc3339_nano:
            w.date(t);
            w.ch('T');
            clock_offset_ = static_cast<uint8_t>(w.length());
            w.clock(t);
            break;
        case time_layout::rfc1123z:
            w.text(day_names[t.weekday]);
            w.text(", ");
            w.digits(t.day, 2);
            w.ch(' ');
            w.text(month_names[t.month - 1]);
            w.ch(' ');
            w.digits(t.year, 4);
            w.ch(' ');
            clock_offset_ = static_cast<uint8_t>(w.length());
            w.clock(t);
            w.text(" +0000");
            break;
        }
        cached_ = true;
        cached_seconds_ = ts.seconds;
        cached_length_ = static_cast<uint8_t>(w.length());
    }
    out.append(cached_text_, cached_length_);

    switch (layout_) {
    case time_layout::stamp_milli: {
        int millis = ts.nanos / 1'000'000;
        char buf[4] = {'.', static_cast<char>('0' + millis / 100),
                       static_cast<char>('0' + millis / 10 % 10), static_cast<char>('0' + millis % 10)};
        out.append(buf, 4);
        break;
    }
    case time_layout::rfc3339:
        out.push_back('Z');
        break;
    case time_layout::rfc3339_milli:
        append_trimmed_fraction(out, ts.nanos, 3);
        out.push_back('Z');
        break;
    case time_layout::rfc3339_micro:
        append_trimmed_fraction(out, ts.nanos, 6);
        out.push_back('Z');
        break;
    case time_layout::rfc3339_nano:
        append_trimmed_fraction(out, ts.nanos, 9);
        out.push_back('Z');
        break;
    default:
        break;
    }
}

}  // namespace flowgrep
