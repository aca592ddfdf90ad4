// compact output: the real and synthetic sample lines of hubble-semantics §5.6, built by hand, plus
// reply swapping, empty flows, lost events and node-status messages.
#include <catch2/catch_test_macros.hpp>

#include "flow/event_types.h"
#include "print_test_util.h"

namespace flowgrep::test {

namespace {

std::string compact(const response& r, const output_settings& opts = {}) {
    return print_all(opts, r).out;
}

response synthetic_drop() {
    response r = tcp_flow("10.0.0.1", 40000, "10.0.0.2", 80);
    flow& f = r.flow;
    f.time = at(jan_2_2024_03_04_05, 123'000'000);
    f.node_name = "kind-worker";
    f.verdict = 2;
    f.source.identity = 12345;
    f.source.namespace_ = "default";
    f.source.pod_name = "client-abc";
    f.destination.identity = 23456;
    f.destination.namespace_ = "prod";
    f.destination.pod_name = "server-xyz";
    f.is_reply = flow::reply::no;
    f.has_event_type = true;
    f.event_type = 1;
    f.event_sub_type = 133;
    f.has_summary = true;
    f.summary = "TCP Flags: SYN";
    return r;
}

}  // namespace

TEST_CASE("compact prints the real sample flows like Hubble", "[output][compact]") {
    SECTION("trace to-stack with unknown direction") {
        response r = tcp_flow("10.0.2.3", 15020, "10.0.2.1", 42044);
        flow& f = r.flow;
        f.time = at(1623862333, 136834446);
        f.verdict = 1;
        f.source.identity = 25339;
        f.source.namespace_ = "bookinfo";
        f.source.pod_name = "reviews-v1-545db77b95-s6jb8";
        f.destination.identity = 1;
        f.has_event_type = true;
        f.event_type = 4;
        f.event_sub_type = 3;
        f.summary = "TCP Flags: ACK, FIN";
        CHECK(compact(r) ==
              "Jun 16 16:52:13.136: bookinfo/reviews-v1-545db77b95-s6jb8:15020 (ID:25339) <> "
              "10.0.2.1:42044 (host) to-stack FORWARDED (TCP Flags: ACK, FIN)\n");
    }
    SECTION("http request") {
        response r = tcp_flow("10.156.0.9", 48532, "10.128.0.4", 9990);
        flow& f = r.flow;
        f.time = at(1633357718, 735'100'000);
        f.verdict = 1;
        f.source.identity = 16781;
        f.source.namespace_ = "istio-system";
        f.source.pod_name = "prometheus-6655946b9f-6xcpf";
        f.destination.identity = 2;
        f.is_reply = flow::reply::no;
        f.has_l7 = true;
        f.l7_type = 1;
        f.l7_record = l7_kind::http;
        f.has_event_type = true;
        f.event_type = monitor_event::l7;
        f.summary = "HTTP/1.1 GET http://10.128.0.4:9990/metrics";
        CHECK(compact(r) ==
              "Oct  4 14:28:38.735: istio-system/prometheus-6655946b9f-6xcpf:48532 (ID:16781) -> "
              "10.128.0.4:9990 (world) http-request FORWARDED (HTTP/1.1 GET http://10.128.0.4:9990/metrics)\n");
    }
    SECTION("http response is turned round") {
        response r = tcp_flow("10.156.1.2", 9253, "10.156.0.9", 57468);
        flow& f = r.flow;
        f.time = at(1633357720, 808'999'999);
        f.verdict = 1;
        f.source.identity = 2;
        f.source.namespace_ = "kube-system";
        f.source.pod_name = "node-local-dns-r99x7";
        f.destination.identity = 16781;
        f.destination.namespace_ = "istio-system";
        f.destination.pod_name = "prometheus-6655946b9f-6xcpf";
        f.is_reply = flow::reply::yes;
        f.has_l7 = true;
        f.l7_type = 2;
        f.l7_record = l7_kind::http;
        f.summary = "HTTP/1.1 503 999ms (GET http://10.156.1.2:9253/metrics)";
        CHECK(compact(r) ==
              "Oct  4 14:28:40.808: istio-system/prometheus-6655946b9f-6xcpf:57468 (ID:16781) <- "
              "kube-system/node-local-dns-r99x7:9253 (world) http-response FORWARDED "
              "(HTTP/1.1 503 999ms (GET http://10.156.1.2:9253/metrics))\n");
    }
    SECTION("dns request seen by the proxy") {
        response r = tcp_flow("10.156.0.3", 59102, "10.156.0.4", 53);
        flow& f = r.flow;
        f.l4 = l4_kind::udp;
        f.time = at(1633346546, 592'000'000);
        f.verdict = 1;
        f.source.identity = 1563;
        f.source.namespace_ = "kube-system";
        f.source.pod_name = "node-local-dns-88zrp";
        f.destination.identity = 796;
        f.destination.namespace_ = "kube-system";
        f.destination.pod_name = "kube-dns-b4f5c58c7-vnx5s";
        f.is_reply = flow::reply::no;
        f.has_l7 = true;
        f.l7_type = 1;
        f.l7_record = l7_kind::dns;
        f.has_dns = true;
        f.dns_observation_source = "proxy";
        f.summary = "DNS Query istiod-istio-1611.istio-system.svc.istio-system.svc.cluster.local. A";
        CHECK(compact(r) ==
              "Oct  4 11:22:26.592: kube-system/node-local-dns-88zrp:59102 (ID:1563) -> "
              "kube-system/kube-dns-b4f5c58c7-vnx5s:53 (ID:796) dns-request proxy FORWARDED "
              "(DNS Query istiod-istio-1611.istio-system.svc.istio-system.svc.cluster.local. A)\n");
    }
    SECTION("policy verdict renames FORWARDED to ALLOWED") {
        response r = tcp_flow("10.0.0.5", 59736, "10.0.0.6", 9080);
        flow& f = r.flow;
        f.time = at(1636540856, 885'000'000);
        f.verdict = 1;
        f.source.identity = 16370;
        f.source.namespace_ = "bookinfo";
        f.source.pod_name = "ratings-v1-b6994bb9-jgqxb";
        f.destination.identity = 3418;
        f.destination.namespace_ = "bookinfo";
        f.destination.pod_name = "productpage-v1-6b746f74dc-9rcxx";
        f.is_reply = flow::reply::no;
        f.has_event_type = true;
        f.event_type = 5;
        f.policy_match_type = 3;
        f.traffic_direction = 2;
        f.summary = "TCP Flags: SYN";
        CHECK(compact(r) ==
              "Nov 10 10:40:56.885: bookinfo/ratings-v1-b6994bb9-jgqxb:59736 (ID:16370) -> "
              "bookinfo/productpage-v1-6b746f74dc-9rcxx:9080 (ID:3418) policy-verdict:L4-Only EGRESS "
              "ALLOWED (TCP Flags: SYN)\n");
    }
    SECTION("ICMP echo and its reply") {
        response r = flow_response();
        flow& f = r.flow;
        f.time = at(1636540886, 95'000'000);
        f.verdict = 1;
        f.has_ip = true;
        f.ip_source = "10.244.0.148";
        f.ip_destination = "10.244.0.160";
        f.l4 = l4_kind::icmpv4;
        f.source.present = f.destination.present = true;
        f.source.identity = 1;
        f.destination.identity = 4;
        f.is_reply = flow::reply::no;
        f.has_event_type = true;
        f.event_type = 4;
        f.event_sub_type = 0;
        f.summary = "ICMPv4 EchoRequest";
        CHECK(compact(r) ==
              "Nov 10 10:41:26.095: 10.244.0.148 (host) -> 10.244.0.160 (health) to-endpoint "
              "FORWARDED (ICMPv4 EchoRequest)\n");

        std::swap(f.ip_source, f.ip_destination);
        std::swap(f.source.identity, f.destination.identity);
        f.is_reply = flow::reply::yes;
        f.event_sub_type = 3;
        f.summary = "ICMPv4 EchoReply";
        CHECK(compact(r) ==
              "Nov 10 10:41:26.095: 10.244.0.148 (host) <- 10.244.0.160 (health) to-stack "
              "FORWARDED (ICMPv4 EchoReply)\n");
    }
}

TEST_CASE("compact prints the synthetic sample flows like Hubble", "[output][compact]") {
    SECTION("drop reason from the sub-type, truncated to 8 bits") {
        response r = synthetic_drop();
        r.flow.event_sub_type = 389;  // 389 & 0xff = 133
        CHECK(compact(r) ==
              "Jan  2 03:04:05.123: default/client-abc:40000 (ID:12345) -> prod/server-xyz:80 "
              "(ID:23456) Policy denied DROPPED (TCP Flags: SYN)\n");
    }
    SECTION("--numeric prints IPs") {
        output_settings o;
        o.numeric = true;
        CHECK(compact(synthetic_drop(), o) ==
              "Jan  2 03:04:05.123: 10.0.0.1:40000 (ID:12345) -> 10.0.0.2:80 (ID:23456) Policy "
              "denied DROPPED (TCP Flags: SYN)\n");
    }
    SECTION("--ip-translation=false prints IPs") {
        output_settings o;
        o.ip_translation = false;
        CHECK(compact(synthetic_drop(), o) ==
              "Jan  2 03:04:05.123: 10.0.0.1:40000 (ID:12345) -> 10.0.0.2:80 (ID:23456) Policy "
              "denied DROPPED (TCP Flags: SYN)\n");
    }
    SECTION("--print-node-name") {
        output_settings o;
        o.print_node_name = true;
        CHECK(compact(synthetic_drop(), o) ==
              "Jan  2 03:04:05.123 [kind-worker]: default/client-abc:40000 (ID:12345) -> "
              "prod/server-xyz:80 (ID:23456) Policy denied DROPPED (TCP Flags: SYN)\n");
        response r = synthetic_drop();
        r.flow.node_name = {};
        CHECK(compact(r, o).starts_with("Jan  2 03:04:05.123 []: default/client-abc"));
    }
    SECTION("policy verdict L3-L4 with UDP and a world destination") {
        response r = tcp_flow("10.0.0.1", 5353, "10.0.0.2", 53);
        flow& f = r.flow;
        f.l4 = l4_kind::udp;
        f.time = at(jan_2_2024_03_04_05 + 1);
        f.verdict = 1;
        f.source.identity = 12345;
        f.source.namespace_ = "default";
        f.source.pod_name = "client-abc";
        f.destination.identity = 2;
        f.is_reply = flow::reply::no;
        f.has_event_type = true;
        f.event_type = 5;
        f.policy_match_type = 2;
        f.traffic_direction = 2;
        f.summary = "UDP";
        CHECK(compact(r) ==
              "Jan  2 03:04:06.000: default/client-abc:5353 (ID:12345) -> 10.0.0.2:53 (world) "
              "policy-verdict:L3-L4 EGRESS ALLOWED (UDP)\n");
    }
    SECTION("IPv6 hosts in brackets, denied policy verdict") {
        response r = tcp_flow("fd00::1", 1234, "fd00::2", 443);
        flow& f = r.flow;
        f.ip_version = 2;
        f.time = at(jan_2_2024_03_04_05 + 2);
        f.verdict = 2;
        f.source.identity = 7;
        f.destination.identity = 16777217;
        f.is_reply = flow::reply::no;
        f.has_event_type = true;
        f.event_type = 5;
        f.policy_match_type = 0;
        f.traffic_direction = 1;
        f.summary = "TCP Flags: SYN";
        CHECK(compact(r) ==
              "Jan  2 03:04:07.000: [fd00::1]:1234 (kube-apiserver) -> [fd00::2]:443 (ID:16777217) "
              "policy-verdict:none INGRESS DENIED (TCP Flags: SYN)\n");
    }
    SECTION("kafka request") {
        response r = tcp_flow("10.0.3.1", 50000, "10.0.3.2", 9092);
        flow& f = r.flow;
        f.time = at(jan_2_2024_03_04_05 + 3);
        f.verdict = 1;
        f.source.identity = 300;
        f.source.namespace_ = "kafka";
        f.source.pod_name = "producer";
        f.destination.identity = 301;
        f.destination.namespace_ = "kafka";
        f.destination.pod_name = "broker-0";
        f.is_reply = flow::reply::no;
        f.has_l7 = true;
        f.l7_type = 1;
        f.l7_record = l7_kind::kafka;
        f.summary = "Kafka request produce correlation id 7 topic 'orders'";
        CHECK(compact(r) ==
              "Jan  2 03:04:08.000: kafka/producer:50000 (ID:300) -> kafka/broker-0:9092 (ID:301) "
              "kafka-request FORWARDED (Kafka request produce correlation id 7 topic 'orders')\n");
    }
    SECTION("reply from a service pod to DNS names; the service namespace wins") {
        response r = tcp_flow("10.0.4.1", 8080, "93.184.216.34", 41000);
        flow& f = r.flow;
        f.time = at(jan_2_2024_03_04_05 + 4);
        f.verdict = 1;
        f.source.identity = 400;
        f.source.namespace_ = "web";
        f.source.pod_name = "frontend-1";
        f.source_service.present = true;
        f.source_service.name = "frontend";
        f.source_service.namespace_ = "websvc";
        f.destination.identity = 2;
        f.destination_names = {"api.example.com", "alias.example.com"};
        f.is_reply = flow::reply::yes;
        f.has_l7 = true;
        f.l7_type = 2;
        f.l7_record = l7_kind::http;
        f.summary = "HTTP/1.1 404 1ms (GET http://api.example.com/v1/items?a=1&b=<2>)";
        CHECK(compact(r) ==
              "Jan  2 03:04:09.000: api.example.com,alias.example.com:41000 (world) <- "
              "websvc/frontend-1:8080 (ID:400) http-response FORWARDED "
              "(HTTP/1.1 404 1ms (GET http://api.example.com/v1/items?a=1&b=<2>))\n");
    }
    SECTION("ICMPv6 has no ports") {
        response r = flow_response();
        flow& f = r.flow;
        f.time = at(jan_2_2024_03_04_05 + 5);
        f.verdict = 1;
        f.has_ip = true;
        f.ip_source = "fd00::3";
        f.ip_destination = "fd00::4";
        f.l4 = l4_kind::icmpv6;
        f.source.present = f.destination.present = true;
        f.source.identity = 6;
        f.destination.identity = 1;
        f.has_event_type = true;
        f.event_type = 4;
        f.event_sub_type = 4;
        f.summary = "ICMPv6 EchoRequest";
        CHECK(compact(r) ==
              "Jan  2 03:04:10.000: fd00::3 (remote-node) <> fd00::4 (host) to-overlay FORWARDED "
              "(ICMPv6 EchoRequest)\n");
    }
    SECTION("ARP: no IP, so the MAC addresses") {
        response r = flow_response();
        flow& f = r.flow;
        f.time = at(jan_2_2024_03_04_05 + 6);
        f.verdict = 1;
        f.has_ethernet = true;
        f.ethernet_source = "aa:bb:cc:dd:ee:03";
        f.ethernet_destination = "ff:ff:ff:ff:ff:ff";
        f.has_event_type = true;
        f.event_type = 4;
        f.event_sub_type = 10;
        f.summary = "ARP";
        CHECK(compact(r) ==
              "Jan  2 03:04:11.000: aa:bb:cc:dd:ee:03 (unknown) <> ff:ff:ff:ff:ff:ff (unknown) "
              "from-network FORWARDED (ARP)\n");
    }
    SECTION("trace-sock without a source port") {
        response r = tcp_flow("10.0.0.1", 0, "10.96.0.1", 443);
        flow& f = r.flow;
        f.time = at(jan_2_2024_03_04_05 + 7);
        f.verdict = 6;
        f.source.identity = 12345;
        f.source.namespace_ = "default";
        f.source.pod_name = "client-abc";
        f.destination.present = false;
        f.is_reply = flow::reply::no;
        f.has_event_type = true;
        f.event_type = 7;
        f.sock_xlate_point = 1;
        f.summary = "pre-xlate";
        CHECK(compact(r) ==
              "Jan  2 03:04:12.000: default/client-abc (ID:12345) -> 10.96.0.1:443 (unknown) "
              "pre-xlate-fwd TRACED (pre-xlate)\n");
    }
    SECTION("SCTP drop with an unknown reason and authentication") {
        response r = tcp_flow("10.0.0.9", 3868, "10.0.0.10", 3868);
        flow& f = r.flow;
        f.l4 = l4_kind::sctp;
        f.time = at(jan_2_2024_03_04_05 + 8);
        f.verdict = 2;
        f.auth_type = 1;
        f.source.identity = 5;
        f.destination.identity = 8;
        f.is_reply = flow::reply::no;
        f.has_event_type = true;
        f.event_type = 1;
        f.event_sub_type = 159;
        f.summary = "SCTP";
        CHECK(compact(r) ==
              "Jan  2 03:04:13.000: 10.0.0.9:3868 (init) -> 10.0.0.10:3868 (ingress) 159, 0 DROPPED "
              "(SCTP; Auth: SPIRE)\n");
    }
    SECTION("capture point and TRANSLATED") {
        response r = tcp_flow("10.0.0.1", 33333, "8.8.8.8", 53);
        flow& f = r.flow;
        f.l4 = l4_kind::udp;
        f.time = at(jan_2_2024_03_04_05 + 9);
        f.verdict = 7;
        f.source.identity = 12345;
        f.destination.identity = 16777218;
        f.is_reply = flow::reply::no;
        f.has_event_type = true;
        f.event_type = 3;
        f.debug_capture_point = 11;
        f.summary = "UDP";
        CHECK(compact(r) ==
              "Jan  2 03:04:14.000: 10.0.0.1:33333 (ID:12345) -> 8.8.8.8:53 (ID:16777218) "
              "DBG_CAPTURE_SNAT_POST TRANSLATED (UDP)\n");
    }
    SECTION("dns response without an observation source keeps two spaces") {
        response r = tcp_flow("10.0.5.53", 53, "10.0.0.1", 33333);
        flow& f = r.flow;
        f.l4 = l4_kind::udp;
        f.time = at(jan_2_2024_03_04_05 + 10);
        f.verdict = 1;
        f.source.identity = 102;
        f.source.namespace_ = "kube-system";
        f.source.pod_name = "coredns-1";
        f.destination.identity = 12345;
        f.destination.namespace_ = "default";
        f.destination.pod_name = "client-abc";
        f.is_reply = flow::reply::yes;
        f.has_l7 = true;
        f.l7_type = 2;
        f.l7_record = l7_kind::dns;
        f.has_dns = true;
        f.summary = "DNS Answer \"93.184.216.34\" TTL: 300 (Proxy example.com. A)";
        CHECK(compact(r) ==
              "Jan  2 03:04:15.000: default/client-abc:33333 (ID:12345) <- kube-system/coredns-1:53 "
              "(ID:102) dns-response  FORWARDED (DNS Answer \"93.184.216.34\" TTL: 300 (Proxy "
              "example.com. A))\n");
    }
    SECTION("policy verdict AUDIT becomes AUDITED") {
        response r = tcp_flow("10.0.0.1", 40001, "10.0.0.2", 8080);
        flow& f = r.flow;
        f.time = at(jan_2_2024_03_04_05 + 11);
        f.verdict = 4;
        f.source.identity = 12345;
        f.destination.identity = 23456;
        f.is_reply = flow::reply::no;
        f.has_event_type = true;
        f.event_type = 5;
        f.policy_match_type = 4;
        f.traffic_direction = 1;
        f.summary = "TCP";
        CHECK(compact(r) ==
              "Jan  2 03:04:16.000: 10.0.0.1:40001 (ID:12345) -> 10.0.0.2:8080 (ID:23456) "
              "policy-verdict:all INGRESS AUDITED (TCP)\n");
    }
}

TEST_CASE("compact keeps the separators of empty pieces", "[output][compact]") {
    response r = flow_response();  // "flow":{}
    CHECK(compact(r) == "N/A:  (unknown) <>  (unknown) UNKNOWN VERDICT_UNKNOWN ()\n");

    r.flow.has_ip = true;  // "IP":{} with an l4 port: an empty host still gets its port
    r.flow.l4 = l4_kind::udp;
    r.flow.source_port = 1;
    CHECK(compact(r) == "N/A: :1 (unknown) <>  (unknown) UNKNOWN VERDICT_UNKNOWN ()\n");
}

TEST_CASE("compact swaps hosts and identities of replies only", "[output][compact]") {
    response r = tcp_flow("10.0.0.1", 1000, "10.0.0.2", 2000);
    r.flow.source.identity = 100;
    r.flow.destination.identity = 200;
    r.flow.is_reply = flow::reply::unknown;
    CHECK(compact(r) == "N/A: 10.0.0.1:1000 (ID:100) <> 10.0.0.2:2000 (ID:200) UNKNOWN VERDICT_UNKNOWN ()\n");
    r.flow.is_reply = flow::reply::no;
    CHECK(compact(r) == "N/A: 10.0.0.1:1000 (ID:100) -> 10.0.0.2:2000 (ID:200) UNKNOWN VERDICT_UNKNOWN ()\n");
    r.flow.is_reply = flow::reply::yes;
    CHECK(compact(r) == "N/A: 10.0.0.2:2000 (ID:200) <- 10.0.0.1:1000 (ID:100) UNKNOWN VERDICT_UNKNOWN ()\n");
}

TEST_CASE("compact colours hosts, ports, identities, verdicts and auth", "[output][compact][color]") {
    output_settings o;
    o.color = color_mode::always;
    response r = synthetic_drop();
    r.flow.auth_type = 2;
    CHECK(compact(r, o) ==
          "Jan  2 03:04:05.123: \x1b[36mdefault/client-abc:\x1b[33m40000\x1b[0m\x1b[0m "
          "\x1b[35m(ID:12345)\x1b[0m -> \x1b[36mprod/server-xyz:\x1b[33m80\x1b[0m\x1b[0m "
          "\x1b[35m(ID:23456)\x1b[0m Policy denied \x1b[31mDROPPED\x1b[0m "
          "(TCP Flags: SYN; Auth: \x1b[31mTEST_ALWAYS_FAIL\x1b[0m)\n");

    o.color = color_mode::never;
    CHECK(compact(r, o).find('\x1b') == std::string::npos);
    o.color = color_mode::auto_;  // print_all decides as if stdout were a pipe
    CHECK(compact(r, o).find('\x1b') == std::string::npos);
}

TEST_CASE("compact colours MAC addresses without a port and leaves unknown verdicts plain",
          "[output][compact][color]") {
    output_settings o;
    o.color = color_mode::always;
    response r = flow_response();
    r.flow.has_ethernet = true;
    r.flow.ethernet_source = "aa:bb:cc:dd:ee:03";
    r.flow.ethernet_destination = "ff:ff:ff:ff:ff:ff";
    r.flow.verdict = 99;
    CHECK(compact(r, o) ==
          "N/A: \x1b[36maa:bb:cc:dd:ee:03\x1b[0m \x1b[35m(unknown)\x1b[0m <> "
          "\x1b[36mff:ff:ff:ff:ff:ff\x1b[0m \x1b[35m(unknown)\x1b[0m UNKNOWN 99 ()\n");
}

TEST_CASE("compact prints lost events after the response time", "[output][compact][lost]") {
    response r;
    r.kind = response_kind::lost_events;
    r.time = at(jan_2_2024_03_04_05, 164'000'000);
    r.node_name = "node-1";
    r.lost_events.source = 1;
    r.lost_events.num_events_lost = 42;
    r.lost_events.has_cpu = true;
    r.lost_events.cpu = 3;
    CHECK(compact(r) == "Jan  2 03:04:05.164 EVENTS LOST: PERF_EVENT_RING_BUFFER CPU(3) 42\n");

    output_settings node;
    node.print_node_name = true;  // compact names no node on a lost-events line
    CHECK(compact(r, node) == "Jan  2 03:04:05.164 EVENTS LOST: PERF_EVENT_RING_BUFFER CPU(3) 42\n");

    r.time = {};
    r.lost_events.source = 3;
    r.lost_events.has_cpu = false;
    r.lost_events.cpu = 0;
    r.lost_events.num_events_lost = 26305;
    CHECK(compact(r) == "N/A EVENTS LOST: HUBBLE_RING_BUFFER CPU(0) 26305\n");

    r.lost_events.source = 17;
    CHECK(compact(r) == "N/A EVENTS LOST: 17 CPU(0) 26305\n");
}

TEST_CASE("compact adds the first and last lost event when both are set", "[output][compact][lost]") {
    response r;
    r.kind = response_kind::lost_events;
    r.time = at(jan_2_2024_03_04_05);
    r.lost_events.source = 2;
    r.lost_events.num_events_lost = 7;
    r.lost_events.first = at(jan_2_2024_03_04_05 - 60, 1'000'000);
    CHECK(compact(r) == "Jan  2 03:04:05.000 EVENTS LOST: OBSERVER_EVENTS_QUEUE CPU(0) 7\n");
    r.lost_events.last = at(jan_2_2024_03_04_05 - 1, 999'999'999);
    CHECK(compact(r) == "Jan  2 03:04:05.000 EVENTS LOST: OBSERVER_EVENTS_QUEUE CPU(0) 7 "
                        "(first: Jan  2 03:03:05.001, last: Jan  2 03:04:04.999)\n");
    output_settings rfc;
    rfc.time_format = "RFC3339Nano";
    CHECK(compact(r, rfc) == "2024-01-02T03:04:05Z EVENTS LOST: OBSERVER_EVENTS_QUEUE CPU(0) 7 "
                             "(first: 2024-01-02T03:03:05.001Z, last: 2024-01-02T03:04:04.999999999Z)\n");
    r.lost_events.first = {};
    CHECK(compact(r) == "Jan  2 03:04:05.000 EVENTS LOST: OBSERVER_EVENTS_QUEUE CPU(0) 7\n");
}

TEST_CASE("compact prints nothing for empty responses", "[output][compact]") {
    response r;  // {} or an agent event
    printed p = print_all(output_settings{}, r);
    CHECK(p.out.empty());
    CHECK(p.err.empty());
}

}  // namespace flowgrep::test
