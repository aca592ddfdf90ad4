// --first, --last, --all, --follow, --since and --until: values, conflicts and every time layout.
#include <catch2/catch_test_macros.hpp>

#include "cli_test_support.h"

using namespace flowgrep;
using namespace flowgrep::test;

namespace {

constexpr int64_t s = 1'000'000'000;

int64_t since_of(const std::string& value) {
    options o = parse_ok({"--since", value});
    REQUIRE(o.filter.since_ns.has_value());
    return *o.filter.since_ns;
}

}  // namespace

TEST_CASE("flag --first and --last", "[cli][selectors]") {
    CHECK(parse_ok({"--first", "5"}).run.first == 5);
    CHECK(parse_ok({"--last", "0x10"}).run.last == 16);
    CHECK(parse_ok({"--last", "0x2"}).run.last == 2);
    CHECK(parse_ok({"--last", "1_000"}).run.last == 1000);
    CHECK(parse_ok({"--last", "1000000"}).run.last == 1000000);
    CHECK(parse_ok({"--first", "0", "--last", "0", "--all"}).run.all);
    // The largest uint64 is hubble's "no limit".
    CHECK(parse_ok({"--last", "18446744073709551615"}).run.last == 0);
    CHECK(parse_ok({"--first", "18446744073709551615"}).run.first == 0);
    CHECK(error_of({"--last", "1000001"}) == "--last must be <= 1_000_000, got 1000001");
    // The limit is checked where hubble checks it: after the other checks and --print-raw-filters,
    // on the value that the last --last left.
    CHECK(error_of({"--last", "1000001", "--since", "bogus"}) ==
          "failed to parse the since time: failed to convert bogus to time");
    CHECK(error_of({"--last", "1000001", "-P"}) ==
          "cannot use --port-forward: flowgrep reads flows from files, not from a Hubble server");
    CHECK(raw_filters({"--last", "1000001"}) == "{}\n");
    CHECK(parse_ok({"--last", "1000001", "--last", "3"}).run.last == 3);
    CHECK(error_of({"--last", "3", "--last", "1000001"}) == "--last must be <= 1_000_000, got 1000001");
    CHECK(error_of({"--last", "18446744073709551616"}) ==
          R"(invalid argument "18446744073709551616" for "--last" flag: too large: at most 18446744073709551615)");
    CHECK(error_of({"--first", ""}) == R"(invalid argument "" for "--first" flag: want a whole number, 0 or more)");
}

TEST_CASE("selector conflicts", "[cli][selectors]") {
    CHECK(error_of({"--first", "1", "--last", "1"}) == "cannot set both --first and --last");
    CHECK(error_of({"--all", "--first", "3"}) == "cannot set both --first and --all");
    CHECK(error_of({"--first", "3", "--follow"}) == "cannot set both --first and --follow");
    CHECK(error_of({"--all", "--last", "3"}) == "cannot set both --last and --all");
    CHECK(error_of({"--first", "1", "--last", "2000000"}) == "cannot set both --first and --last");
    CHECK(error_of({"--last", "3", "--follow", "--since", "1h"}) == "<no error>");
    CHECK(error_of({"-o", "table", "-f"}) == "table output format is not compatible with follow mode");
    CHECK(error_of({"-o", "tab", "--follow"}) == "table output format is not compatible with follow mode");
    // Output checks come before selector conflicts.
    CHECK(error_of({"--first", "1", "--last", "1", "-o", "xml"}) == "invalid output format: xml");
}

