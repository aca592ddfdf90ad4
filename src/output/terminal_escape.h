// Terminal escaping of text output, as Hubble (since 1.17.2) applies it to compact, dict and table
// output and to node-status text on stderr, so that control bytes in flow strings (pod names, URLs,
// DNS names, Summary) cannot drive the terminal. JSON output is never escaped.
#pragma once

#include <cstddef>
#include <string>

namespace flowgrep {

// Escapes out[from:] in place: ESC (0x1b) becomes the two characters `^[` and CR the two characters
// `\r`; every other byte stays. With `keep_colors` (colour is on), an ESC that starts one of the
// sequences the colourer writes (ESC[31m ... ESC[36m, ESC[0m) is kept with its sequence, wherever it
// came from, as Hubble's replacer keeps it. Allocates nothing beyond the string's own growth.
void escape_terminal(std::string& out, size_t from, bool keep_colors);

}  // namespace flowgrep
