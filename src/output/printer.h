// A printer turns responses that passed the filters into text on the output sink. One printer per
// output format; make_printer picks one from the output settings.
#pragma once

#include <memory>

#include "output/output_settings.h"
#include "flow/fields.h"
#include "flow/flow.h"
#include "output/sink.h"

namespace flowgrep {

class printer {
public:
    virtual ~printer() = default;
    // Prints one response. Node-status records go to `err` (stderr); everything else to `out`.
    virtual void print(const response& r) = 0;
    // Called once after the last response (table output prints here).
    virtual void finish() {}
    // The parts of a flow this printer reads.
    virtual field_set needs() const = 0;
};

std::unique_ptr<printer> make_printer(const output_settings& opts, output_sink& out, output_sink& err);

}  // namespace flowgrep
