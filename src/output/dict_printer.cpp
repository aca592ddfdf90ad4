// dict output: one `KEY: value` block per record, keys right-aligned to 11 columns, blocks separated
// by a line of 12 dashes. No identities and no reply swap, as in Hubble; each block is escaped for
// the terminal where it was written.
#include "flow/enums.h"
#include "output/flow_columns.h"
#include "output/formats.h"
#include "output/node_status_text.h"
#include "output/terminal_escape.h"
#include "output/text_append.h"

namespace flowgrep {

namespace {

constexpr std::string_view separator = "------------\n";

class dict_printer final : public record_printer {
public:
    dict_printer(const print_settings& s, output_sink& out, output_sink* err)
        : settings_(s), time_(s.time), out_(out), err_(err) {}

    field_set needs() const override {
        return text_printer_needs(settings_) & ~field_is_reply;
    }

private:
    void print_flow(const flow& f) override {
        std::string& b = out_.buffer();
        const size_t start = b.size();
        const bool color = settings_.hosts.color;
        if (records_ != 0) b.append(separator);
        b.append("  TIMESTAMP: ");
        time_.append(b, f.time);
        if (settings_.node_name) {
            b.append("\n       NODE: ");
            b.append(f.node_name);
        }
        b.append("\n     SOURCE: ");
        append_host(b, f, flow_side::source, settings_.hosts);
        b.append("\nDESTINATION: ");
        append_host(b, f, flow_side::destination, settings_.hosts);
        b.append("\n       TYPE: ");
        append_flow_type(b, f);
        b.append("\n    VERDICT: ");
        append_verdict(b, f, color, settings_.policy_names);
        b.append("\n    SUMMARY: ");
        append_summary(b, f, color);
        b.push_back('\n');
        escape_terminal(b, start, color);
        ++records_;
        out_.end_record();
    }

    // Cells a lost-events record has nothing for read `-`.
    void print_lost_events(const response& r) override {
        std::string& b = out_.buffer();
        const size_t start = b.size();
        if (records_ != 0) b.append(separator);
        b.append("  TIMESTAMP: ");
        time_.append(b, r.time);
        if (settings_.node_name) {
            b.append("\n       NODE: ");
            b.append(r.node_name.empty() ? std::string_view("-") : r.node_name);
        }
        b.append("\n     SOURCE: ");
        append_enum(b, lost_event_source_enum, r.lost_events.source);
        b.append("\n       TYPE: EVENTS LOST\n    VERDICT: -\n    SUMMARY: ");
        append_lost_events_summary(b, r.lost_events, " - ", time_);
        b.push_back('\n');
        escape_terminal(b, start, settings_.hosts.color);
        ++records_;
        out_.end_record();
    }

    // The status goes to stderr, and so does the separator before it, so that the two streams read
    // as one run of blocks on a terminal; a status before any record only arms the separator.
    // --silent-errors drops both, and still arms it.
    void print_node_status(const response& r) override {
        if (!node_status_shown(r.node_status, settings_.debug)) return;
        const bool separate = records_ != 0;
        if (!separate) ++records_;
        if (err_ == nullptr) return;
        std::string& b = err_->buffer();
        const size_t start = b.size();
        if (separate) b.append(separator);
        append_node_status_dict(b, r, time_);
        escape_terminal(b, start, settings_.hosts.color);
        err_->end_record();
    }

    print_settings settings_;
    time_formatter time_;
    output_sink& out_;
    output_sink* err_;
    uint64_t records_ = 0;
};

}  // namespace

std::unique_ptr<printer> make_dict_printer(const print_settings& s, output_sink& out,
                                           output_sink* err) {
    return std::make_unique<dict_printer>(s, out, err);
}

}  // namespace flowgrep
