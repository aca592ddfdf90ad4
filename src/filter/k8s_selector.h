// Kubernetes label selector syntax (`app in (a,b),!tier,x=y`): parsed and validated exactly as
// k8s.io/apimachinery does it, so that invalid selectors fail with the same message.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace flowgrep {

struct parsed_requirement {
    std::string key;
    std::string op;                   // Kubernetes' operator names: exists ! in notin = == != gt lt
    std::vector<std::string> values;  // a sorted set; empty for exists and !
};

// Throws filter_error with Kubernetes' message, e.g.
// `unable to parse requirement: found '', expected: ',' or ')'`. An empty selector has no
// requirements.
std::vector<parsed_requirement> parse_k8s_selector(std::string_view selector);

}  // namespace flowgrep
