// The FlowFilter predicates field by field (hubble-semantics §2.5-§2.9, §3.3), the allow/deny
// combination, non-flow responses (§2.3), compile errors (§2.4) and what matching needs().
#include <catch2/catch_test_macros.hpp>

#include <string>

#include "filter/matcher.h"

using namespace flowgrep;

namespace {

response flow_response() {
    response r;
    r.kind = response_kind::flow;
    return r;
}

bool allows(const flow_filter& filter, const response& r) {
    return flow_matcher(filter_lists{{filter}, {}}).matches(r);
}

std::string compile_error(const flow_filter& filter) {
    try {
        flow_matcher m(filter_lists{{filter}, {}});
    } catch (const filter_error& e) {
        return e.what();
    }
    return "";
}

field_set needs_of(const flow_filter& filter) { return flow_matcher(filter_lists{{filter}, {}}).needs(); }

constexpr int32_t forwarded = 1;
constexpr int32_t dropped = 2;

}  // namespace

TEST_CASE("allow and deny lists combine as allowlist minus denylist", "[matcher]") {
    flow_filter is_dropped;
    is_dropped.verdict = {dropped};
    flow_filter is_udp;
    is_udp.protocol = {"udp"};

    auto drop = flow_response();
    drop.flow.verdict = dropped;
    auto udp = flow_response();
    udp.flow.verdict = forwarded;
    udp.flow.l4 = l4_kind::udp;
    auto tcp = flow_response();
    tcp.flow.verdict = forwarded;
    tcp.flow.l4 = l4_kind::tcp;

    SECTION("no filters pass everything") {
        flow_matcher m(filter_lists{});
        CHECK(m.matches(drop));
        CHECK(m.matches(response{}));
        CHECK(m.needs() == 0);
    }
    SECTION("allow filters are OR-ed") {
        flow_matcher m(filter_lists{{is_dropped, is_udp}, {}});
        CHECK(m.matches(drop));
        CHECK(m.matches(udp));
        CHECK_FALSE(m.matches(tcp));
    }
    SECTION("deny filters remove what they match") {
        flow_matcher m(filter_lists{{}, {is_dropped}});
        CHECK_FALSE(m.matches(drop));
        CHECK(m.matches(udp));
    }
    SECTION("an empty deny filter removes everything") {
        flow_matcher m(filter_lists{{}, {flow_filter{}}});
        CHECK_FALSE(m.matches(drop));
        CHECK_FALSE(m.matches(response{}));
    }
    SECTION("the same filter allowed and denied prints nothing") {
        flow_matcher m(filter_lists{{is_dropped}, {is_dropped}});
        CHECK_FALSE(m.matches(drop));
    }
    SECTION("fields inside one filter are AND-ed") {
        flow_filter both = is_dropped;
        both.protocol = {"udp"};
        drop.flow.l4 = l4_kind::tcp;
        CHECK_FALSE(allows(both, drop));
        drop.flow.l4 = l4_kind::udp;
        CHECK(allows(both, drop));
    }
    SECTION("a matcher moves") {
        flow_matcher m(filter_lists{{is_dropped}, {}});
        flow_matcher moved = std::move(m);
        CHECK(moved.matches(drop));
        CHECK_FALSE(moved.matches(udp));
    }
}

TEST_CASE("uuid and trace_id are exact memberships", "[matcher]") {
    auto r = flow_response();
    r.flow.uuid = "abc";
    flow_filter f;
    f.uuid = {"x", "abc"};
    CHECK(allows(f, r));
    f.uuid = {"ab"};
    CHECK_FALSE(allows(f, r));

    SECTION("an empty uuid matches flows without one, but not non-flow responses") {
        f.uuid = {""};
        CHECK(allows(f, flow_response()));
        response lost;
        lost.kind = response_kind::lost_events;
        CHECK_FALSE(allows(f, lost));
        CHECK_FALSE(allows(f, response{}));
    }
    SECTION("an empty trace id matches flows without one and non-flow responses") {
        flow_filter t;
        t.trace_id = {""};
        CHECK(allows(t, flow_response()));
        response lost;
        lost.kind = response_kind::lost_events;
        CHECK(allows(t, lost));
        r.flow.trace_id = "0af7651916cd43dd8448eb211c80319c";
        CHECK_FALSE(allows(t, r));
        t.trace_id = {"0af7651916cd43dd8448eb211c80319c"};
        CHECK(allows(t, r));
    }
}

TEST_CASE("verdict, drop_reason_desc, traffic_direction and ip_version are enum memberships", "[matcher]") {
    auto r = flow_response();
    SECTION("verdict; an absent verdict is VERDICT_UNKNOWN") {
        flow_filter f;
        f.verdict = {forwarded, dropped};
        r.flow.verdict = dropped;
        CHECK(allows(f, r));
        r.flow.verdict = 3;
        CHECK_FALSE(allows(f, r));
        f.verdict = {0};
        CHECK(allows(f, flow_response()));
    }
    SECTION("drop_reason_desc requires a dropped flow") {
        flow_filter f;
        f.drop_reason_desc = {133};
        r.flow.drop_reason_desc = 133;
        r.flow.verdict = forwarded;
        CHECK_FALSE(allows(f, r));
        r.flow.verdict = dropped;
        CHECK(allows(f, r));
        r.flow.drop_reason_desc = 181;
        CHECK_FALSE(allows(f, r));
        SECTION("DROP_REASON_UNKNOWN matches a dropped flow without the field") {
            f.drop_reason_desc = {0};
            auto d = flow_response();
            d.flow.verdict = dropped;
            CHECK(allows(f, d));
        }
    }
    SECTION("traffic_direction") {
        flow_filter f;
        f.traffic_direction = {1};
        r.flow.traffic_direction = 1;
        CHECK(allows(f, r));
        r.flow.traffic_direction = 2;
        CHECK_FALSE(allows(f, r));
        f.traffic_direction = {0};
        CHECK(allows(f, flow_response()));
    }
    SECTION("ip_version; a flow without IP is IP_NOT_USED") {
        flow_filter f;
        f.ip_version = {0};
        CHECK(allows(f, flow_response()));
        r.flow.has_ip = true;
        r.flow.ip_version = 1;
        CHECK_FALSE(allows(f, r));
        f.ip_version = {1, 2};
        CHECK(allows(f, r));
    }
}

