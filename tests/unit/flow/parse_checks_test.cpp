// What the response parser refuses and why: the checks protojson makes (types, ranges, fields given
// twice, oneofs), unknown members (accepted, but must be JSON), and check_rest() covering what a
// lazy parse skipped. Plus diagnose_json(), which names the problem in a malformed line.
#include <catch2/catch_test_macros.hpp>

#include <string>

#include "flow/json_diagnosis.h"
#include "flow/parse.h"

using namespace flowgrep;

namespace {

struct padded {
    std::string storage;
    std::string_view view;
    explicit padded(std::string_view json) : storage(json) {
        storage.resize(json.size() + simdjson::SIMDJSON_PADDING);
        view = std::string_view(storage.data(), json.size());
    }
};

// The error for `json` from a full decode, or "ok".
std::string full_error(std::string_view json) {
    padded p(json);
    response_parser parser(all_fields);
    response r;
    return parser.parse(p.view, r) ? "ok" : parser.error();
}

}  // namespace

TEST_CASE("fields given twice are refused, under either name, null included", "[flow][parse]") {
    CHECK(full_error(R"({"flow":{"verdict":1,"verdict":2}})") == R"(duplicate field "verdict")");
    CHECK(full_error(R"({"flow":{"node_name":"a","nodeName":"a"}})") == R"(duplicate field "nodeName")");
    CHECK(full_error(R"({"flow":{"uuid":null,"uuid":null}})") == R"(duplicate field "uuid")");
    CHECK(full_error(R"({"flow":{"source":{"labels":[],"labels":[]}}})") == R"(duplicate field "labels")");
    CHECK(full_error(R"({"flow":{"l4":{"TCP":{"flags":{"SYN":true,"SYN":false}}}}})") == R"(duplicate field "SYN")");
    CHECK(full_error(R"({"time":"2024-01-01T00:00:00Z","time":"2024-01-01T00:00:00Z"})") == R"(duplicate field "time")");
    CHECK(full_error(R"({"flow":{},"flow":{}})") == R"(duplicate field "flow")");
    // an unknown member may repeat: Hubble discards it unread
    CHECK(full_error(R"({"flow":{"x":1,"x":2}})") == "ok");
}

TEST_CASE("a field given twice is refused even when nobody reads it", "[flow][parse]") {
    padded p(R"({"flow":{"verdict":1,"verdict":2}})");
    response_parser parser(field_source);
    response r;
    CHECK_FALSE(parser.parse(p.view, r));
}

TEST_CASE("oneofs: one payload, one l4 protocol, one l7 record; null does not count", "[flow][parse]") {
    CHECK(full_error(R"({"flow":{},"node_status":{}})") ==
          R"(both "flow" and "node_status" are set, but only one of them may be)");
    CHECK(full_error(R"({"flow":null,"lost_events":{}})") == "ok");
    CHECK(full_error(R"({"flow":{"l4":{"UDP":{},"ICMPv4":{}}}})") ==
          R"(both "UDP" and "ICMPv4" are set, but only one of them may be)");
    CHECK(full_error(R"({"flow":{"l4":{"UDP":null,"ICMPv4":{}}}})") == "ok");
    CHECK(full_error(R"({"flow":{"l7":{"http":{},"kafka":{}}}})") ==
          R"(both "http" and "kafka" are set, but only one of them may be)");
}

TEST_CASE("values of the wrong type or out of range", "[flow][parse]") {
    CHECK(full_error(R"({"flow":{"verdict":{}}})") == R"(bad value for "verdict": expected a name or a number, found an object)");
    CHECK(full_error(R"({"flow":{"verdict":true}})") == R"(bad value for "verdict": expected a name or a number, found a boolean)");
    CHECK(full_error(R"({"flow":{"Summary":5}})") == R"(bad value for "Summary": expected a string, found a number)");
    CHECK(full_error(R"({"flow":{"is_reply":"yes"}})") == R"(bad value for "is_reply": expected true or false, found a string)");
    CHECK(full_error(R"({"flow":{"source":{"identity":-1}}})") == R"(bad value for "identity": out of range)");
    CHECK(full_error(R"({"flow":{"source":{"identity":"4294967296"}}})") == R"(bad value for "identity": out of range)");
    CHECK(full_error(R"({"flow":{"source":{"identity":1e10}}})") == R"(bad value for "identity": out of range)");
    CHECK(full_error(R"({"flow":{"source":{"identity":2.5}}})") == R"(bad value for "identity": not an integer)");
    CHECK(full_error(R"({"flow":{"socket_cookie":"18446744073709551615"}})") == "ok");
    CHECK(full_error(R"({"flow":{"socket_cookie":18446744073709551616}})") == R"(bad value for "socket_cookie": out of range)");
    CHECK(full_error(R"({"lost_events":{"cpu":{"value":3}}})") == R"(bad value for "cpu": expected an integer, found an object)");
    CHECK(full_error(R"({"flow":{"egress_allowed_by":[{"revision":"x"}]}})") == R"(bad value for "revision": not an integer)");
    CHECK(full_error(R"({"flow":{"source":{"labels":[null]}}})") == R"(bad value for "labels": expected a string, found null)");
}

