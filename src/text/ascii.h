// ASCII case folding, the one copy: lower-casing a character or a string and comparing without
// regard to case. Only A-Z and a-z fold, as Go's strings.EqualFold does for ASCII text; other bytes,
// UTF-8 included, compare as they are.
#pragma once

#include <string>
#include <string_view>

namespace flowgrep {

constexpr char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
constexpr char ascii_upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

constexpr bool ascii_equal_fold(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    return true;
}

inline void append_ascii_lower(std::string& out, std::string_view text) {
    for (char c : text) out.push_back(ascii_lower(c));
}

inline std::string to_ascii_lower(std::string_view text) {
    std::string out;
    append_ascii_lower(out, text);
    return out;
}

inline std::string to_ascii_upper(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = ascii_upper(c);
    return out;
}

}  // namespace flowgrep
