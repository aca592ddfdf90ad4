// output_sink: write(2) in big blocks, retrying short writes and EINTR.
#include "output/sink.h"

#include <cerrno>
#include <cstring>
#include <cstdlib>
#include <unistd.h>

#include <fmt/format.h>

#include "exit_status.h"

namespace flowgrep {

output_sink::output_sink(int fd, bool line_buffered) : fd_(fd), line_buffered_(line_buffered) {
    buffer_.reserve(flush_threshold * 2);
}

output_sink::~output_sink() {
    flush();
}

void output_sink::flush() {
    const char* p = buffer_.data();
    size_t left = buffer_.size();
    while (left > 0) {
        ssize_t n = ::write(fd_, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            // The reader went away (`| head`): nothing more we print can matter. SIGPIPE is ignored
            // so that we get here and leave quietly instead of being killed mid-write.
            if (errno == EPIPE) std::_Exit(static_cast<int>(exit_status::ok));
            fmt::print(stderr, "flowgrep: error: writing output: {}\n", std::strerror(errno));
            std::_Exit(static_cast<int>(exit_status::error));
        }
        p += n;
        left -= static_cast<size_t>(n);
    }
    buffer_.clear();
}

}  // namespace flowgrep