TEST_CASE("event_type matches type and, when asked, sub-type", "[matcher]") {
    auto trace = flow_response();
    trace.flow.has_event_type = true;
    trace.flow.event_type = 4;
    trace.flow.event_sub_type = 3;
    auto drop = flow_response();
    drop.flow.has_event_type = true;
    drop.flow.event_type = 1;
    drop.flow.event_sub_type = 133;

    flow_filter f;
    f.event_type = {{1, false, 0}};
    CHECK(allows(f, drop));
    CHECK_FALSE(allows(f, trace));

    SECTION("-t drop:133 matches that sub-type only") {
        f.event_type = {{1, true, 133}};
        CHECK(allows(f, drop));
        drop.flow.event_sub_type = 181;
        CHECK_FALSE(allows(f, drop));
    }
    SECTION("type 0 is any type: -t 0:4") {
        f.event_type = {{0, true, 3}};
        CHECK(allows(f, trace));
        CHECK_FALSE(allows(f, drop));
    }
    SECTION("-t trace:to-endpoint is sub-type 0") {
        f.event_type = {{4, true, 0}};
        CHECK_FALSE(allows(f, trace));
        trace.flow.event_sub_type = 0;
        CHECK(allows(f, trace));
    }
    SECTION("a sub_type without match_sub_type is ignored") {
        f.event_type = {{4, false, 9}};
        CHECK(allows(f, trace));
    }
    SECTION("repeated types are OR-ed") {
        f.event_type = {{4, false, 0}, {1, false, 0}};
        CHECK(allows(f, trace));
        CHECK(allows(f, drop));
    }
    SECTION("a flow without event_type never matches, not even -t 0") {
        f.event_type = {{0, false, 0}};
        CHECK_FALSE(allows(f, flow_response()));
    }
}

TEST_CASE("reply treats an unknown is_reply as false for dropped flows only", "[matcher]") {
    flow_filter yes;
    yes.reply = {true};
    flow_filter no;
    no.reply = {false};
    flow_filter either;
    either.reply = {true, false};

    auto r = flow_response();
    r.flow.verdict = forwarded;
    CHECK_FALSE(allows(no, r));
    CHECK_FALSE(allows(either, r));
    r.flow.verdict = dropped;
    CHECK(allows(no, r));
    CHECK_FALSE(allows(yes, r));

    r.flow.verdict = forwarded;
    r.flow.is_reply = flow::reply::yes;
    CHECK(allows(yes, r));
    CHECK_FALSE(allows(no, r));
    CHECK(allows(either, r));
    r.flow.is_reply = flow::reply::no;
    CHECK(allows(no, r));
    CHECK_FALSE(allows(yes, r));
}

TEST_CASE("encrypted reads IP.encrypted; no IP and non-flows count as unencrypted", "[matcher][v119]") {
    flow_filter yes;
    yes.encrypted = {true};
    flow_filter no;
    no.encrypted = {false};
    flow_filter either;
    either.encrypted = {true, false};

    auto r = flow_response();  // no IP
    CHECK_FALSE(allows(yes, r));
    CHECK(allows(no, r));
    r.flow.has_ip = true;
    CHECK(allows(no, r));
    r.flow.ip_encrypted = true;
    CHECK(allows(yes, r));
    CHECK_FALSE(allows(no, r));
    CHECK(allows(either, r));
    for (response_kind kind : {response_kind::lost_events, response_kind::node_status}) {
        response other;
        other.kind = kind;
        CHECK(allows(no, other));
        CHECK_FALSE(allows(yes, other));
    }
}

TEST_CASE("ip_trace_id reads ip_trace_id.trace_id, 0 when there is none", "[matcher][v119]") {
    flow_filter f;
    f.ip_trace_id = {4660, 18446744073709551615u};
    auto r = flow_response();
    CHECK_FALSE(allows(f, r));
    r.flow.ip_trace_id = 4660;
    CHECK(allows(f, r));
    r.flow.ip_trace_id = 18446744073709551615u;
    CHECK(allows(f, r));
    r.flow.ip_trace_id = 4661;
    CHECK_FALSE(allows(f, r));
    flow_filter none;
    none.ip_trace_id = {0};
    CHECK_FALSE(allows(none, r));
    CHECK(allows(none, flow_response()));
    response lost;
    lost.kind = response_kind::lost_events;
    CHECK(allows(none, lost));
}

TEST_CASE("protocol vrrp and igmp match l4.VRRP and l4.IGMP", "[matcher][v119]") {
    flow_filter f;
    f.protocol = {"vrrp"};
    auto vrrp = flow_response();
    vrrp.flow.l4 = l4_kind::vrrp;
    auto igmp = flow_response();
    igmp.flow.l4 = l4_kind::igmp;
    CHECK(allows(f, vrrp));
    CHECK_FALSE(allows(f, igmp));
    f.protocol = {"IGMP"};
    CHECK(allows(f, igmp));
    CHECK_FALSE(allows(f, vrrp));
    f.protocol = {"icmp", "tcp", "udp", "sctp"};
    CHECK_FALSE(allows(f, vrrp));
    CHECK_FALSE(allows(f, igmp));
}

