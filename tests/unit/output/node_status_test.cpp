// Node-status records: which states print, their wording on stderr in every format, the cut-off node
// list, --silent-errors and --debug, and dict's separator, which goes with the status to stderr.
#include <catch2/catch_test_macros.hpp>

#include "flow/event_types.h"
#include "output/node_status_text.h"
#include "print_test_util.h"

namespace flowgrep::test {

namespace {

using node_states::connected, node_states::unavailable, node_states::gone, node_states::error;

response status(int32_t state, std::vector<std::string_view> nodes, std::string_view message = {},
                int64_t second = 0) {
    response r;
    r.kind = response_kind::node_status;
    r.node_name = "relay";
    r.time = at(jan_2_2024_03_04_05 - 5 + second);
    r.node_status.state_change = state;
    r.node_status.node_names = std::move(nodes);
    r.node_status.message = message;
    return r;
}

output_settings debug_options(output_format f = output_format::compact) {
    output_settings o = with_output(f);
    o.debug = true;
    return o;
}

response a_flow() {
    response r = tcp_flow("10.0.0.1", 1, "10.0.0.2", 2);
    r.flow.time = at(jan_2_2024_03_04_05);
    return r;
}

}  // namespace

TEST_CASE("node status: errors and unavailable nodes go to stderr", "[output][node_status]") {
    printed p = print_all(output_settings{}, status(error, {"n1", "n2"}, "boom", 1), status(unavailable, {"n3"}, {}, 2));
    CHECK(p.out.empty());
    CHECK(p.err ==
          "Jan  2 03:04:01.000 [relay]: Error \"boom\" on 2 nodes: n1, n2\n"
          "Jan  2 03:04:02.000 [relay]: 1 nodes are unavailable: n3\n");
}

TEST_CASE("node status: other states only with --debug", "[output][node_status]") {
    response joined = status(connected, {"n1", "n2"}, {}, 0);
    response left = status(gone, {"n4"}, {}, 3);
    CHECK(print_all(output_settings{}, joined, left).err.empty());
    CHECK(print_all(debug_options(), joined, left).err ==
          "Jan  2 03:04:00.000 [relay]: Receiving flows from 2 nodes: n1, n2\n"
          "Jan  2 03:04:03.000 [relay]: 1 nodes removed from cluster: n4\n");
    // Hubble prints an unknown state with Go's text form of the message.
    CHECK(print_all(debug_options(), status(0, {"n5"}, "hm", 4)).err ==
          "Jan  2 03:04:04.000 [relay]: unknown node status event: node_names:\"n5\" message:\"hm\"\n");
}

TEST_CASE("node status: the node list is cut after 50 characters", "[output][node_status]") {
    std::vector<std::string_view> six = {"node-aaaa1", "node-aaaa2", "node-aaaa3",
                                         "node-aaaa4", "node-aaaa5", "node-aaaa6"};
    CHECK(print_all(output_settings{}, status(unavailable, six, {}, 2)).err ==
          "Jan  2 03:04:02.000 [relay]: 6 nodes are unavailable: node-aaaa1, node-aaaa2, node-aaaa3, "
          "node-aaaa4 (and 2 more)\n");

    std::string out;
    append_node_names(out, {"a-very-long-node-name-that-alone-is-longer-than-fifty-characters", "b"});
    CHECK(out == "a-very-long-node-name-that-alone-is-longer-than-fifty-characters (and 1 more)");
    out.clear();
    append_node_names(out, {});
    CHECK(out.empty());
    out.clear();
    // 4 names of 10 and one of 8: 12 * 4 + 10 = 58 > 50, so the fifth goes.
    append_node_names(out, {"0123456789", "0123456789", "0123456789", "0123456789", "01234567"});
    CHECK(out == "0123456789, 0123456789, 0123456789, 0123456789 (and 1 more)");
    out.clear();
    // 4 names of 10 and one of 0: exactly 50 is still within the limit.
    append_node_names(out, {"0123456789", "0123456789", "0123456789", "0123456789", ""});
    CHECK(out == "0123456789, 0123456789, 0123456789, 0123456789, ");
}

TEST_CASE("node status: error messages are quoted the Go way", "[output][node_status]") {
    CHECK(print_all(output_settings{}, status(error, {"n1"}, "say \"hi\"\n\ttab\\", 1)).err ==
          "Jan  2 03:04:01.000 [relay]: Error \"say \\\"hi\\\"\\n\\ttab\\\\\" on 1 nodes: n1\n");
    CHECK(print_all(output_settings{}, status(error, {}, {}, 1)).err ==
          "Jan  2 03:04:01.000 [relay]: Error \"\" on 0 nodes: \n");
}

TEST_CASE("node status: the prefix follows --time-format and a missing time is N/A",
          "[output][node_status]") {
    output_settings o;
    o.time_format = "RFC3339";
    CHECK(print_all(o, status(unavailable, {"n3"}, {}, 2)).err ==
          "2024-01-02T03:04:02Z [relay]: 1 nodes are unavailable: n3\n");
    response r = status(unavailable, {"n3"});
    r.time = {};
    r.node_name = {};
    CHECK(print_all(output_settings{}, r).err == "N/A []: 1 nodes are unavailable: n3\n");
}

TEST_CASE("node status: --silent-errors silences them", "[output][node_status]") {
    output_settings o;
    o.silent_errors = true;
    o.debug = true;
    CHECK(print_all(o, status(error, {"n1"}, "boom")).err.empty());
    o.format = output_format::json;
    CHECK(print_all(o, status(error, {"n1"}, "boom")).err.empty());
}

TEST_CASE("node status: table prints them at once on stderr, outside the table",
          "[output][node_status][table]") {
    printed p = print_all(with_output(output_format::table), status(unavailable, {"n3"}, {}, 2));
    CHECK(p.out.empty());
    CHECK(p.err == "Jan  2 03:04:02.000 [relay]: 1 nodes are unavailable: n3\n");
}

TEST_CASE("node status: dict prints a block and its separator on stderr",
          "[output][node_status][dict]") {
    const output_settings dict = with_output(output_format::dict);
    const std::string flow_block =
        "  TIMESTAMP: Jan  2 03:04:05.000\n"
        "     SOURCE: 10.0.0.1:1\n"
        "DESTINATION: 10.0.0.2:2\n"
        "       TYPE: UNKNOWN\n"
        "    VERDICT: VERDICT_UNKNOWN\n"
        "    SUMMARY: \n";
    SECTION("the block") {
        printed p = print_all(dict, status(error, {"n1", "n2"}, "boom", 1));
        CHECK(p.out.empty());
        CHECK(p.err ==
              "  TIMESTAMP: Jan  2 03:04:01.000\n"
              "      STATE: NODE_ERROR\n"
              "      NODES: n1, n2\n"
              "    MESSAGE: \"boom\"\n");
        CHECK(print_all(dict, status(unavailable, {"n3"}, {}, 2)).err ==
              "  TIMESTAMP: Jan  2 03:04:02.000\n"
              "      STATE: NODE_UNAVAILABLE\n"
              "      NODES: n3\n"
              "    MESSAGE: N/A\n");
    }
    SECTION("a status after a flow writes the separator to stderr; the next flow writes another") {
        printed p = print_all(dict, a_flow(), status(unavailable, {"n3"}), a_flow());
        CHECK(p.out == flow_block + "------------\n" + flow_block);
        CHECK(p.err ==
              "------------\n"
              "  TIMESTAMP: Jan  2 03:04:00.000\n"
              "      STATE: NODE_UNAVAILABLE\n"
              "      NODES: n3\n"
              "    MESSAGE: N/A\n");
    }
    SECTION("a status first only arms the separator for the first flow") {
        printed p = print_all(dict, status(unavailable, {"n3"}), a_flow());
        CHECK(p.out == "------------\n" + flow_block);
        CHECK(p.err.starts_with("  TIMESTAMP: "));
    }
    SECTION("hidden states do nothing, not even the separator") {
        printed p = print_all(dict, a_flow(), status(connected, {"n1"}), a_flow());
        CHECK(p.out == flow_block + "------------\n" + flow_block);
        CHECK(p.err.empty());
    }
    SECTION("--debug shows every state") {
        output_settings o = debug_options(output_format::dict);
        printed p = print_all(o, status(connected, {"n1"}), a_flow());
        CHECK(p.out.starts_with("------------\n"));
        CHECK(p.err.find("      STATE: NODE_CONNECTED\n") != std::string::npos);
    }
    SECTION("--silent-errors drops the block and its separator") {
        output_settings o = dict;
        o.silent_errors = true;
        printed p = print_all(o, a_flow(), status(error, {"n1"}, "boom"), a_flow());
        CHECK(p.err.empty());
        CHECK(p.out == flow_block + "------------\n" + flow_block);
        // A silenced status first still arms the separator, as Hubble counts it.
        CHECK(print_all(o, status(error, {"n1"}, "boom"), a_flow()).out == "------------\n" + flow_block);
    }
}

TEST_CASE("node status: json passes the line to stderr", "[output][node_status][json]") {
    response r = status(error, {"n1"}, "boom");
    r.line = R"({"node_status":{"state_change":"NODE_ERROR","node_names":["n1"],"message":"boom"}})";
    printed p = print_all(with_output(output_format::json), r);
    CHECK(p.out.empty());
    CHECK(p.err == std::string(r.line) + "\n");

    response quiet = status(connected, {"n1"});
    quiet.line = R"({"node_status":{"state_change":"NODE_CONNECTED","node_names":["n1"]}})";
    CHECK(print_all(with_output(output_format::json), quiet).err.empty());
    CHECK(print_all(debug_options(output_format::json), quiet).err == std::string(quiet.line) + "\n");
}

}  // namespace flowgrep::test
