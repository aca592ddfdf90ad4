// FlowFilter JSON: decoding --allowlist/--denylist strings as Hubble does (names, enums, nesting,
// streams, every kind of error), encoding filters back, and the exact --print-raw-filters YAML.
#include <catch2/catch_test_macros.hpp>

#include <string>

#include "filter/filter_json.h"

using namespace flowgrep;

namespace {

flow_filter decode_one(std::string_view text) {
    const auto filters = decode_filter_stream(text);
    REQUIRE(filters.size() == 1);
    return filters[0];
}

// The error text for a string that must not decode.
std::string decode_error(std::string_view text) {
    try {
        decode_filter_stream(text);
    } catch (const filter_json_error& e) {
        return e.what();
    }
    FAIL("decoded without error: " << text);
    return {};
}

std::string encode_error(const flow_filter& filter) {
    try {
        encode_filter_json(filter);
    } catch (const filter_json_error& e) {
        return e.what();
    }
    FAIL("encoded without error");
    return {};
}

std::string raw_filters(std::vector<flow_filter> allow, std::vector<flow_filter> deny = {}) {
    return format_raw_filters(filter_lists{std::move(allow), std::move(deny)});
}

}  // namespace

// ---- decoding ----

TEST_CASE("filter fields decode by proto name and by lowerCamelCase JSON name") {
    const flow_filter proto = decode_one(
        R"({"source_ip_xlated":["1.1.1.1"],"destination_cluster_name":["c"],"http_status_code":["4+"],)"
        R"("node_labels":["a=b"],"trace_id":["t"],"source_identity":[2]})");
    const flow_filter camel =
        decode_one(R"({"sourceIpXlated":["1.1.1.1"],"destinationClusterName":["c"],"httpStatusCode":["4+"],)"
                   R"("nodeLabels":["a=b"],"traceId":["t"],"sourceIdentity":[2]})");
    CHECK(proto == camel);
    CHECK(proto.source_ip_xlated == std::vector<std::string>{"1.1.1.1"});
    CHECK(proto.destination_cluster_name == std::vector<std::string>{"c"});
    CHECK(proto.source_identity == std::vector<uint32_t>{2});
}

TEST_CASE("enums decode by exact name or by number, unknown numbers kept") {
    const flow_filter f =
        decode_one(R"({"verdict":["DROPPED",4,99],"drop_reason_desc":["POLICY_DENIED",181],)"
                   R"("trafficDirection":["EGRESS"],"ip_version":["IPv6",0]})");
    CHECK(f.verdict == std::vector<int32_t>{2, 4, 99});
    CHECK(f.drop_reason_desc == std::vector<int32_t>{133, 181});
    CHECK(f.traffic_direction == std::vector<int32_t>{2});
    CHECK(f.ip_version == std::vector<int32_t>{2, 0});
}

TEST_CASE("nested messages decode with both spellings of their field names") {
    const flow_filter f = decode_one(
        R"({"source_workload":[{"name":"web","kind":"Deployment"},{}],)"
        R"("interface":[{"index":5},{"name":"eth0"}],)"
        R"("eventType":[{"type":4,"matchSubType":true},{"type":1,"match_sub_type":true,"sub_type":133}],)"
        R"("http_header":[{"key":"a","value":"b:c"}],)"
        R"("tcp_flags":[{"SYN":true,"ACK":true},{"FIN":true,"NS":true},{}],)"
        R"("experimental":{"celExpression":["true"]}})");
    CHECK(f.source_workload == std::vector<filter_workload>{{"web", "Deployment"}, {}});
    CHECK(f.interface == std::vector<filter_interface>{{5, ""}, {0, "eth0"}});
    CHECK(f.event_type == std::vector<filter_event_type>{{4, true, 0}, {1, true, 133}});
    CHECK(f.http_header == std::vector<filter_http_header>{{"a", "b:c"}});
    CHECK(f.tcp_flags == std::vector<filter_tcp_flags>{{0x12}, {0x101}, {0}});
    CHECK(f.cel_expression == std::vector<std::string>{"true"});
    CHECK(f.has_experimental);
}

