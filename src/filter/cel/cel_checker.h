// The CEL type checker for Hubble's environment: the variable _flow of type flow.Flow, the
// container `flow` (so Verdict.DROPPED names flow.Verdict.DROPPED), the standard functions with
// cel-go's overloads, and the macros. It resolves every name and call in the tree, types every
// node, and reports the first problem as a compile_error at its position.
#pragma once

#include "filter/cel/cel_ast.h"
#include "flow/fields.h"

namespace flowgrep::cel {

struct check_result {
    const type* result = nullptr;  // the expression's type (Hubble wants exactly bool)
    field_set needs = 0;           // the parts of the parsed flow the expression reads
};

check_result check(syntax_tree& tree, type_store& store);

}  // namespace flowgrep::cel
