// Where the input's bytes come from: a file, standard input, a compressed stream, or a file followed as it
// grows. The line reader and the pipeline only ever call read(), so each kind of source is one class
// and nothing downstream knows which it is reading.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <sys/types.h>

#include "input/gzip_whole_file.h"

namespace flowgrep {

class mapped_file;

class byte_source {
public:
    virtual ~byte_source() = default;

    // Reads up to `size` bytes into `buffer`: how many it read, 0 at the end of the source, or -1
    // on an error that ends the source (error() says what, in words for the user). May block, for
    // a pipe or a followed file; it returns whatever it has as soon as it has some.
    virtual ssize_t read(char* buffer, size_t size) = 0;

    // A plain regular file may be mapped instead of read, when at least `min_size` bytes of it are
    // left: the mapping, and in `start` the offset in it where read() would have gone on. Null for
    // every other source, and then read() goes on as before. After a mapping, read() is not called.
    virtual std::shared_ptr<const mapped_file> map_rest(size_t min_size, size_t& start) {
        (void)min_size, (void)start;
        return nullptr;
    }

    const std::string& error() const { return error_; }
    // The name in messages: the path as given, or "<stdin>".
    const std::string& name() const { return name_; }

protected:
    explicit byte_source(std::string name) : name_(std::move(name)) {}
    std::string error_;

private:
    std::string name_;
};

struct source_options {
    bool follow = false;  // keep reading a FILE as it grows, across rotation and truncation
    // Called by a followed source each time it has read all there is and is about to wait for
    // more: the moment to flush output, so that nothing sits in a buffer while the file is quiet.
    std::function<void()> on_wait;
    // Read a plain regular file through a mapping of it (input/mapped_file.h) rather than read(2).
    // Off only where the two ways are compared.
    bool map_files = true;
    // Which gzip files are read whole when opened and inflated at once (input/gzip_whole_file.h).
    // Not a flag: tests lower them to see the streaming way taken.
    whole_gzip_limits whole_gzip{};
};

// Opens `path` ("-" is standard input). Returns null with `error` set when it cannot be opened.
// Compressed data (gzip, xz, zstd, bzip2: found by the magic bytes at the start, also on standard
// input, or by a name ending in .gz, .xz, .zst, .bz2) is decompressed. With `follow`, a regular file
// that is not compressed, or a path that does not exist yet (said once on stderr), is followed;
// anything else is read to its end as without it. Standard input on a terminal is said on stderr.
// A small gzip file (options.whole_gzip), not followed, is read whole before this returns.
std::unique_ptr<byte_source> open_source(const std::string& path, const source_options& options,
                                         std::string& error);

}  // namespace flowgrep