TEST_CASE("32-bit integers decode from numbers with an integral value or from quoted numbers") {
    const flow_filter f = decode_one(
        R"({"source_identity":[80,"80",80.0,8e1,800e-1,"8E+1",-0],"event_type":[{"type":"-3","sub_type":1.0e1}]})");
    CHECK(f.source_identity == std::vector<uint32_t>{80, 80, 80, 80, 80, 80, 0});
    CHECK(f.event_type == std::vector<filter_event_type>{{-3, false, 10}});
}

TEST_CASE("null is an absent field and [] an unset one") {
    CHECK(decode_one(R"({"source_pod":null,"verdict":[],"experimental":null,"reply":[]})") == flow_filter{});
    CHECK(decode_one(R"({"source_workload":[{"name":null,"kind":"Pod"}]})").source_workload ==
          std::vector<filter_workload>{{"", "Pod"}});
}

TEST_CASE("a filter string is a stream of objects, with or without whitespace between them") {
    CHECK(decode_filter_stream("").empty());
    CHECK(decode_filter_stream(" \n\t ").empty());
    CHECK(decode_filter_stream("{}").size() == 1);
    const auto joined = decode_filter_stream(R"({"verdict":["AUDIT"]}{"protocol":["sctp"]})");
    REQUIRE(joined.size() == 2);
    CHECK(joined[0].verdict == std::vector<int32_t>{4});
    CHECK(joined[1].protocol == std::vector<std::string>{"sctp"});
    const auto spaced = decode_filter_stream(" {\"protocol\":[\"udp\"]}\n {} ");
    REQUIRE(spaced.size() == 2);
    CHECK(spaced[1] == flow_filter{});
}

TEST_CASE("string escapes decode, keys included") {
    const flow_filter f = decode_one(R"({"source\u005fpod":["a\"b\\c\u00e9\ud83d\ude00\n"]})");
    CHECK(f.source_pod == std::vector<std::string>{"a\"b\\c\xc3\xa9\xf0\x9f\x98\x80\n"});
}

// ---- decoding errors ----

TEST_CASE("decode errors for fields and values carry protojson's text and position") {
    CHECK(decode_error(R"({"bogus":1})") == R"(proto: (line 1:2): unknown field "bogus")");
    CHECK(decode_error(R"({"verdict":["NOPE"]})") ==
          R"(proto: (line 1:13): invalid value for enum field verdict: "NOPE")");
    CHECK(decode_error(R"({"verdict":["2"]})") ==
          R"(proto: (line 1:13): invalid value for enum field verdict: "2")");
    CHECK(decode_error(R"({"drop_reason_desc":[1.5]})") ==
          "proto: (line 1:22): invalid value for enum field dropReasonDesc: 1.5");
    CHECK(decode_error(R"({"source_pod":["a"],"sourcePod":["b"]})") ==
          R"(proto: (line 1:21): duplicate field "sourcePod")");
    CHECK(decode_error(R"({"source_pod":[1]})") ==
          "proto: (line 1:16): invalid value for string field sourcePod: 1");
    CHECK(decode_error(R"({"source_pod":[null]})") ==
          "proto: (line 1:16): invalid value for string field sourcePod: null");
    CHECK(decode_error(R"({"reply":["true"]})") ==
          R"(proto: (line 1:11): invalid value for bool field reply: "true")");
    CHECK(decode_error(R"({"source_identity":[-1]})") ==
          "proto: (line 1:21): invalid value for uint32 field sourceIdentity: -1");
    CHECK(decode_error(R"({"source_identity":[" 7"]})") ==
          R"(proto: (line 1:21): invalid value for uint32 field sourceIdentity: " 7")");
    CHECK(decode_error(R"({"destination_identity":[4294967296]})") ==
          "proto: (line 1:26): invalid value for uint32 field destinationIdentity: 4294967296");
    CHECK(decode_error(R"({"event_type":[{"sub_type":2147483648}]})") ==
          "proto: (line 1:28): invalid value for int32 field subType: 2147483648");
}

