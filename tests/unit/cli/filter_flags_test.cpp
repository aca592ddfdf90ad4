// Hubble's flag -> filter rules that are not about a single value: conflict groups, namespace
// consistency, --not, and the exact messages of flag-time errors.
#include <catch2/catch_test_macros.hpp>

#include "cli/filter_builder.h"
#include "cli_test_support.h"

using namespace flowgrep;
using namespace flowgrep::test;

TEST_CASE("conflicting flags name the group's members in group order", "[cli][filters][conflicts]") {
    CHECK(error_of({"--ip", "1.1.1.1", "--from-fqdn", "x"}) ==
          R"(invalid argument "x" for "--from-fqdn" flag: filters --from-fqdn and --ip cannot be combined)");
    CHECK(error_of({"--identity", "1", "--from-identity", "0x10"}) ==
          R"(invalid argument "0x10" for "--from-identity" flag: filters --identity and --from-identity cannot be combined)");
    CHECK(error_of({"--identity", "1", "--to-identity", "2"}) ==
          R"(invalid argument "2" for "--to-identity" flag: filters --identity and --to-identity cannot be combined)");
    CHECK(error_of({"--service", "a/b", "--to-service", "c/d"}) ==
          R"(invalid argument "c/d" for "--to-service" flag: filters --service and --to-service cannot be combined)");
    CHECK(error_of({"--workload", "a", "--from-workload", "b"}) ==
          R"(invalid argument "b" for "--from-workload" flag: filters --workload and --from-workload cannot be combined)");
    CHECK(error_of({"--label", "app=a", "--from-label", "app=b"}) ==
          R"(invalid argument "app=b" for "--from-label" flag: filters --label and --from-label cannot be combined)");
    CHECK(error_of({"--port", "1", "--to-port", "2"}) ==
          R"(invalid argument "2" for "--to-port" flag: filters --port and --to-port cannot be combined)");
    CHECK(error_of({"--from-pod", "x", "--namespace", "y"}) ==
          R"(invalid argument "y" for "-n, --namespace" flag: filters --from-pod and --namespace cannot be combined)");
    CHECK(error_of({"--to-pod", "a", "-A"}) ==
          R"(invalid argument "true" for "-A, --all-namespaces" flag: filters --to-pod and --all-namespaces cannot be combined)");
    CHECK(error_of({"--fqdn", "a", "--from-ip", "b"}) ==
          R"(invalid argument "b" for "--from-ip" flag: filters --from-ip and --fqdn cannot be combined)");
    CHECK(error_of({"--ip", "10.0.0.1", "--to-namespace", "b"}) ==
          R"(invalid argument "b" for "--to-namespace" flag: filters --ip and --to-namespace cannot be combined)");
}

TEST_CASE("conflicts are checked before the value", "[cli][filters][conflicts]") {
    CHECK(error_of({"--identity", "1", "--to-identity", "bogus"}) ==
          R"(invalid argument "bogus" for "--to-identity" flag: filters --identity and --to-identity cannot be combined)");
}

TEST_CASE("combinations hubble allows", "[cli][filters][conflicts]") {
    CHECK(error_of({"--pod", "p", "--namespace", "n"}) == "<no error>");
    CHECK(error_of({"--from-pod", "p", "--from-namespace", "n"}) == "<no error>");
    CHECK(error_of({"--from-pod", "p", "--to-namespace", "n"}) == "<no error>");
    CHECK(error_of({"--cluster", "a", "--from-cluster", "b"}) == "<no error>");
    CHECK(error_of({"--snat-ip", "1.1.1.1", "--ip", "2.2.2.2"}) == "<no error>");
    CHECK(error_of({"--ip", "1.1.1.1", "--not", "--from-ip", "2.2.2.2"}) == "<no error>");
    CHECK(error_of({"--verdict", "DROPPED", "--verdict", "FORWARDED"}) == "<no error>");
}

TEST_CASE("namespace consistency", "[cli][filters][namespaces]") {
    CHECK(error_of({"--pod", "kube-system/foo", "-n", "bar"}) ==
          R"(invalid argument "bar" for "-n, --namespace" flag: namespace conflict: "bar" does not contain "kube-system/foo")");
    CHECK(error_of({"--from-pod", "ns1/p", "--from-service", "ns2/s"}) ==
          R"(invalid argument "ns2/s" for "--from-service" flag: namespace of service "ns2/s" conflict with pod "ns1")");
    CHECK(error_of({"-A", "--pod", "a/p"}) ==
          R"(invalid argument "a/p" for "--pod" flag: namespace conflict: "" does not contain "a/p")");
    CHECK(error_of({"--from-pod", "a/p", "--from-service", "s"}) ==
          R"(invalid argument "s" for "--from-service" flag: namespace of service "s" conflict with pod "a")");
    CHECK(error_of({"--from-pod", "p", "--from-service", "a/s"}) == "<no error>");
    CHECK(error_of({"--namespace", "a", "--pod", "/p"}) == "<no error>");
    CHECK(error_of({"--from-namespace", "x", "--pod", "a/p"}) ==
          R"(invalid argument "a/p" for "--pod" flag: namespace conflict: "x" does not contain "a/p")");
}

