// output_sink: write(2) in big blocks, retrying short writes and EINTR.
#include "output/sink.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <cstdlib>
#include <unistd.h>

#include <fmt/format.h>

#include "exit_status.h"
#include "text/report.h"

namespace flowgrep {

output_sink::output_sink(int fd, bool line_buffered) : fd_(fd), line_buffered_(line_buffered) {
    if (fd_ >= 0) buffer_.reserve(flush_threshold * 2);
}

output_sink::~output_sink() {
    flush();
}

void output_sink::flush() {
    if (fd_ < 0) {
        if (forward_) {
            forward_->write_through(buffer_);
            buffer_.clear();
        }
        return;
    }
    write_all(buffer_.data(), buffer_.size());
    buffer_.clear();
}

void output_sink::write_all(const char* p, size_t left) {
    while (left > 0) {
        ssize_t n = ::write(fd_, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            if (errno == EPIPE) end_of_pipe();
            error_line("writing output", std::strerror(errno));
            std::_Exit(static_cast<int>(exit_status::error));
        }
        p += n;
        left -= static_cast<size_t>(n);
    }
}

void output_sink::end_of_pipe() {
    // The reader went away (`| head`): nothing more we print can matter. Normally SIGPIPE has
    // already ended the program inside write(2); we get here only when it is blocked or ignored,
    // and end the same way, so a shell sees the status it knows from every other filter (141).
    std::signal(SIGPIPE, SIG_DFL);
    sigset_t pipe_only;
    sigemptyset(&pipe_only);
    sigaddset(&pipe_only, SIGPIPE);
    sigprocmask(SIG_UNBLOCK, &pipe_only, nullptr);
    std::raise(SIGPIPE);
    std::_Exit(128 + SIGPIPE);
}

}  // namespace flowgrep
