// block_reader: large reads into a block, cut after its last "\n"; the cut-off start of a line is
// carried into the next block. A block without any line end grows, up to the line limit; past it
// the line is counted through to its end and dropped. The first bytes of each source decide whether
// it is NDJSON, read so, or JSON values, read through the transform into blocks of whole values.
#include "input/block_reader.h"

#include <algorithm>
#include <cstring>

#include "input/interrupt.h"

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
    map_.reset();  // blocks still in use keep it mapped until they are done
    source_.reset();
    carry_.clear();
    values_.reset();
    layout_ = json_layout::undecided;
}

// Reads the start of a fresh source into carry_ until its layout is known. Lines stay in carry_,
// for the usual reading to take them from there; values go to the transform. An error or the end
// met here is met again by the next read, and reported there as always.
void block_reader::detect_layout_of_source(input_block& block) {
    reserve(block, block_size_);
    for (;;) {
        layout_ = detect_layout(carry_, false);
        if (layout_ != json_layout::undecided) break;
        if (carry_.size() > max_line_) {
            layout_ = json_layout::lines;
            break;
        }
        ssize_t n = source_->read(block.data.get(), block.capacity);
        if (n <= 0) {
            layout_ = detect_layout(carry_, true);
            break;
        }
        carry_.append(block.data.get(), static_cast<size_t>(n));
    }
    if (layout_ != json_layout::values) return;
    values_ = std::make_unique<json_values>(max_line_);
    values_ended_ = false;
    values_error_.clear();
    skip_debt_ = 0;
    std::string_view start(carry_);
    if (start.starts_with("\xEF\xBB\xBF")) start.remove_prefix(3);  // a byte-order mark: not JSON
    values_->feed(start);
    carry_.clear();
}

// A block of whole values: read until a block's worth is ready, or the source has no more for now
// (a short read: a pipe, a followed file), or it ends. A value not complete yet stays in the
// transform, so --follow waits for the rest of it.
bool block_reader::next_values(input_block& block) {
    if (!raw_) raw_ = std::make_unique<char[]>(block_size_);
    while (!values_ended_ && values_->text().size() < block_size_) {
        ssize_t n = source_->read(raw_.get(), block_size_);
        if (n < 0) {
            // What the error cut off is dropped unreported, as an unfinished line is.
            values_error_ = source_->error();
            values_ended_ = true;
        } else if (n == 0) {
            values_->finish();
            values_ended_ = true;
        } else {
            values_->feed(std::string_view(raw_.get(), static_cast<size_t>(n)));
            if (static_cast<size_t>(n) < block_size_ && values_->line_count() > 0) break;
        }
    }
    // As many lines as fit in a block; at least one, which the limit keeps under max_line_.
    const std::string_view text = values_->text();
    const value_line* lines = values_->lines();
    const size_t count = values_->line_count();
    size_t take = 0, bytes = 0;
    while (take < count) {
        size_t end = text.find('\n', bytes) + 1;
        if (take > 0 && end > block_size_) break;
        bytes = end;
        ++take;
    }
    reserve(block, std::max(block_size_, bytes));
    std::memcpy(block.data.get(), text.data(), bytes);
    block.size = bytes;
    block.values.assign(lines, lines + take);
    // A block's line numbers start after the last line of the block before, so its first line
    // cannot share that line (skip -1): it counts one on, and the next line that can step back
    // does. Only a single input line holding more than a block of values ever needs this.
    for (size_t i = 0; i < take; ++i) {
        value_line& v = block.values[i];
        const int64_t floor = i == 0 ? 0 : -1;
        v.skip += skip_debt_;
        skip_debt_ = 0;
        if (v.skip < floor) {
            skip_debt_ = v.skip - floor;
            v.skip = floor;
        }
    }
    values_->take(take, bytes);
    if (values_ended_ && values_->line_count() == 0) {
        block.error = std::move(values_error_);
        end_source(block);
    }
    return true;
}

