// Decodes one line of `hubble observe -o json` (a GetFlowsResponse) into a response view, with
// simdjson On-Demand. One parser is reused for every line, so nothing is allocated per flow.
#pragma once

#include <string>
#include <string_view>

#include <simdjson.h>

#include "flow/fields.h"
#include "flow/flow.h"

namespace flowgrep {

class response_parser {
public:
    explicit response_parser(field_set wanted = all_fields) : wanted_(wanted) {}

    // Decodes `line` (without its end of line) into `out`. The bytes after the line, up to
    // simdjson::SIMDJSON_PADDING of them, must be readable. Returns false and sets error() when the
    // line is not a valid response; `out` then holds nothing useful.
    bool parse(std::string_view line, response& out);

    const std::string& error() const { return error_; }

private:
    field_set wanted_;
    simdjson::ondemand::parser parser_;
    std::string error_;
};

// Parses an RFC 3339 timestamp as protojson accepts it (upper-case T and Z or a ±hh:mm offset,
// 0 to 9 fraction digits). Returns false for anything else.
bool parse_rfc3339(std::string_view text, timestamp& out);

}  // namespace flowgrep
