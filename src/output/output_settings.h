// What the output stage is asked to print and how: the format, the time layout, colour, name
// translation, the JSON field mask and --aggregate-by. The command line fills it in; make_printer
// resolves it against the terminal and the environment (formats.h).
#pragma once

#include <string>
#include <vector>

#include "output/aggregate_keys.h"

namespace flowgrep {

enum class output_format { compact, dict, table, json };
enum class color_mode { auto_, always, never };

struct output_settings {
    output_format format = output_format::compact;  // table also for "tab"; json for "JSON", "jsonpb"
    std::string time_format = "StampMilli";  // always one of the canonical names (StampMilli, RFC3339 ...)
    color_mode color = color_mode::auto_;
    bool numeric = false;
    bool ip_translation = true;
    bool print_node_name = false;
    bool print_policy_names = false;  // name the policies that allowed or denied a flow by its verdict
    std::vector<std::string> field_mask;  // Flow field paths, checked; only with json output
    bool use_default_field_masks = true;   // accepted for compatibility; no effect on files
    aggregate_spec aggregate;  // --aggregate-by, --top: counted rows instead of flows when active
    bool silent_errors = false;  // node-status records are not printed
    bool debug = false;          // node-status records of every state are
};

}  // namespace flowgrep
