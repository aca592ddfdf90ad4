// compact output, the default: one line per flow,
// `<time>[ [<node>]]: <src> <id> <arrow> <dst> <id> <TYPE> <VERDICT> (<SUMMARY>)`, replies turned
// round so the requester stays on the left. Written straight into the sink's buffer, then escaped
// for the terminal there.
#include "flow/enums.h"
#include "output/flow_columns.h"
#include "output/formats.h"
#include "output/node_status_text.h"
#include "output/terminal_escape.h"
#include "output/text_append.h"

namespace flowgrep {

namespace {

class compact_printer final : public record_printer {
public:
    compact_printer(const print_settings& s, output_sink& out, output_sink* err)
        : settings_(s), time_(s.time), out_(out), err_(err) {}

    field_set needs() const override { return text_printer_needs(settings_); }

private:
    void print_flow(const flow& f) override {
        std::string& b = out_.buffer();
        const size_t start = b.size();
        const bool color = settings_.hosts.color;
        time_.append(b, f.time);
        if (settings_.node_name) {
            b.append(" [");
            b.append(f.node_name);
            b.push_back(']');
        }
        b.append(": ");

        flow_side left = flow_side::source, right = flow_side::destination;
        std::string_view arrow = "->";
        if (f.is_reply == flow::reply::unknown) {
            arrow = "<>";
        } else if (f.is_reply == flow::reply::yes) {
            std::swap(left, right);
            arrow = "<-";
        }
        auto identity = [&](flow_side side) {
            return side == flow_side::source ? f.source.identity : f.destination.identity;
        };

        append_host(b, f, left, settings_.hosts);
        b.push_back(' ');
        append_identity(b, identity(left), color);
        b.push_back(' ');
        b.append(arrow);
        b.push_back(' ');
        append_host(b, f, right, settings_.hosts);
        b.push_back(' ');
        append_identity(b, identity(right), color);
        b.push_back(' ');
        append_flow_type(b, f);
        b.push_back(' ');
        append_verdict(b, f, color, settings_.policy_names);
        b.append(" (");
        append_summary(b, f, color);
        b.append(")\n");
        escape_terminal(b, start, color);
        out_.end_record();
    }

    // `<response time> EVENTS LOST: <source> CPU(<c>) <n>[ (first: <t1>, last: <t2>)]`
    void print_lost_events(const response& r) override {
        std::string& b = out_.buffer();
        time_.append(b, r.time);
        b.append(" EVENTS LOST: ");
        append_enum(b, lost_event_source_enum, r.lost_events.source);
        b.push_back(' ');
        append_lost_events_summary(b, r.lost_events, " ", time_);
        b.push_back('\n');
        out_.end_record();  // nothing in it comes from the input's strings: no escaping
    }

    void print_node_status(const response& r) override {
        if (err_ == nullptr || !node_status_shown(r.node_status, settings_.debug)) return;
        std::string& b = err_->buffer();
        const size_t start = b.size();
        append_node_status_line(b, r, time_);
        escape_terminal(b, start, settings_.hosts.color);
        err_->end_record();
    }

    print_settings settings_;
    time_formatter time_;
    output_sink& out_;
    output_sink* err_;
};

}  // namespace

std::unique_ptr<printer> make_compact_printer(const print_settings& s, output_sink& out,
                                              output_sink* err) {
    return std::make_unique<compact_printer>(s, out, err);
}

}  // namespace flowgrep
