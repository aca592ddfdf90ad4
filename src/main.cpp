// flowgrep: grep and jq for Cilium Hubble flows. This file only wires the modules together:
// command line -> input lines -> parsed responses -> time window and filters -> first/last -> printer,
// and turns what happened on the way into warnings and the exit status.
#include <cstdio>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <simdjson.h>
#include <unistd.h>

#include "cli/command_line.h"
#include "exit_status.h"
#include "filter/matcher.h"
#include "flow/parse.h"
#include "input/line_reader.h"
#include "input/unwrap.h"
#include "output/printer.h"
#include "select/selector.h"

using namespace flowgrep;

namespace {

// Bad lines are reported one by one up to this many per source; the rest are only counted and
// summed up when the source ends, so a binary file fed by mistake does not flood the terminal.
constexpr uint64_t warnings_per_source = 20;

class bad_line_report {
public:
    // Called for every line, so that a source's summary comes when it ends: one compare per line.
    void next_line(const input_line& line) {
        if (line.source_index != source_index_) {
            summarise();
            source_index_ = line.source_index;
            shown_ = 0;
        }
    }
    void report(const input_line& line, std::string_view reason) {
        if (shown_ < warnings_per_source) {
            ++shown_;
            fmt::print(stderr, "flowgrep: warning: {}:{}: {}; line skipped\n", line.source, line.number, reason);
        } else {
            if (hidden_ == 0) source_.assign(line.source);
            ++hidden_;
        }
    }
    void summarise() {
        if (hidden_ > 0)
            fmt::print(stderr, "flowgrep: warning: {}: {} more bad {} skipped\n", source_, hidden_,
                       hidden_ == 1 ? "line" : "lines");
        hidden_ = 0;
    }

private:
    uint32_t source_index_ = 0;
    uint64_t shown_ = 0;
    uint64_t hidden_ = 0;
    std::string source_;  // the name, kept only once lines are being hidden
};

// A container runtime cut the line (tag P) and wrote the rest as the next line(s); joining them
// would need the next line of the same stream, which line-by-line reading does not keep.
constexpr std::string_view partial_line_reason =
    "a partial container log line (CRI tag P): its rest is on a later line and is not joined";

// What is wrong with a line, when the parser was not asked (over-long) or could say more (cut off).
std::string reason_for(const input_line& line, const response_parser& parser) {
    if (line.overlong > 0)
        return fmt::format("line too long ({} bytes; flowgrep reads lines of up to {} MiB)", line.overlong,
                           line_reader::default_max_line >> 20);
    if (!line.has_newline && parser.error().starts_with("truncated:"))
        return parser.error() + " (the input ends without a newline: cut off?)";
    return parser.error();
}

int run(const options& opts) {
    flow_matcher matcher(opts.filters);
    // A person watching a terminal sees each flow as it comes; a pipe gets big blocks.
    output_sink out(1, opts.line_buffered || ::isatty(STDOUT_FILENO) == 1);
    output_sink err(2, true);
    auto print = make_printer(opts, out, err);
    const bool printing = !opts.quiet && !opts.count;

    time_window window(opts.since_ns, opts.until_ns);
    // Lines are checked in full before they are used (printed or counted); lines the filters drop
    // are checked only as far as the filters read them, which keeps filtering fast. check_rest()
    // decodes a used line in full, so the printer's fields need not be decoded for every line. When
    // every line is used anyway (no filter, no time window), or every line must be checked
    // (--strict), one full decode per line does it all.
    const bool every_line_used = opts.filters.allow.empty() && opts.filters.deny.empty() && !window.active();
    field_set wanted = matcher.needs() | (window.active() ? field_set{field_response_time} : field_set{0});
    if (opts.strict || every_line_used) wanted = all_fields;
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
    uint64_t passed = 0;  // what --first and --last count: every response that passed
    uint64_t counted = 0;  // what --count prints: the flows among those printed

    auto use = [&](const response& resp) {
        if (resp.kind == response_kind::flow) ++counted;
        if (printing) print->print(resp);
    };

    input_line line;
    line_unwrapper unwrapper;
    while (reader.next(line)) {
        bad.next_line(line);
        // ---- wrapped lines (input/unwrap.h): CRI and kubectl prefixes, logrus/slog records ----
        unwrap_kind wrapping;
        const std::string_view text = unwrapper.unwrap(line.text, wrapping);
        if (wrapping == unwrap_kind::other_log) continue;  // the agent's own log records: not flows
        const bool partial = wrapping == unwrap_kind::cri_partial;
        // ---- from here on `text` stands for the line ----
        bool ok = line.overlong == 0 && !partial && parser.parse(text, r);
        if (ok && (window.active() && !window.contains(r))) continue;
        if (ok && !matcher.matches(r)) continue;
        if (ok) ok = parser.check_rest(text);
        if (!ok) {
            std::string reason = partial ? std::string(partial_line_reason) : reason_for(line, parser);
            out.flush();
            if (opts.strict) {
                // Stop here; flows already printed stay printed, --last and --count have nothing to say.
                if (printing && !last) print->finish();
                out.flush();
                fmt::print(stderr, "flowgrep: error: {}:{}: {}\n", line.source, line.number, reason);
                return static_cast<int>(exit_status::error);
            }
            bad.report(line, reason);
            continue;
        }
        ++passed;
        if (opts.quiet && r.kind == response_kind::flow) {
            bad.summarise();
            return static_cast<int>(exit_status::ok);
        }
        if (last) {
            last->push(text);
            continue;
        }
        use(r);
        if (opts.first > 0 && passed == opts.first) break;
    }
    if (last) {
        std::string padded;
        last->for_each([&](std::string_view text) {
            padded.assign(text);
            padded.resize(text.size() + simdjson::SIMDJSON_PADDING);
            // Checked when they passed; check_rest() here decodes what the printer reads.
            std::string_view kept(padded.data(), text.size());
            if (parser.parse(kept, r) && parser.check_rest(kept)) use(r);
        });
    }
    if (printing) print->finish();
    if (opts.count) {
        fmt::format_to(std::back_inserter(out.buffer()), "{}\n", counted);
        out.end_record();
    }
    out.flush();
    bad.summarise();
    if (read_error) return static_cast<int>(exit_status::error);
    if ((opts.quiet || opts.count) && counted == 0) return static_cast<int>(exit_status::no_match);
    return static_cast<int>(exit_status::ok);
}

}  // namespace

int main(int argc, char** argv) {
    // flowgrep catches no signal: SIGINT and SIGTERM end it at once, and so does SIGPIPE when the
    // reader of its output goes away (`| head`), quietly, as with cat or grep. A parent may have
    // left SIGPIPE ignored; the output sink then ends the program the same way on EPIPE.
    std::vector<std::string> args(argv + 1, argv + argc);
    try {
        parsed_command_line cl = parse_command_line(args);
        for (const auto& warning : cl.warnings) fmt::print(stderr, "flowgrep: warning: {}\n", warning);
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
