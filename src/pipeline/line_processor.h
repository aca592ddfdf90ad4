// One worker's state for turning input lines into output: its own parser, compiled filters and
// printer (none of them is shared between threads), applied to every line of a block. What it
// does with a line that passes depends on the run: print it, keep a copy of its text for the
// in-order stage (--last), count it by its keys (--aggregate-by), or nothing beyond noting it passed
// (-q, -c).
#pragma once

#include <memory>
#include <optional>
#include <string_view>

#include "filter/filter_settings.h"
#include "filter/matcher.h"
#include "filter/prefilter.h"
#include "flow/parse.h"
#include "input/block_reader.h"
#include "input/unwrap.h"
#include "output/aggregator.h"
#include "output/output_settings.h"
#include "output/printer.h"
#include "output/sink.h"
#include "pipeline/block_output.h"
#include "pipeline/run_settings.h"
#include "select/selector.h"

namespace flowgrep {

enum class line_use { print, copy, aggregate, note };

class line_processor {
public:
    line_processor(const filter_settings& filter, const output_settings& output, const run_settings& run,
                   line_use use);
    ~line_processor();

    // Appends what the lines of `block` give to `out`.
    void process(const input_block& block, block_output& out);

    // Prints (or counts, under --aggregate-by) one line kept earlier (--last); it passed and was
    // checked then. `text` must be followed by simdjson's padding.
    void print_kept(std::string_view text, block_output& out);

    // Lets the printer end (table output prints its rows here, aggregation its table), into `out`;
    // the bulk of a table goes straight to `through` as it is printed, before what `out` gets.
    void finish(block_output& out, output_sink& through);

    // Adds another worker's counts into this one's (--aggregate-by), before finish().
    void merge_counts(line_processor& other);

private:
    // The printer writes into these; their buffers are swapped with a block_output's.
    output_sink out_{-1};
    output_sink err_{-1};
    std::unique_ptr<printer> printer_;
    std::optional<aggregator> aggregator_;
    flow_matcher matcher_;
    line_prefilter prefilter_;
    bool prefiltering_;  // off under --strict, and with NO_FLOWGREP_PREFILTER=1
    match_errors match_errors_;  // of the line being matched; reused
    time_window window_;
    line_unwrapper unwrapper_;
    response_parser parser_;
    response response_;
    line_use use_;
    // --first: a worker that has itself seen this many lines pass can stop, whatever the other
    // workers saw: the in-order stage has then reached the cut at or before its block.
    uint64_t first_;
    uint64_t passed_ = 0;
};

}  // namespace flowgrep
