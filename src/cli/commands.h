// flowgrep's commands, `completion SHELL`, `event-types` and `config ACTION`. A command is recognised
// when the first positional word names one (and does not come after `--`); it takes no flags but
// -h/--help and --config.
#pragma once

#include <optional>

#include "cli/command_line.h"
#include "cli/pflag_scan.h"
#include "cli/settings.h"

namespace flowgrep {

// The command's output (exit_now, with print set), nullopt when the words name no command.
// Throws usage_error for a command used wrongly.
// `env` and `now_ns` are for config (the file to use, the settings, relative --since values).
std::optional<parsed_command_line> run_command(const scanned_args& scanned, const environment& env, int64_t now_ns);

}  // namespace flowgrep
