// Helpers for the CEL tests: compile an expression, run it over a JSON line decoded by the real
// response parser, and report the outcome as text ("true", "false", "error: ...").
#pragma once

#include <string>
#include <string_view>

#include <simdjson.h>

#include "filter/cel/cel_eval.h"
#include "filter/cel/cel_program.h"
#include "flow/parse.h"

namespace cel_test {

// A dropped TCP flow with most kinds of field: enums, endpoints with labels and workloads, a
// BoolValue, repeated messages, 64-bit numbers written as strings.
inline constexpr std::string_view dropped_line =
    R"({"flow":{"time":"2024-03-12T14:10:01.062Z","uuid":"u1","verdict":"DROPPED","drop_reason_desc":"POLICY_DENIED",)"
    R"("IP":{"source":"10.0.0.1","destination":"10.0.0.2","ipVersion":"IPv4"},)"
    R"("l4":{"TCP":{"source_port":43210,"destination_port":80,"flags":{"SYN":true}}},)"
    R"("source":{"ID":12,"identity":1234,"namespace":"prod-a","pod_name":"web-1",)"
    R"("labels":["k8s:app=web","k8s:tier=front"],"workloads":[{"name":"web","kind":"Deployment"}]},)"
    R"("destination":{"identity":2,"labels":["reserved:world"]},"Type":"L3_L4","node_name":"kind/worker",)"
    R"("is_reply":false,"event_type":{"type":1,"sub_type":133},"traffic_direction":"EGRESS",)"
    R"("egress_denied_by":[{"name":"deny-all","namespace":"prod-a","revision":"7"}],)"
    R"("socketCookie":"18446744073709551615"},"node_name":"kind/worker","time":"2024-03-12T14:10:01.062Z"})";

// An HTTP response seen by the proxy.
inline constexpr std::string_view http_line =
    R"({"flow":{"verdict":"FORWARDED","l7":{"type":"RESPONSE","latency_ns":"1500000","http":{"code":503,)"
    R"("method":"GET","url":"http://catalog/api","protocol":"HTTP/1.1","headers":[{"key":"x","value":"y"}]}},)"
    R"("is_reply":true,"Type":"L7"}})";

inline constexpr std::string_view lost_line = R"({"lost_events":{"source":"PERF_EVENT_RING_BUFFER","num_events_lost":3}})";

// "true", "false" or "error: <runtime error>"; compile errors come back as "compile: <message>".
inline std::string run(std::string_view expr, std::string_view line = dropped_line) {
    std::unique_ptr<flowgrep::cel::program> p;
    try {
        p = std::make_unique<flowgrep::cel::program>(expr);
    } catch (const std::runtime_error& e) {
        return std::string("compile: ") + e.what();
    }
    simdjson::padded_string padded(line);
    flowgrep::response_parser parser;
    flowgrep::response r;
    if (!parser.parse(std::string_view(padded.data(), padded.size()), r)) return "bad line: " + parser.error();
    static flowgrep::cel::eval_context ctx;
    auto result = p->evaluate(r, ctx);
    if (!result.error.empty()) return "error: " + std::string(result.error);
    return result.matched ? "true" : "false";
}

// The compile error of an expression, or "" when it compiles.
inline std::string compile_error(std::string_view expr) {
    try {
        flowgrep::cel::program p(expr);
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}

}  // namespace cel_test
