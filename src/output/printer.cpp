// make_printer: turns the output settings into print settings (the one place that looks at the
// terminal and the environment) and picks the printer for the format.
#include "output/printer.h"

#include <cstdlib>
#include <cstring>
#include <unistd.h>

#include "output/formats.h"
#include "output/text_append.h"

namespace flowgrep {

bool use_color(color_mode mode, bool stdout_is_tty, const char* no_color, const char* term) {
    switch (mode) {
    case color_mode::always: return true;
    case color_mode::never: return false;
    case color_mode::auto_: break;
    }
    if (!stdout_is_tty) return false;
    if (no_color != nullptr && no_color[0] != '\0') return false;
    return term == nullptr || std::strcmp(term, "dumb") != 0;
}

print_settings resolve_print_settings(const output_settings& opts, bool stdout_is_tty, const char* no_color,
                                      const char* term) {
    print_settings s;
    s.time = time_layout_from_name(opts.time_format);
    s.hosts.translate = opts.ip_translation && !opts.numeric;
    // Table output is never coloured: Go's tabwriter would count the escapes as text.
    s.hosts.color = opts.format != output_format::table &&
                    use_color(opts.color, stdout_is_tty, no_color, term);
    s.node_name = opts.print_node_name;
    s.policy_names = opts.print_policy_names;
    s.debug = opts.debug;
    s.silent_errors = opts.silent_errors;
    if (opts.format == output_format::json) s.mask = field_mask(opts.field_mask);
    return s;
}

field_set text_printer_needs(const print_settings& s) {
    field_set needs = field_time | field_verdict | field_auth_type | field_ethernet | field_ip |
                      field_l4 | field_source | field_destination | field_source_labels |
                      field_destination_labels | field_names | field_l7 |
                      field_is_reply | field_event_type | field_services | field_traffic_direction |
                      field_policy_match_type | field_debug_capture_point | field_sock_xlate_point |
                      field_summary | field_response_time | field_ip_trace_id;
    if (s.node_name) needs |= field_node_name;
    if (s.policy_names) needs |= field_policies;
    return needs;
}

void append_lost_events_summary(std::string& out, const lost_events& e, std::string_view between,
                                time_formatter& time) {
    out.append("CPU(");
    append_int(out, e.has_cpu ? e.cpu : 0);
    out.push_back(')');
    out.append(between);
    append_uint(out, e.num_events_lost);
    if (!e.first.present || !e.last.present) return;
    out.append(" (first: ");
    time.append(out, e.first);
    out.append(", last: ");
    time.append(out, e.last);
    out.push_back(')');
}

std::unique_ptr<printer> make_printer(const output_settings& opts, output_sink& out, output_sink& err) {
    print_settings s = resolve_print_settings(opts, ::isatty(STDOUT_FILENO) == 1,
                                              std::getenv("NO_COLOR"), std::getenv("TERM"));
    output_sink* status_sink = s.silent_errors ? nullptr : &err;
    switch (opts.format) {
    case output_format::dict: return make_dict_printer(s, out, status_sink);
    case output_format::table: return make_table_printer(s, out, status_sink);
    case output_format::json: return make_json_printer(s, out, status_sink);
    case output_format::compact: break;
    }
    return make_compact_printer(s, out, status_sink);
}

}  // namespace flowgrep
