// --exporter-config: the filters of one Hubble exporter flow log, read from the YAML people have:
// Cilium Helm values (hubble.export.static, hubble.export.dynamic.config.content), the dynamic
// exporter's own file (flowLogs:), or a ConfigMap (cilium-config's hubble-export-* keys, or the
// dynamic exporter's flowlogs.yaml). The shape is told from the document itself.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "filter/flow_filter.h"

namespace flowgrep {

struct exporter_flow_log {
    std::string name;                   // "static" for the static exporter
    std::vector<flow_filter> include;   // includeFilters / allowList: the exporter's allowlist
    std::vector<flow_filter> exclude;   // excludeFilters / denyList: its denylist
    std::vector<std::string> field_mask;  // checked Flow field paths
    std::optional<int64_t> end_ns;      // `end`: the exporter writes only what comes before it
    std::vector<std::string> warnings;  // what the exporter does that flowgrep does not (aggregation)
};

// The flow log named `name`, or the only one when `name` is empty. Throws usage_error, whose text
// names the file (and line, and the flow log where there is one): a YAML error, a document of no
// known shape, several flow logs and no name (listing the names), an unknown name (listing them),
// a filter that does not decode or compile, a field mask path that is not a Flow field, a bad end.
exporter_flow_log load_exporter_config(const std::string& path, const std::string& name);

// The same from text; `path` is only used in messages. For tests.
exporter_flow_log parse_exporter_config(const std::string& path, const std::string& text, const std::string& name);

}  // namespace flowgrep
