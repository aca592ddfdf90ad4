// CEL's enum constants, from the enum tables flow/flow_fields.cpp names.
#include "filter/cel/cel_schema.h"

namespace flowgrep::cel {

std::optional<int32_t> enum_constant(std::string_view qualified_name) {
    size_t dot = qualified_name.rfind('.');
    if (dot == std::string_view::npos) return std::nullopt;
    std::string_view type_name = qualified_name.substr(0, dot);
    for (const auto& en : flow_enums())
        if (en.full_name == type_name) return enum_number(*en.table, qualified_name.substr(dot + 1));
    return std::nullopt;
}

}  // namespace flowgrep::cel
