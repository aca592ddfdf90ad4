// The parts of Go's strconv that Hubble's flags, filters and messages go through: unsigned and
// signed integers with Go's syntax and errors, booleans, and %q quoting. Reproducing them exactly
// is what makes flowgrep accept and reject the same values with the same messages.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace flowgrep::go {

enum class num_error { none, syntax, range };

struct uint_result {
    std::uint64_t value = 0;  // on a range error, the largest value that fits, as in Go
    num_error error = num_error::none;

    bool ok() const { return error == num_error::none; }
};

// strconv.ParseUint(s, base, bits). base is 0 (0x, 0o, 0b and leading-0 octal prefixes, `_` digit
// separators) or 2 to 36; bits is 1 to 64, 0 meaning 64 as for Go's int. Go reports whichever
// problem it meets first, scanning left to right: "70000x" in 16 bits is out of range.
uint_result parse_uint(std::string_view s, int base, int bits);

// The error text Go gives for a failed ParseUint: `strconv.ParseUint: parsing "x": invalid syntax`.
std::string parse_uint_message(std::string_view s, num_error error);

// strconv.ParseInt(s, 10, 64): an optional sign, then decimal digits.
std::optional<std::int64_t> parse_int64(std::string_view s);

// strconv.ParseBool: 1 t T TRUE true True, 0 f F FALSE false False.
std::optional<bool> parse_bool(std::string_view s);
std::string parse_bool_message(std::string_view s);

// strconv.AppendQuote, i.e. what fmt's %q prints for a string: double quotes, Go's escapes
// (\" \\ \a \b \f \n \r \t \v, \xNN for other controls and for bytes that are not UTF-8,
// \uNNNN and \UNNNNNNNN for runes go::is_printable rejects). Appends without a temporary, so the
// printers can use it per flow.
void append_quoted(std::string& out, std::string_view s);
std::string quote(std::string_view s);

// The value of a hexadecimal digit (either case), or -1.
int hex_value(char c);

// strconv.Unquote of a double-quoted string (what %q wrote: logrus and slog text records quote
// values so): appends the text between the quotes to `out`. Returns false where Go fails (no
// quotes, a bad escape, a raw newline); `out` then holds a part of the text.
bool unquote_into(std::string_view quoted, std::string& out);

// strconv.QuoteRune: single quotes; a surrogate or a value past U+10FFFF is quoted as U+FFFD.
std::string quote_rune(char32_t r);

}  // namespace flowgrep::go
