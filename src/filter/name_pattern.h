// FQDN patterns (source_fqdn, destination_fqdn) and node-name patterns (node_name), compiled to one
// anchored RE2 per field the way Hubble builds its Go regexp: `*` spans [-.0-9a-z], patterns are
// lower-cased, flow names are taken as they are.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

namespace flowgrep {

// Any of the patterns matches any of the names. Throws filter_error ("empty pattern",
// "multiple trailing dots in pattern", "' ': invalid rune in pattern").
class fqdn_filter {
public:
    explicit fqdn_filter(const std::vector<std::string>& patterns);
    bool matches(std::span<const std::string_view> names) const;

private:
    std::unique_ptr<re2::RE2> regexp_;
};

// `cluster/node` or `node` patterns against the flow's node name, which counts as
// `default/<name>` when it has no cluster part. Throws filter_error ("empty pattern",
// "too many slashes in pattern", FQDN pattern errors).
class node_name_filter {
public:
    explicit node_name_filter(const std::vector<std::string>& patterns);
    bool matches(std::string_view node_name) const;

private:
    std::unique_ptr<re2::RE2> with_cluster_;     // for names that contain a '/'
    std::unique_ptr<re2::RE2> default_cluster_;  // node parts of the patterns whose cluster part
                                                 // accepts "default"; null when none does
};

}  // namespace flowgrep
