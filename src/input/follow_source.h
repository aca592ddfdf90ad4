// Following a file as it grows, like `tail -n +1 -F`: from its first byte, across rotation (renamed
// away and a new file created under the name) and truncation, waiting for it while it does not exist.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "input/byte_source.h"

namespace flowgrep {

// Follows `path`; `fd` is the file already opened at offset 0, or -1 when it does not exist yet.
// Ends only when the input is interrupted (input/interrupt.h) or on a read error. `on_wait` (may be
// empty) is called each time all that was written has been read, before waiting for more.
std::unique_ptr<byte_source> make_follow_source(std::string path, int fd, std::function<void()> on_wait);

}  // namespace flowgrep
