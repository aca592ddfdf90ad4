// UTF-8 decoding and encoding, IsPrint, IsSpace, TrimSpace and ToLower with Go's semantics, written
// from the behaviour Go documents (unicode/utf8, unicode, strings) rather than from its tables.
#include "go/unicode.h"

namespace flowgrep::go {

namespace {

bool in(char32_t r, char32_t lo, char32_t hi) { return r >= lo && r <= hi; }

bool is_continuation(unsigned char c) { return c >= 0x80 && c <= 0xBF; }

}  // namespace

decoded_rune decode_rune(std::string_view s, std::size_t pos) {
    if (pos >= s.size()) return {rune_error, 0};
    const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + pos;
    const std::size_t left = s.size() - pos;
    const unsigned char c = p[0];
    if (c < 0x80) return {c, 1};
    constexpr decoded_rune invalid{rune_error, 1};
    // Narrowing the second byte's range per lead byte is what rules out overlong forms (E0, F0),
    // surrogates (ED) and values past U+10FFFF (F4); C0, C1 and F5..FF never lead.
    if (c >= 0xC2 && c <= 0xDF) {
        if (left < 2 || !is_continuation(p[1])) return invalid;
        return {static_cast<char32_t>(((c & 0x1F) << 6) | (p[1] & 0x3F)), 2};
    }
    if (c >= 0xE0 && c <= 0xEF) {
        if (left < 3) return invalid;
        const unsigned char lo = c == 0xE0 ? 0xA0 : 0x80;
        const unsigned char hi = c == 0xED ? 0x9F : 0xBF;
        if (p[1] < lo || p[1] > hi || !is_continuation(p[2])) return invalid;
        return {static_cast<char32_t>(((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F)), 3};
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (left < 4) return invalid;
        const unsigned char lo = c == 0xF0 ? 0x90 : 0x80;
        const unsigned char hi = c == 0xF4 ? 0x8F : 0xBF;
        if (p[1] < lo || p[1] > hi || !is_continuation(p[2]) || !is_continuation(p[3])) return invalid;
        return {static_cast<char32_t>(((c & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) |
                                      (p[3] & 0x3F)),
                4};
    }
    return invalid;
}

void append_rune(std::string& out, char32_t r) {
    if (in(r, 0xD800, 0xDFFF) || r > 0x10FFFF) r = rune_error;
    if (r < 0x80) {
        out += static_cast<char>(r);
    } else if (r < 0x800) {
        out += static_cast<char>(0xC0 | (r >> 6));
        out += static_cast<char>(0x80 | (r & 0x3F));
    } else if (r < 0x10000) {
        out += static_cast<char>(0xE0 | (r >> 12));
        out += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (r & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (r >> 18));
        out += static_cast<char>(0x80 | ((r >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (r & 0x3F));
    }
}

bool is_printable(char32_t r) {
    // Latin-1 first, as Go does: C0 and C1 controls, DEL, NO-BREAK SPACE and SOFT HYPHEN are out.
    if (r < 0x100) return in(r, 0x20, 0x7E) || (r >= 0xA1 && r != 0xAD);
    // Format characters (Cf) of the Arabic, Syriac and Mongolian blocks.
    if (in(r, 0x600, 0x605) || r == 0x61C || r == 0x6DD || r == 0x70F || in(r, 0x890, 0x891) || r == 0x8E2 ||
        r == 0x180E)
        return false;
    // Non-ASCII spaces (Zs), LINE and PARAGRAPH SEPARATOR, and the General Punctuation format
    // characters; U+2065 is unassigned, which Go does not print either.
    if (r == 0x1680 || in(r, 0x2000, 0x200F) || in(r, 0x2028, 0x202F) || in(r, 0x205F, 0x206F) || r == 0x3000)
        return false;
    // Surrogates, the private-use area, the byte-order mark and the interlinear annotation marks.
    if (in(r, 0xD800, 0xF8FF) || r == 0xFEFF || in(r, 0xFFF9, 0xFFFB)) return false;
    // Non-characters: U+FDD0..U+FDEF and the last two code points of every plane.
    if (in(r, 0xFDD0, 0xFDEF) || (r & 0xFFFE) == 0xFFFE) return false;
    // Format characters beyond the BMP: Kaithi, Egyptian hieroglyph, shorthand and musical controls.
    if (r == 0x110BD || r == 0x110CD || in(r, 0x13430, 0x1343F) || in(r, 0x1BCA0, 0x1BCA3) ||
        in(r, 0x1D173, 0x1D17A))
        return false;
    // Tags (with the unassigned gaps between them), then the private-use planes and beyond.
    if (in(r, 0xE0000, 0xE007F) || r >= 0xF0000) return false;
    return true;
}

bool is_space(char32_t r) {
    switch (r) {
        case '\t': case '\n': case '\v': case '\f': case '\r': case ' ':
        case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029:
        case 0x202F: case 0x205F: case 0x3000:
            return true;
        default:
            return in(r, 0x2000, 0x200A);
    }
}

std::string_view trim_space(std::string_view s) {
    // Trim runes from the front, then from the back. Go finds the back by decoding backwards; a
    // space is always a whole valid sequence that starts on a lead byte, so decoding forwards
    // finds the same ones.
    std::size_t begin = 0;
    while (begin < s.size()) {
        auto [r, width] = decode_rune(s, begin);
        if (!is_space(r)) break;
        begin += width;
    }
    std::size_t end = begin;
    for (std::size_t i = begin; i < s.size();) {
        auto [r, width] = decode_rune(s, i);
        i += width;
        if (!is_space(r)) end = i;
    }
    return s.substr(begin, end - begin);
}

char32_t to_lower(char32_t r) {
    if (r >= 'A' && r <= 'Z') return r + ('a' - 'A');
    if (r >= 0xC0 && r <= 0xDE && r != 0xD7) return r + 0x20;
    if (r == 0x212A) return 'k';
    if (r == 0x0130) return 'i';
    return r;
}

std::string to_lower(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        auto [r, width] = decode_rune(s, i);
        append_rune(out, to_lower(r));
        i += width;
    }
    return out;
}

}  // namespace flowgrep::go
