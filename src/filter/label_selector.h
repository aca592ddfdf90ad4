// Hubble's label selectors (source_label, destination_label, node_labels): Kubernetes selector
// syntax over Cilium labels such as `k8s:app=web`. Compiling follows Hubble step by step (fold the
// `source:` prefix into the key, then Kubernetes' parser with its validation and error texts);
// matching follows Cilium's source-aware lookup. Matching reads the flow's label strings in place
// and allocates nothing, so one selector can serve several threads.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "filter/ip_match.h"

namespace flowgrep {

// A flow label `source:key=value` split the way Cilium's ParseLabel splits it.
struct cilium_label {
    std::string_view source;  // "unspec" when the label names none
    std::string_view key;
    std::string_view value;
};
cilium_label parse_cilium_label(std::string_view label);

// Hubble's rewrite of a selector before Kubernetes parses it: `app=x` -> `any.app=x`,
// `k8s:app in (a)` -> `k8s.app in (a)`.
std::string translate_label_selector(std::string_view selector);

class label_selector {
public:
    // Throws filter_error with the parser's message (without Hubble's
    // "invalid source label filter: " prefix, which the caller adds).
    explicit label_selector(std::string_view selector);

    // True when every requirement holds for these flow labels (in the flow's order). The empty
    // selector matches everything, no labels included.
    bool matches(std::span<const std::string_view> labels) const;

    std::size_t size() const { return requirements_.size(); }

    // For the prefilter: per requirement that some value must equal (`app=x`, `app in (x, y)`), the
    // text one of the matching labels must end with, as a JSON string ends: `app=x"`, `app=y"`.
    // Requirements on no value, or that an empty value may meet, give nothing.
    std::vector<std::vector<std::string>> value_needles() const;

private:
    enum class op : std::uint8_t { exists, not_exists, in, not_in, greater, less };
    struct requirement {
        op kind = op::exists;
        std::string source;
        bool any_source = false;  // source "any" matches labels of every source
        std::string key;
        std::vector<std::string> values;  // sorted, for in / not_in
        std::int64_t number = 0;          // for greater / less
        std::optional<ip_prefix> cidr;    // for source "cidr": the key as a prefix
    };

    // The value of the label when it has the requirement's key.
    std::optional<std::string_view> lookup(std::string_view label, const requirement& r) const;
    std::optional<std::string_view> value_of(std::span<const std::string_view> labels,
                                             const requirement& r) const;
    bool holds(std::span<const std::string_view> labels, const requirement& r) const;

    std::vector<requirement> requirements_;
};

}  // namespace flowgrep
