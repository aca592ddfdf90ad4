// The event type listing. Drop sub-types have no names that --type accepts, only numbers, so they
// are listed as drop:CODE with the compact printer's text beside them in parentheses.
#include "cli/event_types_table.h"

#include <algorithm>

#include "flow/enums.h"
#include "flow/event_types.h"

namespace flowgrep {

namespace {

constexpr std::string_view drop_type = "drop";

}  // namespace

std::vector<event_type_row> event_type_rows() {
    std::vector<event_type_row> rows;
    for (const auto& type : event_type_names) {
        const std::string number = std::to_string(type.number);
        const std::string name(type.name);
        rows.push_back({number, name, {}});
        for (const auto& sub : sub_type_names_for(type.number))
            rows.push_back({number + ":" + std::to_string(sub.number), name + ":" + std::string(sub.name), {}});
        if (type.name == drop_type) {
            // Drop codes are 8-bit in the datapath; the printer looks the text up by that code.
            for (uint32_t code = 0; code < 256; ++code) {
                std::string_view text = drop_reason_text(code);
                if (text.empty()) continue;
                const std::string sub = std::to_string(code);
                rows.push_back({number + ":" + sub, name + ":" + sub, std::string(text)});
            }
        }
    }
    return rows;
}

std::string event_types_text() {
    const std::vector<event_type_row> rows = event_type_rows();
    size_t width = 0;
    for (const auto& row : rows) width = std::max(width, row.number.size());
    std::string out;
    for (const auto& row : rows) {
        out += row.number;
        out.append(width + 2 - row.number.size(), ' ');
        out += row.name;
        if (!row.note.empty()) {
            out += " (";
            out += row.note;
            out += ')';
        }
        out += '\n';
    }
    return out;
}

}  // namespace flowgrep