TEST_CASE("decode errors inside nested messages") {
    CHECK(decode_error(R"({"source_workload":[{"name":"x","Kind":"y"}]})") ==
          R"(proto: (line 1:33): unknown field "Kind")");
    CHECK(decode_error(R"({"tcp_flags":[{"syn":true}]})") == R"(proto: (line 1:16): unknown field "syn")");
    CHECK(decode_error(R"({"event_type":[{"match_sub_type":1}]})") ==
          "proto: (line 1:34): invalid value for bool field matchSubType: 1");
    CHECK(decode_error(R"({"experimental":{"cel_expression":"true"}})") ==
          R"(proto: syntax error (line 1:35): unexpected token "true")");
}

TEST_CASE("a value of the wrong shape is an unexpected token") {
    CHECK(decode_error(R"({"verdict":"DROPPED"})") ==
          R"(proto: syntax error (line 1:12): unexpected token "DROPPED")");
    CHECK(decode_error(R"({"source_workload":["web"]})") ==
          R"(proto: syntax error (line 1:21): unexpected token "web")");
    CHECK(decode_error(R"({"http_header":[null]})") ==
          "proto: syntax error (line 1:17): unexpected token null");
    CHECK(decode_error(R"({"experimental":5})") == "proto: syntax error (line 1:17): unexpected token 5");
}

TEST_CASE("only objects are filters: null, arrays and scalars at the top are syntax errors") {
    CHECK(decode_error("null") == "proto: syntax error (line 1:1): unexpected token null");
    CHECK(decode_error("[{}]") == "proto: syntax error (line 1:1): unexpected token [");
    CHECK(decode_error(R"("x")") == R"(proto: syntax error (line 1:1): unexpected token "x")");
    CHECK(decode_error("{} 5") == "proto: syntax error (line 1:1): unexpected token 5");
    // Go's Decoder ends the number 0 before the 1.
    CHECK(decode_error("01") == "proto: syntax error (line 1:1): unexpected token 0");
}

TEST_CASE("malformed JSON fails with Go's encoding/json syntax errors") {
    CHECK(decode_error("notjson") == "invalid character 'o' in literal null (expecting 'u')");
    CHECK(decode_error("x") == "invalid character 'x' looking for beginning of value");
    CHECK(decode_error("{}}") == "invalid character '}' looking for beginning of value");
    CHECK(decode_error(R"({"a":})") == "invalid character '}' looking for beginning of value");
    CHECK(decode_error(R"({"a" 1})") == "invalid character '1' after object key");
    CHECK(decode_error(R"({"a":1 x})") == "invalid character 'x' after object key:value pair");
    CHECK(decode_error(R"({,})") == "invalid character ',' looking for beginning of object key string");
    CHECK(decode_error(R"({"a":[1 2]})") == "invalid character '2' after array element");
    CHECK(decode_error(R"({"a":"\q"})") == R"(invalid character 'q' in string escape code)");
    CHECK(decode_error(R"({"a":"\u12g4"})") == R"(invalid character 'g' in \u hexadecimal character escape)");
    CHECK(decode_error("{\"a\":\"\x01\"}") == R"(invalid character '\x01' in string literal)");
    CHECK(decode_error(R"({"a":1.x})") == "invalid character 'x' after decimal point in numeric literal");
    CHECK(decode_error(R"({"a":-x})") == "invalid character 'x' in numeric literal");
    CHECK(decode_error(R"({"a":1e+})") == "invalid character '}' in exponent of numeric literal");
    CHECK(decode_error(R"({"a":tru})") == "invalid character '}' in literal true (expecting 'e')");
    CHECK(decode_error(R"({"a":'b'})") == R"(invalid character '\'' looking for beginning of value)");
    CHECK(decode_error("{") == "unexpected EOF");
    CHECK(decode_error(R"({"source_pod":["a")") == "unexpected EOF");
    CHECK(decode_error("{} -") == "unexpected EOF");
    CHECK(decode_error(std::string(10001, '[')) == "invalid character '[' exceeded max depth");
}

