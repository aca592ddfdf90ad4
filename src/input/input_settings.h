// What the input stage is asked to read: the files in order and whether to follow them. The
// command line fills it in (cli/options.h groups it with the other stages' settings).
#pragma once

#include <string>
#include <vector>

namespace flowgrep {

struct input_settings {
    std::vector<std::string> files;  // empty or "-" means standard input
    bool follow = false;             // keep reading the last file as it grows (--follow)
};

}  // namespace flowgrep
