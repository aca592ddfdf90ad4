// The value of each filter flag: what hubble accepts, what it turns it into, and its exact message
// (plus flowgrep's "did you mean" hint) for what it refuses.
#include <catch2/catch_test_macros.hpp>

#include "cli_test_support.h"
#include "flow/flow.h"

using namespace flowgrep;
using namespace flowgrep::test;

namespace {

flow_filter only_allow(const std::vector<std::string>& args) {
    options o = parse_ok(args);
    REQUIRE(o.filter.lists.allow.size() == 1);
    return o.filter.lists.allow[0];
}

}  // namespace

TEST_CASE("flag --type", "[cli][values][type]") {
    auto types = [](const std::vector<std::string>& args) { return only_allow(args).event_type; };
    CHECK(types({"-t", "trace"}) == std::vector<filter_event_type>{{4, false, 0}});
    CHECK(types({"-t", "trace:to-stack"}) == std::vector<filter_event_type>{{4, true, 3}});
    CHECK(types({"-t", "trace:to-endpoint"}) == std::vector<filter_event_type>{{4, true, 0}});
    CHECK(types({"-t", "4:3"}) == std::vector<filter_event_type>{{4, true, 3}});
    CHECK(types({"-t", "0:4"}) == std::vector<filter_event_type>{{0, true, 4}});
    CHECK(types({"-t", "drop:133"}) == std::vector<filter_event_type>{{1, true, 133}});
    CHECK(types({"-t", "agent:ipcache-deleted"}) == std::vector<filter_event_type>{{130, true, 10}});
    CHECK(types({"-t", "debug", "-t", "6"}) == std::vector<filter_event_type>{{2, false, 0}, {6, false, 0}});
    CHECK(types({"-t", "trace:from-crypto", "-t", "trace:to-crypto"}) ==
          std::vector<filter_event_type>{{4, true, 12}, {4, true, 13}});
    CHECK(types({"-t", "agent:12"}) == std::vector<filter_event_type>{{130, true, 12}});
    CHECK(types({"-t", "trace:99"}) == std::vector<filter_event_type>{{4, true, 99}});
    // Values past int32 wrap, as hubble's int32 field does.
    CHECK(types({"-t", "2147483648"}) == std::vector<filter_event_type>{{INT32_MIN, false, 0}});
    CHECK(types({"-t", "4294967295:4294967295"}) == std::vector<filter_event_type>{{-1, true, -1}});

    CHECK(error_of({"--type", "foo"}) ==
          R"(invalid argument "foo" for "-t, --type" flag: unknown event type 'foo': want a type name )"
          R"((flowgrep event-types lists them) or a number from 0 to 4294967295)");
    CHECK(error_of({"--type", "4:to-endpoint"}) ==
          R"(invalid argument "4:to-endpoint" for "-t, --type" flag: unknown event sub-type 'to-endpoint': )"
          R"(want a number from 0 to 4294967295 (sub-type names go with a type given by name))");
    CHECK(error_of({"--type", "trace:"}) ==
          R"(invalid argument "trace:" for "-t, --type" flag: unknown event sub-type '': want a sub-type name )"
          R"(of trace (flowgrep event-types lists them) or a number)");
    CHECK(error_of({"--type", "4294967296"}) ==
          R"(invalid argument "4294967296" for "-t, --type" flag: unknown event type '4294967296': want a type )"
          R"(name (flowgrep event-types lists them) or a number from 0 to 4294967295)");
    CHECK(error_of({"--type", "0x4"}).find("unknown event type '0x4'") != std::string::npos);  // base 10 only
    CHECK(error_of({"--type", "Trace"}).find("(did you mean trace?)") != std::string::npos);
    CHECK(error_of({"--type", "tarce"}).ends_with("4294967295 (did you mean trace?)"));
    CHECK(error_of({"--type", "trace:to-endpont"}).ends_with("(did you mean to-endpoint?)"));
}

