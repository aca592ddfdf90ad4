// The Go library behaviour flag values go through: strconv.ParseUint/ParseBool/Quote, encoding/csv's
// first record, time.ParseDuration and the suggestion helper.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers.hpp>

#include "cli/go_strconv.h"
#include "cli/go_time.h"
#include "cli/suggest.h"

using namespace flowgrep;

TEST_CASE("ParseUint with base prefixes", "[cli][go]") {
    auto ok = [](std::string_view s, int base, int bits) {
        auto r = go::parse_uint(s, base, bits);
        return r.error == go::num_error::none ? std::optional<uint64_t>(r.value) : std::nullopt;
    };
    CHECK(ok("010", 0, 32) == 8);
    CHECK(ok("0", 0, 32) == 0);
    CHECK(ok("0x10", 0, 32) == 16);
    CHECK(ok("0X1f", 0, 32) == 31);
    CHECK(ok("0b11", 0, 32) == 3);
    CHECK(ok("0o17", 0, 32) == 15);
    CHECK(ok("1_000", 0, 32) == 1000);
    CHECK(ok("0x_1", 0, 32) == 1);
    CHECK(ok("0_7", 0, 32) == 7);
    CHECK(ok("4294967295", 0, 32) == 4294967295u);
    CHECK(ok("18446744073709551615", 0, 64) == UINT64_MAX);
    for (std::string_view bad : {"", "_1", "1_", "1__0", "0x", "0b", "08", "-1", "+1", " 1", "1e3", "0x1g"})
        CHECK(go::parse_uint(bad, 0, 32).error == go::num_error::syntax);
    CHECK(go::parse_uint("4294967296", 0, 32).error == go::num_error::range);
    CHECK(go::parse_uint("99999999999x", 10, 32).error == go::num_error::range);
    CHECK(ok("010", 10, 32) == 10);
    CHECK(go::parse_uint("1_0", 10, 32).error == go::num_error::syntax);
    CHECK(go::parse_uint("0x10", 10, 32).error == go::num_error::syntax);
    CHECK(go::parse_uint_message("x", go::num_error::syntax) == R"(strconv.ParseUint: parsing "x": invalid syntax)");
}

TEST_CASE("ParseBool", "[cli][go]") {
    for (std::string_view t : {"1", "t", "T", "TRUE", "true", "True"}) CHECK(go::parse_bool(t) == true);
    for (std::string_view f : {"0", "f", "F", "FALSE", "false", "False"}) CHECK(go::parse_bool(f) == false);
    for (std::string_view bad : {"", "yes", "tRUE", "on", "2"}) CHECK_FALSE(go::parse_bool(bad).has_value());
}

TEST_CASE("Quote", "[cli][go]") {
    CHECK(go::quote("abc") == R"("abc")");
    CHECK(go::quote("a\"b\\c") == R"("a\"b\\c")");
    CHECK(go::quote("a\nb\tc\x01\x7f") == R"("a\nb\tc\x01\x7f")");
    CHECK(go::quote("caf\xc3\xa9") == "\"caf\xc3\xa9\"");
    CHECK(go::quote("\xff") == R"("\xff")");
    CHECK(go::quote("\xc2\xa0") == R"("\u00a0")");
    CHECK(go::quote("\xe2\x80\xa8") == R"("\u2028")");
    CHECK(go::quote("\xf0\x9f\x98\x80") == "\"\xf0\x9f\x98\x80\"");
}

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
