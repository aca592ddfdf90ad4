// Go regular expressions (regexp.Compile) run with RE2, which shares Go's syntax and semantics.
// Compile errors are reported in Go's words, as Hubble prints them.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <re2/re2.h>

namespace flowgrep {

// Compiles a Go regexp. On failure returns null and sets *error to Go's text, e.g.
// "error parsing regexp: missing closing ): `(`".
std::unique_ptr<re2::RE2> compile_go_regexp(std::string_view pattern, std::string* error);

// Unanchored search (Go's MatchString) and a match of the whole text.
inline bool regexp_search(const re2::RE2& re, std::string_view text) {
    return re.Match({text.data(), text.size()}, 0, text.size(), re2::RE2::UNANCHORED, nullptr, 0);
}
inline bool regexp_full_match(const re2::RE2& re, std::string_view text) {
    return re.Match({text.data(), text.size()}, 0, text.size(), re2::RE2::ANCHOR_BOTH, nullptr, 0);
}

}  // namespace flowgrep
