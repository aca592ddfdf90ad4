// Lines as flows reach people through other channels, turned back into the flow JSON: a container
// runtime (CRI) log prefix (or kubectl's --timestamps and --prefix) is cut off, and a logrus or slog
// text record yields its msg when that is a JSON object; the agent's other log records, which
// `kubectl logs ds/cilium` mixes with the flows an exporter writes to stdout, are told apart.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace flowgrep {

enum class unwrap_kind : uint8_t {
    plain,        // the line itself (a flow, or anything unrecognised, for the parser to judge)
    prefixed,     // after a complete (F) container-runtime log prefix, or kubectl's --timestamps or
                  // --prefix: the rest of the line
    log_record,   // a log record whose msg is a JSON object: that object, Go-unquoted
    other_log,    // a log record whose msg is not a JSON object: not a flow; skip it quietly
    cri_partial,  // a partial (P) container-runtime log line: its rest is on a later line
};

class line_unwrapper {
public:
    line_unwrapper();

    // The JSON text of `line`, which must be followed by simdjson::SIMDJSON_PADDING readable bytes;
    // so is the text returned (a view into `line`, or into this object's buffer, valid until the
    // next call). A line whose first byte is `{` costs one compare. For other_log and cri_partial
    // the text returned is of no use.
    std::string_view unwrap(std::string_view line, unwrap_kind& kind) {
        if (!line.empty() && line.front() == '{') [[likely]] {
            kind = unwrap_kind::plain;
            return line;
        }
        return unwrap_slow(line, kind);
    }

private:
    std::string_view unwrap_slow(std::string_view line, unwrap_kind& kind);
    std::string_view unwrap_record(std::string_view text, unwrap_kind& kind);

    std::string buffer_;  // an unquoted msg, with room for the parser's padding after it
};

}  // namespace flowgrep
