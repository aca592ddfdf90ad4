// A FlowFilter's experimental.cel_expression list: each expression compiled once, and a flow
// matches when one of them is true, tried in order. A runtime error in any of them ends the
// test with false, as Hubble does; its message goes to the caller, who reports it with the line
// (FILE:LINE, in input order) rather than from whichever worker thread met it.
#pragma once

#include <string>
#include <vector>

#include "filter/cel/cel_program.h"
#include "filter/match_errors.h"
#include "flow/fields.h"
#include "flow/flow.h"

namespace flowgrep {

class cel_filter {
public:
    // Throws filter_error with Hubble's text: "error compiling CEL expression: ...".
    explicit cel_filter(const std::vector<std::string>& expressions);

    // A runtime error adds "error running CEL program: ..." (Hubble's words) to `errors`, if given.
    bool matches(const response& r, match_errors* errors) const;
    field_set needs() const { return needs_; }

private:
    std::vector<cel::program> programs_;
    field_set needs_ = 0;
};

}  // namespace flowgrep
