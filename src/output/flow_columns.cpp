// TYPE, VERDICT and SUMMARY. The names come from flow/enums.h; only the printing rules live here
// (8-bit sub-types, l7 lower-casing, policy-verdict renaming, colours).
#include "output/flow_columns.h"

#include "flow/enums.h"
#include "flow/event_types.h"
#include "text/ascii.h"
#include "output/text_append.h"

namespace flowgrep {

namespace {

// Auth numbers from flow.proto.
constexpr int32_t auth_disabled = 0;
constexpr int32_t traffic_ingress = 1;
constexpr int32_t traffic_egress = 2;
constexpr int32_t auth_test_always_fail = 2;

void append_l7_type(std::string& out, const flow& f) {
    switch (f.l7_record) {
    case l7_kind::http: out.append("http-"); break;
    case l7_kind::dns: out.append("dns-"); break;
    case l7_kind::kafka: out.append("kafka-"); break;
    case l7_kind::none: out.append("l7-"); break;
    }
    std::string_view name = enum_name(l7_flow_type_enum, f.l7_type);
    if (name.empty())
        append_int(out, f.l7_type);
    else
        append_ascii_lower(out, name);
    if (f.l7_record == l7_kind::dns) {
        // Even an empty observation source keeps its space: "dns-response " then the next column.
        out.push_back(' ');
        out.append(f.dns_observation_source);
    }
}

void append_sock_xlate_point(std::string& out, int32_t point) {
    switch (point) {
    case 1: out.append("pre-xlate-fwd"); break;
    case 2: out.append("post-xlate-fwd"); break;
    case 3: out.append("pre-xlate-rev"); break;
    case 4: out.append("post-xlate-rev"); break;
    default: append_enum(out, sock_xlate_point_enum, point); break;
    }
}

// ` BY name (Kind), name2 (Kind2)` for the policies of the flow's direction; a policy without a
// name or a kind is left out, and none left means nothing at all.
void append_policy_names(std::string& out, const flow& f, bool allowed) {
    const std::vector<policy_ref>* policies = nullptr;
    if (f.traffic_direction == traffic_egress)
        policies = allowed ? &f.egress_allowed_by : &f.egress_denied_by;
    else if (f.traffic_direction == traffic_ingress)
        policies = allowed ? &f.ingress_allowed_by : &f.ingress_denied_by;
    if (policies == nullptr) return;
    bool first = true;
    for (const policy_ref& p : *policies) {
        if (p.name.empty() || p.kind.empty()) continue;
        out.append(first ? " BY " : ", ");
        first = false;
        out.append(p.name);
        out.append(" (");
        out.append(p.kind);
        out.push_back(')');
    }
}

}  // namespace

void append_flow_type(std::string& out, const flow& f) {
    if (f.has_l7) {
        append_l7_type(out, f);
        return;
    }
    const int32_t type = f.has_event_type ? f.event_type : 0;
    // Trace points and drop reasons are 8-bit numbers in the datapath; Hubble truncates to match.
    const uint8_t sub_type = static_cast<uint8_t>(f.has_event_type ? f.event_sub_type : 0);
    switch (type) {
    case monitor_event::trace: {
        std::string_view name = enum_name(sub_type_names_for(type), sub_type);
        if (name.empty())
            append_uint(out, sub_type);
        else
            out.append(name);
        break;
    }
    case monitor_event::drop: {
        std::string_view text = drop_reason_text(sub_type);
        if (text.empty()) {
            append_uint(out, sub_type);
            out.append(", 0");
        } else {
            out.append(text);
        }
        break;
    }
    case monitor_event::policy_verdict:
        out.append("policy-verdict:");
        out.append(policy_match_type_name(f.policy_match_type));
        out.push_back(' ');
        append_enum(out, traffic_direction_enum, f.traffic_direction);
        break;
    case monitor_event::capture:
        append_enum(out, debug_capture_point_enum, f.debug_capture_point);
        break;
    case monitor_event::trace_sock:
        append_sock_xlate_point(out, f.sock_xlate_point);
        break;
    default:
        out.append("UNKNOWN");
        break;
    }
}

void append_verdict(std::string& out, const flow& f, bool color, bool policy_names) {
    const bool policy_verdict = f.has_event_type && f.event_type == monitor_event::policy_verdict;
    std::string_view text = enum_name(verdict_enum, f.verdict);
    std::string_view paint;
    enum { no_names, allowed_by, denied_by } names = no_names;
    switch (f.verdict) {
    case verdicts::forwarded:
    case verdicts::redirected:
        if (policy_verdict) {
            text = "ALLOWED";
            names = allowed_by;
        }
        paint = ansi::green;
        break;
    case verdicts::dropped:
    case verdicts::error:
        if (policy_verdict) {
            text = "DENIED";
            names = denied_by;
        }
        paint = ansi::red;
        break;
    case verdicts::audit:
        if (policy_verdict) text = "AUDITED";
        paint = ansi::yellow;
        break;
    case verdicts::traced:
    case verdicts::translated:
        paint = ansi::yellow;
        break;
    default:  // VERDICT_UNKNOWN and unknown numbers stay uncoloured
        break;
    }
    if (text.empty()) {
        append_int(out, f.verdict);
        return;
    }
    const bool paint_it = color && !paint.empty();
    open_color(out, paint_it, paint);
    out.append(text);
    if (policy_names && names != no_names) append_policy_names(out, f, names == allowed_by);
    close_color(out, paint_it);
}

void append_summary(std::string& out, const flow& f, bool color) {
    if (f.ip_trace_id > 0) {
        out.append("IP Trace ID: ");
        append_uint(out, f.ip_trace_id);
        out.append("; ");
    }
    out.append(f.summary);
    if (f.auth_type == auth_disabled) return;
    out.append("; Auth: ");
    open_color(out, color, f.auth_type == auth_test_always_fail ? ansi::red : ansi::green);
    append_enum(out, auth_type_enum, f.auth_type);
    close_color(out, color);
}

}  // namespace flowgrep
