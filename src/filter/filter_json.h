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
std::string encode_filter_json(const flow_filter& filter);

}  // namespace flowgrep
