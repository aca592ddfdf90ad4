// Reads a command line with spf13/pflag's syntax, driven by the option table: --name value,
// --name=value, -x value, -xvalue, -x=value, bundled switches (-46), implicit-value flags that never
// take the next word, `--` ending the flags, and values that start with a dash.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cli/option_table.h"

namespace flowgrep {

struct flag_use {
    const option_spec* spec;
    std::string value;  // as given, or the flag's implicit value
};

struct scanned_args {
    std::vector<flag_use> flags;          // in command-line order
    std::vector<std::string> positionals; // the input files
    size_t after_dashdash = SIZE_MAX;     // index of the first positional that came after `--`
    std::string error;                    // the syntax error that stopped the scan; empty if none
};

// Scans left to right and stops at the first syntax error, as pflag does; the flags before it are
// kept, since hubble acts on each flag as it meets it and an earlier flag's error wins.
scanned_args scan_args(const std::vector<std::string>& args);

}  // namespace flowgrep
