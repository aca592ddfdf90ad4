// The allow and deny lists compiled once, before the first flow: regexes, CIDRs, label selectors,
// name patterns and event-type tables are all built here, so matching a flow allocates nothing.
// A compiled matcher is immutable; several threads may match with it at once.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "filter/filter_error.h"
#include "filter/flow_filter.h"
#include "filter/match_errors.h"
#include "flow/fields.h"
#include "flow/flow.h"

namespace flowgrep {

class compiled_filter;  // one FlowFilter, compiled

class flow_matcher {
public:
    // Compiles allow filters in list order, then deny filters, then also_allow; the first error wins
    // (filter_error, with Hubble's message).
    explicit flow_matcher(const filter_lists& lists);
    ~flow_matcher();
    flow_matcher(flow_matcher&&) noexcept;
    flow_matcher& operator=(flow_matcher&&) noexcept;

    // True when some allow filter matches (or there is none), so does some also_allow filter (or
    // there is none), and no deny filter matches. A response
    // that is not a flow is matched as an empty flow, which is what its cleared flow part is.
    // A filter that fails at run time (a CEL error) does not match; its message is added to
    // `errors` for the caller to report, or dropped when `errors` is null.
    bool matches(const response& r, match_errors* errors = nullptr) const;

    // The parts of a flow that matching reads.
    field_set needs() const { return needs_; }

private:
    std::vector<std::unique_ptr<compiled_filter>> allow_;
    std::vector<std::unique_ptr<compiled_filter>> deny_;
    std::vector<std::unique_ptr<compiled_filter>> also_allow_;
    field_set needs_ = 0;
};

}  // namespace flowgrep
