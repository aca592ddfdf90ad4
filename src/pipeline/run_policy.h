// The run policy: from the stages' settings, how the pipeline runs. Whether it runs on several
// threads, what the workers do with a line that passes (line_use), which processor prints what
// the in-order stage prints, and when the workers' counts are merged. main only parses the
// command line and calls run_pipeline().
#pragma once

#include "exit_status.h"
#include "filter/filter_settings.h"
#include "input/input_settings.h"
#include "output/output_settings.h"
#include "pipeline/line_processor.h"
#include "pipeline/run_settings.h"

namespace flowgrep {

// What the workers make of a line that passed, for these settings.
line_use line_use_for(const output_settings& output, const run_settings& run);

// Whether to run on worker threads: `watched` when someone waits on each line (a terminal,
// --line-buffered), `cores` the hardware threads.
bool runs_in_parallel(const input_settings& input, const output_settings& output, const run_settings& run,
                      bool watched, unsigned cores);

// Whether standard input is among the sources (no FILE, or "-").
bool reads_standard_input(const input_settings& input);

// Reads the input to its end (or to where the run stops), prints, and returns the exit status.
exit_status run_pipeline(const input_settings& input, const filter_settings& filter, const output_settings& output,
                         const run_settings& run);

}  // namespace flowgrep
