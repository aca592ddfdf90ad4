// The Go library behaviour flag values go through that lives with the command line: encoding/csv's
// first record, time.ParseDuration and the suggestion helper (strconv is tested in tests/unit/go/).
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers.hpp>

#include "cli/csv_record.h"
#include "cli/go_time.h"
#include "text/suggest.h"

using namespace flowgrep;

TEST_CASE("csv record", "[cli][go]") {
    using v = std::vector<std::string>;
    CHECK(go::read_csv_record("").empty());
    CHECK(go::read_csv_record("a") == v{"a"});
    CHECK(go::read_csv_record("a,b") == v{"a", "b"});
    CHECK(go::read_csv_record("a,") == v{"a", ""});
    CHECK(go::read_csv_record(R"("a,b",c)") == v{"a,b", "c"});
    CHECK(go::read_csv_record(R"("a""b")") == v{"a\"b"});
    CHECK(go::read_csv_record("a\nb") == v{"a"});
    CHECK_THROWS_WITH(go::read_csv_record(R"(a"b)"), R"(parse error on line 1, column 2: bare " in non-quoted-field)");
    CHECK_THROWS_AS(go::read_csv_record(R"("a"b)"), std::invalid_argument);
    CHECK_THROWS_AS(go::read_csv_record(R"("ab)"), std::invalid_argument);
}

TEST_CASE("ParseDuration", "[cli][go][time]") {
    CHECK(go::parse_duration("0") == 0);
    CHECK(go::parse_duration("-0") == 0);
    CHECK(go::parse_duration("3s") == 3'000'000'000);
    CHECK(go::parse_duration("1h30m") == 5'400'000'000'000);
    CHECK(go::parse_duration("1.5h") == 5'400'000'000'000);
    CHECK(go::parse_duration(".5s") == 500'000'000);
    CHECK(go::parse_duration("5.s") == 5'000'000'000);
    CHECK(go::parse_duration("300ms") == 300'000'000);
    CHECK(go::parse_duration("1us") == 1000);
    CHECK(go::parse_duration("1\u03bcs") == 1000);
    CHECK(go::parse_duration("7ns") == 7);
    CHECK(go::parse_duration("-2m") == -120'000'000'000);
    CHECK(go::parse_duration("2562047h") == 2562047LL * 3'600'000'000'000);
    CHECK(go::parse_duration("-9223372036854775808ns") == INT64_MIN);
    for (std::string_view bad : {"", "5", "1d", "h", ".s", "1.h5", "3 s", "s3", "9223372036854775808ns", "2562048h",
                                 "1hh", "-", "+"})
        CHECK_FALSE(go::parse_duration(bad).has_value());
}

TEST_CASE("timestamps", "[cli][go][time]") {
    CHECK(go::parse_absolute_time("0001-01-01") == go::instant{-62135596800, 0});
    CHECK(go::valid_timestamp({-62135596800, 0}));
    CHECK_FALSE(go::valid_timestamp(*go::parse_absolute_time("0000-12-31")));
    CHECK(go::parse_absolute_time("9999-12-31T23:59:59.999999999Z") == go::instant{253402300799, 999999999});
    CHECK_FALSE(go::valid_timestamp(*go::parse_absolute_time("9999-12-31T23:59:59-01:00")));
    CHECK(go::to_unix_nanos({253402300799, 0}) == INT64_MAX);
    CHECK(go::to_unix_nanos({-62135596800, 0}) == INT64_MIN);
    CHECK(go::to_unix_nanos({-1, 500'000'000}) == -500'000'000);
    CHECK(go::parse_time("1s", {100, 0}) == go::instant{99, 0});
    CHECK(go::parse_time("1ns", {100, 0}) == go::instant{99, 999'999'999});
    CHECK(go::parse_time("-1ns", {100, 999'999'999}) == go::instant{101, 0});
}

TEST_CASE("nearest names", "[cli][suggest]") {
    const std::vector<std::string> names = {"trace", "drop", "l7", "trace-sock", "policy-verdict"};
    CHECK(nearest_name("tarce", names) == "trace");
    CHECK(nearest_name("TRACE", names) == "trace");
    CHECK(nearest_name("polic", names) == "policy-verdict");
    CHECK(nearest_name("dorp", names) == "drop");
    CHECK_FALSE(nearest_name("foo", names).has_value());
    CHECK_FALSE(nearest_name("", names).has_value());
    CHECK_FALSE(nearest_name("x", {"y"}).has_value());
    CHECK(did_you_mean("l8", names) == " (did you mean l7?)");
    CHECK(did_you_mean("verdit", {"verdict"}, "--") == " (did you mean --verdict?)");
}
