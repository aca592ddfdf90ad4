// tab_writer: the column-block algorithm of Go's text/tabwriter, in two passes over the lines. A
// column block is a run of consecutive lines that all have a cell in that column (not counting each
// line's last cell); its width is the widest cell plus the padding. Pass one measures the blocks as
// lines come (so that lines can go to a temporary file), pass two writes each line padded to the
// widths of the blocks it is in.
#include "output/tab_writer.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include "text/report.h"

namespace flowgrep {

namespace {

uint32_t code_points(std::string_view s) {
    uint32_t count = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
    return count;
}

bool ends_cell(char c) { return c == '\t' || c == '\v'; }

// The end of the first line in `text` from `from` on (the index of its '\n' or '\f'), or npos.
size_t line_end(std::string_view text, size_t from) { return text.find_first_of("\n\f", from); }

// The widths of a line's cells, into `widths`.
void cell_widths(std::string_view line, std::vector<uint32_t>& widths) {
    widths.clear();
    size_t start = 0;
    for (size_t i = 0; i < line.size(); ++i)
        if (ends_cell(line[i])) {
            widths.push_back(code_points(line.substr(start, i - start)));
            start = i + 1;
        }
    widths.push_back(code_points(line.substr(start)));
}

// An unnamed file in $TMPDIR (or /tmp), gone when closed: the table's lines are nobody else's.
int open_temporary_file(std::string& dir, std::string& error) {
    const char* env = std::getenv("TMPDIR");
    dir = env && *env ? env : "/tmp";
#ifdef O_TMPFILE
    int fd = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd >= 0) return fd;
#endif
    std::string path = dir + "/flowgrep-table.XXXXXX";
    fd = ::mkstemp(path.data());
    if (fd < 0) {
        error = std::strerror(errno);
        return -1;
    }
    ::unlink(path.c_str());
    return fd;
}

bool write_all(int fd, const char* p, size_t n, std::string& error) {
    while (n > 0) {
        ssize_t w = ::write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            error = std::strerror(errno);
            return false;
        }
        p += w;
        n -= static_cast<size_t>(w);
    }
    return true;
}

}  // namespace

tab_writer::tab_writer(size_t spill_at, size_t min_width, size_t padding)
    : spill_at_(spill_at), min_width_(min_width), padding_(padding) {}

tab_writer::~tab_writer() {
    if (spill_fd_ >= 0) ::close(spill_fd_);
}

void tab_writer::close_blocks(size_t from) {
    while (open_.size() > from) {
        widths_[open_.size() - 1].push_back(open_.back());
        open_.pop_back();
    }
}

void tab_writer::measure_line(std::string_view line, bool ends_section) {
    cell_widths(line, cell_widths_);
    const size_t columns = cell_widths_.size() - 1;  // the last cell is not in a column
    close_blocks(columns);
    if (widths_.size() < columns) widths_.resize(columns);
    for (size_t j = 0; j < columns; ++j) {
        const auto w = static_cast<uint32_t>(std::max<size_t>(min_width_, cell_widths_[j] + padding_));
        if (j < open_.size())
            open_[j] = std::max(open_[j], w);
        else
            open_.push_back(w);
    }
    if (ends_section) close_blocks(0);
}

void tab_writer::measure(size_t end) {
    const std::string_view text(text_);
    while (measured_ < end) {
        size_t e = line_end(text, measured_);
        if (e == std::string_view::npos || e >= end) break;
        measure_line(text.substr(measured_, e - measured_), text[e] == '\f');
        measured_ = e + 1;
    }
}

