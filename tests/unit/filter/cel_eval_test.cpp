// The CEL evaluator over flows: each operator and function on each type, runtime errors and how
// && and || absorb them, has() on absent nested fields, enum constants, wrappers, timestamps,
// lists over labels, and the flow fields read from the struct and from the line alike.
#include <catch2/catch_test_macros.hpp>

#include "cel_test_support.h"
#include "filter/cel/cel_schema.h"

using cel_test::http_line;
using cel_test::lost_line;
using cel_test::run;

TEST_CASE("CEL arithmetic on int, uint and double, with overflow and division errors", "[cel][eval]") {
    CHECK(run("2 + 3 == 5 && 2 - 3 == -1 && 2 * 3 == 6 && 7 / 2 == 3 && -7 / 2 == -3 && -7 % 3 == -1") == "true");
    CHECK(run("2u + 3u == 5u && 3u - 2u == 1u && 2u * 3u == 6u && 7u / 2u == 3u && 7u % 4u == 3u") == "true");
    CHECK(run("1.5 + 1.0 == 2.5 && 1.0 - 2.0 == -1.0 && 1.5 * 2.0 == 3.0 && 1.0 / 4.0 == 0.25") == "true");
    CHECK(run("1.0 / 0.0 > 1e308") == "true");  // doubles divide by zero into infinity
    CHECK(run("1 / 0 == 0") == "error: division by zero");
    CHECK(run("1 % 0 == 0") == "error: modulus by zero");
    CHECK(run("1u / 0u == 0u") == "error: division by zero");
    CHECK(run("9223372036854775807 + 1 > 0") == "error: integer overflow");
    CHECK(run("-9223372036854775808 - 1 < 0") == "error: integer overflow");
    CHECK(run("-9223372036854775808 / -1 < 0") == "error: integer overflow");
    CHECK(run("-(-9223372036854775808) < 0") == "error: integer overflow");
    CHECK(run("0u - 1u == 0u") == "error: unsigned integer overflow");
    CHECK(run("18446744073709551615u * 2u == 0u") == "error: unsigned integer overflow");
}

TEST_CASE("CEL comparisons on each ordered type, numbers across kinds", "[cel][eval]") {
    CHECK(run("1 < 2 && 2 <= 2 && 3 > 2 && 3 >= 3") == "true");
    CHECK(run("1u < 2u && 1.5 < 2.5 && 'a' < 'b' && 'ab' > 'a' && b'a' < b'b' && false < true") == "true");
    CHECK(run("1 < 2u && 2u > 1 && 1 < 1.5 && 1.5 < 2u && -1 < 0u && 2.0 >= 2") == "true");
    CHECK(run("dyn(1) == 1u && dyn(1) == 1.0 && dyn(1u) == 1.0 && dyn(-1) != 18446744073709551615u") == "true");
    CHECK(run("dyn('a') == 1") == "false");  // different kinds are unequal, not an error
    CHECK(run("dyn('a') < 1") == "error: no such overload");
    CHECK(run("[1, 2] == [1, 2] && [1, 2] != [2, 1] && {'a': 1} == {'a': 1} && {'a': 1} != {'a': 2}") == "true");
    CHECK(run("null == null && dyn(null) != 0") == "true");
    CHECK(run("'é' > 'z'") == "true");  // by code point
}

TEST_CASE("CEL && and || are commutative over errors", "[cel][eval]") {
    CHECK(run("false && 1 / 0 == 0") == "false");
    CHECK(run("1 / 0 == 0 && false") == "false");
    CHECK(run("true || 1 / 0 == 0") == "true");
    CHECK(run("1 / 0 == 0 || true") == "true");
    CHECK(run("1 / 0 == 0 && true") == "error: division by zero");
    CHECK(run("true && 1 / 0 == 0") == "error: division by zero");
    CHECK(run("1 / 0 == 0 || false") == "error: division by zero");
    CHECK(run("1 / 0 == 0 || 1 % 0 == 0") == "error: division by zero");  // both err: the left one
    CHECK(run("!(1 / 0 == 0)") == "error: division by zero");
    CHECK(run("true ? true : 1 / 0 == 0") == "true");  // only the chosen branch runs
    CHECK(run("(1 / 0 == 0) ? true : false") == "error: division by zero");
}

