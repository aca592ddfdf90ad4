// Node-status records (relay messages about nodes joining, failing or leaving), which Hubble prints on
// stderr: whether to print one, the one-line form of compact and table, the block of dict.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "flow/flow.h"
#include "output/time_format.h"

namespace flowgrep {

// Errors and unavailable nodes are always shown; the other states only with --debug.
bool node_status_shown(const node_status& status, bool debug);

// The node names joined with ", ", cut off once the running length (each name plus 2) passes 50,
// always keeping the first, then ` (and N more)`.
void append_node_names(std::string& out, const std::vector<std::string_view>& names);

// `<response time> [<response node>]: <message>` with a newline, as compact and table print it.
void append_node_status_line(std::string& out, const response& r, time_formatter& time);

// The TIMESTAMP / STATE / NODES / MESSAGE lines of dict output (without any separator).
void append_node_status_dict(std::string& out, const response& r, time_formatter& time);

}  // namespace flowgrep
