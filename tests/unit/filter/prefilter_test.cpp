// The literal prefilter: which filters give needles and which give none, and that it is exact: a
// line it drops is one the parser and the matcher would not pass, however the line spells its keys
// and values (escapes, white space, camelCase keys, numeric and quoted enums, other records).
#include <catch2/catch_test_macros.hpp>

#include <string>
#include <vector>

#include <simdjson.h>

#include "cli/command_line.h"
#include "filter/matcher.h"
#include "filter/prefilter.h"
#include "flow/parse.h"

using namespace flowgrep;

namespace {

constexpr int64_t now_ns = 1'700'000'000'000'000'000;

filter_lists lists_of(const std::vector<std::string>& flags) {
    return parse_command_line(flags, now_ns).opts.filter.lists;
}

std::string needles(const std::vector<std::string>& flags) { return line_prefilter(lists_of(flags)).describe(); }

// What the parser and the matcher make of the line: true when it passes.
bool passes(const filter_lists& lists, std::string_view line) {
    std::string padded(line);
    padded.resize(line.size() + simdjson::SIMDJSON_PADDING);
    response_parser parser;
    response r;
    return parser.parse(std::string_view(padded.data(), line.size()), r) && flow_matcher(lists).matches(r);
}

// Whether the prefilter lets the line through; fails the test if it drops a line that passes.
bool kept(const std::vector<std::string>& flags, std::string_view line) {
    const filter_lists lists = lists_of(flags);
    const line_prefilter p(lists);
    REQUIRE(p.active());
    const bool keep = p.may_match(line);
    if (passes(lists, line)) CHECK(keep);
    return keep;
}

}  // namespace

TEST_CASE("prefilter: the fields with certain needles give them", "[prefilter]") {
    CHECK(needles({"--verdict", "DROPPED"}) == R"("verdict":DROPPED,2)");
    CHECK(needles({"--verdict", "DROPPED", "--verdict", "ERROR"}) == R"("verdict":DROPPED,ERROR,2,3)");
    CHECK(needles({"--traffic-direction", "ingress"}) ==
          R"("traffic_direction"/"trafficDirection":INGRESS,1)");
    CHECK(needles({"--drop-reason-desc", "POLICY_DENIED"}) ==
          R"("verdict":DROPPED,2 & "drop_reason_desc"/"dropReasonDesc":POLICY_DENIED,133)");
    CHECK(needles({"--type", "l7"}) == R"("type":129)");
    CHECK(needles({"--to-port", "53"}) == R"("destination_port"/"destinationPort":53)");
    CHECK(needles({"--port", "80"}) ==
          R"("source_port"/"sourcePort":80 or "destination_port"/"destinationPort":80)");
    CHECK(needles({"--from-namespace", "shop"}) == R"("shop")");
    CHECK(needles({"--namespace", "shop"}) == R"("shop" or "shop")");
    CHECK(needles({"--from-pod", "shop/cart"}) == R"("cart)");
    CHECK(needles({"--to-pod", "xwing"}) == R"("xwing)");
    CHECK(needles({"--uuid", "u-1"}) == R"("u-1")");
    CHECK(needles({"--from-identity", "2"}) == R"("identity":2)");
    CHECK(needles({"--to-cluster", "prod"}) == R"("prod")");
    CHECK(needles({"--from-workload", "Deployment/coredns"}) == R"("coredns")");
    // two fields of one filter: both are needed
    CHECK(needles({"--verdict", "DROPPED", "--from-namespace", "shop"}) == R"("verdict":DROPPED,2 & "shop")");
    // fields without needles beside one with them: the one with them still counts
    CHECK(needles({"--verdict", "DROPPED", "--from-ip", "10.0.0.1", "--cel-expression", "true"}) ==
          R"("verdict":DROPPED,2)");
    // a time window only drops more
    CHECK(needles({"--verdict", "DROPPED", "--since", "2000-01-01T00:00:00Z"}) == R"("verdict":DROPPED,2)");
}

