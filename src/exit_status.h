// flowgrep's exit statuses, in one place (the man page and README list the same).
#pragma once

namespace flowgrep {

enum class exit_status : int {
    ok = 0,        // ran to the end; matching nothing is still 0, as with hubble observe
    no_match = 1,  // reserved for --quiet / --count finding nothing, as grep does
    error = 2,     // a usage error, a bad filter, or a file that could not be read
};

}  // namespace flowgrep
