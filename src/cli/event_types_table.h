// What `flowgrep event-types` prints and the man page's EVENT TYPES section shows: every event type
// and every sub-type flowgrep knows a name or a text for, read from flow/enums.h, the tables that
// -t/--type, the compact printer and the completions also read.
#pragma once

#include <string>
#include <vector>

namespace flowgrep {

struct event_type_row {
    std::string number;  // "4" or "4:3", as event_type {"type":4,"sub_type":3} reads
    std::string name;    // what -t/--type accepts for it: "trace", "trace:to-stack", "drop:133"
    std::string note;    // the drop reason text of a drop sub-type; empty otherwise
};

// In order of type number, each type followed by its sub-types in order of number.
std::vector<event_type_row> event_type_rows();

// The rows as aligned text: "4:3      trace:to-stack" and "1:133    drop:133 (Policy denied)".
std::string event_types_text();

}  // namespace flowgrep
