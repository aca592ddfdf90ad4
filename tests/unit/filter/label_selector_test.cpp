// Label selectors (hubble-semantics §2.7): Cilium label parsing, Hubble's key translation,
// Kubernetes' grammar, validation errors and Cilium's source-aware, first-label-by-key lookup.
#include <catch2/catch_test_macros.hpp>

#include <string>
#include <vector>

#include "filter/filter_error.h"
#include "filter/label_selector.h"

using namespace flowgrep;

namespace {

bool selects(std::string_view selector, std::vector<std::string_view> labels) {
    return label_selector(selector).matches(labels);
}

std::string parse_error(std::string_view selector) {
    try {
        label_selector s(selector);
    } catch (const filter_error& e) {
        return e.what();
    }
    return "";
}

const std::string name_part_error =
    "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
    "alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
    "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const std::string value_error =
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must "
    "start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for "
    "validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

}  // namespace

TEST_CASE("flow labels split into source, key and value", "[labels]") {
    auto check = [](std::string_view text, std::string_view source, std::string_view key, std::string_view value) {
        auto l = parse_cilium_label(text);
        CHECK(l.source == source);
        CHECK(l.key == key);
        CHECK(l.value == value);
    };
    check("k8s:app=reviews", "k8s", "app", "reviews");
    check("reserved:host", "reserved", "host", "");
    check("k8s:io.cilium.k8s.policy.cluster=default", "k8s", "io.cilium.k8s.policy.cluster", "default");
    check("kubernetes.io/hostname=kind-worker", "unspec", "kubernetes.io/hostname", "kind-worker");
    check("$host", "reserved", "host", "");
    check("reserved.world", "reserved", "world", "");
    check("label1=val1=toomuch", "unspec", "label1", "val1=toomuch");
    check("key:with.dot", "key", "with.dot", "");
    check("reserved:=x", "reserved", "x", "");
    check("", "unspec", "", "");
    check("zone=us:east", "zone=us", "east", "");
}

TEST_CASE("selectors are translated before Kubernetes parses them", "[labels]") {
    CHECK(translate_label_selector("app=reviews") == "any.app=reviews");
    CHECK(translate_label_selector("k8s:app in (a, b)") == "k8s.app in (a, b)");
    CHECK(translate_label_selector("!k8s:app") == "!k8s.app");
    CHECK(translate_label_selector("reserved:world") == "reserved.world");
    CHECK(translate_label_selector("a in (x, y), !b,c!=d") == "any.a in (x, y), !any.b,any.c!=d");
    CHECK(translate_label_selector("k8s:a:b") == "k8s.a:b");
    CHECK(translate_label_selector("") == "");
    CHECK(translate_label_selector(" ") == " any.");
    CHECK(translate_label_selector("a,") == "any.a,");
    CHECK(translate_label_selector("k8s:version>0") == "k8s.version>0");
    CHECK(translate_label_selector("a\xff") == "any.a\xEF\xBF\xBD");
}

TEST_CASE("the Kubernetes operators", "[labels]") {
    std::vector<std::string_view> labels = {"k8s:app=reviews", "k8s:version=v1", "k8s:num=5"};
    CHECK(selects("app", labels));
    CHECK_FALSE(selects("!app", labels));
    CHECK(selects("!team", labels));
    CHECK(selects("app=reviews", labels));
    CHECK(selects("app==reviews", labels));
    CHECK_FALSE(selects("app!=reviews", labels));
    CHECK(selects("app!=ratings", labels));
    CHECK(selects("app in (ratings, reviews)", labels));
    CHECK_FALSE(selects("app notin (ratings,reviews)", labels));
    CHECK(selects("app notin (a)", labels));
    CHECK(selects("app=reviews,version=v1", labels));
    CHECK_FALSE(selects("app=reviews,version=v2", labels));
    CHECK(selects("  app = reviews ,  version in(v1)", labels));
    CHECK(selects("num>4", labels));
    CHECK_FALSE(selects("num>5", labels));
    CHECK(selects("num<6", labels));
    CHECK_FALSE(selects("app>1", labels));  // the label value is no integer
    CHECK_FALSE(selects("team>1", labels));
    CHECK(selects("", labels));
    CHECK(selects("", {}));

    SECTION("notin and != hold when the key is absent") {
        CHECK(selects("team notin (a)", labels));
        CHECK(selects("team!=a", labels));
        CHECK_FALSE(selects("team in (a)", labels));
    }
    SECTION("() is the set holding the empty value") {
        CHECK_FALSE(selects("app in ()", labels));
        CHECK(selects("flag in ()", {"k8s:flag"}));
        CHECK(selects("flag=", {"k8s:flag"}));
        CHECK(selects("app in (,reviews)", labels));
    }
    SECTION("in and notin can be values") {
        CHECK(selects("word in (in, notin)", {"word=in"}));
    }
}

