// Go's strconv.ParseUint, ParseInt, ParseBool, Quote and QuoteRune, rewritten from their
// documented behaviour so that values are accepted, rejected and echoed in messages exactly as
// Hubble does.
#include "go/strconv.h"

#include <array>
#include <limits>

#include "go/unicode.h"

namespace flowgrep::go {

namespace {

// Go's own trick: setting bit 5 lower-cases an ASCII letter and leaves digits alone.
char lower(char c) { return static_cast<char>(c | 0x20); }

// Go only allows `_` between digits (or right after a base prefix) in base-0 literals.
bool underscores_ok(std::string_view s) {
    char saw = '^';  // '^' start, '0' digit or prefix, '_' underscore, '!' anything else
    std::size_t i = 0;
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
    bool hex = false;
    if (s.size() >= 2 && s[0] == '0' && (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x')) {
        i = 2;
        saw = '0';
        hex = lower(s[1]) == 'x';
    }
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if ((c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
            saw = '0';
            continue;
        }
        if (c == '_') {
            if (saw != '0') return false;
            saw = '_';
            continue;
        }
        if (saw == '_') return false;
        saw = '!';
    }
    return saw != '_';
}

void append_hex(std::string& out, std::uint32_t v, int digits) {
    static constexpr char hex[] = "0123456789abcdef";
    for (int i = digits - 1; i >= 0; --i) out += hex[(v >> (4 * i)) & 0xF];
}

// appendEscapedRune: one valid rune inside a literal delimited by `quote_char`.
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
    // Go's one-letter escapes are exactly the controls BEL (7) to CR (13): \a \b \t \n \v \f \r.
    if (r >= '\a' && r <= '\r') {
        out += '\\';
        out += "abtnvfr"[r - '\a'];
        return;
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

uint_result parse_uint(std::string_view s0, int base, int bits) {
    std::string_view s = s0;
    if (s.empty()) return {0, num_error::syntax};
    const bool base0 = base == 0;
    if (base0) {
        base = 10;
        if (s[0] == '0') {
            // A bare "0x" is not a prefix: it reads as octal 0 followed by an `x`.
            if (s.size() >= 3 && lower(s[1]) == 'b') {
                base = 2;
                s.remove_prefix(2);
            } else if (s.size() >= 3 && lower(s[1]) == 'o') {
                base = 8;
                s.remove_prefix(2);
            } else if (s.size() >= 3 && lower(s[1]) == 'x') {
                base = 16;
                s.remove_prefix(2);
            } else {
                base = 8;
                s.remove_prefix(1);
            }
        }
    }
    if (bits <= 0) bits = 64;
    constexpr std::uint64_t max_u64 = std::numeric_limits<std::uint64_t>::max();
    const std::uint64_t max_value = bits >= 64 ? max_u64 : (std::uint64_t{1} << bits) - 1;
    const std::uint64_t cutoff = max_u64 / static_cast<std::uint64_t>(base) + 1;
    bool underscores = false;
    std::uint64_t n = 0;
    for (char c : s) {
        unsigned d;
        if (c == '_' && base0) {
            underscores = true;
            continue;
        } else if (c >= '0' && c <= '9') {
            d = static_cast<unsigned>(c - '0');
        } else if (lower(c) >= 'a' && lower(c) <= 'z') {
            d = static_cast<unsigned>(lower(c) - 'a' + 10);
        } else {
            return {0, num_error::syntax};
        }
        if (d >= static_cast<unsigned>(base)) return {0, num_error::syntax};
        if (n >= cutoff) return {max_value, num_error::range};
        n *= static_cast<std::uint64_t>(base);
        const std::uint64_t n1 = n + d;
        if (n1 < n || n1 > max_value) return {max_value, num_error::range};
        n = n1;
    }
    // Checked last, so a misplaced `_` loses to an overflow found earlier, as in Go.
    if (underscores && !underscores_ok(s0)) return {0, num_error::syntax};
    return {n, num_error::none};
}

std::string parse_uint_message(std::string_view s, num_error error) {
    return "strconv.ParseUint: parsing " + quote(s) + ": " +
           (error == num_error::range ? "value out of range" : "invalid syntax");
}

std::optional<std::int64_t> parse_int64(std::string_view s) {
    if (s.empty()) return std::nullopt;
    bool negative = false;
    if (s[0] == '+' || s[0] == '-') {
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    const uint_result magnitude = parse_uint(s, 10, 64);
    if (!magnitude.ok()) return std::nullopt;
    constexpr std::uint64_t limit = std::uint64_t{1} << 63;
    if (!negative && magnitude.value >= limit) return std::nullopt;
    if (negative && magnitude.value > limit) return std::nullopt;
    if (negative) return static_cast<std::int64_t>(0 - magnitude.value);
    return static_cast<std::int64_t>(magnitude.value);
}

std::optional<bool> parse_bool(std::string_view s) {
    static constexpr std::array<std::string_view, 6> yes = {"1", "t", "T", "TRUE", "true", "True"};
    static constexpr std::array<std::string_view, 6> no = {"0", "f", "F", "FALSE", "false", "False"};
    for (auto y : yes)
        if (s == y) return true;
    for (auto n : no)
        if (s == n) return false;
    return std::nullopt;
}

std::string parse_bool_message(std::string_view s) {
    return "strconv.ParseBool: parsing " + quote(s) + ": invalid syntax";
}

void append_quoted(std::string& out, std::string_view s) {
    out += '"';
    for (std::size_t i = 0; i < s.size();) {
        const char c = s[i];
        // Printable ASCII needs no decoding; it is nearly all of what a message holds.
        if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
            out += c;
            ++i;
            continue;
        }
        const decoded_rune d = decode_rune(s, i);
        if (d.invalid()) {
            // A byte that is not UTF-8 is shown as itself, not as the replacement character.
            out += "\\x";
            append_hex(out, static_cast<unsigned char>(c), 2);
        } else {
            append_escaped(out, d.rune, '"');
        }
        i += d.width;
    }
    out += '"';
}

std::string quote(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    append_quoted(out, s);
    return out;
}

std::string quote_rune(char32_t r) {
    if ((r >= 0xD800 && r <= 0xDFFF) || r > 0x10FFFF) r = rune_error;
    std::string out = "'";
    append_escaped(out, r, '\'');
    out += '\'';
    return out;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool unquote_into(std::string_view quoted, std::string& out) {
    if (quoted.size() < 2 || quoted.front() != '"' || quoted.back() != '"') return false;
    const std::string_view s = quoted.substr(1, quoted.size() - 2);
    size_t i = 0;
    while (i < s.size()) {
        // Copy the run up to the next escape in one go: a flow's JSON is mostly plain text.
        size_t next = i;
        while (next < s.size() && s[next] != '\\' && s[next] != '"' && s[next] != '\n') ++next;
        out.append(s.data() + i, next - i);
        i = next;
        if (i == s.size()) break;
        if (s[i] != '\\' || i + 1 == s.size()) return false;  // a bare quote or newline, or a lone backslash
        const char e = s[i + 1];
        i += 2;
        switch (e) {
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'v': out += '\v'; break;
        case '\\': out += '\\'; break;
        case '"': out += '"'; break;
        case 'x':
        case 'u':
        case 'U': {
            const size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            if (s.size() - i < digits) return false;
            uint32_t v = 0;
            for (size_t k = 0; k < digits; ++k) {
                const int h = hex_value(s[i + k]);
                if (h < 0) return false;
                v = v << 4 | static_cast<uint32_t>(h);
            }
            i += digits;
            if (e == 'x') {
                out += static_cast<char>(v);  // a byte, not a rune
            } else {
                if ((v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF) return false;
                append_rune(out, v);
            }
            break;
        }
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            if (s.size() - i < 2) return false;
            uint32_t v = static_cast<uint32_t>(e - '0');
            for (size_t k = 0; k < 2; ++k) {
                const char d = s[i + k];
                if (d < '0' || d > '7') return false;
                v = v << 3 | static_cast<uint32_t>(d - '0');
            }
            if (v > 255) return false;
            i += 2;
            out += static_cast<char>(v);
            break;
        }
        default: return false;  // \' among them: Go allows it only between single quotes
        }
    }
    return true;
}

}  // namespace flowgrep::go
