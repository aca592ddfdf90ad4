// Go's strconv as flowgrep reproduces it: ParseUint with and without base prefixes, ParseInt,
// ParseBool, and the %q quoting that Hubble's error messages and node-status lines embed.
#include <catch2/catch_test_macros.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "go/strconv.h"

using namespace flowgrep;

namespace {

std::optional<std::uint64_t> parsed(std::string_view s, int base, int bits) {
    auto r = go::parse_uint(s, base, bits);
    return r.ok() ? std::optional<std::uint64_t>(r.value) : std::nullopt;
}

std::string parse_message(std::string_view s, int bits) {
    return go::parse_uint_message(s, go::parse_uint(s, 10, bits).error);
}

std::string quoted(std::string_view text) {
    std::string out;
    go::append_quoted(out, text);
    return out;
}

}  // namespace

TEST_CASE("ParseUint with base prefixes", "[go][strconv]") {
    CHECK(parsed("010", 0, 32) == 8);
    CHECK(parsed("0", 0, 32) == 0);
    CHECK(parsed("0x10", 0, 32) == 16);
    CHECK(parsed("0X1f", 0, 32) == 31);
    CHECK(parsed("0b11", 0, 32) == 3);
    CHECK(parsed("0o17", 0, 32) == 15);
    CHECK(parsed("1_000", 0, 32) == 1000);
    CHECK(parsed("0x_1", 0, 32) == 1);
    CHECK(parsed("0_7", 0, 32) == 7);
    CHECK(parsed("4294967295", 0, 32) == 4294967295u);
    CHECK(parsed("18446744073709551615", 0, 64) == UINT64_MAX);
    for (std::string_view bad : {"", "_1", "1_", "1__0", "0x", "0b", "08", "-1", "+1", " 1", "1e3", "0x1g"})
        CHECK(go::parse_uint(bad, 0, 32).error == go::num_error::syntax);
    CHECK(go::parse_uint("4294967296", 0, 32).error == go::num_error::range);
    CHECK(go::parse_uint("4294967296", 0, 32).value == UINT32_MAX);  // Go returns the bound
}

TEST_CASE("ParseUint in base 10", "[go][strconv]") {
    CHECK(parsed("010", 10, 32) == 10);
    CHECK(parsed("080", 10, 16) == 80u);
    CHECK(parsed("65535", 10, 16) == 65535u);
    CHECK(parsed("18446744073709551615", 10, 64) == 18446744073709551615ull);
    CHECK_FALSE(parsed("18446744073709551616", 10, 64));
    CHECK_FALSE(parsed("+1", 10, 16));
    CHECK(go::parse_uint("1_0", 10, 32).error == go::num_error::syntax);
    CHECK(go::parse_uint("0x10", 10, 32).error == go::num_error::syntax);
    // Go reports the first problem it meets from the left, so an overflow beats a bad digit.
    CHECK(go::parse_uint("99999999999x", 10, 32).error == go::num_error::range);
}

TEST_CASE("ParseUint messages", "[go][strconv]") {
    CHECK(go::parse_uint_message("x", go::num_error::syntax) == R"(strconv.ParseUint: parsing "x": invalid syntax)");
    CHECK(parse_message("65536", 16) == R"(strconv.ParseUint: parsing "65536": value out of range)");
    CHECK(parse_message("70000x", 16) == R"(strconv.ParseUint: parsing "70000x": value out of range)");
    CHECK(parse_message("1_000", 16) == R"(strconv.ParseUint: parsing "1_000": invalid syntax)");
    CHECK(parse_message("", 16) == R"(strconv.ParseUint: parsing "": invalid syntax)");
}

TEST_CASE("ParseInt", "[go][strconv]") {
    CHECK(go::parse_int64("-5") == -5);
    CHECK(go::parse_int64("+5") == 5);
    CHECK(go::parse_int64("9223372036854775807") == INT64_MAX);
    CHECK(go::parse_int64("-9223372036854775808") == INT64_MIN);
    CHECK_FALSE(go::parse_int64("9223372036854775808"));
    CHECK_FALSE(go::parse_int64("-"));
    CHECK_FALSE(go::parse_int64(""));
    CHECK_FALSE(go::parse_int64("1.5"));
    CHECK_FALSE(go::parse_int64("0x10"));
}

TEST_CASE("ParseBool", "[go][strconv]") {
    for (std::string_view t : {"1", "t", "T", "TRUE", "true", "True"}) CHECK(go::parse_bool(t) == true);
    for (std::string_view f : {"0", "f", "F", "FALSE", "false", "False"}) CHECK(go::parse_bool(f) == false);
    for (std::string_view bad : {"", "yes", "tRUE", "on", "2"}) CHECK_FALSE(go::parse_bool(bad).has_value());
    CHECK(go::parse_bool_message("on") == R"(strconv.ParseBool: parsing "on": invalid syntax)");
}

