// flow_json: simdjson's DOM parser over one line at a time.
#include "flow/flow_json.h"

namespace flowgrep {

flow_json::flow_json() : parser_(std::make_unique<simdjson::dom::parser>()) {}
flow_json::~flow_json() = default;

const simdjson::dom::element* flow_json::parse(std::string_view line, bool padded) {
    const char* data = line.data();
    if (!padded) {
        copy_.assign(line);
        copy_.append(simdjson::SIMDJSON_PADDING, '\0');
        data = copy_.data();
    }
    simdjson::dom::element root;
    if (parser_->parse(data, line.size(), false).get(root) != simdjson::SUCCESS) return nullptr;
    // Called for lines the parser took for flows: without a "flow" object, the line is a bare Flow.
    if (!json_member(root, "flow", "flow", flow_) || !flow_.is_object()) flow_ = root;
    return &flow_;
}

bool json_member(const simdjson::dom::element& object, std::string_view proto_name, std::string_view json_name,
                 simdjson::dom::element& out) {
    simdjson::dom::object o;
    if (object.get_object().get(o) != simdjson::SUCCESS) return false;
    for (auto kv : o)
        if (kv.key == proto_name || kv.key == json_name) {
            out = kv.value;
            return true;
        }
    return false;
}

}  // namespace flowgrep
