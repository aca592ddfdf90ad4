// The two commands that flowgrep recognises as its first positional word, and the shells it writes
// completion scripts for. Like the option table, this is read by the parser, --help, the man page
// and the completion generators, so a command is named in one place.
#pragma once

#include <array>
#include <string_view>

namespace flowgrep {

struct subcommand_spec {
    std::string_view name;
    std::string_view args;         // what follows the name in a synopsis, e.g. "bash|zsh|fish"
    std::string_view metavar;      // the same in --help's column, e.g. "SHELL"
    std::string_view summary;      // one line, a verb phrase, no trailing period
    std::string_view description;  // a paragraph for the man page
};

inline constexpr std::array<subcommand_spec, 2> subcommands = {{
    {"completion", "bash|zsh|fish", "SHELL", "print a completion script for bash, zsh or fish",
     "Print the completion script for the shell on standard output. `cmake --install` puts the three "
     "scripts where bash-completion, zsh and fish find them on their own; EXAMPLES shows how to load one "
     "by hand."},
    {"event-types", "", "", "list every event type and sub-type by number",
     "Print every event type and named or known sub-type, one per line: its number as it appears in a "
     "flow's event_type (TYPE or TYPE:SUBTYPE), then a name that -t/--type accepts, then, for drop "
     "reasons, the text the compact output prints in parentheses."},
}};

// In the order completion offers them.
inline constexpr std::array<std::string_view, 3> completion_shells = {"bash", "fish", "zsh"};

inline const subcommand_spec* find_subcommand(std::string_view name) {
    for (const auto& s : subcommands)
        if (s.name == name) return &s;
    return nullptr;
}

}  // namespace flowgrep
