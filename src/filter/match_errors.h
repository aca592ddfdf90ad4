// What went wrong while matching one flow (a CEL program's runtime error, in Hubble's words).
// Matching never prints: the caller reports these with the line they belong to, in input order.
#pragma once

#include <string>
#include <vector>

namespace flowgrep {

using match_errors = std::vector<std::string>;

}  // namespace flowgrep
