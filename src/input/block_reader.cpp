// block_reader: large reads into a block, cut after its last "\n"; the cut-off start of a line is
// carried into the next block. A block without any line end grows, up to the line limit; past it
// the line is counted through to its end and dropped.
#include "input/block_reader.h"

#include <cstring>

namespace flowgrep {

block_reader::block_reader(std::vector<std::string> paths, size_t padding, source_options options,
                           size_t block_size, size_t max_line)
    : paths_(std::move(paths)), padding_(padding), options_(std::move(options)), block_size_(block_size),
      max_line_(max_line) {
    if (paths_.empty()) paths_.push_back("-");
    for (const auto& p : paths_) names_.push_back(p == "-" ? "<stdin>" : p);
}

block_reader::~block_reader() = default;

void block_reader::reserve(input_block& block, size_t capacity) const {
    if (block.capacity >= capacity) return;
    auto grown = std::make_unique<char[]>(capacity + padding_);
    block.data = std::move(grown);
    block.capacity = capacity;
}

void block_reader::end_source(input_block& block) {
    block.ends_source = true;
    source_.reset();
    carry_.clear();
}

bool block_reader::next(input_block& block) {
    block.size = 0;
    block.starts_source = block.ends_source = block.last_line_unterminated = false;
    block.overlong = 0;
    block.overlong_has_newline = true;
    block.max_line = max_line_;
    block.error.clear();

    if (!source_) {
        if (next_path_ >= paths_.size()) return false;
        source_index_ = static_cast<uint32_t>(next_path_);
        const std::string& path = paths_[next_path_++];
        block.source_index = source_index_;
        block.starts_source = true;
        std::string error;
        // Only the last source is followed: the ones before it are backups, read to their end first.
        source_options options = options_;
        if (next_path_ < paths_.size()) options.follow = false;
        source_ = open_source(path, options, error);
        if (!source_) {
            block.error = std::move(error);
            block.ends_source = true;
            return true;
        }
        fresh_source_ = true;
    }
    block.source_index = source_index_;
    block.starts_source = fresh_source_;
    fresh_source_ = false;

    reserve(block, std::max(block_size_, carry_.size() + 1));
    size_t filled = carry_.size();
    std::memcpy(block.data.get(), carry_.data(), filled);
    carry_.clear();
    size_t lines_end = 0;  // just past the last "\n" read into the block
    // What follows an over-long line may hold whole lines already.
    if (const void* nl = ::memrchr(block.data.get(), '\n', filled))
        lines_end = static_cast<size_t>(static_cast<const char*>(nl) - block.data.get()) + 1;
    for (;;) {
        if (filled == block.capacity) {
            if (lines_end > 0) break;
            // One line fills the whole block: grow for it, or give up on it past the limit.
            if (block.capacity > max_line_) {
                skip_overlong_line(block, filled);
                return true;
            }
            size_t bigger = std::min(block.capacity * 2, max_line_ + 1);
            auto grown = std::make_unique<char[]>(bigger + padding_);
            std::memcpy(grown.get(), block.data.get(), filled);
            block.data = std::move(grown);
            block.capacity = bigger;
        }
        size_t room = block.capacity - filled;
        ssize_t n = source_->read(block.data.get() + filled, room);
        if (n < 0) {
            // The unfinished line was cut by the error, not by its writer: drop it unreported.
            block.size = lines_end;
            block.error = source_->error();
            end_source(block);
            return true;
        }
        if (n == 0) {
            block.size = filled;
            block.last_line_unterminated = filled > lines_end;
            end_source(block);
            return true;
        }
        const char* fresh = block.data.get() + filled;
        filled += static_cast<size_t>(n);
        if (const void* nl = ::memrchr(fresh, '\n', static_cast<size_t>(n)))
            lines_end = static_cast<size_t>(static_cast<const char*>(nl) - block.data.get()) + 1;
        // A short read is all a pipe or a growing file has for now: hand over what is complete,
        // so that a live stream is not held back until a whole block has arrived.
        if (static_cast<size_t>(n) < room && lines_end > 0) break;
    }
    block.size = lines_end;
    carry_.assign(block.data.get() + lines_end, filled - lines_end);
    return true;
}

// The block holds `have` bytes of a line longer than the limit: reads on to its end, keeping
// nothing but its length (and what follows the end, for the next block).
void block_reader::skip_overlong_line(input_block& block, size_t have) {
    uint64_t length = have;
    block.size = 0;
    block.overlong_has_newline = false;
    for (;;) {
        ssize_t n = source_->read(block.data.get(), block.capacity);
        if (n <= 0) {
            if (n < 0) block.error = source_->error();
            end_source(block);
            break;
        }
        const char* data = block.data.get();
        if (const void* nl = std::memchr(data, '\n', static_cast<size_t>(n))) {
            size_t at = static_cast<size_t>(static_cast<const char*>(nl) - data);
            length += at;
            carry_.assign(data + at + 1, static_cast<size_t>(n) - at - 1);
            block.overlong_has_newline = true;
            break;
        }
        length += static_cast<size_t>(n);
    }
    block.overlong = length;
}

bool block_lines::next(block_line& line) {
    if (block_.overlong > 0) {
        if (overlong_done_) return false;
        overlong_done_ = true;
        line.text = {};
        line.has_newline = block_.overlong_has_newline;
        line.overlong = block_.overlong;
        return true;
    }
    if (at_ >= end_) return false;
    const char* nl = static_cast<const char*>(std::memchr(at_, '\n', static_cast<size_t>(end_ - at_)));
    const char* line_end = nl ? nl : end_;
    const char* start = at_;
    const char* begin = start;
    at_ = nl ? nl + 1 : end_;
    const char* text_end = line_end;
    if (text_end > begin && text_end[-1] == '\r') --text_end;
    // A byte-order mark is how some editors start a file; it is not part of the JSON.
    if (first_ && text_end - begin >= 3 && std::memcmp(begin, "\xEF\xBB\xBF", 3) == 0) begin += 3;
    first_ = false;
    line.has_newline = nl != nullptr;
    line.overlong = 0;
    line.text = std::string_view(begin, static_cast<size_t>(text_end - begin));
    if (static_cast<uint64_t>(line_end - start) > block_.max_line) {  // over the limit, though it fitted
        line.overlong = static_cast<uint64_t>(line_end - start);
        line.text = {};
    }
    return true;
}

}  // namespace flowgrep
