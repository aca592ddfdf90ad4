// dict output: the block layout, separators between records only, --print-node-name, lost events,
// no reply swap and no `; Auth:`.
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

TEST_CASE("dict neither swaps replies nor appends the auth type", "[output][dict]") {
    response r = http_request();
    r.flow.is_reply = flow::reply::yes;
    r.flow.auth_type = 1;
    CHECK(print_all(with_output(output_format::dict), r).out == http_block);
}

TEST_CASE("dict prints lost events as a block with empty fields", "[output][dict]") {
    output_settings o = with_output(output_format::dict);
    CHECK(print_all(o, http_request(), lost(1, 42, true, 3)).out ==
          http_block +
              "------------\n"
              "  TIMESTAMP: \n"
              "     SOURCE: PERF_EVENT_RING_BUFFER\n"
              "       TYPE: EVENTS LOST\n"
              "    VERDICT: \n"
              "    SUMMARY: CPU(3) - 42\n");
    o.print_node_name = true;
    CHECK(print_all(o, lost(2, 26305, false, 0)).out ==
          "  TIMESTAMP: \n"
          "       NODE: \n"
          "     SOURCE: OBSERVER_EVENTS_QUEUE\n"
          "       TYPE: EVENTS LOST\n"
          "    VERDICT: \n"
          "    SUMMARY: CPU(0) - 26305\n");
}

TEST_CASE("dict colours hosts and verdicts but not the rest", "[output][dict][color]") {
    output_settings o = with_output(output_format::dict);
    o.color = color_mode::always;
    response r = http_request();
    r.flow.auth_type = 2;
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
