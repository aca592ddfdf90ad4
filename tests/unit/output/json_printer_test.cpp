// json output: matching lines pass through unchanged (flowgrep's lossless choice), lost events too,
// empty responses print nothing, and the printer needs nothing decoded.
#include <catch2/catch_test_macros.hpp>

#include "print_test_util.h"

namespace flowgrep::test {

TEST_CASE("json passes flow and lost-event lines through unchanged", "[output][json]") {
    response f = flow_response();
    // Field order, spacing and unknown fields survive: the line is not re-encoded.
    f.line = R"({"flow":{"verdict":"FORWARDED","future_field":1, "time":"2024-01-02T03:04:05.5+02:00"},"node_name":"n"})";
    response lost;
    lost.kind = response_kind::lost_events;
    lost.line = R"({"lost_events":{"source":"PERF_EVENT_RING_BUFFER","num_events_lost":"7","cpu":2}})";
    response empty;
    empty.line = R"({"agent_event":{}})";

    output_settings o = with_output(output_format::json);
    o.color = color_mode::always;  // no effect on json
    o.time_format = "RFC3339";
    o.print_node_name = true;
    printed p = print_all(o, f, empty, lost);
    CHECK(p.out == std::string(f.line) + "\n" + std::string(lost.line) + "\n");
    CHECK(p.err.empty());
}

TEST_CASE("json needs nothing decoded; the text formats need what they print", "[output][json]") {
    captured_sink out, err;
    output_settings o = with_output(output_format::json);
    CHECK(make_printer(o, out.sink(), err.sink())->needs() == 0);

    o.format = output_format::compact;
    field_set compact = make_printer(o, out.sink(), err.sink())->needs();
    CHECK((compact & field_is_reply) != 0);
    CHECK((compact & field_auth_type) != 0);
    CHECK((compact & field_summary) != 0);
    CHECK((compact & field_node_name) == 0);
    CHECK((compact & field_ip_trace_id) != 0);
    CHECK((compact & (field_uuid | field_trace_id | field_interface | field_node_labels | field_policies)) == 0);
    o.print_node_name = true;
    CHECK((make_printer(o, out.sink(), err.sink())->needs() & field_node_name) != 0);
    o.print_policy_names = true;
    CHECK((make_printer(o, out.sink(), err.sink())->needs() & field_policies) != 0);
    o.print_policy_names = false;

    o.format = output_format::dict;
    field_set dict = make_printer(o, out.sink(), err.sink())->needs();
    CHECK((dict & field_is_reply) == 0);
    CHECK((dict & (field_auth_type | field_ip_trace_id)) == (field_auth_type | field_ip_trace_id));
    CHECK((dict & (field_source | field_services | field_names)) != 0);

    o.format = output_format::table;
    o.print_policy_names = true;
    field_set table = make_printer(o, out.sink(), err.sink())->needs();
    CHECK((table & (field_policies | field_ip_trace_id)) == (field_policies | field_ip_trace_id));
}

}  // namespace flowgrep::test
