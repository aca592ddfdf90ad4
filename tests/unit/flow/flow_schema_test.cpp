// The Flow schema: Cilium 1.19's fields in declaration order, protoc's JSON names, the keys real and
// synthetic flow lines use, and fieldmaskpb's path rules (proto names only, nothing after a scalar or
// a repeated field, well-known types open to their own fields).
#include <catch2/catch_test_macros.hpp>

#include <fstream>
#include <string>
#include <vector>

#include <simdjson.h>

#include "flow/flow_schema.h"

using namespace flowgrep;

namespace {

// protoc's ToJsonName: drop each underscore and upper-case the letter after it.
std::string lower_camel(std::string_view proto) {
    std::string out;
    bool upper = false;
    for (char c : proto) {
        if (c == '_') {
            upper = true;
        } else {
            out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
            upper = false;
        }
    }
    return out;
}

template <typename Fn>
void for_each_field(const message_schema& m, Fn&& fn) {
    for (const auto& f : m.fields) {
        fn(m, f);
        if (f.message != nullptr) for_each_field(*f.message, fn);
    }
}

bool valid(std::string_view path) { return is_valid_field_path(flow_schema(), path); }

// Every key of `object` (a flow or one of its sub-messages) must be a field of `m`.
void check_keys(simdjson::dom::object object, const message_schema& m, std::string_view where) {
    for (auto member : object) {
        const field_schema* f = m.field_by_key(member.key);
        INFO(where << "." << member.key);
        REQUIRE(f != nullptr);
        if (f->message == nullptr || f->message->form != json_form::object) continue;
        simdjson::dom::object sub;
        simdjson::dom::array elements;
        if (member.value.get(sub) == simdjson::SUCCESS) {
            check_keys(sub, *f->message, member.key);
        } else if (member.value.get(elements) == simdjson::SUCCESS) {
            for (simdjson::dom::element e : elements)
                if (e.get(sub) == simdjson::SUCCESS) check_keys(sub, *f->message, member.key);
        }
    }
}

}  // namespace

TEST_CASE("Flow's fields come in Cilium 1.19's declaration order", "[flow][schema]") {
    // hubble-semantics §5.9 and hubble-1.19-delta §3: the order protojson writes a flow in.
    const std::vector<std::string_view> expected = {
        "time", "uuid", "emitter", "verdict", "drop_reason", "auth_type", "ethernet", "IP", "l4", "tunnel", "source",
        "destination", "Type", "node_name", "node_labels", "source_names", "destination_names", "l7", "reply",
        "event_type", "source_service", "destination_service", "traffic_direction", "policy_match_type",
        "trace_observation_point", "trace_reason", "file", "ip_trace_id", "drop_reason_desc", "is_reply",
        "debug_capture_point", "interface", "proxy_port", "trace_context", "sock_xlate_point", "socket_cookie",
        "cgroup_id", "Summary", "extensions", "egress_allowed_by", "ingress_allowed_by", "egress_denied_by",
        "ingress_denied_by", "policy_log", "aggregate"};
    std::vector<std::string_view> names;
    for (const auto& f : flow_schema().fields) names.push_back(f.proto);
    CHECK(names == expected);
    CHECK(flow_schema().full_name == "flow.Flow");
    auto names_of = [](const message_info& m) {
        std::vector<std::string_view> out;
        for (const auto& f : m.fields) out.push_back(f.proto);
        return out;
    };
    const message_info& l4 = *flow_schema().field("l4")->message;
    CHECK(names_of(l4) == std::vector<std::string_view>{"TCP", "UDP", "ICMPv4", "ICMPv6", "SCTP", "VRRP", "IGMP"});
    CHECK(names_of(*l4.field("VRRP")->message) == std::vector<std::string_view>{"type", "vrid", "priority"});
    CHECK(names_of(*l4.field("IGMP")->message) == std::vector<std::string_view>{"type", "group_address"});
    const message_info& tunnel = *flow_schema().field("tunnel")->message;
    CHECK(tunnel.full_name == "flow.Tunnel");
    CHECK(names_of(tunnel) == std::vector<std::string_view>{"protocol", "IP", "l4", "vni"});
    CHECK(tunnel.field("IP")->message == flow_schema().field("IP")->message);
    CHECK(names_of(*flow_schema().field("emitter")->message) == std::vector<std::string_view>{"name", "version"});
    CHECK(names_of(*flow_schema().field("ip_trace_id")->message) ==
          std::vector<std::string_view>{"trace_id", "ip_option_type"});
    CHECK(flow_schema().field("ip_trace_id")->message->field("trace_id")->type == field_type::uint64);
    CHECK(names_of(*flow_schema().field("aggregate")->message) ==
          std::vector<std::string_view>{"ingress_flow_count", "egress_flow_count", "unknown_direction_flow_count"});
    CHECK(flow_schema().field("policy_log")->repeated);
    CHECK(names_of(lost_event_message()) ==
          std::vector<std::string_view>{"source", "num_events_lost", "cpu", "first", "last"});
}

