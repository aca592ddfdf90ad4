// flowgrep: grep and jq for Cilium Hubble flows. This file only wires the modules together:
// command line -> input lines -> parsed responses -> time window and filters -> first/last -> printer.
#include <csignal>
#include <cstdio>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <simdjson.h>

#include "cli/command_line.h"
#include "exit_status.h"
#include "filter/matcher.h"
#include "flow/parse.h"
#include "input/line_reader.h"
#include "output/printer.h"
#include "select/selector.h"

using namespace flowgrep;

namespace {

// Bad lines are reported one by one up to this many per source; the rest are only counted, so a
// binary file fed by mistake does not flood the terminal.
constexpr uint64_t warnings_per_source = 20;

struct bad_line_report {
    std::string source;
    uint64_t shown = 0;
    uint64_t hidden = 0;

    void report(const input_line& line, std::string_view reason) {
        if (source != line.source) {
            summarise();
            source = line.source;
            shown = hidden = 0;
        }
        if (shown < warnings_per_source) {
            ++shown;
            fmt::print(stderr, "flowgrep: warning: {}:{}: {}; line skipped\n", line.source, line.number, reason);
        } else {
            ++hidden;
        }
    }
    void summarise() {
        if (hidden > 0)
            fmt::print(stderr, "flowgrep: warning: {}: {} more bad lines skipped\n", source, hidden);
        hidden = 0;
    }
};

int run(const options& opts) {
    flow_matcher matcher(opts.filters);
    output_sink out(1);
    output_sink err(2, true);
    auto print = make_printer(opts, out, err);

    time_window window(opts.since_ns, opts.until_ns);
    field_set wanted = matcher.needs() | print->needs() | (window.active() ? field_set{field_response_time} : field_set{0});
    response_parser parser(wanted);
    response r;

    bool read_error = false;
    line_reader reader(opts.files, simdjson::SIMDJSON_PADDING, [&](std::string_view source, std::string_view why) {
        out.flush();
        fmt::print(stderr, "flowgrep: error: {}: {}\n", source, why);
        read_error = true;
    });

    bad_line_report bad;
    std::optional<last_lines> last;
    if (opts.last > 0) last.emplace(opts.last);
    uint64_t passed = 0;

    input_line line;
    while (reader.next(line)) {
        if (!parser.parse(line.text, r)) {
            out.flush();
            bad.report(line, parser.error());
            continue;
        }
        if (window.active() && !window.contains(r)) continue;
        if (!matcher.matches(r)) continue;
        ++passed;
        if (last) {
            last->push(line.text);
            continue;
        }
        print->print(r);
        if (opts.first > 0 && passed == opts.first) break;
    }
    if (last) {
        std::string padded;
        last->for_each([&](std::string_view text) {
            padded.assign(text);
            padded.resize(text.size() + simdjson::SIMDJSON_PADDING);
            if (parser.parse(std::string_view(padded.data(), text.size()), r)) print->print(r);
        });
    }
    print->finish();
    out.flush();
    bad.summarise();
    return static_cast<int>(read_error ? exit_status::error : exit_status::ok);
}

}  // namespace

int main(int argc, char** argv) {
    // A closed pipe shows up as EPIPE from write(2), where the sink ends the program quietly.
    std::signal(SIGPIPE, SIG_IGN);

    std::vector<std::string> args(argv + 1, argv + argc);
    try {
        parsed_command_line cl = parse_command_line(args);
        if (cl.exit_now) {
            std::fwrite(cl.print.data(), 1, cl.print.size(), stdout);
            return static_cast<int>(exit_status::ok);
        }
        return run(cl.opts);
    } catch (const usage_error& e) {
        fmt::print(stderr, "flowgrep: error: {}\n", e.what());
    } catch (const filter_error& e) {
        fmt::print(stderr, "flowgrep: error: {}\n", e.what());
    }
    return static_cast<int>(exit_status::error);
}
