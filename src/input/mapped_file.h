// A regular file read by mapping it instead of read(2): the kernel's copy of every byte into a
// buffer was the largest single cost of a selective filter (a third of its time), and blocks can
// point into the mapping as they point into a buffer. A file that another program truncates while it
// is mapped would raise SIGBUS at the first touch of a vanished page; that ends flowgrep with an
// error naming the file (exit status 2), never a crash.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace flowgrep {

class mapped_file {
public:
    // Maps all of the open regular file `fd` (kept open by the caller as long as it likes; the
    // mapping does not need it). Null if it is not a regular file, is empty, or cannot be mapped:
    // the caller reads it as before.
    static std::shared_ptr<const mapped_file> map(int fd, std::string name);

    ~mapped_file();
    mapped_file(const mapped_file&) = delete;
    mapped_file& operator=(const mapped_file&) = delete;

    std::string_view bytes() const { return {data_, size_}; }

    // Done with these bytes: their pages leave the process (they stay in the page cache), so that
    // its resident size stays that of the blocks in use, not of the file read so far. Bytes that
    // are touched again are simply mapped in again.
    void release(const char* at, size_t size) const;

private:
    mapped_file(const char* data, size_t size, std::string name);

    const char* data_;
    size_t size_;
    std::string message_;  // the line the SIGBUS handler writes, built beforehand: it may not allocate
    int slot_ = -1;        // its entry in the table the handler looks in, -1 if the table was full
};

}  // namespace flowgrep
