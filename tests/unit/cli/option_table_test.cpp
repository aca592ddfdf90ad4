// The option table itself: complete, consistent, and every flag accepted in each of its spellings
// (--x v, --x=v, -xv, -x v) with the same result.
#include <catch2/catch_test_macros.hpp>

#include <map>
#include <set>

#include "cli/filter_builder.h"
#include "cli/help.h"
#include "cli/option_table.h"
#include "cli_test_support.h"
#include "filter/filter_json.h"

using namespace flowgrep;
using namespace flowgrep::test;

namespace {

// A value each value-taking flag accepts, and words that must come with it.
std::string sample_value(const option_spec& spec) {
    static const std::map<std::string_view, std::string> samples = {
        {"first", "0x10"},       {"last", "7"},
        {"since", "2024-01-02"}, {"until", "1h"},
        {"allowlist", R"({"verdict":["DROPPED"]})"}, {"denylist", R"({"protocol":["udp"]})"},
        {"output", "dict"},      {"time-format", "rfc3339"},
        {"color", "always"},     {"field-mask", "time,verdict"},
        {"type", "trace:to-stack"}, {"verdict", "DROPPED"},
        {"drop-reason-desc", "POLICY_DENIED"}, {"tcp-flags", "syn,ack"},
        {"http-header", "k:v"},  {"identity", "world"},
        {"from-identity", "0x10"}, {"to-identity", "010"},
        {"traffic-direction", "egress"}, {"workload", "Deployment/web"},
        {"from-workload", "web"}, {"to-workload", "Kind/"},
        {"ip-version", "v6"},    {"config", FLOWGREP_TEST_DATA "/settings-output-dict.yaml"},
        {"aggregate-by", "src-ns,verdict"}, {"top", "5"},
        {"exporter-config", FLOWGREP_TEST_DATA "/exporter/flowlogs.yaml"}, {"exporter-name", "dns"},
        {"ip-trace-id", "4660"},
        // Values that compile: a filter flag's value is compiled when it is read.
        {"port", "80"}, {"from-port", "8080"}, {"to-port", "443"}, {"protocol", "tcp"},
        {"ip", "10.0.0.1"}, {"from-ip", "10.0.0.0/8"}, {"to-ip", "fd00::1"}, {"snat-ip", "192.0.2.1"},
        {"http-status", "404"}, {"cel-expression", "_flow.verdict == Verdict.DROPPED"},
    };
    auto it = samples.find(spec.name);
    return it != samples.end() ? it->second : "value-of-" + std::string(spec.name);
}

std::vector<std::string> context_for(const option_spec& spec) {
    if (spec.name == "field-mask") return {"-o", "json"};
    if (spec.name == "top") return {"--aggregate-by", "verdict"};
    // Two flow logs: without a name they are an error.
    if (spec.name == "exporter-name") return {"--exporter-config", FLOWGREP_TEST_DATA "/exporter/two-flowlogs.yaml"};
    return {};
}

// Everything parse_command_line produced, as text, so that two spellings can be compared.
std::string outcome(std::vector<std::string> args) {
    try {
        parsed_command_line cl = parse_command_line(args, fixed_now_ns);
        const options& o = cl.opts;
        std::string out = "exit_now=" + std::to_string(cl.exit_now) + " print=" + cl.print;
        out += " filters=" + format_raw_filters(o.filter.lists);
        out += " first=" + std::to_string(o.run.first) + " last=" + std::to_string(o.run.last);
        out += " all=" + std::to_string(o.run.all) + " follow=" + std::to_string(o.input.follow);
        out += " since=" + (o.filter.since_ns ? std::to_string(*o.filter.since_ns) : "-");
        out += " until=" + (o.filter.until_ns ? std::to_string(*o.filter.until_ns) : "-");
        out += " output=" + std::to_string(static_cast<int>(o.output.format)) + " time=" + o.output.time_format;
        out += " color=" + std::to_string(static_cast<int>(o.output.color)) + " numeric=" + std::to_string(o.output.numeric);
        out += " ipt=" + std::to_string(o.output.ip_translation) + " node=" + std::to_string(o.output.print_node_name);
        out += " mask=" + std::to_string(o.output.field_mask.size()) + " dm=" + std::to_string(o.output.use_default_field_masks);
        out += " raw=" + std::to_string(o.print_raw_filters) + " silent=" + std::to_string(o.output.silent_errors);
        out += " quiet=" + std::to_string(o.run.quiet) + " count=" + std::to_string(o.run.count);
        out += " strict=" + std::to_string(o.run.strict) + " lb=" + std::to_string(o.run.line_buffered);
        out += " debug=" + std::to_string(o.output.debug) + " agg=" + std::to_string(o.output.aggregate.keys.size()) + " top=" + std::to_string(o.output.aggregate.top);
        out += " warnings=" + std::to_string(cl.warnings.size()) + " files=" + std::to_string(o.input.files.size());
        return out;
    } catch (const usage_error& e) {
        return std::string("error: ") + e.what();
    }
}

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& context) {
    args.insert(args.end(), context.begin(), context.end());
    return args;
}

}  // namespace