TEST_CASE("protojson's spellings are accepted", "[flow][parse]") {
    CHECK(full_error(R"({"flow":{"source":{"identity":"80","ID":8e1,"namespace":null},"verdict":2.0}})") == "ok");
    CHECK(full_error(R"({"flow":{"verdict":"SOMETHING_NEW","Type":"NEWER","is_reply":null,"Summary":null}})") == "ok");
    CHECK(full_error(R"({"flow":{"newer":{"deep":[1,{"x":[true,false,null,"s",-1.5e3]}]}},"agent_event":{}})") == "ok");
}

TEST_CASE("unknown members must still be JSON", "[flow][parse]") {
    CHECK(full_error(R"({"flow":{"newer":[1,,2]}})").starts_with("invalid JSON at column"));
    CHECK(full_error(R"({"newer":"a\qb","flow":{}})") == R"(invalid JSON at column 12: bad escape \q)");
}

TEST_CASE("an invalid escape in an unknown key is refused (fuzz regression)", "[flow][parse][fuzz]") {
    CHECK(full_error(R"({"flow":{"source":{"namespac\e":"kube-system"}}})") == R"(invalid JSON at column 29: bad escape \e)");
    CHECK(full_error(R"({"ne\wer":1,"flow":{}})") == R"(invalid JSON at column 5: bad escape \w)");
    CHECK(full_error(R"({"flow":{"source":{"name\u0073pace":"x","a\\b":1}}})") == "ok");
}

TEST_CASE("a mangled null literal is refused where null means absent (fuzz regression)", "[flow][parse][fuzz]") {
    CHECK(full_error(R"({"flow":{"destination":{"identity":n2,"namespace":"x"}}})") != "ok");
    CHECK(full_error(R"({"flow":{"is_reply":nul}})") != "ok");
    CHECK(full_error(R"({"flow":{"verdict":nulll}})") != "ok");
    CHECK(full_error(R"({"flow":{"destination":{"identity":null},"is_reply":null,"verdict":null}})") == "ok");
}

TEST_CASE("check_rest() finds what a lazy parse skipped", "[flow][parse]") {
    for (std::string_view bad : {R"({"flow":{"verdict":"DROPPED","source":{"identity":"x"}}})",
                                 R"({"flow":{"verdict":"DROPPED","l4":{"TCP":{},"UDP":{}}}})",
                                 R"({"flow":{"verdict":"DROPPED","extensions":{"a":[1,,2]}}})",
                                 R"({"flow":{"verdict":"DROPPED","Type":{}}})"}) {
        INFO(bad);
        padded p(bad);
        response_parser parser(field_verdict);
        response r;
        REQUIRE(parser.parse(p.view, r));
        CHECK(r.flow.verdict == 2);
        CHECK_FALSE(parser.check_rest(p.view));
        CHECK_FALSE(parser.error().empty());
    }
    padded good(R"({"flow":{"verdict":"DROPPED","source":{"pod_name":"p","labels":["a=b"]}}})");
    response_parser parser(field_verdict);
    response r;
    REQUIRE(parser.parse(good.view, r));
    CHECK(parser.check_rest(good.view));
    CHECK(r.flow.verdict == 2);  // the parsed response is left alone
}

TEST_CASE("diagnose_json names the first problem and where it is", "[flow][diagnosis]") {
    CHECK(diagnose_json(R"({"a":[1,2],"b":{"c":null}})").empty());
    CHECK(diagnose_json("  \t") == "empty line");
    CHECK(diagnose_json(R"({"a":1,})") == "invalid JSON at column 8: expected a member name in double quotes, found '}'");
    CHECK(diagnose_json(R"({"a" 1})") == "invalid JSON at column 6: expected ':' after the member name, found '1'");
    CHECK(diagnose_json(R"([1 2])") == "invalid JSON at column 4: expected ',' or ']', found '2'");
    CHECK(diagnose_json(R"({"a":01})") == "invalid JSON at column 6: malformed number");
    CHECK(diagnose_json(R"({"a":"x)") == "truncated: the line ends inside a string");
    CHECK(diagnose_json(R"({"a":[1)") == "truncated: the line ends inside an array");
    CHECK(diagnose_json("{}{}") == "more than one JSON value (another starts at column 3)");
    CHECK(diagnose_json("\"\xed\xa0\x80\"") == "invalid UTF-8 at column 2");  // a surrogate
    CHECK(diagnose_json("\"\xf4\x90\x80\x80\"") == "invalid UTF-8 at column 2");  // past U+10FFFF
    CHECK(diagnose_json("\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"").empty());
    CHECK(diagnose_json(std::string_view("{\"a\":\"\0\"}", 9)) == "a NUL byte at column 7");
    std::string deep(2000, '[');
    deep += std::string(2000, ']');
    CHECK(diagnose_json(deep) == "nested more than 1024 levels deep (at column 1025)");
    CHECK(diagnose_json(std::string(1024, '[') + std::string(1024, ']')).empty());
}

TEST_CASE("a response time far from 1970 does not overflow the time window (fuzz regression)", "[flow][fuzz]") {
    timestamp early{true, -30'280'288'067, 0};  // the year 1010
    CHECK(early.unix_nanos() == INT64_MIN);
    timestamp late{true, 253'402'300'799, 999'999'999};  // 9999-12-31T23:59:59.999999999Z
    CHECK(late.unix_nanos() == INT64_MAX);
    timestamp edge{true, 9'223'372'036, 900'000'000};  // just past the largest int64 of nanoseconds
    CHECK(edge.unix_nanos() == INT64_MAX);
    timestamp normal{true, 1'700'000'000, 5};
    CHECK(normal.unix_nanos() == 1'700'000'000'000'000'005);
}
