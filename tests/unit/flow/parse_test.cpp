// The response parser: every part of a flow that filters and printers read, both spellings of field
// names, enums by name and number, presence, and the lines it must refuse.
#include <catch2/catch_test_macros.hpp>

#include <string>

#include "flow/parse.h"

using namespace flowgrep;

namespace {

// Parses `json` from a padded copy, as the line reader hands lines out.
struct parsed {
    std::string storage;
    response r;
    response_parser parser;
    bool ok;

    explicit parsed(std::string_view json, field_set want = all_fields) : parser(want) {
        storage.assign(json);
        storage.resize(json.size() + simdjson::SIMDJSON_PADDING);
        ok = parser.parse(std::string_view(storage.data(), json.size()), r);
    }
};

}  // namespace

TEST_CASE("a real flow line decodes into every part") {
    parsed p(R"({"flow":{"time":"2021-06-16T16:52:13.136834446Z","verdict":"FORWARDED","ethernet":{"source":"46:e5","destination":"d6:ec"},"IP":{"source":"10.0.2.16","destination":"10.0.2.1","ipVersion":"IPv4"},"l4":{"TCP":{"source_port":15020,"destination_port":42044,"flags":{"FIN":true,"ACK":true}}},"source":{"ID":1231,"identity":25339,"namespace":"bookinfo","labels":["k8s:app=reviews","k8s:version=v1"],"pod_name":"reviews-v1","workloads":[{"name":"reviews","kind":"Deployment"}]},"destination":{"identity":1,"labels":["reserved:host"]},"Type":"L3_L4","node_name":"gke-1","reply":true,"event_type":{"type":4,"sub_type":3},"traffic_direction":"INGRESS","trace_observation_point":"TO_STACK","Summary":"TCP Flags: ACK, FIN"},"node_name":"gke-1","time":"2021-06-16T16:52:13.136834446Z"})");
    REQUIRE(p.ok);
    const flow& f = p.r.flow;
    CHECK(p.r.kind == response_kind::flow);
    CHECK(p.r.node_name == "gke-1");
    CHECK(p.r.time.seconds == 1623862333);
    CHECK(p.r.time.nanos == 136834446);
    CHECK(f.time.present);
    CHECK(f.verdict == 1);
    CHECK(f.has_ethernet);
    CHECK(f.ethernet_source == "46:e5");
    CHECK(f.has_ip);
    CHECK(f.ip_source == "10.0.2.16");
    CHECK(f.ip_destination == "10.0.2.1");
    CHECK(f.ip_version == 1);
    CHECK(f.l4 == l4_kind::tcp);
    CHECK(f.source_port == 15020);
    CHECK(f.destination_port == 42044);
    CHECK(f.has_tcp_flags);
    CHECK(f.tcp_flags == (tcp_fin | tcp_ack));
    CHECK(f.source.present);
    CHECK(f.source.identity == 25339);
    CHECK(f.source.namespace_ == "bookinfo");
    CHECK(f.source.pod_name == "reviews-v1");
    REQUIRE(f.source.labels.size() == 2);
    CHECK(f.source.labels[1] == "k8s:version=v1");
    REQUIRE(f.source.workloads.size() == 1);
    CHECK(f.source.workloads[0].kind == "Deployment");
    CHECK(f.destination.present);
    CHECK(f.destination.identity == 1);
    CHECK(f.node_name == "gke-1");
    CHECK(f.is_reply == flow::reply::unknown);  // the deprecated `reply` is not `is_reply`
    CHECK(f.has_event_type);
    CHECK(f.event_type == 4);
    CHECK(f.event_sub_type == 3);
    CHECK(f.traffic_direction == 1);
    CHECK(f.has_summary);
    CHECK(f.summary == "TCP Flags: ACK, FIN");
}

