// Every worked example of hubble-semantics §4.7 and the --print-raw-filters conformance cases: the
// flags must add up to exactly the filters hubble prints.
#include <catch2/catch_test_macros.hpp>

#include "cli_test_support.h"

using namespace flowgrep;
using namespace flowgrep::test;

TEST_CASE("namespace and pod examples", "[cli][filters][worked]") {
    CHECK(raw_filters({"--pod", "foo"}) == yaml({R"({"source_pod":["foo"]})", R"({"destination_pod":["foo"]})"}));
    CHECK(raw_filters({"--pod", "foo", "--namespace", "bar"}) ==
          yaml({R"({"source_pod":["bar/foo"]})", R"({"destination_pod":["bar/foo"]})"}));
    CHECK(raw_filters({"--namespace", "bar"}) ==
          yaml({R"({"source_pod":["bar/"]})", R"({"destination_pod":["bar/"]})"}));
    CHECK(raw_filters({"-A"}) == yaml({R"({"source_pod":["/"]})", R"({"destination_pod":["/"]})"}));
    CHECK(raw_filters({"--all-namespaces", "--pod", "foo"}) ==
          yaml({R"({"source_pod":["/foo"]})", R"({"destination_pod":["/foo"]})"}));
    CHECK(raw_filters({"--namespace", "a", "--namespace", "b"}) ==
          yaml({R"({"source_pod":["a/","b/"]})", R"({"destination_pod":["a/","b/"]})"}));
    CHECK(raw_filters({"--from-namespace", "a", "--to-namespace", "b"}) ==
          yaml({R"({"source_pod":["a/"],"destination_pod":["b/"]})"}));
    CHECK(raw_filters({"--from-pod", "p1", "--from-namespace", "ns1", "--from-namespace", "ns2"}) ==
          yaml({R"({"source_pod":["ns1/p1","ns2/p1"]})"}));
    CHECK(raw_filters({"--from-namespace", "a", "--pod", "p"}) ==
          yaml({R"({"source_pod":["a/p"]})", R"({"source_pod":["a/"],"destination_pod":["p"]})"}));
    CHECK(raw_filters({"--to-namespace", "a", "--service", "s"}) ==
          yaml({R"({"source_service":["s"],"destination_pod":["a/"]})", R"({"destination_service":["a/s"]})"}));
    CHECK(raw_filters({"--service", "svc", "--namespace", "n"}) ==
          yaml({R"({"source_service":["n/svc"]})", R"({"destination_service":["n/svc"]})"}));
    CHECK(raw_filters({"--namespace", "a", "--namespace", "b", "--pod", "p", "--service", "s"}) ==
          yaml({R"({"source_pod":["a/p","b/p"],"source_service":["a/s","b/s"]})",
                R"({"destination_pod":["a/p","b/p"],"destination_service":["a/s","b/s"]})"}));
}

TEST_CASE("either-side pairing examples", "[cli][filters][worked]") {
    CHECK(raw_filters({"--ip", "1.1.1.1", "--port", "80"}) ==
          yaml({R"({"source_ip":["1.1.1.1"],"source_port":["80"]})",
                R"({"destination_ip":["1.1.1.1"],"destination_port":["80"]})"}));
    CHECK(raw_filters({"--from-ip", "1.1.1.1", "--to-port", "80"}) ==
          yaml({R"({"source_ip":["1.1.1.1"],"destination_port":["80"]})"}));
    CHECK(raw_filters({"--ip", "1.1.1.1", "--ip", "10.0.0.0/8", "--snat-ip", "2.2.2.2"}) ==
          yaml({R"({"source_ip":["1.1.1.1","10.0.0.0/8"],"source_ip_xlated":["2.2.2.2"]})",
                R"({"source_ip_xlated":["2.2.2.2"],"destination_ip":["1.1.1.1","10.0.0.0/8"]})"}));
    CHECK(raw_filters({"--label", "k8s:app=foo", "--from-pod", "bar"}) ==
          yaml({R"({"source_pod":["bar"],"source_label":["k8s:app=foo"]})",
                R"({"source_pod":["bar"],"destination_label":["k8s:app=foo"]})"}));
    CHECK(raw_filters({"--namespace", "x", "--from-label", "app=y"}) ==
          yaml({R"({"source_pod":["x/"],"source_label":["app=y"]})",
                R"({"source_label":["app=y"],"destination_pod":["x/"]})"}));
    CHECK(raw_filters({"--cluster", "c1", "--from-cluster", "c2"}) ==
          yaml({R"({"source_cluster_name":["c1","c2"]})",
                R"({"source_cluster_name":["c2"],"destination_cluster_name":["c1"]})"}));
}

TEST_CASE("flag --not examples", "[cli][filters][worked][not]") {
    CHECK(raw_filters({"--not", "--from-ip", "1.1.1.1", "--ip", "2.2.2.2"}) ==
          yaml({R"({"source_ip":["2.2.2.2"]})", R"({"destination_ip":["2.2.2.2"]})"},
               {R"({"source_ip":["1.1.1.1"]})"}));
    CHECK(raw_filters({"--not", "--verdict", "DROPPED", "--not", "--http-method", "get"}) ==
          yaml({}, {R"({"verdict":["DROPPED"],"http_method":["get"]})"}));
    CHECK(raw_filters({"--not", "--verdict", "DROPPED", "--not", "--from-pod", "a", "--not", "--to-pod", "b"}) ==
          yaml({}, {R"({"source_pod":["a"],"destination_pod":["b"],"verdict":["DROPPED"]})"}));
    CHECK(raw_filters({"--not", "--ip", "1.1.1.1", "--not", "--from-port", "80"}) ==
          yaml({}, {R"({"source_ip":["1.1.1.1"],"source_port":["80"]})",
                    R"({"destination_ip":["1.1.1.1"],"source_port":["80"]})"}));
    CHECK(raw_filters({"--namespace", "a", "--not", "--pod", "b"}) ==
          yaml({R"({"source_pod":["a/"]})", R"({"destination_pod":["a/"]})"},
               {R"({"source_pod":["b"]})", R"({"destination_pod":["b"]})"}));
    CHECK(raw_filters({"--verdict", "DROPPED", "--not", "--verdict", "DROPPED"}) ==
          yaml({R"({"verdict":["DROPPED"]})"}, {R"({"verdict":["DROPPED"]})"}));
}

