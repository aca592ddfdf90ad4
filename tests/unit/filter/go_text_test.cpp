// Go's quoting and number parsing as Hubble's messages and value checks use them.
#include <catch2/catch_test_macros.hpp>

#include "filter/go_text.h"

using namespace flowgrep;

TEST_CASE("strconv.Quote and QuoteRune", "[go]") {
    CHECK(go_text::quote("abc") == R"("abc")");
    CHECK(go_text::quote("a\"b\\c") == R"("a\"b\\c")");
    CHECK(go_text::quote("tab\there\n") == R"("tab\there\n")");
    CHECK(go_text::quote(std::string_view("\x01\x7f", 2)) == R"("\x01\x7f")");
    CHECK(go_text::quote("caf\u00e9") == "\"caf\u00e9\"");
    CHECK(go_text::quote("\xff") == R"("\xff")");
    CHECK(go_text::quote("\u00a0") == R"("\u00a0")");
    CHECK(go_text::quote_rune(' ') == "' '");
    CHECK(go_text::quote_rune('\'') == R"('\'')");
    CHECK(go_text::quote_rune('"') == R"('"')");
    CHECK(go_text::quote_rune(0xFFFD) == "'\uFFFD'");
}

TEST_CASE("strconv.ParseUint and ParseInt", "[go]") {
    std::string why;
    CHECK(go_text::parse_uint("080", 16) == 80u);
    CHECK(go_text::parse_uint("65535", 16) == 65535u);
    CHECK_FALSE(go_text::parse_uint("65536", 16, &why));
    CHECK(why == R"(strconv.ParseUint: parsing "65536": value out of range)");
    CHECK_FALSE(go_text::parse_uint("70000x", 16, &why));
    CHECK(why == R"(strconv.ParseUint: parsing "70000x": value out of range)");
    CHECK_FALSE(go_text::parse_uint("1_000", 16, &why));
    CHECK(why == R"(strconv.ParseUint: parsing "1_000": invalid syntax)");
    CHECK_FALSE(go_text::parse_uint("", 16, &why));
    CHECK(why == R"(strconv.ParseUint: parsing "": invalid syntax)");
    CHECK_FALSE(go_text::parse_uint("+1", 16));
    CHECK(go_text::parse_uint("18446744073709551615", 64) == 18446744073709551615ull);
    CHECK_FALSE(go_text::parse_uint("18446744073709551616", 64));

    CHECK(go_text::parse_int64("-5") == -5);
    CHECK(go_text::parse_int64("+5") == 5);
    CHECK(go_text::parse_int64("9223372036854775807") == INT64_MAX);
    CHECK(go_text::parse_int64("-9223372036854775808") == INT64_MIN);
    CHECK_FALSE(go_text::parse_int64("9223372036854775808"));
    CHECK_FALSE(go_text::parse_int64("-"));
    CHECK_FALSE(go_text::parse_int64("1.5"));
}

TEST_CASE("TrimSpace and ToLower", "[go]") {
    CHECK(go_text::trim_space("  a b \t\n") == "a b");
    CHECK(go_text::trim_space("\u00a0x\u3000") == "x");
    CHECK(go_text::trim_space("   ") == "");
    CHECK(go_text::to_lower("ABC.Example") == "abc.example");
    CHECK(go_text::to_lower("\u212A") == "k");
}
