// The error a FlowFilter that cannot be compiled raises. Its text is Hubble's own message, printed
// verbatim, so every compile step builds exactly the string `hubble observe` prints.
#pragma once

#include <stdexcept>

namespace flowgrep {

// A filter that cannot be compiled. what() is Hubble's own message, e.g.
// `invalid protocol filter: unknown protocol: "foo"`.
class filter_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace flowgrep
