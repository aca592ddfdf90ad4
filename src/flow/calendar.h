// Proleptic Gregorian calendar arithmetic in UTC, the one place that turns dates into days since the
// epoch and back (Howard Hinnant's algorithms). Timestamps are read in the parser and in --since/
// --until, and written by the printers; all three use these.
#pragma once

#include <cstdint>

namespace flowgrep::calendar {

constexpr bool is_leap(int64_t year) {
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

constexpr int days_in_month(int64_t year, int month) {
    constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

constexpr int64_t floor_div(int64_t a, int64_t b) {
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

// Days since 1970-01-01 of year-month-day (month 1-12).
constexpr int64_t days_from_civil(int64_t y, int m, int d) {
    y -= m <= 2;
    const int64_t era = floor_div(y, 400);
    const int64_t yoe = y - era * 400;
    const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

struct civil_time {
    int64_t year;
    int month, day, hour, minute, second;
    int weekday;  // 0 = Sunday
};

// The UTC calendar time of a count of seconds since the epoch.
constexpr civil_time civil_from_seconds(int64_t seconds) {
    const int64_t days = floor_div(seconds, 86400);
    const int64_t of_day = seconds - days * 86400;
    civil_time t{};
    t.hour = static_cast<int>(of_day / 3600);
    t.minute = static_cast<int>(of_day / 60 % 60);
    t.second = static_cast<int>(of_day % 60);
    const int64_t weekday = (days + 4) % 7;  // 1970-01-01 was a Thursday
    t.weekday = static_cast<int>(weekday < 0 ? weekday + 7 : weekday);

    const int64_t z = days + 719468;
    const int64_t era = floor_div(z, 146097);
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    t.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    t.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    t.year = yoe + era * 400 + (t.month <= 2 ? 1 : 0);
    return t;
}

static_assert(days_from_civil(1970, 1, 1) == 0);
static_assert(days_from_civil(2000, 3, 1) == 11017);
static_assert(civil_from_seconds(951782400).day == 29);  // 2000-02-29

}  // namespace flowgrep::calendar
