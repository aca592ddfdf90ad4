// --aggregate-by: key parsing and aliases, workload names from pod names, the encoded tuples
// (missing values, enums by name, event type names), the sort and --top, merge(), and the two ways of
// reading a key (the parsed flow and the line's JSON) agreeing on real flows.
#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <simdjson.h>

#include "flow/parse.h"
#include "output/aggregator.h"
#include "print_test_util.h"

namespace flowgrep::test {

namespace {

aggregate_spec spec_of(std::initializer_list<std::string_view> names, aggregate_format format = aggregate_format::json,
                       uint64_t top = 0, bool from_json = false) {
    aggregate_spec spec;
    for (auto name : names) spec.keys.push_back(parse_aggregate_key(name, from_json));
    spec.format = format;
    spec.top = top;
    return spec;
}

std::string rows_of(const aggregator& a) {
    captured_sink out, err;
    a.print(out.sink(), err.sink());
    return out.text();
}

std::string parse_error(std::string_view name) {
    try {
        parse_aggregate_key(name);
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "no error";
}

// The lines of flow files, each with simdjson's padding after it, as the reader hands them out.
std::vector<std::string> padded_lines(const std::vector<std::filesystem::path>& files) {
    std::vector<std::string> lines;
    for (const auto& file : files) {
        std::ifstream in(file);
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty()) continue;
            line.append(simdjson::SIMDJSON_PADDING, '\0');
            lines.push_back(line);
        }
    }
    return lines;
}

std::vector<std::filesystem::path> flow_files() {
    std::vector<std::filesystem::path> files = {std::filesystem::path(FLOWGREP_TEST_DATA) / "sample-10.json",
                                                std::filesystem::path(FLOWGREP_TEST_DATA) / "http-5.json"};
    // The conformance flows (every protocol, drops, L7) when the shared folder is there.
    const auto shared = std::filesystem::path(FLOWGREP_TEST_DATA) / "../../../shared/conformance/flows";
    if (std::filesystem::exists(shared))
        for (const auto& entry : std::filesystem::directory_iterator(shared)) files.push_back(entry.path());
    return files;
}

void add_lines(aggregator& a, const std::vector<std::string>& lines) {
    response_parser parser;
    response r;
    for (const auto& padded : lines) {
        std::string_view line(padded.data(), padded.size() - simdjson::SIMDJSON_PADDING);
        if (parser.parse(line, r) && parser.check_rest(line)) a.add(r, line);
    }
}

}  // namespace

TEST_CASE("aggregation keys: aliases, paths and what is refused", "[output][aggregate]") {
    // Aliases are paths of the field table, read from the parsed flow where it holds every step.
    const aggregate_key src_ns = parse_aggregate_key("src-ns");
    REQUIRE(src_ns.paths.size() == 1);
    CHECK(src_ns.paths[0].size() == 2);
    CHECK(src_ns.paths[0][1]->proto == "namespace");
    CHECK_FALSE(src_ns.from_json);
    CHECK(parse_aggregate_key("source.namespace").paths == src_ns.paths);
    CHECK(parse_aggregate_key("dst-port").paths.size() == 3);
    CHECK(parse_aggregate_key("l4.UDP.destination_port").paths[0][1]->proto == "UDP");
    CHECK_FALSE(parse_aggregate_key("is_reply").from_json);
    CHECK(parse_aggregate_key("denied-by").format == key_format::policy);
    // Not held by the parsed flow: read from the JSON along proto and JSON names.
    aggregate_key icmp = parse_aggregate_key("l4.ICMPv4.type");
    CHECK(icmp.from_json);
    REQUIRE(icmp.paths.size() == 1);
    REQUIRE(icmp.paths[0].size() == 3);
    CHECK(icmp.paths[0][2]->proto == "type");
    CHECK(parse_aggregate_key("trace_observation_point").paths[0].front()->json == "traceObservationPoint");
    CHECK(parse_aggregate_key("source.namespace", true).from_json);
    CHECK(parse_aggregate_key("tunnel.vni").from_json);
    CHECK_FALSE(parse_aggregate_key("ip_trace_id.trace_id").from_json);
    CHECK_FALSE(parse_aggregate_key("IP.encrypted").from_json);

    CHECK(parse_error("src-nss") == "unknown key \"src-nss\" (did you mean src-ns?)");
    CHECK(parse_error("verdcit") == "unknown key \"verdcit\" (did you mean verdict?)");
    CHECK(parse_error("source.podName").starts_with("unknown key \"source.podName\""));
    CHECK(parse_error("") .starts_with("unknown key \"\""));
    CHECK(parse_error("event_type") ==
          "\"event_type\" is a message; name one of its fields: event_type.type, event_type.sub_type");
    CHECK(parse_error("source.labels") == "\"source.labels\" is a list; aggregate by one value per flow");
    CHECK(parse_error("destination.workloads") == "\"destination.workloads\" is a list; use dst-workload");
    CHECK(parse_error("time") == "\"time\" is not a key: every flow has its own");
    CHECK(parse_error("source.namespace.x").starts_with("unknown key"));

    const auto choices = aggregate_key_choices();
    CHECK(choices.front() == "src-ns");
    CHECK(std::find(choices.begin(), choices.end(), "l4.TCP.destination_port") != choices.end());
    CHECK(std::find(choices.begin(), choices.end(), "time") == choices.end());
    CHECK(std::find(choices.begin(), choices.end(), "source.labels") == choices.end());
    for (const auto& name : choices) CHECK_NOTHROW(parse_aggregate_key(name));
}

