// Reads the input files (or standard input) as one stream of blocks, each cut at a line end, so
// that the lines of a block can be parsed by any thread, in place: every block is followed by
// readable padding. Lines may be of any length up to a limit; a longer line is skipped over
// without being held, and stands alone in a block that only gives its length. A source of
// pretty-printed JSON or arrays is read as one minified line per value (input/json_values.h).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "input/byte_source.h"
#include "input/json_values.h"
#include "input/mapped_file.h"

namespace flowgrep {

struct input_block {
    std::unique_ptr<char[]> data;
    size_t capacity = 0;  // usable bytes of `data`; `padding` more after them stay readable
    size_t size = 0;      // bytes of whole lines, each ending in "\n" but maybe the last (see below)
    // Set when the lines are in a mapped file rather than in `data`: they start at `mapped_at`, the
    // file's next bytes are the padding, and the block keeps the mapping alive while it is in use.
    std::shared_ptr<const mapped_file> mapping;
    const char* mapped_at = nullptr;
    const char* bytes() const { return mapping ? mapped_at : data.get(); }

    uint32_t source_index = 0;       // which of the reader's sources (see block_reader::name)
    bool starts_source = false;      // the first block of its source: line numbers start again
    bool ends_source = false;        // the last block of its source
    bool last_line_unterminated = false;  // the source ended in a line without "\n" (cut off?)
    // Non-zero: the block holds no bytes and stands for one line this long, over the limit.
    uint64_t overlong = 0;
    bool overlong_has_newline = true;
    uint64_t max_line = 0;  // the limit, so that a line longer than it is refused wherever it sits
    // A source that could not be opened or read: why. Its lines before the error are in the block.
    std::string error;
    // Non-empty for a source read as JSON values: one entry per line of the block.
    std::vector<value_line> values;
};

class block_reader {
public:
    // Lines longer than this are reported rather than read: a binary file or a dump without
    // newlines must not take all memory. Hubble itself stops at 64 KiB.
    static constexpr size_t default_max_line = size_t{16} << 20;
    static constexpr size_t default_block_size = size_t{2} << 20;

    // An empty list, or "-", is standard input.
    block_reader(std::vector<std::string> paths, size_t padding, source_options options = {},
                 size_t block_size = default_block_size, size_t max_line = default_max_line);
    ~block_reader();
    block_reader(const block_reader&) = delete;
    block_reader& operator=(const block_reader&) = delete;

    // Fills `block` (reusing its buffer) with the next lines. False after the last source.
    bool next(input_block& block);

    // The name of source `index` in messages: the path as given, or "<stdin>".
    const std::string& name(uint32_t index) const { return names_[index]; }

private:
    void reserve(input_block& block, size_t capacity) const;
    void skip_overlong_line(input_block& block, size_t have);
    void map_source();
    bool next_mapped(input_block& block);
    void copy_mapped_rest(input_block& block);
    void end_source(input_block& block);
    void detect_layout_of_source(input_block& block);
    bool next_values(input_block& block);

    std::vector<std::string> paths_;
    std::vector<std::string> names_;
    size_t padding_;
    source_options options_;
    size_t block_size_;
    size_t max_line_;

    size_t next_path_ = 0;
    std::unique_ptr<byte_source> source_;  // null between sources
    uint32_t source_index_ = 0;
    bool fresh_source_ = false;  // nothing of the open source handed out yet
    std::string carry_;          // the start of a line the last block cut off
    // A regular file read through its mapping, and the offset in it of the next block.
    std::shared_ptr<const mapped_file> map_;
    size_t map_at_ = 0;

    // Read as JSON values (pretty-printed, arrays): the transform, a buffer for what it reads, and
    // how the source ended, kept until the values before the end are all handed out.
    json_layout layout_ = json_layout::undecided;
    std::unique_ptr<json_values> values_;
    std::unique_ptr<char[]> raw_;
    bool values_ended_ = false;
    std::string values_error_;
    int64_t skip_debt_ = 0;  // lines a block's first line could not step back (see next_values)
};

// The lines of a block, as the parser wants them: without "\n" or "\r\n", a byte-order mark
// dropped from the first line of a source.
struct block_line {
    std::string_view text;
    bool has_newline = true;
    uint64_t overlong = 0;  // non-zero: too long, `text` is empty
    // Input lines before this one beyond the one each line counts: non-zero only for JSON values
    // (value_line::skip), where a line may stand for several, or share one with the line before.
    int64_t skip = 0;
};

class block_lines {
public:
    explicit block_lines(const input_block& block)
        : block_(block), at_(block.bytes()), end_(block.bytes() + block.size), first_(block.starts_source) {}

    bool next(block_line& line);

private:
    const input_block& block_;
    const char* at_;
    const char* end_;
    bool first_;
    bool overlong_done_ = false;
    size_t value_ = 0;  // the next entry of block.values
};

}  // namespace flowgrep