bool block_reader::next(input_block& block) {
    if (block.mapping) block.mapping->release(block.mapped_at, block.size);
    block.mapping.reset();
    block.mapped_at = nullptr;
    block.size = 0;
    block.starts_source = block.ends_source = block.last_line_unterminated = false;
    block.overlong = 0;
    block.overlong_has_newline = true;
    block.max_line = max_line_;
    block.error.clear();
    block.values.clear();

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
    // Lines read while looking at the start are handed out without waiting for more (a pipe, a
    // followed file may have no more for a while).
    bool read_more = true;
    if (fresh_source_) {
        detect_layout_of_source(block);
        read_more = carry_.find('\n') == std::string::npos;
        if (layout_ == json_layout::lines && options_.map_files) map_source();
    }
    fresh_source_ = false;
    if (layout_ == json_layout::values) return next_values(block);
    if (map_) return next_mapped(block);

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
        if (!read_more && lines_end > 0) break;
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

// Maps a fresh source of lines if it is a regular file of more than a couple of blocks (a small
// one costs more to map than to read). What the look at its start read is in the mapping too.
void block_reader::map_source() {
    size_t start = 0;
    map_ = source_->map_rest(2 * block_size_, start);
    if (!map_) return;
    map_at_ = start - carry_.size();
    carry_.clear();
}

// Whole lines from the mapping, up to a block's worth, pointed at rather than copied: the bytes after
// them in the file are their padding. A line longer than a block is taken whole up to the limit, and
// counted through past it, as when reading.
bool block_reader::next_mapped(input_block& block) {
    const std::string_view file = map_->bytes();
    const char* at = file.data() + map_at_;
    const size_t rest = file.size() - map_at_;
    if (rest == 0 || input_interrupted()) {
        end_source(block);
        return true;
    }
    if (rest <= block_size_ + padding_) {
        copy_mapped_rest(block);
        return true;
    }
    size_t take = 0;
    if (const void* nl = ::memrchr(at, '\n', block_size_)) {
        take = static_cast<size_t>(static_cast<const char*>(nl) - at) + 1;
    } else {
        const size_t limit = std::min(rest, max_line_ + 1);
        const void* end = std::memchr(at, '\n', limit);
        if (!end && limit < rest) {
            const void* past = std::memchr(at + limit, '\n', rest - limit);
            block.overlong = past ? static_cast<uint64_t>(static_cast<const char*>(past) - at) : rest;
            block.overlong_has_newline = past != nullptr;
            map_at_ = past ? static_cast<size_t>(static_cast<const char*>(past) - file.data()) + 1 : file.size();
            if (!past) end_source(block);
            return true;
        }
        take = end ? static_cast<size_t>(static_cast<const char*>(end) - at) + 1 : rest;
    }
    if (take + padding_ > rest) {  // too near the end of the file to have its padding there
        copy_mapped_rest(block);
        return true;
    }
    block.mapping = map_;
    block.mapped_at = at;
    block.size = take;
    map_at_ += take;
    return true;
}

// The end of a mapped file, copied into the block's own buffer for the padding it needs.
void block_reader::copy_mapped_rest(input_block& block) {
    const std::string_view rest = map_->bytes().substr(map_at_);
    reserve(block, rest.size());
    std::memcpy(block.data.get(), rest.data(), rest.size());
    block.size = rest.size();
    block.last_line_unterminated = rest.back() != '\n';
    end_source(block);
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
    if (!block_.values.empty()) [[unlikely]] {
        if (value_ >= block_.values.size()) return false;
        const value_line& v = block_.values[value_++];
        const char* nl = static_cast<const char*>(std::memchr(at_, '\n', static_cast<size_t>(end_ - at_)));
        line.text = std::string_view(at_, static_cast<size_t>(nl - at_));
        at_ = nl + 1;
        line.has_newline = !v.cut_off;
        line.overlong = v.overlong;
        line.skip = v.skip;
        return true;
    }
    if (block_.overlong > 0) {
        if (overlong_done_) return false;
        overlong_done_ = true;
        line.text = {};
        line.has_newline = block_.overlong_has_newline;
        line.overlong = block_.overlong;
        line.skip = 0;
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
    line.skip = 0;
    line.text = std::string_view(begin, static_cast<size_t>(text_end - begin));
    if (static_cast<uint64_t>(line_end - start) > block_.max_line) {  // over the limit, though it fitted
        line.overlong = static_cast<uint64_t>(line_end - start);
        line.text = {};
    }
    return true;
}

}  // namespace flowgrep
