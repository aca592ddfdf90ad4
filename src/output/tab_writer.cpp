// tab_writer: the column-block algorithm of Go's text/tabwriter. A column block is a run of
// consecutive lines that all have a cell in that column (not counting each line's last cell); its
// width is the widest cell plus the padding, and blocks nest from the leftmost column inwards.
#include "output/tab_writer.h"

#include <algorithm>

namespace flowgrep {

namespace {

uint32_t code_points(const char* p, size_t n) {
    uint32_t count = 0;
    for (size_t i = 0; i < n; ++i)
        if ((static_cast<unsigned char>(p[i]) & 0xC0) != 0x80) ++count;
    return count;
}

}  // namespace

size_t tab_writer::cells_in(size_t line) const {
    size_t end = line + 1 < line_begins_.size() ? line_begins_[line + 1] : cells_.size();
    return end - line_begins_[line];
}

void tab_writer::flush(output_sink& out) {
    cells_.clear();
    line_begins_.assign(1, 0);
    size_t cell_start = 0;
    auto end_cell = [&](size_t end) {
        cells_.push_back({cell_start, static_cast<uint32_t>(end - cell_start),
                          code_points(text_.data() + cell_start, end - cell_start)});
        cell_start = end + 1;
    };
    for (size_t i = 0; i < text_.size(); ++i) {
        const char c = text_[i];
        if (c == '\t' || c == '\v') {
            end_cell(i);
        } else if (c == '\n' || c == '\f') {
            end_cell(i);
            line_begins_.push_back(cells_.size());
            if (c == '\f') {  // a form feed ends the section: what follows is aligned on its own
                format(out, 0, line_begins_.size());
                cells_.clear();
                line_begins_.assign(1, 0);
            }
        }
    }
    if (cell_start < text_.size()) end_cell(text_.size());  // a last line without a line break
    format(out, 0, line_begins_.size());
    text_.clear();
    cells_.clear();
    line_begins_.assign(1, 0);
}

void tab_writer::format(output_sink& out, size_t line0, size_t line1) {
    const size_t column = widths_.size();
    for (size_t line = line0; line < line1; ++line) {
        if (column + 1 >= cells_in(line)) continue;
        // This line starts a block in `column`: the lines before it are done at this depth.
        write_lines(out, line0, line);
        line0 = line;
        size_t width = min_width_;
        for (; line < line1 && column + 1 < cells_in(line); ++line)
            width = std::max(width, cells_[line_begins_[line] + column].width + padding_);
        widths_.push_back(width);
        format(out, line0, line);
        widths_.pop_back();
        line0 = line;
    }
    write_lines(out, line0, line1);
}

void tab_writer::write_lines(output_sink& out, size_t line0, size_t line1) {
    for (size_t line = line0; line < line1; ++line) {
        std::string& b = out.buffer();
        const size_t n = cells_in(line);
        for (size_t j = 0; j < n; ++j) {
            const cell& c = cells_[line_begins_[line] + j];
            b.append(text_, c.offset, c.size);
            if (j < widths_.size() && widths_[j] > c.width) b.append(widths_[j] - c.width, ' ');
        }
        if (line + 1 != line_begins_.size()) b.push_back('\n');
        out.end_record();
    }
}

}  // namespace flowgrep