TEST_CASE("values decode in order, so an earlier value's error wins over later bad JSON") {
    CHECK(decode_error(R"({"bogus":1} xx)") == R"(proto: (line 1:2): unknown field "bogus")");
    CHECK(decode_error(R"({} xx)") == "invalid character 'x' looking for beginning of value");
    // Positions count from the start of the failing value, in characters, line by line.
    CHECK(decode_error("{}\n{\"bogus\":1}") == R"(proto: (line 1:2): unknown field "bogus")");
    CHECK(decode_error("{\n  \"verdict\": [\"X\"]}") ==
          R"(proto: (line 2:15): invalid value for enum field verdict: "X")");
    CHECK(decode_error(R"({"source_pod":["é"],"x":1})") == R"(proto: (line 1:21): unknown field "x")");
}

TEST_CASE("strings must be UTF-8 and escapes must form characters") {
    CHECK(decode_error("{\"source_pod\":[\"\xff\"]}") ==
          "proto: syntax error (line 1:16): invalid UTF-8 in string");
    CHECK(decode_error(R"({"source_pod":["\ud800"]})") ==
          "proto: syntax error (line 1:16): invalid escape code in string");
}

// ---- encoding ----

TEST_CASE("encoding uses proto names in declaration order and leaves zero values out") {
    flow_filter f;  // conformance case 429's first filter, built as the flag translation would
    f.uuid = {"x"};
    f.source_workload = {{"web", "Deployment"}};
    f.traffic_direction = {2};
    f.interface = {{0, "eth0"}};
    f.source_identity = {2};
    f.http_header = {{"a", "b"}};
    f.tcp_flags = {{0x12}};
    f.ip_version = {1};
    f.cel_expression = {"true"};
    CHECK(
        encode_filter_json(f) ==
        R"({"uuid":["x"],"source_workload":[{"name":"web","kind":"Deployment"}],"traffic_direction":["EGRESS"],)"
        R"("interface":[{"name":"eth0"}],"source_identity":[2],"http_header":[{"key":"a","value":"b"}],)"
        R"("tcp_flags":[{"SYN":true,"ACK":true}],"ip_version":["IPv4"],"experimental":{"cel_expression":["true"]}})");
    CHECK(encode_filter_json(flow_filter{}) == "{}");
}

TEST_CASE("nested messages encode only their set fields") {
    flow_filter f;
    f.event_type = {{4, true, 0}, {1, false, 0}, {130, true, 5}, {0, false, 0}};
    f.tcp_flags = {{0x1ff}, {0}};
    f.source_workload = {{}, {"", "Pod"}};
    f.interface = {{7, ""}};
    f.http_header = {{"", "v"}};
    f.reply = {true, false};
    CHECK(
        encode_filter_json(f) ==
        R"({"source_workload":[{},{"kind":"Pod"}],"interface":[{"index":7}],)"
        R"("event_type":[{"type":4,"match_sub_type":true},{"type":1},{"type":130,"match_sub_type":true,"sub_type":5},{}],)"
        R"("reply":[true,false],"http_header":[{"value":"v"}],)"
        R"("tcp_flags":[{"FIN":true,"SYN":true,"RST":true,"PSH":true,"ACK":true,"URG":true,"ECE":true,"CWR":true,"NS":true},{}]})");
}

TEST_CASE("enums encode by name, numbers without a name as numbers") {
    flow_filter f;
    f.verdict = {2, 99};
    f.drop_reason_desc = {133, 159};
    f.ip_version = {0};
    CHECK(
        encode_filter_json(f) ==
        R"({"verdict":["DROPPED",99],"drop_reason_desc":["POLICY_DENIED",159],"ip_version":["IP_NOT_USED"]})");
}

TEST_CASE("strings encode with Go's escapes, HTML characters included") {
    flow_filter f;
    f.http_path = {"a\"b\\c\n\t\r\b\f\x01\x1f\x7f<>&'\xe2\x80\xa8\xe2\x80\xa9\xc3\xa9"};
    CHECK(encode_filter_json(f) == R"({"http_path":["a\"b\\c\n\t\r\b\f\u0001\u001f)"
                                   "\x7f"
                                   R"(\u003c\u003e\u0026'\u2028\u2029)"
                                   "\xc3\xa9\"]}");
}

TEST_CASE("an experimental message given empty still encodes") {
    CHECK(encode_filter_json(decode_one(R"({"experimental":{}})")) == R"({"experimental":{}})");
    CHECK(encode_filter_json(decode_one(R"({"experimental":{"cel_expression":[]}})")) ==
          R"({"experimental":{}})");
}

