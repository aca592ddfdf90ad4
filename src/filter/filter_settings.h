// What the filter stage is asked to keep: the allow/deny FlowFilter lists and the time window
// (--since/--until). The command line fills it in; each worker compiles it once.
#pragma once

#include <cstdint>
#include <optional>

#include "filter/flow_filter.h"

namespace flowgrep {

struct filter_settings {
    filter_lists lists;
    std::optional<int64_t> since_ns;  // inclusive bounds on the response time, ns since the epoch
    std::optional<int64_t> until_ns;  // (clamped to int64); --until is ignored with --follow, an
                                      // exporter config's end is not
};

}  // namespace flowgrep
