// escape_terminal: a memchr check for the common case of nothing to escape, then a count of what
// grows, then one pass from the front over the text moved to the end of the grown string.
#include "output/terminal_escape.h"

#include <algorithm>
#include <cstring>

namespace flowgrep {

namespace {

constexpr char esc = '\x1b';
constexpr char cr = '\r';

// The length of the colour sequence that starts at p[0] (an ESC), or 0 when none does: ESC[0m, or
// ESC[3Nm for N from 1 (red) to 6 (cyan), the only ones fatih/color writes for Hubble.
size_t color_sequence_at(const char* p, const char* end) {
    const size_t left = static_cast<size_t>(end - p);
    if (left < 4 || p[1] != '[') return 0;
    if (p[2] == '0' && p[3] == 'm') return 4;
    if (left >= 5 && p[2] == '3' && p[3] >= '1' && p[3] <= '6' && p[4] == 'm') return 5;
    return 0;
}

}  // namespace

void escape_terminal(std::string& out, size_t from, bool keep_colors) {
    if (from >= out.size()) return;
    const char* begin = out.data() + from;
    const size_t size = out.size() - from;
    const char* first_esc = static_cast<const char*>(std::memchr(begin, esc, size));
    const char* first_cr = static_cast<const char*>(std::memchr(begin, cr, size));
    if (first_esc == nullptr && first_cr == nullptr) return;

    // Each escaped byte grows the text by one.
    const char* end = begin + size;
    const char* first = first_esc == nullptr  ? first_cr
                        : first_cr == nullptr ? first_esc
                                              : std::min(first_esc, first_cr);
    const size_t start = static_cast<size_t>(first - out.data());
    size_t growth = 0;
    const char* p = first;
    while (p < end) {
        if (*p == esc) {
            const size_t keep = keep_colors ? color_sequence_at(p, end) : 0;
            if (keep != 0) {
                p += keep;
                continue;
            }
            ++growth;
        } else if (*p == cr) {
            ++growth;
        }
        ++p;
    }
    if (growth == 0) return;  // only kept colour sequences

    // Move the text to the end and rewrite it from the front: the writer gains one byte on the
    // reader per escape, so it never overtakes what is still to be read.
    const size_t tail = out.size() - start;
    out.resize(out.size() + growth);
    char* data = out.data();
    std::memmove(data + start + growth, data + start, tail);
    const char* r = data + start + growth;
    const char* r_end = data + out.size();
    char* w = data + start;
    while (r < r_end) {
        const char c = *r;
        if (c == esc) {
            const size_t keep = keep_colors ? color_sequence_at(r, r_end) : 0;
            if (keep != 0) {
                std::memmove(w, r, keep);
                w += keep;
                r += keep;
                continue;
            }
            *w++ = '^';
            *w++ = '[';
        } else if (c == cr) {
            *w++ = '\\';
            *w++ = 'r';
        } else {
            *w++ = c;
        }
        ++r;
    }
}

}  // namespace flowgrep
