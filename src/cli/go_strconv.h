// The few pieces of Go's strconv (and encoding/csv) that hubble observe's flags go through:
// unsigned integers with or without base prefixes, booleans, %q quoting and comma-separated lists.
// Reproducing them exactly is what makes flowgrep accept and reject the same flag values, with the
// same messages.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flowgrep::go {

enum class num_error { none, syntax, range };

struct uint_result {
    uint64_t value = 0;
    num_error error = num_error::none;
};

// strconv.ParseUint(s, base, bits) for base 0 (0x, 0o, 0b and leading-0 octal prefixes, `_` digit
// separators) or base 10.
uint_result parse_uint(std::string_view s, int base, int bits);

// The error text Go gives for a failed ParseUint: `strconv.ParseUint: parsing "x": invalid syntax`.
std::string parse_uint_message(std::string_view s, num_error error);

// strconv.ParseBool: 1 t T TRUE true True, 0 f F FALSE false False.
std::optional<bool> parse_bool(std::string_view s);
std::string parse_bool_message(std::string_view s);

// strconv.Quote, i.e. what fmt's %q prints for a string.
std::string quote(std::string_view s);

// The first record of encoding/csv, which is how pflag splits a string-slice flag's value
// ("a,b" -> a, b; quotes protect commas). An empty value is no field at all. Throws
// std::invalid_argument with Go's message, e.g. `parse error on line 1, column 2: bare " in
// non-quoted-field`.
std::vector<std::string> read_csv_record(std::string_view s);

}  // namespace flowgrep::go
