// The option table: one record per flag, the single source of truth for how flowgrep's flags are
// spelled, parsed, grouped in --help, completed by the shells and described in the man page. The
// flags and their syntax are hubble observe's (v1.19.4), minus the server and --input-file flags.
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

// How a value that holds several values of a repeatable flag (an environment variable, or
// `config set KEY VALUE`) is cut into them. Flags whose own values can hold a comma (label
// selectors, regexes, JSON, SYN,ACK) are cut at newlines only.
enum class list_split : uint8_t { commas_and_newlines, newlines };

struct flag_use;    // one use of a flag on the command line or from a setting (pflag_scan.h)
struct flag_state;  // what applying the flags writes to (flag_state.h)
struct filter_sides;  // a filter tracker's two filters (filter_builder.h)

// What a flag does with one use of it, at that point of the command line: write its value into
// the state, or throw usage_error with pflag's message for a value the flag cannot take.
using flag_apply = void (*)(const flag_use& use, flag_state& state);
// What is checked about a value only once the command line is complete (a time, JSON, the --last
// limit); the pipeline in command_line.cpp runs it there, check_flag_value right away. `now_ns`
// anchors relative times.
using flag_check = void (*)(const flag_use& use, int64_t now_ns);
// A filter flag's value in its tracker, once the builder has checked the conflicts.
using filter_update = void (*)(filter_sides& sides, std::string_view value);

// Every member has a default, so a record names only what differs: a flag is written with
// designated initializers, in this order.
struct option_spec {
    std::string_view name = {};     // the long name, without dashes
    char short_name = '\0';         // '\0' when there is none
    std::string_view alias = {};    // a second long name meaning the same, or empty
    std::string_view metavar = {};  // FILE, TYPE[:SUBTYPE], N ...; empty for switches
    option_group group = option_group::other;
    value_kind value = value_kind::required;
    std::string_view implicit_value = {};  // what the bare flag means (boolean and implicit flags)
    bool repeats = false;  // each use adds to the earlier ones rather than replacing them
    completion_kind completion = completion_kind::none;
    std::vector<std::string> choices = {};  // to offer and to suggest from (not always all it accepts)
    // --help lists this many of the choices even when there are more (the rest only complete),
    // followed by "...".
    size_t help_choices = 0;
    // Non-empty: a value that is none of the choices (in any letter case) is still accepted, as hubble
    // accepts it, and means this; flowgrep warns, with a suggestion, since it is most likely a typo.
    std::string_view other_values_mean = {};
    // Filter flags whose value only compiling the filter can refuse: what the value must be, for
    // the message (which then leaves out Hubble's, that quotes Go's parsers).
    std::string_view takes = {};
    list_split split = list_split::commas_and_newlines;  // for repeatable flags
    std::string_view default_value = {};  // what applies when nothing sets it (not for repeatable flags)
    bool setting = true;  // may also come from FLOWGREP_<NAME> and the config file (see settings.h)
    // --help and --version: answered before the settings are read, whatever else the line says.
    bool exits_at_once = false;
    std::string_view summary = {};      // one line, a verb phrase, no trailing period
    std::string_view description = {};  // a paragraph for the man page
    flag_apply apply = nullptr;
    flag_check check = nullptr;  // none: applying the value is all the checking it needs
    filter_update filter = nullptr;  // filter flags but --not: what the value adds to the filters
};

// The table, in help order: by group, then alphabetically, as hubble's help lists them.
const std::vector<option_spec>& option_table();

// Whether the flag is one of the filter flags (or --not) that go to the filter builder.
inline bool is_filter_option(const option_spec& spec) { return spec.group == option_group::filters; }

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