TEST_CASE("absolute --since layouts", "[cli][selectors][time]") {
    constexpr int64_t day = 1704153600;  // 2024-01-02T00:00:00Z
    CHECK(since_of("2024-01-02") == day * s);
    CHECK(since_of("2024-01-02T03Z") == (day + 3 * 3600) * s);
    CHECK(since_of("2024-01-02T3Z") == (day + 3 * 3600) * s);
    CHECK(since_of("2024-01-02T03+01:00") == (day + 2 * 3600) * s);
    CHECK(since_of("2024-01-02T03:04Z") == (day + 3 * 3600 + 4 * 60) * s);
    CHECK(since_of("2024-01-02T03:04-05:30") == (day + 3 * 3600 + 4 * 60 + 5 * 3600 + 30 * 60) * s);
    CHECK(since_of("2024-01-02T03:04:05Z") == (day + 3 * 3600 + 4 * 60 + 5) * s);
    CHECK(since_of("2024-01-02T03:04:05.2Z") == (day + 3 * 3600 + 4 * 60 + 5) * s + 200'000'000);
    CHECK(since_of("2024-01-02T03:04:05.123456789Z") == (day + 3 * 3600 + 4 * 60 + 5) * s + 123'456'789);
    CHECK(since_of("2024-01-02T03:04:05.1234567891Z") == (day + 3 * 3600 + 4 * 60 + 5) * s + 123'456'789);
    CHECK(since_of("2024-01-02T03:04:05,5Z") == (day + 3 * 3600 + 4 * 60 + 5) * s + 500'000'000);
    CHECK(since_of("2024-01-02T03:04:05.000+02:00") == (day + 3600 + 4 * 60 + 5) * s);
    CHECK(since_of("Tue, 02 Jan 2024 03:04:05 +0000") == (day + 3 * 3600 + 4 * 60 + 5) * s);
    CHECK(since_of("Mon, 02 Jan 2024 03:04:05 -0100") == (day + 4 * 3600 + 4 * 60 + 5) * s);  // weekday unchecked
    CHECK(since_of("tue,  02 jan 2024 03:04:05 +0000") == (day + 3 * 3600 + 4 * 60 + 5) * s);
    CHECK(since_of("2024-02-29") == 1709164800 * s);
    CHECK(since_of("1970-01-01") == 0);
    CHECK(since_of("1969-12-31T23:59:59.5Z") == -s / 2);
}

TEST_CASE("layouts hubble rejects", "[cli][selectors][time]") {
    for (std::string bad : {"garbage", "5", "1d", "Jun 16 16:52:13.200", "2021-06-16T16:52:13", "2023-02-29",
                            "2024-13-01", "2024-1-02", "2024-01-02T24Z", "2024-01-02T03:60Z", "2024-01-02t03Z",
                            "2024-01-02T03z", "2024-01-02 ", "Tue, 02 Jan 2024 03:04:05 UTC", "", "yesterday"}) {
        if (bad.empty()) continue;  // an empty --since means no bound
        INFO(bad);
        CHECK(error_of({"--since", bad}) == "failed to parse the since time: failed to convert " + bad + " to time");
    }
    CHECK(error_of({"--until", "2021-06-16T16:52:13"}) ==
          "failed to parse the until time: failed to convert 2021-06-16T16:52:13 to time");
    CHECK(error_of({"--since", "Jun", "16", "16:52:13.200"}) ==
          "failed to parse the since time: failed to convert Jun to time");
    CHECK_FALSE(parse_ok({"--since", ""}).filter.since_ns.has_value());
    CHECK(error_of({"--since", "0000-01-01"}).starts_with("failed to convert `since` timestamp to proto: "));
}

TEST_CASE("relative --since and --until", "[cli][selectors][time]") {
    CHECK(since_of("30s") == fixed_now_ns - 30 * s);
    CHECK(since_of("0") == fixed_now_ns);
    CHECK(since_of("-1h") == fixed_now_ns + 3600 * s);
    CHECK(since_of("1h30m") == fixed_now_ns - 5400 * s);
    CHECK(since_of("1.5h") == fixed_now_ns - 5400 * s);
    CHECK(since_of("300ms") == fixed_now_ns - 300'000'000);
    CHECK(since_of("2us") == fixed_now_ns - 2000);
    CHECK(since_of("2\u00b5s") == fixed_now_ns - 2000);
    CHECK(since_of("+5m") == fixed_now_ns - 300 * s);
    CHECK(since_of("-87600h") == fixed_now_ns + 87600LL * 3600 * s);
    options o = parse_ok({"--since", "2h", "--until", "1h"});
    CHECK(*o.filter.since_ns == fixed_now_ns - 7200 * s);
    CHECK(*o.filter.until_ns == fixed_now_ns - 3600 * s);
}

TEST_CASE("flag --follow makes --until ignored", "[cli][selectors][time]") {
    options o = parse_ok({"--follow", "--until", "garbage"});
    CHECK(o.input.follow);
    CHECK_FALSE(o.filter.until_ns.has_value());
    CHECK(error_of({"--since", "bad", "--until", "worse"}) ==
          "failed to parse the since time: failed to convert bad to time");
}

