// One CEL expression compiled for Hubble's flow filter: parsed, checked against _flow, and
// required to be of type bool, exactly as hubble observe requires. Compiled once before the
// first flow; evaluating it reuses an eval_context and allocates nothing for plain comparisons.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "flow/fields.h"
#include "flow/flow.h"

namespace flowgrep {
struct field_info;
}

namespace flowgrep::cel {

class eval_context;
struct syntax_tree;
class type_store;

class program {
public:
    // Throws std::runtime_error with cel-go's text (without Hubble's "error compiling CEL
    // expression: " prefix), e.g. `got "int", wanted "bool" result type`.
    explicit program(std::string_view source);
    ~program();
    program(program&&) noexcept;
    program& operator=(program&&) noexcept;

    // The parts of the parsed flow the expression reads (the rest it reads from the line).
    field_set needs() const { return needs_; }

    // A `_flow.FIELD == constant` comparison (either way round) of a scalar field, joined to the rest
    // by && at the top of the expression: every flow the expression is true for has that value,
    // and when it has not the expression is false without an error (false && error is false). What
    // the prefilter (filter/prefilter.h) derives its needles from; a comparison under ||, !, ?: or a
    // macro says nothing for certain and is not listed.
    struct field_equals {
        const field_info* field = nullptr;  // the last field of the select chain
        std::string text;                   // a string constant
        int64_t number = 0;                 // an integer constant (an enum constant is an int)
        bool is_text = false;
    };
    std::vector<field_equals> required_equalities() const;

    struct result {
        bool matched = false;
        std::string_view error;  // a runtime error (then matched is false); valid until ctx's next use
    };
    result evaluate(const response& r, eval_context& ctx) const;

private:
    std::unique_ptr<type_store> types_;
    std::unique_ptr<syntax_tree> tree_;
    field_set needs_ = 0;
};

}  // namespace flowgrep::cel
