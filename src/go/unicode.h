// Text as Go sees it, where Hubble's behaviour depends on it: UTF-8 decoded the way a Go range
// loop decodes it (bad bytes are U+FFFD, one byte wide), unicode.IsPrint (what %q leaves alone),
// unicode.IsSpace, and strings.TrimSpace and strings.ToLower built on them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace flowgrep::go {

// utf8.RuneError, which stands in for every byte that does not start a valid sequence.
inline constexpr char32_t rune_error = 0xFFFD;

struct decoded_rune {
    char32_t rune;
    std::size_t width;  // bytes read: 1 for an invalid byte, 0 only at the end of the text

    // A real U+FFFD in the text is three bytes wide, so width 1 tells a bad byte apart.
    bool invalid() const { return rune == rune_error && width <= 1; }
};

// utf8.DecodeRuneInString(s[pos:]): overlong forms, surrogates, values past U+10FFFF and truncated
// sequences are all {U+FFFD, 1}; pos at the end is {U+FFFD, 0}.
decoded_rune decode_rune(std::string_view s, std::size_t pos = 0);

// utf8.AppendRune: a surrogate or a value past U+10FFFF is written as U+FFFD.
void append_rune(std::string& out, char32_t r);

// unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. This knows
// every control, format character, separator, surrogate, private-use rune and non-character of
// Unicode 15 (Go's version); it does not know unassigned code points, which Go also escapes.
bool is_printable(char32_t r);

// unicode.IsSpace and strings.TrimSpace.
bool is_space(char32_t r);
std::string_view trim_space(std::string_view s);

// strings.ToLower for the runes that matter to filters: ASCII, Latin-1, and the two non-ASCII
// letters whose lower case is ASCII (KELVIN SIGN -> k, CAPITAL I WITH DOT ABOVE -> i). Invalid
// bytes become U+FFFD, as in Go.
char32_t to_lower(char32_t r);
std::string to_lower(std::string_view s);

}  // namespace flowgrep::go
