// The two commands: `completion SHELL` and `event-types`, recognised only as the first positional
// word; and the event type listing, whose every name -t/--type must accept.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>

#include "cli/completion_script.h"
#include "cli/event_types_table.h"
#include "cli/help.h"
#include "cli/option_table.h"
#include "cli_test_support.h"
#include "flow/enums.h"

using namespace flowgrep;
using namespace flowgrep::test;

namespace {

// What the command line prints and exits with, or "<runs>" when it would read flows.
std::string printed(const std::vector<std::string>& args) {
    parsed_command_line cl = parse_command_line(args, fixed_now_ns);
    return cl.exit_now ? cl.print : "<runs>";
}

filter_event_type type_filter(const std::string& value) {
    options o = parse_ok({"--type", value});
    REQUIRE(o.filter.lists.allow.size() == 1);
    REQUIRE(o.filter.lists.allow[0].event_type.size() == 1);
    return o.filter.lists.allow[0].event_type[0];
}

}  // namespace

TEST_CASE("completion prints the script for each shell", "[cli][commands]") {
    CHECK(printed({"completion", "bash"}) == bash_completion());
    CHECK(printed({"completion", "zsh"}) == zsh_completion());
    CHECK(printed({"completion", "fish"}) == fish_completion());
    CHECK(printed({"completion", "--", "fish"}) == fish_completion());
}

TEST_CASE("completion used wrongly", "[cli][commands]") {
    CHECK(error_of({"completion"}) == "completion needs a shell: bash, fish or zsh");
    CHECK(error_of({"completion", "zhs"}) ==
          "completion: unknown shell \"zhs\"; choose bash, fish or zsh (did you mean zsh?)");
    CHECK(error_of({"completion", "bash", "zsh"}) == "completion takes one shell, got 2 words");
    CHECK(error_of({"completion", "bash", "--verdict", "DROPPED"}) ==
          "flag --verdict cannot be used with the completion command");
    CHECK(error_of({"-o", "json", "completion", "bash"}) == "flag --output cannot be used with the completion command");
    CHECK(error_of({"completion", "--bogus"}).starts_with("unknown flag: --bogus"));
}

TEST_CASE("a command's help", "[cli][commands]") {
    const std::string help = printed({"completion", "--help"});
    CHECK(help.starts_with("Usage: flowgrep completion bash|zsh|fish\n\nPrint a completion script"));
    CHECK(help.find("source <(flowgrep completion bash)") != std::string::npos);
    CHECK(printed({"event-types", "-h"}) ==
          "Usage: flowgrep event-types\n\nList every event type and sub-type by number.\n");
}

TEST_CASE("a command only as the first positional word, before --", "[cli][commands]") {
    CHECK(parse_ok({"--", "completion"}).input.files == std::vector<std::string>{"completion"});
    CHECK(parse_ok({"./completion"}).input.files == std::vector<std::string>{"./completion"});
    CHECK(parse_ok({"a.json", "completion", "bash"}).input.files ==
          std::vector<std::string>{"a.json", "completion", "bash"});
    CHECK(parse_ok({"a.json", "event-types"}).input.files == std::vector<std::string>{"a.json", "event-types"});
    // A flag's value is not a positional word.
    CHECK(parse_ok({"--pod", "completion", "x.json"}).input.files == std::vector<std::string>{"x.json"});
    CHECK(printed({"event-types"}) == event_types_text());
    CHECK(error_of({"event-types", "x"}) == "event-types takes no arguments, got \"x\"");
}

TEST_CASE("help lists the commands", "[cli][commands][help]") {
    const std::string help = help_text();
    CHECK(help.starts_with("Usage: flowgrep [FLAGS] [FILE...]\n"
                           "       flowgrep completion bash|zsh|fish\n"
                           "       flowgrep event-types\n"
                           "       flowgrep config view|get KEY|set KEY VALUE...|reset [KEY]\n\n"));
    CHECK(help.find("\n  completion SHELL              print a completion script for bash, zsh or fish\n") !=
          std::string::npos);
    CHECK(help.find("\n  event-types                   list every event type and sub-type by number\n") !=
          std::string::npos);
    CHECK(help.find("\n  config ACTION                 show or change the settings in the config file\n") !=
          std::string::npos);
}

TEST_CASE("event-types lists numbers and names in the issue's style", "[cli][commands][event-types]") {
    const std::string text = event_types_text();
    CHECK(text.starts_with("1       drop\n1:0     drop:0 (Success)\n"));
    CHECK(text.find("\n4       trace\n") != std::string::npos);
    CHECK(text.find("\n4:3     trace:to-stack\n") != std::string::npos);
    CHECK(text.find("\n4:11    trace:to-network\n4:12    trace:from-crypto\n4:13    trace:to-crypto\n") !=
          std::string::npos);
    CHECK(text.find("recorder") == std::string::npos);  // Hubble 1.19 has no name for type 6
    CHECK(text.find("\n1:133   drop:133 (Policy denied)\n") != std::string::npos);
    CHECK(text.find("\n130:5   agent:policy-updated\n") != std::string::npos);
    CHECK(text.ends_with("\n130:10  agent:ipcache-deleted\n"));  // service-upserted and -deleted are gone
}

TEST_CASE("every name and number event-types lists is a --type value, and they mean the same", "[cli][commands][event-types]") {
    const auto rows = event_type_rows();
    REQUIRE(rows.size() > 20);
    for (const auto& row : rows) {
        INFO(row.number << " " << row.name);
        const filter_event_type by_name = type_filter(row.name);
        const filter_event_type by_number = type_filter(row.number);
        CHECK(by_name == by_number);
        const size_t colon = row.number.find(':');
        CHECK(by_number.type == std::stoi(row.number.substr(0, colon)));
        CHECK(by_number.match_sub_type == (colon != std::string::npos));
        if (colon != std::string::npos) CHECK(by_number.sub_type == std::stoi(row.number.substr(colon + 1)));
    }
}

TEST_CASE("event-types and --type completion come from the same tables", "[cli][commands][event-types]") {
    // Every named type and sub-type is offered by the completions, and every offered one is listed.
    const auto rows = event_type_rows();
    std::vector<std::string> named;
    for (const auto& row : rows)
        if (row.note.empty()) named.push_back(row.name);
    std::vector<std::string> choices = find_long_option("type")->choices;
    std::sort(named.begin(), named.end());
    std::sort(choices.begin(), choices.end());
    CHECK(named == choices);
    // Every drop reason text the compact printer knows is listed.
    size_t drops = 0;
    for (uint32_t code = 0; code < 256; ++code) drops += drop_reason_text(code).empty() ? 0 : 1;
    CHECK(std::count_if(rows.begin(), rows.end(), [](const auto& row) { return !row.note.empty(); }) ==
          static_cast<std::ptrdiff_t>(drops));
}
