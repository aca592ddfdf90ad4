// json_values: a byte-at-a-time scanner that tracks strings and nesting only (the parser checks the
// rest), dropping white space outside strings. A raw newline can only be outside a string in valid
// JSON, so one inside a string, or a line that starts a new value at the indentation of the one being
// read, means that value is damaged: it is emitted as far as it got, for the parser to refuse and
// warn about at its first line, and reading goes on at the next value. A value can run no further
// than the line limit.
#include "input/json_values.h"

namespace flowgrep {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// A byte of a value outside strings that is neither white space nor a quote or bracket: taken as it is.
bool plain_byte(char c) {
    switch (c) {
    case ' ': case '\t': case '\r': case '\n': case '"': case '{': case '}': case '[': case ']': return false;
    default: return true;
    }
}

}  // namespace

json_layout detect_layout(std::string_view start, bool ended) {
    size_t i = start.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    while (i < start.size() && (is_blank(start[i]) || start[i] == '\n')) ++i;
    if (i == start.size()) return ended ? json_layout::lines : json_layout::undecided;
    if (start[i] == '[') return json_layout::values;
    if (start[i] != '{') return json_layout::lines;
    int depth = 0;
    bool in_string = false, escape = false;
    for (; i < start.size(); ++i) {
        const char c = start[i];
        if (c == '\n') return json_layout::values;
        if (in_string) {
            if (escape) escape = false;
            else if (c == '\\') escape = true;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if ((c == '}' || c == ']') && --depth == 0) {
            return json_layout::lines;
        }
    }
    // Cut off within its first line: NDJSON's own reading reports that as it always has.
    return ended ? json_layout::lines : json_layout::undecided;
}

void json_values::feed(std::string_view data) {
    const char* p = data.data();
    const char* const end = p + data.size();
    // step() takes one byte at a time; the runs that make up most of a pretty file (indentation,
    // the inside of a string, a number or a name's bytes) are taken whole here.
    while (p < end) {
        const char* q = p;
        if (line_start_) {
            while (q < end && *q == ' ') ++q;
            if (q > p) {
                column_ += static_cast<uint32_t>(q - p);
                if (at_ == where::value) value_raw_ += static_cast<uint64_t>(q - p);
                p = q;
                continue;
            }
        } else if (at_ == where::value) {
            if (in_string_) {
                if (!escape_)
                    while (q < end && *q != '"' && *q != '\\' && *q != '\n') ++q;
            } else if (!scalar_) {
                while (q < end && plain_byte(*q)) ++q;
            }
            const auto n = static_cast<uint64_t>(q - p);
            if (n > 0 && value_raw_ + n <= max_) {
                value_.append(p, q);
                value_raw_ += n;
                p = q;
                continue;
            }
        }
        step(*p++);
    }
    if (!data.empty()) last_newline_ = data.back() == '\n';
}

void json_values::finish() {
    switch (at_) {
    case where::value:
        // A number or literal at the very end is complete; anything else was cut off.
        emit(0, !(scalar_ && !in_string_) && !last_newline_);
        break;
    case where::text:
        if (!value_.empty() && value_.back() == '\r') value_.pop_back();
        emit(0, !last_newline_);
        break;
    default: break;
    }
    at_ = where::top;
}

void json_values::take(size_t count, size_t bytes) {
    lines_taken_ += count;
    out_taken_ += bytes;
    if (lines_taken_ == lines_.size()) {
        lines_.clear();
        out_.clear();
        lines_taken_ = out_taken_ = 0;
    } else if (out_taken_ > out_.size() / 2) {
        lines_.erase(lines_.begin(), lines_.begin() + static_cast<ptrdiff_t>(lines_taken_));
        out_.erase(0, out_taken_);
        lines_taken_ = out_taken_ = 0;
    }
}

void json_values::emit(uint64_t overlong, bool cut_off) {
    const auto start = static_cast<int64_t>(value_line_);
    lines_.push_back({start - last_start_ - 1, overlong, cut_off});
    last_start_ = start;
    if (overlong == 0) out_ += value_;
    out_ += '\n';
    value_.clear();
    at_ = in_array_ ? where::array : where::top;
}

// The value cannot be read to its end: emitted as far as it got (or, too long, as its length only),
// then lines are dropped until one starts the next value.
void json_values::lose_value(bool overlong) {
    emit(overlong ? value_raw_ : 0, false);
    at_ = where::resync;
}

// A line inside the value starts with `{`: a nested object, or a new value after one that was cut
// off? New when JSON allows no value there (inside an object but after a colon, inside an array but
// after a comma or the bracket); and in an indented layout, also when it is not indented deeper than
// the value's first line, as a nested one would be (jq, hubble, json.dumps(indent=2) all indent).
bool json_values::value_cut_by_line() const {
    const char last = value_.back();
    const bool allowed = containers_.back() == '{' ? last == ':' : last == ',' || last == '[';
    return !allowed || (indented_ && indent_ <= value_indent_);
}

void json_values::begin_value(char c) {
    at_ = where::value;
    value_.assign(1, c);
    value_raw_ = 1;
    value_line_ = line_;
    value_indent_ = indent_;
    scalar_ = c != '{' && c != '[';
    containers_.clear();
    if (!scalar_) containers_ += c;
    indented_ = false;
    in_string_ = c == '"';
    escape_ = false;
}

void json_values::newline() {
    switch (at_) {
    case where::value:
        if (in_string_) lose_value(false);  // a raw newline in a string: a bad string, or a cut
        else if (scalar_) end_value();
        else ++value_raw_;
        break;
    case where::text:
        if (!value_.empty() && value_.back() == '\r') value_.pop_back();
        emit(0, false);
        break;
    case where::skip_line: at_ = where::top; break;
    default: break;
    }
    ++line_;
    line_start_ = true;
    column_ = 0;
}

void json_values::step(char c) {
    if (c == '\n') {
        newline();
        return;
    }
    if (line_start_) {
        if (is_blank(c)) {
            ++column_;
            if (at_ == where::value) ++value_raw_;
            return;
        }
        line_start_ = false;
        indent_ = column_;
        if (at_ == where::value && !scalar_) {
            if (c == '{' && value_cut_by_line()) emit(0, false);  // that one was cut; this one is new
            else if (indent_ > value_indent_) indented_ = true;
        } else if (at_ == where::resync) {
            if (c == '{' && indent_ <= value_indent_) at_ = in_array_ ? where::array : where::top;
            else if (in_array_ && c == ']' && indent_ < value_indent_) at_ = where::array;
            else return;  // resync ignores the rest of the line
        }
    }
    switch (at_) {
    case where::top:
        if (is_blank(c)) return;
        if (c == '{') {
            begin_value(c);
        } else if (c == '[') {
            at_ = where::array;
            in_array_ = true;
        } else {
            // Not JSON: the rest of the line goes on as it is, for the unwrapper or the parser.
            begin_value(c);
            at_ = where::text;
        }
        return;
    case where::array:
        if (is_blank(c) || c == ',') return;
        if (c == ']') {
            at_ = where::top;
            in_array_ = false;
            return;
        }
        begin_value(c);
        return;
    case where::value: value_byte(c); return;
    case where::text:
        value_ += c;
        if (++value_raw_ > max_) {
            emit(value_raw_, false);
            at_ = where::skip_line;
        }
        return;
    case where::skip_line:
    case where::resync: return;
    }
}

void json_values::value_byte(char c) {
    if (++value_raw_ > max_) {
        lose_value(true);
        return;
    }
    if (in_string_) {
        value_ += c;
        if (escape_) {
            escape_ = false;
        } else if (c == '\\') {
            escape_ = true;
        } else if (c == '"') {
            in_string_ = false;
            if (scalar_) end_value();
        }
        return;
    }
    if (scalar_) {
        if (c == ',' || c == ']' || is_blank(c)) {
            end_value();
            step(c);  // the comma or bracket belongs to the array
            return;
        }
        value_ += c;
        return;
    }
    switch (c) {
    case ' ':
    case '\t':
    case '\r': return;  // white space between tokens: dropped
    case '"': in_string_ = true; break;
    case '{':
    case '[': containers_ += c; break;
    case '}':
    case ']':
        // A mismatched bracket still closes: the parser says what is wrong with the value.
        containers_.pop_back();
        if (containers_.empty()) {
            value_ += c;
            end_value();
            return;
        }
        break;
    default: break;
    }
    value_ += c;
}

}  // namespace flowgrep
