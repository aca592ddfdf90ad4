// flowgrep's commands, `completion SHELL` and `event-types`. A command is recognised when the first
// positional word names one (and does not come after `--`); it takes no flags but -h/--help.
#pragma once

#include <optional>

#include "cli/command_line.h"
#include "cli/pflag_scan.h"

namespace flowgrep {

// The command's output (exit_now, with print set), nullopt when the words name no command.
// Throws usage_error for a command used wrongly.
std::optional<parsed_command_line> run_command(const scanned_args& scanned);

}  // namespace flowgrep
