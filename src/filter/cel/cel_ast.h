// The syntax tree of one CEL expression. The parser builds it (macros already expanded into
// comprehension nodes), the checker fills in types and what each name and call refers to, and
// the evaluator walks it. Nodes live in their tree's arena and never move.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "filter/cel/cel_types.h"
#include "filter/cel/cel_value.h"

namespace flowgrep {
struct field_info;
}

namespace flowgrep::cel {

using field_desc = flowgrep::field_info;

enum class node_kind : uint8_t {
    literal,        // constant
    ident,          // name
    select,         // args[0].name
    has,            // has(args[0].name)
    call,           // name(args...); member calls have the receiver as args[0]
    list,           // [args...]
    map,            // {args[0]: args[1], ...}
    comprehension,  // args[0].macro(name, args[1] [, args[2]])
};

enum class macro_kind : uint8_t { all, exists, exists_one, map, map_filter, filter };

// What an identifier turned out to be.
enum class ident_ref : uint8_t { unresolved, flow, iter_var, constant };

// The function a call was resolved to; the evaluator dispatches on it.
enum class function : uint8_t {
    unknown,
    logical_and, logical_or, logical_not, negate, conditional,
    equals, not_equals, less, less_equals, greater, greater_equals,
    add, subtract, multiply, divide, modulo, index, in,
    size, contains, starts_with, ends_with, matches,
    to_int, to_uint, to_double, to_string, to_bytes, to_bool, to_type, to_dyn, to_timestamp, to_duration,
    get_full_year, get_month, get_day_of_year, get_day_of_month, get_date, get_day_of_week,
    get_hours, get_minutes, get_seconds, get_milliseconds,
};

struct node {
    node_kind kind = node_kind::literal;
    uint32_t pos = 0;  // byte offset of the token that names it, for error messages
    std::string name;  // identifier, field, function (operators as cel-go names them: "_==_"), iteration variable
    std::vector<node*> args;
    bool member = false;  // a receiver-style call
    macro_kind macro = macro_kind::all;
    std::string text;  // the bytes of a string or bytes literal (constant points here)
    value constant;

    // Filled in by the checker.
    const type* t = nullptr;
    ident_ref ref = ident_ref::unresolved;
    int slot = 0;                       // iteration variable: its depth
    const field_desc* field = nullptr;  // select/has on a flow message: the field
    function fn = function::unknown;
    std::unique_ptr<re2::RE2> regex;  // matches() with a constant pattern, compiled once
    std::string regex_error;          // ... or why it does not compile (a runtime error, as in cel-go)
};

struct syntax_tree {
    std::deque<node> nodes;
    node* root = nullptr;
    int max_depth = 0;  // comprehension nesting, for the evaluator's variable slots

    node* make(node_kind kind, uint32_t pos) {
        node& n = nodes.emplace_back();
        n.kind = kind;
        n.pos = pos;
        return &n;
    }
};

}  // namespace flowgrep::cel