TEST_CASE("flag --verdict and --drop-reason-desc", "[cli][values]") {
    CHECK(only_allow({"--verdict", "FORWARDED", "--verdict", "VERDICT_UNKNOWN", "--verdict", "TRANSLATED"}).verdict ==
          std::vector<int32_t>{1, 0, 7});
    CHECK(error_of({"--verdict", "bogus"}) == R"(invalid argument "bogus" for "--verdict" flag: invalid --verdict value: bogus)");
    CHECK(error_of({"--verdict", "2"}) == R"(invalid argument "2" for "--verdict" flag: invalid --verdict value: 2)");
    CHECK(error_of({"--verdict", "dropped"}) ==
          R"(invalid argument "dropped" for "--verdict" flag: invalid --verdict value: dropped (did you mean DROPPED?))");

    CHECK(only_allow({"--drop-reason-desc", "POLICY_DENIED"}).drop_reason_desc == std::vector<int32_t>{133});
    CHECK(error_of({"--drop-reason-desc", ""}) ==
          R"(invalid argument "" for "--drop-reason-desc" flag: empty --drop-reason-desc value)");
    CHECK(error_of({"--drop-reason-desc", "133"}) ==
          R"(invalid argument "133" for "--drop-reason-desc" flag: invalid --drop-reason-desc value: 133)");
    CHECK(error_of({"--drop-reason-desc", "policy_denied"}) ==
          R"(invalid argument "policy_denied" for "--drop-reason-desc" flag: invalid --drop-reason-desc value: )"
          R"(policy_denied (did you mean POLICY_DENIED?))");
}

TEST_CASE("flag --tcp-flags", "[cli][values]") {
    CHECK(only_allow({"--tcp-flags", "syn,ACK", "--tcp-flags", "Fin"}).tcp_flags ==
          std::vector<filter_tcp_flags>{{tcp_syn | tcp_ack}, {tcp_fin}});
    CHECK(only_allow({"--tcp-flags", "ns,cwr,ece,urg,psh,rst"}).tcp_flags ==
          std::vector<filter_tcp_flags>{{tcp_ns | tcp_cwr | tcp_ece | tcp_urg | tcp_psh | tcp_rst}});
    CHECK(error_of({"--tcp-flags", "bogus"}) == R"(invalid argument "bogus" for "--tcp-flags" flag: unknown tcp flag: bogus)");
    CHECK(error_of({"--tcp-flags", "XMAS"}) == R"(invalid argument "XMAS" for "--tcp-flags" flag: unknown tcp flag: XMAS)");
    CHECK(error_of({"--tcp-flags", ""}) == R"(invalid argument "" for "--tcp-flags" flag: unknown tcp flag: )");
    CHECK(error_of({"--tcp-flags", "syn,"}) == R"(invalid argument "syn," for "--tcp-flags" flag: unknown tcp flag: )");
    CHECK(error_of({"--tcp-flags", "syn,akc"}).ends_with("unknown tcp flag: akc (did you mean ACK?)"));
}

TEST_CASE("flag --http-header", "[cli][values]") {
    CHECK(only_allow({"--http-header", "a:b:c"}).http_header == std::vector<filter_http_header>{{"a", "b:c"}});
    CHECK(only_allow({"--http-header", ":"}).http_header == std::vector<filter_http_header>{{"", ""}});
    CHECK(error_of({"--http-header", "novalue"}) ==
          R"(invalid argument "novalue" for "--http-header" flag: invalid http-header value "novalue", expected name:value)");
    CHECK(error_of({"--http-header", "tab\there"}) ==
          R"(invalid argument "tab\there" for "--http-header" flag: invalid http-header value "tab\there", expected name:value)");
}

TEST_CASE("flag --identity", "[cli][values][identity]") {
    auto ids = [](const std::string& v) { return only_allow({"--from-identity", v}).source_identity; };
    CHECK(ids("010") == std::vector<uint32_t>{8});
    CHECK(ids("0x3039") == std::vector<uint32_t>{12345});
    CHECK(ids("0b11") == std::vector<uint32_t>{3});
    CHECK(ids("0o17") == std::vector<uint32_t>{15});
    CHECK(ids("1_000") == std::vector<uint32_t>{1000});
    CHECK(ids("0") == std::vector<uint32_t>{0});
    CHECK(ids("4294967295") == std::vector<uint32_t>{4294967295u});
    CHECK(ids("host") == std::vector<uint32_t>{1});
    CHECK(ids("world") == std::vector<uint32_t>{2});
    CHECK(ids("kube-apiserver") == std::vector<uint32_t>{7});
    CHECK(ids("world-ipv6") == std::vector<uint32_t>{10});
    CHECK(ids("overlay-to-encrypt") == std::vector<uint32_t>{11});
    const std::string expected =
        "invalid security identity, expected one of [host world unmanaged health init remote-node kube-apiserver "
        "ingress world-ipv4 world-ipv6 11] or a numeric value";
    CHECK(error_of({"--identity", "unknown"}) == R"(invalid argument "unknown" for "--identity" flag: )" + expected);
    CHECK(error_of({"--to-identity", "4294967296"}) ==
          R"(invalid argument "4294967296" for "--to-identity" flag: )" + expected);
    CHECK(error_of({"--from-identity", "-2"}) == R"(invalid argument "-2" for "--from-identity" flag: )" + expected);
    CHECK(error_of({"--identity", "cluster"}) == R"(invalid argument "cluster" for "--identity" flag: )" + expected);
    CHECK(error_of({"--identity", "1__0"}) == R"(invalid argument "1__0" for "--identity" flag: )" + expected);
    CHECK(error_of({"--identity", "wrold"}) ==
          R"(invalid argument "wrold" for "--identity" flag: )" + expected + " (did you mean world?)");
}