TEST_CASE("every JSON name is protoc's lowerCamelCase of the proto name", "[flow][schema]") {
    size_t fields = 0;
    for_each_field(flow_schema(), [&](const message_schema& m, const field_schema& f) {
        INFO(m.full_name << "." << f.proto);
        CHECK(f.json == lower_camel(f.proto));
        CHECK(f.is_message() == (f.message != nullptr && !f.repeated));
        CHECK((f.type == field_type::enum_) == (f.enums != nullptr));
        ++fields;
    });
    CHECK(fields > 120);
    CHECK(flow_schema().field_by_key("nodeName") == flow_schema().field("node_name"));
    CHECK(flow_schema().field("nodeName") == nullptr);
    CHECK(flow_schema().field_by_key("IP")->json == "IP");
}

TEST_CASE("kinds: messages, scalars, repeated fields and well-known types", "[flow][schema]") {
    const message_schema& flow = flow_schema();
    CHECK(flow.field("source")->message->full_name == "flow.Endpoint");
    CHECK(flow.field("verdict")->message == nullptr);
    CHECK(flow.field("node_labels")->repeated);
    CHECK(flow.field("node_labels")->message == nullptr);
    CHECK(flow.field("egress_allowed_by")->repeated);
    CHECK(flow.field("egress_allowed_by")->message->full_name == "flow.Policy");
    CHECK(flow.field("time")->message->form == json_form::well_known);
    CHECK(flow.field("is_reply")->message->full_name == "google.protobuf.BoolValue");
    CHECK(flow.field("extensions")->message->full_name == "google.protobuf.Any");
    CHECK(flow.field("l4")->message->field("SCTP") != nullptr);
    CHECK(flow.field("IP")->message->field("source_xlated") != nullptr);
    CHECK(flow.field("source")->message->field("cluster_name") != nullptr);
}