TEST_CASE("lowerCamelCase names are read like proto names") {
    parsed p(R"({"flow":{"isReply":true,"nodeName":"n1","dropReasonDesc":"POLICY_DENIED","sourceService":{"name":"s","namespace":"ns"},"traceContext":{"parent":{"traceId":"abc"}},"l4":{"UDP":{"sourcePort":53,"destinationPort":"5353"}},"source":{"podName":"p","clusterName":"c"}},"nodeName":"n1"})");
    REQUIRE(p.ok);
    const flow& f = p.r.flow;
    CHECK(f.is_reply == flow::reply::yes);
    CHECK(f.node_name == "n1");
    CHECK(f.drop_reason_desc == 133);
    CHECK(f.source_service.present);
    CHECK(f.source_service.namespace_ == "ns");
    CHECK(f.trace_id == "abc");
    CHECK(f.l4 == l4_kind::udp);
    CHECK(f.source_port == 53);
    CHECK(f.destination_port == 5353);  // quoted integers are integers
    CHECK(f.source.pod_name == "p");
    CHECK(f.source.cluster_name == "c");
    CHECK(p.r.node_name == "n1");
}

TEST_CASE("enums are read by number, and unknown names read as zero") {
    parsed by_number(R"({"flow":{"verdict":99,"auth_type":1}})");
    REQUIRE(by_number.ok);
    CHECK(by_number.r.flow.verdict == 99);
    CHECK(by_number.r.flow.auth_type == 1);

    parsed unknown(R"({"flow":{"verdict":"FROM_THE_FUTURE"}})");
    REQUIRE(unknown.ok);
    CHECK(unknown.r.flow.verdict == 0);
}

