// Registers the option table with CLI11 and replays the scanned command line through it. pflag's
// syntax (values starting with '-', empty values, implicit values, bundled shorthands) has already
// been resolved by pflag_scan; CLI11 sees only `--name=<marker>value` and `-- <marker>file...`. The
// marker keeps CLI11 from reading an empty value as a missing one (and taking the next word), and
// from its own conventions for values like `[a,b]` (a list) or `{}` (an empty one).
#include "cli/cli11_replay.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include <CLI/CLI.hpp>

namespace flowgrep {

namespace {

constexpr char value_marker = '\x01';

}  // namespace

recorded_args record_with_cli11(const scanned_args& scanned) {
    CLI::App app{"flowgrep"};
    app.set_help_flag();  // -h/--help is a row of the table like any other
    app.allow_extras(false);

    std::map<const CLI::Option*, const option_spec*> spec_of;
    for (const auto& spec : option_table()) {
        CLI::Option* opt = app.add_option("--" + std::string(spec.name));
        opt->expected(1)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)->allow_extra_args(false);
        spec_of[opt] = &spec;
    }
    CLI::Option* files = app.add_option("files");
    files->expected(0, -1)->allow_extra_args(true)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);

    std::vector<std::string> tokens;
    for (const auto& use : scanned.flags)
        tokens.push_back("--" + std::string(use.spec->name) + "=" + value_marker + use.value);
    tokens.emplace_back("--");
    for (const auto& file : scanned.positionals) tokens.push_back(value_marker + file);
    std::reverse(tokens.begin(), tokens.end());  // CLI11 takes the vector form back to front

    try {
        app.parse(tokens);
    } catch (const CLI::ParseError& e) {
        throw std::runtime_error(std::string("internal error: CLI11 rejected the command line: ") + e.what());
    }

    auto unmarked = [](const std::string& raw) {
        return !raw.empty() && raw[0] == value_marker ? raw.substr(1) : raw;
    };
    recorded_args out;
    std::map<const CLI::Option*, size_t> taken;
    for (const CLI::Option* opt : app.parse_order()) {
        auto it = spec_of.find(opt);
        if (it == spec_of.end()) continue;  // the files, read below
        out.flags.push_back({it->second, unmarked(opt->results().at(taken[opt]++))});
    }
    for (const auto& file : files->results()) out.files.push_back(unmarked(file));
    return out;
}

}  // namespace flowgrep
