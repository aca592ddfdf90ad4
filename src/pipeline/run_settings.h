// What the run as a whole is asked to do beyond filtering and printing: where to cut (--first,
// --last), the script modes (-q, -c), --strict and --line-buffered. The in-order stage and the run
// policy (run_policy.h) read it.
#pragma once

#include <cstdint>

namespace flowgrep {

struct run_settings {
    // selectors; 0 means no limit (hubble's "no limit" value, the largest uint64, becomes 0 too)
    uint64_t first = 0;
    uint64_t last = 0;  // at most 1'000'000
    bool all = false;

    // For scripts (grep's meanings): --quiet prints nothing and stops at the first matching flow,
    // --count prints only how many flows would have been printed; both exit 1 when none matched.
    bool quiet = false;
    bool count = false;
    bool strict = false;         // a bad input line is an error: stop there, exit 2
    bool line_buffered = false;  // flush after each record even when stdout is not a terminal
};

}  // namespace flowgrep
