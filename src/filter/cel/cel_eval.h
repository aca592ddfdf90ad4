// Evaluating a checked CEL tree against one response. The context holds everything an
// evaluation needs besides the tree: the JSON view of the line (parsed only when the expression
// reads a field the flow struct lacks), scratch strings and lists, and iteration variables. It
// is reused from flow to flow, so evaluation allocates only while its buffers first grow.
#pragma once

#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "filter/cel/cel_ast.h"
#include "flow/flow.h"

namespace simdjson::dom {
class element;
}  // namespace simdjson::dom

namespace flowgrep {
class flow_json;
}

namespace flowgrep {
struct field_info;
}

namespace flowgrep::cel {

using field_desc = flowgrep::field_info;

class eval_context {
public:
    eval_context();
    ~eval_context();
    eval_context(const eval_context&) = delete;
    eval_context& operator=(const eval_context&) = delete;

    // Starts an evaluation over `r`; scratch space of the previous one is reused.
    void reset(const response& r, int max_depth);

    const response& current() const { return *response_; }
    std::vector<value>& vars() { return vars_; }

    // The line's "flow" object, parsed on first use; null for a response that is not a flow.
    const simdjson::dom::element* flow_json();
    // Keeps a JSON element for as long as this evaluation runs.
    const simdjson::dom::element* keep(const simdjson::dom::element& e);
    // A scratch string or list for this evaluation (emptied, capacity kept).
    std::string& scratch_string();
    std::vector<value>& scratch_list();
    // A runtime error whose text is built from parts: kept in a scratch string.
    value error(std::string message);

private:
    const response* response_ = nullptr;
    std::unique_ptr<flowgrep::flow_json> json_;
    bool parsed_ = false;
    const simdjson::dom::element* flow_ = nullptr;
    std::deque<simdjson::dom::element> elements_;
    size_t elements_used_ = 0;
    std::deque<std::string> strings_;
    size_t strings_used_ = 0;
    std::deque<std::vector<value>> lists_;
    size_t lists_used_ = 0;
    std::vector<value> vars_;
};

// The value of the tree's root for the response the context was reset to.
value evaluate(const syntax_tree& tree, eval_context& ctx);

// Field access over flow messages (cel_flow_access.cpp).
value flow_value(eval_context& ctx);
value get_field(const value& message, const field_desc& fd, eval_context& ctx);
bool has_field(const value& message, const field_desc& fd, eval_context& ctx);
size_t list_size(const value& list);
value list_at(const value& list, size_t i, eval_context& ctx);

// CEL equality (heterogeneous numbers compare by value, lists and maps element-wise, messages
// field by field). An error only when an element comparison errs.
value values_equal(const value& x, const value& y, eval_context& ctx);

// Standard functions other than operators (cel_functions.cpp): conversions, string and time
// functions. args[0] is the receiver of a member call.
value call_function(const node& n, const value* args, size_t count, eval_context& ctx);

// The name type() reports for a value.
std::string_view type_name(const value& v);

}  // namespace flowgrep::cel
