// strconv.Quote: decode UTF-8 rune by rune, keep printable runes, escape the rest as Go does.
#include "output/go_quote.h"

#include <cstdint>

namespace flowgrep {

namespace {

constexpr char hex_digits[] = "0123456789abcdef";

// One UTF-8 sequence at the start of `s`: the code point and its length, or length 1 and -1 for
// bytes that are not valid UTF-8 (overlong forms, surrogates and values past U+10FFFF included).
struct decoded {
    int32_t rune;
    size_t length;
};

decoded decode_utf8(std::string_view s) {
    auto byte = [&](size_t i) { return static_cast<uint8_t>(s[i]); };
    uint8_t b0 = byte(0);
    if (b0 < 0x80) return {b0, 1};
    size_t length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
    if (length == 0 || b0 > 0xF4 || s.size() < length) return {-1, 1};
    int32_t rune = b0 & (0x7F >> length);
    for (size_t i = 1; i < length; ++i) {
        if ((byte(i) & 0xC0) != 0x80) return {-1, 1};
        rune = (rune << 6) | (byte(i) & 0x3F);
    }
    static constexpr int32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (rune < smallest[length] || rune > 0x10FFFF || (rune >= 0xD800 && rune <= 0xDFFF))
        return {-1, 1};
    return {rune, length};
}

bool in(int32_t r, int32_t lo, int32_t hi) { return r >= lo && r <= hi; }

// unicode.IsPrint for the non-ASCII runes that matter: false for controls (Cc), format characters
// (Cf), separators other than the ASCII space (Zs, Zl, Zp), private use (Co) and non-characters.
bool is_printable_non_ascii(int32_t r) {
    if (in(r, 0x80, 0xA0) || r == 0xAD) return false;
    if (in(r, 0x600, 0x605) || r == 0x61C || r == 0x6DD || r == 0x70F || r == 0x8E2) return false;
    if (r == 0x1680 || r == 0x180E) return false;
    if (in(r, 0x2000, 0x200F) || in(r, 0x2028, 0x202F) || in(r, 0x205F, 0x2064) ||
        in(r, 0x2066, 0x206F))
        return false;
    if (r == 0x3000 || in(r, 0xE000, 0xF8FF) || r == 0xFEFF || in(r, 0xFFF9, 0xFFFB)) return false;
    if ((r & 0xFFFE) == 0xFFFE || in(r, 0xFDD0, 0xFDEF)) return false;
    if (r == 0x110BD || r == 0x110CD || in(r, 0x13430, 0x1343F) || in(r, 0x1BCA0, 0x1BCA3) ||
        in(r, 0x1D173, 0x1D17A))
        return false;
    if (r == 0xE0001 || in(r, 0xE0020, 0xE007F) || r >= 0xF0000) return false;
    return true;
}

void append_hex(std::string& out, uint32_t value, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
        out.push_back(hex_digits[(value >> shift) & 0xF]);
}

}  // namespace

void append_go_quoted(std::string& out, std::string_view text) {
    out.push_back('"');
    while (!text.empty()) {
        decoded d = decode_utf8(text);
        std::string_view raw = text.substr(0, d.length);
        text.remove_prefix(d.length);
        const int32_t r = d.rune;
        if (r < 0) {
            out.append("\\x");
            append_hex(out, static_cast<uint8_t>(raw[0]), 2);
        } else if (r == '"' || r == '\\') {
            out.push_back('\\');
            out.push_back(static_cast<char>(r));
        } else if ((r >= 0x20 && r < 0x7F) || (r >= 0x80 && is_printable_non_ascii(r))) {
            out.append(raw);
        } else {
            switch (r) {
            case '\a': out.append("\\a"); break;
            case '\b': out.append("\\b"); break;
            case '\f': out.append("\\f"); break;
            case '\n': out.append("\\n"); break;
            case '\r': out.append("\\r"); break;
            case '\t': out.append("\\t"); break;
            case '\v': out.append("\\v"); break;
            default:
                if (r < 0x20 || r == 0x7F) {
                    out.append("\\x");
                    append_hex(out, static_cast<uint32_t>(r), 2);
                } else if (r < 0x10000) {
                    out.append("\\u");
                    append_hex(out, static_cast<uint32_t>(r), 4);
                } else {
                    out.append("\\U");
                    append_hex(out, static_cast<uint32_t>(r), 8);
                }
            }
        }
    }
    out.push_back('"');
}

}  // namespace flowgrep
