// The plain sources, a file or standard input read with read(2), and open_source(), which looks at
// the name and the first bytes to choose between plain, compressed (a small gzip file read whole
// and inflated at once, or streamed) and followed.
#include "input/byte_source.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>

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

// The first bytes of a source, read before choosing how to read it (for a small gzip file, all of
// it). A pipe cannot give them back, so the plain source hands them out first; an error or the end
// met while peeking waits for its turn too, so that it is reported under the source's name like any
// other read error.
struct peeked_bytes {
    std::string bytes;
    int error = 0;       // errno of a failed read, 0 if none
    bool ended = false;  // the source ended (or the input was interrupted) within these bytes
};

// Reads on into `p` until it holds `want` bytes, or the source ends or fails.
void peek_more(int fd, peeked_bytes& p, size_t want) {
    // Once interrupted, the sources still to come are empty, not two stray bytes each.
    if (input_interrupted()) p.ended = true;
    size_t have = p.bytes.size();
    p.bytes.resize(std::max(want, have));
    while (!p.ended && p.error == 0 && have < want) {
        ssize_t n = ::read(fd, p.bytes.data() + have, want - have);
        if (n > 0) {
            have += static_cast<size_t>(n);
        } else if (n == 0) {
            p.ended = true;
        } else if (errno == EINTR) {
            if (input_interrupted()) p.ended = true;
        } else {
            p.error = errno;
        }
    }
    p.bytes.resize(have);
}

peeked_bytes peek(int fd) {
    peeked_bytes p;
    peek_more(fd, p, compression_magic_size);
    return p;
}

compression compression_of_peeked(const peeked_bytes& p) { return compression_of(p.bytes); }

// For a regular gzip file small enough by its size and trailer (gzip_whole_file.h): reads the rest
// of it into `first`. True when that is the whole file; false when it is not such a file, or its
// end was not reached (a read error, an interrupt, a file grown since fstat), and what was read
// stays in `first` for the streaming source to take first.
bool read_whole_gzip(int fd, peeked_bytes& first, const whole_gzip_limits& limits) {
    if (first.ended || first.error != 0) return false;
    struct stat st;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < 4) return false;
    const auto size = static_cast<uint64_t>(st.st_size);
    char trailer[4];
    if (::pread(fd, trailer, sizeof trailer, st.st_size - 4) != sizeof trailer) return false;
    if (!whole_gzip_fits(size, std::string_view(trailer, sizeof trailer), limits)) return false;
    // A byte past the size fstat gave: reading it means the file grew, and what is in hand is not
    // all of it.
    peek_more(fd, first, static_cast<size_t>(size) + 1);
    return first.ended && first.error == 0 && !input_interrupted();
}

class fd_source final : public byte_source {
public:
    fd_source(std::string name, int fd, bool owned, peeked_bytes peeked)
        : byte_source(std::move(name)), fd_(fd), owned_(owned), peeked_(std::move(peeked)) {
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
        if (peeked_given_ < peeked_.bytes.size()) {
            size_t n = std::min(size, peeked_.bytes.size() - peeked_given_);
            std::memcpy(buffer, peeked_.bytes.data() + peeked_given_, n);
            peeked_given_ += n;
            // A whole file read ahead goes back to memory once handed out.
            if (peeked_given_ == peeked_.bytes.size()) {
                std::string().swap(peeked_.bytes);
                peeked_given_ = 0;
            }
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
        const auto from = static_cast<size_t>(at) - (peeked_.bytes.size() - peeked_given_);
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

// Plain or compressed, by the first bytes, else by the name. With `whole_gzip` (a file opened by
// path, not followed), a small regular file with gzip's magic is read whole, and inflated at once
// if it is one sound member; anything else about it is for the streaming source to find and say.
std::unique_ptr<byte_source> open_fd(std::string name, int fd, bool owned, compression by_name,
                                     const whole_gzip_limits* whole_gzip) {
    peeked_bytes first = peek(fd);
    compression kind = compression_of_peeked(first);
    if (kind == compression::gzip && whole_gzip && read_whole_gzip(fd, first, *whole_gzip)) {
        if (auto inflated = inflate_whole_gzip(name, first.bytes, *whole_gzip)) {
            if (owned) ::close(fd);
            return inflated;
        }
    }
    if (kind == compression::none) kind = by_name;
    auto plain = std::make_unique<fd_source>(std::move(name), fd, owned, std::move(first));
    if (kind != compression::none) return make_decompress_source(std::move(plain), kind);
    return plain;
}

}  // namespace

std::unique_ptr<byte_source> open_source(const std::string& path, const source_options& options, std::string& error) {
    if (path == "-") {
        // Someone who typed `flowgrep` alone would otherwise see nothing happen at all.
        if (::isatty(0))
            notice_line("reading flows from standard input (Ctrl-D ends, --help for usage)");
        return open_fd("<stdin>", 0, false, compression::none, nullptr);
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
    return open_fd(path, fd, true, by_name, options.follow ? nullptr : &options.whole_gzip);
}

}  // namespace flowgrep