TEST_CASE("Quote: plain text, quotes and backslashes", "[go][strconv][quote]") {
    CHECK(go::quote("abc") == R"("abc")");
    CHECK(go::quote("a\"b\\c") == R"("a\"b\\c")");
    CHECK(quoted("") == "\"\"");
    CHECK(quoted("rpc error: code = Unavailable") == "\"rpc error: code = Unavailable\"");
    CHECK(quoted("a \"b\" \\c") == "\"a \\\"b\\\" \\\\c\"");
    CHECK(quoted("it's") == "\"it's\"");
}

TEST_CASE("Quote appends to what is there", "[go][strconv][quote]") {
    std::string out = "message: ";
    go::append_quoted(out, "x");
    CHECK(out == "message: \"x\"");
}

TEST_CASE("Quote: control characters", "[go][strconv][quote]") {
    CHECK(go::quote("tab\there\n") == R"("tab\there\n")");
    CHECK(go::quote("a\nb\tc\x01\x7f") == R"("a\nb\tc\x01\x7f")");
    CHECK(go::quote(std::string_view("\x01\x7f", 2)) == R"("\x01\x7f")");
    CHECK(quoted("\a\b\f\n\r\t\v") == "\"\\a\\b\\f\\n\\r\\t\\v\"");
    CHECK(quoted(std::string_view("\0\x01\x1b\x7f", 4)) == "\"\\x00\\x01\\x1b\\x7f\"");
}

TEST_CASE("Quote: UTF-8 kept when printable, escaped otherwise", "[go][strconv][quote]") {
    CHECK(go::quote("caf\xc3\xa9") == "\"caf\xc3\xa9\"");
    CHECK(go::quote("\xf0\x9f\x98\x80") == "\"\xf0\x9f\x98\x80\"");
    CHECK(quoted("héllo 日本 🙂") == "\"héllo 日本 🙂\"");
    CHECK(go::quote("\xc2\xa0") == R"("\u00a0")");    // no-break space is not printable in Go
    CHECK(quoted("\u0085") == "\"\\u0085\"");         // C1 control
    CHECK(quoted("a\u200bb") == "\"a\\u200bb\"");     // zero-width space (format)
    CHECK(go::quote("\xe2\x80\xa8") == R"("\u2028")");
    CHECK(quoted("\ufeff") == "\"\\ufeff\"");
    CHECK(quoted("\U000f0000") == "\"\\U000f0000\"");  // private use
    CHECK(quoted("\ufffd") == "\"\ufffd\"");           // an encoded replacement character is fine
}

// Each of these was printed as is by one of the three quoting functions merged into go::quote.
TEST_CASE("Quote: the runes the old quoting functions disagreed on", "[go][strconv][quote]") {
    CHECK(quoted("\u0600") == R"("\u0600")");          // Arabic number sign (format)
    CHECK(quoted("\u180e") == R"("\u180e")");          // Mongolian vowel separator (format)
    CHECK(quoted("\u08e2") == R"("\u08e2")");          // Arabic disputed end of ayah (format)
    CHECK(quoted("\uffff") == R"("\uffff")");          // non-character
    CHECK(quoted("\ufdd0") == R"("\ufdd0")");          // non-character
    CHECK(quoted("\U0001d173") == R"("\U0001d173")");  // musical symbol begin beam (format)
    CHECK(quoted("\u2065") == R"("\u2065")");          // unassigned
    CHECK(quoted("\U000e0000") == R"("\U000e0000")");  // unassigned, before the tags
}

TEST_CASE("Quote: invalid UTF-8 bytes as \\x", "[go][strconv][quote]") {
    CHECK(go::quote("\xff") == R"("\xff")");
    CHECK(quoted("a\xff" "b") == "\"a\\xffb\"");
    CHECK(quoted("\xc3") == "\"\\xc3\"");                   // truncated sequence
    CHECK(quoted("\xc0\xaf") == "\"\\xc0\\xaf\"");          // overlong
    CHECK(quoted("\xed\xa0\x80") == "\"\\xed\\xa0\\x80\"");  // surrogate
    CHECK(quoted("\xf4\x90\x80\x80") == "\"\\xf4\\x90\\x80\\x80\"");  // past U+10FFFF
}

TEST_CASE("QuoteRune", "[go][strconv][quote]") {
    CHECK(go::quote_rune(' ') == "' '");
    CHECK(go::quote_rune('\'') == R"('\'')");
    CHECK(go::quote_rune('"') == R"('"')");
    CHECK(go::quote_rune(0xFFFD) == "'\uFFFD'");
    CHECK(go::quote_rune('\n') == R"('\n')");
    CHECK(go::quote_rune(0xA0) == R"('\u00a0')");
    CHECK(go::quote_rune(0xD800) == "'\uFFFD'");  // not a valid rune: Go quotes U+FFFD instead
    CHECK(go::quote_rune(0x110000) == "'\uFFFD'");
}
