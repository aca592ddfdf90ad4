// `flowgrep config view|get KEY|set KEY VALUE...|reset [KEY]`: the settings that apply when no flag
// is given, and changes to the config file, checked as the flags check their values.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cli/settings.h"

namespace flowgrep {

// `args` are the words after `config`. Returns what to print on standard output; adds warnings
// (without the `flowgrep: warning: ` prefix). Throws usage_error.
std::string run_config_command(const std::vector<std::string>& args, const config_choice& file,
                               const environment& env, int64_t now_ns, std::vector<std::string>& warnings);

}  // namespace flowgrep
