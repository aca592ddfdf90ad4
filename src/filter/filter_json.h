// FlowFilter <-> JSON, as protojson does it: --allowlist/--denylist strings decode into filters,
// and --print-raw-filters encodes them back.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "filter/flow_filter.h"

namespace flowgrep {

// A filter string that is not a stream of FlowFilter objects. what() is the detail Hubble prints
// after `failed to decode '<text>': `, e.g. `proto: (line 1:2): unknown field "bogus"`.
class filter_json_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Decodes a stream of concatenated JSON objects ('{...}{...}', '{...} {...}'), each one FlowFilter,
// with proto or lowerCamelCase field names and enum names or numbers. An empty string yields none.
std::vector<flow_filter> decode_filter_stream(std::string_view text);

// One filter as compact JSON with proto field names in declaration order, zero values omitted and
// `<`, `>`, `&` escaped as \u003c, \u003e, \u0026: the form --print-raw-filters quotes.
// Throws filter_json_error for a string that is not UTF-8 (Hubble fails the same way).
std::string encode_filter_json(const flow_filter& filter);

// The whole --print-raw-filters output as Hubble's YAML prints it: `allowlist:` and `denylist:`
// (each left out when empty), one quoted JSON filter per `    - ` line, or `{}` when both lists are
// empty (and also_allow, which Hubble has not, follows as `exporter-allowlist:`). Ends with a
// newline. Throws filter_json_error as encode_filter_json does.
std::string format_raw_filters(const filter_lists& lists);

}  // namespace flowgrep
