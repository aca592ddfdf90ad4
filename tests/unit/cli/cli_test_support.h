// Helpers shared by the command-line tests: run parse_command_line on a list of words and get the
// options, the --print-raw-filters text or the error message back.
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

#include "cli/command_line.h"

namespace flowgrep::test {

// A fixed "now" for relative --since/--until: 2024-05-01T12:00:00Z.
inline constexpr int64_t fixed_now_ns = 1714564800LL * 1'000'000'000;

inline options parse_ok(const std::vector<std::string>& args) {
    return parse_command_line(args, fixed_now_ns).opts;
}

// The warnings an accepted command line gives.
inline std::vector<std::string> warnings_of(const std::vector<std::string>& args) {
    return parse_command_line(args, fixed_now_ns).warnings;
}

// The usage_error message, or "<no error>" when the command line is accepted.
inline std::string error_of(const std::vector<std::string>& args) {
    try {
        parse_command_line(args, fixed_now_ns);
    } catch (const usage_error& e) {
        return e.what();
    }
    return "<no error>";
}

// The --print-raw-filters output for the flags.
inline std::string raw_filters(std::vector<std::string> args) {
    args.insert(args.begin(), "--print-raw-filters");
    parsed_command_line cl = parse_command_line(args, fixed_now_ns);
    return cl.exit_now ? cl.print : "<not printed>";
}

// Hubble's YAML for the two lists of JSON filters.
inline std::string yaml(const std::vector<std::string>& allow, const std::vector<std::string>& deny = {}) {
    if (allow.empty() && deny.empty()) return "{}\n";
    std::string out;
    auto list = [&](const char* name, const std::vector<std::string>& items) {
        if (items.empty()) return;
        out += name;
        out += ":\n";
        for (const auto& item : items) out += "    - '" + item + "'\n";
    };
    list("allowlist", allow);
    list("denylist", deny);
    return out;
}

}  // namespace flowgrep::test
