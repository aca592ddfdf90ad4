// The in-order stage: takes the workers' results block by block in input order and does what only
// the whole stream can decide: write the output, number and report bad lines, cut at --first or at
// the first match of -q, stop at a bad line under --strict, keep --last's lines, count for --count,
// and choose the exit status.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "exit_status.h"
#include "input/block_reader.h"
#include "output/sink.h"
#include "pipeline/block_output.h"
#include "pipeline/line_processor.h"
#include "pipeline/run_settings.h"
#include "select/selector.h"

namespace flowgrep {

// Bad lines are reported one by one up to this many per source; the rest are only counted and
// summed up when the source ends, so a binary file fed by mistake does not flood the terminal.
// Until a source shows a Hubble record, its warnings are held back: if none comes, one error says
// the source holds no flows, instead of twenty warnings.
class bad_line_report {
public:
    static constexpr uint64_t shown_per_source = 20;

    // `skipped`: a bad line, which is skipped; else a warning about a line that was read (a CEL
    // runtime error), which counts the same.
    void report(const std::string& source, uint64_t line, std::string_view reason, bool skipped);
    // Warnings from here on are held, until release() or discard().
    void hold() { holding_ = true; }
    // Writes the warnings held, and stops holding.
    void release();
    // Forgets the warnings held and the counts of the source.
    void discard();
    // Ends a source: the count of the bad lines not shown, and of the filter errors, if any.
    void summarise();

private:
    uint64_t shown_ = 0;
    uint64_t hidden_ = 0;         // bad lines not shown
    uint64_t hidden_errors_ = 0;  // filter errors not shown
    std::string source_;  // the name, kept only once lines are being hidden
    bool holding_ = false;
    std::string held_;  // the warning lines held, at most shown_per_source of them
};

class ordered_output {
public:
    // `use` says what the workers made of the lines that passed (see line_use). When they kept
    // copies of the lines, `printer` prints them here, in order; it also prints what is printed
    // at the end (table output). Null when nothing is printed.
    // `live`: the input is followed, and warnings are wanted as the lines come, not held until the
    // source shows a record.
    ordered_output(const run_settings& opts, line_use use, const block_reader& reader, output_sink& out,
                   output_sink& err, line_processor* printer, bool live);

    // Uses the next block's results. False when no more input is wanted.
    bool use(const input_block& block, const block_output& result);

    // A followed file has been read to its current end: --last's lines are printed now, and the
    // lines after them as they come, as hubble observe --last N --follow does.
    void caught_up();

    // After the last block used: prints --last's lines, lets the printer finish, the count, the
    // summaries; the exit status.
    exit_status finish();

private:
    // Writes r.out and r.err up to the given ends from the positions given, which move on.
    void write_upto(const block_output& r, size_t& out_pos, size_t& err_pos, size_t out_end, size_t err_end);
    // Prints a kept line (or all of --last's) with the printer, and writes what it printed.
    void print_kept(std::string_view text);
    void print_last();
    // The first bad or other line of a source without a record yet, for the message if none comes.
    void note_first_problem(uint64_t line, std::string_view reason);
    // The source ends: says so if it held lines but not one Hubble record.
    void end_source(const std::string& name, bool read_error);

    const run_settings& opts_;
    line_use use_;
    const block_reader& reader_;
    output_sink& out_;
    output_sink& err_;
    line_processor* printer_;
    bool printing_;

    bad_line_report bad_;
    std::optional<last_lines> last_;  // until caught_up() or the end
    uint64_t line_base_ = 0;  // lines of the current source before the block being used
    uint64_t passed_ = 0;     // what --first and --last count: every response that passed
    uint64_t counted_ = 0;    // what --count prints: the flows among those printed
    bool read_error_ = false;
    bool live_;
    uint64_t source_records_ = 0;   // Hubble records in the current source so far
    uint64_t first_problem_line_ = block_output::no_line;  // of the current source, while it has no record
    std::string first_problem_;
    bool not_flows_ = false;  // a source held lines but no record
    std::optional<exit_status> stopped_;  // set when a line ended the run early
    std::string strict_error_;

    block_output kept_;   // what the printer printed of kept lines
    std::string padded_;  // a kept line, with the parser's padding after it
};

}  // namespace flowgrep
