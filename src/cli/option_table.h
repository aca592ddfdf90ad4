// The option table: one record per flag, the single source of truth for how flowgrep's flags are
// spelled, parsed, grouped in --help, completed by the shells and described in the man page. The
// flags and their syntax are hubble observe's (v1.17), minus the server and --input-file flags.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace flowgrep {

// The groups of `hubble observe --help`, in the order help prints them.
enum class option_group : uint8_t { selectors, filters, raw_filters, formatting, other };

// How a flag takes its value (pflag's rules).
enum class value_kind : uint8_t {
    required,  // --name VALUE, --name=VALUE, -xVALUE, -x VALUE, -x=VALUE
    boolean,   // a switch: bare means true; --name=VALUE must be a Go boolean (true, false, 1, 0 ...)
    implicit,  // bare means implicit_value and never takes the next word; --name=VALUE is accepted
};

// What a shell should offer for the flag's value.
enum class completion_kind : uint8_t { none, file, choice, free };

// What the parser does with the flag. Every filter flag (and --not) goes to the filter builder
// under its long name, in command-line order.
enum class option_action : uint8_t {
    filter,
    first,
    last,
    all,
    follow,
    since,
    until,
    allowlist,
    denylist,
    exporter_config,
    exporter_name,
    output,
    time_format,
    color,
    numeric,
    ip_translation,
    print_node_name,
    print_policy_names,
    field_mask,
    use_default_field_masks,
    print_raw_filters,
    silent_errors,
    debug,
    port_forward,
    help,
    version,
    quiet,
    count,
    strict,
    line_buffered,
    config,
    aggregate_by,
    top,
};

// How a value that holds several values of a repeatable flag (an environment variable, or
// `config set KEY VALUE`) is cut into them. Flags whose own values can hold a comma (label
// selectors, regexes, JSON, SYN,ACK) are cut at newlines only.
enum class list_split : uint8_t { commas_and_newlines, newlines };

struct option_spec {
    option_action action;
    std::string_view name;        // the long name, without dashes
    char short_name;              // '\0' when there is none
    std::string_view alias;       // a second long name meaning the same, or empty
    std::string_view metavar;     // FILE, TYPE[:SUBTYPE], N ...; empty for switches
    option_group group;
    value_kind value;
    std::string_view implicit_value;  // what the bare flag means (boolean and implicit flags)
    bool repeats;                     // each use adds to the earlier ones rather than replacing them
    completion_kind completion;
    std::vector<std::string> choices;  // values to offer and to suggest from (not always all it accepts)
    std::string_view summary;          // one line, a verb phrase, no trailing period
    std::string_view description;      // a paragraph for the man page
    std::string_view default_value = {};  // what applies when nothing sets it (not for repeatable flags)
    bool setting = true;  // may also come from FLOWGREP_<NAME> and the config file (see settings.h)
    list_split split = list_split::commas_and_newlines;  // for repeatable flags
    // --help lists this many of the choices even when there are more (the rest only complete),
    // followed by "...".
    size_t help_choices = 0;
};

// The table, in help order: by group, then alphabetically, as hubble's help lists them.
const std::vector<option_spec>& option_table();

// Lookup by long name (or alias) without dashes, and by short name.
const option_spec* find_long_option(std::string_view name);

// Two --cel-expression examples: the flag's description quotes them and --help lists them.
extern const std::string_view cel_expression_examples[2];
const option_spec* find_short_option(char c);

// How hubble names the flag in `invalid argument ... for "<name>" flag`: "-t, --type" or "--verdict".
std::string flag_display_name(const option_spec& spec);

// "Selectors", "Filters", "Raw-Filters", "Formatting", "Other".
std::string_view group_title(option_group group);

}  // namespace flowgrep
