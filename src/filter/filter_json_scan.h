// Reads a string the way Go's encoding/json Decoder reads a stream: one JSON value after another,
// failing with Go's syntax error texts. Hubble decodes --allowlist/--denylist strings with such a
// Decoder, so this decides where each FlowFilter object ends and what bad JSON is called.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace flowgrep {

// The next complete JSON value at or after `pos` (whitespace skipped), moving `pos` past it, or
// nullopt when only whitespace is left. A value ends where Go's Decoder ends it: `{}{}` is two
// values, and so is `01` (0 then 1). Throws filter_json_error, e.g.
// `invalid character 'o' in literal null (expecting 'u')` or `unexpected EOF`.
std::optional<std::string_view> next_json_value(std::string_view text, std::size_t& pos);

// Whether `s` is exactly one JSON number, nothing before or after it.
bool is_json_number(std::string_view s);

}  // namespace flowgrep
