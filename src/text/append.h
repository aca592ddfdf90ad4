// Appending numbers and JSON strings to a text buffer, for the printers and for anyone else who
// writes text (the exporter config loader). Dependency-free, like everything in src/text/, so every
// room may use it; nothing here allocates beyond the buffer's own growth.
#pragma once

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

namespace flowgrep {

inline void append_uint(std::string& out, uint64_t value) {
    char digits[24];
    auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out.append(digits, static_cast<size_t>(end - digits));
}

inline void append_int(std::string& out, int64_t value) {
    char digits[24];
    auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out.append(digits, static_cast<size_t>(end - digits));
}

// `s` as a JSON string: quotes and backslashes escaped, control characters as \u00XX, the rest
// (UTF-8 included) as it is, as protojson writes strings.
inline void append_json_string(std::string& out, std::string_view s) {
    constexpr char hex[] = "0123456789abcdef";
    out.push_back('"');
    for (char ch : s) {
        const auto u = static_cast<unsigned char>(ch);
        if (ch == '"' || ch == '\\') {
            out.push_back('\\');
            out.push_back(ch);
        } else if (u < 0x20) {
            out.append("\\u00");
            out.push_back(hex[u >> 4]);
            out.push_back(hex[u & 15]);
        } else {
            out.push_back(ch);
        }
    }
    out.push_back('"');
}

}  // namespace flowgrep
