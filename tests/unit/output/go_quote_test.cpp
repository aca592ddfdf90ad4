// strconv.Quote as Hubble applies it to node-status messages.
#include <catch2/catch_test_macros.hpp>

#include "output/go_quote.h"

namespace flowgrep {

namespace {

std::string quoted(std::string_view text) {
    std::string out;
    append_go_quoted(out, text);
    return out;
}

}  // namespace

TEST_CASE("Go quoting: plain text, quotes and backslashes", "[output][quote]") {
    CHECK(quoted("") == "\"\"");
    CHECK(quoted("rpc error: code = Unavailable") == "\"rpc error: code = Unavailable\"");
    CHECK(quoted("a \"b\" \\c") == "\"a \\\"b\\\" \\\\c\"");
    CHECK(quoted("it's") == "\"it's\"");
}

TEST_CASE("Go quoting: control characters", "[output][quote]") {
    CHECK(quoted("\a\b\f\n\r\t\v") == "\"\\a\\b\\f\\n\\r\\t\\v\"");
    CHECK(quoted(std::string_view("\0\x01\x1b\x7f", 4)) == "\"\\x00\\x01\\x1b\\x7f\"");
}

TEST_CASE("Go quoting: UTF-8 kept when printable, escaped otherwise", "[output][quote]") {
    CHECK(quoted("héllo 日本 🙂") == "\"héllo 日本 🙂\"");
    CHECK(quoted("\u00a0") == "\"\\u00a0\"");       // no-break space is not printable in Go
    CHECK(quoted("\u0085") == "\"\\u0085\"");       // C1 control
    CHECK(quoted("a\u200bb") == "\"a\\u200bb\"");   // zero-width space (format)
    CHECK(quoted("\u2028") == "\"\\u2028\"");
    CHECK(quoted("\ufeff") == "\"\\ufeff\"");
    CHECK(quoted("\U000f0000") == "\"\\U000f0000\"");  // private use
    CHECK(quoted("\ufffd") == "\"\ufffd\"");           // an encoded replacement character is fine
}

TEST_CASE("Go quoting: invalid UTF-8 bytes as \\x", "[output][quote]") {
    CHECK(quoted("a\xff" "b") == "\"a\\xffb\"");
    CHECK(quoted("\xc3") == "\"\\xc3\"");                 // truncated sequence
    CHECK(quoted("\xc0\xaf") == "\"\\xc0\\xaf\"");        // overlong
    CHECK(quoted("\xed\xa0\x80") == "\"\\xed\\xa0\\x80\""); // surrogate
}

}  // namespace flowgrep
