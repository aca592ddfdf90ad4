// A CEL expression that does not compile: where (a byte offset into the expression) and why.
// format_compile_error() spells it the way cel-go does, with the offending line and a caret.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace flowgrep::cel {

class compile_error : public std::runtime_error {
public:
    compile_error(uint32_t pos, const std::string& message) : std::runtime_error(message), pos_(pos) {}
    uint32_t pos() const { return pos_; }

private:
    uint32_t pos_;
};

// "ERROR: <input>:1:7: undeclared reference to 'x' (in container 'flow')\n | _flow.x\n | ......^"
std::string format_compile_error(std::string_view source, const compile_error& e);

}  // namespace flowgrep::cel
