// FQDN and node-name patterns (hubble-semantics §2.8, §2.9).
#include <catch2/catch_test_macros.hpp>

#include <string>
#include <vector>

#include "filter/filter_error.h"
#include "filter/name_pattern.h"

using namespace flowgrep;

namespace {

bool fqdn(std::vector<std::string> patterns, std::string_view name) {
    std::vector<std::string_view> names = {name};
    return fqdn_filter(patterns).matches(names);
}

bool node(std::vector<std::string> patterns, std::string_view name) { return node_name_filter(patterns).matches(name); }

template <typename Filter>
std::string error(std::vector<std::string> patterns) {
    try {
        Filter f(patterns);
    } catch (const filter_error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("FQDN patterns", "[patterns]") {
    CHECK(fqdn({"*.example.com"}, "api.example.com"));
    CHECK(fqdn({"*.example.com"}, "a.b.example.com"));
    CHECK_FALSE(fqdn({"*.example.com"}, "example.com"));
    CHECK(fqdn({"*example.com"}, "example.com"));
    CHECK(fqdn({"*example.com"}, "api.example.com"));
    CHECK(fqdn({"*"}, "one.one.one.one"));
    CHECK_FALSE(fqdn({"*"}, "foo_bar.example.com"));
    CHECK(fqdn({"foo_bar.example.com"}, "foo_bar.example.com"));
    CHECK_FALSE(fqdn({"*"}, "API.example.com"));
    CHECK_FALSE(fqdn({"example.com"}, "example.com."));
    CHECK(fqdn({"  Example.COM. "}, "example.com"));
    CHECK_FALSE(fqdn({"example.com"}, "xexample.com"));
    CHECK_FALSE(fqdn({"example.com"}, "example.comx"));
    CHECK(fqdn({"a.com", "b.com"}, "b.com"));
    CHECK_FALSE(fqdn({"a.com", "b.com"}, "a.comb.com"));
    CHECK(fqdn({"exa\u212Aple.com"}, "exakple.com"));  // KELVIN SIGN lower-cases to k

    std::vector<std::string_view> none;
    CHECK_FALSE(fqdn_filter({"*"}).matches(none));
}

TEST_CASE("FQDN pattern errors", "[patterns][errors]") {
    CHECK(error<fqdn_filter>({""}) == "empty pattern");
    CHECK(error<fqdn_filter>({" "}) == "empty pattern");
    CHECK(error<fqdn_filter>({"."}) == "empty pattern");
    CHECK(error<fqdn_filter>({"a.."}) == "multiple trailing dots in pattern");
    CHECK(error<fqdn_filter>({"foo bar"}) == "' ': invalid rune in pattern");
    CHECK(error<fqdn_filter>({"a?b"}) == "'?': invalid rune in pattern");
    CHECK(error<fqdn_filter>({"a'b"}) == "'\\'': invalid rune in pattern");
    CHECK(error<fqdn_filter>({"a\tb"}) == "'\\t': invalid rune in pattern");
    CHECK(error<fqdn_filter>({"caf\u00e9.com"}) == "'\u00e9': invalid rune in pattern");
    CHECK(error<fqdn_filter>({"ok.com", "a/b"}) == "'/': invalid rune in pattern");
}

TEST_CASE("node-name patterns", "[patterns]") {
    CHECK(node({"kind-worker"}, "kind-worker"));
    CHECK(node({"default/kind-worker"}, "kind-worker"));
    CHECK_FALSE(node({"prod/kind-worker"}, "kind-worker"));
    CHECK(node({"prod/"}, "prod/k8s-node-1.company.com"));
    CHECK(node({"k8s*"}, "prod/k8s-node-1.company.com"));
    CHECK(node({"*.company.com"}, "prod/k8s-node-1.company.com"));
    CHECK(node({"/"}, "kind_worker"));
    CHECK(node({"/"}, "prod/node_1"));
    CHECK_FALSE(node({"*"}, "kind_worker"));
    CHECK(node({"*"}, "kind-worker"));
    CHECK(node({"/kind-worker"}, "other/kind-worker"));
    CHECK(node({"de*/kind-worker"}, "kind-worker"));
    CHECK_FALSE(node({"/"}, "Kind-Worker"));
    CHECK_FALSE(node({"kind-worker"}, ""));
    CHECK_FALSE(node({"/"}, "a/b/c"));
    CHECK(node({"prod/x", "kind-worker"}, "kind-worker"));
    CHECK(node({"prod/x", "kind-worker"}, "prod/x"));
    CHECK_FALSE(node({"prod/x"}, "prod/y"));
}

TEST_CASE("node-name pattern errors", "[patterns][errors]") {
    CHECK(error<node_name_filter>({""}) == "empty pattern");
    CHECK(error<node_name_filter>({"a/b/c"}) == "too many slashes in pattern");
    CHECK(error<node_name_filter>({"a/ "}) == "empty pattern");
    CHECK(error<node_name_filter>({"a b/c"}) == "' ': invalid rune in pattern");
    CHECK(error<node_name_filter>({"a/b.."}) == "multiple trailing dots in pattern");
    CHECK(error<node_name_filter>({"/"}) == "");
}
