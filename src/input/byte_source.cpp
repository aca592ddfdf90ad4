// The plain sources: a file or standard input, read with read(2).
#include "input/byte_source.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

#include "input/interrupt.h"

namespace flowgrep {

namespace {

class fd_source final : public byte_source {
public:
    fd_source(std::string name, int fd, bool owned) : byte_source(std::move(name)), fd_(fd), owned_(owned) {
#ifdef F_SETPIPE_SZ
        // A pipe holds 64 KiB by default; a bigger one lets a fast writer (`cat big.json |`) hand
        // over more per read(). Refused or not a pipe: no matter.
        ::fcntl(fd_, F_SETPIPE_SZ, 1 << 20);
#endif
    }
    ~fd_source() override {
        if (owned_) ::close(fd_);
    }

    ssize_t read(char* buffer, size_t size) override {
        for (;;) {
            // Checked before a read that could take long too (a big file read block after block).
            if (input_interrupted()) return 0;
            ssize_t n = ::read(fd_, buffer, size);
            if (n >= 0) return n;
            if (errno == EINTR) continue;
            error_ = std::strerror(errno);
            return -1;
        }
    }

private:
    int fd_;
    bool owned_;
};

}  // namespace

std::unique_ptr<byte_source> open_source(const std::string& path, const source_options&, std::string& error) {
    if (path == "-") return std::make_unique<fd_source>("<stdin>", 0, false);
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        error = std::strerror(errno);
        return nullptr;
    }
    return std::make_unique<fd_source>(path, fd, true);
}

}  // namespace flowgrep
