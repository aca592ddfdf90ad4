// Drives the pipeline: blocks from the reader, through the workers' line processors, to the
// in-order stage. Inline on the calling thread (a person watching, a followed file, a printer
// whose output depends on every earlier record), or with a reader thread and worker threads
// while the calling thread writes in input order.
#pragma once

#include <memory>
#include <vector>

#include "exit_status.h"
#include "input/block_reader.h"
#include "pipeline/line_processor.h"
#include "pipeline/ordered_output.h"

namespace flowgrep {

exit_status run_inline(block_reader& reader, line_processor& worker, ordered_output& ordered,
                       line_processor* final_printer);

exit_status run_parallel(std::shared_ptr<block_reader> reader,
                         std::vector<std::unique_ptr<line_processor>>& workers, ordered_output& ordered,
                         line_processor* final_printer);

}  // namespace flowgrep
