// pflag's command-line syntax as flowgrep reads it: value forms, bundled shorthands, implicit values,
// `--`, files, and the syntax errors with their hints.
#include <catch2/catch_test_macros.hpp>

#include "cli_test_support.h"

using namespace flowgrep;
using namespace flowgrep::test;

TEST_CASE("every way of giving a value", "[cli][syntax]") {
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"--type", "drop"}, {"--type=drop"}, {"-t", "drop"}, {"-tdrop"}, {"-t=drop"}}) {
        INFO(args[0]);
        options o = parse_ok(args);
        REQUIRE(o.filter.lists.allow.size() == 1);
        CHECK(o.filter.lists.allow[0].event_type == std::vector<filter_event_type>{{1, false, 0}});
    }
    CHECK(parse_ok({"-o=json"}).output.format == output_format::json);
    CHECK(parse_ok({"-ojson"}).output.format == output_format::json);
    CHECK(parse_ok({"-o", "dict"}).output.format == output_format::dict);
}

TEST_CASE("values may start with a dash or be empty", "[cli][syntax]") {
    options o = parse_ok({"--pod", "--verdict", "--from-label", "-x", "--http-method="});
    REQUIRE(o.filter.lists.allow.size() == 2);
    CHECK(o.filter.lists.allow[0].source_pod == std::vector<std::string>{"--verdict"});
    CHECK(o.filter.lists.allow[0].source_label == std::vector<std::string>{"-x"});
    CHECK(o.filter.lists.allow[0].http_method == std::vector<std::string>{""});
    CHECK(error_of({"-t", "-4"}).starts_with(R"(invalid argument "-4" for "-t, --type" flag: unknown event type '-4')"));
    CHECK(error_of({"--last", "-1"}) ==
          R"(invalid argument "-1" for "--last" flag: want a whole number, 0 or more)");
}

TEST_CASE("bundled shorthands and implicit values", "[cli][syntax]") {
    options o = parse_ok({"-46"});
    REQUIRE(o.filter.lists.allow.size() == 1);
    CHECK(o.filter.lists.allow[0].ip_version == std::vector<int32_t>{1, 2});

    o = parse_ok({"-fs", "-D"});
    CHECK(o.input.follow);
    CHECK(o.output.silent_errors);
    CHECK(o.output.debug);

    o = parse_ok({"-4t", "trace"});
    REQUIRE(o.filter.lists.allow.size() == 1);
    CHECK(o.filter.lists.allow[0].ip_version == std::vector<int32_t>{1});
    CHECK(o.filter.lists.allow[0].event_type.size() == 1);

    o = parse_ok({"-Atdrop"});
    CHECK(o.filter.lists.allow.size() == 2);

    // Switches and implicit-value flags never take the next word: it is a file.
    o = parse_ok({"-4", "a.json", "-A", "b.json", "--follow", "false", "--ip-translation", "c.json"});
    CHECK(o.input.files == std::vector<std::string>{"a.json", "b.json", "false", "c.json"});
    CHECK(o.input.follow);
    CHECK(o.output.ip_translation);
}

TEST_CASE("switches take Go booleans after =", "[cli][syntax]") {
    CHECK_FALSE(parse_ok({"--ip-translation=false"}).output.ip_translation);
    CHECK_FALSE(parse_ok({"--ip-translation=0"}).output.ip_translation);
    CHECK(parse_ok({"--ip-translation=F", "--ip-translation=T"}).output.ip_translation);
    CHECK_FALSE(parse_ok({"--follow=False"}).input.follow);
    CHECK_FALSE(parse_ok({"-f=false"}).input.follow);
    CHECK(parse_ok({"--numeric=TRUE"}).output.numeric);
    CHECK(error_of({"--numeric=yes"}) ==
          R"(invalid argument "yes" for "--numeric" flag: want true or false (also 1, 0, t, f))");
    CHECK(error_of({"-s=1x"}) ==
          R"(invalid argument "1x" for "-s, --silent-errors" flag: want true or false (also 1, 0, t, f))");
    CHECK_FALSE(parse_command_line({"--help=false"}, fixed_now_ns).exit_now);
}

TEST_CASE("files", "[cli][syntax][files]") {
    CHECK(parse_ok({}).input.files.empty());
    CHECK(parse_ok({"-"}).input.files == std::vector<std::string>{"-"});
    CHECK(parse_ok({"a", "--verdict", "DROPPED", "b"}).input.files == std::vector<std::string>{"a", "b"});
    CHECK(parse_ok({"a", "--", "--verdict", "-", "-x", ""}).input.files ==
          std::vector<std::string>{"a", "--verdict", "-", "-x", ""});
    CHECK(parse_ok({""}).input.files == std::vector<std::string>{""});
    CHECK(parse_ok({"--", "--"}).input.files == std::vector<std::string>{"--"});
    // Words that look like a list or an object ([a,b], {}) are files and values like any other.
    CHECK(parse_ok({"[a,b]", "{}", "[[aa]]"}).input.files == std::vector<std::string>{"[a,b]", "{}", "[[aa]]"});
    options o = parse_ok({"--pod", "[a,b]", "--pod", "{}", "--pod", "[[aa]]"});
    REQUIRE(o.filter.lists.allow.size() == 2);
    CHECK(o.filter.lists.allow[0].source_pod == std::vector<std::string>{"[a,b]", "{}", "[[aa]]"});
}

TEST_CASE("syntax errors", "[cli][syntax][errors]") {
    CHECK(error_of({"--bogus-flag"}) == "unknown flag: --bogus-flag");
    CHECK(error_of({"--bogus", "x"}) == "unknown flag: --bogus");
    CHECK(error_of({"--verdit", "DROPPED"}) == "unknown flag: --verdit (did you mean --verdict?)");
    CHECK(error_of({"--from-namspace", "x"}) == "unknown flag: --from-namspace (did you mean --from-namespace?)");
    CHECK(error_of({"--drop-reason", "x"}) == "unknown flag: --drop-reason (did you mean --drop-reason-desc?)");
    CHECK(error_of({"--Verdict=x"}) == "unknown flag: --Verdict (did you mean --verdict?)");
    CHECK(error_of({"--input-file", "f.json"}) ==
          "unknown flag: --input-file (name the files as arguments; - is standard input)");
    CHECK(error_of({"-x"}) == "unknown shorthand flag: 'x' in -x");
    CHECK(error_of({"-4x"}) == "unknown shorthand flag: 'x' in -x");
    CHECK(error_of({"-verdict", "DROPPED"}) == "unknown shorthand flag: 'v' in -verdict (did you mean --verdict?)");
    CHECK(error_of({"--last", "3", "--verdict"}) == "flag needs an argument: --verdict");
    CHECK(error_of({"-o"}) == "flag needs an argument: 'o' in -o");
    CHECK(error_of({"-4t"}) == "flag needs an argument: 't' in -t");
    CHECK(error_of({"---x"}) == "bad flag syntax: ---x");
    CHECK(error_of({"--=x"}) == "bad flag syntax: --=x");
    CHECK(error_of({"-4="}) == "unknown shorthand flag: '=' in -=");
}

TEST_CASE("the last value of a single-valued flag wins", "[cli][syntax]") {
    CHECK(parse_ok({"-o", "json", "-o", "dict"}).output.format == output_format::dict);
    CHECK(parse_ok({"--first", "3", "--first", "0"}).run.first == 0);
    CHECK(parse_ok({"--time-format", "RFC3339", "--time-format", "rfc1123z"}).output.time_format == "RFC1123Z");
}
