// find_bytes against std::string_view::find: every needle of a text at every position, near both
// ends of the haystack, where the vector loop hands over to memmem.
#include <catch2/catch_test_macros.hpp>

#include <string>

#include "text/find_bytes.h"

using flowgrep::find_bytes;

namespace {

std::size_t position(std::string_view haystack, std::string_view needle) {
    const char* at = find_bytes(haystack, needle);
    return at == nullptr ? std::string_view::npos : static_cast<std::size_t>(at - haystack.data());
}

}  // namespace

TEST_CASE("find_bytes finds what string_view::find finds", "[find_bytes]") {
    const std::string text = R"({"flow":{"verdict":"DROPPED","source":{"namespace":"shop","pod_name":"cart-1"}},"x":"vvtt"})";
    for (std::size_t len = 0; len <= text.size(); ++len) {
        const std::string_view haystack(text.data(), len);
        for (std::size_t at = 0; at < text.size(); ++at)
            for (std::size_t n = 1; n <= 12 && at + n <= text.size(); ++n) {
                const std::string_view needle(text.data() + at, n);
                REQUIRE(position(haystack, needle) == haystack.find(needle));
            }
        REQUIRE(position(haystack, "\"verdict\"x") == haystack.find("\"verdict\"x"));
        REQUIRE(position(haystack, "zz") == std::string_view::npos);
    }
    CHECK(position("abc", "") == 0);
    CHECK(position("", "a") == std::string_view::npos);
}
