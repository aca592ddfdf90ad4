// flowgrep: grep and jq for Cilium Hubble flows. This file only wires the modules together:
// command line -> input blocks -> line processors (parse, time window, filters, print) on worker
// threads -> the in-order stage (first/last/count, warnings, the exit status) -> stdout.
#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <simdjson.h>
#include <unistd.h>

#include "cli/command_line.h"
#include "exit_status.h"
#include "input/block_reader.h"
#include "input/interrupt.h"
#include "pipeline/line_processor.h"
#include "pipeline/ordered_output.h"
#include "pipeline/run.h"

using namespace flowgrep;

namespace {

// Several threads pay off for the formats whose records stand alone, when nobody is waiting on
// each line: a person at a terminal, --line-buffered and --follow want every line at once, dict
// and table output depend on the records before (so the workers cannot print them).
bool runs_in_parallel(const options& opts, bool watched, unsigned cores) {
    if (cores < 2 || opts.follow) return false;
    // What prints only at the end (a count, the last N, aggregated rows) or nothing at all has no
    // line a terminal waits for; and the in-order stage prints the last N itself, in any format.
    if (opts.aggregate.active() || opts.count || opts.quiet || opts.last > 0) return true;
    return !watched && (opts.output == output_format::json || opts.output == output_format::compact);
}

exit_status run(const options& opts) {
    // A person watching a terminal sees each flow as it comes; a pipe gets big blocks.
    const bool watched = opts.line_buffered || ::isatty(STDOUT_FILENO) == 1;
    output_sink out(1, watched);
    output_sink err(2, true);

    // --last keeps copies of the lines and prints the final ones at the end; -q and -c print
    // nothing. The workers count --aggregate-by's rows themselves, unless only the first or last
    // lines count: those are cut in order, so the workers keep copies for the in-order stage.
    const bool aggregate = opts.aggregate.active();
    const line_use use = opts.last > 0 || (aggregate && opts.first > 0) ? line_use::copy
                         : aggregate                                    ? line_use::aggregate
                         : (opts.quiet || opts.count)                   ? line_use::note
                                                                        : line_use::print;
    // The printer of the lines the workers only copied, and of what comes at the end.
    std::unique_ptr<line_processor> last_printer;
    if (use == line_use::copy) last_printer = std::make_unique<line_processor>(opts, line_use::print);

    ordered_output* ordered_ptr = nullptr;
    source_options sources;
    sources.follow = opts.follow;
    // A followed file read to its current end: --last's lines are due, and nothing may sit in a
    // buffer while the file is quiet.
    sources.on_wait = [&] {
        if (ordered_ptr) ordered_ptr->caught_up();
        out.flush();
    };
    // Ctrl-C ends a follow like the end of the input: what is printed at the end still is.
    if (opts.follow) end_input_on_interrupt();
    auto reader = std::make_shared<block_reader>(opts.files, simdjson::SIMDJSON_PADDING, sources);

    const unsigned cores = std::thread::hardware_concurrency();
    if (!runs_in_parallel(opts, watched, cores)) {
        line_processor worker(opts, use);
        ordered_output ordered(opts, use, *reader, out, err, last_printer ? last_printer.get() : &worker);
        ordered_ptr = &ordered;
        run_inline(*reader, worker, ordered);
        return ordered.finish();
    }
    std::vector<std::unique_ptr<line_processor>> workers;
    for (unsigned i = 0; i < std::min(cores, 8u); ++i) workers.push_back(std::make_unique<line_processor>(opts, use));
    line_processor* printer = last_printer ? last_printer.get() : workers[0].get();
    ordered_output ordered(opts, use, *reader, out, err, printer);
    run_parallel(reader, workers, ordered);
    for (auto& w : workers) if (w.get() != printer) printer->merge_counts(*w);
    return ordered.finish();
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
        return static_cast<int>(run(cl.opts));
    } catch (const usage_error& e) {
        fmt::print(stderr, "flowgrep: error: {}\n", e.what());
    } catch (const filter_error& e) {
        fmt::print(stderr, "flowgrep: error: {}\n", e.what());
    }
    return static_cast<int>(exit_status::error);
}
