// error_line / warning_line: each message is built whole and written with one call, so a line is
// never interleaved with other output on stderr.
#include "text/report.h"

#include <cstdio>

namespace flowgrep {

namespace {

void append_line(std::string& out, std::string_view prefix, std::string_view where, std::string_view what) {
    out.append(prefix);
    if (!where.empty()) {
        out.append(where);
        out.append(": ");
    }
    out.append(what);
    out.push_back('\n');
}

void write_line(std::string_view prefix, std::string_view where, std::string_view what) {
    std::string line;
    append_line(line, prefix, where, what);
    write_lines(line);
}

}  // namespace

void write_lines(std::string_view lines) {
    std::fwrite(lines.data(), 1, lines.size(), stderr);
    std::fflush(stderr);
}

void append_error_line(std::string& out, std::string_view where, std::string_view what) {
    append_line(out, "flowgrep: error: ", where, what);
}

void append_warning_line(std::string& out, std::string_view where, std::string_view what) {
    append_line(out, "flowgrep: warning: ", where, what);
}

void error_line(std::string_view where, std::string_view what) {
    write_line("flowgrep: error: ", where, what);
}

void warning_line(std::string_view where, std::string_view what) {
    write_line("flowgrep: warning: ", where, what);
}

void notice_line(std::string_view what) { write_line("flowgrep: ", "", what); }

}  // namespace flowgrep
