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

namespace flowgrep {

struct input_line {
    std::string_view text;  // without "\n" or "\r\n"
    std::string_view source;  // the file name as given, or "<stdin>"
    uint64_t number = 0;    // 1-based line number within its source
};

class line_reader {
public:
    // Called when a source cannot be opened or read: its name and the reason. Reading goes on with
    // the next source.
    using error_handler = std::function<void(std::string_view source, std::string_view reason)>;

    // `padding` bytes after each line stay readable. An empty list, or "-", is standard input.
    line_reader(std::vector<std::string> paths, size_t padding, error_handler on_error);
    ~line_reader();
    line_reader(const line_reader&) = delete;
    line_reader& operator=(const line_reader&) = delete;

    // The next line of the stream; false at the end of the last source.
    bool next(input_line& out);

private:
    bool open_next();
    bool fill();  // reads more bytes; false at the end of the current source

    std::vector<std::string> paths_;
    size_t next_path_ = 0;
    size_t padding_;
    error_handler on_error_;

    int fd_ = -1;
    std::string name_;
    uint64_t line_number_ = 0;
    bool eof_ = true;

    std::unique_ptr<char[]> buffer_;
    size_t capacity_ = 0;  // usable bytes, not counting the padding
    size_t begin_ = 0;     // the first byte not yet handed out
    size_t end_ = 0;       // one past the last byte read
};

}  // namespace flowgrep
