// UTF-8 as Go reads it (no overlong forms, no surrogates, nothing past U+10FFFF), for the places
// where filter JSON must judge or escape characters the way protojson and yaml.v3 do.
#pragma once

#include <cstddef>
#include <string_view>

namespace flowgrep::filter_json {

struct code_point {
    char32_t value;
    std::size_t length;  // bytes; 0 when s[i] does not start a valid sequence
};

inline code_point decode_utf8(std::string_view s, std::size_t i) {
    const auto b = [&](std::size_t k) {
        return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u;
    };
    const auto cont = [&](std::size_t k, unsigned lo = 0x80, unsigned hi = 0xbf) {
        return b(k) >= lo && b(k) <= hi;
    };
    const unsigned c = b(0);
    if (c < 0x80) return {c, 1};
    if (c >= 0xc2 && c <= 0xdf && cont(1)) return {(c & 0x1fu) << 6 | (b(1) & 0x3fu), 2};
    if (c >= 0xe0 && c <= 0xef && cont(1, c == 0xe0 ? 0xa0 : 0x80, c == 0xed ? 0x9f : 0xbf) && cont(2))
        return {(c & 0x0fu) << 12 | (b(1) & 0x3fu) << 6 | (b(2) & 0x3fu), 3};
    if (c >= 0xf0 && c <= 0xf4 && cont(1, c == 0xf0 ? 0x90 : 0x80, c == 0xf4 ? 0x8f : 0xbf) && cont(2) &&
        cont(3))
        return {(c & 0x07u) << 18 | (b(1) & 0x3fu) << 12 | (b(2) & 0x3fu) << 6 | (b(3) & 0x3fu), 4};
    return {0, 0};
}

}  // namespace flowgrep::filter_json
