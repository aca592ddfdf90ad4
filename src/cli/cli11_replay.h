// The bridge to CLI11: every option of the table is registered with a CLI11 app, the scanned flags
// are handed to it in canonical --name=value form, and read back in command-line order from
// App::parse_order() and each option's results(), so that hubble's order-dependent rules can be
// replayed (CLI11 2.1 has no per-occurrence callback).
#pragma once

#include <string>
#include <vector>

#include "cli/pflag_scan.h"

namespace flowgrep {

struct recorded_args {
    std::vector<flag_use> flags;  // in command-line order
    std::vector<std::string> files;
};

// Throws std::runtime_error if CLI11 refuses the canonical form, which would be a flowgrep bug.
recorded_args record_with_cli11(const scanned_args& scanned);

}  // namespace flowgrep
