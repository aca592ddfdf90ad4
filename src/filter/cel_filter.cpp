// Hubble's CEL filter function: OR over the compiled expressions, first error wins. The
// evaluation scratch space is per thread, so the compiled filter itself stays immutable.
#include "filter/cel_filter.h"

#include <fmt/format.h>

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

bool cel_filter::matches(const response& r) const {
    thread_local cel::eval_context ctx;
    for (const auto& p : programs_) {
        auto result = p.evaluate(r, ctx);
        if (!result.error.empty()) {
            fmt::print(stderr, "flowgrep: warning: error running CEL program: {}\n", result.error);
            return false;
        }
        if (result.matched) return true;
    }
    return false;
}

}  // namespace flowgrep