TEST_CASE("identity filters need the endpoint object", "[matcher]") {
    flow_filter f;
    f.source_identity = {0};
    CHECK_FALSE(allows(f, flow_response()));
    auto r = flow_response();
    r.flow.source.present = true;
    CHECK(allows(f, r));
    r.flow.source.identity = 16777475;
    CHECK_FALSE(allows(f, r));
    f.source_identity = {2, 16777475};
    CHECK(allows(f, r));

    flow_filter d;
    d.destination_identity = {1};
    r.flow.destination.present = true;
    r.flow.destination.identity = 1;
    CHECK(allows(d, r));
    r.flow.destination.present = false;
    CHECK_FALSE(allows(d, r));
}

TEST_CASE("protocol matches the l4 member or the l7 record", "[matcher]") {
    flow_filter f;
    auto http = flow_response();
    http.flow.l4 = l4_kind::tcp;
    http.flow.has_l7 = true;
    http.flow.l7_record = l7_kind::http;

    f.protocol = {"TCP"};
    CHECK(allows(f, http));
    f.protocol = {"http"};
    CHECK(allows(f, http));
    f.protocol = {"dns", "kafka"};
    CHECK_FALSE(allows(f, http));

    auto icmp6 = flow_response();
    icmp6.flow.l4 = l4_kind::icmpv6;
    f.protocol = {"icmp"};
    CHECK(allows(f, icmp6));
    f.protocol = {"icmpv4"};
    CHECK_FALSE(allows(f, icmp6));
    f.protocol = {"ICMPv6"};
    CHECK(allows(f, icmp6));

    auto sctp = flow_response();
    sctp.flow.l4 = l4_kind::sctp;
    f.protocol = {"udp", "sctp"};
    CHECK(allows(f, sctp));
    CHECK_FALSE(allows(f, flow_response()));

    SECTION("l7 present without a record matches no l7 protocol") {
        auto bare = flow_response();
        bare.flow.has_l7 = true;
        f.protocol = {"dns", "http", "kafka"};
        CHECK_FALSE(allows(f, bare));
    }
}

TEST_CASE("ports compare truncated to 16 bits and need TCP, UDP or SCTP", "[matcher]") {
    flow_filter f;
    f.destination_port = {"080"};
    auto r = flow_response();
    r.flow.l4 = l4_kind::tcp;
    r.flow.destination_port = 80;
    CHECK(allows(f, r));
    r.flow.destination_port = 65616;
    CHECK(allows(f, r));
    r.flow.destination_port = 81;
    CHECK_FALSE(allows(f, r));

    SECTION("TCP with the port omitted is port 0") {
        f.destination_port = {"0"};
        auto zero = flow_response();
        zero.flow.l4 = l4_kind::tcp;
        CHECK(allows(f, zero));
        CHECK_FALSE(allows(f, flow_response()));
        zero.flow.l4 = l4_kind::icmpv4;
        CHECK_FALSE(allows(f, zero));
    }
    SECTION("source port") {
        flow_filter s;
        s.source_port = {"53", "5353"};
        auto u = flow_response();
        u.flow.l4 = l4_kind::udp;
        u.flow.source_port = 5353;
        CHECK(allows(s, u));
        u.flow.l4 = l4_kind::sctp;
        CHECK(allows(s, u));
    }
}

TEST_CASE("tcp_flags is a subset test, OR-ed across elements", "[matcher]") {
    flow_filter f;
    auto r = flow_response();
    r.flow.l4 = l4_kind::tcp;
    r.flow.has_tcp_flags = true;
    r.flow.tcp_flags = tcp_syn | tcp_ack;

    f.tcp_flags = {{tcp_syn}};
    CHECK(allows(f, r));
    f.tcp_flags = {{static_cast<uint16_t>(tcp_syn | tcp_ack)}};
    CHECK(allows(f, r));
    f.tcp_flags = {{static_cast<uint16_t>(tcp_syn | tcp_fin)}};
    CHECK_FALSE(allows(f, r));
    f.tcp_flags = {{tcp_fin}, {tcp_ack}};
    CHECK(allows(f, r));

    SECTION("{} matches any flow with a flags object") {
        f.tcp_flags = {{0}};
        CHECK(allows(f, r));
        r.flow.has_tcp_flags = false;
        CHECK_FALSE(allows(f, r));
    }
}

TEST_CASE("interface needs an interface; zero index and empty name match any", "[matcher]") {
    auto r = flow_response();
    r.flow.has_interface = true;
    r.flow.interface_index = 5;
    r.flow.interface_name = "eth0";
    flow_filter f;
    f.interface = {{0, "eth0"}};
    CHECK(allows(f, r));
    f.interface = {{5, ""}};
    CHECK(allows(f, r));
    f.interface = {{4, "eth0"}};
    CHECK_FALSE(allows(f, r));
    f.interface = {{0, "cilium_vxlan"}, {5, "eth0"}};
    CHECK(allows(f, r));
    f.interface = {{}};
    CHECK(allows(f, r));
    CHECK_FALSE(allows(f, flow_response()));
}

TEST_CASE("cluster names are exact", "[matcher]") {
    flow_filter f;
    f.source_cluster_name = {"c*"};
    auto r = flow_response();
    r.flow.source.present = true;
    r.flow.source.cluster_name = "cluster-1";
    CHECK_FALSE(allows(f, r));
    f.source_cluster_name = {"cluster-2", "cluster-1"};
    CHECK(allows(f, r));
    flow_filter d;
    d.destination_cluster_name = {"cluster-1"};
    CHECK_FALSE(allows(d, r));
    r.flow.destination.cluster_name = "cluster-1";
    CHECK(allows(d, r));
}

