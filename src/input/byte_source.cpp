// The plain sources, a file or standard input read with read(2), and open_source(), which looks at
// the name and the first bytes to choose between plain, compressed and followed.
#include "input/byte_source.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "input/follow_source.h"
#include "input/decompress_source.h"
#include "input/interrupt.h"
#include "input/mapped_file.h"
#include "text/report.h"

namespace flowgrep {

namespace {

// The first bytes of a source, read before choosing how to read it. A pipe cannot give them back,
// so the plain source hands them out first; an error or the end met while peeking waits for its
// turn too, so that it is reported under the source's name like any other read error.
struct peeked_bytes {
    char bytes[compression_magic_size];
    size_t size = 0;
    int error = 0;       // errno of a failed read, 0 if none
    bool ended = false;  // the source ended (or the input was interrupted) within these bytes
};

peeked_bytes peek(int fd) {
    peeked_bytes p;
    // Once interrupted, the sources still to come are empty, not two stray bytes each.
    if (input_interrupted()) p.ended = true;
    while (!p.ended && p.size < sizeof p.bytes) {
        ssize_t n = ::read(fd, p.bytes + p.size, sizeof p.bytes - p.size);
        if (n > 0) {
            p.size += static_cast<size_t>(n);
        } else if (n == 0) {
            p.ended = true;
            break;
        } else if (errno == EINTR) {
            if (input_interrupted()) {
                p.ended = true;
                break;
            }
        } else {
            p.error = errno;
            break;
        }
    }
    return p;
}

compression compression_of_peeked(const peeked_bytes& p) { return compression_of(std::string_view(p.bytes, p.size)); }

class fd_source final : public byte_source {
public:
    fd_source(std::string name, int fd, bool owned, const peeked_bytes& peeked)
        : byte_source(std::move(name)), fd_(fd), owned_(owned), peeked_(peeked) {
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
        if (peeked_given_ < peeked_.size) {
            size_t n = std::min(size, peeked_.size - peeked_given_);
            std::memcpy(buffer, peeked_.bytes + peeked_given_, n);
            peeked_given_ += n;
            return static_cast<ssize_t>(n);
        }
        if (peeked_.ended) return 0;
        if (peeked_.error != 0) {
            error_ = std::strerror(peeked_.error);
            return -1;
        }
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

    std::shared_ptr<const mapped_file> map_rest(size_t min_size, size_t& start) override {
        // Bytes peeked but not handed out yet are in the file before the read position.
        if (peeked_.ended || peeked_.error != 0) return nullptr;
        struct stat st;
        const off_t at = ::lseek(fd_, 0, SEEK_CUR);
        if (at < 0 || ::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode)) return nullptr;
        const auto from = static_cast<size_t>(at) - (peeked_.size - peeked_given_);
        if (static_cast<size_t>(st.st_size) < from + min_size) return nullptr;
        auto map = mapped_file::map(fd_, name());
        if (map) start = from;
        return map;
    }

private:
    int fd_;
    bool owned_;
    peeked_bytes peeked_;
    size_t peeked_given_ = 0;
};

// Plain or compressed, by the first bytes, else by the name.
std::unique_ptr<byte_source> open_fd(std::string name, int fd, bool owned, compression by_name) {
    peeked_bytes first = peek(fd);
    compression kind = compression_of_peeked(first);
    if (kind == compression::none) kind = by_name;
    auto plain = std::make_unique<fd_source>(std::move(name), fd, owned, first);
    if (kind != compression::none) return make_decompress_source(std::move(plain), kind);
    return plain;
}

}  // namespace

std::unique_ptr<byte_source> open_source(const std::string& path, const source_options& options, std::string& error) {
    if (path == "-") {
        // Someone who typed `flowgrep` alone would otherwise see nothing happen at all.
        if (::isatty(0))
            notice_line("reading flows from standard input (Ctrl-D ends, --help for usage)");
        return open_fd("<stdin>", 0, false, compression::none);
    }
    const compression by_name = compression_by_name(path);
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (options.follow && by_name == compression::none) {
        // Like tail -F: a file that is not there yet is waited for, and said so once (a typo in
        // the path would otherwise look like a quiet file). Only a regular file can grow and be
        // rotated; a compressed one is written whole, so it is read like a backup.
        if (fd < 0 && errno == ENOENT) {
            warning_line(path, "no such file; waiting for it to appear");
            return make_follow_source(path, -1, options.on_wait);
        }
        struct stat st;
        char magic[compression_magic_size];
        if (fd >= 0 && ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
            ssize_t n = ::pread(fd, magic, sizeof magic, 0);
            if (compression_of(std::string_view(magic, n > 0 ? static_cast<size_t>(n) : 0)) == compression::none)
                return make_follow_source(path, fd, options.on_wait);
        }
    }
    if (fd < 0) {
        error = std::strerror(errno);
        // `flowgrep help` and `flowgrep version` are what git and go users type; the words are
        // FILEs here (as for grep), so only a missing one gets the hint.
        if (errno == ENOENT && (path == "help" || path == "version")) error += " (did you mean --" + path + "?)";
        return nullptr;
    }
    return open_fd(path, fd, true, by_name);
}

}  // namespace flowgrep
