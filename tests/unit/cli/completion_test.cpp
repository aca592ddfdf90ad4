// The option table walked as the completion scripts and the man page see it: names defined once,
// summaries that fit, choices that the parser accepts; and the generated scripts carry every name
// and every choice in the branch of its own flag.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <set>

#include "cli/completion_script.h"
#include "cli/man_page.h"
#include "cli/option_table.h"
#include "cli/subcommands.h"
#include "cli_test_support.h"
#include "filter/matcher.h"

using namespace flowgrep;
using namespace flowgrep::test;

namespace {

std::string long_of(const option_spec& spec) { return "--" + std::string(spec.name); }

// The line of `script` that starts with `prefix`, or "" when there is none.
std::string line_starting(const std::string& script, const std::string& prefix) {
    size_t at = script.starts_with(prefix) ? 0 : script.find("\n" + prefix);
    if (at == std::string::npos) return {};
    if (at != 0) ++at;
    return script.substr(at, script.find('\n', at) - at);
}

// The words between the first `open` and the next `close`.
std::set<std::string> words_between(const std::string& text, const std::string& open, char close) {
    std::set<std::string> out;
    size_t start = text.find(open);
    if (start == std::string::npos) return out;
    start += open.size();
    const std::string inside = text.substr(start, text.find(close, start) - start);
    size_t i = 0;
    while (i < inside.size()) {
        size_t end = inside.find(' ', i);
        if (end == std::string::npos) end = inside.size();
        if (end > i) out.insert(inside.substr(i, end - i));
        i = end + 1;
    }
    return out;
}

std::set<std::string> as_set(const std::vector<std::string>& v) { return {v.begin(), v.end()}; }

std::string unescape_zsh(std::string s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) ++i;
        out += s[i];
    }
    return out;
}

}  // namespace

TEST_CASE("no flag name is defined twice", "[cli][table][completion]") {
    std::set<std::string> names;
    for (const auto& spec : option_table()) {
        INFO(spec.name);
        CHECK(names.insert(long_of(spec)).second);
        if (!spec.alias.empty()) CHECK(names.insert("--" + std::string(spec.alias)).second);
        if (spec.short_name != '\0') {
            CHECK(names.insert(std::string("-") + spec.short_name).second);
            // The scripts put short names in bracket expressions and case patterns.
            CHECK(((spec.short_name >= 'a' && spec.short_name <= 'z') || (spec.short_name >= 'A' && spec.short_name <= 'Z') ||
                   (spec.short_name >= '0' && spec.short_name <= '9')));
        }
    }
    for (const auto& cmd : subcommands) CHECK(names.count(std::string(cmd.name)) == 0);
}

TEST_CASE("summaries fit 80 columns, without a trailing period", "[cli][table][completion]") {
    for (const auto& spec : option_table()) {
        INFO(spec.name);
        REQUIRE(!spec.summary.empty());
        CHECK(spec.summary.size() <= 80);
        CHECK(spec.summary.back() != '.');
        CHECK(spec.summary.find_first_of("\n\t\\") == std::string_view::npos);
        // `--help` prints the summary after column 32: the row must still fit.
        CHECK(32 + spec.summary.size() <= 80);
    }
    for (const auto& cmd : subcommands) {
        INFO(cmd.name);
        CHECK(cmd.summary.size() <= 48);
        CHECK(cmd.summary.back() != '.');
    }
}

TEST_CASE("every choice is a value its flag accepts", "[cli][table][completion]") {
    for (const auto& spec : option_table()) {
        if (spec.choices.empty()) continue;
        INFO(spec.name);
        CHECK(spec.completion == completion_kind::choice);
        CHECK(spec.value == value_kind::required);
        CHECK(as_set(spec.choices).size() == spec.choices.size());
        for (const auto& choice : spec.choices) {
            INFO(choice);
            // Safe in every script without quoting: compgen -W, zsh's (...) and fish's -a.
            CHECK(!choice.empty());
            CHECK(choice.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:+._-") ==
                  std::string::npos);
            std::vector<std::string> args = {long_of(spec), choice};
            CHECK(error_of(args) == "<no error>");
            if (is_filter_option(spec)) {
                // ... and that the filter it builds compiles (http-status codes, for one, are checked then).
                options o = parse_ok(args);
                CHECK_NOTHROW(flow_matcher(o.filter.lists));
            }
        }
    }
}