TEST_CASE("value parsing examples", "[cli][filters][worked]") {
    CHECK(raw_filters({"-t", "trace:to-endpoint", "-t", "drop", "-t", "129", "-t", "agent:policy-updated", "-t",
                       "4:3", "-t", "capture:1"}) ==
          yaml({R"({"event_type":[{"type":4,"match_sub_type":true},{"type":1},{"type":129},)"
                R"({"type":130,"match_sub_type":true,"sub_type":5},{"type":4,"match_sub_type":true,"sub_type":3},)"
                R"({"type":3,"match_sub_type":true,"sub_type":1}]})"}));
    CHECK(raw_filters({"--tcp-flags", "syn,ack", "--tcp-flags", "fin"}) ==
          yaml({R"({"tcp_flags":[{"SYN":true,"ACK":true},{"FIN":true}]})"}));
    CHECK(raw_filters({"-4", "-6", "--ip-version", "none", "--ip-version", "6", "--ip-version", "foo"}) ==
          yaml({R"({"ip_version":["IPv4","IPv6","IP_NOT_USED","IPv6","IP_NOT_USED"]})"}));
    CHECK(raw_filters({"--identity", "010"}) ==
          yaml({R"({"source_identity":[8]})", R"({"destination_identity":[8]})"}));
    CHECK(raw_filters({"--http-header", "a:b:c"}) == yaml({R"({"http_header":[{"key":"a","value":"b:c"}]})"}));
}

TEST_CASE("JSON filters come after the flag filters", "[cli][filters][worked]") {
    CHECK(raw_filters({"--verdict", "DROPPED", "--allowlist", R"({"protocol":["udp"]})", "--denylist",
                       R"({"verdict":["AUDIT"]}{"protocol":["sctp"]})"}) ==
          yaml({R"({"verdict":["DROPPED"]})", R"({"protocol":["udp"]})"},
               {R"({"verdict":["AUDIT"]})", R"({"protocol":["sctp"]})"}));
}

TEST_CASE("conformance --print-raw-filters cases", "[cli][filters][conformance]") {
    // 425 .. 431
    CHECK(raw_filters({"--verdict", "DROPPED", "--to-port", "53"}) ==
          yaml({R"({"verdict":["DROPPED"],"destination_port":["53"]})"}));
    CHECK(raw_filters({"--namespace", "kube-system", "--from-label", "app=web"}) ==
          yaml({R"({"source_pod":["kube-system/"],"source_label":["app=web"]})",
                R"({"source_label":["app=web"],"destination_pod":["kube-system/"]})"}));
    CHECK(raw_filters({"--not", "--ip", "10.0.0.0/8", "--type", "trace:to-stack"}) ==
          yaml({R"({"event_type":[{"type":4,"match_sub_type":true,"sub_type":3}]})"},
               {R"({"source_ip":["10.0.0.0/8"]})", R"({"destination_ip":["10.0.0.0/8"]})"}));
    CHECK(raw_filters({"--allowlist", R"({"sourcePod":["a/"],"verdict":[2]})", "--denylist", "{}"}) ==
          yaml({R"({"source_pod":["a/"],"verdict":["DROPPED"]})"}, {"{}"}));
    CHECK(raw_filters({"--uuid", "x", "--identity", "world", "--workload", "Deployment/web", "--tcp-flags",
                       "syn,ack", "--http-header", "a:b", "--interface", "eth0", "--cel-expression", "true", "-4",
                       "--traffic-direction", "egress"}) ==
          yaml({R"({"uuid":["x"],"source_workload":[{"name":"web","kind":"Deployment"}],"traffic_direction":["EGRESS"],)"
                R"("interface":[{"name":"eth0"}],"source_identity":[2],"http_header":[{"key":"a","value":"b"}],)"
                R"("tcp_flags":[{"SYN":true,"ACK":true}],"ip_version":["IPv4"],"experimental":{"cel_expression":["true"]}})",
                R"({"uuid":["x"],"destination_workload":[{"name":"web","kind":"Deployment"}],"traffic_direction":["EGRESS"],)"
                R"("interface":[{"name":"eth0"}],"destination_identity":[2],"http_header":[{"key":"a","value":"b"}],)"
                R"("tcp_flags":[{"SYN":true,"ACK":true}],"ip_version":["IPv4"],"experimental":{"cel_expression":["true"]}})"}));
    CHECK(raw_filters({}) == "{}\n");
    CHECK(raw_filters({"--to-all-namespaces", "--from-namespace", "a", "--from-namespace", "b"}) ==
          yaml({R"({"source_pod":["a/","b/"],"destination_pod":["/"]})"}));
}

TEST_CASE("flag --print-raw-filters neither needs nor checks the input", "[cli][filters]") {
    // -P and --last over the limit are checked when the input is opened, after the filters print.
    auto cl = parse_command_line({"--print-raw-filters", "-P", "--last", "2000000", "/nonexistent"}, fixed_now_ns);
    CHECK(cl.exit_now);
    CHECK(cl.opts.print_raw_filters);
    CHECK(cl.print == "{}\n");
}
