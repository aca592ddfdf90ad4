// Tokenising CEL source. Escapes follow the language definition: in strings \x, \u, \U and octal
// escapes name code points; in bytes \x and octal name bytes and \u is refused. Words CEL reserves
// for the future (if, for, let ...) lex as identifiers; the parser refuses them where a name is
// looked up, but they stay valid field names (_flow.source.namespace).
#include "filter/cel/cel_lexer.h"

#include <cmath>
#include <cstdlib>

#include "filter/cel/cel_error.h"
#include "go/unicode.h"

namespace flowgrep::cel {

namespace {

bool is_ident_start(char c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
int hex_value(char c) {
    if (is_digit(c)) return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return c - 'A' + 10;
}


}  // namespace

void lexer::skip_space() {
    while (pos_ < src_.size()) {
        char c = src_[pos_];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            ++pos_;
        } else if (c == '/' && pos_ + 1 < src_.size() && src_[pos_ + 1] == '/') {
            while (pos_ < src_.size() && src_[pos_] != '\n') ++pos_;
        } else {
            break;
        }
    }
}

token lexer::next() {
    skip_space();
    token t;
    t.pos = static_cast<uint32_t>(pos_);
    if (pos_ >= src_.size()) return t;
    const char c = src_[pos_];
    auto two = [&](char second) { return pos_ + 1 < src_.size() && src_[pos_ + 1] == second; };
    auto op = [&](token_kind k, size_t len) {
        t.kind = k;
        t.text = src_.substr(pos_, len);
        pos_ += len;
        return t;
    };

    if (is_ident_start(c)) {
        // String prefixes: r, b, rb, br in either case, directly followed by a quote.
        size_t p = pos_;
        bool raw = false, bytes = false;
        for (int i = 0; i < 2 && p < src_.size(); ++i) {
            char x = src_[p];
            if ((x == 'r' || x == 'R') && !raw) raw = true;
            else if ((x == 'b' || x == 'B') && !bytes) bytes = true;
            else break;
            ++p;
            if (p < src_.size() && (src_[p] == '"' || src_[p] == '\'')) {
                pos_ = p;
                return quoted(t.pos, raw, bytes);
            }
        }
        size_t end = pos_ + 1;
        while (end < src_.size() && (is_ident_start(src_[end]) || is_digit(src_[end]))) ++end;
        std::string_view word = src_.substr(pos_, end - pos_);
        t.text = word;
        pos_ = end;
        if (word == "true") t.kind = token_kind::true_;
        else if (word == "false") t.kind = token_kind::false_;
        else if (word == "null") t.kind = token_kind::null_;
        else if (word == "in") t.kind = token_kind::in;
        else t.kind = token_kind::ident;
        return t;
    }
    if (is_digit(c) || (c == '.' && pos_ + 1 < src_.size() && is_digit(src_[pos_ + 1]))) return number();
    if (c == '"' || c == '\'') return quoted(t.pos, false, false);

    switch (c) {
        case '.': return op(token_kind::dot, 1);
        case ',': return op(token_kind::comma, 1);
        case ':': return op(token_kind::colon, 1);
        case '?': return op(token_kind::question, 1);
        case '(': return op(token_kind::lparen, 1);
        case ')': return op(token_kind::rparen, 1);
        case '[': return op(token_kind::lbracket, 1);
        case ']': return op(token_kind::rbracket, 1);
        case '{': return op(token_kind::lbrace, 1);
        case '}': return op(token_kind::rbrace, 1);
        case '+': return op(token_kind::plus, 1);
        case '-': return op(token_kind::minus, 1);
        case '*': return op(token_kind::star, 1);
        case '/': return op(token_kind::slash, 1);
        case '%': return op(token_kind::percent, 1);
        case '!': return two('=') ? op(token_kind::ne, 2) : op(token_kind::bang, 1);
        case '=':
            if (two('=')) return op(token_kind::eq, 2);
            break;
        case '<': return two('=') ? op(token_kind::le, 2) : op(token_kind::lt, 1);
        case '>': return two('=') ? op(token_kind::ge, 2) : op(token_kind::gt, 1);
        case '&':
            if (two('&')) return op(token_kind::and_, 2);
            break;
        case '|':
            if (two('|')) return op(token_kind::or_, 2);
            break;
        default: break;
    }
    auto r = go::decode_rune(src_, pos_);
    throw compile_error(t.pos, "Syntax error: token recognition error at: '" +
                                   std::string(src_.substr(pos_, r.width ? r.width : 1)) + "'");
}

token lexer::number() {
    token t;
    t.pos = static_cast<uint32_t>(pos_);
    size_t start = pos_;
    if (src_[pos_] == '0' && pos_ + 1 < src_.size() && (src_[pos_ + 1] == 'x' || src_[pos_ + 1] == 'X')) {
        size_t p = pos_ + 2;
        uint64_t v = 0;
        bool overflow = false;
        while (p < src_.size() && is_hex(src_[p])) {
            if (v > (UINT64_MAX >> 4)) overflow = true;
            v = v * 16 + static_cast<uint64_t>(hex_value(src_[p]));
            ++p;
        }
        if (p == pos_ + 2) throw compile_error(t.pos, "Syntax error: invalid hex literal");
        t.magnitude = v;
        t.overflow = overflow;
        t.kind = token_kind::int_lit;
        if (p < src_.size() && (src_[p] == 'u' || src_[p] == 'U')) {
            t.kind = token_kind::uint_lit;
            ++p;
        }
        t.text = src_.substr(start, p - start);
        pos_ = p;
        return t;
    }
    size_t p = pos_;
    while (p < src_.size() && is_digit(src_[p])) ++p;
    bool is_float = false;
    if (p + 1 < src_.size() && src_[p] == '.' && is_digit(src_[p + 1])) {
        is_float = true;
        ++p;
        while (p < src_.size() && is_digit(src_[p])) ++p;
    } else if (p < src_.size() && src_[p] == '.' && p == start) {
        // ".5"
        is_float = true;
        ++p;
        while (p < src_.size() && is_digit(src_[p])) ++p;
    }
    if (p < src_.size() && (src_[p] == 'e' || src_[p] == 'E')) {
        size_t q = p + 1;
        if (q < src_.size() && (src_[q] == '+' || src_[q] == '-')) ++q;
        if (q < src_.size() && is_digit(src_[q])) {
            is_float = true;
            p = q;
            while (p < src_.size() && is_digit(src_[p])) ++p;
        }
    }
    t.text = src_.substr(start, p - start);
    pos_ = p;
    if (is_float) {
        t.kind = token_kind::double_lit;
        t.value = std::string(t.text);
        t.real = std::strtod(t.value.c_str(), nullptr);
        return t;
    }
    uint64_t v = 0;
    bool overflow = false;
    for (char d : t.text) {
        uint64_t digit = static_cast<uint64_t>(d - '0');
        if (v > (UINT64_MAX - digit) / 10) overflow = true;
        v = v * 10 + digit;
    }
    t.magnitude = v;
    t.overflow = overflow;
    t.kind = token_kind::int_lit;
    if (pos_ < src_.size() && (src_[pos_] == 'u' || src_[pos_] == 'U')) {
        t.kind = token_kind::uint_lit;
        ++pos_;
        t.text = src_.substr(start, pos_ - start);
    }
    return t;
}

token lexer::quoted(uint32_t start, bool raw, bool bytes) {
    token t;
    t.pos = start;
    t.kind = bytes ? token_kind::bytes_lit : token_kind::string_lit;
    const char q = src_[pos_];
    const bool triple = pos_ + 2 < src_.size() && src_[pos_ + 1] == q && src_[pos_ + 2] == q;
    pos_ += triple ? 3 : 1;
    auto fail = [&](const std::string& why) -> token { throw compile_error(start, "Syntax error: " + why); };
    std::string& out = t.value;
    while (true) {
        if (pos_ >= src_.size()) return fail("unterminated string literal");
        char c = src_[pos_];
        if (c == q) {
            if (!triple) {
                ++pos_;
                break;
            }
            if (pos_ + 2 < src_.size() && src_[pos_ + 1] == q && src_[pos_ + 2] == q) {
                pos_ += 3;
                break;
            }
        }
        if (!triple && (c == '\n' || c == '\r')) return fail("unterminated string literal");
        if (c != '\\' || raw) {
            out.push_back(c);
            ++pos_;
            continue;
        }
        // An escape.
        if (pos_ + 1 >= src_.size()) return fail("unterminated string literal");
        const uint32_t esc_pos = static_cast<uint32_t>(pos_);
        char e = src_[pos_ + 1];
        pos_ += 2;
        switch (e) {
            case 'a': out.push_back('\a'); continue;
            case 'b': out.push_back('\b'); continue;
            case 'f': out.push_back('\f'); continue;
            case 'n': out.push_back('\n'); continue;
            case 'r': out.push_back('\r'); continue;
            case 't': out.push_back('\t'); continue;
            case 'v': out.push_back('\v'); continue;
            case '\\': case '\'': case '"': case '`': case '?': out.push_back(e); continue;
            default: break;
        }
        uint32_t code = 0;
        int digits = 0;
        int base = 16;
        if (e == 'x' || e == 'X') digits = 2;
        else if (e == 'u') digits = 4;
        else if (e == 'U') digits = 8;
        else if (e >= '0' && e <= '3') {
            base = 8;
            digits = 2;
            code = static_cast<uint32_t>(e - '0');
        } else {
            throw compile_error(esc_pos, "Syntax error: invalid escape sequence '\\" + std::string(1, e) + "'");
        }
        if (bytes && (e == 'u' || e == 'U'))
            throw compile_error(esc_pos, "Syntax error: unicode escape sequence in a bytes literal");
        for (int i = 0; i < digits; ++i) {
            if (pos_ >= src_.size()) return fail("unterminated string literal");
            char d = src_[pos_];
            bool ok = base == 16 ? is_hex(d) : (d >= '0' && d <= '7');
            if (!ok) throw compile_error(esc_pos, "Syntax error: invalid escape sequence");
            code = code * static_cast<uint32_t>(base) + static_cast<uint32_t>(hex_value(d));
            ++pos_;
        }
        if (bytes && (e == 'x' || e == 'X' || base == 8)) {
            out.push_back(static_cast<char>(code));
            continue;
        }
        if (code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            throw compile_error(esc_pos, "Syntax error: invalid unicode code point");
        go::append_rune(out, static_cast<char32_t>(code));
    }
    t.text = src_.substr(start, pos_ - start);
    if (!bytes) {
        // Source text is UTF-8; a string literal must stay valid UTF-8.
        for (size_t i = 0; i < out.size();) {
            auto r = go::decode_rune(out, i);
            if (r.invalid()) return fail("invalid UTF-8 in string literal");
            i += r.width;
        }
    }
    return t;
}

}  // namespace flowgrep::cel