TEST_CASE("several namespace errors of one filter are joined by newlines", "[cli][filters][namespaces]") {
    CHECK(error_of({"--service", "a/s", "--pod", "a/p", "-n", "x"}) ==
          "invalid argument \"x\" for \"-n, --namespace\" flag: namespace conflict: \"x\" does not contain \"a/p\"\n"
          "namespace conflict: \"x\" does not contain \"a/s\"");
}

TEST_CASE("flag --not negates only the next filter flag", "[cli][filters][not]") {
    SECTION("other flags in between do not cancel it") {
        options o = parse_ok({"--not", "-o", "json", "--verdict", "DROPPED"});
        CHECK(o.output.format == output_format::json);
        CHECK(o.filter.lists.allow.empty());
        REQUIRE(o.filter.lists.deny.size() == 1);
        CHECK(o.filter.lists.deny[0].verdict == std::vector<int32_t>{2});
    }
    SECTION("its value is ignored") {
        options o = parse_ok({"--not=false", "--verdict", "DROPPED"});
        CHECK(o.filter.lists.allow.empty());
        CHECK(o.filter.lists.deny.size() == 1);
    }
    SECTION("it never takes the next word") {
        options o = parse_ok({"--not", "flows.json", "--verdict", "DROPPED"});
        CHECK(o.input.files == std::vector<std::string>{"flows.json"});
        CHECK(o.filter.lists.deny.size() == 1);
    }
    SECTION("all negations fold into one deny filter") {
        options o = parse_ok({"--not", "--from-ip", "1.1.1.1", "--not", "--to-ip", "2.2.2.2"});
        REQUIRE(o.filter.lists.deny.size() == 1);
        CHECK(o.filter.lists.deny[0].source_ip == std::vector<std::string>{"1.1.1.1"});
        CHECK(o.filter.lists.deny[0].destination_ip == std::vector<std::string>{"2.2.2.2"});
    }
    SECTION("a repeated negated flag is an OR inside its field") {
        options o = parse_ok({"--not", "--ip", "10.0.0.1", "--not", "--ip", "fd00::1"});
        REQUIRE(o.filter.lists.deny.size() == 2);
        CHECK(o.filter.lists.deny[0].source_ip == std::vector<std::string>{"10.0.0.1", "fd00::1"});
        CHECK(o.filter.lists.deny[1].destination_ip == std::vector<std::string>{"10.0.0.1", "fd00::1"});
    }
}

TEST_CASE("flag --not errors", "[cli][filters][not]") {
    CHECK(error_of({"--not", "--not", "--verdict", "DROPPED"}) ==
          R"(invalid argument "true" for "--not" flag: consecutive --not statements)");
    CHECK(error_of({"--not=x", "--not=y"}) == R"(invalid argument "y" for "--not" flag: consecutive --not statements)");
    CHECK(error_of({"--verdict", "FORWARDED", "--not"}) == "trailing --not found in the arguments");
    CHECK(error_of({"--not", "-o", "json"}) == "trailing --not found in the arguments");
    // The trailing --not is a pre-run check: flag errors come first, help wins over it.
    CHECK(error_of({"--not", "--verdict", "x", "--not"}) ==
          R"(invalid argument "x" for "--verdict" flag: invalid --verdict value: x)");
    CHECK(parse_command_line({"--not", "--help"}, fixed_now_ns).exit_now);
}

TEST_CASE("filter_builder builds A and B as hubble's trackers do", "[cli][filters]") {
    filter_builder b;
    b.add("ip", "10.0.0.1");
    b.add("port", "53");
    filter_lists lists = b.build();
    REQUIRE(lists.allow.size() == 2);
    flow_filter a;
    a.source_ip = {"10.0.0.1"};
    a.source_port = {"53"};
    flow_filter d;
    d.destination_ip = {"10.0.0.1"};
    d.destination_port = {"53"};
    CHECK(lists.allow[0] == a);
    CHECK(lists.allow[1] == d);
    CHECK(lists.deny.empty());

    filter_builder same;
    same.add("from-ip", "1.1.1.1");
    same.add("verdict", "DROPPED");
    lists = same.build();
    REQUIRE(lists.allow.size() == 1);  // A equals B: one filter
    CHECK(lists.allow[0].source_ip == std::vector<std::string>{"1.1.1.1"});
    CHECK(lists.allow[0].verdict == std::vector<int32_t>{2});

    CHECK(filter_builder().build().allow.empty());
    CHECK_THROWS_AS(filter_builder().add("output", "json"), std::invalid_argument);
}

TEST_CASE("the --cel-expression flag marks the experimental message", "[cli][filters]") {
    options o = parse_ok({"--cel-expression", "true"});
    REQUIRE(o.filter.lists.allow.size() == 1);
    CHECK(o.filter.lists.allow[0].cel_expression == std::vector<std::string>{"true"});
    CHECK(o.filter.lists.allow[0].has_experimental);
}

