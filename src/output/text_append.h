// Appending ANSI colours and enum names to an output buffer (numbers and JSON strings come from
// text/append.h, included here for the printers). Printers build every record straight into the
// sink's buffer, so these helpers never allocate beyond the buffer's own growth.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "flow/enums.h"
#include "text/append.h"

namespace flowgrep {

// The SGR sequences Hubble uses (fatih/color): ESC[<n>m before, ESC[0m after.
namespace ansi {
inline constexpr std::string_view red = "\x1b[31m";
inline constexpr std::string_view green = "\x1b[32m";
inline constexpr std::string_view yellow = "\x1b[33m";
inline constexpr std::string_view magenta = "\x1b[35m";
inline constexpr std::string_view cyan = "\x1b[36m";
inline constexpr std::string_view reset = "\x1b[0m";
}  // namespace ansi

// Opens a colour when colouring is on; close_color() must follow with the same `on`.
inline void open_color(std::string& out, bool on, std::string_view color) {
    if (on) out.append(color);
}
inline void close_color(std::string& out, bool on) {
    if (on) out.append(ansi::reset);
}

// `text` in `color` when colouring is on (an empty text still gets both sequences, as in Hubble).
inline void append_colored(std::string& out, bool on, std::string_view color, std::string_view text) {
    open_color(out, on, color);
    out.append(text);
    close_color(out, on);
}

// An enum value as protobuf's String() prints it: its name, or the number when it has none.
inline void append_enum(std::string& out, enum_table table, int32_t number) {
    std::string_view name = enum_name(table, number);
    if (name.empty())
        append_int(out, number);
    else
        out.append(name);
}

}  // namespace flowgrep
