// line_reader: reads its sources in large blocks into one buffer, split at "\n" with memchr. A line longer
// than the buffer grows it, up to the line limit; the buffer never shrinks, so memory stays at the
// longest line seen. A line over the limit is counted through to its end and handed out empty.
#include "input/line_reader.h"

#include <cstring>

namespace flowgrep {

namespace {
constexpr size_t block_size = 1 << 20;
}

line_reader::line_reader(std::vector<std::string> paths, size_t padding, error_handler on_error,
                         source_options options, size_t max_line)
    : paths_(std::move(paths)),
      padding_(padding),
      on_error_(std::move(on_error)),
      options_(options),
      max_line_(max_line) {
    if (paths_.empty()) paths_.push_back("-");
    capacity_ = 4 * block_size;
    buffer_ = std::make_unique<char[]>(capacity_ + padding_);
}

line_reader::~line_reader() = default;

bool line_reader::open_next() {
    source_.reset();
    while (next_path_ < paths_.size()) {
        const std::string& path = paths_[next_path_++];
        std::string error;
        // Only the last source is followed: the ones before it are backups, read to their end first.
        source_options options = options_;
        if (next_path_ < paths_.size()) options.follow = false;
        source_ = open_source(path, options, error);
        if (!source_) {
            on_error_(path, error);
            continue;
        }
        line_number_ = 0;
        ++source_index_;
        eof_ = false;
        begin_ = end_ = 0;
        return true;
    }
    return false;
}

bool line_reader::fill() {
    if (eof_) return false;
    // Keep the unfinished line, move it to the front, and grow when it fills the whole buffer.
    if (begin_ > 0) {
        std::memmove(buffer_.get(), buffer_.get() + begin_, end_ - begin_);
        end_ -= begin_;
        begin_ = 0;
    }
    if (capacity_ - end_ < block_size) {
        size_t bigger = capacity_ * 2;
        auto grown = std::make_unique<char[]>(bigger + padding_);
        std::memcpy(grown.get(), buffer_.get(), end_);
        buffer_ = std::move(grown);
        capacity_ = bigger;
    }
    ssize_t n = source_->read(buffer_.get() + end_, capacity_ - end_);
    if (n < 0) {
        on_error_(source_->name(), source_->error());
        // The unfinished line was cut by the error, not by its writer: drop it unreported.
        eof_ = true;
        begin_ = end_ = 0;
        return false;
    }
    if (n == 0) {
        eof_ = true;
        return false;
    }
    end_ += static_cast<size_t>(n);
    return true;
}

bool line_reader::next(input_line& out) {
    for (;;) {
        if (!source_ && !open_next()) return false;
        char* data = buffer_.get();
        size_t scan_from = begin_;
        for (;;) {
            char* nl = static_cast<char*>(std::memchr(data + scan_from, '\n', end_ - scan_from));
            size_t line_end;
            if (nl) {
                line_end = static_cast<size_t>(nl - data);
            } else {
                size_t scanned = end_ - begin_;
                if (scanned > max_line_) {
                    skip_overlong_line(out);
                    return true;
                }
                if (fill()) {
                    data = buffer_.get();
                    scan_from = begin_ + scanned;
                    continue;
                }
                if (begin_ == end_) break;  // the source ended on a line end
                line_end = end_;            // the last line has no "\n"
            }
            size_t text_end = line_end;
            if (text_end > begin_ && data[text_end - 1] == '\r') --text_end;
            size_t text_begin = begin_;
            // A byte-order mark is how some editors start a file; it is not part of the JSON.
            if (line_number_ == 0 && text_end - text_begin >= 3 &&
                std::memcmp(data + text_begin, "\xEF\xBB\xBF", 3) == 0)
                text_begin += 3;
            out.text = std::string_view(data + text_begin, text_end - text_begin);
            out.source = source_->name();
            out.number = ++line_number_;
            out.source_index = source_index_;
            out.has_newline = nl != nullptr;
            out.overlong = 0;
            if (line_end - begin_ > max_line_) {  // over the limit, though it fitted in the buffer
                out.overlong = line_end - begin_;
                out.text = {};
            }
            begin_ = line_end < end_ ? line_end + 1 : end_;
            // The padding after the line must be readable: past the buffer's end it is, and inside
            // the buffer it is the next bytes. Only a line ending exactly at capacity_ leans on it.
            return true;
        }
        source_.reset();
        if (next_path_ >= paths_.size()) return false;
    }
}

// Reads on to the end of a line already longer than the limit, keeping nothing but its length.
void line_reader::skip_overlong_line(input_line& out) {
    uint64_t length = end_ - begin_;
    begin_ = end_ = 0;
    out.has_newline = false;
    while (fill()) {
        char* data = buffer_.get();
        if (char* nl = static_cast<char*>(std::memchr(data, '\n', end_))) {
            size_t n = static_cast<size_t>(nl - data);
            length += n;
            begin_ = n + 1;
            out.has_newline = true;
            break;
        }
        length += end_;
        begin_ = end_ = 0;
    }
    out.text = {};
    out.source = source_->name();
    out.number = ++line_number_;
    out.source_index = source_index_;
    out.overlong = length;
}

}  // namespace flowgrep
