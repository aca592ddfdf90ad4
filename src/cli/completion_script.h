// The bash, zsh and fish completion scripts, generated from the option table and the subcommand
// list. Pure functions of the table: the same table gives the same bytes, which are committed under
// completions/ and printed by `flowgrep completion SHELL`.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "cli/option_table.h"

namespace flowgrep {

std::string bash_completion(std::span<const option_spec> table = option_table());
std::string zsh_completion(std::span<const option_spec> table = option_table());
std::string fish_completion(std::span<const option_spec> table = option_table());

// The script for "bash", "zsh" or "fish"; nullopt for any other name.
std::optional<std::string> completion_script(std::string_view shell);

}  // namespace flowgrep
