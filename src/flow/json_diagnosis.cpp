// diagnose_json: a small strict JSON checker that stops at the first problem and names it. Nesting
// is tracked on an explicit stack, so a line nested 100 000 deep is refused without recursion.
#include "flow/json_diagnosis.h"

#include <fmt/format.h>

namespace flowgrep {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

class checker {
public:
    explicit checker(std::string_view s) : s_(s) {}

    std::string run() {
        skip_space();
        if (at_ == s_.size()) return "empty line";
        if (s_.substr(at_).starts_with("\xEF\xBB\xBF"))
            return "a byte-order mark, which only the first line of a file may start with";
        if (!value()) return problem_;
        skip_space();
        if (at_ != s_.size()) return fmt::format("more than one JSON value (another starts at column {})", at_ + 1);
        return {};
    }

private:
    // One value. Containers are pushed on `stack` instead of recursing: expect a value, then close
    // what can be closed, then expect the next element.
    bool value() {
        std::string stack;  // '{' or '[' per open container
        for (;;) {
            skip_space();
            if (at_ == s_.size()) return truncated(inside(stack));
            char c = s_[at_];
            bool closed = true;
            if (c == '{' || c == '[') {
                if (stack.size() >= max_json_depth)
                    return fail(fmt::format("nested more than {} levels deep (at column {})", max_json_depth, at_ + 1));
                ++at_;
                skip_space();
                if (at_ < s_.size() && s_[at_] == (c == '{' ? '}' : ']')) {
                    ++at_;
                } else {
                    stack.push_back(c);
                    if (c == '{' && !member_name()) return false;
                    closed = false;
                }
            } else if (!scalar()) {
                return false;
            }
            if (!closed) continue;
            // After a complete value: close containers until one takes another element.
            for (;;) {
                if (stack.empty()) return true;
                skip_space();
                if (at_ == s_.size()) return truncated(inside(stack));
                bool object = stack.back() == '{';
                if (s_[at_] == (object ? '}' : ']')) {
                    ++at_;
                    stack.pop_back();
                    continue;
                }
                if (s_[at_] != ',') return expected(object ? "',' or '}'" : "',' or ']'");
                ++at_;
                skip_space();
                if (object && !member_name()) return false;
                break;
            }
        }
    }

    static std::string_view inside(const std::string& stack) {
        if (stack.empty()) return "a value";
        return stack.back() == '{' ? "an object" : "an array";
    }

    bool scalar() {
        char c = s_[at_];
        if (c == '"') return string();
        if (c == '-' || is_digit(c)) return number();
        if (c == 't') return literal("true");
        if (c == 'f') return literal("false");
        if (c == 'n') return literal("null");
        return unexpected("a value");
    }

    // `"name" :` of an object member.
    bool member_name() {
        if (at_ == s_.size()) return truncated("an object");
        if (s_[at_] != '"') return expected("a member name in double quotes");
        if (!string()) return false;
        skip_space();
        if (at_ == s_.size()) return truncated("an object");
        if (s_[at_] != ':') return expected("':' after the member name");
        ++at_;
        return true;
    }

    bool string() {
        ++at_;
        while (at_ < s_.size()) {
            unsigned char c = static_cast<unsigned char>(s_[at_]);
            if (c == '"') {
                ++at_;
                return true;
            }
            if (c == '\\') {
                if (at_ + 1 >= s_.size()) break;
                char e = s_[at_ + 1];
                if (e == 'u') {
                    for (size_t i = 2; i < 6; ++i)
                        if (at_ + i >= s_.size() || !is_hex(s_[at_ + i]))
                            return at_ + i >= s_.size() ? truncated("a string")
                                                        : fail(fmt::format("invalid JSON at column {}: bad \\u escape", at_ + 1));
                    at_ += 6;
                    continue;
                }
                if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos)
                    return fail(fmt::format("invalid JSON at column {}: bad escape \\{}", at_ + 1, printable(e)));
                at_ += 2;
                continue;
            }
            if (c == 0) return fail(fmt::format("a NUL byte at column {}", at_ + 1));
            if (c < 0x20) return fail(fmt::format("invalid JSON at column {}: control character in a string", at_ + 1));
            if (c < 0x80) {
                ++at_;
                continue;
            }
            size_t n = utf8_length(at_);
            if (n == 0) return fail(fmt::format("invalid UTF-8 at column {}", at_ + 1));
            at_ += n;
        }
        return truncated("a string");
    }

