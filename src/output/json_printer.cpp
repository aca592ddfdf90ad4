// json output: each matching line exactly as it was read. Hubble re-encodes the response instead;
// passing the line through keeps fields this version does not know and is the same output for lines
// in the canonical form Hubble itself writes. With --field-mask, flow lines are cut down to the
// masked fields (lost events stay whole, as the exporter writes them).
#include "output/formats.h"
#include "output/node_status_text.h"

namespace flowgrep {

namespace {

class json_printer final : public printer {
public:
    json_printer(const print_settings& s, output_sink& out, output_sink* err)
        : debug_(s.debug), mask_(s.mask), out_(out), err_(err) {}

    void print(const response& r) override {
        switch (r.kind) {
        case response_kind::flow:
            if (mask_.active() && r.bare)
                mask_.apply_to_flow(r.line, out_.buffer());
            else if (mask_.active())
                mask_.apply(r.line, out_.buffer());
            else
                out_.write(r.line);
            out_.put('\n');
            out_.end_record();
            break;
        case response_kind::lost_events:
            out_.write(r.line);
            out_.put('\n');
            out_.end_record();
            break;
        case response_kind::node_status:
            if (err_ == nullptr || !node_status_shown(r.node_status, debug_)) return;
            err_->write(r.line);
            err_->put('\n');
            err_->end_record();
            break;
        case response_kind::empty:
            break;
        }
    }

    // Nothing decoded: the mask reads the line itself.
    field_set needs() const override { return 0; }

private:
    bool debug_;
    field_mask mask_;
    output_sink& out_;
    output_sink* err_;
};

}  // namespace

std::unique_ptr<printer> make_json_printer(const print_settings& s, output_sink& out,
                                           output_sink* err) {
    return std::make_unique<json_printer>(s, out, err);
}

}  // namespace flowgrep