TEST_CASE("workload names from pod names, conservatively", "[output][aggregate]") {
    CHECK(workload_of_pod("reviews-v1-545db77b95-s6jb8") == "reviews-v1");  // Deployment
    CHECK(workload_of_pod("coredns-5d78c9869d-x7w2q") == "coredns");
    CHECK(workload_of_pod("web-0") == "web");                                // StatefulSet
    CHECK(workload_of_pod("db-12") == "db");
    CHECK(workload_of_pod("cilium-x7k2p") == "cilium");                      // DaemonSet
    CHECK(workload_of_pod("backup-28391445-x7k2p") == "backup-28391445");    // CronJob's Job
    // Not the shapes Kubernetes makes: kept whole.
    CHECK(workload_of_pod("nginx") == "nginx");
    CHECK(workload_of_pod("my-pod") == "my-pod");           // vowels: not a random suffix
    CHECK(workload_of_pod("web-01") == "web-01");           // not an ordinal
    CHECK(workload_of_pod("app-abc12-x7k2p") == "app-abc12");  // hash with vowels: only the suffix goes
    CHECK(workload_of_pod("-x7k2p") == "-x7k2p");
    CHECK(workload_of_pod("") == "");
}

TEST_CASE("aggregation: missing values, enums by name, event types, protocols", "[output][aggregate]") {
    aggregator a(spec_of({"src-ns", "verdict", "type", "protocol", "dst-port", "src-workload", "is_reply"}));
    response r = tcp_flow("10.0.0.1", 40000, "10.0.0.2", 80);
    r.flow.source.namespace_ = "default";
    r.flow.source.pod_name = "web-7f9c6d5b8-abcde";
    r.flow.source.workloads.push_back({"web", "Deployment"});
    r.flow.verdict = 2;
    r.flow.has_event_type = true;
    r.flow.event_type = 1;
    r.flow.event_sub_type = 133;
    r.flow.is_reply = flow::reply::no;
    a.add(r, {});

    response t = tcp_flow("10.0.0.1", 40000, "10.0.0.2", 80);
    t.flow.has_event_type = true;
    t.flow.event_type = 4;
    t.flow.event_sub_type = 3;
    t.flow.source.pod_name = "cilium-x7k2p";
    t.flow.has_l7 = true;
    t.flow.l7_record = l7_kind::http;
    a.add(t, {});

    response u = flow_response();  // nothing set at all
    u.flow.has_event_type = true;
    u.flow.event_type = 200;
    u.flow.event_sub_type = 7;
    a.add(u, {});

    response v = flow_response();
    v.flow.has_event_type = true;
    v.flow.event_type = 5;
    v.flow.verdict = 99;  // no name: its number, as protojson writes it
    a.add(v, {});

    // Not flows: not counted.
    response status;
    status.kind = response_kind::node_status;
    a.add(status, {});

    CHECK(a.flows() == 4);
    CHECK(rows_of(a) ==
          "{\"count\":1,\"src-ns\":\"default\",\"verdict\":\"DROPPED\",\"type\":\"drop:133\",\"protocol\":\"tcp\","
          "\"dst-port\":80,\"src-workload\":\"web\",\"is_reply\":false}\n"
          "{\"count\":1,\"src-ns\":null,\"verdict\":99,\"type\":\"policy-verdict\",\"protocol\":null,"
          "\"dst-port\":null,\"src-workload\":null,\"is_reply\":null}\n"
          "{\"count\":1,\"src-ns\":null,\"verdict\":null,\"type\":\"200:7\",\"protocol\":null,"
          "\"dst-port\":null,\"src-workload\":null,\"is_reply\":null}\n"
          "{\"count\":1,\"src-ns\":null,\"verdict\":null,\"type\":\"trace:to-stack\",\"protocol\":\"http\","
          "\"dst-port\":80,\"src-workload\":\"cilium\",\"is_reply\":null}\n");
}

