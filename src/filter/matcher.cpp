// The allow/deny combination over compiled FlowFilters: allow (and also_allow) passes when empty or
// when any filter matches, deny passes when no filter matches.
#include "filter/matcher.h"

#include "filter/compiled_filter.h"

namespace flowgrep {

flow_matcher::flow_matcher(const filter_lists& lists) {
    for (const auto& f : lists.allow) allow_.push_back(std::make_unique<compiled_filter>(f, needs_));
    for (const auto& f : lists.deny) deny_.push_back(std::make_unique<compiled_filter>(f, needs_));
    for (const auto& f : lists.also_allow) also_allow_.push_back(std::make_unique<compiled_filter>(f, needs_));
}

flow_matcher::~flow_matcher() = default;
flow_matcher::flow_matcher(flow_matcher&&) noexcept = default;
flow_matcher& flow_matcher::operator=(flow_matcher&&) noexcept = default;

namespace {

bool any_matches(const std::vector<std::unique_ptr<compiled_filter>>& list, const response& r,
                 match_errors* errors) {
    for (const auto& f : list)
        if (f->matches(r, errors)) return true;
    return false;
}

}  // namespace

bool flow_matcher::matches(const response& r, match_errors* errors) const {
    if (!allow_.empty() && !any_matches(allow_, r, errors)) return false;
    if (!also_allow_.empty() && !any_matches(also_allow_, r, errors)) return false;
    return !any_matches(deny_, r, errors);
}

}  // namespace flowgrep
