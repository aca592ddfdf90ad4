// ASCII case folding: letters fold, nothing else does (UTF-8 bytes included).
#include <catch2/catch_test_macros.hpp>

#include "text/ascii.h"

using namespace flowgrep;

TEST_CASE("ASCII case folding", "[text]") {
    CHECK(ascii_lower('A') == 'a');
    CHECK(ascii_lower('z') == 'z');
    CHECK(ascii_lower('@') == '@');
    CHECK(ascii_upper('q') == 'Q');
    CHECK(ascii_equal_fold("RFC3339Nano", "rfc3339nano"));
    CHECK_FALSE(ascii_equal_fold("GET", "GE"));
    CHECK_FALSE(ascii_equal_fold("[", "{"));  // 0x5B and 0x7B differ by the case bit, but are no letters
    CHECK_FALSE(ascii_equal_fold("\xc3\x89", "\xc3\xa9"));  // É and é: only ASCII folds
    std::string out = "x";
    append_ascii_lower(out, "HTTP-Response");
    CHECK(out == "xhttp-response");
}