TEST_CASE("every flag in each of its spellings", "[cli][table][syntax]") {
    for (const auto& spec : option_table()) {
        const std::string name = "--" + std::string(spec.name);
        const std::vector<std::string> context = context_for(spec);
        INFO(name);
        if (spec.value == value_kind::required) {
            const std::string v = sample_value(spec);
            const std::string expected = outcome(with({name, v}, context));
            // The sample is a value the flag takes, and it changes what the command line means.
            CHECK(!expected.starts_with("error"));
            CHECK(expected != outcome(context));
            CHECK(outcome(with({name + "=" + v}, context)) == expected);
            if (!spec.alias.empty()) CHECK(outcome(with({"--" + std::string(spec.alias), v}, context)) == expected);
            if (spec.short_name != '\0') {
                const std::string x = std::string("-") + spec.short_name;
                CHECK(outcome(with({x + v}, context)) == expected);
                CHECK(outcome(with({x, v}, context)) == expected);
                CHECK(outcome(with({x + "=" + v}, context)) == expected);
            }
        } else {
            const std::string expected = outcome(with({name}, context));
            CHECK(outcome(with({name + "=" + std::string(spec.implicit_value)}, context)) == expected);
            if (spec.short_name != '\0') CHECK(outcome(with({std::string("-") + spec.short_name}, context)) == expected);
            // The bare flag never takes the next word.
            std::string with_file = outcome(with({name, "file.json"}, context));
            if (!with_file.starts_with("error") && !spec.exits_at_once && spec.name != "print-raw-filters")
                CHECK(with_file.ends_with("files=1"));
        }
    }
}

TEST_CASE("the table lists hubble observe's flags", "[cli][table]") {
    const std::set<std::string_view> expected = {
        // selectors
        "all", "first", "follow", "last", "since", "until",
        // filters
        "all-namespaces", "cel-expression", "cluster", "drop-reason-desc", "fqdn", "from-all-namespaces",
        "from-cluster", "from-fqdn", "from-identity", "from-ip", "from-label", "from-namespace", "from-pod",
        "from-port", "from-service", "from-workload", "http-header", "http-method", "http-path", "http-status",
        "http-url", "identity", "interface", "ip", "ip-version", "ipv4", "ipv6", "label", "namespace",
        "node-label", "node-name", "not", "pod", "port", "protocol", "service", "snat-ip", "tcp-flags",
        "to-all-namespaces", "to-cluster", "to-fqdn", "to-identity", "to-ip", "to-label", "to-namespace",
        "to-pod", "to-port", "to-service", "to-workload", "trace-id", "traffic-direction", "type", "uuid",
        "verdict", "workload",
        // raw filters, formatting, other
        "allowlist", "denylist", "color", "ip-translation", "numeric", "output", "print-node-name",
        "time-format", "debug", "use-default-field-masks", "field-mask", "help", "port-forward",
        "print-raw-filters", "silent-errors", "version", "config",
        // new in Hubble 1.18 and 1.19
        "print-policy-names", "encrypted", "unencrypted", "ip-trace-id",
        // flowgrep's own, for scripts and pipelines
        "count", "quiet", "strict", "line-buffered", "aggregate-by", "top",
        // and for Hubble exporter configs
        "exporter-config", "exporter-name"};
    std::set<std::string_view> names;
    for (const auto& spec : option_table()) names.insert(spec.name);
    CHECK(names == expected);
    // Hubble 1.19 dropped the experimental names.
    CHECK(find_long_option("experimental-field-mask") == nullptr);
    CHECK(find_long_option("experimental-use-default-field-masks") == nullptr);
    const std::map<char, std::string_view> shorts = {{'A', "all-namespaces"}, {'4', "ipv4"}, {'6', "ipv6"},
                                                     {'l', "label"},          {'n', "namespace"},
                                                     {'t', "type"},           {'f', "follow"},
                                                     {'o', "output"},         {'s', "silent-errors"},
                                                     {'D', "debug"},          {'h', "help"},
                                                     {'P', "port-forward"},   {'q', "quiet"},
                                                     {'c', "count"}};
    for (const auto& [c, name] : shorts) {
        INFO(c);
        REQUIRE(find_short_option(c));
        CHECK(find_short_option(c)->name == name);
    }
}

