// Pod and service filters: `namespace/name-prefix` values matched against an endpoint's (or a
// service's) namespace and name, with Hubble's defaults (`name` alone means namespace "default",
// an empty part means any).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace flowgrep {

class namespaced_name_filter {
public:
    // Throws filter_error("invalid filter, name must not be empty") for an empty value.
    explicit namespaced_name_filter(const std::vector<std::string>& values);

    // Needs a non-empty namespace or name; then some value's namespace (if any) is equal and its
    // prefix (if any) begins the name.
    bool matches(std::string_view namespace_, std::string_view name) const;

private:
    struct entry {
        std::string namespace_;  // empty: any namespace
        std::string prefix;      // empty: any name
    };
    std::vector<entry> entries_;
};

}  // namespace flowgrep
