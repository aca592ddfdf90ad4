// table output and the tabwriter behind it: Go's column blocks, widths in code points, tabs inside
// values, the header with the first row only, NODE, lost events, policy names, no colour.
#include <catch2/catch_test_macros.hpp>

#include "output/tab_writer.h"
#include "print_test_util.h"

namespace flowgrep::test {

namespace {

std::string aligned_by(tab_writer& tw, std::string_view text, size_t line_at_a_time) {
    captured_sink out;
    if (line_at_a_time == 0) {
        tw.text().append(text);
    } else {
        // Line by line, as the table printer appends rows, so that each may move to the file.
        for (size_t at = 0; at < text.size();) {
            size_t e = text.find_first_of("\n\f", at);
            e = e == std::string_view::npos ? text.size() : e + 1;
            tw.text().append(text.substr(at, e - at));
            tw.lines_added();
            at = e;
        }
    }
    tw.flush(out.sink());
    return out.text();
}

// The text aligned in memory; and the same once more with every line moved to the temporary file
// as it comes, which must not change a byte.
std::string aligned(std::string_view text) {
    tab_writer in_memory;
    std::string want = aligned_by(in_memory, text, 0);
    tab_writer spilling(1);
    CHECK(aligned_by(spilling, text, 1) == want);
    return want;
}

response http_flow(uint32_t src_port, std::string_view src_ns, std::string_view src_pod,
                   std::string_view dst_ip, uint32_t dst_port) {
    response r = tcp_flow("10.156.0.9", src_port, dst_ip, dst_port);
    flow& f = r.flow;
    f.verdict = 1;
    f.source.namespace_ = src_ns;
    f.source.pod_name = src_pod;
    f.has_l7 = true;
    f.l7_record = l7_kind::http;
    return r;
}

}  // namespace

TEST_CASE("tab_writer: Go's column blocks", "[output][table][tabwriter]") {
    // Column 0 spans the first two lines; the one-cell line ends every block; column 1 of the first
    // line is a block of its own, since the second line's cell there is its last.
    CHECK(aligned("a\tbb\tc\naaa\tb\nx\ny\tz\n") ==
          "a     bb   c\n"
          "aaa   b\n"
          "x\n"
          "y   z\n");
}

TEST_CASE("tab_writer: widths count code points, not bytes", "[output][table][tabwriter]") {
    CHECK(aligned("é\tx\nab\ty\n") == "é    x\nab   y\n");
    CHECK(aligned("日本語\tx\nabcd\ty\n") == "日本語    x\nabcd   y\n");
    CHECK(aligned("🙂🙂\t1\n\t2\n") == "🙂🙂   1\n     2\n");
}

TEST_CASE("tab_writer: a tab inside a value shifts that row", "[output][table][tabwriter]") {
    CHECK(aligned("A\tB\na\tb\tc\n") == "A   B\na   b   c\n");
}

TEST_CASE("tab_writer: a form feed ends the section", "[output][table][tabwriter]") {
    CHECK(aligned("aaaa\tb\n\fa\tb\n") == "aaaa   b\n\na   b\n");
    CHECK(aligned("aaaa\tb\fa\tb\n") == "aaaa   b\na   b\n");
}

TEST_CASE("tab_writer: empty text writes nothing; a last line keeps its missing newline",
          "[output][table][tabwriter]") {
    CHECK(aligned("").empty());
    CHECK(aligned("a\tb\nccc\td") == "a     b\nccc   d");
    CHECK(aligned("a\t\n") == "a   \n");
}

TEST_CASE("tab_writer: blocks across the temporary file keep their widths", "[output][table][tabwriter]") {
    // Thousands of lines, the widest in the middle, blocks broken by one-cell lines, a last line
    // without a break: spilled in pieces of every size, read back in 1 MiB chunks.
    std::string text;
    for (int i = 0; i < 20000; ++i) {
        text += std::string(static_cast<size_t>(i % 7 + 1), 'a');
        text += i == 10000 ? "\twide-wide-wide\tz\n" : "\tb\tc\n";
        if (i % 5000 == 4999) text += "x\n";
    }
    text += "last\tline";
    tab_writer in_memory;
    const std::string want = aligned_by(in_memory, text, 0);
    for (size_t spill_at : {size_t{1}, size_t{100}, size_t{65536}}) {
        tab_writer spilling(spill_at);
        CHECK(aligned_by(spilling, text, 1) == want);
    }
    CHECK(want.find("\naaaaa     wide-wide-wide   z\n") != std::string::npos);
    CHECK(want.ends_with("\nlast   line"));
    // A writer is empty again after flush, and reusable.
    tab_writer reused(1);
    CHECK(aligned_by(reused, "a\tb\n", 1) == "a   b\n");
    CHECK(aligned_by(reused, "ccc\td\n", 1) == "ccc   d\n");
}

TEST_CASE("table: header with the first row, then aligned rows", "[output][table]") {
    response first = http_flow(48532, "istio-system", "prometheus-6655946b9f-6xcpf", "10.128.0.4", 9990);
    first.flow.time = at(1633357718, 735'000'000);
    first.flow.l7_type = 1;
    first.flow.is_reply = flow::reply::no;
    first.flow.summary = "HTTP/1.1 GET http://10.128.0.4:9990/metrics";

    // A reply: table keeps the flow's own source on the left.
    response second = http_flow(9253, "kube-system", "node-local-dns-r99x7", "10.156.0.9", 57468);
    second.flow.time = at(1633357720, 808'000'000);
    second.flow.l7_type = 2;
    second.flow.is_reply = flow::reply::yes;
    second.flow.destination.namespace_ = "istio-system";
    second.flow.destination.pod_name = "prometheus-6655946b9f-6xcpf";
    second.flow.summary = "HTTP/1.1 503 999ms (GET http://10.156.1.2:9253/metrics)";

    CHECK(print_all(with_output(output_format::table), first, second).out ==
          "TIMESTAMP             SOURCE                                           DESTINATION                                      TYPE            VERDICT     SUMMARY\n"
          "Oct  4 14:28:38.735   istio-system/prometheus-6655946b9f-6xcpf:48532   10.128.0.4:9990                                  http-request    FORWARDED   HTTP/1.1 GET http://10.128.0.4:9990/metrics\n"
          "Oct  4 14:28:40.808   kube-system/node-local-dns-r99x7:9253            istio-system/prometheus-6655946b9f-6xcpf:57468   http-response   FORWARDED   HTTP/1.1 503 999ms (GET http://10.156.1.2:9253/metrics)\n");
}

TEST_CASE("table: no rows, no output, not even the header", "[output][table]") {
    response empty;  // not printed and not a row
    printed p = print_all(with_output(output_format::table), empty);
    CHECK(p.out.empty());
    CHECK(p.err.empty());
}

TEST_CASE("table: NODE column with --print-node-name", "[output][table]") {
    output_settings o = with_output(output_format::table);
    o.print_node_name = true;
    response r = http_flow(59102, "kube-system", "node-local-dns-88zrp", "10.0.0.2", 53);
    r.flow.time = at(1633346546, 592'000'000);
    r.flow.node_name = "gke-ilya-otel-demo-2-ilya-otel-demo-2-dac8cc20-hr0z";
    r.flow.destination.namespace_ = "kube-system";
    r.flow.destination.pod_name = "kube-dns-b4f5c58c7-vnx5s";
    r.flow.l7_record = l7_kind::dns;
    r.flow.l7_type = 1;
    r.flow.dns_observation_source = "proxy";
    r.flow.summary = "DNS Query istiod-istio-1611.istio-system.svc.istio-system.svc.cluster.local. A";
    CHECK(print_all(o, r).out ==
          "TIMESTAMP             NODE                                                  SOURCE                                   DESTINATION                               TYPE                VERDICT     SUMMARY\n"
          "Oct  4 11:22:26.592   gke-ilya-otel-demo-2-ilya-otel-demo-2-dac8cc20-hr0z   kube-system/node-local-dns-88zrp:59102   kube-system/kube-dns-b4f5c58c7-vnx5s:53   dns-request proxy   FORWARDED   DNS Query istiod-istio-1611.istio-system.svc.istio-system.svc.cluster.local. A\n");
}

TEST_CASE("table: lost events are a row with the response time and - cells", "[output][table][lost]") {
    response r;
    r.kind = response_kind::lost_events;
    r.time = at(1633346546, 592'000'000);
    r.lost_events.source = 1;
    r.lost_events.num_events_lost = 7;
    r.lost_events.has_cpu = true;
    r.lost_events.cpu = 2;
    CHECK(print_all(with_output(output_format::table), r).out ==
          "TIMESTAMP             SOURCE                   DESTINATION   TYPE          VERDICT   SUMMARY\n"
          "Oct  4 11:22:26.592   PERF_EVENT_RING_BUFFER   -             EVENTS LOST   -         CPU(2) - 7\n");
    output_settings o = with_output(output_format::table);
    o.print_node_name = true;
    CHECK(print_all(o, r).out ==
          "TIMESTAMP             NODE   SOURCE                   DESTINATION   TYPE          VERDICT   SUMMARY\n"
          "Oct  4 11:22:26.592   -      PERF_EVENT_RING_BUFFER   -             EVENTS LOST   -         CPU(2) - 7\n");
    r.node_name = "node-1";
    r.time = {};
    r.lost_events.first = at(1633346500);
    r.lost_events.last = at(1633346540, 100'000'000);
    CHECK(print_all(o, r).out ==
          "TIMESTAMP   NODE     SOURCE                   DESTINATION   TYPE          VERDICT   SUMMARY\n"
          "N/A         node-1   PERF_EVENT_RING_BUFFER   -             EVENTS LOST   -         "
          "CPU(2) - 7 (first: Oct  4 11:21:40.000, last: Oct  4 11:22:20.100)\n");
}

TEST_CASE("table: IP trace ID and policy names", "[output][table][policy_names]") {
    output_settings o = with_output(output_format::table);
    o.print_policy_names = true;
    response r = tcp_flow("10.0.0.1", 1, "10.0.0.2", 2);
    r.flow.has_event_type = true;
    r.flow.event_type = 5;
    r.flow.verdict = 2;
    r.flow.traffic_direction = 1;
    r.flow.ingress_denied_by = {{"deny-all", "ns", "CiliumNetworkPolicy"}};
    r.flow.ip_trace_id = 7;
    r.flow.summary = "TCP Flags: SYN";
    CHECK(print_all(o, r).out ==
          "TIMESTAMP   SOURCE       DESTINATION   TYPE                          VERDICT                                    SUMMARY\n"
          "N/A         10.0.0.1:1   10.0.0.2:2    policy-verdict:none INGRESS   DENIED BY deny-all (CiliumNetworkPolicy)   IP Trace ID: 7; TCP Flags: SYN\n");
}

TEST_CASE("table: SUMMARY carries the auth type; colours never apply", "[output][table][color]") {
    output_settings o = with_output(output_format::table);
    o.color = color_mode::always;
    response r = tcp_flow("10.0.0.1", 1, "10.0.0.2", 2);
    r.flow.verdict = 2;
    r.flow.auth_type = 2;
    r.flow.summary = "TCP";
    std::string out = print_all(o, r).out;
    CHECK(out.find('\x1b') == std::string::npos);
    CHECK(out.ends_with("DROPPED   TCP; Auth: TEST_ALWAYS_FAIL\n"));
}

TEST_CASE("table: wide characters and tabs in values", "[output][table]") {
    response a = tcp_flow("10.0.0.1", 1, "10.0.0.2", 2);
    a.flow.source.pod_name = "pödé";
    a.flow.summary = "one";
    response b = tcp_flow("10.0.0.1", 1, "10.0.0.2", 2);
    b.flow.source.pod_name = "podde";
    b.flow.summary = "two\tcells";
    CHECK(print_all(with_output(output_format::table), a, b).out ==
          "TIMESTAMP   SOURCE    DESTINATION   TYPE      VERDICT           SUMMARY\n"
          "N/A         pödé:1    10.0.0.2:2    UNKNOWN   VERDICT_UNKNOWN   one\n"
          "N/A         podde:1   10.0.0.2:2    UNKNOWN   VERDICT_UNKNOWN   two   cells\n");
}

}  // namespace flowgrep::test