TEST_CASE("flag --workload", "[cli][values]") {
    auto w = [](const std::string& v) { return only_allow({"--from-workload", v}).source_workload; };
    CHECK(w("web") == std::vector<filter_workload>{{"web", ""}});
    CHECK(w("Deployment/web") == std::vector<filter_workload>{{"web", "Deployment"}});
    CHECK(w("Deployment/") == std::vector<filter_workload>{{"", "Deployment"}});
    CHECK(w("/web") == std::vector<filter_workload>{{"web", ""}});
    CHECK(w("a/b/c") == std::vector<filter_workload>{{"b/c", "a"}});
    CHECK(w("") == std::vector<filter_workload>{{"", ""}});
}

TEST_CASE("flag --traffic-direction and --ip-version", "[cli][values]") {
    CHECK(only_allow({"--traffic-direction", "INGRESS", "--traffic-direction", "egress"}).traffic_direction ==
          std::vector<int32_t>{1, 2});
    CHECK(error_of({"--traffic-direction", "both"}) ==
          R"(invalid argument "both" for "--traffic-direction" flag: both: invalid traffic direction, expected ingress or egress)");
    CHECK(error_of({"--traffic-direction", "BOTH"}) ==
          R"(invalid argument "BOTH" for "--traffic-direction" flag: both: invalid traffic direction, expected ingress or egress)");
    CHECK(error_of({"--traffic-direction", ""}) ==
          R"(invalid argument "" for "--traffic-direction" flag: : invalid traffic direction, expected ingress or egress)");
    CHECK(error_of({"--traffic-direction", "ingres"}).ends_with("(did you mean ingress?)"));

    CHECK(only_allow({"--ip-version", "IPv4", "--ip-version", "ip6", "--ip-version", "4", "--ip-version", ""})
              .ip_version == std::vector<int32_t>{1, 2, 1, 0});
    CHECK(only_allow({"--ipv4=v6", "-6", "-4=x"}).ip_version == std::vector<int32_t>{1, 2, 1});
}

TEST_CASE("flags that keep their value verbatim", "[cli][values]") {
    flow_filter f = only_allow({"--uuid", "", "--trace-id", "t", "--http-status", "5+", "--http-method", "get",
                                "--http-path", "/x", "--http-url", "(?i)x", "--protocol", "TCP", "--node-name",
                                "c/n*", "--node-label", "a=b", "--from-cluster", "c", "--to-cluster", "d",
                                "--from-label", "x", "--to-label", "y",
                                "--from-port", "1", "--to-port", "2", "--from-ip", "1.1.1.1", "--to-ip", "::1",
                                "--snat-ip", "3.3.3.3", "--interface", "eth0", "--cel-expression", "true"});
    CHECK(f.uuid == std::vector<std::string>{""});
    CHECK(f.trace_id == std::vector<std::string>{"t"});
    CHECK(f.http_status_code == std::vector<std::string>{"5+"});
    CHECK(f.http_method == std::vector<std::string>{"get"});
    CHECK(f.http_path == std::vector<std::string>{"/x"});
    CHECK(f.http_url == std::vector<std::string>{"(?i)x"});
    CHECK(f.protocol == std::vector<std::string>{"TCP"});
    CHECK(f.node_name == std::vector<std::string>{"c/n*"});
    CHECK(f.node_labels == std::vector<std::string>{"a=b"});
    CHECK(f.source_cluster_name == std::vector<std::string>{"c"});
    CHECK(f.destination_cluster_name == std::vector<std::string>{"d"});
    CHECK(f.source_label == std::vector<std::string>{"x"});
    CHECK(f.destination_label == std::vector<std::string>{"y"});
    CHECK(f.source_port == std::vector<std::string>{"1"});
    CHECK(f.destination_port == std::vector<std::string>{"2"});
    CHECK(f.source_ip == std::vector<std::string>{"1.1.1.1"});
    CHECK(f.destination_ip == std::vector<std::string>{"::1"});
    CHECK(f.source_ip_xlated == std::vector<std::string>{"3.3.3.3"});
    CHECK(f.interface == std::vector<filter_interface>{{0, "eth0"}});
    CHECK(f.cel_expression == std::vector<std::string>{"true"});

    flow_filter fq = only_allow({"--from-fqdn", "a.b", "--to-fqdn", "*.c"});
    CHECK(fq.source_fqdn == std::vector<std::string>{"a.b"});
    CHECK(fq.destination_fqdn == std::vector<std::string>{"*.c"});
}

