// The records of the option table. Choices that are facts about Hubble (event types, verdicts, drop
// reasons, reserved identities) are read from flow/enums.h rather than repeated here.
#include "cli/option_table.h"

#include "cli/filter_builder.h"
#include "flow/enums.h"
#include "output/aggregate_keys.h"

namespace flowgrep {

namespace {

std::vector<std::string> names_of(enum_table table, int32_t min_number = INT32_MIN) {
    std::vector<std::string> names;
    for (const auto& e : table)
        if (e.number >= min_number) names.emplace_back(e.name);
    return names;
}

std::vector<std::string> event_type_choices() {
    std::vector<std::string> out = names_of(event_type_names);
    for (const auto& sub : trace_sub_type_names) out.push_back("trace:" + std::string(sub.name));
    for (const auto& sub : agent_sub_type_names) out.push_back("agent:" + std::string(sub.name));
    return out;
}

std::vector<std::string> tcp_flag_choices() {
    std::vector<std::string> out;
    for (const auto& f : tcp_flag_names()) out.emplace_back(f.name);
    return out;
}

// Shapes of record that recur.
option_spec filter_flag(std::string_view name, std::string_view metavar, std::string_view summary,
                        std::string_view description, std::vector<std::string> choices = {},
                        char short_name = '\0') {
    completion_kind completion = choices.empty() ? completion_kind::free : completion_kind::choice;
    return {option_action::filter, name,      short_name, {},      metavar, option_group::filters,
            value_kind::required,  {},        true,       completion, std::move(choices), summary,
            description};
}

option_spec implicit_filter_flag(std::string_view name, std::string_view implicit_value, std::string_view summary,
                                 std::string_view description, char short_name = '\0') {
    return {option_action::filter, name, short_name, {},   {},      option_group::filters, value_kind::implicit,
            implicit_value,        true, completion_kind::none, {}, summary, description};
}

option_spec switch_flag(option_action action, option_group group, std::string_view name, std::string_view summary,
                        std::string_view description, char short_name = '\0') {
    return {action, name, short_name, {}, {}, group, value_kind::boolean, "true", false, completion_kind::none,
            {},     summary, description, "false"};
}

option_spec valued_flag(option_action action, option_group group, std::string_view name, std::string_view metavar,
                        std::string_view summary, std::string_view description, std::vector<std::string> choices = {},
                        char short_name = '\0', bool repeats = false) {
    completion_kind completion = choices.empty() ? completion_kind::free : completion_kind::choice;
    return {action,     name, short_name,         {},      metavar,    group, value_kind::required, {}, repeats,
            completion, std::move(choices), summary, description};
}

option_spec with_default(option_spec spec, std::string_view value) {
    spec.default_value = value;
    return spec;
}

// An action rather than a setting: never read from the environment or the config file.
option_spec not_a_setting(option_spec spec) {
    spec.setting = false;
    return spec;
}

// Filter values that can hold a comma of their own: a selector's `app in (a,b)`, a regex's {1,3},
// JSON, CEL, an HTTP header value, --tcp-flags SYN,ACK (a comma there means "and"). field-mask
// takes commas itself, so cutting its list at them changes nothing.
constexpr std::string_view values_with_commas[] = {
    "allowlist", "cel-expression", "denylist", "from-label", "http-header", "http-path", "http-url",
    "label",     "node-label",     "not",      "tcp-flags",  "to-label",
};

}  // namespace

const std::string_view cel_expression_examples[2] = {
    "_flow.verdict == Verdict.DROPPED && _flow.source.namespace.startsWith('prod')",
    "has(_flow.l7.http) && _flow.l7.http.code >= 500u",
};

namespace {

std::vector<option_spec> build_table() {
    using a = option_action;
    using g = option_group;
    const std::vector<std::string> identities = names_of(reserved_identity_names, 1);
    const std::vector<std::string> protocols = {"icmp", "icmpv4", "icmpv6", "sctp", "tcp",
                                                "udp",  "dns",    "http",   "kafka"};
    const std::vector<std::string> http_methods = {"CONNECT", "DELETE", "GET", "HEAD", "OPTIONS",
                                                   "PATCH",   "POST",   "PUT", "TRACE"};
    // Offered by the completions: the codes most often looked for, and the classes.
    const std::vector<std::string> http_statuses = {"200", "201", "204", "301", "302", "304", "400",
                                                    "401", "403", "404", "409", "429", "500", "502",
                                                    "503", "504", "2+",  "3+",  "4+",  "5+"};
    const std::vector<std::string> time_formats = {
        "StampMilli", "YearMonthDay", "YearMonthDayHour", "YearMonthDayHourMinute", "RFC3339",
        "RFC3339Milli", "RFC3339Micro", "RFC3339Nano", "RFC1123Z"};

    std::vector<option_spec> t;

    // ---- Selectors ----
    t.push_back(switch_flag(a::all, g::selectors, "all", "print every matching flow (the default)",
                            "Print every flow that passes the filters. This is what flowgrep does anyway; the "
                            "flag exists so that hubble observe command lines carry over. It cannot be combined "
                            "with --first or --last."));
    t.push_back(with_default(valued_flag(a::first, g::selectors, "first", "N", "stop after the first N matching flows",
                                         "Print the first N flows that pass the time window and the filters, then "
                                         "stop reading. N is an unsigned integer and may carry a Go base prefix "
                                         "(0x10); 0 means no limit."),
                             "0"));
    t.push_back(switch_flag(a::follow, g::selectors, "follow", "follow the last FILE as it grows, like tail -F",
                            "Keep reading the last FILE as it grows, as tail -n +1 -F does: from its first flow, "
                            "across rotation (the file renamed and a new one created under its name; the old one "
                            "is read to its end first) and truncation, waiting for the FILE while it does not "
                            "exist. Flows are printed as they are read, until flowgrep is interrupted. The FILEs "
                            "before the last are read to their end first, so `flowgrep -f events.log.2.gz "
                            "events.log.1 events.log` reads the backups, then follows the live file. Standard "
                            "input and a compressed last FILE are read to their end as without --follow. As with "
                            "hubble observe, --until is then ignored, and --first and -o table are rejected.",
                            'f'));
    t.push_back(with_default(valued_flag(a::last, g::selectors, "last", "N", "print only the last N matching flows",
                                         "Print only the last N flows that pass the time window and the filters, in "
                                         "input order. N is an unsigned integer (Go base prefixes allowed) of at "
                                         "most 1000000; 0 means no limit."),
                             "0"));
    t.push_back(valued_flag(a::since, g::selectors, "since", "TIME", "skip flows older than TIME",
                            "Skip responses whose time is before TIME (inclusive bound). TIME is a Go duration "
                            "counted back from now (30s, 1h30m, 2h) or a date and time: 2006-01-02, "
                            "2006-01-02T15Z07:00, 2006-01-02T15:04Z07:00, RFC 3339 with or without a "
                            "fraction of a second, or RFC 1123 with a numeric zone (Mon, 02 Jan 2006 15:04:05 "
                            "-0700)."));
    t.push_back(valued_flag(a::until, g::selectors, "until", "TIME", "skip flows newer than TIME",
                            "Skip responses whose time is after TIME (inclusive bound). TIME takes the same forms "
                            "as for --since. Ignored together with --follow."));

    // ---- Filters ----
    t.push_back(implicit_filter_flag("all-namespaces", "true", "keep flows from or to pods in any namespace",
                                     "Keep flows whose source or destination is a pod in some namespace. Combined with "
                                     "--pod or --service it makes their names match in every namespace.",
                                     'A'));
    t.push_back(filter_flag("cel-expression", "EXPR", "keep flows for which a CEL expression holds",
                            "Keep flows for which the Common Expression Language expression is true. The flow is "
                            "the variable _flow, its fields named as in flow.proto (_flow.IP.source, "
                            "_flow.l4.TCP.destination_port); enum values are ints with constants such as "
                            "Verdict.DROPPED; unsigned fields compare with u literals (80u). The expression must "
                            "be of type bool. Repeated, the expressions are alternatives. For example "
                            "`_flow.verdict == Verdict.DROPPED && _flow.source.namespace.startsWith('prod')` or "
                            "`has(_flow.l7.http) && _flow.l7.http.code >= 500u`."));
    t.push_back(filter_flag("cluster", "CLUSTER", "keep flows from or to endpoints in a cluster",
                            "Keep flows whose source or destination endpoint belongs to the named cluster "
                            "(exact match)."));
    t.push_back(filter_flag("drop-reason-desc", "REASON", "keep dropped flows with this drop reason",
                            "Keep DROPPED flows whose drop reason is REASON, spelled as the DropReason enum "
                            "name (POLICY_DENIED, UNSUPPORTED_L3_PROTOCOL ...).",
                            names_of(drop_reason_enum)));
    t.push_back(filter_flag("fqdn", "FQDN", "keep flows from or to a domain name",
                            "Keep flows whose source or destination has the domain name FQDN; `*` matches any "
                            "run of characters allowed in a name (*.example.com)."));
    t.push_back(implicit_filter_flag("from-all-namespaces", "true", "keep flows from pods in any namespace",
                                     "Keep flows whose source is a pod in some namespace; with --from-pod or "
                                     "--from-service it makes their names match in every namespace."));
    t.push_back(filter_flag("from-cluster", "CLUSTER", "keep flows from endpoints in a cluster",
                            "Keep flows whose source endpoint belongs to the named cluster."));
    t.push_back(filter_flag("from-fqdn", "FQDN", "keep flows from a domain name",
                            "Keep flows whose source has the domain name FQDN (wildcards as for --fqdn)."));
    t.push_back(filter_flag("from-identity", "IDENTITY", "keep flows from a security identity",
                            "Keep flows whose source has the security identity IDENTITY: a number (Go base "
                            "prefixes allowed, so 010 is 8) or a reserved name such as host or world.",
                            identities));
    t.push_back(filter_flag("from-ip", "IP", "keep flows from an IP or CIDR range",
                            "Keep flows whose source IP is IP exactly, or lies in it when it is a CIDR range."));
    t.push_back(filter_flag("from-label", "SELECTOR", "keep flows from endpoints matching labels",
                            "Keep flows whose source endpoint's labels match the Kubernetes label selector "
                            "(app=web, k8s:app in (a,b), !app, reserved:host ...)."));
    t.push_back(filter_flag("from-namespace", "NAMESPACE", "keep flows from a namespace",
                            "Keep flows from the namespace: it qualifies --from-pod and --from-service names, or "
                            "on its own matches any source pod in it."));
    t.push_back(filter_flag("from-pod", "[NAMESPACE/]POD", "keep flows from pods with this name prefix",
                            "Keep flows whose source pod name starts with POD, in NAMESPACE or else in the "
                            "default namespace."));
    t.push_back(filter_flag("from-port", "PORT", "keep flows from a port",
                            "Keep flows whose TCP, UDP or SCTP source port is PORT."));
    t.push_back(filter_flag("from-service", "[NAMESPACE/]SERVICE", "keep flows from services with this name prefix",
                            "Keep flows whose source service name starts with SERVICE, in NAMESPACE or else in "
                            "the default namespace."));
    t.push_back(filter_flag("from-workload", "[KIND/]NAME", "keep flows from a workload",
                            "Keep flows whose source endpoint belongs to the workload NAME, of kind KIND when "
                            "given (Deployment/web, web, or Deployment/ for any deployment)."));
    t.push_back(filter_flag("http-header", "KEY:VALUE", "keep HTTP flows with this header value",
                            "Keep HTTP flows with a header named KEY whose value is VALUE; the text is split at "
                            "the first colon."));
    t.push_back(filter_flag("http-method", "METHOD", "keep HTTP flows with this request method",
                            "Keep HTTP flows whose request method is METHOD, in any letter case.",
                            http_methods));
    t.push_back(filter_flag("http-path", "REGEX", "keep HTTP flows whose URL path matches a regex",
                            "Keep HTTP flows whose URL path matches the regular expression (RE2 syntax)."));
    t.push_back(filter_flag("http-status", "CODE", "keep HTTP flows with this status code or prefix",
                            "Keep HTTP flows whose status code is CODE (404), or starts with it when it ends "
                            "in + (5+, 40+).",
                            http_statuses));
    t.push_back(filter_flag("http-url", "REGEX", "keep HTTP flows whose URL matches a regex",
                            "Keep HTTP flows whose full URL matches the regular expression (RE2 syntax)."));
    t.push_back(filter_flag("identity", "IDENTITY", "keep flows from or to a security identity",
                            "Keep flows whose source or destination has the security identity IDENTITY "
                            "(a number or a reserved name, as for --from-identity).",
                            identities));
    t.push_back(filter_flag("interface", "NAME", "keep flows seen on a network interface",
                            "Keep flows observed on the network interface with this name (eth0)."));
    t.push_back(filter_flag("ip", "IP", "keep flows from or to an IP or CIDR range",
                            "Keep flows whose source or destination IP is IP, or lies in it when it is a CIDR "
                            "range. Two either-side flags pair up side by side: --ip X --port 80 means source "
                            "X and source port 80, or destination X and destination port 80."));
    t.push_back(filter_flag("ip-version", "VERSION", "keep IPv4 (v4), IPv6 (v6) or non-IP (none) flows",
                            "Keep flows of this IP version: 4, v4, ipv4 or ip4; 6, v6, ipv6 or ip6; any other "
                            "word means flows without IP (ARP and the like).",
                            {"none", "v4", "v6"}));
    t.push_back(implicit_filter_flag("ipv4", "v4", "keep IPv4 flows",
                                     "Keep IPv4 flows. Never takes the next word as its value.", '4'));
    t.push_back(implicit_filter_flag("ipv6", "v6", "keep IPv6 flows",
                                     "Keep IPv6 flows. Never takes the next word as its value.", '6'));
    t.push_back(filter_flag("label", "SELECTOR", "keep flows from or to endpoints matching labels",
                            "Keep flows whose source or destination endpoint's labels match the Kubernetes "
                            "label selector.",
                            {}, 'l'));
    t.push_back(filter_flag("namespace", "NAMESPACE", "keep flows from or to a namespace",
                            "Keep flows from or to the namespace: it qualifies --pod and --service names (and "
                            "the other pod and service flags), or on its own matches any pod in it.",
                            {}, 'n'));
    t.push_back(filter_flag("node-label", "SELECTOR", "keep flows seen on nodes matching labels",
                            "Keep flows observed on a node whose labels match the Kubernetes label selector."));
    t.push_back(filter_flag("node-name", "[CLUSTER/]NODE", "keep flows seen on a node",
                            "Keep flows observed on the node NODE of cluster CLUSTER (default: default); `*` "
                            "matches any run of characters (k8s*, prod/*.example.com)."));
    t.push_back(implicit_filter_flag("not", "true", "negate the filter flag that follows",
                                     "Turn the next filter flag into an exclusion: flows it matches are dropped. All "
                                     "negated flags form one exclusion, so --not --verdict DROPPED --not "
                                     "--http-method get drops only flows that are both. Never takes the next word "
                                     "as its value."));
    t.push_back(filter_flag("pod", "[NAMESPACE/]POD", "keep flows from or to pods with this name prefix",
                            "Keep flows whose source or destination pod name starts with POD, in NAMESPACE or "
                            "else in the default namespace."));
    t.push_back(filter_flag("port", "PORT", "keep flows from or to a port",
                            "Keep flows whose TCP, UDP or SCTP source or destination port is PORT."));
    t.push_back(filter_flag("protocol", "PROTOCOL", "keep flows of an L4 or L7 protocol",
                            "Keep flows of the protocol, in any letter case: tcp, udp, sctp, icmp, icmpv4, "
                            "icmpv6, or the L7 protocols http, dns and kafka.",
                            protocols));
    t.push_back(filter_flag("service", "[NAMESPACE/]SERVICE", "keep flows from or to services with this prefix",
                            "Keep flows whose source or destination service name starts with SERVICE, in "
                            "NAMESPACE or else in the default namespace."));
    t.push_back(filter_flag("snat-ip", "IP", "keep flows source-NATed to an IP or CIDR range",
                            "Keep flows whose translated source IP is IP, or lies in it when it is a CIDR range."));
    t.push_back(filter_flag("tcp-flags", "FLAG[,FLAG...]", "keep TCP flows with all these flags set",
                            "Keep TCP flows that have every listed flag set (SYN, ACK, FIN, RST, PSH, URG, ECE, "
                            "CWR, NS; any letter case). Repeat the flag for alternatives.",
                            tcp_flag_choices()));
    t.push_back(implicit_filter_flag("to-all-namespaces", "true", "keep flows to pods in any namespace",
                                     "Keep flows whose destination is a pod in some namespace; with --to-pod or "
                                     "--to-service it makes their names match in every namespace."));
    t.push_back(filter_flag("to-cluster", "CLUSTER", "keep flows to endpoints in a cluster",
                            "Keep flows whose destination endpoint belongs to the named cluster."));
    t.push_back(filter_flag("to-fqdn", "FQDN", "keep flows to a domain name",
                            "Keep flows whose destination has the domain name FQDN (wildcards as for --fqdn)."));
    t.push_back(filter_flag("to-identity", "IDENTITY", "keep flows to a security identity",
                            "Keep flows whose destination has the security identity IDENTITY (a number or a "
                            "reserved name).",
                            identities));
    t.push_back(filter_flag("to-ip", "IP", "keep flows to an IP or CIDR range",
                            "Keep flows whose destination IP is IP exactly, or lies in it when it is a CIDR "
                            "range."));
    t.push_back(filter_flag("to-label", "SELECTOR", "keep flows to endpoints matching labels",
                            "Keep flows whose destination endpoint's labels match the Kubernetes label "
                            "selector."));
    t.push_back(filter_flag("to-namespace", "NAMESPACE", "keep flows to a namespace",
                            "Keep flows to the namespace: it qualifies --to-pod and --to-service names, or on "
                            "its own matches any destination pod in it."));
    t.push_back(filter_flag("to-pod", "[NAMESPACE/]POD", "keep flows to pods with this name prefix",
                            "Keep flows whose destination pod name starts with POD, in NAMESPACE or else in the "
                            "default namespace."));
    t.push_back(filter_flag("to-port", "PORT", "keep flows to a port",
                            "Keep flows whose TCP, UDP or SCTP destination port is PORT."));
    t.push_back(filter_flag("to-service", "[NAMESPACE/]SERVICE", "keep flows to services with this name prefix",
                            "Keep flows whose destination service name starts with SERVICE, in NAMESPACE or "
                            "else in the default namespace."));
    t.push_back(filter_flag("to-workload", "[KIND/]NAME", "keep flows to a workload",
                            "Keep flows whose destination endpoint belongs to the workload NAME, of kind KIND "
                            "when given."));
    t.push_back(filter_flag("trace-id", "ID", "keep flows with this trace ID",
                            "Keep flows that carry this trace context ID."));
    t.push_back(filter_flag("traffic-direction", "DIRECTION", "keep flows in a traffic direction",
                            "Keep flows whose traffic direction is ingress or egress (any letter case).",
                            {"ingress", "egress"}));
    t.push_back(filter_flag("type", "TYPE[:SUBTYPE]", "keep flows of an event type (and sub-type)",
                            "Keep flows of the monitor event type TYPE: a name (drop, trace, l7, "
                            "policy-verdict, capture, trace-sock ...) or a number. SUBTYPE is a number, or a "
                            "name after trace (trace:to-endpoint) and agent; 0 as TYPE matches any type. "
                            "`flowgrep event-types` lists them all.",
                            event_type_choices(), 't'));
    t.push_back(filter_flag("uuid", "UUID", "keep the flow with this UUID",
                            "Keep the flow whose uuid field is UUID."));
    t.push_back(filter_flag("verdict", "VERDICT", "keep flows with this verdict",
                            "Keep flows whose verdict is VERDICT, spelled in capitals as Hubble does: "
                            "FORWARDED, DROPPED, ERROR, AUDIT, REDIRECTED, TRACED or TRANSLATED.",
                            names_of(verdict_enum)));
    t.push_back(filter_flag("workload", "[KIND/]NAME", "keep flows from or to a workload",
                            "Keep flows whose source or destination endpoint belongs to the workload NAME, of "
                            "kind KIND when given."));

    // ---- Raw-Filters ----
    t.push_back(valued_flag(a::allowlist, g::raw_filters, "allowlist", "JSON", "keep flows matching JSON FlowFilters",
                            "Add FlowFilters, written as JSON objects (one or several in a row), to the list of "
                            "filters a flow may match to be kept. They come after those built from filter "
                            "flags; --print-raw-filters shows the result.",
                            {}, '\0', true));
    t.push_back(valued_flag(a::denylist, g::raw_filters, "denylist", "JSON", "drop flows matching JSON FlowFilters",
                            "Add FlowFilters, written as JSON objects, to the list of filters that drop a flow "
                            "when any of them matches.",
                            {}, '\0', true));

    {
        option_spec config = valued_flag(
            a::exporter_config, g::raw_filters, "exporter-config", "FILE",
            "filter as the Hubble exporter in FILE would",
            "Filter as the Hubble exporter configured in FILE would: its includeFilters (allowList) keep "
            "flows, its excludeFilters (denyList) drop them, its fieldMask applies to JSON output and its end "
            "drops flows from that time on. FILE is Cilium Helm values (hubble.export.static, "
            "hubble.export.dynamic.config.content), the dynamic exporter's file (flowLogs:) or a ConfigMap "
            "(cilium-config with hubble-export-allowlist, -denylist and -fieldmask, or one holding flowlogs.yaml); "
            "the shape is told from the document. With several flow logs in FILE, --exporter-name picks one. "
            "Filter flags, --allowlist and --denylist narrow the exporter's choice further: a flow must pass "
            "both (--print-raw-filters shows the exporter's allowlist apart when both have one). --field-mask "
            "replaces the exporter's field mask, and --until is kept when earlier than end.");
        config.completion = completion_kind::file;
        t.push_back(std::move(config));
    }
    t.push_back(valued_flag(a::exporter_name, g::raw_filters, "exporter-name", "NAME",
                            "pick the flow log NAME of --exporter-config",
                            "The name of the flow log to apply when the --exporter-config file has several (a "
                            "dynamic exporter's name; the static exporter is called static). Without it, several "
                            "flow logs are an error that lists their names."));

    // ---- Formatting ----
    {
        option_spec aggregate = valued_flag(
            a::aggregate_by, g::formatting, "aggregate-by", "KEY[,KEY...]",
            "count flows by KEYs instead of printing them",
            "Count the flows that pass the filters (after --first or --last) by the values of the KEYs, and "
            "print one row per distinct combination with its count, most frequent first (ties in key order), "
            "instead of the flows. A KEY is a Flow field path as --field-mask names it (source.namespace, "
            "verdict, l4.TCP.destination_port, event_type.type ...) or an alias (AGGREGATION KEYS lists "
            "them: src-ns, dst-pod, dst-port, protocol, type ...). A field that is unset or holds its "
            "default (which Hubble's JSON leaves out) is missing, and missing is a value of its own: - in "
            "the table, null in JSON. The output is a table with COUNT first and the keys as given as "
            "headers (nothing when no flow passed), or with -o json one object per row: "
            "{\"count\":12,\"src-ns\":\"default\",\"dst-port\":80}, values typed as in the flow "
            "JSON (enums by name). Only flows are counted: not node status, lost events (a warning says how "
            "many were lost) or agent and debug events. Repeat the flag or separate keys with commas. It "
            "cannot be combined with --count, --quiet, --field-mask, or -o compact or dict on the command "
            "line (from a setting they mean the table). With --follow the rows come when the input "
            "ends. Memory grows with the number of distinct rows, not with the input.",
            aggregate_key_choices(), '\0', true);
        aggregate.help_choices = aggregate_aliases().size();
        t.push_back(std::move(aggregate));
    }
    t.push_back(with_default(valued_flag(a::color, g::formatting, "color", "WHEN", "when to colour the output",
                                         "Colour the compact and dict output: always, never, or auto (when standard "
                                         "output is a terminal and NO_COLOR is unset). Any other value means auto.",
                                         {"auto", "always", "never"}),
                             "auto"));
    t.push_back(switch_flag(a::count, g::formatting, "count", "print only the number of matching flows",
                            "Print only how many flows would have been printed (after --first or --last), as "
                            "one number, and exit with status 1 when it is 0, as grep -c does. Node status, "
                            "lost events and empty responses are not counted. Cannot be combined with --quiet.",
                            'c'));
    t.push_back(with_default(switch_flag(a::ip_translation, g::formatting, "ip-translation",
                                         "show names instead of IPs (default true)",
                                         "Show endpoints by pod, service or domain name where the flow knows one. "
                                         "On by default; turn it off with --ip-translation=false (a separate false "
                                         "word would be a file name)."),
                             "true"));
    t.push_back(switch_flag(a::line_buffered, g::formatting, "line-buffered", "flush the output after every flow",
                            "Write each flow out as soon as it is printed, for a pipe whose reader wants flows as "
                            "they come (tail -f | flowgrep --line-buffered | ...). This is what happens anyway "
                            "when standard output is a terminal; otherwise output goes out in large blocks, "
                            "which is much faster."));
    t.push_back(switch_flag(a::numeric, g::formatting, "numeric", "show IP addresses instead of names",
                            "Show IP addresses rather than names; wins over --ip-translation."));
    t.push_back(with_default(valued_flag(a::output, g::formatting, "output", "FORMAT", "how to print flows",
                                         "The output format: compact (one line per flow, the default), dict (a "
                                         "block of KEY: value lines per flow), table (aligned columns; also tab) or "
                                         "json (the response as JSON; also JSON and jsonpb).",
                                         {"compact", "dict", "table", "json", "jsonpb"}, 'o'),
                             "compact"));
    t.push_back(switch_flag(a::print_node_name, g::formatting, "print-node-name",
                            "show the node that observed each flow",
                            "Add the name of the node that observed each flow to the output."));
    t.push_back(switch_flag(a::print_policy_names, g::formatting, "print-policy-names",
                            "name the policies behind policy verdicts",
                            "For policy-verdict events, follow ALLOWED or DENIED with BY and the policies "
                            "of the flow's direction that decided, as name (Kind)."));
    t.push_back(switch_flag(a::quiet, g::formatting, "quiet", "print nothing, stop at the first matching flow",
                            "Print no flows and stop reading at the first flow that passes the time window and "
                            "the filters: exit status 0 if there is one, 1 if there is none, as grep -q does. "
                            "Warnings and errors are still printed. Cannot be combined with --count.",
                            'q'));
    t.push_back(with_default(valued_flag(a::time_format, g::formatting, "time-format", "FORMAT",
                                         "how timestamps are printed",
                                         "How timestamps are printed (in UTC), by name in any letter case: "
                                         "StampMilli (the default), YearMonthDay, YearMonthDayHour, "
                                         "YearMonthDayHourMinute, RFC3339, RFC3339Milli, RFC3339Micro, RFC3339Nano "
                                         "or RFC1123Z. Unknown names mean StampMilli. JSON output is not affected.",
                                         time_formats),
                             "StampMilli"));
    t.push_back(with_default(
        valued_flag(a::top, g::formatting, "top", "N", "keep the N largest --aggregate-by rows",
                    "Print only the first N rows of --aggregate-by, the most frequent (ties in key order). N "
                    "is an unsigned integer (Go base prefixes allowed); 0 means every row. Only with "
                    "--aggregate-by."),
        "0"));
    t.push_back(switch_flag(a::use_default_field_masks, g::formatting, "experimental-use-default-field-masks",
                            "accepted for compatibility; has no effect",
                            "Accepted so that hubble observe command lines carry over; it changes nothing "
                            "when reading files."));
    {
        option_spec mask = valued_flag(a::field_mask, g::formatting, "field-mask", "FIELD[,FIELD...]",
                                       "print only these fields in JSON output",
                                       "Print only the listed fields of each flow (proto names, dotted for nested "
                                       "fields: time,source.pod_name). Only with JSON output. Repeat the flag or "
                                       "separate fields with commas.",
                                       {}, '\0', true);
        mask.alias = "experimental-field-mask";
        t.push_back(std::move(mask));
    }

    // ---- Other ----
    {
        option_spec config = valued_flag(a::config, g::other, "config", "FILE",
                                         "read settings from FILE (an empty FILE: none)",
                                         "Read settings (default flag values) from FILE instead of "
                                         "$XDG_CONFIG_HOME/flowgrep/config.yaml (FILES); an empty FILE reads no file "
                                         "at all. The command line's flags still win over them.");
        config.completion = completion_kind::file;
        t.push_back(not_a_setting(std::move(config)));
    }
    t.push_back(switch_flag(a::debug, g::other, "debug", "print debug messages on standard error",
                            "Print debug messages on standard error, and every node status message.", 'D'));
    t.push_back(not_a_setting(switch_flag(a::help, g::other, "help", "print this help and exit",
                                          "Print a summary of the flags and exit.", 'h')));
    t.push_back(switch_flag(a::port_forward, g::other, "port-forward", "rejected: flowgrep reads files, not a server",
                            "Accepted only to give hubble's error: port forwarding makes no sense when flows are "
                            "read from files.",
                            'P'));
    t.push_back(switch_flag(a::print_raw_filters, g::other, "print-raw-filters",
                            "print the filters as YAML and exit",
                            "Print the allow and deny FlowFilters that the flags add up to, as the YAML that "
                            "hubble prints, and exit without reading any input."));
    t.push_back(switch_flag(a::silent_errors, g::other, "silent-errors", "hide node status messages",
                            "Do not print node status messages on standard error. Warnings about bad lines are "
                            "still printed.",
                            's'));
    t.push_back(switch_flag(a::strict, g::other, "strict", "stop with status 2 at the first bad input line",
                            "Treat a bad input line as an error rather than skipping it with a warning: print "
                            "flowgrep: error: FILE:LINE: REASON, stop reading, and exit with status 2. Every line "
                            "is then checked in full, including the parts of lines that the filters drop, which "
                            "costs some speed."));
    t.push_back(not_a_setting(switch_flag(a::version, g::other, "version", "print the version and exit",
                                          "Print flowgrep's version and exit.")));

    for (auto& spec : t) {
        if (spec.repeats) spec.default_value = {};
        for (std::string_view name : values_with_commas)
            if (spec.name == name) spec.split = list_split::newlines;
    }
    return t;
}

}  // namespace

const std::vector<option_spec>& option_table() {
    static const std::vector<option_spec> table = build_table();
    return table;
}

const option_spec* find_long_option(std::string_view name) {
    for (const auto& spec : option_table())
        if (spec.name == name || (!spec.alias.empty() && spec.alias == name)) return &spec;
    return nullptr;
}

const option_spec* find_short_option(char c) {
    if (c == '\0') return nullptr;
    for (const auto& spec : option_table())
        if (spec.short_name == c) return &spec;
    return nullptr;
}

std::string flag_display_name(const option_spec& spec) {
    std::string out;
    if (spec.short_name != '\0') {
        out += '-';
        out += spec.short_name;
        out += ", ";
    }
    out += "--";
    out += spec.name;
    return out;
}

std::string_view group_title(option_group group) {
    switch (group) {
    case option_group::selectors: return "Selectors";
    case option_group::filters: return "Filters";
    case option_group::raw_filters: return "Raw-Filters";
    case option_group::formatting: return "Formatting";
    case option_group::other: return "Other";
    }
    return "Other";
}

}  // namespace flowgrep