TEST_CASE("aggregation: rows by count, ties in key order, --top, the table", "[output][aggregate]") {
    const aggregate_spec spec = spec_of({"src-ns", "dst-port"}, aggregate_format::table);
    aggregator a(spec);
    auto add = [&](aggregator& to, std::string_view ns, uint32_t port, int times) {
        response r = tcp_flow("10.0.0.1", 1, "10.0.0.2", port);
        r.flow.source.namespace_ = ns;
        for (int i = 0; i < times; ++i) to.add(r, {});
    };
    add(a, "b", 80, 2);
    add(a, "a", 443, 2);
    add(a, "a", 80, 2);
    add(a, "", 80, 2);     // missing sorts after every value
    add(a, "a", 9, 2);     // numbers by value: 9 before 80
    add(a, "zz", 80, 1234567);
    CHECK(a.distinct() == 6);
    CHECK(rows_of(a) ==
          "  COUNT   src-ns   dst-port\n"
          "1234567   zz       80\n"
          "      2   a        9\n"
          "      2   a        80\n"
          "      2   a        443\n"
          "      2   b        80\n"
          "      2   -        80\n");

    aggregate_spec top = spec;
    top.top = 2;
    aggregator t(top);
    add(t, "x", 1, 1);
    add(t, "y", 1, 3);
    add(t, "z", 1, 3);
    CHECK(rows_of(t) ==
          "COUNT   src-ns   dst-port\n"
          "    3   y        1\n"
          "    3   z        1\n");

    aggregator none(spec);
    CHECK(rows_of(none).empty());
}

TEST_CASE("aggregation: merged aggregators print what one would", "[output][aggregate]") {
    const std::vector<std::string> lines = padded_lines(flow_files());
    REQUIRE(lines.size() > 10);
    const aggregate_spec spec = spec_of({"src-ns", "dst-ns", "verdict", "dst-port"});
    aggregator whole(spec);
    add_lines(whole, lines);

    // Shared out as a pipeline would: every third line to each of three workers.
    std::vector<aggregator> workers;
    for (int i = 0; i < 3; ++i) workers.emplace_back(spec);
    response_parser parser;
    response r;
    for (size_t i = 0; i < lines.size(); ++i) {
        std::string_view line(lines[i].data(), lines[i].size() - simdjson::SIMDJSON_PADDING);
        if (parser.parse(line, r) && parser.check_rest(line)) workers[i % 3].add(r, line);
    }
    workers[1].merge(workers[2]);
    workers[0].merge(workers[1]);
    CHECK(workers[1].distinct() == 0);
    CHECK(workers[0].flows() == whole.flows());
    CHECK(rows_of(workers[0]) == rows_of(whole));
}

TEST_CASE("aggregation: the parsed flow and the JSON give the same values", "[output][aggregate]") {
    const std::vector<std::string> lines = padded_lines(flow_files());
    size_t compared = 0;
    for (const auto& name : aggregate_key_choices()) {
        const aggregate_key key = parse_aggregate_key(name);
        if (key.from_json || key.format != key_format::value) continue;
        ++compared;
        INFO(name);
        aggregator from_flow(spec_of({name}));
        aggregator from_json(spec_of({name}, aggregate_format::json, 0, true));
        add_lines(from_flow, lines);
        add_lines(from_json, lines);
        CHECK(rows_of(from_flow) == rows_of(from_json));
    }
    CHECK(compared == 68);  // every path the parsed flow holds: the aliases and the table's paths
}

TEST_CASE("aggregation: the policy that denied or allowed a flow", "[output][aggregate]") {
    aggregator a(spec_of({"denied-by", "allowed-by", "verdict"}));
    add_lines(a, {
        std::string(R"({"flow":{"verdict":"DROPPED","egress_denied_by":[{"name":"deny-x","namespace":"shop"}]}})") +
            std::string(simdjson::SIMDJSON_PADDING, '\0'),
        std::string(R"({"flow":{"verdict":"DROPPED","ingressDeniedBy":[{"name":"deny-all"}],)"
                    R"("egress_denied_by":[{"name":"deny-x","namespace":"shop"}]}})") +
            std::string(simdjson::SIMDJSON_PADDING, '\0'),
        std::string(R"({"flow":{"verdict":"FORWARDED","ingress_allowed_by":[{"name":"a","namespace":"n"},{"name":"b"}]}})") +
            std::string(simdjson::SIMDJSON_PADDING, '\0'),
        std::string(R"({"flow":{"verdict":"FORWARDED","ingress_denied_by":[]}})") +
            std::string(simdjson::SIMDJSON_PADDING, '\0'),
    });
    CHECK(a.needs() == field_verdict);
    CHECK(rows_of(a) ==
          "{\"count\":1,\"denied-by\":\"deny-all\",\"allowed-by\":null,\"verdict\":\"DROPPED\"}\n"
          "{\"count\":1,\"denied-by\":\"shop/deny-x\",\"allowed-by\":null,\"verdict\":\"DROPPED\"}\n"
          "{\"count\":1,\"denied-by\":null,\"allowed-by\":\"n/a\",\"verdict\":\"FORWARDED\"}\n"
          "{\"count\":1,\"denied-by\":null,\"allowed-by\":null,\"verdict\":\"FORWARDED\"}\n");
}

TEST_CASE("aggregation: what the parser must decode", "[output][aggregate]") {
    CHECK(aggregator(spec_of({"src-ns"})).needs() == field_source);
    CHECK(aggregator(spec_of({"dst-workload"})).needs() == (field_destination | field_destination_labels));
    CHECK(aggregator(spec_of({"protocol", "verdict"})).needs() == (field_l4 | field_l7 | field_verdict));
    CHECK(aggregator(spec_of({"l4.ICMPv4.code"})).needs() == 0);  // read from the line
}

}  // namespace flowgrep::test
