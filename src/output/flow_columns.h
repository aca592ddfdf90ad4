// The TYPE, VERDICT and SUMMARY texts of a flow, shared by compact, dict and table
// (hubble-semantics §3.4, §3.5, §5.4, §5.5).
#pragma once

#include <string>

#include "flow/flow.h"

namespace flowgrep {

// Appends the TYPE column: `<proto>-<l7 type>` for L7 flows, else by event type the trace point,
// drop reason text, `policy-verdict:<match> <direction>`, capture point, socket translation point,
// or UNKNOWN.
void append_flow_type(std::string& out, const flow& f);

// Appends the verdict name (a number when unknown); policy-verdict events say ALLOWED, DENIED or
// AUDITED instead, and with `policy_names` (--print-policy-names) ALLOWED and DENIED go on with
// ` BY name (Kind), ...` from the lists of the flow's traffic direction. Coloured by outcome, the
// names inside the colour.
void append_verdict(std::string& out, const flow& f, bool color, bool policy_names = false);

// Appends the summary all three text formats print: `IP Trace ID: <n>; ` when the flow has one,
// the flow's own Summary text and, when the flow was authenticated, `; Auth: <type>`.
void append_summary(std::string& out, const flow& f, bool color);

}  // namespace flowgrep
