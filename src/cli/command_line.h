// The command line's public entry point: flowgrep's arguments (without argv[0]) in, the options
// the rest of the program reads out, with hubble observe's checks applied in hubble's order.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "cli/option_table.h"
#include "cli/options.h"
#include "cli/settings.h"

namespace flowgrep {

// A bad command line. what() is the message without the `flowgrep: error: ` prefix.
class usage_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct parsed_command_line {
    options opts;
    bool exit_now = false;  // --help, --version, --print-raw-filters or a command: print `print`, exit 0
    std::string print;      // what to write on standard output when exit_now
    std::vector<std::string> warnings;  // for standard error, without the `flowgrep: warning: ` prefix
};

// Throws usage_error. Settings from FLOWGREP_* variables and the config file (settings.h) come
// first, as flags written before the command line's, and each is checked where it was written;
// neither is read for --help or --version. Then errors come in hubble's order: flag errors left to
// right (syntax, values, filter conflicts); then --help/--version; a trailing --not; -o and its combinations; selector
// conflicts; --since, --until; --allowlist, --denylist JSON; --field-mask paths; --exporter-config
// (read and checked; see option_table.cpp for how it combines); --print-raw-filters
// (exit_now, with opts.print_raw_filters set); -P; the --last limit.
// This one reads the process's environment.
parsed_command_line parse_command_line(const std::vector<std::string>& args);

// The same, with "now" (ns since the epoch) fixed for relative --since/--until, and the environment
// given (none by default, so that the tests do not depend on the caller's); for tests.
parsed_command_line parse_command_line(const std::vector<std::string>& args, int64_t now_ns,
                                       const environment& env = {});

// Throws usage_error with the message the flag gives when `value` follows it on its own
// (--name=value): for settings, which are checked where they are written.
void check_flag_value(const option_spec& spec, const std::string& value, int64_t now_ns);

// The warning for a value the flag accepts but most likely did not mean (option_spec's
// other_values_mean), or empty.
std::string unknown_value_warning(const flag_use& use);

}  // namespace flowgrep
