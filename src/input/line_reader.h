// Hands out the lines of the input files (or standard input) in order, as one stream. Lines may be of
// any length; each handed-out line is followed by readable padding, so the JSON parser can work on
// it in place without copying.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "input/byte_source.h"

namespace flowgrep {

struct input_line {
    std::string_view text;    // without "\n" or "\r\n"
    std::string_view source;  // the file name as given, or "<stdin>"
    uint64_t number = 0;      // 1-based line number within its source
    uint32_t source_index = 0;  // counts the sources opened, so a change of source is cheap to see
    bool has_newline = true;    // false for a last line cut off before its "\n"
    // When the line was longer than the reader's limit: its length in bytes, and `text` is empty.
    // Such a line is skipped over without being held in memory.
    uint64_t overlong = 0;
};

class line_reader {
public:
    // Called when a source cannot be opened or read: its name and the reason. Reading goes on with
    // the next source.
    using error_handler = std::function<void(std::string_view source, std::string_view reason)>;

    // Lines longer than this are reported (input_line::overlong) rather than read: a binary file or a
    // dump without newlines must not take all memory. Hubble itself stops at 64 KiB.
    static constexpr size_t default_max_line = size_t{16} << 20;

    // `padding` bytes after each line stay readable. An empty list, or "-", is standard input.
    line_reader(std::vector<std::string> paths, size_t padding, error_handler on_error,
                source_options options = {}, size_t max_line = default_max_line);
    ~line_reader();
    line_reader(const line_reader&) = delete;
    line_reader& operator=(const line_reader&) = delete;

    // The next line of the stream; false at the end of the last source.
    bool next(input_line& out);

private:
    bool open_next();
    bool fill();  // reads more bytes; false at the end of the current source
    void skip_overlong_line(input_line& out);

    std::vector<std::string> paths_;
    size_t next_path_ = 0;
    size_t padding_;
    error_handler on_error_;
    source_options options_;
    size_t max_line_;
    uint32_t source_index_ = 0;

    std::unique_ptr<byte_source> source_;  // null between sources
    uint64_t line_number_ = 0;
    bool eof_ = true;

    std::unique_ptr<char[]> buffer_;
    size_t capacity_ = 0;  // usable bytes, not counting the padding
    size_t begin_ = 0;     // the first byte not yet handed out
    size_t end_ = 0;       // one past the last byte read
};

}  // namespace flowgrep
