// The TYPE column for every event type, VERDICT with the policy-verdict names, SUMMARY with auth.
#include <catch2/catch_test_macros.hpp>

#include "output/flow_columns.h"
#include "print_test_util.h"

namespace flowgrep::test {

namespace {

flow event(int32_t type, int32_t sub_type = 0) {
    flow f;
    f.has_event_type = true;
    f.event_type = type;
    f.event_sub_type = sub_type;
    return f;
}

std::string type_of(const flow& f) {
    std::string out;
    append_flow_type(out, f);
    return out;
}

std::string verdict_of(const flow& f, bool color = false) {
    std::string out;
    append_verdict(out, f, color);
    return out;
}

std::string summary_of(const flow& f, bool color = false) {
    std::string out;
    append_summary(out, f, color);
    return out;
}

flow l7(l7_kind record, int32_t l7_type) {
    flow f = event(129);
    f.has_l7 = true;
    f.l7_record = record;
    f.l7_type = l7_type;
    return f;
}

}  // namespace

TEST_CASE("TYPE: l7 flows are <proto>-<type>", "[output][type]") {
    CHECK(type_of(l7(l7_kind::http, 1)) == "http-request");
    CHECK(type_of(l7(l7_kind::http, 2)) == "http-response");
    CHECK(type_of(l7(l7_kind::kafka, 1)) == "kafka-request");
    CHECK(type_of(l7(l7_kind::kafka, 3)) == "kafka-sample");
    CHECK(type_of(l7(l7_kind::none, 0)) == "l7-unknown_l7_type");
    CHECK(type_of(l7(l7_kind::http, 9)) == "http-9");

    flow dns = l7(l7_kind::dns, 1);
    dns.dns_observation_source = "proxy";
    CHECK(type_of(dns) == "dns-request proxy");
    dns.dns_observation_source = {};
    dns.l7_type = 2;
    CHECK(type_of(dns) == "dns-response ");

    flow trace_with_l7 = l7(l7_kind::http, 1);  // l7 wins over the event type
    trace_with_l7.event_type = 4;
    CHECK(type_of(trace_with_l7) == "http-request");
}

TEST_CASE("TYPE: trace points by sub-type, truncated to 8 bits", "[output][type]") {
    const char* names[] = {"to-endpoint",  "to-proxy",     "to-host",      "to-stack",
                           "to-overlay",   "from-endpoint", "from-proxy",  "from-host",
                           "from-stack",   "from-overlay", "from-network", "to-network",
                           "from-crypto",  "to-crypto"};
    for (int32_t sub = 0; sub <= 13; ++sub) CHECK(type_of(event(4, sub)) == names[sub]);
    CHECK(type_of(event(4, 14)) == "14");
    CHECK(type_of(event(4, 15)) == "15");
    CHECK(type_of(event(4, 256 + 5)) == "from-endpoint");
    CHECK(type_of(event(4, -1)) == "255");
}

TEST_CASE("TYPE: drop texts by sub-type, truncated to 8 bits", "[output][type]") {
    CHECK(type_of(event(1, 133)) == "Policy denied");
    CHECK(type_of(event(1, 389)) == "Policy denied");
    CHECK(type_of(event(1, 0)) == "Success");
    CHECK(type_of(event(1, 2)) == "Invalid packet");
    CHECK(type_of(event(1, 136)) == "Fragmentation needed");
    CHECK(type_of(event(1, 160)) == "No tunnel/encapsulation endpoint (datapath BUG!)");
    CHECK(type_of(event(1, 181)) == "Policy denied by denylist");
    CHECK(type_of(event(1, 204)) == "No Egress IP configured");
    CHECK(type_of(event(1, 1)) == "1, 0");
    CHECK(type_of(event(1, 159)) == "159, 0");
    CHECK(type_of(event(1, 255)) == "255, 0");
    CHECK(type_of(event(1, 256 + 159)) == "159, 0");
    flow f = event(1, 133);
    f.drop_reason_desc = 181;  // ignored: the text comes from the sub-type
    CHECK(type_of(f) == "Policy denied");
}

TEST_CASE("TYPE: policy verdicts name the match type and direction", "[output][type]") {
    const char* matches[] = {"none", "L3-Only", "L3-L4", "L4-Only", "all", "L3-Proto", "Proto-Only"};
    flow f = event(5);
    f.traffic_direction = 1;
    for (uint32_t m = 0; m <= 6; ++m) {
        f.policy_match_type = m;
        CHECK(type_of(f) == std::string("policy-verdict:") + matches[m] + " INGRESS");
    }
    f.policy_match_type = 7;
    f.traffic_direction = 2;
    CHECK(type_of(f) == "policy-verdict:unknown EGRESS");
    f.policy_match_type = 0;
    f.traffic_direction = 0;
    CHECK(type_of(f) == "policy-verdict:none TRAFFIC_DIRECTION_UNKNOWN");
    f.traffic_direction = 5;
    CHECK(type_of(f) == "policy-verdict:none 5");
}

TEST_CASE("TYPE: capture points", "[output][type]") {
    flow f = event(3, 12);
    CHECK(type_of(f) == "DBG_CAPTURE_POINT_UNKNOWN");
    f.debug_capture_point = 4;
    CHECK(type_of(f) == "DBG_CAPTURE_DELIVERY");
    f.debug_capture_point = 10;
    CHECK(type_of(f) == "DBG_CAPTURE_SNAT_PRE");
    f.debug_capture_point = 99;
    CHECK(type_of(f) == "99");
}

TEST_CASE("TYPE: socket translation points", "[output][type]") {
    const char* names[] = {"SOCK_XLATE_POINT_UNKNOWN", "pre-xlate-fwd", "post-xlate-fwd",
                           "pre-xlate-rev", "post-xlate-rev"};
    flow f = event(7);
    for (int32_t p = 0; p <= 4; ++p) {
        f.sock_xlate_point = p;
        CHECK(type_of(f) == names[p]);
    }
    f.sock_xlate_point = 9;
    CHECK(type_of(f) == "9");
}

TEST_CASE("TYPE: everything else is UNKNOWN", "[output][type]") {
    CHECK(type_of(flow{}) == "UNKNOWN");
    for (int32_t type : {0, 2, 6, 129, 130, 8, -4}) CHECK(type_of(event(type, 3)) == "UNKNOWN");
}

TEST_CASE("VERDICT: names, policy-verdict renaming, numbers", "[output][verdict]") {
    const char* names[] = {"VERDICT_UNKNOWN", "FORWARDED", "DROPPED",    "ERROR",
                           "AUDIT",           "REDIRECTED", "TRACED",    "TRANSLATED"};
    const char* as_policy[] = {"VERDICT_UNKNOWN", "ALLOWED", "DENIED", "DENIED",
                               "AUDITED",         "ALLOWED", "TRACED", "TRANSLATED"};
    for (int32_t v = 0; v <= 7; ++v) {
        flow f = event(4);
        f.verdict = v;
        CHECK(verdict_of(f) == names[v]);
        f.event_type = 5;
        CHECK(verdict_of(f) == as_policy[v]);
    }
    flow f;
    f.verdict = 99;
    CHECK(verdict_of(f) == "99");
}

TEST_CASE("VERDICT: colours by outcome", "[output][verdict][color]") {
    flow f = event(5);
    f.verdict = 1;
    CHECK(verdict_of(f, true) == "\x1b[32mALLOWED\x1b[0m");
    f.verdict = 5;
    CHECK(verdict_of(f, true) == "\x1b[32mALLOWED\x1b[0m");
    f.verdict = 3;
    CHECK(verdict_of(f, true) == "\x1b[31mDENIED\x1b[0m");
    f.verdict = 4;
    CHECK(verdict_of(f, true) == "\x1b[33mAUDITED\x1b[0m");
    f.event_type = 4;
    f.verdict = 6;
    CHECK(verdict_of(f, true) == "\x1b[33mTRACED\x1b[0m");
    f.verdict = 7;
    CHECK(verdict_of(f, true) == "\x1b[33mTRANSLATED\x1b[0m");
    f.verdict = 2;
    CHECK(verdict_of(f, true) == "\x1b[31mDROPPED\x1b[0m");
    f.verdict = 0;
    CHECK(verdict_of(f, true) == "VERDICT_UNKNOWN");
    f.verdict = 42;
    CHECK(verdict_of(f, true) == "42");
}

TEST_CASE("SUMMARY: the flow's text and the auth type", "[output][summary]") {
    flow f;
    f.summary = "TCP Flags: SYN";
    CHECK(summary_of(f) == "TCP Flags: SYN");
    f.auth_type = 1;
    CHECK(summary_of(f) == "TCP Flags: SYN; Auth: SPIRE");
    CHECK(summary_of(f, true) == "TCP Flags: SYN; Auth: \x1b[32mSPIRE\x1b[0m");
    f.auth_type = 2;
    CHECK(summary_of(f) == "TCP Flags: SYN; Auth: TEST_ALWAYS_FAIL");
    CHECK(summary_of(f, true) == "TCP Flags: SYN; Auth: \x1b[31mTEST_ALWAYS_FAIL\x1b[0m");
    f.auth_type = 9;
    CHECK(summary_of(f, true) == "TCP Flags: SYN; Auth: \x1b[32m9\x1b[0m");
    f.summary = {};
    CHECK(summary_of(f) == "; Auth: 9");
}

TEST_CASE("SUMMARY: the IP trace ID comes first, even without a Summary", "[output][summary]") {
    flow f;
    f.summary = "TCP Flags: SYN";
    f.ip_trace_id = 4660;
    CHECK(summary_of(f) == "IP Trace ID: 4660; TCP Flags: SYN");
    f.auth_type = 1;
    CHECK(summary_of(f, true) == "IP Trace ID: 4660; TCP Flags: SYN; Auth: \x1b[32mSPIRE\x1b[0m");
    f.auth_type = 0;
    f.summary = {};
    CHECK(summary_of(f) == "IP Trace ID: 4660; ");
    f.ip_trace_id = UINT64_MAX;
    CHECK(summary_of(f) == "IP Trace ID: 18446744073709551615; ");
    f.ip_trace_id = 0;
    CHECK(summary_of(f).empty());
}

namespace {

// A policy-verdict flow of `direction` (1 ingress, 2 egress) with one list of each kind filled.
flow policy_verdict(int32_t verdict, int32_t direction) {
    flow f = event(5);
    f.verdict = verdict;
    f.traffic_direction = direction;
    f.egress_allowed_by = {{"allow-egress", "shop", "CiliumNetworkPolicy"},
                           {"cluster-wide", "", "CiliumClusterwideNetworkPolicy"}};
    f.ingress_allowed_by = {{"allow-ingress", "shop", "NetworkPolicy"}};
    f.egress_denied_by = {{"deny-egress", "shop", "CiliumNetworkPolicy"}};
    f.ingress_denied_by = {{"deny-ingress", "shop", "CiliumNetworkPolicy"}};
    return f;
}

std::string verdict_with_names(const flow& f, bool color = false) {
    std::string out;
    append_verdict(out, f, color, true);
    return out;
}

}  // namespace

TEST_CASE("VERDICT with --print-policy-names: the policies of the flow's direction",
          "[output][verdict][policy_names]") {
    CHECK(verdict_with_names(policy_verdict(1, 2)) ==
          "ALLOWED BY allow-egress (CiliumNetworkPolicy), cluster-wide (CiliumClusterwideNetworkPolicy)");
    CHECK(verdict_with_names(policy_verdict(5, 1)) == "ALLOWED BY allow-ingress (NetworkPolicy)");
    CHECK(verdict_with_names(policy_verdict(2, 2)) == "DENIED BY deny-egress (CiliumNetworkPolicy)");
    CHECK(verdict_with_names(policy_verdict(3, 1)) == "DENIED BY deny-ingress (CiliumNetworkPolicy)");
    // An unknown direction names nothing, and audits never do.
    CHECK(verdict_with_names(policy_verdict(1, 0)) == "ALLOWED");
    CHECK(verdict_with_names(policy_verdict(2, 7)) == "DENIED");
    CHECK(verdict_with_names(policy_verdict(4, 2)) == "AUDITED");
    // Without the flag, or for other event types, the verdict is as before.
    CHECK(verdict_of(policy_verdict(1, 2)) == "ALLOWED");
    flow trace = policy_verdict(1, 2);
    trace.event_type = 4;
    CHECK(verdict_with_names(trace) == "FORWARDED");
    trace.verdict = 2;
    CHECK(verdict_with_names(trace) == "DROPPED");
}

TEST_CASE("VERDICT with --print-policy-names: nameless or kindless policies are skipped",
          "[output][verdict][policy_names]") {
    flow f = policy_verdict(1, 2);
    f.egress_allowed_by = {{"", "shop", "CiliumNetworkPolicy"}, {"no-kind", "shop", ""}};
    CHECK(verdict_with_names(f) == "ALLOWED");
    f.egress_allowed_by.push_back({"third", "", "CiliumNetworkPolicy"});
    f.egress_allowed_by.push_back({"fourth", "", "NetworkPolicy"});
    CHECK(verdict_with_names(f) == "ALLOWED BY third (CiliumNetworkPolicy), fourth (NetworkPolicy)");
    f.egress_allowed_by.clear();
    CHECK(verdict_with_names(f) == "ALLOWED");
}

TEST_CASE("VERDICT with --print-policy-names: the names share the verdict's colour",
          "[output][verdict][policy_names][color]") {
    CHECK(verdict_with_names(policy_verdict(1, 1), true) ==
          "\x1b[32mALLOWED BY allow-ingress (NetworkPolicy)\x1b[0m");
    CHECK(verdict_with_names(policy_verdict(2, 2), true) ==
          "\x1b[31mDENIED BY deny-egress (CiliumNetworkPolicy)\x1b[0m");
    CHECK(verdict_with_names(policy_verdict(4, 2), true) == "\x1b[33mAUDITED\x1b[0m");
}

}  // namespace flowgrep::test
