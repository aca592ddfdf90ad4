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
    // An endpoint's labels come with the rest of it: decoding them walks the whole endpoint anyway.
    explicit response_parser(field_set wanted = all_fields)
        : wanted_(wanted | (wanted & field_source_labels ? field_set{field_source} : 0) |
                  (wanted & field_destination_labels ? field_set{field_destination} : 0)) {}

    // Decodes `line` (without its end of line) into `out`. The bytes after the line, up to
    // simdjson::SIMDJSON_PADDING of them, must be readable. Returns false and sets error() when the
    // line is not a valid response; `out` then holds nothing useful. Checked: the line is one JSON
    // object; its own members; every part it decodes (types, ranges, fields given twice, oneofs) and
    // every member unknown to this version met on the way (valid JSON). Parts nobody wants are
    // skipped unread, so their mistakes go unnoticed until check_rest().
    bool parse(std::string_view line, response& out);

    // Checks the parts of `line` (the line just parsed) that parse() skipped, as thoroughly as
    // parse() checks what it decodes; afterwards the whole line has been checked. Call it for a line
    // about to be used (printed or counted) so that no line Hubble would refuse is passed on; lines
    // the filters drop need not pay for it. It walks the line again over the index parse() built
    // (finding a line's structure is the dearest part of parsing it) and decodes it in full into
    // the response parse() filled (which must still be alive): what parse() decoded reads the same,
    // and the rest is filled in, so a printer may read any field of a line it is given.
    bool check_rest(std::string_view line);

    const std::string& error() const { return error_; }

private:
    bool decode(std::string_view line, response& out, field_set want, bool again);

    field_set wanted_;
    simdjson::ondemand::parser parser_;
    simdjson::ondemand::document doc_;  // the line parse() indexed, walked again by check_rest()
    response* last_ = nullptr;          // the response parse() filled
    std::string error_;
};

// Parses an RFC 3339 timestamp as protojson accepts it (upper-case T and Z or a ±hh:mm offset,
// 0 to 9 fraction digits). Returns false for anything else.
bool parse_rfc3339(std::string_view text, timestamp& out);

}  // namespace flowgrep