TEST_CASE("workloads match name and kind when given", "[matcher]") {
    auto r = flow_response();
    r.flow.source.present = true;
    r.flow.source.workloads = {{"coredns", "Deployment"}};
    flow_filter f;
    f.source_workload = {{"coredns", ""}};
    CHECK(allows(f, r));
    f.source_workload = {{"", "Deployment"}};
    CHECK(allows(f, r));
    f.source_workload = {{"coredns", "DaemonSet"}};
    CHECK_FALSE(allows(f, r));
    f.source_workload = {{"CoreDNS", ""}};
    CHECK_FALSE(allows(f, r));
    f.source_workload = {{}};
    CHECK(allows(f, r));
    r.flow.source.workloads.clear();
    CHECK_FALSE(allows(f, r));

    flow_filter d;
    d.destination_workload = {{"web", "Deployment"}};
    r.flow.destination.workloads = {{"web", "Deployment"}};
    CHECK(allows(d, r));
}

TEST_CASE("pod filters: namespace exact, name prefix, default namespace", "[matcher]") {
    auto r = flow_response();
    r.flow.source.present = true;
    r.flow.source.namespace_ = "default";
    r.flow.source.pod_name = "client-7b9f";
    auto in_kube = flow_response();
    in_kube.flow.source.namespace_ = "kube-system";
    in_kube.flow.source.pod_name = "coredns-5d78c";

    flow_filter f;
    f.source_pod = {"client"};
    CHECK(allows(f, r));
    f.source_pod = {"default/client"};
    CHECK(allows(f, r));
    f.source_pod = {"/client"};
    CHECK(allows(f, r));
    f.source_pod = {"coredns"};
    CHECK_FALSE(allows(f, in_kube));  // a bare name means namespace default
    f.source_pod = {"kube-system/"};
    CHECK(allows(f, in_kube));
    CHECK_FALSE(allows(f, r));
    f.source_pod = {"kube-system/coredns-/extra"};
    CHECK(allows(f, in_kube));
    f.source_pod = {"/"};
    CHECK(allows(f, r));
    CHECK(allows(f, in_kube));
    CHECK_FALSE(allows(f, flow_response()));
    f.source_pod = {"Client"};
    CHECK_FALSE(allows(f, r));

    SECTION("a pod without namespace is matched only by /name forms") {
        auto bare = flow_response();
        bare.flow.destination.pod_name = "orphan";
        flow_filter d;
        d.destination_pod = {"orphan"};
        CHECK_FALSE(allows(d, bare));
        d.destination_pod = {"/orph"};
        CHECK(allows(d, bare));
    }
    SECTION("a namespace without pod name matches ns/ and /") {
        auto ns_only = flow_response();
        ns_only.flow.destination.namespace_ = "web";
        flow_filter d;
        d.destination_pod = {"web/"};
        CHECK(allows(d, ns_only));
        d.destination_pod = {"web/x"};
        CHECK_FALSE(allows(d, ns_only));
    }
}

TEST_CASE("service filters read the services, not the endpoints", "[matcher]") {
    auto r = flow_response();
    r.flow.destination.namespace_ = "web";
    r.flow.destination.pod_name = "frontend-1";
    r.flow.destination_service = {true, "frontend", "websvc"};
    flow_filter f;
    f.destination_service = {"websvc/front"};
    CHECK(allows(f, r));
    f.destination_service = {"web/frontend"};
    CHECK_FALSE(allows(f, r));
    f.destination_service = {"frontend"};  // namespace default
    CHECK_FALSE(allows(f, r));
    f.destination_pod = {"web/"};
    f.destination_service = {"/frontend"};
    CHECK(allows(f, r));

    flow_filter s;
    s.source_service = {"/"};
    CHECK_FALSE(allows(s, r));
}

TEST_CASE("IP filters: exact strings or CIDR containment", "[matcher]") {
    auto v4 = flow_response();
    v4.flow.has_ip = true;
    v4.flow.ip_source = "10.0.0.1";
    v4.flow.ip_destination = "10.11.1.77";
    auto v6 = flow_response();
    v6.flow.has_ip = true;
    v6.flow.ip_source = "fd00::2";
    v6.flow.ip_destination = "::ffff:10.12.2.59";

    flow_filter f;
    f.source_ip = {"10.0.0.1"};
    CHECK(allows(f, v4));
    f.source_ip = {"10.0.0.2", "10.0.0.1"};
    CHECK(allows(f, v4));

    SECTION("exact IPs are not normalised") {
        f.source_ip = {"fd00:0::2"};
        CHECK_FALSE(allows(f, v6));
        f.source_ip = {"FD00::2"};
        CHECK_FALSE(allows(f, v6));
        f.source_ip = {"fd00::2"};
        CHECK(allows(f, v6));
    }
    SECTION("CIDRs may have host bits") {
        flow_filter d;
        d.destination_ip = {"10.11.1.77/16"};
        CHECK(allows(d, v4));
        d.destination_ip = {"10.12.0.0/16"};
        CHECK_FALSE(allows(d, v4));
    }
    SECTION("an IPv4-mapped IPv6 address is not in an IPv4 prefix but is in ::/0") {
        flow_filter d;
        d.destination_ip = {"10.0.0.0/8"};
        CHECK_FALSE(allows(d, v6));
        d.destination_ip = {"::/0"};
        CHECK(allows(d, v6));
        CHECK_FALSE(allows(d, v4));
        d.destination_ip = {"::ffff:10.12.2.59"};
        CHECK(allows(d, v6));
    }
    SECTION("a zoned IPv6 address is in no prefix") {
        auto zoned = flow_response();
        zoned.flow.ip_source = "fe80::1%eth0";
        f.source_ip = {"fe80::/10"};
        CHECK_FALSE(allows(f, zoned));
        f.source_ip = {"fe80::1%eth0"};
        CHECK(allows(f, zoned));
    }
    SECTION("an empty or unparsable flow IP never matches") {
        f.source_ip = {"0.0.0.0/0"};
        CHECK_FALSE(allows(f, flow_response()));
        auto bad = flow_response();
        bad.flow.ip_source = "010.0.0.1";
        CHECK_FALSE(allows(f, bad));
    }
    SECTION("source_ip_xlated") {
        flow_filter x;
        x.source_ip_xlated = {"192.168.1.0/24"};
        v4.flow.ip_source_xlated = "192.168.1.7";
        CHECK(allows(x, v4));
        CHECK_FALSE(allows(x, v6));
    }
}