TEST_CASE("CEL string functions, size and matches", "[cel][eval]") {
    CHECK(run("'hello'.startsWith('he') && 'hello'.endsWith('lo') && 'hello'.contains('ell')") == "true");
    CHECK(run("!'hello'.startsWith('lo') && !'hello'.contains('x') && 'x'.contains('')") == "true");
    CHECK(run("size('héllo') == 5 && 'héllo'.size() == 5 && size(b'h\\xc3\\xa9') == 3") == "true");
    CHECK(run("size([1, 2]) == 2 && [1].size() == 1 && size({'a': 1}) == 1 && {1: 2}.size() == 1") == "true");
    CHECK(run("'abc123'.matches('[0-9]+') && matches('abc', '^a') && !'abc'.matches('^b')") == "true");
    CHECK(run("'abc'.matches('(')").starts_with("error: error parsing regexp: missing closing )"));
    CHECK(run("'abc'.matches('a' + '(')").starts_with("error: error parsing regexp"));
}

TEST_CASE("CEL conversions", "[cel][eval]") {
    CHECK(run("int(3.9) == 3 && int(-3.9) == -3 && int(3u) == 3 && int('-42') == -42") == "true");
    CHECK(run("int(1e19) == 0") == "error: integer overflow");
    CHECK(run("int(18446744073709551615u) == 0") == "error: integer overflow");
    CHECK(run("int('x') == 0") == R"(error: strconv.ParseInt: parsing "x": invalid syntax)");
    CHECK(run("uint(3) == 3u && uint(2.5) == 2u && uint('7') == 7u") == "true");
    CHECK(run("uint(-1) == 0u") == "error: unsigned integer overflow");
    CHECK(run("double(1) == 1.0 && double(2u) == 2.0 && double('1.5') == 1.5 && double('1e3') == 1000.0") == "true");
    CHECK(run("string(1) == '1' && string(2u) == '2' && string(1.5) == '1.5' && string(true) == 'true'") == "true");
    CHECK(run("string(0.1) == '0.1' && string(1e21) == '1e+21' && string(b'abc') == 'abc'") == "true");
    CHECK(run("string(b'\\xff') == ''") == "error: invalid UTF-8 in bytes, cannot convert to string");
    CHECK(run("bytes('é') == b'\\xc3\\xa9' && bool('true') && !bool('F') && bool(true)") == "true");
    CHECK(run("bool('yes')") == R"(error: strconv.ParseBool: parsing "yes": invalid syntax)");
    CHECK(run("type(1) == int && type('a') == string && type([]) == list && type({}) == map") == "true");
    CHECK(run("type(null) == null_type && type(b'') == bytes && type(true) == bool && type(int) == type") == "true");
    CHECK(run("type(_flow) == flow.Flow && type(_flow.source) == flow.Endpoint && type(_flow.time) == "
              "google.protobuf.Timestamp") == "true");
    CHECK(run("dyn([1, 'a'])[1] == 'a'") == "true");
}

TEST_CASE("CEL timestamps and durations", "[cel][eval]") {
    CHECK(run("_flow.time == timestamp('2024-03-12T14:10:01.062Z')") == "true");
    CHECK(run("_flow.time > timestamp('2024-03-12T14:10:01Z') && _flow.time < timestamp(1710252602)") == "true");
    CHECK(run("_flow.time.getFullYear() == 2024 && _flow.time.getMonth() == 2 && _flow.time.getDate() == 12 && "
              "_flow.time.getDayOfMonth() == 11 && _flow.time.getDayOfWeek() == 2 && "
              "_flow.time.getDayOfYear() == 71") == "true");
    CHECK(run("_flow.time.getHours() == 14 && _flow.time.getMinutes() == 10 && _flow.time.getSeconds() == 1 && "
              "_flow.time.getMilliseconds() == 62 && _flow.time.getHours('+02:00') == 16") == "true");
    CHECK(run("_flow.time.getHours('Europe/Paris') == 15").starts_with("error: unsupported time zone"));
    CHECK(run("int(_flow.time) == 1710252601 && string(_flow.time) == '2024-03-12T14:10:01.062Z'") == "true");
    CHECK(run("duration('1h30m') == duration('90m') && duration('1.5s') == duration(1500000000)") == "true");
    CHECK(run("duration('1h30m').getMinutes() == 90 && string(duration('-1.5s')) == '-1.5s'") == "true");
    CHECK(run("timestamp('2024-01-01T00:00:00Z') + duration('24h') == timestamp('2024-01-02T00:00:00Z')") == "true");
    CHECK(run("timestamp('2024-01-02T00:00:00Z') - timestamp('2024-01-01T00:00:00Z') == duration('24h')") == "true");
    CHECK(run("duration('x') == duration('1s')") == R"(error: time: invalid duration "x")");
    CHECK(run("timestamp('2024-01-01') == _flow.time").starts_with("error: parsing time"));
    CHECK(run("_flow.time == timestamp(0)", http_line) == "true");  // an unset timestamp reads as the epoch
}

