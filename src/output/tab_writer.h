// Go's text/tabwriter as Hubble's table output configures it (minwidth 2, tabwidth 0, padding 3,
// spaces, no flags), so that columns line up byte for byte like Hubble's. Text is buffered whole and
// aligned once, at flush.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "output/sink.h"

namespace flowgrep {

class tab_writer {
public:
    explicit tab_writer(size_t min_width = 2, size_t padding = 3)
        : min_width_(min_width), padding_(padding) {}

    // Where to append: cells end at '\t' (or '\v'), lines at '\n' (or '\f', which also closes every
    // column). A cell's width is its number of code points; a line's last cell is never padded.
    std::string& text() { return text_; }

    // Writes everything buffered to `out`, aligned, and empties the writer.
    void flush(output_sink& out);

private:
    struct cell {
        size_t offset;
        uint32_t size;
        uint32_t width;
    };

    size_t cells_in(size_t line) const;
    void format(output_sink& out, size_t line0, size_t line1);
    void write_lines(output_sink& out, size_t line0, size_t line1);

    size_t min_width_;
    size_t padding_;
    std::string text_;
    // The section being aligned: its cells, and where each line's cells begin. The last line is the
    // one after the final line break (usually empty) and is written without a line break.
    std::vector<cell> cells_;
    std::vector<size_t> line_begins_;
    std::vector<size_t> widths_;  // the widths of the enclosing column blocks, outermost first
};

}  // namespace flowgrep
