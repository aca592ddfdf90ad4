// line_unwrapper: only lines that do not start with `{` get here. Prefixes are peeled one after the
// other (kubectl's [pod/...] and timestamp, the CRI stream and tag), then what is left is a flow, a
// log record, or something for the parser to reject with its usual warning.
#include "input/unwrap.h"

#include <simdjson.h>

#include "go/strconv.h"

namespace flowgrep {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// An RFC 3339 timestamp as CRI and kubectl --timestamps write them: 2024-07-08T10:09:24.173Z.
bool looks_like_timestamp(std::string_view token) {
    return token.size() >= 20 && is_digit(token[0]) && token[4] == '-' && token[7] == '-' && token[10] == 'T';
}

std::string_view skip_blanks(std::string_view s) {
    size_t i = 0;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    return s.substr(i);
}

// The word up to the next space, and the text after that space.
std::string_view next_word(std::string_view s, std::string_view& rest) {
    size_t space = s.find(' ');
    if (space == std::string_view::npos) {
        rest = {};
        return s;
    }
    rest = s.substr(space + 1);
    return s.substr(0, space);
}

// A value of a key=value record: "quoted" (with Go's escapes) or bare up to the next space.
std::string_view record_value(std::string_view s, size_t& i) {
    const size_t start = i;
    if (i < s.size() && s[i] == '"') {
        ++i;
        while (i < s.size() && s[i] != '"') i += s[i] == '\\' ? 2 : 1;
        if (i >= s.size()) {
            i = s.size();
            return {};  // no closing quote
        }
        ++i;
    } else {
        while (i < s.size() && s[i] != ' ') ++i;
    }
    return s.substr(start, i - start);
}

}  // namespace

line_unwrapper::line_unwrapper() { buffer_.reserve(4096 + simdjson::SIMDJSON_PADDING); }

std::string_view line_unwrapper::unwrap_slow(std::string_view line, unwrap_kind& kind) {
    kind = unwrap_kind::plain;
    std::string_view t = skip_blanks(line);
    if (!t.empty() && t.front() == '{') return line;
    bool prefixed = false;

    // kubectl logs --prefix: [pod/cilium-x7k2p/cilium-agent]
    if (t.starts_with("[pod/")) {
        size_t end = t.find("] ");
        if (end != std::string_view::npos) {
            t = t.substr(end + 2);
            prefixed = true;
        }
    }
    // CRI: TIMESTAMP STREAM TAG MESSAGE, or kubectl logs --timestamps: TIMESTAMP MESSAGE.
    std::string_view rest;
    if (!t.empty() && is_digit(t.front()) && looks_like_timestamp(next_word(t, rest)) && !rest.empty()) {
        t = rest;
        prefixed = true;
        std::string_view after_stream;
        std::string_view stream = next_word(t, after_stream);
        if (stream == "stdout" || stream == "stderr") {
            std::string_view message;
            std::string_view tag = next_word(after_stream, message);
            // Tags are colon separated; the first says whether the line is complete (F) or the
            // runtime cut it (P) and carries on in the next line of the same stream.
            std::string_view first_tag = tag.substr(0, tag.find(':'));
            if (first_tag == "P") {
                kind = unwrap_kind::cri_partial;
                return line;
            }
            if (first_tag == "F") t = message;
        }
    }
    if (!t.empty() && t.front() == '{') {
        kind = prefixed ? unwrap_kind::prefixed : unwrap_kind::plain;
        return t;  // a suffix of the line, so the line's padding follows it
    }
    if (t.starts_with("time=") || t.starts_with("level=")) return unwrap_record(t, kind);
    if (prefixed) kind = unwrap_kind::prefixed;
    return prefixed ? t : line;
}

// A logrus (text formatter) or slog (text handler) record: key=value pairs, msg among them.
std::string_view line_unwrapper::unwrap_record(std::string_view text, unwrap_kind& kind) {
    kind = unwrap_kind::other_log;
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        const size_t key_start = i;
        while (i < text.size() && text[i] != '=' && text[i] != ' ') ++i;
        if (i >= text.size() || text[i] != '=') {
            // Not a key=value pair: skip the word. A record is still a record.
            continue;
        }
        const std::string_view key = text.substr(key_start, i - key_start);
        ++i;
        const std::string_view value = record_value(text, i);
        if (key != "msg") continue;
        buffer_.clear();
        if (value.empty() || value.front() != '"') {
            buffer_.assign(value);
        } else if (!go::unquote_into(value, buffer_)) {
            return {};
        }
        if (skip_blanks(buffer_).empty() || skip_blanks(buffer_).front() != '{') return {};
        kind = unwrap_kind::log_record;
        const size_t size = buffer_.size();
        buffer_.resize(size + simdjson::SIMDJSON_PADDING);  // grows only for a longer msg than any before
        return {buffer_.data(), size};
    }
    return {};
}

}  // namespace flowgrep
