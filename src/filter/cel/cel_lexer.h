// CEL's tokens (langdef "Syntax"): identifiers, reserved words, int/uint/double literals,
// string and bytes literals with every quote form, raw prefix and escape, and the operators.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace flowgrep::cel {

enum class token_kind : uint8_t {
    end,
    ident,
    int_lit,  // text = digits (the magnitude; a leading '-' is a separate token)
    uint_lit,
    double_lit,
    string_lit,  // value = the decoded bytes
    bytes_lit,
    // punctuation and operators
    dot, comma, colon, question, lparen, rparen, lbracket, rbracket, lbrace, rbrace,
    plus, minus, star, slash, percent, bang,
    eq, ne, lt, le, gt, ge, and_, or_, in,
    true_, false_, null_,
};

struct token {
    token_kind kind = token_kind::end;
    uint32_t pos = 0;
    std::string_view text;  // the token as written
    std::string value;      // decoded literal bytes; the number for numeric literals
    uint64_t magnitude = 0; // int/uint literals
    bool overflow = false;  // an int/uint literal past 2^64 - 1
    double real = 0;        // double literals
};

class lexer {
public:
    explicit lexer(std::string_view source) : src_(source) {}
    // The next token; throws compile_error for a malformed one.
    token next();

private:
    void skip_space();
    token number();
    token quoted(uint32_t start, bool raw, bool bytes);

    std::string_view src_;
    size_t pos_ = 0;
};

}  // namespace flowgrep::cel