TEST_CASE("FQDN filters match any of the flow's names", "[matcher]") {
    auto r = flow_response();
    r.flow.destination_names = {"example.com", "api.example.com"};
    flow_filter f;
    f.destination_fqdn = {"*.example.com"};
    CHECK(allows(f, r));
    r.flow.destination_names = {"example.com"};
    CHECK_FALSE(allows(f, r));
    f.destination_fqdn = {"*example.com"};
    CHECK(allows(f, r));
    flow_filter s;
    s.source_fqdn = {"*"};
    CHECK_FALSE(allows(s, r));
    r.flow.source_names = {"foo_bar.example.com"};
    CHECK_FALSE(allows(s, r));
    r.flow.source_names = {"foo_bar.example.com", "one.one.one.one"};
    CHECK(allows(s, r));
}

TEST_CASE("node_name patterns", "[matcher]") {
    auto r = flow_response();
    flow_filter f;
    f.node_name = {"kind-worker"};
    CHECK_FALSE(allows(f, r));  // empty node name
    r.flow.node_name = "kind-worker";
    CHECK(allows(f, r));
    f.node_name = {"default/kind-worker"};
    CHECK(allows(f, r));
    f.node_name = {"prod/"};
    CHECK_FALSE(allows(f, r));
    r.flow.node_name = "prod/k8s-node-1.company.com";
    CHECK(allows(f, r));
    f.node_name = {"k8s*"};
    CHECK(allows(f, r));
    r.flow.node_name = "Kind-Worker";
    f.node_name = {"/"};
    CHECK_FALSE(allows(f, r));
}

TEST_CASE("label filters on source, destination and node labels", "[matcher]") {
    auto r = flow_response();
    r.flow.source.present = true;
    r.flow.source.labels = {"k8s:app=reviews", "k8s:version=v1", "k8s:io.kubernetes.pod.namespace=default"};
    r.flow.destination.present = true;
    r.flow.destination.labels = {"reserved:host"};
    r.flow.node_labels = {"kubernetes.io/hostname=kind-worker"};

    flow_filter f;
    f.source_label = {"app=reviews"};
    CHECK(allows(f, r));
    f.source_label = {"app=ratings", "k8s:version in (v1, v2)"};  // selectors are OR-ed
    CHECK(allows(f, r));
    f.source_label = {"app=reviews,version=v2"};  // requirements are AND-ed
    CHECK_FALSE(allows(f, r));

    flow_filter d;
    d.destination_label = {"host"};
    CHECK(allows(d, r));
    d.destination_label = {"reserved:host"};
    CHECK(allows(d, r));
    d.destination_label = {"k8s:host"};
    CHECK_FALSE(allows(d, r));

    flow_filter n;
    n.node_labels = {"kubernetes.io/hostname=kind-worker"};
    CHECK(allows(n, r));
    n.node_labels = {"kubernetes.io/hostname in (kind-control-plane)"};
    CHECK_FALSE(allows(n, r));
}

TEST_CASE("HTTP filters", "[matcher]") {
    auto r = flow_response();
    r.flow.has_l7 = true;
    r.flow.l7_record = l7_kind::http;
    r.flow.http_code = 404;
    r.flow.http_method = "GET";
    r.flow.http_url = "http://example.com/search%20me?q=caf%C3%A9";
    r.flow.http_headers = {{"Content-Type", "text/html"}, {"x-id", "a:b"}};

    SECTION("status: exact and N+ / NN+ prefixes of the 3-digit code") {
        flow_filter f;
        f.http_status_code = {"404"};
        CHECK(allows(f, r));
        f.http_status_code = {"4+"};
        CHECK(allows(f, r));
        f.http_status_code = {"40+"};
        CHECK(allows(f, r));
        f.http_status_code = {"41+", "200"};
        CHECK_FALSE(allows(f, r));
        r.flow.http_code = 0;
        f.http_status_code = {"4+"};
        CHECK_FALSE(allows(f, r));  // not a response
        r.flow.http_code = 1000;
        f.http_status_code = {"1+"};
        CHECK(allows(f, r));
        r.flow.http_code = 5;
        f.http_status_code = {"5+"};
        CHECK_FALSE(allows(f, r));  // "005"
    }
    SECTION("method: case-insensitive, empty never matches") {
        flow_filter f;
        f.http_method = {"get"};
        CHECK(allows(f, r));
        f.http_method = {"post"};
        CHECK_FALSE(allows(f, r));
        r.flow.http_method = "";
        f.http_method = {""};
        CHECK_FALSE(allows(f, r));
    }
    SECTION("path: decoded path of the request-URI, unanchored regexp") {
        flow_filter f;
        f.http_path = {"^/search me$"};
        CHECK(allows(f, r));
        f.http_path = {"earch"};
        CHECK(allows(f, r));
        f.http_path = {"q="};
        CHECK_FALSE(allows(f, r));
        r.flow.http_url = "/search%20me";
        f.http_path = {"^/search me$"};
        CHECK(allows(f, r));
        r.flow.http_url = "search";  // neither absolute URL nor absolute path
        f.http_path = {""};
        CHECK_FALSE(allows(f, r));
        r.flow.http_url = "";
        CHECK_FALSE(allows(f, r));
    }
    SECTION("url: raw URL, unanchored regexp") {
        flow_filter f;
        f.http_url = {"caf%C3%A9"};
        CHECK(allows(f, r));
        f.http_url = {"café"};
        CHECK_FALSE(allows(f, r));
        f.http_url = {".*"};
        r.flow.http_url = "";
        CHECK_FALSE(allows(f, r));
    }
    SECTION("header: key and value exact") {
        flow_filter f;
        f.http_header = {{"x-id", "a:b"}};
        CHECK(allows(f, r));
        f.http_header = {{"content-type", "text/html"}};
        CHECK_FALSE(allows(f, r));
        f.http_header = {{"Content-Type", "text/plain"}, {"Content-Type", "text/html"}};
        CHECK(allows(f, r));
    }
    SECTION("an HTTP filter with an l7 event type compiles and matches") {
        flow_filter f;
        f.http_method = {"GET"};
        f.event_type = {{129, false, 0}, {4, false, 0}};
        r.flow.has_event_type = true;
        r.flow.event_type = 129;
        CHECK(allows(f, r));
    }
    SECTION("non-HTTP flows never match") {
        auto dns = flow_response();
        dns.flow.has_l7 = true;
        dns.flow.l7_record = l7_kind::dns;
        dns.flow.http_url = "/x";
        flow_filter f;
        f.http_url = {""};
        CHECK_FALSE(allows(f, dns));
    }
}

