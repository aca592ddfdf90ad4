// Go encoding/json's stream scanning, reduced to what a filter string needs: find where each value
// ends and name the first bad byte the way Go's scanner does ("invalid character 'x' after object
// key"), or say "unexpected EOF" when the input stops inside a value.
#include "filter/filter_json_scan.h"

#include <fmt/format.h>

#include <string>
#include <vector>

#include "filter/filter_json.h"

namespace flowgrep {
namespace {

constexpr std::size_t max_depth = 10000;  // Go's maxNestingDepth

bool is_space(int c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool is_digit(int c) { return c >= '0' && c <= '9'; }
bool is_hex(int c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// How Go's quoteChar shows a byte in a syntax error: 'x', '\'', '"', '\n', '\x01', '\u0080'.
// Go turns the byte into the rune of the same number, so 0xe9 shows as 'é'.
std::string quote_char(unsigned char c) {
    switch (c) {
        case '\'': return R"('\'')";
        case '"': return R"('"')";
        case '\\': return R"('\\')";
        case '\a': return R"('\a')";
        case '\b': return R"('\b')";
        case '\f': return R"('\f')";
        case '\n': return R"('\n')";
        case '\r': return R"('\r')";
        case '\t': return R"('\t')";
        case '\v': return R"('\v')";
        default: break;
    }
    if (c < 0x20 || c == 0x7f) return fmt::format("'\\x{:02x}'", c);
    if (c < 0x80) return fmt::format("'{}'", char(c));
    // U+0080..U+00A0 and the soft hyphen are not printable for strconv.Quote.
    if (c <= 0xa0 || c == 0xad) return fmt::format("'\\u{:04x}'", c);
    return fmt::format("'{}{}'", char(0xc0 | (c >> 6)), char(0x80 | (c & 0x3f)));
}

// Where a number at the start of `s` ends, or where and why it is malformed.
struct number_scan {
    std::size_t length;
    const char* error;  // Go's context for the byte at `length`, or nullptr
};

number_scan scan_number(std::string_view s) {
    std::size_t i = 0;
    auto at = [&](std::size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : -1; };
    if (at(i) == '-') ++i;
    if (!is_digit(at(i))) return {i, "in numeric literal"};
    if (at(i) == '0') {
        ++i;
    } else {
        while (is_digit(at(i))) ++i;
    }
    if (at(i) == '.') {
        ++i;
        if (!is_digit(at(i))) return {i, "after decimal point in numeric literal"};
        while (is_digit(at(i))) ++i;
    }
    if (at(i) == 'e' || at(i) == 'E') {
        ++i;
        if (at(i) == '+' || at(i) == '-') ++i;
        if (!is_digit(at(i))) return {i, "in exponent of numeric literal"};
        while (is_digit(at(i))) ++i;
    }
    return {i, nullptr};
}

class scanner {
public:
    scanner(std::string_view text, std::size_t pos) : s_(text), i_(pos) {}

    // Consumes one value starting at the current position.
    void value() {
        std::vector<char> open;  // the containers we are inside, innermost last
        for (;;) {
            if (!begin_value(open)) continue;  // a non-empty container opened: its first element is next
            // A value is complete: close containers until one wants another element.
            for (;;) {
                if (open.empty()) return;
                skip_space();
                const bool object = open.back() == '{';
                const int c = peek();
                if (c == (object ? '}' : ']')) {
                    ++i_;
                    open.pop_back();
                } else if (c == ',') {
                    ++i_;
                    if (object) key();
                    break;
                } else {
                    fail(object ? "after object key:value pair" : "after array element");
                }
            }
        }
    }

    std::size_t pos() const { return i_; }

private:
    int peek() const { return i_ < s_.size() ? static_cast<unsigned char>(s_[i_]) : -1; }
    void skip_space() {
        while (is_space(peek())) ++i_;
    }

    // The byte at the current position is wrong in this context (or the input stopped early).
    [[noreturn]] void fail(std::string_view context) const {
        if (i_ >= s_.size()) throw filter_json_error("unexpected EOF");
        throw filter_json_error(
            fmt::format("invalid character {} {}", quote_char(static_cast<unsigned char>(s_[i_])), context));
    }

    // Starts a value; true when it is already complete (a scalar or an empty container).
    bool begin_value(std::vector<char>& open) {
        skip_space();
        const int c = peek();
        if (c == '{' || c == '[') {
            if (open.size() >= max_depth) fail("exceeded max depth");
            ++i_;
            skip_space();
            if (peek() == (c == '{' ? '}' : ']')) {
                ++i_;
                return true;
            }
            open.push_back(static_cast<char>(c));
            if (c == '{') key();
            return false;
        }
        if (c == '"') {
            string();
        } else if (c == '-' || is_digit(c)) {
            const number_scan n = scan_number(s_.substr(i_));
            i_ += n.length;
            if (n.error) fail(n.error);
        } else if (c == 't') {
            literal("true");
        } else if (c == 'f') {
            literal("false");
        } else if (c == 'n') {
            literal("null");
        } else {
            fail("looking for beginning of value");
        }
        return true;
    }

    // An object key and its colon, after `{` or `,`.
    void key() {
        skip_space();
        if (peek() != '"') fail("looking for beginning of object key string");
        string();
        skip_space();
        if (peek() != ':') fail("after object key");
        ++i_;
    }

    void string() {
        ++i_;  // the opening quote
        for (;;) {
            const int c = peek();
            if (c == '"') {
                ++i_;
                return;
            }
            if (c == '\\') {
                ++i_;
                const int e = peek();
                if (e == 'u') {
                    ++i_;
                    for (int k = 0; k < 4; ++k, ++i_)
                        if (!is_hex(peek())) fail("in \\u hexadecimal character escape");
                } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' ||
                           e == 'r' || e == 't') {
                    ++i_;
                } else {
                    fail("in string escape code");
                }
                continue;
            }
            if (c < 0x20) fail("in string literal");  // also the end of input
            ++i_;
        }
    }

    void literal(std::string_view word) {
        ++i_;
        for (std::size_t k = 1; k < word.size(); ++k, ++i_) {
            if (peek() != word[k])
                fail(fmt::format("in literal {} (expecting {})", word, quote_char(word[k])));
        }
    }

    std::string_view s_;
    std::size_t i_;
};

}  // namespace

std::optional<std::string_view> next_json_value(std::string_view text, std::size_t& pos) {
    while (pos < text.size() && is_space(static_cast<unsigned char>(text[pos]))) ++pos;
    if (pos >= text.size()) return std::nullopt;
    scanner scan(text, pos);
    scan.value();
    const std::size_t start = pos;
    pos = scan.pos();
    return text.substr(start, pos - start);
}

bool is_json_number(std::string_view s) {
    const number_scan n = scan_number(s);
    return !s.empty() && !n.error && n.length == s.size();
}

}  // namespace flowgrep
