// What the command line asks for, once parsed: each stage's own settings (input, filter, output,
// the run), grouped. The option table (option_table.h) is the single source of truth for how these
// are spelled; main hands the groups to the pipeline, which never sees this struct.
#pragma once

#include "filter/filter_settings.h"
#include "input/input_settings.h"
#include "output/output_settings.h"
#include "pipeline/run_settings.h"

namespace flowgrep {

struct options {
    input_settings input;
    filter_settings filter;
    output_settings output;
    run_settings run;

    bool print_raw_filters = false;  // the command line's own: print the filters and exit
};

}  // namespace flowgrep
