// Hubble's CEL filter function: OR over the compiled expressions, first error wins. The
// evaluation scratch space is per thread, so the compiled filter itself stays immutable; errors
// are handed back, not printed, so that the in-order stage reports them with their line.
#include "filter/cel_filter.h"

#include "filter/cel/cel_eval.h"
#include "filter/filter_error.h"

namespace flowgrep {

cel_filter::cel_filter(const std::vector<std::string>& expressions) {
    for (const auto& e : expressions) {
        try {
            programs_.emplace_back(e);
        } catch (const std::runtime_error& err) {
            throw filter_error(std::string("error compiling CEL expression: ") + err.what());
        }
        needs_ |= programs_.back().needs();
    }
}

bool cel_filter::matches(const response& r, match_errors* errors) const {
    thread_local cel::eval_context ctx;
    for (const auto& p : programs_) {
        auto result = p.evaluate(r, ctx);
        if (!result.error.empty()) {
            if (errors) errors->push_back(std::string("error running CEL program: ").append(result.error));
            return false;
        }
        if (result.matched) return true;
    }
    return false;
}

}  // namespace flowgrep