TEST_CASE("strings that are not UTF-8 cannot be encoded") {
    flow_filter f;
    f.source_pod = {"\xff"};
    CHECK(
        encode_error(f) ==
        "json: error calling MarshalJSON for type *flow.FlowFilter: proto: field flow.FlowFilter.source_pod "
        "contains invalid UTF-8");
}

TEST_CASE("decode and encode round-trip") {
    const std::string every_field =
        R"({"uuid":["u"],"source_ip":["1.1.1.1"],"source_ip_xlated":["2.2.2.2"],"source_pod":["a/"],)"
        R"("source_fqdn":["*.io"],"source_label":["k=v"],"source_service":["s"],)"
        R"("source_workload":[{"name":"w","kind":"k"}],"source_cluster_name":["c1"],)"
        R"("destination_ip":["10.0.0.0/8"],"destination_pod":["b"],"destination_fqdn":["x.io"],)"
        R"("destination_label":["!k"],"destination_service":["t"],"destination_workload":[{"kind":"Pod"}],)"
        R"("destination_cluster_name":["c2"],"traffic_direction":["INGRESS"],"verdict":["FORWARDED"],)"
        R"("drop_reason_desc":["AUTH_REQUIRED"],"interface":[{"index":3,"name":"eth0"}],)"
        R"("event_type":[{"type":4,"match_sub_type":true,"sub_type":3}],"http_status_code":["404"],)"
        R"("protocol":["tcp"],"source_port":["80"],"destination_port":["443"],"reply":[false],)"
        R"("dns_query":["kube.*"],"source_identity":[1],"destination_identity":[4294967295],)"
        R"("http_method":["GET"],"http_path":["/a"],"http_url":["u"],"http_header":[{"key":"k","value":"v"}],)"
        R"("tcp_flags":[{"RST":true}],"node_name":["n*"],"node_labels":["a"],"ip_version":["IPv6"],)"
        R"("trace_id":["t"],"experimental":{"cel_expression":["true"]}})";
    const flow_filter f = decode_one(every_field);
    CHECK(encode_filter_json(f) == every_field);
    CHECK(decode_one(encode_filter_json(f)) == f);
}

// ---- --print-raw-filters ----

TEST_CASE("raw filters print as Hubble's YAML") {
    // conformance case 428: --allowlist '{"sourcePod":["a/"],"verdict":[2]}' --denylist '{}'
    CHECK(raw_filters(decode_filter_stream(R"({"sourcePod":["a/"],"verdict":[2]})"),
                      decode_filter_stream("{}")) ==
          "allowlist:\n"
          "    - '{\"source_pod\":[\"a/\"],\"verdict\":[\"DROPPED\"]}'\n"
          "denylist:\n"
          "    - '{}'\n");
    // conformance case 430: no filters at all
    CHECK(raw_filters({}) == "{}\n");
}

TEST_CASE("raw JSON filters follow the flag filters of the same list (section 4.7)") {
    // --verdict DROPPED --allowlist '{"protocol":["udp"]}' --denylist
    // '{"verdict":["AUDIT"]}{"protocol":["sctp"]}'
    flow_filter dropped;
    dropped.verdict = {2};
    std::vector<flow_filter> allow{dropped};
    for (auto& f : decode_filter_stream(R"({"protocol":["udp"]})")) allow.push_back(f);
    CHECK(raw_filters(allow, decode_filter_stream(R"({"verdict":["AUDIT"]}{"protocol":["sctp"]})")) ==
          "allowlist:\n"
          "    - '{\"verdict\":[\"DROPPED\"]}'\n"
          "    - '{\"protocol\":[\"udp\"]}'\n"
          "denylist:\n"
          "    - '{\"verdict\":[\"AUDIT\"]}'\n"
          "    - '{\"protocol\":[\"sctp\"]}'\n");
}