TEST_CASE("prefilter: filters that give no needles leave it off", "[prefilter]") {
    const auto off = [](const std::vector<std::string>& flags) { return !line_prefilter(lists_of(flags)).active(); };
    CHECK(off({}));
    CHECK(off({"--since", "2000-01-01T00:00:00Z"}));
    CHECK(off({"--not", "--verdict", "DROPPED"}));        // deny filters only drop
    CHECK(off({"--denylist", R"({"verdict":["DROPPED"]})"}));
    // CEL that compares no field at the top of a conjunction
    CHECK(off({"--cel-expression", "_flow.verdict == Verdict.DROPPED || _flow.verdict == Verdict.ERROR"}));
    CHECK(off({"--cel-expression", "!(_flow.verdict == Verdict.FORWARDED)"}));
    CHECK(off({"--cel-expression", "_flow.verdict != Verdict.FORWARDED"}));
    CHECK(off({"--cel-expression", "_flow.source.labels.exists(l, l == 'k8s:app=a')"}));
    CHECK(off({"--cel-expression", "_flow.source.namespace == ''"}));  // what an absent one reads as
    CHECK(off({"--cel-expression", "_flow.verdict == Verdict.VERDICT_UNKNOWN"}));
    CHECK(off({"--cel-expression", "_flow.verdict == Verdict.DROPPED", "--cel-expression", "_flow.uuid == 'u'"}));
    CHECK(off({"--from-ip", "10.0.0.1"}));
    CHECK(off({"--label", "k8s:app"}));                  // a label that exists, with any value
    CHECK(off({"--label", "k8s:app!=a"}));
    CHECK(off({"--label", "k8s:app in (a, )"}));          // an empty value: a label may have none
    CHECK(off({"--from-label", "k8s:app=a", "--from-label", "reserved:host"}));
    CHECK(off({"--http-path", "/api"}));
    CHECK(off({"--verdict", "VERDICT_UNKNOWN"}));         // what an absent verdict reads as
    CHECK(off({"--type", "trace", "--type", "0"}));       // type 0 is any type
    CHECK(off({"--to-port", "0"}));
    CHECK(off({"--from-pod", "/"}));                      // any namespace, any name
    CHECK(off({"--from-identity", "0"}));
    // one allow filter without needles is enough: it may pass any line
    CHECK(off({"--allowlist", R"({"verdict":["DROPPED"]})", "--allowlist", R"({"source_ip":["10.0.0.1"]})"}));
    CHECK(!off({"--allowlist", R"({"verdict":["DROPPED"]})", "--allowlist", R"({"uuid":["u"]})"}));
}

TEST_CASE("prefilter: exact on lines that spell things the way Hubble does not", "[prefilter]") {
    const std::vector<std::string> dropped = {"--verdict", "DROPPED"};
    CHECK_FALSE(kept(dropped, R"({"flow":{"verdict":"FORWARDED","source":{"namespace":"DROPPED-ns"}}})"));
    CHECK(kept(dropped, R"({"flow":{"verdict":"DROPPED"}})"));
    CHECK(kept(dropped, R"({"flow":{"verdict" :	"DROPPED" }})"));
    CHECK(kept(dropped, R"({"flow":{"verdict":2}})"));
    CHECK(kept(dropped, R"({"flow":{"verdict":2.0}})"));
    CHECK(kept(dropped, R"({"flow":{"verdict":"\u0044ROPPED"}})"));
    CHECK(kept(dropped, R"({"flow":{"summary":"\\","verdict":"DROPPED"}})"));
    CHECK_FALSE(kept(dropped, R"({"flow":{"verdict":1}})"));
    CHECK_FALSE(kept(dropped, R"({"flow":{"verdict":"2"}})"));  // an unknown name: VERDICT_UNKNOWN
    CHECK_FALSE(kept(dropped, R"({"flow":{"verdict":null,"Summary":"verdict"}})"));
    CHECK(kept(dropped, R"({"flow":{"verdict":{}}})"));  // a bad value: the parser reports it

    const std::vector<std::string> ingress = {"--traffic-direction", "ingress"};
    CHECK(kept(ingress, R"({"flow":{"trafficDirection":"INGRESS"}})"));
    CHECK(kept(ingress, R"({"flow":{"traffic_direction":1}})"));
    CHECK_FALSE(kept(ingress, R"({"flow":{"traffic_direction":"EGRESS"}})"));

    const std::vector<std::string> port = {"--port", "80"};
    CHECK(kept(port, R"({"flow":{"l4":{"TCP":{"sourcePort":"80"}}}})"));
    CHECK(kept(port, R"({"flow":{"l4":{"UDP":{"destination_port":65616}}}})"));  // 80 in 16 bits
    CHECK(kept(port, R"({"flow":{"l4":{"TCP":{"destinationPort":8e1}}}})"));
    CHECK_FALSE(kept(port, R"({"flow":{"l4":{"TCP":{"source_port":8080,"destination_port":443}}}})"));

    const std::vector<std::string> l7 = {"--type", "l7"};
    CHECK(kept(l7, R"({"flow":{"event_type":{"type":"129"}}})"));
    CHECK(kept(l7, R"({"flow":{"eventType":{"type":129,"sub_type":0}}})"));
    CHECK_FALSE(kept(l7, R"({"flow":{"event_type":{"type":4},"l7":{"type":"REQUEST"}}})"));

    const std::vector<std::string> shop = {"--from-namespace", "shop"};
    CHECK(kept(shop, R"({"flow":{"source":{"namespace":"shop"}}})"));
    CHECK(kept(shop, R"({"flow":{"source":{"namespace":"\u0073hop"}}})"));
    CHECK_FALSE(kept(shop, R"({"flow":{"source":{"namespace":"shopping"}}})"));
    const std::vector<std::string> cart = {"--from-pod", "shop/cart"};
    CHECK(kept(cart, R"({"flow":{"source":{"namespace":"shop","podName":"cart-7d9"}}})"));
    CHECK_FALSE(kept(cart, R"({"flow":{"source":{"namespace":"shop","pod_name":"ecart"}}})"));
}