TEST_CASE("dns_query is an unanchored regexp that needs l7.dns", "[matcher]") {
    auto r = flow_response();
    r.flow.has_l7 = true;
    r.flow.l7_record = l7_kind::dns;
    r.flow.has_dns = true;
    r.flow.dns_query = "api.github.com.";
    flow_filter f;
    f.dns_query = {"github"};
    CHECK(allows(f, r));
    f.dns_query = {"^github"};
    CHECK_FALSE(allows(f, r));
    SECTION("an empty query is matched as the empty string") {
        r.flow.dns_query = "";
        f.dns_query = {"^$"};
        CHECK(allows(f, r));
        CHECK_FALSE(allows(f, flow_response()));
    }
}

TEST_CASE("non-flow responses are matched as an empty flow", "[matcher][non-flow]") {
    response lost;
    lost.kind = response_kind::lost_events;
    lost.lost_events.num_events_lost = 3;
    response status;
    status.kind = response_kind::node_status;
    response empty;

    auto check_none = [&](const flow_filter& f) {
        CHECK_FALSE(allows(f, lost));
        CHECK_FALSE(allows(f, status));
        CHECK_FALSE(allows(f, empty));
    };
    auto check_all = [&](const flow_filter& f) {
        CHECK(allows(f, lost));
        CHECK(allows(f, status));
        CHECK(allows(f, empty));
    };

    SECTION("filters that never match them") {
        flow_filter f;
        f.verdict = {0};
        check_none(f);
        f = {};
        f.event_type = {{0, false, 0}};
        check_none(f);
        f = {};
        f.ip_version = {0};
        check_none(f);
        f = {};
        f.traffic_direction = {0};
        check_none(f);
        f = {};
        f.uuid = {""};
        check_none(f);
        f = {};
        f.drop_reason_desc = {0};
        check_none(f);
        f = {};
        f.reply = {false};
        check_none(f);
        f = {};
        f.source_identity = {0};
        check_none(f);
        f = {};
        f.source_pod = {"/"};
        check_none(f);
        f = {};
        f.source_ip = {"0.0.0.0/0"};
        check_none(f);
        f = {};
        f.tcp_flags = {{0}};
        check_none(f);
        f = {};
        f.interface = {{}};
        check_none(f);
        f = {};
        f.source_workload = {{}};
        check_none(f);
        f = {};
        f.protocol = {"tcp"};
        check_none(f);
    }
    SECTION("filters that do match them") {
        check_all(flow_filter{});
        flow_filter f;
        f.source_label = {"!k8s:app"};
        check_all(f);
        f = {};
        f.destination_label = {"app notin (a)"};
        check_all(f);
        f = {};
        f.node_labels = {"app!=a"};
        check_all(f);
        f = {};
        f.source_label = {""};
        check_all(f);
        f = {};
        f.trace_id = {""};
        check_all(f);
    }
    SECTION("--verdict DROPPED hides them, --not --verdict DROPPED shows them") {
        flow_filter f;
        f.verdict = {dropped};
        CHECK_FALSE(flow_matcher(filter_lists{{f}, {}}).matches(lost));
        CHECK(flow_matcher(filter_lists{{}, {f}}).matches(lost));
    }
}