TEST_CASE("CEL macros: all, exists, exists_one, map, filter", "[cel][eval]") {
    CHECK(run("[1, 2, 3].all(x, x > 0) && ![1, 2, 3].all(x, x > 1) && [].all(x, false)") == "true");
    CHECK(run("[1, 2, 3].exists(x, x == 2) && ![].exists(x, true)") == "true");
    CHECK(run("[1, 2, 3].exists_one(x, x > 2) && ![1, 2, 3].exists_one(x, x > 1)") == "true");
    CHECK(run("[1, 2, 3].map(x, x * 2) == [2, 4, 6] && [1, 2, 3].map(x, x > 1, x * 10) == [20, 30]") == "true");
    CHECK(run("[1, 2, 3].filter(x, x % 2 == 1) == [1, 3]") == "true");
    CHECK(run("{'a': 1, 'b': 2}.all(k, k.size() == 1) && {'a': 1}.exists(k, k == 'a')") == "true");
    // Errors inside all/exists are absorbed by a deciding element, as with && and ||.
    CHECK(run("[0, 1].all(x, 1 / x > 5)") == "false");
    CHECK(run("[0, 1].exists(x, 1 / x == 1)") == "true");
    CHECK(run("[0, 1].all(x, 1 / x == 1)") == "error: division by zero");
    CHECK(run("[0, 1].exists_one(x, 1 / x == 1)") == "error: division by zero");
    CHECK(run("[[1, 2], [3]].all(l, l.exists(x, x > 0))") == "true");  // nested, shadowing-free
    CHECK(run("[1, 2].exists(x, [3].exists(x, x == 3))") == "true");   // the inner x shadows
}

TEST_CASE("CEL lists, maps, indexing and in", "[cel][eval]") {
    CHECK(run("[1, 2] + [3] == [1, 2, 3] && 'a' + 'b' == 'ab' && b'a' + b'b' == b'ab'") == "true");
    CHECK(run("2 in [1, 2] && !(3 in [1, 2]) && 'a' in {'a': 1} && !('b' in {'a': 1})") == "true");
    CHECK(run("[1, 2][5] == 1") == "error: index out of bounds: 5");
    CHECK(run("[1, 2][-1] == 1") == "error: index out of bounds: -1");
    CHECK(run("{'a': 1}['b'] == 1") == "error: no such key: b");
    CHECK(run("{'a': 1}.a == 1 && has({'a': 1}.a) && !has({'a': 1}.b)") == "true");
    CHECK(run("{'a': 1, 'a': 2}.size() == 1") == "error: Failed with repeated key: a");
    CHECK(run("2 in [1, 2u] && 2u in dyn([1.0, 2.0])") == "true");  // membership by CEL equality
}

TEST_CASE("CEL over _flow: enum constants compare as ints", "[cel][eval][flow]") {
    CHECK(run("_flow.verdict == Verdict.DROPPED") == "true");
    CHECK(run("_flow.verdict == flow.Verdict.DROPPED && _flow.verdict == .flow.Verdict.DROPPED") == "true");
    CHECK(run("_flow.verdict == 2 && Verdict.DROPPED == 2") == "true");
    CHECK(run("_flow.drop_reason_desc == DropReason.POLICY_DENIED") == "true");
    CHECK(run("_flow.traffic_direction == TrafficDirection.EGRESS && _flow.Type == FlowType.L3_L4") == "true");
    CHECK(run("_flow.IP.ipVersion == IPVersion.IPv4") == "true");
    CHECK(run("_flow.l7.type == L7FlowType.RESPONSE", http_line) == "true");
    CHECK(cel_test::compile_error("Verdict.NOPE == 1").find("undeclared reference to 'Verdict'") !=
          std::string::npos);
}