TEST_CASE("flag-time errors come in command-line order", "[cli][values][order]") {
    CHECK(error_of({"--verdict", "bogus", "--bogus"}) ==
          R"(invalid argument "bogus" for "--verdict" flag: invalid --verdict value: bogus)");
    CHECK(error_of({"--bogus", "--verdict", "bogus"}) == "unknown flag: --bogus");
    CHECK(error_of({"--type", "foo", "--last"}).starts_with(R"(invalid argument "foo" for "-t, --type" flag)"));
    CHECK(error_of({"--last", "x", "--type", "foo"}) ==
          R"(invalid argument "x" for "--last" flag: want a whole number, 0 or more)");
    // A flag error wins over --help, and over everything checked after parsing.
    CHECK(error_of({"--help", "--verdict", "x"}) == R"(invalid argument "x" for "--verdict" flag: invalid --verdict value: x)");
    CHECK(error_of({"-o", "yaml", "--verdict", "x"}) ==
          R"(invalid argument "x" for "--verdict" flag: invalid --verdict value: x)");
}

TEST_CASE("flags --aggregate-by and --top", "[cli][values][aggregate]") {
    const options o = parse_ok({"--aggregate-by=src-ns,l4.TCP.destination_port", "--aggregate-by", "type", "--top",
                                "0x10"});
    REQUIRE(o.output.aggregate.keys.size() == 3);
    CHECK(o.output.aggregate.keys[0].name == "src-ns");
    CHECK(o.output.aggregate.keys[1].paths.size() == 1);
    CHECK(o.output.aggregate.keys[2].format == key_format::event_type);
    CHECK(o.output.aggregate.top == 16);
    CHECK(o.output.aggregate.format == aggregate_format::table);
    CHECK(parse_ok({"--aggregate-by", "verdict", "-o", "jsonpb"}).output.aggregate.format == aggregate_format::json);
    CHECK(parse_ok({"--aggregate-by", "verdict", "-o", "table"}).output.aggregate.format == aggregate_format::table);
    CHECK(!parse_ok({}).output.aggregate.active());

    CHECK(error_of({"--aggregate-by", "src-ns,dts-ns"}) ==
          "invalid argument \"src-ns,dts-ns\" for \"--aggregate-by\" flag: unknown key \"dts-ns\" (did you mean "
          "dst-ns?)");
    CHECK(error_of({"--aggregate-by", "src-ns,"}).starts_with(
        "invalid argument \"src-ns,\" for \"--aggregate-by\" flag: unknown key \"\""));
    CHECK(error_of({"--top", "5"}) == "--top needs --aggregate-by");
    CHECK(error_of({"--aggregate-by", "verdict", "-o", "compact"}) ==
          "compact output format is not compatible with --aggregate-by (it prints a table, or JSON rows with -o "
          "json)");
    CHECK(error_of({"--aggregate-by", "verdict", "-c"}) == "cannot set both --aggregate-by and --count");
    CHECK(error_of({"--aggregate-by", "verdict", "-q"}) == "cannot set both --aggregate-by and --quiet");
    CHECK(error_of({"--aggregate-by", "verdict", "-o", "json", "--field-mask", "time"}) ==
          "cannot set both --aggregate-by and --field-mask");
}
