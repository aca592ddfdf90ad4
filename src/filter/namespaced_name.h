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
    // A value's two parts: the namespace it requires (empty: any) and the prefix the name must begin
    // with (empty: any). The prefilter (filter/prefilter.h) reads values the same way.
    struct entry {
        std::string namespace_;
        std::string prefix;
    };
    static entry split(std::string_view value);

    // Throws filter_error("invalid filter, name must not be empty") for an empty value.
    explicit namespaced_name_filter(const std::vector<std::string>& values);

    // Needs a non-empty namespace or name; then some value's namespace (if any) is equal and its
    // prefix (if any) begins the name.
    bool matches(std::string_view namespace_, std::string_view name) const;

private:
    std::vector<entry> entries_;
};

}  // namespace flowgrep