TEST_CASE("compile errors carry Hubble's messages", "[matcher][errors]") {
    flow_filter f;
    SECTION("protocol") {
        f.protocol = {"tcp", "foo"};
        CHECK(compile_error(f) == R"(invalid protocol filter: unknown protocol: "foo")");
    }
    SECTION("IP exact") {
        f.source_ip = {"notanip"};
        CHECK(compile_error(f) == R"(invalid IP address "notanip" in filter: ParseAddr("notanip"): unable to parse IP)");
        f.source_ip = {"010.0.0.1"};
        CHECK(compile_error(f) ==
              R"(invalid IP address "010.0.0.1" in filter: ParseAddr("010.0.0.1"): IPv4 field has octet with leading zero)");
    }
    SECTION("IP prefix") {
        f.destination_ip = {"10.0.0.0/33"};
        CHECK(compile_error(f) ==
              R"(invalid IP prefix "10.0.0.0/33" in filter: netip.ParsePrefix("10.0.0.0/33"): prefix length out of range)");
        f.destination_ip = {};
        f.source_ip_xlated = {"1.2.3/8"};
        CHECK(compile_error(f) ==
              R"(invalid IP prefix "1.2.3/8" in filter: netip.ParsePrefix("1.2.3/8"): ParseAddr("1.2.3"): IPv4 address too short)");
    }
    SECTION("pod and service") {
        f.source_pod = {""};
        CHECK(compile_error(f) == "invalid filter, name must not be empty");
        f = {};
        f.destination_pod = {"a", ""};
        CHECK(compile_error(f) == "invalid filter, name must not be empty");
        f = {};
        f.source_service = {""};
        CHECK(compile_error(f) == "invalid source service filter: invalid filter, name must not be empty");
        f = {};
        f.destination_service = {""};
        CHECK(compile_error(f) == "invalid destination service filter: invalid filter, name must not be empty");
    }
    SECTION("fqdn patterns") {
        f.source_fqdn = {""};
        CHECK(compile_error(f) == "empty pattern");
        f.source_fqdn = {"a.."};
        CHECK(compile_error(f) == "multiple trailing dots in pattern");
        f.source_fqdn = {};
        f.destination_fqdn = {"foo bar.com"};
        CHECK(compile_error(f) == "' ': invalid rune in pattern");
    }
    SECTION("dns_query") {
        f.dns_query = {"("};
        CHECK(compile_error(f) == "invalid DNS query filter: failed to compile regexp: error parsing regexp: "
                                  "missing closing ): `(`");
    }
    SECTION("labels") {
        f.source_label = {"app in (web"};
        CHECK(compile_error(f) ==
              "invalid source label filter: unable to parse requirement: found '', expected: ',' or ')'");
        f = {};
        f.destination_label = {"app=rev*"};
        CHECK(compile_error(f).starts_with("invalid destination label filter: unable to parse requirement: "
                                           "values[0][any.app]: Invalid value: \"rev*\": a valid label must be"));
        f = {};
        f.node_labels = {"!"};
        CHECK(compile_error(f) == "invalid node label filter: unable to parse requirement: <nil>: Invalid value: "
                                  "\"any.\": name part must consist of alphanumeric characters, '-', '_' or '.', "
                                  "and must start and end with an alphanumeric character (e.g. 'MyName',  or "
                                  "'my.name',  or '123-abc', regex used for validation is "
                                  "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
    }
    SECTION("ports") {
        f.source_port = {"http"};
        CHECK(compile_error(f) == R"(invalid source port filter: invalid port "http": strconv.ParseUint: parsing "http": invalid syntax)");
        f = {};
        f.destination_port = {"65536"};
        CHECK(compile_error(f) == R"(invalid destination port filter: invalid port "65536": strconv.ParseUint: parsing "65536": value out of range)");
        f.destination_port = {"-1"};
        CHECK(compile_error(f) == R"(invalid destination port filter: invalid port "-1": strconv.ParseUint: parsing "-1": invalid syntax)");
    }
    SECTION("HTTP filters need l7 among the event types") {
        f.event_type = {{4, false, 0}};
        f.http_status_code = {"200"};
        CHECK(compile_error(f) == "filtering by http status code requires the event type filter to only match 'l7' events");
        f.http_status_code = {};
        f.http_method = {"get"};
        CHECK(compile_error(f) == "filtering by http method requires the event type filter to only match 'l7' events");
        f.http_method = {};
        f.http_path = {"/"};
        CHECK(compile_error(f) == "filtering by http path requires the event type filter to only match 'l7' events");
        f.http_path = {};
        f.http_url = {"x"};
        CHECK(compile_error(f) == "filtering by http url requires the event type filter to only match 'l7' events");
        f.http_url = {};
        f.http_header = {{"a", "b"}};
        CHECK(compile_error(f) == "filtering by http headers requires the event type filter to only match 'l7' events");
        f.event_type.push_back({129, false, 0});
        CHECK(compile_error(f) == "");
    }
    SECTION("http status") {
        for (const char* bad : {"2xx", "600", "400+", "099", "4", "+", ""}) {
            f.http_status_code = {bad};
            CHECK(compile_error(f) == std::string("invalid http status code filter: invalid status code prefix: \"") +
                                          bad + "\"");
        }
    }
    SECTION("http path and url regexps") {
        f.http_path = {"("};
        CHECK(compile_error(f) == "invalid http path filter: (: error parsing regexp: missing closing ): `(`");
        f = {};
        f.http_url = {"a**"};
        CHECK(compile_error(f) == "invalid http url filter: a**: error parsing regexp: invalid nested repetition operator: `**`");
    }
    SECTION("node_name") {
        f.node_name = {""};
        CHECK(compile_error(f) == "empty pattern");
        f.node_name = {"a/b/c"};
        CHECK(compile_error(f) == "too many slashes in pattern");
        f.node_name = {"prod/node 1"};
        CHECK(compile_error(f) == "' ': invalid rune in pattern");
    }
    SECTION("cluster names") {
        f.source_cluster_name = {""};
        CHECK(compile_error(f) == "invalid filter, name must not be empty");
        f = {};
        f.destination_cluster_name = {"c1", ""};
        CHECK(compile_error(f) == "invalid filter, name must not be empty");
    }
    SECTION("CEL expressions must type-check to bool") {
        f.cel_expression = {"true", "_flow.verdict"};
        CHECK(compile_error(f) == R"(error compiling CEL expression: got "int", wanted "bool" result type)");
        f.cel_expression = {"_flow.nope"};
        CHECK(compile_error(f).starts_with("error compiling CEL expression: ERROR: <input>:1:7: undefined field 'nope'"));
    }
    SECTION("valid values compile") {
        f.source_port = {"080", "65535"};
        f.source_ip = {"::ffff:1.2.3.4", "fe80::1%eth0", "10.0.0.1/8"};
        f.http_status_code = {"404", "4+", "40+"};
        f.protocol = {"ICMP", "Kafka"};
        CHECK(compile_error(f) == "");
    }
}

TEST_CASE("compile order: the first field in Hubble's order reports", "[matcher][errors]") {
    flow_filter f;
    f.interface = {{}};
    f.cel_expression = {"1"};
    f.source_cluster_name = {""};
    f.node_name = {""};
    f.http_status_code = {"600"};
    f.source_port = {"x"};
    f.node_labels = {"("};
    f.dns_query = {"("};
    f.source_fqdn = {""};
    f.source_service = {""};
    f.source_pod = {""};
    f.source_ip_xlated = {"x"};
    f.destination_ip = {"y"};
    f.source_ip = {"z"};
    f.protocol = {"foo"};

    CHECK(compile_error(f) == R"(invalid protocol filter: unknown protocol: "foo")");
    f.protocol = {};
    CHECK(compile_error(f).starts_with(R"(invalid IP address "z")"));
    f.source_ip = {};
    CHECK(compile_error(f).starts_with(R"(invalid IP address "y")"));
    f.destination_ip = {};
    CHECK(compile_error(f).starts_with(R"(invalid IP address "x")"));
    f.source_ip_xlated = {};
    CHECK(compile_error(f) == "invalid filter, name must not be empty");
    f.source_pod = {};
    CHECK(compile_error(f) == "invalid source service filter: invalid filter, name must not be empty");
    f.source_service = {};
    CHECK(compile_error(f) == "empty pattern");
    f.source_fqdn = {};
    CHECK(compile_error(f).starts_with("invalid DNS query filter"));
    f.dns_query = {};
    CHECK(compile_error(f).starts_with("invalid node label filter"));
    f.node_labels = {};
    CHECK(compile_error(f).starts_with("invalid source port filter"));
    f.source_port = {};
    CHECK(compile_error(f).starts_with("invalid http status code filter"));
    f.http_status_code = {};
    CHECK(compile_error(f) == "empty pattern");
    f.node_name = {};
    CHECK(compile_error(f) == "invalid filter, name must not be empty");
    f.source_cluster_name = {};
    CHECK(compile_error(f) == R"(error compiling CEL expression: got "int", wanted "bool" result type)");
    f.cel_expression = {};
    CHECK(compile_error(f) == "");

    SECTION("allow filters compile before deny filters, in list order") {
        flow_filter bad_port;
        bad_port.source_port = {"x"};
        flow_filter bad_proto;
        bad_proto.protocol = {"foo"};
        try {
            flow_matcher m(filter_lists{{flow_filter{}, bad_port}, {bad_proto}});
            FAIL("no error");
        } catch (const filter_error& e) {
            CHECK(std::string(e.what()).starts_with("invalid source port filter"));
        }
        try {
            flow_matcher m(filter_lists{{}, {bad_proto, bad_port}});
            FAIL("no error");
        } catch (const filter_error& e) {
            CHECK(std::string(e.what()).starts_with("invalid protocol filter"));
        }
    }
}

TEST_CASE("needs() reports exactly the parts matching reads", "[matcher][needs]") {
    flow_filter f;
    CHECK(needs_of(f) == 0);
    f.verdict = {1};
    CHECK(needs_of(f) == field_verdict);
    f = {};
    f.drop_reason_desc = {133};
    CHECK(needs_of(f) == (field_drop_reason_desc | field_verdict));
    f = {};
    f.reply = {true};
    CHECK(needs_of(f) == (field_is_reply | field_verdict));
    f = {};
    f.source_pod = {"x"};
    f.destination_label = {"app"};
    CHECK(needs_of(f) == (field_source | field_destination | field_destination_labels));
    f = {};
    f.http_method = {"get"};
    f.dns_query = {"x"};
    CHECK(needs_of(f) == field_l7);
    f = {};
    f.protocol = {"tcp"};
    CHECK(needs_of(f) == (field_l4 | field_l7));
    f = {};
    f.source_port = {"1"};
    f.tcp_flags = {{tcp_syn}};
    CHECK(needs_of(f) == field_l4);
    f = {};
    f.source_ip = {"1.1.1.1"};
    f.ip_version = {1};
    CHECK(needs_of(f) == field_ip);
    f = {};
    f.destination_service = {"s"};
    CHECK(needs_of(f) == field_services);
    f = {};
    f.source_fqdn = {"x"};
    CHECK(needs_of(f) == field_names);
    f = {};
    f.node_name = {"n"};
    f.node_labels = {"a"};
    CHECK(needs_of(f) == (field_node_name | field_node_labels));
    f = {};
    f.encrypted = {true};
    CHECK(needs_of(f) == field_ip);
    f = {};
    f.ip_trace_id = {1};
    CHECK(needs_of(f) == field_ip_trace_id);
    f = {};
    f.uuid = {"u"};
    f.trace_id = {"t"};
    f.event_type = {{1, false, 0}};
    f.traffic_direction = {1};
    f.interface = {{}};
    CHECK(needs_of(f) == (field_uuid | field_trace_id | field_event_type | field_traffic_direction | field_interface));
    f = {};
    f.source_identity = {1};
    f.destination_cluster_name = {"c"};
    f.source_workload = {{}};
    CHECK(needs_of(f) == (field_source | field_source_labels | field_destination));

    SECTION("allow and deny filters add up") {
        flow_filter a;
        a.verdict = {1};
        flow_filter d;
        d.source_ip = {"1.1.1.1"};
        CHECK(flow_matcher(filter_lists{{a}, {d}}).needs() == (field_verdict | field_ip));
    }
}

TEST_CASE("a CEL runtime error does not match and is handed back, once per failing filter", "[matcher][cel]") {
    flow_filter fails, holds;
    fails.cel_expression = {"1000u / _flow.source.ID > 0u", "true"};  // first error wins
    holds.cel_expression = {"true"};
    const response r = flow_response();  // source.ID 0: a division by zero

    match_errors errors;
    CHECK_FALSE(flow_matcher(filter_lists{{fails}, {}}).matches(r, &errors));
    CHECK(errors == match_errors{"error running CEL program: division by zero"});

    // Another allow filter may still keep the flow; the error is reported all the same.
    errors.clear();
    CHECK(flow_matcher(filter_lists{{fails, holds}, {}}).matches(r, &errors));
    CHECK(errors.size() == 1);

    // Without a place for them, errors are dropped and nothing is printed.
    CHECK_FALSE(allows(fails, r));
}
