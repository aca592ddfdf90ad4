// Go's text conventions (strconv quoting and number parsing, UTF-8 decoding, unicode.IsSpace) as
// Hubble's error messages and value parsing rely on them.
#include "filter/go_text.h"

#include <limits>

namespace flowgrep::go_text {

namespace {

bool is_continuation(unsigned char c) { return c >= 0x80 && c <= 0xBF; }

// Runes strconv.Quote escapes although they are valid: controls, non-ASCII spaces, format
// characters, private use and non-characters. Close enough to unicode.IsPrint for messages.
bool is_printable(char32_t r) {
    if (r < 0x20 || (r >= 0x7F && r <= 0xA0) || r == 0xAD) return false;
    if (r == 0x1680 || (r >= 0x2000 && r <= 0x200F) || (r >= 0x2028 && r <= 0x202F)) return false;
    if ((r >= 0x205F && r <= 0x206F) || r == 0x3000 || r == 0xFEFF) return false;
    if ((r >= 0xE000 && r <= 0xF8FF) || (r >= 0xFFF9 && r <= 0xFFFB) || r == 0xFFFE || r == 0xFFFF)
        return false;
    if (r >= 0xF0000) return false;
    return true;
}

void append_hex(std::string& out, std::uint32_t v, int digits) {
    static constexpr char hex[] = "0123456789abcdef";
    for (int i = digits - 1; i >= 0; --i) out += hex[(v >> (4 * i)) & 0xF];
}

// One rune of a quoted literal; `quote_char` is the delimiter that needs a backslash.
void append_escaped(std::string& out, char32_t r, char quote_char) {
    if (r == static_cast<char32_t>(quote_char) || r == '\\') {
        out += '\\';
        out += static_cast<char>(r);
        return;
    }
    if (is_printable(r)) {
        append_rune(out, r);
        return;
    }
    switch (r) {
        case '\a': out += "\\a"; return;
        case '\b': out += "\\b"; return;
        case '\f': out += "\\f"; return;
        case '\n': out += "\\n"; return;
        case '\r': out += "\\r"; return;
        case '\t': out += "\\t"; return;
        case '\v': out += "\\v"; return;
        default: break;
    }
    if (r < ' ' || r == 0x7F) {
        out += "\\x";
        append_hex(out, r, 2);
    } else if (r < 0x10000) {
        out += "\\u";
        append_hex(out, r, 4);
    } else {
        out += "\\U";
        append_hex(out, r, 8);
    }
}

}  // namespace

decoded_rune decode_rune(std::string_view s, std::size_t pos) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + pos;
    std::size_t left = s.size() - pos;
    unsigned char c = p[0];
    if (c < 0x80) return {c, 1};
    constexpr decoded_rune invalid{0xFFFD, 1};
    // Go accepts exactly the shortest forms, no surrogates, nothing above U+10FFFF.
    if (c >= 0xC2 && c <= 0xDF) {
        if (left < 2 || !is_continuation(p[1])) return invalid;
        return {static_cast<char32_t>(((c & 0x1F) << 6) | (p[1] & 0x3F)), 2};
    }
    if (c >= 0xE0 && c <= 0xEF) {
        if (left < 3) return invalid;
        unsigned char lo = c == 0xE0 ? 0xA0 : 0x80;
        unsigned char hi = c == 0xED ? 0x9F : 0xBF;
        if (p[1] < lo || p[1] > hi || !is_continuation(p[2])) return invalid;
        return {static_cast<char32_t>(((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F)), 3};
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (left < 4) return invalid;
        unsigned char lo = c == 0xF0 ? 0x90 : 0x80;
        unsigned char hi = c == 0xF4 ? 0x8F : 0xBF;
        if (p[1] < lo || p[1] > hi || !is_continuation(p[2]) || !is_continuation(p[3])) return invalid;
        return {static_cast<char32_t>(((c & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) |
                                      (p[3] & 0x3F)),
                4};
    }
    return invalid;
}

void append_rune(std::string& out, char32_t r) {
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

std::string quote(std::string_view s) {
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size();) {
        auto [r, width] = decode_rune(s, i);
        if (r == 0xFFFD && width == 1) {
            // An invalid byte is shown as itself, not as the replacement character.
            out += "\\x";
            append_hex(out, static_cast<unsigned char>(s[i]), 2);
        } else {
            append_escaped(out, r, '"');
        }
        i += width;
    }
    out += '"';
    return out;
}

std::string quote_rune(char32_t r) {
    std::string out = "'";
    append_escaped(out, r, '\'');
    out += '\'';
    return out;
}

bool is_space(char32_t r) {
    switch (r) {
        case '\t': case '\n': case '\v': case '\f': case '\r': case ' ':
        case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029:
        case 0x202F: case 0x205F: case 0x3000:
            return true;
        default:
            return r >= 0x2000 && r <= 0x200A;
    }
}

std::string_view trim_space(std::string_view s) {
    // Trim runes from the front, then from the back; the back is found by decoding forward, which
    // is what "the last rune" means for possibly invalid UTF-8 as well.
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

std::optional<std::uint64_t> parse_uint(std::string_view s, int bits, std::string* error) {
    auto fail = [&](const char* why) -> std::optional<std::uint64_t> {
        if (error) *error = "strconv.ParseUint: parsing " + quote(s) + ": " + why;
        return std::nullopt;
    };
    if (s.empty()) return fail("invalid syntax");
    const std::uint64_t max_value = bits >= 64 ? std::numeric_limits<std::uint64_t>::max()
                                               : (std::uint64_t{1} << bits) - 1;
    const std::uint64_t cutoff = std::numeric_limits<std::uint64_t>::max() / 10 + 1;
    std::uint64_t n = 0;
    // Go reports whichever problem it meets first, scanning left to right.
    for (char c : s) {
        if (c < '0' || c > '9') return fail("invalid syntax");
        if (n >= cutoff) return fail("value out of range");
        n *= 10;
        std::uint64_t next = n + static_cast<std::uint64_t>(c - '0');
        if (next < n || next > max_value) return fail("value out of range");
        n = next;
    }
    return n;
}

std::optional<std::int64_t> parse_int64(std::string_view s) {
    if (s.empty()) return std::nullopt;
    bool negative = false;
    if (s[0] == '+' || s[0] == '-') {
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    auto magnitude = parse_uint(s, 64);
    if (!magnitude) return std::nullopt;
    constexpr std::uint64_t limit = std::uint64_t{1} << 63;
    if (!negative && *magnitude >= limit) return std::nullopt;
    if (negative && *magnitude > limit) return std::nullopt;
    if (negative) return static_cast<std::int64_t>(0 - *magnitude);
    return static_cast<std::int64_t>(*magnitude);
}

}  // namespace flowgrep::go_text