TEST_CASE("formatting options", "[cli][formatting]") {
    options o = parse_ok({});
    CHECK(o.output.format == output_format::compact);
    CHECK(o.output.time_format == "StampMilli");
    CHECK(o.output.color == color_mode::auto_);
    CHECK(o.output.ip_translation);
    CHECK_FALSE(o.output.numeric);

    CHECK(parse_ok({"-o", "table"}).output.format == output_format::table);
    CHECK(parse_ok({"-o", "JSON"}).output.format == output_format::json);
    CHECK(parse_ok({"-o", "jsonpb"}).output.format == output_format::json);
    CHECK(error_of({"-o", "Json"}) == "invalid output format: Json (did you mean json?)");
    CHECK(error_of({"-o", "JSONPB"}) == "invalid output format: JSONPB (did you mean jsonpb?)");
    CHECK(error_of({"-o", ""}) == "invalid output format: ");
    CHECK(error_of({"-o", "yaml"}) == "invalid output format: yaml");

    CHECK(parse_ok({"--time-format", "rfc3339milli"}).output.time_format == "RFC3339Milli");
    CHECK(parse_ok({"--time-format", "YEARMONTHDAYHOUR"}).output.time_format == "YearMonthDayHour");
    CHECK(parse_ok({"--time-format", "nonsense"}).output.time_format == "StampMilli");

    CHECK(parse_ok({"--color", "ALWAYS"}).output.color == color_mode::always);
    CHECK(parse_ok({"--color", "never"}).output.color == color_mode::never);
    CHECK(parse_ok({"--color", "sometimes"}).output.color == color_mode::auto_);

    o = parse_ok({"--numeric", "--ip-translation=true"});
    CHECK(o.output.numeric);
    CHECK_FALSE(o.output.ip_translation);  // --numeric wins
    CHECK(parse_ok({"--print-node-name"}).output.print_node_name);
    CHECK(parse_ok({"--print-policy-names"}).output.print_policy_names);
    CHECK_FALSE(parse_ok({"--print-policy-names=false"}).output.print_policy_names);
    CHECK_FALSE(parse_ok({}).output.print_policy_names);
}

