// Go's strconv.ParseUint, ParseBool and Quote and encoding/csv's record splitting, rewritten from
// their documented behaviour so that flag values are accepted, rejected and echoed in error
// messages exactly as hubble does.
#include "cli/go_strconv.h"

#include <array>
#include <stdexcept>

namespace flowgrep::go {

namespace {

char lower(char c) { return static_cast<char>(c | 0x20); }

// Go only allows `_` between digits (or right after a base prefix) in base-0 literals.
bool underscores_ok(std::string_view s) {
    char saw = '^';  // '^' start, '0' digit or prefix, '_' underscore, '!' anything else
    size_t i = 0;
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
    bool hex = false;
    if (s.size() >= 2 && s[0] == '0' && (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x')) {
        i = 2;
        saw = '0';
        hex = lower(s[1]) == 'x';
    }
    for (; i < s.size(); ++i) {
        char c = s[i];
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

// The runes Go's unicode.IsPrint rejects above ASCII, as far as anyone will meet them in a flag
// value: C1 controls, non-ASCII spaces, format characters and private use.
bool printable(uint32_t r) {
    if (r < 0x80) return r >= 0x20 && r < 0x7f;
    if (r < 0xa0 || r == 0xa0 || r == 0xad) return false;
    if ((r >= 0x600 && r <= 0x605) || r == 0x61c || r == 0x6dd || r == 0x70f || r == 0x180e) return false;
    if (r == 0x1680 || (r >= 0x2000 && r <= 0x200f) || (r >= 0x2028 && r <= 0x202f)) return false;
    if ((r >= 0x205f && r <= 0x206f) || r == 0x3000 || r == 0xfeff) return false;
    if ((r >= 0xfff9 && r <= 0xfffb) || (r >= 0xe000 && r <= 0xf8ff)) return false;
    if ((r >= 0xe0000 && r <= 0xe007f) || r >= 0xf0000) return false;
    return true;
}

// Decodes one rune the way Go's utf8.DecodeRuneInString does; width 1 with nullopt means an
// invalid byte.
std::optional<uint32_t> decode_rune(std::string_view s, size_t& width) {
    auto b = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
    unsigned char c = b(0);
    width = 1;
    if (c < 0x80) return c;
    auto cont = [&](size_t i) { return i < s.size() && (b(i) & 0xc0) == 0x80; };
    if (c >= 0xc2 && c <= 0xdf && cont(1)) {
        width = 2;
        return ((c & 0x1fu) << 6) | (b(1) & 0x3fu);
    }
    if (c >= 0xe0 && c <= 0xef && cont(1) && cont(2)) {
        uint32_t r = ((c & 0x0fu) << 12) | ((b(1) & 0x3fu) << 6) | (b(2) & 0x3fu);
        if (r < 0x800 || (r >= 0xd800 && r <= 0xdfff)) return std::nullopt;
        width = 3;
        return r;
    }
    if (c >= 0xf0 && c <= 0xf4 && cont(1) && cont(2) && cont(3)) {
        uint32_t r = ((c & 0x07u) << 18) | ((b(1) & 0x3fu) << 12) | ((b(2) & 0x3fu) << 6) | (b(3) & 0x3fu);
        if (r < 0x10000 || r > 0x10ffff) return std::nullopt;
        width = 4;
        return r;
    }
    return std::nullopt;
}

void append_hex(std::string& out, uint32_t v, int digits) {
    static constexpr char hex[] = "0123456789abcdef";
    for (int i = digits - 1; i >= 0; --i) out += hex[(v >> (4 * i)) & 0xf];
}

}  // namespace

uint_result parse_uint(std::string_view s0, int base, int bits) {
    std::string_view s = s0;
    if (s.empty()) return {0, num_error::syntax};
    const bool base0 = base == 0;
    if (base0) {
        base = 10;
        if (s[0] == '0') {
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
    const uint64_t max_value = bits >= 64 ? UINT64_MAX : (uint64_t{1} << bits) - 1;
    const uint64_t cutoff = UINT64_MAX / static_cast<uint64_t>(base) + 1;
    bool underscores = false;
    uint64_t n = 0;
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
        n *= static_cast<uint64_t>(base);
        uint64_t n1 = n + d;
        if (n1 < n || n1 > max_value) return {max_value, num_error::range};
        n = n1;
    }
    if (underscores && !underscores_ok(s0)) return {0, num_error::syntax};
    return {n, num_error::none};
}

std::string parse_uint_message(std::string_view s, num_error error) {
    return "strconv.ParseUint: parsing " + quote(s) + ": " +
           (error == num_error::range ? "value out of range" : "invalid syntax");
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

std::string quote(std::string_view s) {
    std::string out = "\"";
    while (!s.empty()) {
        size_t width;
        std::optional<uint32_t> r = decode_rune(s, width);
        if (!r) {
            out += "\\x";
            append_hex(out, static_cast<unsigned char>(s[0]), 2);
        } else if (*r == '"' || *r == '\\') {
            out += '\\';
            out += static_cast<char>(*r);
        } else if (printable(*r)) {
            out.append(s.substr(0, width));
        } else {
            switch (*r) {
            case '\a': out += "\\a"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\v': out += "\\v"; break;
            default:
                if (*r < 0x20 || *r == 0x7f) {
                    out += "\\x";
                    append_hex(out, *r, 2);
                } else if (*r < 0x10000) {
                    out += "\\u";
                    append_hex(out, *r, 4);
                } else {
                    out += "\\U";
                    append_hex(out, *r, 8);
                }
            }
        }
        s.remove_prefix(width);
    }
    out += '"';
    return out;
}

std::vector<std::string> read_csv_record(std::string_view s) {
    std::vector<std::string> fields;
    if (s.empty()) return fields;
    s = s.substr(0, s.find('\n'));  // one record: the first line
    if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
    auto error = [](size_t column, std::string_view what) {
        return std::invalid_argument("parse error on line 1, column " + std::to_string(column) + ": " +
                                     std::string(what));
    };
    constexpr std::string_view bare_quote = "bare \" in non-quoted-field";
    constexpr std::string_view bad_quote = "extraneous or missing \" in quoted-field";
    size_t col = 1;  // 1-based byte column of the start of `s`
    while (true) {
        if (s.empty() || s[0] != '"') {
            size_t comma = s.find(',');
            std::string_view field = s.substr(0, comma);
            if (size_t q = field.find('"'); q != std::string_view::npos) throw error(col + q, bare_quote);
            fields.emplace_back(field);
            if (comma == std::string_view::npos) return fields;
            s.remove_prefix(comma + 1);
            col += comma + 1;
            continue;
        }
        std::string field;
        s.remove_prefix(1);
        col += 1;
        while (true) {
            size_t q = s.find('"');
            if (q == std::string_view::npos) throw error(col + s.size(), bad_quote);
            field.append(s.substr(0, q));
            s.remove_prefix(q + 1);
            col += q + 1;
            if (!s.empty() && s[0] == '"') {
                field += '"';
                s.remove_prefix(1);
                col += 1;
            } else if (!s.empty() && s[0] == ',') {
                s.remove_prefix(1);
                col += 1;
                fields.push_back(std::move(field));
                break;
            } else if (s.empty()) {
                fields.push_back(std::move(field));
                return fields;
            } else {
                throw error(col - 1, bad_quote);
            }
        }
    }
}

}  // namespace flowgrep::go
