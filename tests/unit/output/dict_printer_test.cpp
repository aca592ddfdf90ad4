// dict output: the block layout, separators between records only, --print-node-name, lost events,
// no reply swap, and the summary compact prints (`; Auth:`, the IP trace ID).
#include <catch2/catch_test_macros.hpp>

#include "print_test_util.h"

namespace flowgrep::test {

namespace {

response http_request() {
    response r = tcp_flow("10.156.0.9", 48532, "10.128.0.4", 9990);
    flow& f = r.flow;
    f.time = at(1633357718, 735'000'000);
    f.node_name = "gke-node-1";
    f.verdict = 1;
    f.source.identity = 16781;
    f.source.namespace_ = "istio-system";
    f.source.pod_name = "prometheus-6655946b9f-6xcpf";
    f.destination.identity = 2;
    f.is_reply = flow::reply::no;
    f.has_l7 = true;
    f.l7_type = 1;
    f.l7_record = l7_kind::http;
    f.summary = "HTTP/1.1 GET http://10.128.0.4:9990/metrics";
    return r;
}

response lost(int32_t source, uint64_t count, bool has_cpu, int32_t cpu) {
    response r;
    r.kind = response_kind::lost_events;
    r.lost_events.source = source;
    r.lost_events.num_events_lost = count;
    r.lost_events.has_cpu = has_cpu;
    r.lost_events.cpu = cpu;
    return r;
}

const std::string http_block =
    "  TIMESTAMP: Oct  4 14:28:38.735\n"
    "     SOURCE: istio-system/prometheus-6655946b9f-6xcpf:48532\n"
    "DESTINATION: 10.128.0.4:9990\n"
    "       TYPE: http-request\n"
    "    VERDICT: FORWARDED\n"
    "    SUMMARY: HTTP/1.1 GET http://10.128.0.4:9990/metrics\n";

}  // namespace

TEST_CASE("dict prints one block per flow with separators between them", "[output][dict]") {
    const output_settings dict = with_output(output_format::dict);
    CHECK(print_all(dict, http_request()).out == http_block);
    CHECK(print_all(dict, http_request(), response{}, http_request()).out ==
          http_block + "------------\n" + http_block);
}

TEST_CASE("dict adds NODE after TIMESTAMP with --print-node-name", "[output][dict]") {
    output_settings o = with_output(output_format::dict);
    o.print_node_name = true;
    response r = http_request();
    CHECK(print_all(o, r).out.starts_with(
        "  TIMESTAMP: Oct  4 14:28:38.735\n       NODE: gke-node-1\n     SOURCE: "));
    r.flow.node_name = {};
    CHECK(print_all(o, r).out.starts_with("  TIMESTAMP: Oct  4 14:28:38.735\n       NODE: \n"));
}

TEST_CASE("dict does not swap replies", "[output][dict]") {
    response r = http_request();
    r.flow.is_reply = flow::reply::yes;
    CHECK(print_all(with_output(output_format::dict), r).out == http_block);
}

TEST_CASE("dict SUMMARY is compact's: the IP trace ID and the auth type", "[output][dict]") {
    response r = http_request();
    r.flow.auth_type = 1;
    r.flow.ip_trace_id = 4660;
    CHECK(print_all(with_output(output_format::dict), r).out.ends_with(
        "    SUMMARY: IP Trace ID: 4660; HTTP/1.1 GET http://10.128.0.4:9990/metrics; Auth: SPIRE\n"));
    output_settings color = with_output(output_format::dict);
    color.color = color_mode::always;
    r.flow.ip_trace_id = 0;
    CHECK(print_all(color, r).out.ends_with(
        "    SUMMARY: HTTP/1.1 GET http://10.128.0.4:9990/metrics; Auth: \x1b[32mSPIRE\x1b[0m\n"));
}

TEST_CASE("dict prints lost events with the response time and - for what they lack",
          "[output][dict][lost]") {
    output_settings o = with_output(output_format::dict);
    response l = lost(1, 42, true, 3);
    l.time = at(1633357718, 736'000'000);
    l.node_name = "gke-node-1";
    CHECK(print_all(o, http_request(), l).out ==
          http_block +
              "------------\n"
              "  TIMESTAMP: Oct  4 14:28:38.736\n"
              "     SOURCE: PERF_EVENT_RING_BUFFER\n"
              "       TYPE: EVENTS LOST\n"
              "    VERDICT: -\n"
              "    SUMMARY: CPU(3) - 42\n");
    o.print_node_name = true;
    CHECK(print_all(o, l).out ==
          "  TIMESTAMP: Oct  4 14:28:38.736\n"
          "       NODE: gke-node-1\n"
          "     SOURCE: PERF_EVENT_RING_BUFFER\n"
          "       TYPE: EVENTS LOST\n"
          "    VERDICT: -\n"
          "    SUMMARY: CPU(3) - 42\n");
    CHECK(print_all(o, lost(2, 26305, false, 0)).out ==
          "  TIMESTAMP: N/A\n"
          "       NODE: -\n"
          "     SOURCE: OBSERVER_EVENTS_QUEUE\n"
          "       TYPE: EVENTS LOST\n"
          "    VERDICT: -\n"
          "    SUMMARY: CPU(0) - 26305\n");
}

TEST_CASE("dict lost events: first and last in SUMMARY, in the --time-format",
          "[output][dict][lost]") {
    output_settings o = with_output(output_format::dict);
    o.time_format = "RFC3339Milli";
    response l = lost(3, 9, true, 1);
    l.time = at(1633357718);
    l.lost_events.first = at(1633357700, 120'000'000);
    l.lost_events.last = at(1633357717, 5'000'000);
    CHECK(print_all(o, l).out ==
          "  TIMESTAMP: 2021-10-04T14:28:38Z\n"
          "     SOURCE: HUBBLE_RING_BUFFER\n"
          "       TYPE: EVENTS LOST\n"
          "    VERDICT: -\n"
          "    SUMMARY: CPU(1) - 9 (first: 2021-10-04T14:28:20.12Z, last: 2021-10-04T14:28:37.005Z)\n");
}

TEST_CASE("dict VERDICT names the policies with --print-policy-names", "[output][dict][policy_names]") {
    output_settings o = with_output(output_format::dict);
    o.print_policy_names = true;
    response r = http_request();
    r.flow.has_l7 = false;
    r.flow.has_event_type = true;
    r.flow.event_type = 5;
    r.flow.traffic_direction = 2;
    r.flow.egress_allowed_by = {{"allow-egress", "istio-system", "CiliumNetworkPolicy"}};
    CHECK(print_all(o, r).out.find("\n    VERDICT: ALLOWED BY allow-egress (CiliumNetworkPolicy)\n") !=
          std::string::npos);
}

TEST_CASE("dict colours hosts and verdicts but not the rest", "[output][dict][color]") {
    output_settings o = with_output(output_format::dict);
    o.color = color_mode::always;
    response r = http_request();
    CHECK(print_all(o, r).out ==
          "  TIMESTAMP: Oct  4 14:28:38.735\n"
          "     SOURCE: \x1b[36mistio-system/prometheus-6655946b9f-6xcpf:\x1b[33m48532\x1b[0m\x1b[0m\n"
          "DESTINATION: \x1b[36m10.128.0.4:\x1b[33m9990\x1b[0m\x1b[0m\n"
          "       TYPE: http-request\n"
          "    VERDICT: \x1b[32mFORWARDED\x1b[0m\n"
          "    SUMMARY: HTTP/1.1 GET http://10.128.0.4:9990/metrics\n");
}

TEST_CASE("dict prints an empty flow with N/A and empty values", "[output][dict]") {
    CHECK(print_all(with_output(output_format::dict), flow_response()).out ==
          "  TIMESTAMP: N/A\n"
          "     SOURCE: \n"
          "DESTINATION: \n"
          "       TYPE: UNKNOWN\n"
          "    VERDICT: VERDICT_UNKNOWN\n"
          "    SUMMARY: \n");
}

}  // namespace flowgrep::test
