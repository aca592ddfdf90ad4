// Timestamps: every --time-format layout, truncation, the valid range, N/A, names without regard
// to case and the StampMilli fallback.
#include <catch2/catch_test_macros.hpp>

#include "output/time_format.h"
#include "print_test_util.h"

namespace flowgrep::test {

namespace {

std::string format(std::string_view layout_name, const timestamp& ts) {
    time_formatter f(time_layout_from_name(layout_name));
    std::string out;
    f.append(out, ts);
    return out;
}

// 2024-01-02T03:04:05.123456789Z, the example of hubble-semantics §5.2.
const timestamp example = at(jan_2_2024_03_04_05, 123'456'789);

}  // namespace

TEST_CASE("every --time-format layout", "[output][time]") {
    CHECK(format("StampMilli", example) == "Jan  2 03:04:05.123");
    CHECK(format("YearMonthDay", example) == "2024-01-02");
    CHECK(format("YearMonthDayHour", example) == "2024-01-02T03Z");
    CHECK(format("YearMonthDayHourMinute", example) == "2024-01-02T03:04Z");
    CHECK(format("RFC3339", example) == "2024-01-02T03:04:05Z");
    CHECK(format("RFC3339Milli", example) == "2024-01-02T03:04:05.123Z");
    CHECK(format("RFC3339Micro", example) == "2024-01-02T03:04:05.123456Z");
    CHECK(format("RFC3339Nano", example) == "2024-01-02T03:04:05.123456789Z");
    CHECK(format("RFC1123Z", example) == "Tue, 02 Jan 2024 03:04:05 +0000");
}

TEST_CASE("layout names ignore case; unknown names mean StampMilli", "[output][time]") {
    CHECK(time_layout_from_name("rfc3339nano") == time_layout::rfc3339_nano);
    CHECK(time_layout_from_name("RFC1123z") == time_layout::rfc1123z);
    // The choices --time-format offers are the names the formatter knows.
    const auto names = time_layout_names();
    REQUIRE(names.size() == 9);
    CHECK(names.front() == "StampMilli");
    for (size_t i = 1; i < names.size(); ++i) CHECK(time_layout_from_name(names[i]) != time_layout::stamp_milli);
    CHECK(time_layout_from_name("yearmonthdayhourminute") == time_layout::year_month_day_hour_minute);
    CHECK(time_layout_from_name("ISO8601") == time_layout::stamp_milli);
    CHECK(time_layout_from_name("") == time_layout::stamp_milli);
    CHECK(time_layout_from_name("RFC3339 ") == time_layout::stamp_milli);
}

TEST_CASE("fractions are truncated, and the .999 layouts drop trailing zeros", "[output][time]") {
    const timestamp last = at(1735689599, 999'999'999);  // 2024-12-31T23:59:59.999999999Z
    CHECK(format("StampMilli", last) == "Dec 31 23:59:59.999");
    CHECK(format("RFC3339", last) == "2024-12-31T23:59:59Z");
    CHECK(format("RFC3339Milli", last) == "2024-12-31T23:59:59.999Z");

    const timestamp whole = at(jan_2_2024_03_04_05 + 1);
    CHECK(format("StampMilli", whole) == "Jan  2 03:04:06.000");
    CHECK(format("RFC3339Milli", whole) == "2024-01-02T03:04:06Z");
    CHECK(format("RFC3339Micro", whole) == "2024-01-02T03:04:06Z");
    CHECK(format("RFC3339Nano", whole) == "2024-01-02T03:04:06Z");

    const timestamp tenth = at(jan_2_2024_03_04_05, 100'000'000);
    CHECK(format("RFC3339Milli", tenth) == "2024-01-02T03:04:05.1Z");
    CHECK(format("RFC3339Nano", at(jan_2_2024_03_04_05, 120)) == "2024-01-02T03:04:05.00000012Z");
    CHECK(format("RFC3339Milli", at(jan_2_2024_03_04_05, 999'999)) == "2024-01-02T03:04:05Z");
    CHECK(format("RFC3339Micro", at(jan_2_2024_03_04_05, 1'000)) == "2024-01-02T03:04:05.000001Z");
}

TEST_CASE("days of the month are space-padded in StampMilli only", "[output][time]") {
    const timestamp leap_day = at(1709208000, 5'000'000);  // 2024-02-29T12:00:00.005Z, a Thursday
    CHECK(format("StampMilli", leap_day) == "Feb 29 12:00:00.005");
    CHECK(format("RFC1123Z", leap_day) == "Thu, 29 Feb 2024 12:00:00 +0000");
    CHECK(format("YearMonthDay", leap_day) == "2024-02-29");
}

TEST_CASE("the edges of protobuf's valid range", "[output][time]") {
    CHECK(format("RFC3339Nano", at(-62135596800)) == "0001-01-01T00:00:00Z");
    CHECK(format("RFC1123Z", at(-62135596800)) == "Mon, 01 Jan 0001 00:00:00 +0000");
    CHECK(format("RFC3339Nano", at(253402300799, 999'999'999)) == "9999-12-31T23:59:59.999999999Z");
    CHECK(format("RFC3339", at(-1)) == "1969-12-31T23:59:59Z");
    CHECK(format("RFC1123Z", at(-1)) == "Wed, 31 Dec 1969 23:59:59 +0000");
    CHECK(format("StampMilli", at(0)) == "Jan  1 00:00:00.000");
}

TEST_CASE("missing or invalid times print N/A", "[output][time]") {
    CHECK(format("StampMilli", timestamp{}) == "N/A");
    CHECK(format("RFC3339", timestamp{}) == "N/A");
    CHECK(format("StampMilli", at(-62135596801)) == "N/A");
    CHECK(format("StampMilli", at(253402300800)) == "N/A");
    CHECK(format("StampMilli", at(0, -1)) == "N/A");
    CHECK(format("StampMilli", at(0, 1'000'000'000)) == "N/A");
}

TEST_CASE("the cached second does not leak into the next timestamp", "[output][time]") {
    time_formatter f(time_layout::rfc3339_milli);
    std::string out;
    f.append(out, at(jan_2_2024_03_04_05, 5'000'000));
    out.push_back('|');
    f.append(out, at(jan_2_2024_03_04_05, 250'000'000));
    out.push_back('|');
    f.append(out, timestamp{});
    out.push_back('|');
    f.append(out, at(jan_2_2024_03_04_05 + 60));
    CHECK(out == "2024-01-02T03:04:05.005Z|2024-01-02T03:04:05.25Z|N/A|2024-01-02T03:05:05Z");
}

TEST_CASE("the cached day is rebuilt across midnight, before 1970 too", "[output][time]") {
    const int64_t seconds[] = {1735689599, 1735689600, 1735689600 + 3723, -86401, -86400, -1, 0};
    const char* stamp[] = {"Dec 31 23:59:59.000", "Jan  1 00:00:00.000", "Jan  1 01:02:03.000",
                           "Dec 30 23:59:59.000", "Dec 31 00:00:00.000", "Dec 31 23:59:59.000",
                           "Jan  1 00:00:00.000"};
    const char* rfc1123z[] = {"Tue, 31 Dec 2024 23:59:59 +0000", "Wed, 01 Jan 2025 00:00:00 +0000",
                              "Wed, 01 Jan 2025 01:02:03 +0000", "Tue, 30 Dec 1969 23:59:59 +0000",
                              "Wed, 31 Dec 1969 00:00:00 +0000", "Wed, 31 Dec 1969 23:59:59 +0000",
                              "Thu, 01 Jan 1970 00:00:00 +0000"};
    const char* hour[] = {"2024-12-31T23Z", "2025-01-01T00Z", "2025-01-01T01Z", "1969-12-30T23Z",
                          "1969-12-31T00Z", "1969-12-31T23Z", "1970-01-01T00Z"};
    time_formatter a(time_layout::stamp_milli), b(time_layout::rfc1123z),
        c(time_layout::year_month_day_hour);
    for (size_t i = 0; i < std::size(seconds); ++i) {
        std::string sa, sb, sc;
        a.append(sa, at(seconds[i]));
        b.append(sb, at(seconds[i]));
        c.append(sc, at(seconds[i]));
        CHECK(sa == stamp[i]);
        CHECK(sb == rfc1123z[i]);
        CHECK(sc == hour[i]);
    }
}

TEST_CASE("compact, dict and table follow --time-format", "[output][time]") {
    response r = tcp_flow("10.0.0.1", 1, "10.0.0.2", 2);
    r.flow.time = example;
    output_settings o;
    o.time_format = "RFC3339Nano";
    CHECK(print_all(o, r).out.starts_with("2024-01-02T03:04:05.123456789Z: 10.0.0.1:1"));
    o.format = output_format::dict;
    CHECK(print_all(o, r).out.starts_with("  TIMESTAMP: 2024-01-02T03:04:05.123456789Z\n"));
    o.format = output_format::table;
    o.time_format = "YearMonthDay";
    CHECK(print_all(o, r).out ==
          "TIMESTAMP    SOURCE       DESTINATION   TYPE      VERDICT           SUMMARY\n"
          "2024-01-02   10.0.0.1:1   10.0.0.2:2    UNKNOWN   VERDICT_UNKNOWN   \n");
}

}  // namespace flowgrep::test
