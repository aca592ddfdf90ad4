// Says what is wrong with a line that failed to parse, and where: simdjson only reports an error
// code, and "improper structure" does not help someone fixing a hand-edited dump. Runs only on lines
// already known to be bad, so it is written for clear messages rather than speed.
#pragma once

#include <string>
#include <string_view>

namespace flowgrep {

// The deepest nesting flowgrep accepts anywhere in a line (simdjson's default limit too).
inline constexpr size_t max_json_depth = 1024;

// Checks that `text` is exactly one JSON value (RFC 8259, UTF-8, at most max_json_depth deep)
// with only white space around it. Returns an empty string when it is, and otherwise a short
// description of the first problem with its 1-based column (byte offset + 1):
// "invalid JSON at column 12: expected ',' or '}'", "invalid UTF-8 at column 3",
// "truncated: the line ends inside an object", "more than one JSON value (another starts at column 9)".
std::string diagnose_json(std::string_view text);

// "an object", "an array", "a string", "a number", "a boolean", "null" or "nothing": what the first
// value of `text` looks like, for messages such as "a JSON array where an object belongs".
std::string_view json_value_kind(std::string_view text);

}  // namespace flowgrep
