// The --help text, generated from the option table: usage, then one section per group with one
// line per flag (its summary), wrapped to 80 columns. Deterministic, so tests can pin it.
#pragma once

#include <string>

namespace flowgrep {

std::string help_text();

// "flowgrep 0.1.0\n"
std::string version_text();

}  // namespace flowgrep
