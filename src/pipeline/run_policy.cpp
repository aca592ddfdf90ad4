// run_pipeline: sets up the sinks and the reader, picks inline or parallel, builds the line
// processors for it and lets the in-order stage finish. The decisions are the functions above it.
#include "pipeline/run_policy.h"

#include <algorithm>
#include <memory>
#include <thread>
#include <vector>

#include <simdjson.h>
#include <unistd.h>

#include "input/block_reader.h"
#include "input/interrupt.h"
#include "output/sink.h"
#include "pipeline/ordered_output.h"
#include "pipeline/run.h"

namespace flowgrep {

// --last keeps copies of the lines and prints the final ones at the end; -q and -c print nothing.
// The workers count --aggregate-by's rows themselves, unless only the first or last lines count:
// those are cut in order, so the workers keep copies for the in-order stage.
line_use line_use_for(const output_settings& output, const run_settings& run) {
    const bool aggregate = output.aggregate.active();
    if (run.last > 0 || (aggregate && run.first > 0)) return line_use::copy;
    if (aggregate) return line_use::aggregate;
    if (run.quiet || run.count) return line_use::note;
    return line_use::print;
}

// Several threads pay off for the formats whose records stand alone, when nobody is waiting on
// each line: a person at a terminal, --line-buffered and --follow want every line at once, dict
// and table output depend on the records before (so the workers cannot print them).
bool runs_in_parallel(const input_settings& input, const output_settings& output, const run_settings& run,
                      bool watched, unsigned cores) {
    if (cores < 2 || input.follow) return false;
    // What prints only at the end (a count, the last N, aggregated rows) or nothing at all has no
    // line a terminal waits for; and the in-order stage prints the last N itself, in any format.
    if (output.aggregate.active() || run.count || run.quiet || run.last > 0) return true;
    return !watched && (output.format == output_format::json || output.format == output_format::compact);
}

bool reads_standard_input(const input_settings& input) {
    return input.files.empty() || std::find(input.files.begin(), input.files.end(), "-") != input.files.end();
}

exit_status run_pipeline(const input_settings& input, const filter_settings& filter, const output_settings& output,
                         const run_settings& run) {
    // A person watching a terminal sees each flow as it comes; a pipe gets big blocks.
    const bool watched = run.line_buffered || ::isatty(STDOUT_FILENO) == 1;
    output_sink out(1, watched);
    output_sink err(2, true);

    const line_use use = line_use_for(output, run);
    // The printer of the lines the workers only copied, and of what comes at the end.
    std::unique_ptr<line_processor> last_printer;
    if (use == line_use::copy) last_printer = std::make_unique<line_processor>(filter, output, run, line_use::print);

    ordered_output* ordered_ptr = nullptr;
    source_options sources;
    sources.follow = input.follow;
    // A followed file read to its current end: --last's lines are due, and nothing may sit in a
    // buffer while the file is quiet.
    sources.on_wait = [&] {
        if (ordered_ptr) ordered_ptr->caught_up();
        out.flush();
    };
    // Ctrl-C (or SIGTERM) ends a follow, or a live pipe on standard input, like the end of the
    // input: what is buffered or printed at the end (a count, rows, the last N) still comes out,
    // and the status is that of a run to the end. A FILE has an end of its own: there, it kills.
    if (input.follow || reads_standard_input(input)) end_input_on_interrupt();
    auto reader = std::make_shared<block_reader>(input.files, simdjson::SIMDJSON_PADDING, sources);

    const unsigned cores = std::thread::hardware_concurrency();
    if (!runs_in_parallel(input, output, run, watched, cores)) {
        line_processor worker(filter, output, run, use);
        ordered_output ordered(run, use, *reader, out, err, last_printer ? last_printer.get() : &worker,
                               input.follow);
        ordered_ptr = &ordered;
        run_inline(*reader, worker, ordered);
        return ordered.finish();
    }
    std::vector<std::unique_ptr<line_processor>> workers;
    for (unsigned i = 0; i < std::min(cores, 8u); ++i)
        workers.push_back(std::make_unique<line_processor>(filter, output, run, use));
    line_processor* printer = last_printer ? last_printer.get() : workers[0].get();
    ordered_output ordered(run, use, *reader, out, err, printer, input.follow);
    run_parallel(reader, workers, ordered);
    // The printer finishes with every worker's --aggregate-by counts.
    for (auto& w : workers)
        if (w.get() != printer) printer->merge_counts(*w);
    return ordered.finish();
}

}  // namespace flowgrep
