// The one field table (flow/flow_fields.h): its key lookup finds every name of every message, each
// field is reachable by --field-mask, CEL and --aggregate-by alike, and a parsed flow resets
// completely. (That what it says the parsed flow holds reads the same from the struct as from the
// line is aggregator_test's "the parsed flow and the JSON give the same values".)
#include <catch2/catch_test_macros.hpp>

#include <set>
#include <string>
#include <vector>

#include <simdjson.h>

#include "../filter/cel_test_support.h"
#include "filter/cel/cel_program.h"
#include "flow/flow_fields.h"
#include "flow/flow_schema.h"
#include "flow/parse.h"
#include "output/aggregate_keys.h"

using namespace flowgrep;

namespace {

// Every path of the table from flow.Flow, with its field; well-known types are not gone into.
void walk(const message_info& m, const std::string& prefix,
          std::vector<std::pair<std::string, const field_info*>>& out) {
    for (const auto& f : m.fields) {
        const std::string path = prefix + std::string(f.proto);
        out.emplace_back(path, &f);
        if (f.is_message() && f.message->form == json_form::object) walk(*f.message, path + ".", out);
    }
}

std::vector<std::pair<std::string, const field_info*>> all_paths() {
    std::vector<std::pair<std::string, const field_info*>> out;
    walk(flow_message(), "", out);
    return out;
}

bool parse(response_parser& parser, response& r, const std::string& line) {
    simdjson::padded_string padded(line);
    // The parser reads the padding after the line; keep the copy alive through check_rest().
    static std::string keep;
    keep.assign(padded.data(), padded.size());
    keep.append(simdjson::SIMDJSON_PADDING, '\0');
    std::string_view view(keep.data(), line.size());
    return parser.parse(view, r) && parser.check_rest(view);
}

}  // namespace

TEST_CASE("the key lookup finds every proto and JSON name, and nothing else", "[flow][fields]") {
    std::vector<const message_info*> messages(flow_messages().begin(), flow_messages().end());
    messages.push_back(&lost_event_message());
    CHECK(messages.size() > 25);
    for (const message_info* m : messages) {
        INFO(m->full_name);
        for (size_t i = 0; i < m->fields.size(); ++i) {
            const field_info& f = m->fields[i];
            INFO(f.proto);
            CHECK(m->key_index(f.proto) == static_cast<int>(i));
            CHECK(m->key_index(f.json) == static_cast<int>(i));
            CHECK(m->field_by_key(f.json) == &f);
            CHECK(m->key_index(std::string(f.proto) + "x") == -1);
            CHECK(m->key_index(std::string(f.proto).substr(1)) == -1);
        }
        CHECK(m->key_index("") == -1);
        CHECK(m->key_index("no_such_field") == -1);
    }
}

TEST_CASE("every field of the table is reachable by --field-mask, CEL and --aggregate-by", "[flow][fields]") {
    const std::vector<std::string> choices = aggregate_key_choices();
    const std::set<std::string> keys(choices.begin(), choices.end());
    size_t checked = 0;
    for (const auto& [path, f] : all_paths()) {
        INFO(path);
        ++checked;
        CHECK(is_valid_field_path(flow_message(), path));
        // CEL: has() of every field compiles (has() over a well-known value too).
        CHECK(cel_test::compile_error("has(_flow." + path + ")") == "");
        // --aggregate-by: one value per flow is a key; a message or a list says why it is not.
        const bool one_value = !f->repeated && (!f->is_message() || f->type == field_type::bool_wrapper);
        CHECK(keys.count(path) == (one_value ? 1u : 0u));
        if (one_value) CHECK_NOTHROW(parse_aggregate_key(path));
        else CHECK_THROWS(parse_aggregate_key(path));
    }
    CHECK(checked > 130);
    // The 1.19 ones the issue names.
    for (const char* key : {"tunnel.vni", "tunnel.protocol", "ip_trace_id.trace_id", "IP.encrypted", "emitter.name",
                            "l4.VRRP.vrid", "l4.IGMP.group_address", "aggregate.ingress_flow_count"})
        CHECK(keys.count(key) == 1);
}

TEST_CASE("a parsed flow is reset completely before the next line", "[flow][fields]") {
    // A line that sets every member the parser fills, then a bare one: nothing of the first may stay.
    const std::string rich =
        R"({"flow":{"time":"2024-03-12T14:10:01.062Z","uuid":"u1","verdict":"DROPPED","auth_type":"SPIRE",)"
        R"("ethernet":{"source":"aa","destination":"bb"},)"
        R"("IP":{"source":"10.0.0.1","source_xlated":"10.0.0.9","destination":"10.0.0.2","ipVersion":"IPv6","encrypted":true},)"
        R"("l4":{"TCP":{"source_port":43210,"destination_port":80,"flags":{"SYN":true}}},)"
        R"("source":{"ID":12,"identity":1234,"cluster_name":"c","namespace":"prod-a","pod_name":"web-1",)"
        R"("labels":["k8s:app=web"],"workloads":[{"name":"web","kind":"Deployment"}]},)"
        R"("destination":{"identity":2,"labels":["x"]},"node_name":"n","node_labels":["a=b"],"source_names":["s"],)"
        R"("destination_names":["d"],"l7":{"type":"RESPONSE","http":{"code":200,"method":"GET","url":"u",)"
        R"("headers":[{"key":"k","value":"v"}]}},"event_type":{"type":4,"sub_type":3},)"
        R"("source_service":{"name":"svc"},"destination_service":{"namespace":"ns"},"traffic_direction":"EGRESS",)"
        R"("policy_match_type":3,"ip_trace_id":{"trace_id":"4660"},"drop_reason_desc":"POLICY_DENIED",)"
        R"("is_reply":true,"debug_capture_point":"DBG_CAPTURE_DELIVERY","interface":{"index":3,"name":"eth0"},)"
        R"("trace_context":{"parent":{"trace_id":"abc"}},"sock_xlate_point":"SOCK_XLATE_POINT_PRE_DIRECTION_FWD",)"
        R"("Summary":"s","egress_allowed_by":[{"name":"a"}],"ingress_allowed_by":[{"name":"b"}],)"
        R"("egress_denied_by":[{"name":"c"}],"ingress_denied_by":[{"name":"d"}]},"node_name":"n",)"
        R"("time":"2024-03-12T14:10:01.062Z"})";
    response_parser parser;
    response r;
    REQUIRE(parse(parser, r, rich));
    CHECK_FALSE(r.flow == flow{});
    const size_t label_capacity = r.flow.source.labels.capacity();
    REQUIRE(parse(parser, r, R"({"flow":{}})"));
    CHECK(r.flow == flow{});
    CHECK(r.flow.source.labels.capacity() == label_capacity);  // emptied in place, not freed
    REQUIRE(parse(parser, r, R"({"lost_events":{"num_events_lost":2,"cpu":1,"first":"2024-03-12T14:10:01Z"}})"));
    REQUIRE(parse(parser, r, R"({"node_status":{"node_names":["a"]}})"));
    CHECK(r.lost_events == lost_events{});
    CHECK(r.flow == flow{});
}
