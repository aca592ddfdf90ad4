// The commands that flowgrep recognises as its first positional word, and the shells it writes
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

inline constexpr std::array<subcommand_spec, 3> subcommands = {{
    {"completion", "bash|zsh|fish", "SHELL", "print a completion script for bash, zsh or fish",
     "Print the completion script for the shell on standard output. `cmake --install` puts the three "
     "scripts where bash-completion, zsh and fish find them on their own; EXAMPLES shows how to load one "
     "by hand."},
    {"event-types", "", "", "list every event type and sub-type by number",
     "Print every event type and named or known sub-type, one per line: its number as it appears in a "
     "flow's event_type (TYPE or TYPE:SUBTYPE), then a name that -t/--type accepts, then, for drop "
     "reasons, the text the compact output prints in parentheses."},
    {"config", "view|get KEY|set KEY VALUE...|reset [KEY]", "ACTION", "show or change the settings in the config file",
     "Show the settings that apply when no flag is given, or change them in the config file (FILES). KEY is "
     "a long flag name. The file is the one a run would read: --config FILE and FLOWGREP_CONFIG choose it "
     "here too. ACTION is one of:"},
}};

// What `flowgrep config` does, by its second word.
struct config_action_spec {
    std::string_view name;
    std::string_view args;         // what follows the name, e.g. "KEY VALUE..."
    std::string_view summary;      // one line, a verb phrase, no trailing period
    std::string_view description;  // a paragraph for the man page
};

inline constexpr std::array<config_action_spec, 4> config_actions = {{
    {"view", "", "print every setting and where it comes from",
     "Print every setting as YAML that could be a config file: its value, and in a comment where it comes "
     "from (FLOWGREP_NAME, the config file's line, or default)."},
    {"get", "KEY", "print the value of one setting",
     "Print the value that applies for KEY when no flag is given, from the environment, the config file or "
     "the default; one line per value of a repeatable flag."},
    {"set", "KEY VALUE...", "write a setting to the config file",
     "Check VALUE as the flag --KEY would and write it to the config file, replacing the key's lines there or "
     "adding them at the end; the rest of the file, comments included, is kept. A repeatable flag takes "
     "several VALUEs, each cut into items as its environment variable is."},
    {"reset", "[KEY]", "remove a setting, or every setting, from the config file",
     "Remove KEY from the config file, so that its default applies again, or every key when there is no KEY. "
     "Comments are kept."},
}};

// In the order completion offers them.
inline constexpr std::array<std::string_view, 3> completion_shells = {"bash", "fish", "zsh"};

inline const subcommand_spec* find_subcommand(std::string_view name) {
    for (const auto& s : subcommands)
        if (s.name == name) return &s;
    return nullptr;
}

}  // namespace flowgrep
