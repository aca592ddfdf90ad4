// The first record of Go's encoding/csv, which is how pflag splits a string-slice flag's value
// ("a,b" -> a, b; quotes protect commas). Only the command line needs it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace flowgrep::go {

// An empty value is no field at all. Throws std::invalid_argument with Go's message, e.g.
// `parse error on line 1, column 2: bare " in non-quoted-field`.
std::vector<std::string> read_csv_record(std::string_view s);

}  // namespace flowgrep::go
