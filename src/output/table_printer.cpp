// table output (`-o table`, `-o tab`): the dict cells (no identities, no reply swap) plus `; Auth:`,
// aligned like Go's tabwriter. Nothing is printed before finish(), since a column's width depends on
// every row (the rows wait in a temporary file past a few MiB); the header comes with the first
// row, so no rows means no output at all. Never coloured, and each row is escaped for the terminal
// before it is aligned, so that widths count the escaped text.
#include "flow/enums.h"
#include "output/flow_columns.h"
#include "output/formats.h"
#include "output/node_status_text.h"
#include "output/terminal_escape.h"
#include "output/tab_writer.h"
#include "output/text_append.h"

namespace flowgrep {

namespace {

class table_printer final : public record_printer {
public:
    table_printer(const print_settings& s, output_sink& out, output_sink* err)
        : settings_(s), time_(s.time), out_(out), err_(err) {
        settings_.hosts.color = false;
    }

    void finish() override { table_.flush(out_); }

    field_set needs() const override { return text_printer_needs(settings_) & ~field_is_reply; }

private:
    void start_row() {
        if (rows_++ != 0) return;
        std::string& b = table_.text();
        b.append("TIMESTAMP\t");
        if (settings_.node_name) b.append("NODE\t");
        b.append("SOURCE\tDESTINATION\tTYPE\tVERDICT\tSUMMARY\n");
    }

    void print_flow(const flow& f) override {
        start_row();
        std::string& b = table_.text();
        const size_t start = b.size();
        time_.append(b, f.time);
        b.push_back('\t');
        if (settings_.node_name) {
            b.append(f.node_name);
            b.push_back('\t');
        }
        append_host(b, f, flow_side::source, settings_.hosts);
        b.push_back('\t');
        append_host(b, f, flow_side::destination, settings_.hosts);
        b.push_back('\t');
        append_flow_type(b, f);
        b.push_back('\t');
        append_verdict(b, f, false, settings_.policy_names);
        b.push_back('\t');
        append_summary(b, f, false);
        b.push_back('\n');
        escape_terminal(b, start, false);
        table_.lines_added();
    }

    // Cells a lost-events record has nothing for read `-`.
    void print_lost_events(const response& r) override {
        start_row();
        std::string& b = table_.text();
        const size_t start = b.size();
        time_.append(b, r.time);
        b.push_back('\t');
        if (settings_.node_name) {
            b.append(r.node_name.empty() ? std::string_view("-") : r.node_name);
            b.push_back('\t');
        }
        append_enum(b, lost_event_source_enum, r.lost_events.source);
        b.append("\t-\tEVENTS LOST\t-\t");
        append_lost_events_summary(b, r.lost_events, " - ", time_);
        b.push_back('\n');
        escape_terminal(b, start, false);
        table_.lines_added();
    }

    // Statuses go to stderr at once, outside the table.
    void print_node_status(const response& r) override {
        if (err_ == nullptr || !node_status_shown(r.node_status, settings_.debug)) return;
        std::string& b = err_->buffer();
        const size_t start = b.size();
        append_node_status_line(b, r, time_);
        escape_terminal(b, start, false);
        err_->end_record();
    }

    print_settings settings_;
    time_formatter time_;
    output_sink& out_;
    output_sink* err_;
    tab_writer table_;
    uint64_t rows_ = 0;
};

}  // namespace

std::unique_ptr<printer> make_table_printer(const print_settings& s, output_sink& out,
                                            output_sink* err) {
    return std::make_unique<table_printer>(s, out, err);
}

}  // namespace flowgrep