TEST_CASE("keys match by source, any source when none is given", "[labels]") {
    std::vector<std::string_view> labels = {"k8s:app=reviews", "reserved:host"};
    CHECK(selects("k8s:app=reviews", labels));
    CHECK(selects("any:app=reviews", labels));
    CHECK_FALSE(selects("container:app=reviews", labels));
    CHECK(selects("reserved:host", labels));
    CHECK(selects("host", labels));
    CHECK_FALSE(selects("k8s:host", labels));
    CHECK_FALSE(selects("APP=reviews", labels));
    CHECK_FALSE(selects("app=Reviews", labels));

    SECTION("a flow label without source is unspec, which only 'any' finds") {
        CHECK(selects("key", {"key"}));
        CHECK(selects("any:key", {"reserved:key"}));
        CHECK_FALSE(selects("key", {"any.key"}));
        CHECK(selects("key.with.dot", {"k8s:key.with.dot"}));
        CHECK_FALSE(selects("key.with.dot", {"key:with.dot"}));
        CHECK(selects("kubernetes.io/hostname=kind-worker", {"kubernetes.io/hostname=kind-worker"}));
    }
    SECTION("a slash key with a source") {
        CHECK(selects("k8s:security.istio.io/tlsMode=istio", {"k8s:security.istio.io/tlsMode=istio"}));
    }
}

TEST_CASE("a value is read from the first label with the key, in key order", "[labels]") {
    std::vector<std::string_view> labels = {"k8s:app=a", "container:app=b"};
    CHECK(selects("app=a", labels));
    CHECK_FALSE(selects("app=b", labels));
    CHECK(selects("container:app=b", labels));
    CHECK(selects("app", labels));
    CHECK_FALSE(selects("app notin (a)", labels));
    CHECK(selects("app notin (b)", labels));

    SECTION("order among equal keys is the flow's order, even behind other keys") {
        std::vector<std::string_view> mixed = {"k8s:zone=z", "container:app=b", "k8s:aaa=1", "k8s:app=a"};
        CHECK(selects("app=b", mixed));
        CHECK_FALSE(selects("app=a", mixed));
    }
}

TEST_CASE("cidr labels also answer for broader prefixes", "[labels]") {
    std::vector<std::string_view> labels = {"cidr:52.94.0.0/16", "reserved:world"};
    CHECK(selects("cidr:52.94.0.0/16", labels));
    CHECK(selects("cidr:52.0.0.0/8", labels));
    CHECK_FALSE(selects("cidr:52.94.1.0/24", labels));
    CHECK_FALSE(selects("cidr:140.0.0.0/8", labels));
    CHECK(selects("cidr:0.0.0.0/0", labels));
    CHECK(selects("cidr:2001-db8--0/32", {"cidr:2001-db8--0/48"}));
    CHECK(selects("any:52.94.0.0/16", labels));
    CHECK_FALSE(selects("any:52.0.0.0/8", labels));  // only the cidr source compares prefixes
}

// Cilium 1.17 fell back to comparing the keys as text when a cidr key was no prefix; 1.19 does not.
TEST_CASE("a cidr label key that is not a prefix matches nothing, as in Cilium 1.19", "[labels]") {
    CHECK_FALSE(selects("cidr:somewhere", {"cidr:somewhere"}));
    CHECK_FALSE(selects("cidr:10.0.0.0/8", {"cidr:somewhere"}));
    CHECK(selects("any:somewhere", {"cidr:somewhere"}));
}

