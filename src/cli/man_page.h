// The flowgrep(1) manual page in man(7) macros, generated from the option table, the subcommand
// list, the event type tables and the exit statuses. A pure function: no date, no paths, so the
// committed man/flowgrep.1 can be compared byte for byte.
#pragma once

#include <span>
#include <string>

#include "cli/option_table.h"

namespace flowgrep {

std::string man_page(std::span<const option_spec> table = option_table());

}  // namespace flowgrep