TEST_CASE("the value flags named in the issue complete to their values", "[cli][table][completion]") {
    for (std::string_view name : {"type", "verdict", "drop-reason-desc", "traffic-direction", "protocol", "ip-version",
                                  "tcp-flags", "http-method", "http-status", "output", "color", "time-format",
                                  "identity", "from-identity", "to-identity"}) {
        INFO(name);
        REQUIRE(find_long_option(name));
        CHECK(find_long_option(name)->completion == completion_kind::choice);
    }
    const auto& type = find_long_option("type")->choices;
    CHECK(std::find(type.begin(), type.end(), "trace:to-stack") != type.end());
    CHECK(std::find(type.begin(), type.end(), "agent:policy-updated") != type.end());
    const auto& status = find_long_option("http-status")->choices;
    for (const char* s : {"200", "404", "503", "2+", "3+", "4+", "5+"})
        CHECK(std::find(status.begin(), status.end(), s) != status.end());
    CHECK(as_set(find_long_option("identity")->choices).count("world") == 1);
    CHECK(find_long_option("pod")->completion == completion_kind::free);
}

TEST_CASE("bash script: every name, and each flag's choices in its own branch", "[cli][completion][bash]") {
    const std::string script = bash_completion();
    const std::set<std::string> options = words_between(line_starting(script, "            local options="), "'", '\'');
    for (const auto& spec : option_table()) {
        INFO(spec.name);
        CHECK(options.count(long_of(spec)) == 1);
        if (!spec.alias.empty()) CHECK(options.count("--" + std::string(spec.alias)) == 1);
        if (spec.short_name != '\0') CHECK(options.count(std::string("-") + spec.short_name) == 1);
        if (spec.completion != completion_kind::choice) continue;
        std::string pattern = "    " + long_of(spec);
        if (spec.short_name != '\0') pattern += std::string("|-") + spec.short_name;
        const std::string branch = line_starting(script, pattern + ") values=");
        REQUIRE(!branch.empty());
        CHECK(words_between(branch, "values='", '\'') == as_set(spec.choices));
    }
    CHECK(words_between(line_starting(script, "    command) values="), "'", '\'') ==
          std::set<std::string>{"completion", "event-types", "config"});
    CHECK(words_between(line_starting(script, "    config) values="), "'", '\'') ==
          std::set<std::string>{"view", "get", "set", "reset"});
    const std::set<std::string> keys = words_between(line_starting(script, "    key) values="), "'", '\'');
    for (const auto& spec : option_table()) CHECK(keys.count(std::string(spec.name)) == (spec.setting ? 1 : 0));
    CHECK(words_between(line_starting(script, "    shell) values="), "'", '\'') ==
          std::set<std::string>{"bash", "fish", "zsh"});
    CHECK(script.ends_with("complete -F _flowgrep flowgrep\n"));
}

TEST_CASE("zsh script: every name, repeatable flags marked, choices in their spec", "[cli][completion][zsh]") {
    const std::string script = zsh_completion();
    CHECK(script.starts_with("#compdef flowgrep\n"));
    for (const auto& spec : option_table()) {
        INFO(spec.name);
        const bool value = spec.value == value_kind::required;
        std::string names = long_of(spec) + (value ? "=" : "");
        if (spec.short_name != '\0' || !spec.alias.empty()) {
            names = "{";
            if (spec.short_name != '\0') names += std::string("-") + spec.short_name + (value ? "+," : ",");
            names += long_of(spec) + (value ? "=" : "");
            if (!spec.alias.empty()) names += ",--" + std::string(spec.alias) + (value ? "=" : "");
            names += "}";
        }
        size_t at = script.find(names + "'[");
        REQUIRE(at != std::string::npos);
        const size_t start = script.rfind('\n', at) + 1;
        const std::string line = script.substr(start, script.find('\n', at) - start);
        // Flags that cannot repeat are not offered twice: no leading '*'.
        CHECK(line.starts_with("    '*'") == spec.repeats);
        CHECK(line.find("[" + std::string(spec.summary) + "]") != std::string::npos);
        if (spec.completion == completion_kind::choice) {
            std::set<std::string> offered;
            const bool list = spec.metavar.find("[,") != std::string_view::npos;
            const std::string open = list ? ":_values -s , " : ":(";
            const size_t at_open = line.rfind(open);
            REQUIRE(at_open != std::string::npos);
            for (const auto& w : words_between(line.substr(at_open), open, list ? '\'' : ')'))
                offered.insert(unescape_zsh(w));
            if (list) offered.erase(std::string(spec.metavar.substr(0, spec.metavar.find('['))));  // the description
            CHECK(offered == as_set(spec.choices));
        }
    }
}

