// Field masks on JSON output: nested paths, repeated fields kept whole, paths that select nothing,
// either spelling of keys, the input's order and bytes, the response's node_name and time, and lines
// that are not flows.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <stdexcept>

#include "output/field_mask.h"
#include "print_test_util.h"

namespace flowgrep::test {

namespace {

// One line of basic-sample-10-flows.json.
constexpr std::string_view sample =
    R"({"flow":{"time":"2021-06-16T16:52:13.136834446Z","verdict":"FORWARDED","ethernet":{"source":"46:e5:ea:1f:95:ff","destination":"d6:ec:b0:4a:ff:46"},"IP":{"source":"10.0.2.16","destination":"10.0.2.1","ipVersion":"IPv4"},"l4":{"TCP":{"source_port":15020,"destination_port":42044,"flags":{"FIN":true,"ACK":true}}},"source":{"ID":1231,"identity":25339,"namespace":"bookinfo","labels":["k8s:app=reviews","k8s:version=v1"],"pod_name":"reviews-v1-545db77b95-s6jb8"},"destination":{"identity":1,"labels":["reserved:host"]},"Type":"L3_L4","node_name":"gke-zr1l","reply":true,"event_type":{"type":4,"sub_type":3},"traffic_direction":"INGRESS","trace_observation_point":"TO_STACK","Summary":"TCP Flags: ACK, FIN"},"node_name":"gke-zr1l","time":"2021-06-16T16:52:13.136834446Z"})";

std::string masked(const std::vector<std::string>& paths, std::string_view line) {
    std::string out;
    field_mask(paths).apply(line, out);
    return out;
}

}  // namespace

TEST_CASE("a mask keeps the masked fields of the flow", "[output][field-mask]") {
    CHECK(masked({"time", "verdict"}, sample) ==
          R"({"flow":{"time":"2021-06-16T16:52:13.136834446Z","verdict":"FORWARDED"},"time":"2021-06-16T16:52:13.136834446Z"})");
    CHECK(masked({"verdict"}, sample) == R"({"flow":{"verdict":"FORWARDED"}})");
    CHECK(masked({"Summary", "Type"}, sample) == R"({"flow":{"Type":"L3_L4","Summary":"TCP Flags: ACK, FIN"}})");
}

TEST_CASE("the response's node_name and time stay only when the mask keeps the flow's", "[output][field-mask]") {
    // The exporter fills them from the masked flow: {"flow":{"source":{...}}} alone for a mask of source.
    CHECK(masked({"node_name"}, sample) == R"({"flow":{"node_name":"gke-zr1l"},"node_name":"gke-zr1l"})");
    CHECK(masked({"time.seconds"}, sample) ==
          R"({"flow":{"time":"2021-06-16T16:52:13.136834446Z"},"time":"2021-06-16T16:52:13.136834446Z"})");
    CHECK(masked({"uuid"}, sample) == R"({"flow":{}})");
}

TEST_CASE("nested paths keep the path down to the masked field", "[output][field-mask]") {
    CHECK(masked({"source.pod_name"}, sample) == R"({"flow":{"source":{"pod_name":"reviews-v1-545db77b95-s6jb8"}}})");
    CHECK(masked({"l4.TCP.destination_port", "IP.source"}, sample) ==
          R"({"flow":{"IP":{"source":"10.0.2.16"},"l4":{"TCP":{"destination_port":42044}}}})");
    CHECK(masked({"l4.TCP.flags.FIN", "source.identity", "destination.identity"}, sample) ==
          R"({"flow":{"l4":{"TCP":{"flags":{"FIN":true}}},"source":{"identity":25339},"destination":{"identity":1}}})");
    // A shorter path keeps everything under it, whichever comes first.
    CHECK(masked({"event_type.type", "event_type"}, sample) == R"({"flow":{"event_type":{"type":4,"sub_type":3}}})");
    CHECK(masked({"event_type", "event_type.type"}, sample) == R"({"flow":{"event_type":{"type":4,"sub_type":3}}})");
    CHECK(masked({"ethernet"}, sample) ==
          R"({"flow":{"ethernet":{"source":"46:e5:ea:1f:95:ff","destination":"d6:ec:b0:4a:ff:46"}}})");
}

TEST_CASE("repeated fields are kept whole", "[output][field-mask]") {
    CHECK(masked({"source.labels", "destination.labels"}, sample) ==
          R"({"flow":{"source":{"labels":["k8s:app=reviews","k8s:version=v1"]},"destination":{"labels":["reserved:host"]}}})");
    std::string_view policies =
        R"({"flow":{"node_labels":["a=b","c=d"],"egress_allowed_by":[{"name":"p","labels":["x"],"revision":"19"},{"name":"q"}],"source":{"workloads":[{"name":"w","kind":"Deployment"}]}}})";
    CHECK(masked({"egress_allowed_by", "node_labels", "source.workloads"}, policies) ==
          R"({"flow":{"node_labels":["a=b","c=d"],"egress_allowed_by":[{"name":"p","labels":["x"],"revision":"19"},{"name":"q"}],"source":{"workloads":[{"name":"w","kind":"Deployment"}]}}})");
}

TEST_CASE("a path that selects nothing is absent", "[output][field-mask]") {
    CHECK(masked({"destination.pod_name"}, sample) == R"({"flow":{}})");
    CHECK(masked({"l7.dns.query", "l4.UDP", "trace_context.parent.trace_id"}, sample) == R"({"flow":{}})");
    CHECK(masked({"destination.pod_name", "destination.identity"}, sample) ==
          R"({"flow":{"destination":{"identity":1}}})");
    // null is absent, kept whole or looked into.
    CHECK(masked({"source", "IP.source", "uuid"}, R"({"flow":{"source":null,"IP":null,"uuid":null}})") ==
          R"({"flow":{}})");
    // Present but empty messages are kept when masked whole, as protojson writes them.
    CHECK(masked({"destination", "l4"}, R"({"flow":{"l4":{"ICMPv4":{}},"destination":{}}})") ==
          R"({"flow":{"l4":{"ICMPv4":{}},"destination":{}}})");
    CHECK(masked({"destination.identity", "l4.ICMPv4.type"}, R"({"flow":{"l4":{"ICMPv4":{}},"destination":{}}})") ==
          R"({"flow":{}})");
    CHECK(masked({"source"}, R"({"flow":{}})") == R"({"flow":{}})");
}

TEST_CASE("input keys may be JSON names; they are written as they came", "[output][field-mask]") {
    std::string_view camel =
        R"({"flow":{"nodeName":"n1","IP":{"sourceXlated":"10.0.3.51","destination":"1.1.1.1"},"source":{"podName":"p","clusterName":"east"},"isReply":false,"l4":{"TCP":{"destinationPort":443}}},"nodeName":"n1"})";
    CHECK(masked({"node_name", "IP.source_xlated", "source.pod_name", "is_reply", "l4.TCP.destination_port"}, camel) ==
          R"({"flow":{"nodeName":"n1","IP":{"sourceXlated":"10.0.3.51"},"source":{"podName":"p"},"isReply":false,"l4":{"TCP":{"destinationPort":443}}},"nodeName":"n1"})");
    // Paths themselves are proto names only (the command line refuses the rest).
    CHECK_THROWS_AS(field_mask({"source.podName"}), std::invalid_argument);
}

TEST_CASE("the input's order and bytes are kept", "[output][field-mask]") {
    // Not the mask's order and not the proto's: the line's.
    std::string_view reordered = R"({"time":"2024-01-02T03:04:05Z","flow":{"verdict":"DROPPED","time":"2024-01-02T03:04:05.500Z"}})";
    CHECK(masked({"time", "verdict"}, reordered) ==
          R"({"time":"2024-01-02T03:04:05Z","flow":{"verdict":"DROPPED","time":"2024-01-02T03:04:05.500Z"}})");
    // Values are copied byte for byte (escapes, numbers as written); space between tokens goes.
    std::string_view spaced =
        R"( { "flow" : { "Summary" : "a \"}\" b \\" , "drop_reason_desc" : 133 , "source" : { "labels" : [ "x" , "y" ] } } } )";
    CHECK(masked({"Summary", "drop_reason_desc", "source.labels"}, spaced) ==
          R"({"flow":{"Summary":"a \"}\" b \\","drop_reason_desc":133,"source":{"labels":[ "x" , "y" ]}}})");
    // Unknown fields are skipped, whatever they hold.
    CHECK(masked({"verdict"}, R"({"flow":{"future":{"a":[1,{"b":"}"}]},"verdict":2},"extra":[]})") ==
          R"({"flow":{"verdict":2}})");
}

