// Go's strconv.Quote (and fmt's %q for strings), which Hubble uses for node-status error messages.
#pragma once

#include <string>
#include <string_view>

namespace flowgrep {

// Appends `text` in double quotes with Go's escapes: \" \\ \a \b \f \n \r \t \v, \xNN for other
// control bytes and invalid UTF-8, \uNNNN / \UNNNNNNNN for non-printable code points. Go decides
// "printable" from the Unicode tables; this knows the control, format, separator, private-use and
// non-character ranges, which covers what a message can reasonably hold, but not unassigned ones.
void append_go_quoted(std::string& out, std::string_view text);

}  // namespace flowgrep