void tab_writer::spill() {
    measure(text_.size());
    if (spill_failed_ || measured_ == 0) return;
    std::string error;
    if (spill_fd_ < 0) {
        std::string dir;
        spill_fd_ = open_temporary_file(dir, error);
        if (spill_fd_ < 0) {
            spill_failed_ = true;
            warning_line("", fmt::format("cannot make a temporary file in {} for the table ({}); it is held in memory",
                                         dir, error));
            return;
        }
    }
    // On a failed write the file keeps what was written whole before; pass two reads only that.
    if (!write_all(spill_fd_, text_.data(), measured_, error) ||
        ::lseek(spill_fd_, 0, SEEK_CUR) != static_cast<off_t>(spilled_ + measured_)) {
        spill_failed_ = true;
        if (error.empty()) error = "short write";
        warning_line("", fmt::format("cannot write the table to its temporary file ({}); the rest is held in memory",
                                     error));
        return;
    }
    spilled_ += measured_;
    text_.erase(0, measured_);
    measured_ = 0;
}

void tab_writer::write_line(output_sink& out, std::string_view line, char end) {
    cell_widths(line, cell_widths_);
    const size_t columns = cell_widths_.size() - 1;
    if (current_.size() > columns) current_.resize(columns);
    if (next_block_.size() < columns) next_block_.resize(columns, 0);
    if (widths_.size() < columns) widths_.resize(columns);
    while (current_.size() < columns) {  // blocks that start at this line
        const size_t j = current_.size();
        // Pass one saw these very lines, so the block is there; min_width keeps a bug from crashing.
        const std::vector<uint32_t>& blocks = widths_[j];
        current_.push_back(next_block_[j] < blocks.size() ? blocks[next_block_[j]++] : static_cast<uint32_t>(min_width_));
    }
    std::string& b = out.buffer();
    size_t start = 0;
    for (size_t j = 0; j <= columns; ++j) {
        size_t stop = start;
        while (stop < line.size() && !ends_cell(line[stop])) ++stop;
        b.append(line, start, stop - start);
        if (j < columns && current_[j] > cell_widths_[j]) b.append(current_[j] - cell_widths_[j], ' ');
        start = stop + 1;
    }
    if (end != 0) b.push_back('\n');
    if (end == '\f') current_.clear();
    out.end_record();
}

void tab_writer::write_lines(output_sink& out, std::string_view text, bool final) {
    size_t at = 0;
    while (at < text.size()) {
        size_t e = line_end(text, at);
        if (e == std::string_view::npos) {
            // The text's last line, without a line break: written without one. Spilled text holds
            // whole lines only, so this is the end of everything.
            if (final) write_line(out, text.substr(at), 0);
            return;
        }
        write_line(out, text.substr(at, e - at), text[e]);
        at = e + 1;
    }
}

void tab_writer::write_spilled(output_sink& out) {
    std::string pending;  // read, not yet written: the start of a line cut by the end of a chunk
    constexpr size_t chunk_size = size_t{1} << 20;
    uint64_t offset = 0;
    while (offset < spilled_) {
        const size_t want = static_cast<size_t>(std::min<uint64_t>(chunk_size, spilled_ - offset));
        const size_t had = pending.size();
        pending.resize(had + want);
        ssize_t n = ::pread(spill_fd_, pending.data() + had, want, static_cast<off_t>(offset));
        if (n < 0 && errno == EINTR) {
            pending.resize(had);
            continue;
        }
        if (n <= 0) {
            warning_line("", fmt::format("cannot read the table back from its temporary file ({}); rows are missing",
                                         n < 0 ? std::strerror(errno) : "it is shorter than written"));
            return;
        }
        offset += static_cast<uint64_t>(n);
        pending.resize(had + static_cast<size_t>(n));
        const size_t last = pending.find_last_of("\n\f");
        if (last == std::string::npos) continue;
        write_lines(out, std::string_view(pending).substr(0, last + 1), false);
        pending.erase(0, last + 1);
    }
}

void tab_writer::flush(output_sink& out) {
    measure(text_.size());
    if (measured_ < text_.size()) measure_line(std::string_view(text_).substr(measured_), false);
    close_blocks(0);
    if (spill_fd_ >= 0) write_spilled(out);
    write_lines(out, text_, true);

    text_.clear();
    measured_ = 0;
    widths_.clear();
    current_.clear();
    next_block_.clear();
    if (spill_fd_ >= 0) ::close(spill_fd_);
    spill_fd_ = -1;
    spilled_ = 0;
}

}  // namespace flowgrep