TEST_CASE("text it cannot follow stops the copy without reading past the line", "[output][field-mask]") {
    for (std::string_view broken : {R"({"flow":{"time":"2024)", R"({"flow":{"verdict":)", R"({"flow":{"source":{"pod_name":"p")",
                                    R"({"flow":{"verdict" "x"}})", R"({"flow":{"Summary":"a\)", R"({)", R"()"}) {
        INFO(broken);
        std::string out = masked({"time", "verdict", "source.pod_name", "Summary"}, broken);
        CHECK(std::count(out.begin(), out.end(), '{') == std::count(out.begin(), out.end(), '}'));
    }
}

TEST_CASE("applying a mask reuses the output buffer", "[output][field-mask]") {
    field_mask mask({"time", "source.pod_name", "l4.TCP.destination_port"});
    std::string out;
    mask.apply(sample, out);
    const std::string first = out;
    const char* data = out.data();
    for (int i = 0; i < 100; ++i) {
        out.clear();
        mask.apply(sample, out);
    }
    CHECK(out == first);
    CHECK(out.data() == data);
}

TEST_CASE("json output applies the mask to flows only", "[output][json][field-mask]") {
    response f = flow_response();
    f.line = sample;
    response lost;
    lost.kind = response_kind::lost_events;
    lost.line = R"({"lost_events":{"source":"PERF_EVENT_RING_BUFFER","num_events_lost":"7","cpu":2},"node_name":"n","time":"2024-01-02T03:04:05Z"})";
    response status;
    status.kind = response_kind::node_status;
    status.node_status.state_change = 4;  // NODE_ERROR: printed, to stderr
    status.line = R"({"node_status":{"state_change":"NODE_ERROR","message":"boom"},"node_name":"relay","time":"2024-01-02T03:04:01Z"})";

    output_settings o = with_output(output_format::json);
    o.field_mask = {"verdict", "time"};
    printed p = print_all(o, f, lost, status);
    CHECK(p.out ==
          R"({"flow":{"time":"2021-06-16T16:52:13.136834446Z","verdict":"FORWARDED"},"time":"2021-06-16T16:52:13.136834446Z"})"
          "\n" +
              std::string(lost.line) + "\n");
    CHECK(p.err == std::string(status.line) + "\n");

    // The mask reads the line itself: nothing needs decoding.
    captured_sink out, err;
    CHECK(make_printer(o, out.sink(), err.sink())->needs() == 0);
}

}  // namespace flowgrep::test