TEST_CASE("prefilter: an escaped quote hides no needle, and a value with a quote gives none", "[prefilter]") {
    // DNS flows summarise their answers in quotes: such a line is judged by its needles
    const std::vector<std::string> dropped = {"--verdict", "DROPPED"};
    CHECK_FALSE(kept(dropped, R"({"flow":{"verdict":"FORWARDED","Summary":"DNS Answer \"10.0.0.1\" TTL: 30"}})"));
    CHECK(kept(dropped, R"({"flow":{"Summary":"DNS Answer \"10.0.0.1\"","verdict":"DROPPED"}})"));
    CHECK_FALSE(kept(dropped, R"({"flow":{"verdict":"FORWARDED","Summary":"\""}})"));
    // any other escape is parsed, also one after an escaped quote and one ending in \"
    CHECK(kept(dropped, R"({"flow":{"Summary":"\"","verdict":"\u0044ROPPED"}})"));
    CHECK(kept(dropped, R"({"flow":{"Summary":"\\\"","verdict":"FORWARDED"}})"));
    CHECK(kept(dropped, R"({"flow":{"Summary":"\\","verdict":"FORWARDED"}})"));

    // a line spells a quote in a value \" and a backslash \\: values holding either give no needle
    CHECK(needles({"--from-namespace", "sh\"op"}).empty());
    CHECK(needles({"--from-pod", "shop/ca\\rt"}).empty());
    CHECK(needles({"--from-pod", "sh\"op/"}).empty());
    CHECK(needles({"--uuid", "u\"1", "--uuid", "u2"}).empty());
    CHECK(needles({"--from-workload", "cart\""}).empty());
    CHECK(needles({"--cel-expression", "_flow.source.namespace == 'sh\"op' && _flow.verdict == Verdict.DROPPED"}) ==
          R"("verdict":DROPPED,2)");
    CHECK_FALSE(line_prefilter(lists_of({"--from-namespace", "sh\"op"})).active());
    const std::vector<std::string> quoted_uuid = {"--uuid", "u\"1", "--verdict", "DROPPED"};
    CHECK(kept(quoted_uuid, R"({"flow":{"uuid":"u\"1","verdict":"DROPPED"}})"));
}

