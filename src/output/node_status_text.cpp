// Node-status texts, worded as Hubble's printer words them.
#include "output/node_status_text.h"

#include "flow/enums.h"
#include "flow/event_types.h"
#include "go/strconv.h"
#include "output/text_append.h"

namespace flowgrep {

namespace {

constexpr size_t node_names_cut_off = 50;

// Hubble prints an unknown state with Go's %+v of the message, which is its protobuf text form.
// Go randomises the spacing of that form between builds; this is the plain single-space version.
void append_status_text_form(std::string& out, const node_status& s) {
    bool first = true;
    auto sep = [&] {
        if (!first) out.push_back(' ');
        first = false;
    };
    if (s.state_change != 0) {
        sep();
        out.append("state_change:");
        append_enum(out, node_state_enum, s.state_change);
    }
    for (auto name : s.node_names) {
        sep();
        out.append("node_names:");
        go::append_quoted(out, name);
    }
    if (!s.message.empty()) {
        sep();
        out.append("message:");
        go::append_quoted(out, s.message);
    }
}

}  // namespace

bool node_status_shown(const node_status& status, bool debug) {
    return debug || status.state_change == node_states::error || status.state_change == node_states::unavailable;
}

void append_node_names(std::string& out, const std::vector<std::string_view>& names) {
    size_t length = 0;
    size_t end = names.size();
    for (size_t i = 0; i < names.size(); ++i) {
        length += names[i].size() + 2;
        if (length > node_names_cut_off && i > 0) {
            end = i;
            break;
        }
    }
    for (size_t i = 0; i < end; ++i) {
        if (i > 0) out.append(", ");
        out.append(names[i]);
    }
    if (end < names.size()) {
        out.append(" (and ");
        append_uint(out, names.size() - end);
        out.append(" more)");
    }
}

void append_node_status_line(std::string& out, const response& r, time_formatter& time) {
    const node_status& s = r.node_status;
    time.append(out, r.time);
    out.append(" [");
    out.append(r.node_name);
    out.append("]: ");
    switch (s.state_change) {
    case node_states::connected:
        out.append("Receiving flows from ");
        append_uint(out, s.node_names.size());
        out.append(" nodes: ");
        append_node_names(out, s.node_names);
        break;
    case node_states::unavailable:
        append_uint(out, s.node_names.size());
        out.append(" nodes are unavailable: ");
        append_node_names(out, s.node_names);
        break;
    case node_states::gone:
        append_uint(out, s.node_names.size());
        out.append(" nodes removed from cluster: ");
        append_node_names(out, s.node_names);
        break;
    case node_states::error:
        out.append("Error ");
        go::append_quoted(out, s.message);
        out.append(" on ");
        append_uint(out, s.node_names.size());
        out.append(" nodes: ");
        append_node_names(out, s.node_names);
        break;
    default:
        out.append("unknown node status event: ");
        append_status_text_form(out, s);
        break;
    }
    out.push_back('\n');
}

void append_node_status_dict(std::string& out, const response& r, time_formatter& time) {
    const node_status& s = r.node_status;
    out.append("  TIMESTAMP: ");
    time.append(out, r.time);
    out.append("\n      STATE: ");
    append_enum(out, node_state_enum, s.state_change);
    out.append("\n      NODES: ");
    append_node_names(out, s.node_names);
    out.append("\n    MESSAGE: ");
    if (s.message.empty())
        out.append("N/A");
    else
        go::append_quoted(out, s.message);
    out.push_back('\n');
}

}  // namespace flowgrep
