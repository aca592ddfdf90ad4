// Settings from FLOWGREP_* variables and the config file: precedence (flag, environment, file,
// default), filters from settings as if written first, the splitting rule, and errors that say
// where the bad key or value was written.
#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "cli/config_command.h"
#include "cli/settings.h"
#include "cli_test_support.h"
#include "filter/filter_json.h"

using namespace flowgrep;
using namespace flowgrep::test;

namespace {

namespace fs = std::filesystem;

// A folder of its own for each test, removed at the end.
class temp_dir {
public:
    temp_dir() {
        path_ = fs::temp_directory_path() / ("flowgrep-settings-" + std::to_string(::getpid()) + "-" +
                                             std::to_string(counter_++));
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~temp_dir() { fs::remove_all(path_); }
    std::string file(const std::string& name, const std::string& text) const {
        std::ofstream(path_ / name) << text;
        return (path_ / name).string();
    }
    std::string path() const { return path_.string(); }

private:
    static inline int counter_ = 0;
    fs::path path_;
};

parsed_command_line run(const std::vector<std::string>& args, const environment& env) {
    return parse_command_line(args, fixed_now_ns, env);
}

std::string error_with(const std::vector<std::string>& args, const environment& env) {
    try {
        run(args, env);
    } catch (const usage_error& e) {
        return e.what();
    }
    return "<no error>";
}

std::string raw_with(std::vector<std::string> args, const environment& env) {
    args.insert(args.begin(), "--print-raw-filters");
    return run(args, env).print;
}

}  // namespace

TEST_CASE("variable names: FLOWGREP_ and the long name in capitals, - as _", "[cli][settings]") {
    CHECK(environment_name(*find_long_option("time-format")) == "FLOWGREP_TIME_FORMAT");
    CHECK(environment_name(*find_long_option("use-default-field-masks")) == "FLOWGREP_USE_DEFAULT_FIELD_MASKS");
    CHECK(environment_name(*find_long_option("ipv4")) == "FLOWGREP_IPV4");
}

TEST_CASE("every flag is a setting but --help, --version and --config", "[cli][settings]") {
    for (const auto& spec : option_table()) {
        INFO(spec.name);
        const bool action = spec.name == "help" || spec.name == "version" || spec.name == "config";
        CHECK(spec.setting == !action);
    }
}

TEST_CASE("the table's defaults are what flowgrep does without the flag", "[cli][settings]") {
    const options none = parse_ok({});
    for (const option_spec* spec : setting_specs()) {
        INFO(spec->name);
        if (spec->repeats) {
            CHECK(spec->default_value.empty());
            continue;
        }
        REQUIRE((!spec->default_value.empty() || spec->value == value_kind::required));
        const options with = parse_ok({"--" + std::string(spec->name) + "=" + std::string(spec->default_value)});
        CHECK(format_raw_filters(with.filter.lists) == format_raw_filters(none.filter.lists));
        CHECK(with.output.format == none.output.format);
        CHECK(with.output.time_format == none.output.time_format);
        CHECK(with.output.color == none.output.color);
        CHECK(with.run.first == none.run.first);
        CHECK(with.run.last == none.run.last);
        CHECK(with.filter.since_ns == none.filter.since_ns);
        CHECK(with.output.ip_translation == none.output.ip_translation);
        CHECK(with.output.numeric == none.output.numeric);
        CHECK(with.run.all == none.run.all);
        CHECK(with.run.quiet == none.run.quiet);
        CHECK(with.run.count == none.run.count);
    }
}

TEST_CASE("splitting: commas and newlines, or newlines only where values hold commas", "[cli][settings]") {
    auto split = [](std::string_view flag, std::string_view value) {
        return split_setting_value(*find_long_option(flag), value);
    };
    using v = std::vector<std::string>;
    CHECK(split("namespace", "kube-system, monitoring\nshop,,") == v{"kube-system", "monitoring", "shop"});
    CHECK(split("namespace", "") == v{});
    CHECK(split("from-label", "app in (a,b)\n k8s:env=prod,tier=web \n") == v{"app in (a,b)", "k8s:env=prod,tier=web"});
    CHECK(split("tcp-flags", "syn,ack\nfin") == v{"syn,ack", "fin"});
    CHECK(split("allowlist", R"({"verdict":["DROPPED"],"protocol":["tcp"]})") ==
          v{R"({"verdict":["DROPPED"],"protocol":["tcp"]})"});
    CHECK(split("http-path", "^/a{1,3}$") == v{"^/a{1,3}$"});
    CHECK(split("not", "namespace=a,b\nverdict=DROPPED") == v{"namespace=a,b", "verdict=DROPPED"});
    CHECK(split("field-mask", "time,verdict") == v{"time", "verdict"});
    // A flag that does not repeat takes the value whole, commas and spaces included.
    CHECK(split("since", "Mon, 02 Jan 2006 15:04:05 -0700") == v{"Mon, 02 Jan 2006 15:04:05 -0700"});
}

TEST_CASE("precedence for a scalar flag: flag, environment, file, default", "[cli][settings]") {
    temp_dir dir;
    const std::string file = dir.file("config.yaml", "output: dict\n");
    CHECK(run({}, {}).opts.output.format == output_format::compact);
    CHECK(run({}, {{"FLOWGREP_CONFIG", file}}).opts.output.format == output_format::dict);
    CHECK(run({}, {{"FLOWGREP_CONFIG", file}, {"FLOWGREP_OUTPUT", "json"}}).opts.output.format == output_format::json);
    CHECK(run({"-o", "table"}, {{"FLOWGREP_CONFIG", file}, {"FLOWGREP_OUTPUT", "json"}}).opts.output.format ==
          output_format::table);
    CHECK(run({"--config", file}, {}).opts.output.format == output_format::dict);
    CHECK(run({"--config", ""}, {{"FLOWGREP_CONFIG", file}}).opts.output.format == output_format::compact);
    CHECK(run({}, {{"FLOWGREP_CONFIG", ""}, {"HOME", dir.path()}}).opts.output.format == output_format::compact);
}

TEST_CASE("the default file: XDG_CONFIG_HOME, else HOME/.config", "[cli][settings]") {
    temp_dir dir;
    fs::create_directories(dir.path() + "/xdg/flowgrep");
    fs::create_directories(dir.path() + "/home/.config/flowgrep");
    dir.file("xdg/flowgrep/config.yaml", "output: json\n");
    dir.file("home/.config/flowgrep/config.yaml", "output: dict\n");
    const std::string home = dir.path() + "/home", xdg = dir.path() + "/xdg";
    CHECK(run({}, {{"HOME", home}}).opts.output.format == output_format::dict);
    CHECK(run({}, {{"HOME", home}, {"XDG_CONFIG_HOME", xdg}}).opts.output.format == output_format::json);
    CHECK(run({}, {{"HOME", home}, {"XDG_CONFIG_HOME", "relative"}}).opts.output.format == output_format::dict);
    CHECK(run({}, {{"HOME", dir.path()}}).opts.output.format == output_format::compact);  // no file there: defaults
    CHECK(run({}, {}).opts.output.format == output_format::compact);                      // no HOME: no file
}

TEST_CASE("filters from settings come first, as if written on the command line", "[cli][settings]") {
    temp_dir dir;
    const std::string file = dir.file("config.yaml", "namespace:\n  - shop\nnot:\n  - verdict=DROPPED\n");
    const environment env{{"FLOWGREP_CONFIG", file}};
    CHECK(raw_with({}, env) == raw_filters({"--namespace", "shop", "--not", "--verdict", "DROPPED"}));
    CHECK(raw_with({"--pod", "cart"}, env) ==
          raw_filters({"--namespace", "shop", "--not", "--verdict", "DROPPED", "--pod", "cart"}));
    CHECK(raw_with({"--not", "--protocol", "udp"}, env) ==
          raw_filters({"--namespace", "shop", "--not", "--verdict", "DROPPED", "--not", "--protocol", "udp"}));
    // The environment replaces the file's list for the same flag; other flags still combine.
    environment both = env;
    both["FLOWGREP_NAMESPACE"] = "a,b";
    CHECK(raw_with({}, both) == raw_filters({"--not", "--verdict", "DROPPED", "--namespace", "a", "--namespace", "b"}));
    both["FLOWGREP_NAMESPACE"] = "";
    CHECK(raw_with({}, both) == raw_filters({"--not", "--verdict", "DROPPED"}));
    // Values with commas, one per line.
    CHECK(raw_with({}, {{"FLOWGREP_FROM_LABEL", "app in (a,b)\nenv=prod"}}) ==
          raw_filters({"--from-label", "app in (a,b)", "--from-label", "env=prod"}));
    CHECK(raw_with({}, {{"FLOWGREP_TCP_FLAGS", "syn,ack"}}) == raw_filters({"--tcp-flags", "syn,ack"}));
    CHECK(raw_with({}, {{"FLOWGREP_ALLOWLIST", "{\"verdict\":[\"DROPPED\"],\"protocol\":[\"tcp\"]}"}}) ==
          raw_filters({"--allowlist", "{\"verdict\":[\"DROPPED\"],\"protocol\":[\"tcp\"]}"}));
    CHECK(raw_with({}, {{"FLOWGREP_IPV4", "true"}}) == raw_filters({"--ipv4"}));
    CHECK(raw_with({}, {{"FLOWGREP_NOT", "ipv6\nnamespace=kube-system"}}) ==
          raw_filters({"--not", "-6", "--not", "--namespace", "kube-system"}));
}

TEST_CASE("bad values say where they were written", "[cli][settings]") {
    temp_dir dir;
    const std::string file = dir.file("config.yaml", "# standing\noutput: dict\nverdict:\n  - FORWARDED\n  - DROPED\n");
    CHECK(error_with({}, {{"FLOWGREP_CONFIG", file}}) ==
          file + ":5: verdict: invalid argument \"DROPED\" for \"--verdict\" flag: invalid --verdict value: DROPED "
                 "(did you mean DROPPED?)");
    CHECK(error_with({}, {{"FLOWGREP_OUTPUT", "jsn"}}) == "FLOWGREP_OUTPUT: invalid output format: jsn (did you mean json?)");
    CHECK(error_with({}, {{"FLOWGREP_FIRST", "ten"}}) ==
          "FLOWGREP_FIRST: invalid argument \"ten\" for \"--first\" flag: want a whole number, 0 or more");
    CHECK(error_with({}, {{"FLOWGREP_NOT", "namespace"}}) == "FLOWGREP_NOT: \"namespace\" needs a value: namespace=NAMESPACE");
    CHECK(error_with({}, {{"FLOWGREP_NOT", "namspace=x"}}).starts_with(
        "FLOWGREP_NOT: \"namspace=x\" does not name a filter flag to negate"));
    CHECK(error_with({}, {{"FLOWGREP_LAST", "2000000"}}) == "FLOWGREP_LAST: --last must be <= 1_000_000, got 2000000");
    CHECK(error_with({}, {{"FLOWGREP_SINCE", "yesterday"}}) ==
          "FLOWGREP_SINCE: failed to parse the since time: failed to convert yesterday to time");
    CHECK(error_with({}, {{"FLOWGREP_FIELD_MASK", "tim"}}) ==
          "FLOWGREP_FIELD_MASK: failed to construct field mask: proto: invalid path \"tim\" for message \"flow.Flow\"");
    CHECK(error_with({}, {{"FLOWGREP_ALLOWLIST", "{\"bogus\":1}"}}).starts_with(
        "FLOWGREP_ALLOWLIST: invalid --allowlist flag: failed to decode '{\"bogus\":1}'"));
    CHECK(error_with({"--config", dir.path() + "/none.yaml"}, {}) ==
          dir.path() + "/none.yaml: cannot read: no such file (named by --config)");
}

TEST_CASE("bad keys and shapes say where they were written", "[cli][settings]") {
    temp_dir dir;
    auto error_of_file = [&](const std::string& text) {
        return error_with({"--config", dir.file("c.yaml", text)}, {});
    };
    const std::string c = dir.path() + "/c.yaml";
    CHECK(error_of_file("outptu: json\n") == c + ":1: unknown key \"outptu\" (did you mean output?)");
    CHECK(error_of_file("\n\nfeild-mask: [time]\n") == c + ":3: unknown key \"feild-mask\" (did you mean field-mask?)");
    CHECK(error_of_file("help: true\n") == c + ":1: unknown key \"help\": --help is an action, not a setting");
    CHECK(error_of_file("config: x.yaml\n") ==
          c + ":1: unknown key \"config\": the file to read is chosen by --config or FLOWGREP_CONFIG");
    CHECK(error_of_file("output: json\noutput: dict\n") == c + ":2: output: set twice (first on line 1)");
    CHECK(error_of_file("output:\n") == c + ":1: output: no value (write '' for an empty one)");
    CHECK(error_of_file("output: [json]\n") == c + ":1: output: takes one value, not a list");
    CHECK(error_of_file("namespace: {a: 1}\n") == c + ":1: namespace: takes a value or a list of values, not a mapping");
    CHECK(error_of_file("- output\n") == c + ":1: not a mapping of flag names to values (write output: json, one per line)");
    CHECK(error_of_file("output: [json\n").starts_with(c + ":2: "));
    CHECK(error_of_file("# nothing yet\n") == "<no error>");
    CHECK(error_of_file("") == "<no error>");
}

TEST_CASE("an error about flags that cannot be combined says when settings took part", "[cli][settings]") {
    CHECK(error_with({"--last", "2"}, {{"FLOWGREP_FIRST", "3"}}) ==
          "cannot set both --first and --last (settings took part: see flowgrep config view)");
    CHECK(error_with({"--from-namespace", "b"}, {{"FLOWGREP_NAMESPACE", "a"}}) ==
          "invalid argument \"b\" for \"--from-namespace\" flag: filters --from-namespace and --namespace cannot be "
          "combined (settings took part: see flowgrep config view)");
    CHECK(error_with({"--first", "1", "--last", "2"}, {}) == "cannot set both --first and --last");
    // A bad value on the command line is the command line's alone.
    CHECK(error_with({"--verdict", "x"}, {{"FLOWGREP_FIRST", "3"}}).find("settings took part") == std::string::npos);
}

TEST_CASE("--help and --version do not read the settings", "[cli][settings]") {
    const environment bad{{"FLOWGREP_OUTPUT", "nope"}, {"FLOWGREP_CONFIG", "/nonexistent/flowgrep.yaml"}};
    CHECK(run({"--version"}, bad).exit_now);
    CHECK(run({"-h"}, bad).exit_now);
    CHECK(error_with({}, bad) == "/nonexistent/flowgrep.yaml: cannot read: no such file (named by FLOWGREP_CONFIG)");
}

TEST_CASE("unknown FLOWGREP_ variables are warned about, not errors", "[cli][settings]") {
    parsed_command_line cl = run({}, {{"FLOWGREP_OUTPTU", "json"}, {"FLOWGREP_HELP", "1"}, {"FLOWGREP_CONFIG", ""}});
    CHECK(cl.warnings == std::vector<std::string>{
                             "FLOWGREP_HELP: --help is an action, not a setting; ignored",
                             "FLOWGREP_OUTPTU: not a flowgrep setting; ignored (did you mean FLOWGREP_OUTPUT?)"});
}

TEST_CASE("hubble's own variables are not read", "[cli][settings]") {
    CHECK(raw_with({}, {{"HUBBLE_ALLOWLIST", "{\"verdict\":[\"DROPPED\"]}"}}) == "{}\n");
}

TEST_CASE("config view and get show the merged settings and where they come from", "[cli][settings][config]") {
    temp_dir dir;
    const std::string file = dir.file("config.yaml", "# mine\noutput: dict\nnamespace:\n  - a\n  - b\n");
    const config_choice choice{file, true, "--config"};
    std::vector<std::string> warnings;
    const std::string view = run_config_command({"view"}, choice, {{"FLOWGREP_TIME_FORMAT", "rfc3339"}}, fixed_now_ns,
                                                warnings);
    CHECK(view.starts_with("# flowgrep's settings: environment over config file over default; flags win over all.\n"
                           "# config file: " + file + "\n"));
    CHECK(view.find("\noutput: dict ") != std::string::npos);
    CHECK(view.find("# config file, line 2\n") != std::string::npos);
    CHECK(view.find("\ntime-format: rfc3339 ") != std::string::npos);
    CHECK(view.find("# FLOWGREP_TIME_FORMAT\n") != std::string::npos);
    CHECK(view.find("# config file, line 3\n  - a\n  - b\n") != std::string::npos);
    CHECK(view.find("\ncolor: auto ") != std::string::npos);
    CHECK(run_config_command({"get", "namespace"}, choice, {}, fixed_now_ns, warnings) == "a\nb\n");
    CHECK(run_config_command({"get", "color"}, choice, {}, fixed_now_ns, warnings) == "auto\n");
    CHECK(run_config_command({"get", "pod"}, choice, {}, fixed_now_ns, warnings) == "");
    CHECK(warnings.empty());
}

TEST_CASE("Hubble 1.19's flags as settings", "[cli][settings][v119]") {
    CHECK(raw_with({}, {{"FLOWGREP_UNENCRYPTED", "true"}}) == yaml({R"({"encrypted":[false]})"}));
    CHECK(raw_with({}, {{"FLOWGREP_IP_TRACE_ID", "4660,7"}}) == yaml({R"({"ip_trace_id":["4660","7"]})"}));
    CHECK(error_with({}, {{"FLOWGREP_IP_TRACE_ID", "0"}}) ==
          R"(FLOWGREP_IP_TRACE_ID: invalid argument "0" for "--ip-trace-id" flag: invalid --ip-trace-id value; must be greater than 0)");
    CHECK(error_with({"--encrypted"}, {{"FLOWGREP_UNENCRYPTED", "true"}}) ==
          R"(invalid argument "true" for "--encrypted" flag: filters --encrypted and --unencrypted cannot be combined)"
          " (settings took part: see flowgrep config view)");
    CHECK_FALSE(run({}, {{"FLOWGREP_USE_DEFAULT_FIELD_MASKS", "false"}}).opts.output.use_default_field_masks);
    CHECK(run({}, {{"FLOWGREP_PRINT_POLICY_NAMES", "true"}}).opts.output.print_policy_names);
    // The old name is not a setting any more: a warning, as for any unknown variable.
    CHECK(run({}, {{"FLOWGREP_EXPERIMENTAL_USE_DEFAULT_FIELD_MASKS", "true"}}).warnings.size() == 1);
}
