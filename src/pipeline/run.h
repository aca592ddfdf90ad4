// Drives the pipeline: blocks from the reader, through the workers' line processors, to the
// in-order stage. Inline on the calling thread (a person watching, a followed file, a printer
// whose output depends on every earlier record), or with a reader thread and worker threads
// while the calling thread writes in input order.
#pragma once

#include <memory>
#include <vector>

#include "input/block_reader.h"
#include "pipeline/line_processor.h"
#include "pipeline/ordered_output.h"

namespace flowgrep {

// Both return when the input has ended or `ordered` wants no more; ordered.finish() comes next.
void run_inline(block_reader& reader, line_processor& worker, ordered_output& ordered);

void run_parallel(std::shared_ptr<block_reader> reader, std::vector<std::unique_ptr<line_processor>>& workers,
                  ordered_output& ordered);

}  // namespace flowgrep
