// Pod and service name filters.
#include "filter/namespaced_name.h"

#include "filter/filter_error.h"

namespace flowgrep {

namespaced_name_filter::entry namespaced_name_filter::split(std::string_view v) {
    auto slash = v.find('/');
    if (slash == std::string_view::npos) return {"default", std::string(v)};
    // Only the first two '/'-separated parts count: "a/b/c" is namespace a, prefix b.
    std::string_view rest = v.substr(slash + 1);
    return {std::string(v.substr(0, slash)), std::string(rest.substr(0, rest.find('/')))};
}

namespaced_name_filter::namespaced_name_filter(const std::vector<std::string>& values) {
    for (const auto& value : values) {
        if (value.empty()) throw filter_error("invalid filter, name must not be empty");
        entries_.push_back(split(value));
    }
}

bool namespaced_name_filter::matches(std::string_view namespace_, std::string_view name) const {
    if (namespace_.empty() && name.empty()) return false;
    for (const auto& e : entries_)
        if ((e.prefix.empty() || name.starts_with(e.prefix)) &&
            (e.namespace_.empty() || e.namespace_ == namespace_))
            return true;
    return false;
}

}  // namespace flowgrep