TEST_CASE("CEL over _flow: nested messages, defaults and has()", "[cel][eval][flow]") {
    CHECK(run("_flow.source.namespace == 'prod-a' && _flow.source.pod_name.startsWith('web')") == "true");
    CHECK(run("_flow.source.ID == 12u && _flow.source.identity == 1234u && _flow.destination.identity == 2u") == "true");
    CHECK(run("_flow.l4.TCP.destination_port == 80u && _flow.l4.TCP.flags.SYN && !_flow.l4.TCP.flags.ACK") == "true");
    CHECK(run("_flow.IP.source == '10.0.0.1' && _flow.event_type.sub_type == 133") == "true");
    CHECK(run("_flow.socket_cookie == 18446744073709551615u") == "true");  // a uint64 written as a string
    CHECK(run("_flow.egress_denied_by[0].name == 'deny-all' && _flow.egress_denied_by[0].revision == 7u") == "true");
    // Unset messages read as their defaults, all the way down.
    CHECK(run("_flow.l7.http.url == '' && _flow.l7.http.code == 0u && _flow.l4.UDP.source_port == 0u") == "true");
    CHECK(run("!has(_flow.l7) && !has(_flow.l7.http) && !has(_flow.l7.http.url) && !has(_flow.l4.UDP)") == "true");
    CHECK(run("has(_flow.l4.TCP) && has(_flow.source) && has(_flow.source.labels) && !has(_flow.destination.ID)") ==
          "true");
    CHECK(run("has(_flow.verdict) && !has(_flow.auth_type) && !has(_flow.source_service)") == "true");
    CHECK(run("has(_flow.l7.http) && _flow.l7.http.code >= 500u && _flow.l7.http.headers[0].key == 'x'", http_line) ==
          "true");
    CHECK(run("_flow.l7.latency_ns == 1500000u && _flow.l7.http.protocol == 'HTTP/1.1'", http_line) == "true");
    CHECK(run("_flow.source == _flow.source && _flow.source != _flow.destination") == "true");
}

TEST_CASE("CEL over _flow: is_reply is a nullable bool", "[cel][eval][flow]") {
    CHECK(run("_flow.is_reply == false && has(_flow.is_reply) && !_flow.is_reply") == "true");
    CHECK(run("_flow.is_reply == true", http_line) == "true");
    CHECK(run("_flow.is_reply == null", lost_line) == "true");
    CHECK(run("_flow.is_reply", lost_line).starts_with("compile:"));
    CHECK(run("!_flow.is_reply", lost_line) == "error: no such overload");
}

TEST_CASE("CEL over _flow: list membership over labels", "[cel][eval][flow]") {
    CHECK(run("'k8s:app=web' in _flow.source.labels && !('k8s:app=db' in _flow.source.labels)") == "true");
    CHECK(run("'reserved:world' in _flow.destination.labels") == "true");
    CHECK(run("_flow.source.labels.exists(l, l.startsWith('k8s:tier='))") == "true");
    CHECK(run("_flow.source.labels.filter(l, l.contains('app')).size() == 1") == "true");
    CHECK(run("_flow.source.workloads.exists(w, w.kind == 'Deployment' && w.name == 'web')") == "true");
    CHECK(run("size(_flow.node_labels) == 0 && _flow.source_names == []") == "true");
}

TEST_CASE("CEL over a response that is not a flow: an empty Flow", "[cel][eval][flow]") {
    CHECK(run("_flow.verdict == Verdict.VERDICT_UNKNOWN", lost_line) == "true");
    CHECK(run("true", lost_line) == "true");
    CHECK(run("!has(_flow.source) && _flow.source.namespace == '' && !has(_flow.IP)", lost_line) == "true");
}