    // Length of the well-formed UTF-8 sequence at `i` (2 to 4), or 0 (overlong forms, surrogates
    // and code points past U+10FFFF are not well formed).
    size_t utf8_length(size_t i) const {
        auto byte = [&](size_t k) { return i + k < s_.size() ? static_cast<unsigned char>(s_[i + k]) : 0u; };
        unsigned c = byte(0);
        auto cont = [&](size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) {
            unsigned b = byte(k);
            return b >= lo && b <= hi;
        };
        if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
        if (c == 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0;
        if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) return cont(1) && cont(2) ? 3 : 0;
        if (c == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
        if (c == 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
        if (c >= 0xF1 && c <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
        if (c == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
        return 0;
    }

    bool number() {
        size_t start = at_;
        if (s_[at_] == '-') ++at_;
        if (at_ == s_.size() || !is_digit(s_[at_])) return bad_number(start);
        if (s_[at_] == '0') {
            ++at_;
        } else {
            while (at_ < s_.size() && is_digit(s_[at_])) ++at_;
        }
        if (at_ < s_.size() && s_[at_] == '.') {
            ++at_;
            if (at_ == s_.size() || !is_digit(s_[at_])) return bad_number(start);
            while (at_ < s_.size() && is_digit(s_[at_])) ++at_;
        }
        if (at_ < s_.size() && (s_[at_] == 'e' || s_[at_] == 'E')) {
            ++at_;
            if (at_ < s_.size() && (s_[at_] == '+' || s_[at_] == '-')) ++at_;
            if (at_ == s_.size() || !is_digit(s_[at_])) return bad_number(start);
            while (at_ < s_.size() && is_digit(s_[at_])) ++at_;
        }
        if (at_ < s_.size() && (is_digit(s_[at_]) || s_[at_] == '.' || s_[at_] == 'e' || s_[at_] == 'E'))
            return bad_number(start);
        return true;
    }

    bool literal(std::string_view word) {
        if (s_.substr(at_, word.size()) != word) return unexpected("a value");
        at_ += word.size();
        return true;
    }

    bool bad_number(size_t start) {
        return fail(fmt::format("invalid JSON at column {}: malformed number", start + 1));
    }
    bool truncated(std::string_view inside) {
        return fail(fmt::format("truncated: the line ends inside {}", inside));
    }
    bool expected(std::string_view what) {
        if (s_[at_] == '\0') return fail(fmt::format("a NUL byte at column {}", at_ + 1));
        return fail(fmt::format("invalid JSON at column {}: expected {}, found {}", at_ + 1, what, found()));
    }
    bool unexpected(std::string_view what) {
        if (s_[at_] == '\0') return fail(fmt::format("a NUL byte at column {}", at_ + 1));
        return fail(fmt::format("invalid JSON at column {}: expected {}, found {}", at_ + 1, what, found()));
    }
    bool fail(std::string message) {
        problem_ = std::move(message);
        return false;
    }

    std::string found() const {
        unsigned char c = static_cast<unsigned char>(s_[at_]);
        if (c >= 0x80) return utf8_length(at_) ? "a non-ASCII character" : "a byte that is not UTF-8";
        // Not "'" + printable(c) + "'": GCC 12 at -O3 warns (-Wrestrict) on that operator+, wrongly.
        return fmt::format("'{}'", printable(static_cast<char>(c)));
    }
    static std::string printable(char c) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            return fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
        return std::string(1, c);
    }

    void skip_space() {
        while (at_ < s_.size() && is_space(s_[at_])) ++at_;
    }

    std::string_view s_;
    size_t at_ = 0;
    std::string problem_;
};

}  // namespace

std::string diagnose_json(std::string_view text) { return checker(text).run(); }

std::string_view json_value_kind(std::string_view text) {
    size_t i = 0;
    while (i < text.size() && is_space(text[i])) ++i;
    if (i == text.size()) return "nothing";
    switch (text[i]) {
    case '{': return "an object";
    case '[': return "an array";
    case '"': return "a string";
    case 't':
    case 'f': return "a boolean";
    case 'n': return "null";
    default: return (text[i] == '-' || is_digit(text[i])) ? "a number" : "not JSON";
    }
}

}  // namespace flowgrep
