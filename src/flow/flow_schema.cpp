// is_valid_field_path: a walk down the field table.
#include "flow/flow_schema.h"

namespace flowgrep {

bool is_valid_field_path(const message_info& root, std::string_view path) {
    const message_info* m = &root;
    while (true) {
        size_t dot = path.find('.');
        std::string_view name = path.substr(0, dot);
        // Only a message field can have a field after it: not a scalar, not a repeated field.
        if (m == nullptr) return false;
        const field_info* f = m->field(name);
        if (f == nullptr) return false;
        m = f->is_message() ? f->message : nullptr;
        if (dot == std::string_view::npos) return true;
        path.remove_prefix(dot + 1);
    }
}

}  // namespace flowgrep