TEST_CASE("CEL reports the flow parts it reads", "[cel][checker]") {
    using namespace flowgrep;
    CHECK(cel::program("_flow.verdict == 1").needs() == field_verdict);
    CHECK(cel::program("_flow.source.namespace == 'a' && _flow.is_reply == true").needs() ==
          (field_source | field_source_labels | field_is_reply));
    CHECK(cel::program("_flow.l7.http.code == 200u").needs() == 0);  // read from the line
    CHECK(cel::program("_flow == _flow").needs() == all_fields);
}

// Cilium 1.19's fields (issue #17), each a field of the one table: read from the struct where it
// holds them (ip_trace_id.trace_id, IP.encrypted), from the line otherwise (tunnel, emitter).
constexpr std::string_view v119_line =
    R"({"flow":{"uuid":"u","emitter":{"name":"Hubble","version":"1.19.4"},"verdict":"FORWARDED",)"
    R"("IP":{"source":"10.0.0.1","destination":"10.0.0.2","ipVersion":"IPv4","encrypted":true},)"
    R"("l4":{"VRRP":{"type":1,"vrid":7,"priority":100}},)"
    R"("tunnel":{"protocol":"VXLAN","IP":{"source":"10.1.0.1"},"l4":{"UDP":{"destination_port":8472}},"vni":2},)"
    R"("ip_trace_id":{"trace_id":"4660","ip_option_type":136},"drop_reason_desc":"DROP_PUNT_PROXY",)"
    R"("policy_log":["audit-egress"],"aggregate":{"ingress_flow_count":3}}})";

TEST_CASE("CEL over Cilium 1.19's fields", "[cel][eval][flow]") {
    CHECK(run("_flow.ip_trace_id.trace_id == 4660u && _flow.ip_trace_id.ip_option_type == 136u", v119_line) == "true");
    CHECK(run("has(_flow.ip_trace_id) && !has(_flow.ip_trace_id)", v119_line) == "false");
    CHECK(run("_flow.tunnel.protocol == Tunnel.Protocol.VXLAN && _flow.tunnel.vni == 2u", v119_line) == "true");
    CHECK(run("_flow.tunnel.protocol == flow.Tunnel.Protocol.GENEVE", v119_line) == "false");
    CHECK(run("_flow.tunnel.IP.source == '10.1.0.1' && _flow.tunnel.l4.UDP.destination_port == 8472u", v119_line) ==
          "true");
    CHECK(run("has(_flow.emitter) && _flow.emitter.name == 'Hubble' && _flow.emitter.version == '1.19.4'", v119_line) ==
          "true");
    CHECK(run("!has(_flow.emitter) && !has(_flow.tunnel) && _flow.ip_trace_id.trace_id == 0u") == "true");
    CHECK(run("_flow.IP.encrypted && has(_flow.l4.VRRP) && _flow.l4.VRRP.vrid == 7u", v119_line) == "true");
    CHECK(run("!_flow.IP.encrypted && !has(_flow.l4.IGMP) && _flow.l4.IGMP.group_address == ''") == "true");
    CHECK(run("_flow.drop_reason_desc == DropReason.DROP_PUNT_PROXY", v119_line) == "true");
    CHECK(run("'audit-egress' in _flow.policy_log && _flow.aggregate.ingress_flow_count == 3u", v119_line) == "true");
    using namespace flowgrep;
    CHECK(cel::program("_flow.ip_trace_id.trace_id == 1u").needs() == 0);  // IPTraceID is not held whole
    CHECK(cel::program("_flow.IP.encrypted").needs() == field_ip);        // IP is
}

#include "cli/option_table.h"

TEST_CASE("the --cel-expression examples in --help and the man page compile", "[cel][cli]") {
    const auto* spec = flowgrep::find_long_option("cel-expression");
    REQUIRE(spec);
    for (auto example : flowgrep::cel_expression_examples) {
        INFO(example);
        CHECK(cel_test::compile_error(example) == "");
        // Built by append, not "`" + ...: GCC 12 at -O3 warns (-Wrestrict) on that operator+, wrongly.
        std::string quoted("`");
        quoted.append(example).append("`");
        CHECK(spec->description.find(quoted) != std::string_view::npos);
    }
    CHECK(run(flowgrep::cel_expression_examples[1], http_line) == "true");
}