TEST_CASE("table records are consistent", "[cli][table]") {
    std::set<std::string_view> longs;
    std::set<char> shorts;
    for (const auto& spec : option_table()) {
        INFO(spec.name);
        CHECK(longs.insert(spec.name).second);
        if (!spec.alias.empty()) CHECK(longs.insert(spec.alias).second);
        if (spec.short_name != '\0') CHECK(shorts.insert(spec.short_name).second);
        CHECK(spec.apply != nullptr);
        CHECK((spec.filter != nullptr) == (is_filter_option(spec) && spec.name != "not"));
        CHECK(!spec.summary.empty());
        CHECK(spec.summary.size() <= 48);  // fits on the flag's line in --help, after column 32
        CHECK(spec.summary.back() != '.');
        CHECK(!spec.description.empty());
        CHECK(spec.description.back() == '.');
        CHECK(spec.metavar.empty() == (spec.value != value_kind::required));
        CHECK(spec.implicit_value.empty() == (spec.value == value_kind::required));
        CHECK((spec.completion == completion_kind::choice) == !spec.choices.empty());
        if (spec.value != value_kind::required) CHECK(spec.completion == completion_kind::none);
        for (const auto& choice : spec.choices) CHECK(choice.find(' ') == std::string::npos);
        if (is_filter_option(spec)) {
            CHECK(spec.group == option_group::filters);
            CHECK(spec.repeats);
            CHECK(is_filter_flag(spec.name));
        }
    }
    // The groups come in help order.
    for (size_t i = 1; i < option_table().size(); ++i)
        CHECK(option_table()[i - 1].group <= option_table()[i].group);
}

TEST_CASE("every filter flag is known to the filter builder", "[cli][table][filters]") {
    for (const auto& spec : option_table()) {
        if (!is_filter_option(spec)) continue;
        INFO(spec.name);
        filter_builder b;
        std::string value = spec.value == value_kind::required ? sample_value(spec) : std::string(spec.implicit_value);
        CHECK_NOTHROW(b.add(spec.name, value));
    }
}

TEST_CASE("help lists every flag within 80 columns", "[cli][help]") {
    const std::string help = help_text();
    for (const auto& spec : option_table()) {
        INFO(spec.name);
        CHECK(help.find("--" + std::string(spec.name)) != std::string::npos);
        CHECK(help.find(std::string(spec.summary.substr(0, 20))) != std::string::npos);
    }
    CHECK(help.find("--experimental") == std::string::npos);
    CHECK(help.find("  -t, --type TYPE[:SUBTYPE]") != std::string::npos);
    size_t start = 0;
    while (start < help.size()) {
        size_t end = help.find('\n', start);
        INFO(help.substr(start, end - start));
        CHECK(end - start <= 80);
        start = end + 1;
    }
    for (std::string_view title : {"Selectors:", "Filters:", "Raw-Filters:", "Formatting:", "Other:"})
        CHECK(help.find(title) != std::string::npos);
    CHECK(help == help_text());  // deterministic
}