TEST_CASE("field masks", "[cli][formatting][field-mask]") {
    // Checked, then dropped with a warning: hubble observe --input-file prints flows whole.
    const std::vector<std::string> not_applied{
        "--field-mask is checked but not applied: like hubble observe --input-file, flowgrep prints "
        "flows from files whole (an --exporter-config fieldMask is applied)"};
    CHECK(warnings_of({"-o", "json", "--field-mask", "time,verdict", "--field-mask", "source.pod_name"}) == not_applied);
    CHECK(parse_ok({"-o", "json", "--field-mask", "time,verdict"}).output.field_mask.empty());
    CHECK(warnings_of({"-o", "json", "--field-mask", R"("time",l4.TCP)"}) == not_applied);
    CHECK(warnings_of({"--field-mask="}).empty());
    CHECK(warnings_of({"-o", "json"}).empty());
    CHECK(error_of({"--field-mask", "time,verdict"}) == "compact output format is not compatible with custom field mask");
    // Hubble 1.19 took the experimental names away.
    CHECK(error_of({"--experimental-field-mask", "time", "-o", "json"}) == "unknown flag: --experimental-field-mask");
    CHECK(error_of({"-o", "tab", "--field-mask", "time"}) == "tab output format is not compatible with custom field mask");
    CHECK(error_of({"-o", "json", "--field-mask", R"(a"b)"}) ==
          R"(invalid argument "a\"b" for "--field-mask" flag: parse error on line 1, column 2: bare " in non-quoted-field)");
    CHECK(parse_ok({}).output.use_default_field_masks);
    CHECK_FALSE(parse_ok({"--use-default-field-masks=false"}).output.use_default_field_masks);
    CHECK(error_of({"--experimental-use-default-field-masks"}) ==
          "unknown flag: --experimental-use-default-field-masks");
}

TEST_CASE("field mask paths are Flow fields, checked after the filters", "[cli][formatting][field-mask]") {
    CHECK(error_of({"-o", "json", "--field-mask", "time,source.podName"}) ==
          R"(failed to construct field mask: proto: invalid path "source.podName" for message "flow.Flow")");
    CHECK(error_of({"-o", "jsonpb", "--field-mask", "time,no_such_field,bogus"}) ==
          R"(failed to construct field mask: proto: invalid path "no_such_field" for message "flow.Flow")");
    CHECK(error_of({"-o", "json", "--field-mask", R"("a,b",c)"}) ==
          R"(failed to construct field mask: proto: invalid path "a,b" for message "flow.Flow")");
    CHECK(error_of({"-o", "json", "--field-mask", "source.labels.x"}) ==
          R"(failed to construct field mask: proto: invalid path "source.labels.x" for message "flow.Flow")");
    CHECK(error_of({"-o", "json", "--field-mask", "time,"}) ==
          R"(failed to construct field mask: proto: invalid path "" for message "flow.Flow")");
    CHECK(error_of({"-o", "json", "--field-mask", "caf\xc3\xa9"}) ==
          R"(failed to construct field mask: proto: invalid path "café" for message "flow.Flow")");
    CHECK(error_of({"-o", "json", "--field-mask", "time.seconds,is_reply.value,l4.TCP.flags.SYN"}) == "<no error>");
    // After --allowlist/--denylist (their errors win), before --print-raw-filters (which then fails).
    CHECK(error_of({"-o", "json", "--field-mask", "bogus", "--denylist", "{"}).starts_with("invalid --denylist flag"));
    CHECK(error_of({"-o", "json", "--field-mask", "bogus", "--print-raw-filters"}) ==
          R"(failed to construct field mask: proto: invalid path "bogus" for message "flow.Flow")");
    // The output format is checked first.
    CHECK(error_of({"-o", "dict", "--field-mask", "bogus"}) == "dict output format is not compatible with custom field mask");
}

TEST_CASE("errors after parsing come in hubble's order", "[cli][order]") {
    CHECK(error_of({"--not", "-o", "xml"}) == "trailing --not found in the arguments");
    CHECK(error_of({"-o", "xml", "--first", "1", "--last", "1"}) == "invalid output format: xml");
    CHECK(error_of({"--since", "bad", "--allowlist", "notjson"}) ==
          "failed to parse the since time: failed to convert bad to time");
    CHECK(error_of({"--allowlist", "notjson", "-P"}).starts_with("invalid --allowlist flag: failed to decode 'notjson': "));
    CHECK(error_of({"-P", "--last", "2000000"}) ==
          "cannot use --port-forward: flowgrep reads flows from files, not from a Hubble server");
    CHECK(error_of({"--port-forward=false"}) == "<no error>");
}

TEST_CASE("flag --allowlist and --denylist JSON errors", "[cli][raw-filters]") {
    CHECK(error_of({"--allowlist", "notjson"}) ==
          "invalid --allowlist flag: failed to decode 'notjson': invalid character 'o' in literal null (expecting 'u')");
    CHECK(error_of({"--allowlist", R"({"bogus":1})"}) ==
          R"(invalid --allowlist flag: failed to decode '{"bogus":1}': proto: (line 1:2): unknown field "bogus")");
    CHECK(error_of({"--denylist", R"({"verdict":["NOPE"]})"}) ==
          R"(invalid --denylist flag: failed to decode '{"verdict":["NOPE"]}': proto: (line 1:13): invalid value for enum field verdict: "NOPE")");
    // The allowlist is decoded before the denylist, whatever the order on the command line.
    CHECK(error_of({"--denylist", "{", "--allowlist", "["}).starts_with("invalid --allowlist flag: "));
    options o = parse_ok({"--allowlist", "", "--denylist", "{}"});
    CHECK(o.filter.lists.allow.empty());
    CHECK(o.filter.lists.deny.size() == 1);
}

TEST_CASE("flag --help and --version", "[cli][help]") {
    auto cl = parse_command_line({"--version"}, fixed_now_ns);
    CHECK(cl.exit_now);
    CHECK(cl.print == std::string("flowgrep ") + FLOWGREP_VERSION + "\n");
    cl = parse_command_line({"-h", "-o", "xml", "--not"}, fixed_now_ns);
    CHECK(cl.exit_now);
    CHECK(cl.print.starts_with("Usage: flowgrep [FLAGS] [FILE...]\n"));
    CHECK(parse_command_line({"--help", "--version"}, fixed_now_ns).print == cl.print);
}