TEST_CASE("flags --encrypted and --unencrypted append true and false, whatever their value", "[cli][filters][v119]") {
    CHECK(raw_filters({"--encrypted"}) == yaml({R"({"encrypted":[true]})"}));
    CHECK(raw_filters({"--unencrypted"}) == yaml({R"({"encrypted":[false]})"}));
    CHECK(raw_filters({"--encrypted=false"}) == yaml({R"({"encrypted":[true]})"}));
    CHECK(raw_filters({"--unencrypted=no-such-bool"}) == yaml({R"({"encrypted":[false]})"}));
    CHECK(raw_filters({"--encrypted", "--encrypted"}) == yaml({R"({"encrypted":[true,true]})"}));
    // The conflict group is per tracker: one on each side of --not is fine.
    CHECK(raw_filters({"--encrypted", "--not", "--unencrypted"}) ==
          yaml({R"({"encrypted":[true]})"}, {R"({"encrypted":[false]})"}));
    CHECK(parse_ok({"--unencrypted", "f.json"}).input.files == std::vector<std::string>{"f.json"});
}

TEST_CASE("flags --encrypted and --unencrypted cannot be combined, in either order", "[cli][filters][v119][conflicts]") {
    CHECK(error_of({"--encrypted", "--unencrypted"}) ==
          R"(invalid argument "true" for "--unencrypted" flag: filters --encrypted and --unencrypted cannot be combined)");
    CHECK(error_of({"--unencrypted", "--encrypted=false"}) ==
          R"(invalid argument "false" for "--encrypted" flag: filters --encrypted and --unencrypted cannot be combined)");
    CHECK(error_of({"--not", "--unencrypted", "--not", "--encrypted"}) ==
          R"(invalid argument "true" for "--encrypted" flag: filters --encrypted and --unencrypted cannot be combined)");
}

TEST_CASE("flag --ip-trace-id: decimal uint64 above 0, repeats OR-ed", "[cli][filters][v119]") {
    CHECK(raw_filters({"--ip-trace-id", "4660", "--ip-trace-id", "18446744073709551615"}) ==
          yaml({R"({"ip_trace_id":["4660","18446744073709551615"]})"}));
    CHECK(raw_filters({"--ip-trace-id", "00"}) == yaml({R"({"ip_trace_id":["0"]})"}));  // only "0" itself is refused
    CHECK(raw_filters({"--not", "--ip-trace-id", "7"}) == yaml({}, {R"({"ip_trace_id":["7"]})"}));
    CHECK(error_of({"--ip-trace-id", "0"}) ==
          R"(invalid argument "0" for "--ip-trace-id" flag: invalid --ip-trace-id value; must be greater than 0)");
    CHECK(error_of({"--ip-trace-id", "x"}) ==
          R"(invalid argument "x" for "--ip-trace-id" flag: invalid --ip-trace-id value: want a whole number from 1 to 18446744073709551615)");
    CHECK(error_of({"--ip-trace-id", "-1"}) ==
          R"(invalid argument "-1" for "--ip-trace-id" flag: invalid --ip-trace-id value: want a whole number from 1 to 18446744073709551615)");
    CHECK(error_of({"--ip-trace-id", "0x10"}) ==
          R"(invalid argument "0x10" for "--ip-trace-id" flag: invalid --ip-trace-id value: want a whole number from 1 to 18446744073709551615)");
    CHECK(error_of({"--ip-trace-id", "18446744073709551616"}) ==
          R"(invalid argument "18446744073709551616" for "--ip-trace-id" flag: invalid --ip-trace-id value: )"
          R"(want a whole number from 1 to 18446744073709551615)");
}

TEST_CASE("Hubble 1.19's protocols and event types", "[cli][filters][v119]") {
    CHECK(raw_filters({"--protocol", "vrrp", "--protocol", "IGMP"}) == yaml({R"({"protocol":["vrrp","IGMP"]})"}));
    CHECK(raw_filters({"-t", "trace:from-crypto", "-t", "trace:to-crypto"}) ==
          yaml({R"({"event_type":[{"type":4,"match_sub_type":true,"sub_type":12},{"type":4,"match_sub_type":true,"sub_type":13}]})"}));
    CHECK(raw_filters({"--drop-reason-desc", "DROP_PUNT_PROXY"}) == yaml({R"({"drop_reason_desc":["DROP_PUNT_PROXY"]})"}));
    CHECK(error_of({"--type", "recorder"}).starts_with(
        R"(invalid argument "recorder" for "-t, --type" flag: unknown event type 'recorder': want a type name)"));
    CHECK(raw_filters({"--type", "6"}) == yaml({R"({"event_type":[{"type":6}]})"}));
    CHECK(error_of({"--type", "agent:service-upserted"}).starts_with(
        R"(invalid argument "agent:service-upserted" for "-t, --type" flag: unknown event sub-type 'service-upserted')"));
}