TEST_CASE("fish script: every name with its summary, choices on the flag's line", "[cli][completion][fish]") {
    const std::string script = fish_completion();
    for (const auto& spec : option_table()) {
        INFO(spec.name);
        std::string prefix = "complete -c flowgrep";
        if (spec.short_name != '\0') prefix += std::string(" -s ") + spec.short_name;
        prefix += " -l " + std::string(spec.name);
        if (!spec.alias.empty()) prefix += " -l " + std::string(spec.alias);
        prefix += " -d '" + std::string(spec.summary) + "'";
        const std::string line = line_starting(script, prefix);
        REQUIRE(!line.empty());
        if (spec.value != value_kind::required)
            CHECK(line == prefix);
        else if (spec.completion == completion_kind::choice && spec.metavar.find("[,") != std::string_view::npos)
            CHECK(words_between(line, " -x -a '(__flowgrep_list ", ')') == as_set(spec.choices));
        else if (spec.completion == completion_kind::choice)
            CHECK(words_between(line, " -x -a '", '\'') == as_set(spec.choices));
        else if (spec.completion == completion_kind::file)
            CHECK(line == prefix + " -r -F");
        else
            CHECK(line == prefix + " -x");
    }
    CHECK(script.starts_with("# fish completion for flowgrep"));
    CHECK(script.find("complete -c flowgrep -e\n") != std::string::npos);
}

TEST_CASE("a FILE flag completes to files in every shell", "[cli][completion]") {
    std::vector<option_spec> table;
    table.push_back({.name = "from-file", .short_name = 'F', .metavar = "FILE", .completion = completion_kind::file,
                     .summary = "read more flows from FILE", .description = "Reads FILE."});
    table.push_back({.name = "quiet", .short_name = 'q', .value = value_kind::boolean, .implicit_value = "true",
                     .summary = "say nothing", .description = "Says nothing."});
    const std::string bash = bash_completion(table);
    CHECK(bash.find("    --from-file|-F) __flowgrep_files \"$2\" \"$3\"; return ;;\n") != std::string::npos);
    CHECK(bash.find("[[ $w =~ ^-[^F]*[F]$ ]]") != std::string::npos);
    CHECK(zsh_completion(table).find("'(-F --from-file)'{-F+,--from-file=}'[read more flows from FILE]:FILE:_files'") !=
          std::string::npos);
    CHECK(zsh_completion(table).find("'(-q --quiet)'{-q,--quiet}'[say nothing]'") != std::string::npos);
    CHECK(fish_completion(table).find("complete -c flowgrep -s F -l from-file -d 'read more flows from FILE' -r -F\n") !=
          std::string::npos);
}

TEST_CASE("quotes in summaries are escaped for each shell", "[cli][completion]") {
    std::vector<option_spec> table;
    table.push_back({.name = "loud", .value = value_kind::boolean, .implicit_value = "true",
                     .summary = "print flowgrep's [debug] notes", .description = "Prints notes."});
    CHECK(zsh_completion(table).find("    --loud'[print flowgrep'\\''s \\[debug\\] notes]'\n") != std::string::npos);
    CHECK(fish_completion(table).find("-l loud -d 'print flowgrep\\'s [debug] notes'\n") != std::string::npos);
}

TEST_CASE("generated text is deterministic and names no path", "[cli][completion][man]") {
    for (const std::string& text : {bash_completion(), zsh_completion(), fish_completion(), man_page()}) {
        CHECK(text.find("/work") == std::string::npos);
        CHECK(text.find("/home") == std::string::npos);
        CHECK(text.ends_with("\n"));
    }
    CHECK(bash_completion() == bash_completion());
    CHECK(zsh_completion() == zsh_completion());
    CHECK(fish_completion() == fish_completion());
    CHECK(man_page() == man_page());
    CHECK(completion_script("bash") == bash_completion());
    CHECK(completion_script("zsh") == zsh_completion());
    CHECK(completion_script("fish") == fish_completion());
    CHECK(!completion_script("tcsh"));
}