TEST_CASE("invalid selectors report Kubernetes' errors", "[labels][errors]") {
    CHECK(parse_error("app in (web") == "unable to parse requirement: found '', expected: ',' or ')'");
    CHECK(parse_error("app in web") == "unable to parse requirement: found 'web' expected: '('");
    CHECK(parse_error("app in (a b)") == "unable to parse requirement: found 'b', expected: ',' or ')'");
    CHECK(parse_error("app in (=)") == "unable to parse requirement: found '=', expected: ',', ')' or identifier");
    CHECK(parse_error("app=a b") == "found 'b', expected: ',' or 'end of string'");
    CHECK(parse_error("app b") == "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt");
    CHECK(parse_error("a,") == "found '', expected: identifier after ','");
    CHECK(parse_error("!a=b") == "found '=', expected: ',' or 'end of string'");
    CHECK(parse_error("app==") == "");
    CHECK(parse_error("=") == "unable to parse requirement: <nil>: Invalid value: \"any.\": " + name_part_error);
    CHECK(parse_error("()") == "unable to parse requirement: <nil>: Invalid value: \"any.\": " + name_part_error);
    CHECK(parse_error(" ") == "unable to parse requirement: <nil>: Invalid value: \"any.\": " + name_part_error);

    SECTION("values") {
        CHECK(parse_error("app=rev*") ==
              "unable to parse requirement: values[0][any.app]: Invalid value: \"rev*\": " + value_error);
        CHECK(parse_error("app=a:b") ==
              "unable to parse requirement: values[0][any.app]: Invalid value: \"a:b\": " + value_error);
        CHECK(parse_error("app in (-a, b)") ==
              "unable to parse requirement: values[0][any.app]: Invalid value: \"-a\": " + value_error);
        CHECK(parse_error("app in (b, -a, c-)") ==
              "unable to parse requirement: [values[0][any.app]: Invalid value: \"-a\": " + value_error +
                  ", values[2][any.app]: Invalid value: \"c-\": " + value_error + "]");
        CHECK(parse_error("app=" + std::string(64, 'a')) ==
              "unable to parse requirement: values[0][any.app]: Invalid value: \"" + std::string(64, 'a') +
                  "\": must be no more than 63 characters");
        CHECK(parse_error("num>x") ==
              "unable to parse requirement: values[0]: Invalid value: \"x\": for 'Gt', 'Lt' operators, the value "
              "must be an integer");
        CHECK(parse_error("num>") ==
              "unable to parse requirement: values[0]: Invalid value: \"\": for 'Gt', 'Lt' operators, the value "
              "must be an integer");
        CHECK(parse_error("num>-x") ==
              "unable to parse requirement: [values[0]: Invalid value: \"-x\": for 'Gt', 'Lt' operators, the value "
              "must be an integer, values[0][any.num]: Invalid value: \"-x\": " + value_error + "]");
    }
    SECTION("keys") {
        // The source prefix becomes part of the name: long dotted keys exceed 63 characters.
        std::string long_key = "k8s:io.cilium.k8s.namespace.labels." + std::string(30, 'x');
        CHECK(parse_error(long_key) == "unable to parse requirement: <nil>: Invalid value: \"k8s.io.cilium.k8s."
                                       "namespace.labels." + std::string(30, 'x') +
                                           "\": name part must be no more than 63 characters");
        CHECK(parse_error("k8s:Foo.io/bar=x") ==
              "unable to parse requirement: <nil>: Invalid value: \"k8s.Foo.io/bar\": prefix part a lowercase RFC "
              "1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and "
              "end with an alphanumeric character (e.g. 'example.com', regex used for validation is "
              "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
        CHECK(parse_error("a/b/c") ==
              "unable to parse requirement: <nil>: Invalid value: \"any.a/b/c\": a valid label key must consist of "
              "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character "
              "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
              "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. "
              "'example.com/MyName')");
        CHECK(parse_error("k8s:/x") == "unable to parse requirement: <nil>: Invalid value: \"k8s./x\": prefix part "
                                       "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric "
                                       "characters, '-' or '.', and must start and end with an alphanumeric "
                                       "character (e.g. 'example.com', regex used for validation is "
                                       "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
        CHECK(parse_error("x/") == "unable to parse requirement: <nil>: Invalid value: \"any.x/\": name part must "
                                   "be non-empty; " + name_part_error);
        CHECK(parse_error("cidr:140.0.0.0/8") == "");
        CHECK(parse_error("io.cilium.k8s.policy.serviceaccount=bookinfo-productpage") == "");
    }
}