TEST_CASE("raw filters built from flags print like the conformance cases") {
    // case 427: --not --ip 10.0.0.0/8 --type trace:to-stack
    flow_filter trace;
    trace.event_type = {{4, true, 3}};
    flow_filter from, to;
    from.source_ip = {"10.0.0.0/8"};
    to.destination_ip = {"10.0.0.0/8"};
    CHECK(raw_filters({trace}, {from, to}) ==
          "allowlist:\n"
          "    - '{\"event_type\":[{\"type\":4,\"match_sub_type\":true,\"sub_type\":3}]}'\n"
          "denylist:\n"
          "    - '{\"source_ip\":[\"10.0.0.0/8\"]}'\n"
          "    - '{\"destination_ip\":[\"10.0.0.0/8\"]}'\n");
    // case 431: --to-all-namespaces --from-namespace a --from-namespace b
    flow_filter pods;
    pods.source_pod = {"a/", "b/"};
    pods.destination_pod = {"/"};
    CHECK(raw_filters({pods}) ==
          "allowlist:\n    - '{\"source_pod\":[\"a/\",\"b/\"],\"destination_pod\":[\"/\"]}'\n");
}

TEST_CASE("an empty allowlist is left out of the YAML") {
    flow_filter deny;
    deny.verdict = {2};
    deny.http_method = {"get"};
    CHECK(raw_filters({}, {deny}) ==
          "denylist:\n    - '{\"verdict\":[\"DROPPED\"],\"http_method\":[\"get\"]}'\n");
}

TEST_CASE("YAML quoting: quotes doubled, unprintable characters force double quotes") {
    flow_filter quote;
    quote.source_pod = {"it's <a>"};
    CHECK(raw_filters({quote}) == "allowlist:\n    - '{\"source_pod\":[\"it''s \\u003ca\\u003e\"]}'\n");
    flow_filter wide;  // yaml.v3 counts nothing above U+FFFF, nor DEL or U+0080..U+009F, as printable
    wide.source_pod = {"\xf0\x9f\x98\x80\x7f\xc2\x85\xc3\xa9"};
    CHECK(raw_filters({wide}) ==
          "allowlist:\n    - \"{\\\"source_pod\\\":[\\\"\\U0001F600\\x7F\\N\xc3\xa9\\\"]}\"\n");
    flow_filter space;  // long lines are never folded
    space.http_url = {std::string(100, 'a') + " " + std::string(100, 'b')};
    CHECK(raw_filters({space}) == "allowlist:\n    - '{\"http_url\":[\"" + std::string(100, 'a') + " " +
                                      std::string(100, 'b') + "\"]}'\n");
}

TEST_CASE("ip_trace_id is a uint64 list: numbers or strings in, strings out (Hubble 1.19)") {
    const flow_filter f = decode_one(R"({"ip_trace_id":[4660,"18446744073709551615",1e3,"0",-0],"encrypted":[true,false]})");
    CHECK(f.ip_trace_id == std::vector<uint64_t>{4660, 18446744073709551615u, 1000, 0, 0});
    CHECK(f.encrypted == std::vector<bool>{true, false});
    CHECK(decode_one(R"({"ipTraceId":["7"]})").ip_trace_id == std::vector<uint64_t>{7});
    CHECK(decode_error(R"({"ip_trace_id":[-1]})") == "proto: (line 1:17): invalid value for uint64 field ipTraceId: -1");
    CHECK(decode_error(R"({"ip_trace_id":[18446744073709551616]})") ==
          "proto: (line 1:17): invalid value for uint64 field ipTraceId: 18446744073709551616");
    CHECK(decode_error(R"({"ip_trace_id":[1.5]})") == "proto: (line 1:17): invalid value for uint64 field ipTraceId: 1.5");
    CHECK(decode_error(R"({"encrypted":["true"]})") == R"(proto: (line 1:15): invalid value for bool field encrypted: "true")");

    flow_filter e;
    e.trace_id = {"t"};
    e.ip_trace_id = {4660, 18446744073709551615u};
    e.encrypted = {true};
    e.cel_expression = {"true"};
    e.has_experimental = true;
    CHECK(encode_filter_json(e) == R"({"trace_id":["t"],"ip_trace_id":["4660","18446744073709551615"],"encrypted":[true],)"
                                   R"("experimental":{"cel_expression":["true"]}})");
    CHECK(decode_one(encode_filter_json(e)) == e);
}
