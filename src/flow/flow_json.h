// The "flow" object of a response line as a simdjson DOM, for what a parsed `response` does not
// hold: CEL expressions and --aggregate-by keys may name any field of a Flow, and read those from
// the line itself. One parser, reused line after line.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <simdjson.h>

namespace flowgrep {

class flow_json {
public:
    flow_json();
    ~flow_json();

    // Parses `line` and returns its "flow" object (valid until the next call), or null when the
    // line has none. `padded`: simdjson's padding follows the line and it is read in place;
    // otherwise it is copied first.
    const simdjson::dom::element* parse(std::string_view line, bool padded);

private:
    std::unique_ptr<simdjson::dom::parser> parser_;
    std::string copy_;  // an unpadded line, with the padding after it
    simdjson::dom::element flow_;
};

// A member of a JSON object by its proto name or its JSON (lowerCamelCase) name, as protojson reads
// either; false when `object` is not an object or has neither.
bool json_member(const simdjson::dom::element& object, std::string_view proto_name, std::string_view json_name,
                 simdjson::dom::element& out);

}  // namespace flowgrep
