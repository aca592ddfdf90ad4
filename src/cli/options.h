// What the command line asks for, once parsed: the filter lists, the selectors, the output format
// and the input files. The option table (option_table.h) is the single source of truth for how
// these are spelled; this struct is what the rest of the program reads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "filter/flow_filter.h"
#include "output/aggregate_keys.h"

namespace flowgrep {

enum class output_format { compact, dict, table, json };
enum class color_mode { auto_, always, never };

struct options {
    std::vector<std::string> files;  // empty or "-" means standard input
    filter_lists filters;

    // selectors; 0 means no limit (hubble's "no limit" value, the largest uint64, becomes 0 too)
    uint64_t first = 0;
    uint64_t last = 0;  // at most 1'000'000
    bool all = false;
    bool follow = false;
    std::optional<int64_t> since_ns;  // inclusive bounds on the response time, ns since the epoch
    std::optional<int64_t> until_ns;  // (clamped to int64); --until is ignored with --follow, an
                                      // exporter config's end is not

    output_format output = output_format::compact;  // table also for "tab"; json for "JSON", "jsonpb"
    std::string time_format = "StampMilli";  // always one of the canonical names (StampMilli, RFC3339 ...)
    color_mode color = color_mode::auto_;
    bool numeric = false;
    bool ip_translation = true;
    bool print_node_name = false;
    bool print_policy_names = false;
    std::vector<std::string> field_mask;  // Flow field paths, checked; only with json output
    bool use_default_field_masks = false;  // accepted for compatibility; no effect on files
    aggregate_spec aggregate;  // --aggregate-by, --top: counted rows instead of flows when active

    bool print_raw_filters = false;
    bool silent_errors = false;
    bool debug = false;

    // For scripts (grep's meanings): --quiet prints nothing and stops at the first matching flow,
    // --count prints only how many flows would have been printed; both exit 1 when none matched.
    bool quiet = false;
    bool count = false;
    bool strict = false;         // a bad input line is an error: stop there, exit 2
    bool line_buffered = false;  // flush after each record even when stdout is not a terminal
};

}  // namespace flowgrep
