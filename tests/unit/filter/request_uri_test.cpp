// The path the http_path filter reads: Go's url.ParseRequestURI, then %-decoding.
#include <catch2/catch_test_macros.hpp>

#include <optional>
#include <string>

#include "filter/request_uri.h"

using namespace flowgrep;

namespace {

std::optional<std::string> path_of(std::string_view url) {
    std::string scratch;
    auto p = request_uri_path(url, scratch);
    if (!p) return std::nullopt;
    return std::string(*p);
}

}  // namespace

TEST_CASE("request-URI paths", "[uri]") {
    CHECK(path_of("/search") == "/search");
    CHECK(path_of("/search%20me") == "/search me");
    CHECK(path_of("/caf%C3%A9?x=1") == "/café");
    CHECK(path_of("http://example.com/a/b?q=1") == "/a/b");
    CHECK(path_of("HTTP://example.com:8080/a") == "/a");
    CHECK(path_of("http://user:pass@example.com/a") == "/a");
    CHECK(path_of("http://[fe80::1%25eth0]:80/v6") == "/v6");
    CHECK(path_of("http://example.com") == "");
    CHECK(path_of("http:/just/path") == "/just/path");
    CHECK(path_of("mailto:someone") == "");  // opaque
    CHECK(path_of("//host/path") == "//host/path");  // no scheme: no authority either
    CHECK(path_of("/a#frag") == "/a#frag");          // request-URIs keep '#'
    CHECK(path_of("/a+b") == "/a+b");
    CHECK(path_of("*") == "*");
    CHECK(path_of("/x?") == "/x");
}

TEST_CASE("URLs Go rejects give no path", "[uri]") {
    CHECK_FALSE(path_of(""));
    CHECK_FALSE(path_of("search"));
    CHECK_FALSE(path_of("example.com/a"));
    CHECK_FALSE(path_of(":foo"));
    CHECK_FALSE(path_of("/a%2"));
    CHECK_FALSE(path_of("/a%zz"));
    CHECK_FALSE(path_of("/a\nb"));
    CHECK_FALSE(path_of("/a\x7f"));
    CHECK_FALSE(path_of("http://exa mple.com/a"));
    CHECK_FALSE(path_of("http://example.com:80x/a"));
    CHECK_FALSE(path_of("http://[::1/a"));
    CHECK_FALSE(path_of("http://ex%41mple.com/a"));
    CHECK_FALSE(path_of("http://us er@example.com/a"));
    CHECK(path_of("http://ex%C3%A9.com/a") == "/a");  // non-ASCII bytes may be escaped in hosts
}

TEST_CASE("the scratch buffer is reused", "[uri]") {
    std::string scratch;
    auto a = request_uri_path("/a%20b", scratch);
    REQUIRE(a);
    CHECK(*a == "/a b");
    auto b = request_uri_path("/plain", scratch);
    REQUIRE(b);
    CHECK(*b == "/plain");
    CHECK(b->data() != scratch.data());  // unescaped paths point into the URL
}
