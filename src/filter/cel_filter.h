// A FlowFilter's experimental.cel_expression list: each expression compiled once, and a flow
// matches when one of them is true, tried in order. A runtime error in any of them ends the
// test with false and one warning on stderr, as Hubble does.
#pragma once

#include <string>
#include <vector>

#include "filter/cel/cel_program.h"
#include "flow/fields.h"
#include "flow/flow.h"

namespace flowgrep {

class cel_filter {
public:
    // Throws filter_error with Hubble's text: "error compiling CEL expression: ...".
    explicit cel_filter(const std::vector<std::string>& expressions);

    bool matches(const response& r) const;
    field_set needs() const { return needs_; }

private:
    std::vector<cel::program> programs_;
    field_set needs_ = 0;
};

}  // namespace flowgrep