TEST_CASE("the schema knows every key of the sample flows", "[flow][schema]") {
    simdjson::dom::parser parser;
    for (const char* file : {"/sample-10.json", "/http-5.json"}) {
        std::ifstream in(std::string(FLOWGREP_TEST_DATA) + file);
        std::string line;
        while (std::getline(in, line)) {
            simdjson::dom::object flow;
            REQUIRE(parser.parse(line)["flow"].get(flow) == simdjson::SUCCESS);
            check_keys(flow, flow_schema(), file);
        }
    }
    // Cilium 1.19's fields (tunnel, emitter, ip_trace_id, VRRP, IGMP, policy_log ...), when the
    // shared conformance flows are there.
    std::ifstream features(std::string(FLOWGREP_TEST_DATA) + "/../../../shared/conformance/flows/synthetic-v119-features.json");
    std::string line;
    while (std::getline(features, line)) {
        simdjson::dom::object flow;
        if (parser.parse(line)["flow"].get(flow) == simdjson::SUCCESS) check_keys(flow, flow_schema(), "v119");
    }
    // A synthetic line with the fields the real samples lack (SNAT, clusters, node labels,
    // workloads, policies, files, trace contexts), as gen-flows writes them.
    std::string synthetic =
        R"({"time":"2024-03-12T14:02:31.833Z","uuid":"u","verdict":"DROPPED","drop_reason":181,"auth_type":"SPIRE",)"
        R"("IP":{"source":"10.0.0.1","source_xlated":"10.0.3.51","destination":"1.1.1.1","ipVersion":"IPv4","encrypted":true},)"
        R"("l4":{"SCTP":{"source_port":1,"destination_port":2}},)"
        R"("source":{"ID":1,"identity":2,"cluster_name":"east","namespace":"n","labels":["a=b"],"pod_name":"p",)"
        R"("workloads":[{"name":"w","kind":"Deployment"}]},"node_labels":["zone=a"],"trace_reason":"NEW",)"
        R"("file":{"name":"bpf_lxc.c","line":1},"drop_reason_desc":"POLICY_DENY","is_reply":false,)"
        R"("debug_capture_point":"DBG_CAPTURE_DELIVERY","interface":{"index":2,"name":"eth0"},"proxy_port":1,)"
        R"("trace_context":{"parent":{"trace_id":"abc"}},"sock_xlate_point":"SOCK_XLATE_POINT_PRE_DIRECTION_FWD",)"
        R"("socket_cookie":"1","cgroup_id":"2","l7":{"type":"REQUEST","latency_ns":"5","kafka":{"error_code":1,)"
        R"("api_version":2,"api_key":"produce","correlation_id":3,"topic":"t"}},)"
        R"("egress_allowed_by":[{"name":"p","namespace":"n","labels":["l"],"revision":"19","kind":"CiliumNetworkPolicy"}],)"
        R"("ingress_denied_by":[{"name":"d","revision":"1"}]})";
    simdjson::dom::object flow;
    REQUIRE(parser.parse(synthetic).get(flow) == simdjson::SUCCESS);
    check_keys(flow, flow_schema(), "synthetic");
}

TEST_CASE("field mask paths: proto names, dotted into sub-messages", "[flow][schema][field-mask]") {
    for (const char* path : {"time", "verdict", "source", "source.pod_name", "l4.TCP.destination_port",
                             "l4.TCP.flags.SYN", "IP.source", "IP.source_xlated", "IP.ipVersion", "l7.dns.query",
                             "l7.http.headers", "source.labels", "source.workloads", "node_labels",
                             "egress_allowed_by", "trace_context.parent.trace_id", "Summary", "Type",
                             "source.ID", "file.line", "tunnel", "tunnel.vni", "tunnel.protocol", "tunnel.IP.source",
                             "tunnel.l4.UDP.destination_port", "ip_trace_id", "ip_trace_id.trace_id", "emitter.name",
                             "policy_log", "aggregate.egress_flow_count", "l4.VRRP", "l4.IGMP.group_address",
                             "IP.encrypted"}) {
        INFO(path);
        CHECK(valid(path));
    }
}

TEST_CASE("field mask paths into well-known types name their fields", "[flow][schema][field-mask]") {
    // fieldmaskpb looks into google.protobuf messages like any other.
    CHECK(valid("time.seconds"));
    CHECK(valid("time.nanos"));
    CHECK(valid("is_reply.value"));
    CHECK(valid("extensions.type_url"));
    CHECK(valid("extensions.value"));
    CHECK_FALSE(valid("time.seconds.x"));
    CHECK_FALSE(valid("time.second"));
    CHECK_FALSE(valid("is_reply.val"));
}

TEST_CASE("field mask paths hubble refuses", "[flow][schema][field-mask]") {
    for (const char* path : {
             "bogus", "no_such_field",
             "source.podName",  // JSON names are not paths
             "nodeName", "Source", "ip", "summary", "l4.tcp",
             "uuid.x", "IP.source.x", "verdict.name",  // nothing after a scalar
             "source.labels.x", "source.workloads.name", "egress_allowed_by.name",
             "l7.http.headers.key",  // nothing after a repeated field
             "", "time.", ".time", "source..pod_name", "source.pod_name.", "flow.verdict", " time", "time "}) {
        INFO('[' << path << ']');
        CHECK_FALSE(valid(path));
    }
}
