// Go's way of reading and writing text, where Hubble's behaviour depends on it: strconv's number
// parsing and quoting (error messages embed %q), UTF-8 decoding as Go's range loop does it, and
// unicode.IsSpace. Used at filter compile time; nothing here is on the per-flow path except
// parse_int64 (label selectors with > and <).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace flowgrep::go_text {

// One rune decoded from s at pos; an invalid or truncated sequence is U+FFFD of width 1.
struct decoded_rune {
    char32_t rune;
    std::size_t width;
};
decoded_rune decode_rune(std::string_view s, std::size_t pos);
void append_rune(std::string& out, char32_t r);

// strconv.Quote and strconv.QuoteRune (what fmt's %q prints for a string and for a rune).
std::string quote(std::string_view s);
std::string quote_rune(char32_t r);

// unicode.IsSpace and strings.TrimSpace.
bool is_space(char32_t r);
std::string_view trim_space(std::string_view s);

// strings.ToLower for the runes that matter to filters: ASCII, Latin-1, and the two non-ASCII
// letters whose lower case is ASCII (KELVIN SIGN -> k, CAPITAL I WITH DOT ABOVE -> i).
char32_t to_lower(char32_t r);
std::string to_lower(std::string_view s);

// strconv.ParseUint(s, 10, bits). On failure returns nullopt and, if error is set, Go's message
// (`strconv.ParseUint: parsing "x": invalid syntax`).
std::optional<std::uint64_t> parse_uint(std::string_view s, int bits, std::string* error = nullptr);
// strconv.ParseInt(s, 10, 64).
std::optional<std::int64_t> parse_int64(std::string_view s);

}  // namespace flowgrep::go_text
