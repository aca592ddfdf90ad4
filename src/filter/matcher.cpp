// The allow/deny combination over compiled FlowFilters: allow passes when empty or when any filter
// matches, deny passes when no filter matches.
#include "filter/matcher.h"

#include "filter/compiled_filter.h"

namespace flowgrep {

flow_matcher::flow_matcher(const filter_lists& lists) {
    for (const auto& f : lists.allow) allow_.push_back(std::make_unique<compiled_filter>(f, needs_));
    for (const auto& f : lists.deny) deny_.push_back(std::make_unique<compiled_filter>(f, needs_));
}

flow_matcher::~flow_matcher() = default;
flow_matcher::flow_matcher(flow_matcher&&) noexcept = default;
flow_matcher& flow_matcher::operator=(flow_matcher&&) noexcept = default;

bool flow_matcher::matches(const response& r) const {
    if (!allow_.empty()) {
        bool allowed = false;
        for (const auto& f : allow_) {
            if (f->matches(r)) {
                allowed = true;
                break;
            }
        }
        if (!allowed) return false;
    }
    for (const auto& f : deny_)
        if (f->matches(r)) return false;
    return true;
}

}  // namespace flowgrep
