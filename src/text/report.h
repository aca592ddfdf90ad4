// The one spelling of flowgrep's messages on standard error: `flowgrep: error: WHERE: WHAT` for
// what ends the run (or a file), `flowgrep: warning: WHERE: WHAT` for what it goes on past. WHERE
// is FILE:LINE for input problems, and may be empty. Every room that reports goes through here.
#pragma once

#include <string>
#include <string_view>

namespace flowgrep {

// Appends the whole line, newline included, to `out` (a sink's buffer, to keep the order of what
// goes to stderr).
void append_error_line(std::string& out, std::string_view where, std::string_view what);
void append_warning_line(std::string& out, std::string_view where, std::string_view what);

// The same lines, written to stderr at once in one write.
void error_line(std::string_view where, std::string_view what);
void warning_line(std::string_view where, std::string_view what);

// A notice, neither error nor warning: `flowgrep: WHAT` (what flowgrep is waiting for, say).
void notice_line(std::string_view what);

// Lines built with the append_ functions, written to stderr in one write.
void write_lines(std::string_view lines);

}  // namespace flowgrep
