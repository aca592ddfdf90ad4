// Go's text/tabwriter as Hubble's table output configures it (minwidth 2, tabwidth 0, padding 3,
// spaces, no flags), so that columns line up byte for byte like Hubble's. A column's width depends
// on every line of its block, so nothing is written before flush(); what memory holds is bounded all
// the same: past a few MiB, the lines so far move to a temporary file, and only the widths of the
// column blocks stay in memory (one number per block: a handful for a table of flows).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "output/sink.h"

namespace flowgrep {

class tab_writer {
public:
    static constexpr size_t default_spill_at = size_t{4} << 20;

    explicit tab_writer(size_t spill_at = default_spill_at, size_t min_width = 2, size_t padding = 3);
    ~tab_writer();
    tab_writer(const tab_writer&) = delete;
    tab_writer& operator=(const tab_writer&) = delete;

    // Where to append: cells end at '\t' (or '\v'), lines at '\n' (or '\f', which also closes every
    // column). A cell's width is its number of code points; a line's last cell is never padded.
    std::string& text() { return text_; }

    // Tells the writer that lines were appended: past `spill_at` bytes, the whole lines held so far
    // are measured and moved to the temporary file.
    void lines_added() {
        if (text_.size() >= spill_at_) spill();
    }

    // Writes everything appended to `out`, aligned, and empties the writer.
    void flush(output_sink& out);

private:
    // Pass one, as the lines come: the widest cell of each column block.
    void measure(size_t end);
    void measure_line(std::string_view line, bool ends_section);
    void close_blocks(size_t from);
    void spill();
    // Pass two, at flush: each line again, with its blocks' widths.
    void write_lines(output_sink& out, std::string_view text, bool final);
    void write_line(output_sink& out, std::string_view line, char end);
    void write_spilled(output_sink& out);

    size_t spill_at_;
    size_t min_width_;
    size_t padding_;
    std::string text_;
    size_t measured_ = 0;  // text_[0, measured_) is whole lines, measured
    std::vector<uint32_t> cell_widths_;  // of the line being measured or written; reused
    std::vector<uint32_t> open_;  // of each column with a block open at the last line: its width so far
    std::vector<std::vector<uint32_t>> widths_;  // of each column, the width of each block, in order
    // Pass two: the widths of the open blocks, and each column's next block.
    std::vector<uint32_t> current_;
    std::vector<size_t> next_block_;

    int spill_fd_ = -1;
    uint64_t spilled_ = 0;  // bytes in the file, all of them whole lines
    bool spill_failed_ = false;  // said once; the rest stays in memory
};

}  // namespace flowgrep
