// Compiling Go regexps with RE2: options that give Go's semantics, Go's `(?<name>` spelling, and
// RE2's error codes put back into Go's messages.
#include "filter/go_regexp.h"

namespace flowgrep {

namespace {

const char* go_error_text(re2::RE2::ErrorCode code) {
    switch (code) {
        case re2::RE2::ErrorBadEscape: return "invalid escape sequence";
        case re2::RE2::ErrorBadCharClass: return "invalid character class";
        case re2::RE2::ErrorBadCharRange: return "invalid character class range";
        case re2::RE2::ErrorMissingBracket: return "missing closing ]";
        case re2::RE2::ErrorMissingParen: return "missing closing )";
        case re2::RE2::ErrorUnexpectedParen: return "unexpected )";
        case re2::RE2::ErrorTrailingBackslash: return "trailing backslash at end of expression";
        case re2::RE2::ErrorRepeatArgument: return "missing argument to repetition operator";
        case re2::RE2::ErrorRepeatSize: return "invalid repeat count";
        case re2::RE2::ErrorRepeatOp: return "invalid nested repetition operator";
        case re2::RE2::ErrorBadPerlOp: return "invalid or unsupported Perl syntax";
        case re2::RE2::ErrorBadUTF8: return "invalid UTF-8";
        case re2::RE2::ErrorBadNamedCapture: return "invalid named capture";
        case re2::RE2::ErrorPatternTooLarge: return "expression too large";
        default: return "regexp/syntax: internal error";
    }
}

// Go also accepts `(?<name>...)` for a named group; older RE2 only knows `(?P<name>...)`.
std::string with_python_named_groups(std::string_view pattern) {
    std::string out;
    bool in_class = false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        char c = pattern[i];
        out += c;
        if (c == '\\' && i + 1 < pattern.size()) {
            out += pattern[++i];
        } else if (in_class) {
            if (c == ']') in_class = false;
        } else if (c == '[') {
            in_class = true;
            // A ']' right after '[' or '[^' is a literal.
            if (i + 1 < pattern.size() && pattern[i + 1] == '^') out += pattern[++i];
            if (i + 1 < pattern.size() && pattern[i + 1] == ']') out += pattern[++i];
        } else if (c == '(' && pattern.substr(i + 1, 2) == "?<" && i + 3 < pattern.size() &&
                   pattern[i + 3] != '=' && pattern[i + 3] != '!') {
            out += "?P<";
            i += 2;
        }
    }
    return out;
}

std::unique_ptr<re2::RE2> compile(std::string_view pattern) {
    re2::RE2::Options options;
    options.set_log_errors(false);
    return std::make_unique<re2::RE2>(std::string(pattern), options);
}

}  // namespace

std::unique_ptr<re2::RE2> compile_go_regexp(std::string_view pattern, std::string* error) {
    auto re = compile(pattern);
    if (re->ok()) return re;
    if (re->error_code() == re2::RE2::ErrorBadPerlOp && re->error_arg() == "(?<") {
        auto retry = compile(with_python_named_groups(pattern));
        if (retry->ok()) return retry;
    }
    if (error)
        *error = std::string("error parsing regexp: ") + go_error_text(re->error_code()) + ": `" +
                 re->error_arg() + "`";
    return nullptr;
}

}  // namespace flowgrep
