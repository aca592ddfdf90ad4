// Go's unicode/utf8, unicode and strings behaviour as flowgrep reproduces it: decoding with U+FFFD
// for bad bytes, IsPrint, IsSpace, TrimSpace and ToLower.
#include <catch2/catch_test_macros.hpp>

#include <string>
#include <string_view>

#include "go/unicode.h"

using namespace flowgrep;

namespace {

struct step {
    char32_t rune;
    std::size_t width;
    bool operator==(const step&) const = default;
};

step decoded(std::string_view s, std::size_t pos = 0) {
    auto d = go::decode_rune(s, pos);
    return {d.rune, d.width};
}

std::string encoded(char32_t r) {
    std::string out;
    go::append_rune(out, r);
    return out;
}

}  // namespace

TEST_CASE("DecodeRune: valid sequences", "[go][utf8]") {
    CHECK(decoded("a") == step{'a', 1});
    CHECK(decoded("\xc3\xa9") == step{0xE9, 2});
    CHECK(decoded("\xe6\x97\xa5") == step{0x65E5, 3});
    CHECK(decoded("\xf0\x9f\x99\x82") == step{0x1F642, 4});
    CHECK(decoded("\xf4\x8f\xbf\xbf") == step{0x10FFFF, 4});
    CHECK(decoded("\xef\xbf\xbd") == step{0xFFFD, 3});
    CHECK_FALSE(go::decode_rune("\xef\xbf\xbd").invalid());  // a real U+FFFD is not a bad byte
    CHECK(decoded("x\xc3\xa9", 1) == step{0xE9, 2});
}

TEST_CASE("DecodeRune: bad bytes are U+FFFD, one byte wide", "[go][utf8]") {
    for (std::string_view bad : {"\x80", "\xbf", "\xc0\x80", "\xc1\xbf", "\xc3", "\xc3x", "\xe0\x80\x80",
                                 "\xe0\x9f\xbf", "\xed\xa0\x80", "\xed\xbf\xbf", "\xe6\x97", "\xf0\x8f\xbf\xbf",
                                 "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xf0\x9f\x99", "\xff"}) {
        CAPTURE(bad);
        CHECK(decoded(bad) == step{0xFFFD, 1});
        CHECK(go::decode_rune(bad).invalid());
    }
    CHECK(decoded("") == step{0xFFFD, 0});
    CHECK(decoded("a", 1) == step{0xFFFD, 0});
}

TEST_CASE("AppendRune", "[go][utf8]") {
    CHECK(encoded('a') == "a");
    CHECK(encoded(0xE9) == "\xc3\xa9");
    CHECK(encoded(0x65E5) == "\xe6\x97\xa5");
    CHECK(encoded(0x1F642) == "\xf0\x9f\x99\x82");
    CHECK(encoded(0xD800) == "\xef\xbf\xbd");  // surrogates and values past U+10FFFF are U+FFFD
    CHECK(encoded(0x110000) == "\xef\xbf\xbd");
}

TEST_CASE("IsPrint", "[go][unicode]") {
    for (char32_t r : {U' ', U'a', U'~', U'\u00a1', U'\u00e9', U'\u00ff', U'\u65e5', U'\U0001f642', U'\ufffd',
                       U'\u2010', U'\U000e0100'})
        CHECK(go::is_printable(r));
    for (char32_t r : {U'\0', U'\x1f', U'\x7f', U'\u0085', U'\u00a0', U'\u00ad', U'\u0600', U'\u0890', U'\u08e2',
                       U'\u180e', U'\u2000', U'\u200b', U'\u2028', U'\u202a', U'\u205f', U'\u2065',
                       U'\u3000', U'\ue000', U'\ufeff', U'\ufdd0', U'\ufffe', U'\U0001fffe', U'\U000110bd',
                       U'\U00013430', U'\U0001bca0', U'\U0001d173', U'\U000e0000', U'\U000e0001',
                       U'\U000e007f', U'\U000f0000', U'\U0010fffd'})
        CHECK_FALSE(go::is_printable(r));
    CHECK_FALSE(go::is_printable(0xD800));
}

TEST_CASE("IsSpace", "[go][unicode]") {
    for (char32_t r : {U'\t', U'\n', U'\v', U'\f', U'\r', U' ', U'\u0085', U'\u00a0', U'\u1680', U'\u2000',
                       U'\u200a', U'\u2028', U'\u2029', U'\u202f', U'\u205f', U'\u3000'})
        CHECK(go::is_space(r));
    for (char32_t r : {U'a', U'\0', U'\u200b', U'\ufeff', U'\u180e'}) CHECK_FALSE(go::is_space(r));
}

TEST_CASE("TrimSpace and ToLower", "[go][unicode]") {
    CHECK(go::trim_space("  a b \t\n") == "a b");
    CHECK(go::trim_space("\u00a0x\u3000") == "x");
    CHECK(go::trim_space("   ") == "");
    CHECK(go::trim_space("\xff ") == "\xff");
    CHECK(go::to_lower("ABC.Example") == "abc.example");
    CHECK(go::to_lower("\u212A") == "k");
    CHECK(go::to_lower("\u0130CMP") == "icmp");
    CHECK(go::to_lower("\u00c9\u00d7") == "\u00e9\u00d7");
    CHECK(go::to_lower("A\xff") == "a\ufffd");  // strings.Map writes U+FFFD for a bad byte
}