TEST_CASE("L7 records: DNS, HTTP with headers, Kafka, and an empty l7") {
    parsed dns(R"({"flow":{"l7":{"type":"REQUEST","dns":{"query":"a.example.com.","observation_source":"proxy"}}}})");
    REQUIRE(dns.ok);
    CHECK(dns.r.flow.has_l7);
    CHECK(dns.r.flow.l7_type == 1);
    CHECK(dns.r.flow.l7_record == l7_kind::dns);
    CHECK(dns.r.flow.has_dns);
    CHECK(dns.r.flow.dns_query == "a.example.com.");
    CHECK(dns.r.flow.dns_observation_source == "proxy");

    parsed http(R"({"flow":{"l7":{"type":"RESPONSE","http":{"code":404,"method":"GET","url":"http://x/a%20b","headers":[{"key":"k","value":"v"}]}}}})");
    REQUIRE(http.ok);
    CHECK(http.r.flow.l7_record == l7_kind::http);
    CHECK(http.r.flow.http_code == 404);
    CHECK(http.r.flow.http_method == "GET");
    CHECK(http.r.flow.http_url == "http://x/a%20b");
    REQUIRE(http.r.flow.http_headers.size() == 1);
    CHECK(http.r.flow.http_headers[0].value == "v");

    parsed kafka(R"({"flow":{"l7":{"kafka":{"topic":"orders"}}}})");
    REQUIRE(kafka.ok);
    CHECK(kafka.r.flow.l7_record == l7_kind::kafka);

    parsed empty(R"({"flow":{"l7":{}}})");
    REQUIRE(empty.ok);
    CHECK(empty.r.flow.has_l7);
    CHECK(empty.r.flow.l7_record == l7_kind::none);
}

TEST_CASE("presence: empty objects are present, null and absent are not") {
    parsed p(R"({"flow":{"source":{},"destination":null,"l4":{"ICMPv4":{}},"interface":{}}})");
    REQUIRE(p.ok);
    CHECK(p.r.flow.source.present);
    CHECK_FALSE(p.r.flow.destination.present);
    CHECK(p.r.flow.l4 == l4_kind::icmpv4);
    CHECK(p.r.flow.has_interface);
    CHECK_FALSE(p.r.flow.has_event_type);
    CHECK_FALSE(p.r.flow.time.present);
}

TEST_CASE("non-flow responses") {
    parsed lost(R"({"lost_events":{"source":"PERF_EVENT_RING_BUFFER","num_events_lost":"174","cpu":5},"node_name":"n","time":"2024-03-12T14:29:57.030320638Z"})");
    REQUIRE(lost.ok);
    CHECK(lost.r.kind == response_kind::lost_events);
    CHECK(lost.r.lost_events.source == 1);
    CHECK(lost.r.lost_events.num_events_lost == 174);
    CHECK(lost.r.lost_events.has_cpu);
    CHECK(lost.r.lost_events.cpu == 5);

    parsed status(R"({"node_status":{"state_change":"NODE_ERROR","node_names":["a","b"],"message":"boom"},"time":"2024-03-12T14:00:12Z"})");
    REQUIRE(status.ok);
    CHECK(status.r.kind == response_kind::node_status);
    CHECK(status.r.node_status.state_change == 4);
    CHECK(status.r.node_status.node_names.size() == 2);
    CHECK(status.r.node_status.message == "boom");

    // Agent events, and a response with no more than its own time and node, carry no payload: empty.
    for (std::string_view empty : {R"({})", R"({"flow":null})", R"({"time":"2024-01-02T03:04:05Z","node_name":"n"})",
                                   R"({"agent_event":{"type":"AGENT_STARTED"}})"}) {
        parsed e(empty);
        CHECK(e.ok);
        CHECK(e.r.kind == response_kind::empty);
    }
}

TEST_CASE("a bare Flow object reads as the flow it would wrap") {
    parsed p(R"({"time":"2024-01-02T03:04:05Z","verdict":"DROPPED","node_name":"n1","source":{"namespace":"shop"},"agent_event":{}})");
    REQUIRE(p.ok);
    CHECK(p.r.kind == response_kind::flow);
    CHECK(p.r.bare);
    CHECK(p.r.flow.verdict == 2);
    CHECK(p.r.flow.source.namespace_ == "shop");
    CHECK(p.r.flow.node_name == "n1");
    // The response's time and node are the flow's, as hubble observe writes them around it.
    CHECK(p.r.time.seconds == 1704164645);
    CHECK(p.r.node_name == "n1");

    // Without time: the window still sees the flow's (absent) time, not a stale one.
    parsed no_time(R"({"verdict":"FORWARDED"})", field_verdict | field_response_time);
    REQUIRE(no_time.ok);
    CHECK(no_time.r.kind == response_kind::flow);
    CHECK_FALSE(no_time.r.time.present);

    // A payload wins: a Flow field name next to "flow" is an unknown response member, as before.
    parsed wrapped(R"({"verdict":"DROPPED","flow":{"verdict":"FORWARDED"}})");
    REQUIRE(wrapped.ok);
    CHECK_FALSE(wrapped.r.bare);
    CHECK(wrapped.r.flow.verdict == 1);
    // ... and must still be JSON (the fuzzer found one that was not checked).
    parsed broken(R"({"lost_events":{"num_events_lost":"7"},"destination":{"x","last":"y"}})");
    CHECK_FALSE(broken.ok);

    // A bare flow's members are checked as a wrapped flow's are.
    for (std::string_view bad : {R"({"verdict":{}})", R"({"source":{"labels":"x"}})", R"({"time":"x","verdict":1})",
                                 R"({"l4":{"TCP":{},"UDP":{}}})", R"({"verdict":1,"verdict":2})"}) {
        parsed b(bad);
        INFO(bad);
        CHECK_FALSE(b.ok);
        CHECK_FALSE(b.parser.error().empty());
    }
}

TEST_CASE("lines that are not one GetFlowsResponse are refused") {
    for (std::string_view bad : {"", "   ", "[1,2]", "42", R"({"flow":{"verdict":)", R"({"a":1}{"b":2})",
                                 R"({"flow":{},"lost_events":{}})", R"({"flow":{"verdict":{}}})",
                                 R"({"flow":{"time":"2024-01-02t03:04:05Z"}})", R"({"flow":{"l4":{"TCP":{},"UDP":{}}}})",
                                 R"({"flow":{"source":{"identity":-1}}})", R"({"flow":"x"})"}) {
        parsed p(bad);
        INFO(bad);
        CHECK_FALSE(p.ok);
        CHECK_FALSE(p.parser.error().empty());
    }
}

TEST_CASE("fields nobody asked for are skipped") {
    parsed p(R"({"flow":{"verdict":"DROPPED","source":{"pod_name":"p"},"Summary":"s"}})", field_verdict);
    REQUIRE(p.ok);
    CHECK(p.r.flow.verdict == 2);
    CHECK_FALSE(p.r.flow.source.present);
    CHECK_FALSE(p.r.flow.has_summary);
}

TEST_CASE("RFC 3339 timestamps as protojson reads them") {
    timestamp t;
    REQUIRE(parse_rfc3339("1970-01-01T00:00:00Z", t));
    CHECK(t.seconds == 0);
    REQUIRE(parse_rfc3339("2024-01-02T03:04:05.123456789Z", t));
    CHECK(t.seconds == 1704164645);
    CHECK(t.nanos == 123456789);
    REQUIRE(parse_rfc3339("2024-01-02T02:00:00.5+02:00", t));
    CHECK(t.seconds == 1704153600);
    CHECK(t.nanos == 500000000);
    REQUIRE(parse_rfc3339("0001-01-01T00:00:00Z", t));
    CHECK(t.seconds == -62135596800);
    CHECK(parse_rfc3339("2024-02-29T00:00:00Z", t));
    for (std::string_view bad : {"2023-02-29T00:00:00Z", "2024-01-02 03:04:05Z", "2024-01-02T03:04:05z",
                                 "2024-01-02T03:04:05.1234567891Z", "2024-01-02T03:04:05", "0000-01-01T00:00:00Z",
                                 "2024-01-02T03:04:05.Z", "2024-13-02T03:04:05Z"}) {
        INFO(bad);
        CHECK_FALSE(parse_rfc3339(bad, t));
    }
}

TEST_CASE("the fields Cilium 1.18 and 1.19 added decode, and their form is checked") {
    parsed p(R"({"flow":{"IP":{"source":"10.0.0.1","destination":"10.0.0.2","ipVersion":"IPv4","encrypted":true},"l4":{"VRRP":{"type":1,"vrid":7,"priority":100}},"tunnel":{"protocol":"VXLAN","IP":{"source":"192.168.0.1","destination":"192.168.0.2"},"l4":{"UDP":{"source_port":4789,"destination_port":8472}},"vni":2},"emitter":{"name":"Hubble","version":"1.19.4"},"ip_trace_id":{"trace_id":"4660","ip_option_type":136},"egress_allowed_by":[{"name":"allow-dns","namespace":"kube-system","kind":"CiliumNetworkPolicy","revision":"3"}],"ingress_denied_by":[{"name":"deny-all","kind":"CiliumClusterwideNetworkPolicy"}],"policy_log":["audit"],"aggregate":{"ingress_flow_count":2,"egress_flow_count":1}}})");
    REQUIRE(p.ok);
    const flow& f = p.r.flow;
    CHECK(f.ip_encrypted);
    CHECK(f.l4 == l4_kind::vrrp);
    CHECK(f.ip_trace_id == 4660);
    // the tunnel's outer header is not the flow's
    CHECK(f.ip_source == "10.0.0.1");
    REQUIRE(f.egress_allowed_by.size() == 1);
    CHECK(f.egress_allowed_by[0].name == "allow-dns");
    CHECK(f.egress_allowed_by[0].namespace_ == "kube-system");
    CHECK(f.egress_allowed_by[0].kind == "CiliumNetworkPolicy");
    REQUIRE(f.ingress_denied_by.size() == 1);
    CHECK(f.ingress_denied_by[0].kind == "CiliumClusterwideNetworkPolicy");
    CHECK(f.ingress_allowed_by.empty());

    CHECK(parsed(R"({"flow":{"l4":{"IGMP":{"type":22,"group_address":"239.1.1.1"}}}})").r.flow.l4 == l4_kind::igmp);
    CHECK_FALSE(parsed(R"({"flow":{"ip_trace_id":{"trace_id":"x"}}})").ok);
    CHECK_FALSE(parsed(R"({"flow":{"tunnel":{"vni":"a lot"}}})").ok);
    CHECK_FALSE(parsed(R"({"flow":{"emitter":{"name":1}}})").ok);
    CHECK_FALSE(parsed(R"({"flow":{"aggregate":{"egress_flow_count":-1}}})").ok);
}

TEST_CASE("a lost event's first and last times decode") {
    parsed p(R"({"lost_events":{"source":"PERF_EVENT_RING_BUFFER","num_events_lost":"3","cpu":{"value":1},"first":"2025-01-02T03:04:05Z","last":"2025-01-02T03:04:06.5Z"}})");
    // cpu is an Int32Value, written as a bare number: the object form is refused
    CHECK_FALSE(p.ok);
    parsed q(R"({"lost_events":{"source":"PERF_EVENT_RING_BUFFER","num_events_lost":"3","cpu":1,"first":"2025-01-02T03:04:05Z","last":"2025-01-02T03:04:06.5Z"}})");
    REQUIRE(q.ok);
    CHECK(q.r.lost_events.first.present);
    CHECK(q.r.lost_events.last.nanos == 500000000);
}
