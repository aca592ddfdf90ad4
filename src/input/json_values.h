// Pretty-printed JSON, arrays of flows and values one after another (`hubble observe -o json | jq .`,
// `jq -s`): each top-level object, or element of a top-level array, is re-emitted as one minified
// line, with how many input lines lie before it, so that warnings still name the line it starts on.
// NDJSON never comes here: the block reader decides per source, from its first bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace flowgrep {

// How a source's text is laid out, as its first bytes tell: one value a line, or values over lines.
enum class json_layout { undecided, lines, values };

// `start` is the start of a source (`ended`: all of it). Values when its first byte that is not
// white space is `[`, or a `{` whose value does not close on its line; undecided while neither that
// nor the line's end has been seen.
json_layout detect_layout(std::string_view start, bool ended);

// One re-emitted line.
struct value_line {
    // Input lines from the start of the line before (or of the source) to this one's, beyond the one
    // that a line always counts: 0 for the next line, -1 for a value on the same line as the one
    // before (`[{...},{...}]`), n for a value after n more lines (the lines the one before spans).
    int64_t skip = 0;
    uint64_t overlong = 0;  // non-zero: a value longer than the limit, this many bytes; the line is empty
    bool cut_off = false;   // the input ended inside it, without a final newline
};

class json_values {
public:
    explicit json_values(uint64_t max_value) : max_(max_value) {}

    // Reads on through `data`; each value it completes is appended to text() (its line and "\n")
    // and to lines(). What a value that is not done yet has read is kept for the next call.
    void feed(std::string_view data);
    // The input has ended: a value it cut off is emitted as it is, for the parser to refuse.
    void finish();

    // The lines emitted and not yet taken, and their facts, one each.
    std::string_view text() const { return std::string_view(out_).substr(out_taken_); }
    const value_line* lines() const { return lines_.data() + lines_taken_; }
    size_t line_count() const { return lines_.size() - lines_taken_; }
    // The first `count` lines, `bytes` long, have been used.
    void take(size_t count, size_t bytes);

private:
    enum class where {
        top,        // between values, outside any array
        array,      // between the elements of a top-level array
        value,      // inside a value
        text,       // a line that is not JSON (a log prefix, garbage): passed on as it is
        skip_line,  // the rest of an over-long text line
        resync,     // after a damaged value: lines dropped up to one that starts a value
    };

    void step(char c);
    void newline();
    void begin_value(char c);
    void value_byte(char c);
    void end_value() { emit(0, false); }
    void emit(uint64_t overlong, bool cut_off);
    void lose_value(bool overlong);
    bool value_cut_by_line() const;

    uint64_t max_;
    std::string out_;
    std::vector<value_line> lines_;
    size_t out_taken_ = 0;
    size_t lines_taken_ = 0;

    where at_ = where::top;
    bool in_array_ = false;  // a value or resync inside a top-level array, not at the top
    std::string value_;      // the value (minified) or text line read so far
    uint64_t value_raw_ = 0;   // input bytes it spans
    uint64_t value_line_ = 0;  // the line it starts on
    uint32_t value_indent_ = 0;  // the indentation of that line
    std::string containers_;  // `{` or `[` for each object or array open in the value
    bool indented_ = false;   // a line of the value was indented deeper than its first
    bool scalar_ = false;  // a value in an array that is not an object or array: ends at , ] or space
    bool in_string_ = false;
    bool escape_ = false;

    uint64_t line_ = 0;        // the input line being read, from 0
    bool line_start_ = true;   // only blanks on it so far
    uint32_t column_ = 0;      // blanks so far, while line_start_
    uint32_t indent_ = 0;      // the column of the first byte that is not blank on this line
    int64_t last_start_ = -1;  // the line the last emitted value starts on
    bool last_newline_ = true;  // the last byte read was "\n"
};

}  // namespace flowgrep
