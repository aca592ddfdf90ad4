// follow_source: polls. At the end of the file it looks (fstat, stat) whether the file shrank below
// what was read (truncated: start again at 0) or the path now names another file (rotated: read the
// old one to its end, then the new one from its start), and otherwise sleeps a little.
#include "input/follow_source.h"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "input/interrupt.h"

namespace flowgrep {

namespace {

// How long to sleep when there is nothing new: tail's default is 1 s; a tenth of it keeps flows
// timely at the cost of three cheap system calls per wait.
constexpr long poll_interval_ns = 100'000'000;

class follow_source final : public byte_source {
public:
    follow_source(std::string path, int fd, std::function<void()> on_wait)
        : byte_source(path), path_(std::move(path)), fd_(fd), on_wait_(std::move(on_wait)) {}
    ~follow_source() override {
        if (fd_ >= 0) ::close(fd_);
    }

    ssize_t read(char* buffer, size_t size) override;

private:
    bool open_path();
    bool truncated(const struct stat& open_file) const;
    bool replaced(const struct stat& open_file) const;
    void wait();

    std::string path_;
    int fd_;  // -1 while the path names no file
    std::function<void()> on_wait_;
    uint64_t offset_ = 0;         // bytes read from the open file since its start (or truncation)
    bool switch_after_drain_ = false;  // the path names a new file: finish the open one first
    bool waited_ = false;         // on_wait_ was called and nothing was read since
};

ssize_t follow_source::read(char* buffer, size_t size) {
    for (;;) {
        if (input_interrupted()) return 0;
        if (fd_ < 0 && !open_path()) {
            if (!error_.empty()) return -1;
            wait();
            continue;
        }
        ssize_t n = ::read(fd_, buffer, size);
        if (n > 0) {
            offset_ += static_cast<uint64_t>(n);
            waited_ = false;
            return n;
        }
        if (n < 0) {
            if (errno == EINTR) continue;
            error_ = std::strerror(errno);
            return -1;
        }
        // At the end of what the file holds now.
        if (switch_after_drain_) {
            // Read to its end after the new file appeared, so whatever the writer put in the old one
            // before it moved on has been read: now the new one, from its start.
            ::close(fd_);
            fd_ = -1;
            switch_after_drain_ = false;
            continue;
        }
        struct stat open_file;
        if (::fstat(fd_, &open_file) != 0) {
            error_ = std::strerror(errno);
            return -1;
        }
        if (truncated(open_file)) {
            // Cut (logrotate's copytruncate, `: > file`): what is there now was written after the cut.
            if (::lseek(fd_, 0, SEEK_SET) < 0) {
                error_ = std::strerror(errno);
                return -1;
            }
            offset_ = 0;
            continue;
        }
        if (replaced(open_file)) {
            // The writer may have put a last block in the old file between our read and the stat:
            // read it once more before switching.
            switch_after_drain_ = true;
            continue;
        }
        wait();
    }
}

// Opens the file the path names now, from its start. False if there is none (keep waiting), or on
// another error (error_ says it).
bool follow_source::open_path() {
    fd_ = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ >= 0) {
        offset_ = 0;
        return true;
    }
    if (errno != ENOENT) error_ = std::strerror(errno);
    return false;
}

bool follow_source::truncated(const struct stat& open_file) const {
    return S_ISREG(open_file.st_mode) && static_cast<uint64_t>(open_file.st_size) < offset_;
}

// The path names another file than the open one. While it names none (between the rename and the
// creation of the new file), the open file is still the one to read.
bool follow_source::replaced(const struct stat& open_file) const {
    struct stat named;
    if (::stat(path_.c_str(), &named) != 0) return false;
    return named.st_ino != open_file.st_ino || named.st_dev != open_file.st_dev;
}

void follow_source::wait() {
    if (!waited_ && on_wait_) on_wait_();
    waited_ = true;
    // A signal cuts the sleep short (EINTR), and read() then looks at the interrupt flag.
    struct timespec pause = {0, poll_interval_ns};
    ::nanosleep(&pause, nullptr);
}

}  // namespace

std::unique_ptr<byte_source> make_follow_source(std::string path, int fd, std::function<void()> on_wait) {
    return std::make_unique<follow_source>(std::move(path), fd, std::move(on_wait));
}

}  // namespace flowgrep