TEST_CASE("prefilter: lines not shaped as a flow are left to the parser", "[prefilter]") {
    const line_prefilter p(lists_of({"--verdict", "DROPPED"}));
    // other records (a node status passes no verdict filter, but is not the prefilter's to judge)
    CHECK(p.may_match(R"({"node_status":{"state_change":"NODE_CONNECTED"}})"));
    CHECK(p.may_match(R"({"nodeStatus":{"stateChange":"NODE_ERROR"}})"));
    CHECK(p.may_match(R"({"lost_events":{"num_events_lost":3}})"));
    CHECK(p.may_match(R"({"lostEvents":{"numEventsLost":3}})"));
    // bare flows, pretty-printed lines, lines cut off, not JSON: parsed, so reported as before
    CHECK(p.may_match(R"({"verdict":"FORWARDED"})"));
    CHECK(p.may_match(R"({ "flow": {"verdict":"FORWARDED"}})"));
    CHECK(p.may_match(R"({"flow":{"verdict":"FORWARDED","source":{"namespace":"kube-sys)"));
    CHECK(p.may_match("root:x:0:0:root:/root:/bin/bash"));
    CHECK(p.may_match(""));
    // trailing white space is still the shape
    CHECK_FALSE(p.may_match("{\"flow\":{\"verdict\":\"FORWARDED\"}} \r"));
}

TEST_CASE("prefilter: also_allow must pass too, but not after a CEL expression in allow", "[prefilter]") {
    filter_lists lists;
    lists.allow.emplace_back().uuid = {"u-1"};
    lists.also_allow.emplace_back().verdict = {2};
    CHECK(line_prefilter(lists).describe() == R"("u-1"; "verdict":DROPPED,2)");
    CHECK_FALSE(line_prefilter(lists).may_match(R"({"flow":{"uuid":"u-1","verdict":"FORWARDED"}})"));
    // the matcher runs allow's CEL before it looks at also_allow: a CEL error there must be seen
    lists.allow[0].cel_expression = {"1 / 0 == 0"};
    CHECK(line_prefilter(lists).describe() == R"("u-1")");
}

TEST_CASE("prefilter: CEL comparisons joined by && give the needles of their fields", "[prefilter]") {
    CHECK(needles({"--cel-expression", "_flow.verdict == Verdict.DROPPED"}) == R"("verdict":DROPPED,2)");
    CHECK(needles({"--cel-expression", "Verdict.DROPPED == _flow.verdict"}) == R"("verdict":DROPPED,2)");
    CHECK(needles({"--cel-expression", "_flow.l4.TCP.destination_port == 443u && !has(_flow.l7)"}) ==
          R"("destination_port"/"destinationPort":443)");
    CHECK(needles({"--cel-expression", "_flow.source.namespace == 'shop' && (_flow.verdict == Verdict.DROPPED && "
                                       "_flow.event_type.type == 1)"}) ==
          R"("shop" & "verdict":DROPPED,2 & "type":1)");
    CHECK(needles({"--cel-expression", "_flow.traffic_direction == TrafficDirection.INGRESS || false"}).empty());

    // exact: comparisons that fail drop the line; error-free whatever the rest (false && error)
    const std::vector<std::string> cel = {"--cel-expression", "1 / 0 == 0 && _flow.verdict == Verdict.DROPPED"};
    CHECK_FALSE(kept(cel, R"({"flow":{"verdict":"FORWARDED"}})"));
    const std::vector<std::string> port = {"--cel-expression", "_flow.l4.TCP.destination_port == 443u"};
    CHECK(kept(port, R"({"flow":{"l4":{"TCP":{"destinationPort":"443"}}}})"));
    CHECK(kept(port, R"({"flow":{"l4":{"TCP":{"destination_port":443}}}})"));
    CHECK_FALSE(kept(port, R"({"flow":{"l4":{"TCP":{"destination_port":65979}}}})"));  // no truncation in CEL
    const std::vector<std::string> ns = {"--cel-expression", "_flow.source.namespace == 'shop'"};
    CHECK(kept(ns, R"({"flow":{"source":{"namespace":"\u0073hop"}}})"));
    CHECK_FALSE(kept(ns, R"({"flow":{"source":{"namespace":"shopping"}}})"));
    const std::vector<std::string> dir = {"--cel-expression", "_flow.traffic_direction == TrafficDirection.EGRESS"};
    CHECK(kept(dir, R"({"flow":{"trafficDirection":2}})"));
    CHECK(kept(dir, R"({"flow":{"traffic_direction":"EGRESS"}})"));
    CHECK_FALSE(kept(dir, R"({"flow":{"traffic_direction":"INGRESS"}})"));
}

TEST_CASE("prefilter: label selectors that want a value give its label's end", "[prefilter]") {
    CHECK(needles({"--from-label", "k8s:app=reviews"}) == R"(app=reviews")");
    CHECK(needles({"--label", "app=reviews"}) == R"(app=reviews" or app=reviews")");
    CHECK(needles({"--from-label", "k8s:app in (a, b),tier=web"}) == R"(app=a" | app=b" & tier=web")");
    CHECK(needles({"--from-label", "app=a", "--from-label", "env=prod,app=b"}) == R"(app=a" | env=prod")");
    CHECK(needles({"--from-label", "cidr:10.0.0.0/8=x"}) == R"(=x")");

    const std::vector<std::string> app = {"--from-label", "k8s:app=reviews"};
    CHECK(kept(app, R"({"flow":{"source":{"labels":["k8s:app=reviews","k8s:tier=web"]}}})"));
    CHECK(kept(app, R"({"flow":{"source":{"labels":["app=reviews"]}}})"));
    CHECK_FALSE(kept(app, R"({"flow":{"source":{"labels":["k8s:app=reviews-v2"]}}})"));
    CHECK_FALSE(kept(app, R"({"flow":{"source":{"labels":["k8s:app=ratings"]}}})"));
    CHECK(kept(app, R"({"flow":{"source":{"labels":["k8s:app=review\u0073"]}}})"));  // parsed: a backslash
}
