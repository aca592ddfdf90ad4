// The per-evaluation scratch space: pools of strings, lists and JSON elements that are handed
// out by index and emptied, never freed, between flows; and the lazily parsed JSON of the line.
#include <simdjson.h>

#include "filter/cel/cel_eval.h"
#include "flow/flow_json.h"

namespace flowgrep::cel {

eval_context::eval_context() : json_(std::make_unique<flowgrep::flow_json>()) {}
eval_context::~eval_context() = default;

void eval_context::reset(const response& r, int max_depth) {
    response_ = &r;
    parsed_ = false;
    flow_ = nullptr;
    elements_used_ = strings_used_ = lists_used_ = 0;
    if (vars_.size() < static_cast<size_t>(max_depth)) vars_.resize(static_cast<size_t>(max_depth));
}

const simdjson::dom::element* eval_context::flow_json() {
    if (parsed_) return flow_;
    parsed_ = true;
    if (response_->kind != response_kind::flow) return nullptr;
    // Copied with padding of its own, so any line (not only the reader's padded ones) can be read.
    if (const simdjson::dom::element* flow = json_->parse(response_->line, false)) flow_ = keep(*flow);
    return flow_;
}

const simdjson::dom::element* eval_context::keep(const simdjson::dom::element& e) {
    if (elements_used_ == elements_.size()) elements_.emplace_back();
    simdjson::dom::element& slot = elements_[elements_used_++];
    slot = e;
    return &slot;
}

std::string& eval_context::scratch_string() {
    if (strings_used_ == strings_.size()) strings_.emplace_back();
    std::string& s = strings_[strings_used_++];
    s.clear();
    return s;
}

std::vector<value>& eval_context::scratch_list() {
    if (lists_used_ == lists_.size()) lists_.emplace_back();
    std::vector<value>& l = lists_[lists_used_++];
    l.clear();
    return l;
}

value eval_context::error(std::string message) {
    std::string& s = scratch_string();
    s = std::move(message);
    return value::error(s);
}

}  // namespace flowgrep::cel
