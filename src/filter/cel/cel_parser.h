// CEL's grammar (langdef "Syntax") by recursive descent, with its precedence from loosest to
// tightest: ?: then || then && then relations (< <= > >= == != in) then + - then * / % then
// unary ! and - then member access, index and calls. Binary operators associate to the left.
// The macros has, all, exists, exists_one, map and filter are expanded while parsing.
#pragma once

#include <string_view>

#include "filter/cel/cel_ast.h"

namespace flowgrep::cel {

// Parses `source` into `tree`; throws compile_error with the position of the first problem.
void parse(std::string_view source, syntax_tree& tree);

}  // namespace flowgrep::cel
