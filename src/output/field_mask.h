// --field-mask applied to JSON output: each flow line reduced to the masked fields, in the form the
// Hubble exporter writes with a fieldMask ({"flow":{...}} plus node_name and time only when masked).
// Unlike the exporter it keeps the input's field order and bytes, and allocates nothing per line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "flow/flow_schema.h"

namespace flowgrep {

class field_mask {
public:
    field_mask() = default;  // no mask: nothing to apply
    // `paths` as hubble takes them (proto names, dotted). Throws std::invalid_argument with the
    // first path that is not a Flow field; the command line has normally refused it already.
    explicit field_mask(const std::vector<std::string>& paths);

    bool active() const { return !root_.children.empty(); }

    // Appends the masked form of one flow response line (a JSON object, without end of line) to
    // `out`. Keys may be proto or JSON names. A path that selects nothing is absent, null counts as
    // absent, and repeated fields are kept whole.
    void apply(std::string_view line, std::string& out) const;
    // The same for a line that is a bare Flow object: it stays one, cut down to the masked fields.
    void apply_to_flow(std::string_view line, std::string& out) const;

private:
    struct node {
        const field_info* field = nullptr;  // null for the root, the flow itself
        bool whole = false;                   // the path ends here: keep the value as it is
        std::vector<node> children;
    };

    struct cursor;  // a small JSON scanner over the line, in field_mask.cpp

    static const node* child_for_key(const node& n, std::string_view key);
    static bool copy_members(cursor& c, const node& n, std::string& out);

    node root_;
    bool keeps_node_name_ = false;  // the response's node_name and time are the flow's copies:
    bool keeps_time_ = false;       // the exporter writes them only when the mask keeps them
};

}  // namespace flowgrep
