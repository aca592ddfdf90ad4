// The printers behind make_printer, one per output format, and the settings they share once the
// output settings have been resolved (time layout looked up, colour decided, translation folded together).
#pragma once

#include <memory>

#include "output/output_settings.h"
#include "output/endpoint_text.h"
#include "output/field_mask.h"
#include "output/printer.h"
#include "output/time_format.h"

namespace flowgrep {

struct print_settings {
    time_layout time = time_layout::stamp_milli;
    host_style hosts;        // hosts.color is the colour switch for compact and dict
    bool node_name = false;  // --print-node-name
    bool policy_names = false;  // --print-policy-names
    bool debug = false;      // print node-status records of every state
    bool silent_errors = false;
    field_mask mask;  // --field-mask, for json output
};

// Resolves the output settings; `stdout_is_tty`, NO_COLOR and TERM decide --color auto.
print_settings resolve_print_settings(const output_settings& opts, bool stdout_is_tty, const char* no_color,
                                      const char* term);

// `--color auto`: colour iff stdout is a terminal, NO_COLOR is unset or empty and TERM is not dumb.
bool use_color(color_mode mode, bool stdout_is_tty, const char* no_color, const char* term);

// `err` is where node-status records go; null when they are silenced (--silent-errors).
std::unique_ptr<printer> make_compact_printer(const print_settings& s, output_sink& out,
                                              output_sink* err);
std::unique_ptr<printer> make_dict_printer(const print_settings& s, output_sink& out,
                                           output_sink* err);
std::unique_ptr<printer> make_table_printer(const print_settings& s, output_sink& out,
                                            output_sink* err);
std::unique_ptr<printer> make_json_printer(const print_settings& s, output_sink& out,
                                           output_sink* err);

// What the text formats read of a flow (JSON passes lines through and reads nothing).
field_set text_printer_needs(const print_settings& s);

// The summary of a lost-events record: `CPU(<c>) <n>` (compact) or `CPU(<c>) - <n>` (dict and
// table), then ` (first: <t1>, last: <t2>)` when both times are set.
void append_lost_events_summary(std::string& out, const lost_events& e, std::string_view between,
                                time_formatter& time);

// The text formats (compact, dict, table) each print the three kinds of record their own way; this
// hands a response to the right one and drops empty responses, which Hubble never prints.
class record_printer : public printer {
public:
    void print(const response& r) final {
        switch (r.kind) {
        case response_kind::flow: print_flow(r.flow); break;
        case response_kind::lost_events: print_lost_events(r); break;
        case response_kind::node_status: print_node_status(r); break;
        case response_kind::empty: break;
        }
    }

protected:
    virtual void print_flow(const flow& f) = 0;
    // Lost events print the response's own time and node name along with r.lost_events.
    virtual void print_lost_events(const response& r) = 0;
    virtual void print_node_status(const response& r) = 0;
};

}  // namespace flowgrep
