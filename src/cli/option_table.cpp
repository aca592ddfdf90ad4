// The records of the option table, each a flag's whole definition: how it is spelled and
// described, and what it does with its value (apply) and checks about it (check). Choices that are
// facts about Hubble (event types, verdicts, drop reasons, reserved identities) are read from
// flow/enums.h rather than repeated here.
#include "cli/option_table.h"

#include "cli/csv_record.h"
#include "cli/filter_builder.h"
#include "cli/flag_state.h"
#include "filter/filter_error.h"
#include "filter/matcher.h"
#include "flow/enums.h"
#include "flow/event_types.h"
#include "output/aggregate_keys.h"
#include "output/time_format.h"

namespace flowgrep {

namespace {

constexpr uint64_t max_last = 1'000'000;

std::vector<std::string> names_of(enum_table table, int32_t min_number = INT32_MIN) {
    std::vector<std::string> names;
    for (const auto& e : table)
        if (e.number >= min_number) names.emplace_back(e.name);
    return names;
}

std::vector<std::string> event_type_choices() {
    std::vector<std::string> out = names_of(event_type_names);
    for (const auto& type : event_type_names)
        for (const auto& sub : sub_type_names_for(type.number)) out.push_back(std::string(type.name) + ":" + std::string(sub.name));
    return out;
}

std::vector<std::string> tcp_flag_choices() {
    std::vector<std::string> out;
    for (const auto& f : tcp_flag_names()) out.emplace_back(f.name);
    return out;
}

// ---- What the records do with a value (apply) ----

// What the port and IP filter flags take (option_spec::takes).
constexpr std::string_view takes_port = "a port, a number from 0 to 65535";
constexpr std::string_view takes_ip = "an IP address (10.0.0.1, fd00::1) or a CIDR prefix (10.0.0.0/8)";

// What is wrong with a filter flag's value that only compiling the filter finds (a port out of
// range, an IP address that does not parse): said as flowgrep says it, naming what is allowed.
// Hubble finds these only when the filter is compiled, without naming the flag; checking the value
// alone here lets the error name the flag, the variable or the config file line it came from, and
// lets `config set` refuse it.
void check_filter_compiles(const flag_use& use) {
    if (use.spec->name == "not") return;
    filter_builder alone;
    alone.add(use.spec->name, use.value);
    try {
        const flow_matcher compiled(alone.build());
    } catch (const filter_error& e) {
        // A CEL error quotes the expression itself, with a caret under the place.
        if (use.spec->name == "cel-expression") throw usage_error(e.what());
        if (use.spec->takes.empty()) throw invalid_argument(use, e.what());
        // The innermost reason, if any, without the Go function around it: ParseAddr("1.2.3"): <reason>.
        std::string message = "want " + std::string(use.spec->takes);
        const std::string_view why = e.what();
        if (size_t at = why.rfind("): "); at != std::string_view::npos) message += ": " + std::string(why.substr(at + 3));
        throw invalid_argument(use, message);
    }
}

// Filter flags go to the filter builder under their long name, in command-line order.
void add_filter(const flag_use& use, flag_state& s) {
    try {
        s.filters.add(use.spec->name, use.value);
    } catch (const filter_flag_error& e) {
        if (std::string_view(e.what()).starts_with("filters --"))  // two flags that cannot be combined
            throw combination_error(s, invalid_argument(use, e.what()).what());
        throw invalid_argument(use, e.what());
    }
    check_filter_compiles(use);
}

// A switch or count of one stage's settings: `part` picks the stage, `field` the setting.
template <auto part, auto field>
void set_switch(const flag_use& use, flag_state& s) {
    (s.opts.*part).*field = switch_value(use);
}

template <bool flag_state::*field>
void set_flag(const flag_use& use, flag_state& s) {
    s.*field = switch_value(use);
}

template <auto part, auto field>
void set_count(const flag_use& use, flag_state& s) {
    (s.opts.*part).*field = count_value(use);
}

// Values read, or checked, once the command line is complete.
template <std::string flag_state::*field>
void set_text(const flag_use& use, flag_state& s) {
    s.*field = use.value;
}

template <std::vector<std::string> flag_state::*field>
void add_text(const flag_use& use, flag_state& s) {
    (s.*field).push_back(use.value);
}

void set_last(const flag_use& use, flag_state& s) {
    s.opts.run.last = count_value(use);
    s.last = use;
}

void set_top(const flag_use& use, flag_state& s) { s.opts.output.aggregate.top = count_value(use); }

// pflag's string slices: one CSV record per use.
void add_field_mask(const flag_use& use, flag_state& s) {
    try {
        for (auto& path : go::read_csv_record(use.value)) s.opts.output.field_mask.push_back(std::move(path));
    } catch (const std::invalid_argument& e) {
        throw invalid_argument(use, e.what());
    }
}

void add_aggregate_keys(const flag_use& use, flag_state& s) {
    try {
        for (const auto& name : go::read_csv_record(use.value)) {
            for (const auto& key : s.opts.output.aggregate.keys)
                if (key.name == name) throw std::invalid_argument("key \"" + name + "\" is given twice");
            s.opts.output.aggregate.keys.push_back(parse_aggregate_key(name));
        }
    } catch (const std::invalid_argument& e) {
        throw invalid_argument(use, e.what());
    }
}

// ---- What filter flags add to their tracker (filter) ----

template <auto field>
void to_both(filter_sides& s, std::string_view v) {
    s.both(field, std::string(v));
}

template <auto src, auto dst>
void to_either(filter_sides& s, std::string_view v) {
    s.either(src, dst, std::string(v));
}

template <auto field, auto parse>
void parsed_to_both(filter_sides& s, std::string_view v) {
    s.both(field, parse(v));
}

template <auto src, auto dst, auto parse>
void parsed_to_either(filter_sides& s, std::string_view v) {
    s.either(src, dst, parse(v));
}

// The value is ignored, as hubble does: --encrypted=false still asks for encrypted flows.
template <bool encrypted>
void set_encrypted(filter_sides& s, std::string_view) {
    s.both(&flow_filter::encrypted, encrypted);
}

void add_cel_expression(filter_sides& s, std::string_view v) {
    s.a.has_experimental = s.b.has_experimental = true;
    s.both(&flow_filter::cel_expression, std::string(v));
}

// --config names the file whose settings are applied before any flag (settings.h).
void read_before_flags(const flag_use&, flag_state&) {}

// ---- What is checked once the command line is complete (check) ----

// The only place the limit is checked: for a setting where it is written, and for the command
// line after --print-raw-filters, where hubble checks it.
void check_last_limit(const flag_use& use, int64_t) {
    if (uint64_t n = count_value(use); n != no_limit && n > max_last)
        throw usage_error("--last must be <= 1_000_000, got " + std::to_string(n));
}

void check_time_bound(const flag_use& use, int64_t now_ns) {
    if (!use.value.empty()) parse_time_bound(use.spec->name, use.value, instant_of(now_ns));
}

void check_filter_json(const flag_use& use, int64_t) {
    std::vector<flow_filter> ignored;
    append_json_filters(use.spec->name, {use.value}, ignored);
}

void check_output(const flag_use& use, int64_t) { parse_output(use.value); }

void check_field_mask_paths(const flag_use& use, int64_t) {
    flag_state s;
    add_field_mask(use, s);
    check_field_mask(s.opts.output.field_mask);
}

}  // namespace

const std::string_view cel_expression_examples[2] = {
    "_flow.verdict == Verdict.DROPPED && _flow.source.namespace.startsWith('prod')",
    "has(_flow.l7.http) && _flow.l7.http.code >= 500u",
};

namespace {

// A filter flag's values are cut at newlines only (split) when they can hold a comma of their own:
// a selector's `app in (a,b)`, a regex's {1,3}, JSON, CEL, an HTTP header value, --tcp-flags
// SYN,ACK (a comma there means "and"). field-mask takes commas itself, so cutting its list at them
// changes nothing.
std::vector<option_spec> build_table() {
    using g = option_group;
    using v = value_kind;
    using c = completion_kind;
    using ff = flow_filter;
    const std::vector<std::string> identities = names_of(reserved_identity_names, 1);
    const std::vector<std::string> protocols = {"icmp", "icmpv4", "icmpv6", "sctp", "tcp", "udp",
                                                "vrrp", "igmp",   "dns",    "http", "kafka"};
    const std::vector<std::string> http_methods = {"CONNECT", "DELETE", "GET", "HEAD", "OPTIONS",
                                                   "PATCH",   "POST",   "PUT", "TRACE"};
    // Offered by the completions: the codes most often looked for, and the classes.
    const std::vector<std::string> http_statuses = {"200", "201", "204", "301", "302", "304", "400",
                                                    "401", "403", "404", "409", "429", "500", "502",
                                                    "503", "504", "2+",  "3+",  "4+",  "5+"};
    std::vector<std::string> time_formats;
    for (std::string_view name : time_layout_names()) time_formats.emplace_back(name);

    return {
        // ---- Selectors ----
        {.name = "all", .group = g::selectors, .value = v::boolean, .implicit_value = "true",
         .default_value = "false",
         .summary = "print every matching flow (the default)",
         .description =
             "Print every flow that passes the filters. This is what flowgrep does anyway; the flag exists so "
             "that hubble observe command lines carry over. It cannot be combined with --first or --last.",
         .apply = set_switch<&options::run, &run_settings::all>},
        {.name = "first", .metavar = "N", .group = g::selectors, .completion = c::free, .default_value = "0",
         .summary = "stop after N matches (node status counts too)",
         .description =
             "Print the first N flows that pass the time window and the filters, then stop reading. As in "
             "hubble observe, node-status events that pass count towards N although the text formats print "
             "them on standard error (or not at all). N is an unsigned integer and may carry a Go base "
             "prefix (0x10); 0 means no limit.",
         .apply = set_count<&options::run, &run_settings::first>},
        {.name = "follow", .short_name = 'f', .group = g::selectors, .value = v::boolean, .implicit_value = "true",
         .default_value = "false",
         .summary = "follow the last FILE as it grows, like tail -F",
         .description =
             "Keep reading the last FILE as it grows, as tail -n +1 -F does: from its first flow, across rotation "
             "(the file renamed and a new one created under its name; the old one is read to its end first) and "
             "truncation, waiting for the FILE while it does not exist. Flows are printed as they are read, until "
             "flowgrep is interrupted. The FILEs before the last are read to their end first, so `flowgrep -f "
             "events.log.2.gz events.log.1 events.log` reads the backups, then follows the live file. Standard "
             "input and a compressed last FILE are read to their end as without --follow. As with hubble observe, "
             "--until is then ignored, and --first and -o table are rejected.",
         .apply = set_switch<&options::input, &input_settings::follow>},
        {.name = "last", .metavar = "N", .group = g::selectors, .completion = c::free, .default_value = "0",
         .summary = "print only the last N matching flows",
         .description =
             "Print only the last N flows that pass the time window and the filters, in input order. N is an "
             "unsigned integer (Go base prefixes allowed) of at most 1000000; 0 means no limit.",
         .apply = set_last, .check = check_last_limit},
        {.name = "since", .metavar = "TIME", .group = g::selectors, .completion = c::free,
         .summary = "skip flows older than TIME",
         .description =
             "Skip responses whose time is before TIME (inclusive bound). TIME is a Go duration counted back from "
             "now (30s, 1h30m, 2h) or a date and time: 2006-01-02, 2006-01-02T15Z07:00, 2006-01-02T15:04Z07:00, "
             "RFC 3339 with or without a fraction of a second, or RFC 1123 with a numeric zone (Mon, 02 Jan 2006 "
             "15:04:05 -0700).",
         .apply = set_text<&flag_state::since>, .check = check_time_bound},
        {.name = "until", .metavar = "TIME", .group = g::selectors, .completion = c::free,
         .summary = "skip flows newer than TIME",
         .description =
             "Skip responses whose time is after TIME (inclusive bound). TIME takes the same forms as for "
             "--since. Ignored together with --follow.",
         .apply = set_text<&flag_state::until>, .check = check_time_bound},

        // ---- Filters ----
        {.name = "all-namespaces", .short_name = 'A', .group = g::filters, .value = v::implicit,
         .implicit_value = "true", .repeats = true,
         .summary = "keep flows from or to pods in any namespace",
         .description =
             "Keep flows whose source or destination is a pod in some namespace. Combined with --pod or --service "
             "it makes their names match in every namespace.",
         .apply = add_filter,
         .filter = [](filter_sides& s, std::string_view) { s.ns.emplace_back(); }},
        {.name = "cel-expression", .metavar = "EXPR", .group = g::filters, .repeats = true, .completion = c::free,
         .split = list_split::newlines,
         .summary = "keep flows for which a CEL expression holds",
         .description =
             "Keep flows for which the Common Expression Language expression is true. The flow is the variable "
             "_flow, its fields named as in flow.proto (_flow.IP.source, _flow.l4.TCP.destination_port); enum "
             "values are ints with constants such as Verdict.DROPPED; unsigned fields compare with u literals "
             "(80u). The expression must be of type bool. Repeated, the expressions are alternatives. For example "
             "`_flow.verdict == Verdict.DROPPED && _flow.source.namespace.startsWith('prod')` or "
             "`has(_flow.l7.http) && _flow.l7.http.code >= 500u`.",
         .apply = add_filter,
         .filter = add_cel_expression},
        {.name = "cluster", .metavar = "CLUSTER", .group = g::filters, .repeats = true, .completion = c::free,
         .summary = "keep flows from or to endpoints in a cluster",
         .description =
             "Keep flows whose source or destination endpoint belongs to the named cluster (exact match).",
         .apply = add_filter,
         .filter = to_either<&ff::source_cluster_name, &ff::destination_cluster_name>},
        {.name = "drop-reason-desc", .metavar = "REASON", .group = g::filters, .repeats = true,
         .completion = c::choice, .choices = names_of(drop_reason_enum),
         .summary = "keep dropped flows with this drop reason",
         .description =
             "Keep DROPPED flows whose drop reason is REASON, spelled as the DropReason enum name (POLICY_DENIED, "
             "UNSUPPORTED_L3_PROTOCOL ...).",
         .apply = add_filter,
         .filter = parsed_to_both<&ff::drop_reason_desc, parse_drop_reason>},
        {.name = "encrypted", .group = g::filters, .value = v::implicit, .implicit_value = "true", .repeats = true,
         .summary = "keep flows sent encrypted",
         .description =
             "Keep flows whose packets were encrypted by WireGuard or IPsec (IP.encrypted). A value "
             "(--encrypted=false) is ignored, as hubble ignores it. It cannot be combined with --unencrypted "
             "on the same side of --not: --encrypted --not --unencrypted is fine. Never takes the next word as "
             "its value.",
         .apply = add_filter,
         .filter = set_encrypted<true>},
        {.name = "fqdn", .metavar = "FQDN", .group = g::filters, .repeats = true, .completion = c::free,
         .summary = "keep flows from or to a domain name",
         .description =
             "Keep flows whose source or destination has the domain name FQDN; `*` matches any run of characters "
             "allowed in a name (*.example.com).",
         .apply = add_filter,
         .filter = to_either<&ff::source_fqdn, &ff::destination_fqdn>},
        {.name = "from-all-namespaces", .group = g::filters, .value = v::implicit, .implicit_value = "true",
         .repeats = true,
         .summary = "keep flows from pods in any namespace",
         .description =
             "Keep flows whose source is a pod in some namespace; with --from-pod or --from-service it makes "
             "their names match in every namespace.",
         .apply = add_filter,
         .filter = [](filter_sides& s, std::string_view) { s.src_ns.emplace_back(); }},
        {.name = "from-cluster", .metavar = "CLUSTER", .group = g::filters, .repeats = true, .completion = c::free,
         .summary = "keep flows from endpoints in a cluster",
         .description = "Keep flows whose source endpoint belongs to the named cluster.",
         .apply = add_filter,
         .filter = to_both<&ff::source_cluster_name>},
        {.name = "from-fqdn", .metavar = "FQDN", .group = g::filters, .repeats = true, .completion = c::free,
         .summary = "keep flows from a domain name",
         .description = "Keep flows whose source has the domain name FQDN (wildcards as for --fqdn).",
         .apply = add_filter,
         .filter = to_both<&ff::source_fqdn>},
        {.name = "from-identity", .metavar = "IDENTITY", .group = g::filters, .repeats = true,
         .completion = c::choice, .choices = identities,
         .summary = "keep flows from a security identity",
         .description =
             "Keep flows whose source has the security identity IDENTITY: a number (Go base prefixes allowed, so "
             "010 is 8) or a reserved name such as host or world.",
         .apply = add_filter,
         .filter = parsed_to_both<&ff::source_identity, parse_identity>},
        {.name = "from-ip", .metavar = "IP", .group = g::filters, .repeats = true, .completion = c::free,
         .takes = takes_ip,
         .summary = "keep flows from an IP or CIDR range",
         .description = "Keep flows whose source IP is IP exactly, or lies in it when it is a CIDR range.",
         .apply = add_filter,
         .filter = to_both<&ff::source_ip>},
        {.name = "from-label", .metavar = "SELECTOR", .group = g::filters, .repeats = true, .completion = c::free,
         .split = list_split::newlines,
         .summary = "keep flows from endpoints matching labels",
         .description =
             "Keep flows whose source endpoint's labels match the Kubernetes label selector (app=web, k8s:app in "
             "(a,b), !app, reserved:host ...).",
         .apply = add_filter,
         .filter = to_both<&ff::source_label>},
        {.name = "from-namespace", .metavar = "NAMESPACE", .group = g::filters, .repeats = true,
         .completion = c::free,
         .summary = "keep flows from a namespace",
         .description =
             "Keep flows from the namespace: it qualifies --from-pod and --from-service names, or on its own "
             "matches any source pod in it.",
         .apply = add_filter,
         .filter = [](filter_sides& s, std::string_view v) { s.src_ns.emplace_back(v); }},
        {.name = "from-pod", .metavar = "[NAMESPACE/]POD", .group = g::filters, .repeats = true,
         .completion = c::free,
         .summary = "keep flows from pods with this name prefix",
         .description =
             "Keep flows whose source pod name starts with POD, in NAMESPACE or else in the default namespace.",
         .apply = add_filter,
         .filter = to_both<&ff::source_pod>},
        {.name = "from-port", .metavar = "PORT", .group = g::filters, .repeats = true, .completion = c::free,
         .takes = takes_port,
         .summary = "keep flows from a port",
         .description = "Keep flows whose TCP, UDP or SCTP source port is PORT.",
         .apply = add_filter,
         .filter = to_both<&ff::source_port>},
        {.name = "from-service", .metavar = "[NAMESPACE/]SERVICE", .group = g::filters, .repeats = true,
         .completion = c::free,
         .summary = "keep flows from services with this name prefix",
         .description =
             "Keep flows whose source service name starts with SERVICE, in NAMESPACE or else in the default "
             "namespace.",
         .apply = add_filter,
         .filter = to_both<&ff::source_service>},
        {.name = "from-workload", .metavar = "[KIND/]NAME", .group = g::filters, .repeats = true,
         .completion = c::free,
         .summary = "keep flows from a workload",
         .description =
             "Keep flows whose source endpoint belongs to the workload NAME, of kind KIND when given "
             "(Deployment/web, web, or Deployment/ for any deployment).",
         .apply = add_filter,
         .filter = parsed_to_both<&ff::source_workload, parse_workload>},
        {.name = "http-header", .metavar = "KEY:VALUE", .group = g::filters, .repeats = true, .completion = c::free,
         .split = list_split::newlines,
         .summary = "keep HTTP flows with this header value",
         .description =
             "Keep HTTP flows with a header named KEY whose value is VALUE; the text is split at the first colon.",
         .apply = add_filter,
         .filter = parsed_to_both<&ff::http_header, parse_http_header>},
        {.name = "http-method", .metavar = "METHOD", .group = g::filters, .repeats = true, .completion = c::choice,
         .choices = http_methods, .other_values_mean = "a method of its own",
         .summary = "keep HTTP flows with this request method",
         .description = "Keep HTTP flows whose request method is METHOD, in any letter case.",
         .apply = add_filter,
         .filter = to_both<&ff::http_method>},
        {.name = "http-path", .metavar = "REGEX", .group = g::filters, .repeats = true, .completion = c::free,
         .split = list_split::newlines,
         .summary = "keep HTTP flows whose URL path matches a regex",
         .description = "Keep HTTP flows whose URL path matches the regular expression (RE2 syntax).",
         .apply = add_filter,
         .filter = to_both<&ff::http_path>},
        {.name = "http-status", .metavar = "CODE", .group = g::filters, .repeats = true, .completion = c::choice,
         .choices = http_statuses,
         .summary = "keep HTTP flows with this status code or prefix",
         .description =
             "Keep HTTP flows whose status code is CODE (404), or starts with it when it ends in + (5+, 40+).",
         .apply = add_filter,
         .filter = to_both<&ff::http_status_code>},
        {.name = "http-url", .metavar = "REGEX", .group = g::filters, .repeats = true, .completion = c::free,
         .split = list_split::newlines,
         .summary = "keep HTTP flows whose URL matches a regex",
         .description = "Keep HTTP flows whose full URL matches the regular expression (RE2 syntax).",
         .apply = add_filter,
         .filter = to_both<&ff::http_url>},
        {.name = "identity", .metavar = "IDENTITY", .group = g::filters, .repeats = true, .completion = c::choice,
         .choices = identities,
         .summary = "keep flows from or to a security identity",
         .description =
             "Keep flows whose source or destination has the security identity IDENTITY (a number or a reserved "
             "name, as for --from-identity).",
         .apply = add_filter,
         .filter = parsed_to_either<&ff::source_identity, &ff::destination_identity, parse_identity>},
        {.name = "interface", .metavar = "NAME", .group = g::filters, .repeats = true, .completion = c::free,
         .summary = "keep flows seen on a network interface",
         .description = "Keep flows observed on the network interface with this name (eth0).",
         .apply = add_filter,
         .filter = [](filter_sides& s, std::string_view v) {
             s.both(&ff::interface, filter_interface{0, std::string(v)});
         }},
        {.name = "ip", .metavar = "IP", .group = g::filters, .repeats = true, .completion = c::free,
         .takes = takes_ip,
         .summary = "keep flows from or to an IP or CIDR range",
         .description =
             "Keep flows whose source or destination IP is IP, or lies in it when it is a CIDR range. Two "
             "either-side flags pair up side by side: --ip X --port 80 means source X and source port 80, or "
             "destination X and destination port 80.",
         .apply = add_filter,
         .filter = to_either<&ff::source_ip, &ff::destination_ip>},
        {.name = "ip-trace-id", .metavar = "ID", .group = g::filters, .repeats = true, .completion = c::free,
         .summary = "keep flows with this IP trace ID",
         .description =
             "Keep flows whose IP trace ID (ip_trace_id.trace_id, from Cilium's IP option tracing) is ID, a "
             "decimal number greater than 0. Repeated, the IDs are alternatives.",
         .apply = add_filter,
         .filter = parsed_to_both<&ff::ip_trace_id, parse_ip_trace_id>},
        {.name = "ip-version", .metavar = "VERSION", .group = g::filters, .repeats = true, .completion = c::choice,
         .choices = {"none", "v4", "v6"},
         .summary = "keep IPv4 (v4), IPv6 (v6) or non-IP (none) flows",
         .description =
             "Keep flows of this IP version: 4, v4, ipv4 or ip4; 6, v6, ipv6 or ip6; any other word means flows "
             "without IP (ARP and the like).",
         .apply = add_filter,
         .filter = parsed_to_both<&ff::ip_version, parse_ip_version>},
        {.name = "ipv4", .short_name = '4', .group = g::filters, .value = v::implicit, .implicit_value = "v4",
         .repeats = true,
         .summary = "keep IPv4 flows",
         .description = "Keep IPv4 flows. Never takes the next word as its value.",
         .apply = add_filter,
         .filter = [](filter_sides& s, std::string_view) {
             s.both(&ff::ip_version, *enum_number(ip_version_enum, "IPv4"));
         }},
        {.name = "ipv6", .short_name = '6', .group = g::filters, .value = v::implicit, .implicit_value = "v6",
         .repeats = true,
         .summary = "keep IPv6 flows",
         .description = "Keep IPv6 flows. Never takes the next word as its value.",
         .apply = add_filter,
         .filter = [](filter_sides& s, std::string_view) {
             s.both(&ff::ip_version, *enum_number(ip_version_enum, "IPv6"));
         }},
        {.name = "label", .short_name = 'l', .metavar = "SELECTOR", .group = g::filters, .repeats = true,
         .completion = c::free, .split = list_split::newlines,
         .summary = "keep flows from or to endpoints matching labels",
         .description =
             "Keep flows whose source or destination endpoint's labels match the Kubernetes label selector.",
         .apply = add_filter,
         .filter = to_either<&ff::source_label, &ff::destination_label>},
        {.name = "namespace", .short_name = 'n', .metavar = "NAMESPACE", .group = g::filters, .repeats = true,
         .completion = c::free,
         .summary = "keep flows from or to a namespace",
         .description =
             "Keep flows from or to the namespace: it qualifies --pod and --service names (and the other pod and "
             "service flags), or on its own matches any pod in it.",
         .apply = add_filter,
         .filter = [](filter_sides& s, std::string_view v) { s.ns.emplace_back(v); }},
        {.name = "node-label", .metavar = "SELECTOR", .group = g::filters, .repeats = true, .completion = c::free,
         .split = list_split::newlines,
         .summary = "keep flows seen on nodes matching labels",
         .description = "Keep flows observed on a node whose labels match the Kubernetes label selector.",
         .apply = add_filter,
         .filter = to_both<&ff::node_labels>},
        {.name = "node-name", .metavar = "[CLUSTER/]NODE", .group = g::filters, .repeats = true,
         .completion = c::free,
         .summary = "keep flows seen on a node",
         .description =
             "Keep flows observed on the node NODE of cluster CLUSTER (default: default); `*` matches any run of "
             "characters (k8s*, prod/*.example.com).",
         .apply = add_filter,
         .filter = to_both<&ff::node_name>},
        {.name = "not", .group = g::filters, .value = v::implicit, .implicit_value = "true", .repeats = true,
         .split = list_split::newlines,
         .summary = "negate the filter flag that follows",
         .description =
             "Turn the next filter flag into an exclusion: flows it matches are dropped. All negated flags form "
             "one exclusion, so --not --verdict DROPPED --not --http-method get drops only flows that are both. "
             "Never takes the next word as its value.",
         .apply = add_filter},
        {.name = "pod", .metavar = "[NAMESPACE/]POD", .group = g::filters, .repeats = true, .completion = c::free,
         .summary = "keep flows from or to pods with this name prefix",
         .description =
             "Keep flows whose source or destination pod name starts with POD, in NAMESPACE or else in the "
             "default namespace.",
         .apply = add_filter,
         .filter = to_either<&ff::source_pod, &ff::destination_pod>},
        {.name = "port", .metavar = "PORT", .group = g::filters, .repeats = true, .completion = c::free,
         .takes = takes_port,
         .summary = "keep flows from or to a port",
         .description = "Keep flows whose TCP, UDP or SCTP source or destination port is PORT.",
         .apply = add_filter,
         .filter = to_either<&ff::source_port, &ff::destination_port>},
        {.name = "protocol", .metavar = "PROTOCOL", .group = g::filters, .repeats = true, .completion = c::choice,
         .choices = protocols,
         .summary = "keep flows of an L4 or L7 protocol",
         .description =
             "Keep flows of the protocol, in any letter case: tcp, udp, sctp, icmp, icmpv4, icmpv6, vrrp, igmp, "
             "or the L7 protocols http, dns and kafka.",
         .apply = add_filter,
         .filter = to_both<&ff::protocol>},
        {.name = "service", .metavar = "[NAMESPACE/]SERVICE", .group = g::filters, .repeats = true,
         .completion = c::free,
         .summary = "keep flows from or to services with this prefix",
         .description =
             "Keep flows whose source or destination service name starts with SERVICE, in NAMESPACE or else in "
             "the default namespace.",
         .apply = add_filter,
         .filter = to_either<&ff::source_service, &ff::destination_service>},
        {.name = "snat-ip", .metavar = "IP", .group = g::filters, .repeats = true, .completion = c::free,
         .takes = takes_ip,
         .summary = "keep flows source-NATed to an IP or CIDR range",
         .description = "Keep flows whose translated source IP is IP, or lies in it when it is a CIDR range.",
         .apply = add_filter,
         .filter = to_both<&ff::source_ip_xlated>},
        {.name = "tcp-flags", .metavar = "FLAG[,FLAG...]", .group = g::filters, .repeats = true,
         .completion = c::choice, .choices = tcp_flag_choices(), .split = list_split::newlines,
         .summary = "keep TCP flows with all these flags set",
         .description =
             "Keep TCP flows that have every listed flag set (SYN, ACK, FIN, RST, PSH, URG, ECE, CWR, NS; any "
             "letter case). Repeat the flag for alternatives.",
         .apply = add_filter,
         .filter = parsed_to_both<&ff::tcp_flags, parse_tcp_flags>},
        {.name = "to-all-namespaces", .group = g::filters, .value = v::implicit, .implicit_value = "true",
         .repeats = true,
         .summary = "keep flows to pods in any namespace",
         .description =
             "Keep flows whose destination is a pod in some namespace; with --to-pod or --to-service it makes "
             "their names match in every namespace.",
         .apply = add_filter,
         .filter = [](filter_sides& s, std::string_view) { s.dst_ns.emplace_back(); }},
        {.name = "to-cluster", .metavar = "CLUSTER", .group = g::filters, .repeats = true, .completion = c::free,
         .summary = "keep flows to endpoints in a cluster",
         .description = "Keep flows whose destination endpoint belongs to the named cluster.",
         .apply = add_filter,
         .filter = to_both<&ff::destination_cluster_name>},
        {.name = "to-fqdn", .metavar = "FQDN", .group = g::filters, .repeats = true, .completion = c::free,
         .summary = "keep flows to a domain name",
         .description = "Keep flows whose destination has the domain name FQDN (wildcards as for --fqdn).",
         .apply = add_filter,
         .filter = to_both<&ff::destination_fqdn>},
        {.name = "to-identity", .metavar = "IDENTITY", .group = g::filters, .repeats = true,
         .completion = c::choice, .choices = identities,
         .summary = "keep flows to a security identity",
         .description =
             "Keep flows whose destination has the security identity IDENTITY (a number or a reserved name).",
         .apply = add_filter,
         .filter = parsed_to_both<&ff::destination_identity, parse_identity>},
        {.name = "to-ip", .metavar = "IP", .group = g::filters, .repeats = true, .completion = c::free,
         .takes = takes_ip,
         .summary = "keep flows to an IP or CIDR range",
         .description = "Keep flows whose destination IP is IP exactly, or lies in it when it is a CIDR range.",
         .apply = add_filter,
         .filter = to_both<&ff::destination_ip>},
        {.name = "to-label", .metavar = "SELECTOR", .group = g::filters, .repeats = true, .completion = c::free,
         .split = list_split::newlines,
         .summary = "keep flows to endpoints matching labels",
         .description = "Keep flows whose destination endpoint's labels match the Kubernetes label selector.",
         .apply = add_filter,
         .filter = to_both<&ff::destination_label>},
        {.name = "to-namespace", .metavar = "NAMESPACE", .group = g::filters, .repeats = true,
         .completion = c::free,
         .summary = "keep flows to a namespace",
         .description =
             "Keep flows to the namespace: it qualifies --to-pod and --to-service names, or on its own matches "
             "any destination pod in it.",
         .apply = add_filter,
         .filter = [](filter_sides& s, std::string_view v) { s.dst_ns.emplace_back(v); }},
        {.name = "to-pod", .metavar = "[NAMESPACE/]POD", .group = g::filters, .repeats = true,
         .completion = c::free,
         .summary = "keep flows to pods with this name prefix",
         .description =
             "Keep flows whose destination pod name starts with POD, in NAMESPACE or else in the default "
             "namespace.",
         .apply = add_filter,
         .filter = to_both<&ff::destination_pod>},
        {.name = "to-port", .metavar = "PORT", .group = g::filters, .repeats = true, .completion = c::free,
         .takes = takes_port,
         .summary = "keep flows to a port",
         .description = "Keep flows whose TCP, UDP or SCTP destination port is PORT.",
         .apply = add_filter,
         .filter = to_both<&ff::destination_port>},
        {.name = "to-service", .metavar = "[NAMESPACE/]SERVICE", .group = g::filters, .repeats = true,
         .completion = c::free,
         .summary = "keep flows to services with this name prefix",
         .description =
             "Keep flows whose destination service name starts with SERVICE, in NAMESPACE or else in the default "
             "namespace.",
         .apply = add_filter,
         .filter = to_both<&ff::destination_service>},
        {.name = "to-workload", .metavar = "[KIND/]NAME", .group = g::filters, .repeats = true,
         .completion = c::free,
         .summary = "keep flows to a workload",
         .description =
             "Keep flows whose destination endpoint belongs to the workload NAME, of kind KIND when given.",
         .apply = add_filter,
         .filter = parsed_to_both<&ff::destination_workload, parse_workload>},
        {.name = "trace-id", .metavar = "ID", .group = g::filters, .repeats = true, .completion = c::free,
         .summary = "keep flows with this trace ID",
         .description = "Keep flows that carry this trace context ID.",
         .apply = add_filter,
         .filter = to_both<&ff::trace_id>},
        {.name = "traffic-direction", .metavar = "DIRECTION", .group = g::filters, .repeats = true,
         .completion = c::choice, .choices = {"ingress", "egress"},
         .summary = "keep flows in a traffic direction",
         .description = "Keep flows whose traffic direction is ingress or egress (any letter case).",
         .apply = add_filter,
         .filter = parsed_to_both<&ff::traffic_direction, parse_traffic_direction>},
        {.name = "type", .short_name = 't', .metavar = "TYPE[:SUBTYPE]", .group = g::filters, .repeats = true,
         .completion = c::choice, .choices = event_type_choices(),
         .summary = "keep flows of an event type (and sub-type)",
         .description =
             "Keep flows of the monitor event type TYPE: a name (drop, trace, l7, policy-verdict, capture, "
             "trace-sock ...) or a number. SUBTYPE is a number, or a name after trace (trace:to-endpoint) and "
             "agent; 0 as TYPE matches any type. `flowgrep event-types` lists them all.",
         .apply = add_filter,
         .filter = parsed_to_both<&ff::event_type, parse_event_type>},
        {.name = "unencrypted", .group = g::filters, .value = v::implicit, .implicit_value = "true", .repeats = true,
         .summary = "keep flows sent unencrypted",
         .description =
             "Keep flows whose packets were not encrypted, flows without IP and the lost-event and node "
             "status records among them. A value is ignored, as for --encrypted, with which it cannot be "
             "combined on the same side of --not. Never takes the next word as its value.",
         .apply = add_filter,
         .filter = set_encrypted<false>},
        {.name = "uuid", .metavar = "UUID", .group = g::filters, .repeats = true, .completion = c::free,
         .summary = "keep the flow with this UUID",
         .description = "Keep the flow whose uuid field is UUID.",
         .apply = add_filter,
         .filter = to_both<&ff::uuid>},
        {.name = "verdict", .metavar = "VERDICT", .group = g::filters, .repeats = true, .completion = c::choice,
         .choices = names_of(verdict_enum),
         .summary = "keep flows with this verdict",
         .description =
             "Keep flows whose verdict is VERDICT, spelled in capitals as Hubble does: FORWARDED, DROPPED, ERROR, "
             "AUDIT, REDIRECTED, TRACED or TRANSLATED.",
         .apply = add_filter,
         .filter = parsed_to_both<&ff::verdict, parse_verdict>},
        {.name = "workload", .metavar = "[KIND/]NAME", .group = g::filters, .repeats = true, .completion = c::free,
         .summary = "keep flows from or to a workload",
         .description =
             "Keep flows whose source or destination endpoint belongs to the workload NAME, of kind KIND when "
             "given.",
         .apply = add_filter,
         .filter = parsed_to_either<&ff::source_workload, &ff::destination_workload, parse_workload>},

        // ---- Raw-Filters ----
        {.name = "allowlist", .metavar = "JSON", .group = g::raw_filters, .repeats = true, .completion = c::free,
         .split = list_split::newlines,
         .summary = "keep flows matching JSON FlowFilters",
         .description =
             "Add FlowFilters, written as JSON objects (one or several in a row), to the list of filters a flow "
             "may match to be kept. They come after those built from filter flags; --print-raw-filters shows the "
             "result.",
         .apply = add_text<&flag_state::allowlist>, .check = check_filter_json},
        {.name = "denylist", .metavar = "JSON", .group = g::raw_filters, .repeats = true, .completion = c::free,
         .split = list_split::newlines,
         .summary = "drop flows matching JSON FlowFilters",
         .description =
             "Add FlowFilters, written as JSON objects, to the list of filters that drop a flow when any of them "
             "matches.",
         .apply = add_text<&flag_state::denylist>, .check = check_filter_json},
        {.name = "exporter-config", .metavar = "FILE", .group = g::raw_filters, .completion = c::file,
         .summary = "filter as the Hubble exporter in FILE would",
         .description =
             "Filter as the Hubble exporter configured in FILE would: its includeFilters (allowList) keep flows, "
             "its excludeFilters (denyList) drop them, its fieldMask applies to JSON output and its end drops "
             "flows from that time on. FILE is Cilium Helm values (hubble.export.static, "
             "hubble.export.dynamic.config.content), the dynamic exporter's file (flowLogs:) or a ConfigMap "
             "(cilium-config with hubble-export-allowlist, -denylist and -fieldmask, or one holding "
             "flowlogs.yaml); the shape is told from the document. With several flow logs in FILE, "
             "--exporter-name picks one. Filter flags, --allowlist and --denylist narrow the exporter's choice "
             "further: a flow must pass both (--print-raw-filters shows the exporter's allowlist apart when both "
             "have one). --field-mask does not replace the exporter's field mask, and --until "
             "is kept when earlier than end.",
         .apply = set_text<&flag_state::exporter_config>},
        {.name = "exporter-name", .metavar = "NAME", .group = g::raw_filters, .completion = c::free,
         .summary = "pick the flow log NAME of --exporter-config",
         .description =
             "The name of the flow log to apply when the --exporter-config file has several (a dynamic exporter's "
             "name; the static exporter is called static). Without it, several flow logs are an error that lists "
             "their names.",
         .apply = set_text<&flag_state::exporter_name>},

        // ---- Formatting ----
        {.name = "aggregate-by", .metavar = "KEY[,KEY...]", .group = g::formatting, .repeats = true,
         .completion = c::choice, .choices = aggregate_key_choices(), .help_choices = aggregate_aliases().size(),
         .summary = "count flows by KEYs instead of printing them",
         .description =
             "Count the flows that pass the filters (after --first or --last) by the values of the KEYs, and "
             "print one row per distinct combination with its count, most frequent first (ties in key order), "
             "instead of the flows. A KEY is a Flow field path as --field-mask names it (source.namespace, "
             "verdict, l4.TCP.destination_port, event_type.type ...) or an alias (AGGREGATION KEYS lists them: "
             "src-ns, dst-pod, dst-port, protocol, type ...). A field that is unset or holds its default (which "
             "Hubble's JSON leaves out) is missing, and missing is a value of its own: - in the table, null in "
             "JSON. The output is a table with COUNT first and the keys as given as headers (nothing when no flow "
             "passed), or with -o json one object per row: {\"count\":12,\"src-ns\":\"default\",\"dst-port\":80}, "
             "values typed as in the flow JSON (enums by name). Only flows are counted: not node status, lost "
             "events (a warning says how many were lost) or agent and debug events. Repeat the flag or separate "
             "keys with commas. It cannot be combined with --count, --quiet, --field-mask, or -o compact or dict "
             "on the command line (from a setting they mean the table). With --follow the rows come when the "
             "input ends. Memory grows with the number of distinct rows, not with the input.",
         .apply = add_aggregate_keys},
        {.name = "color", .metavar = "WHEN", .group = g::formatting, .completion = c::choice,
         .choices = {"auto", "always", "never"}, .other_values_mean = "auto", .default_value = "auto",
         .summary = "when to colour the output",
         .description =
             "Colour the compact and dict output: always, never, or auto (when standard output is a terminal and "
             "NO_COLOR is unset). Any other value means auto, as in hubble, with a warning.",
         .apply = set_text<&flag_state::color>},
        {.name = "count", .short_name = 'c', .group = g::formatting, .value = v::boolean, .implicit_value = "true",
         .default_value = "false",
         .summary = "print only the number of matching flows",
         .description =
             "Print only how many flows would have been printed (after --first or --last), as one number, and "
             "exit with status 1 when it is 0, as grep -c does. Node status, lost events and empty responses are "
             "not counted. Cannot be combined with --quiet.",
         .apply = set_switch<&options::run, &run_settings::count>},
        {.name = "ip-translation", .group = g::formatting, .value = v::boolean, .implicit_value = "true",
         .default_value = "true",
         .summary = "show names instead of IPs (default true)",
         .description =
             "Show endpoints by pod, service or domain name where the flow knows one. On by default; turn it off "
             "with --ip-translation=false (a separate false word would be a file name).",
         .apply = set_switch<&options::output, &output_settings::ip_translation>},
        {.name = "line-buffered", .group = g::formatting, .value = v::boolean, .implicit_value = "true",
         .default_value = "false",
         .summary = "flush the output after every flow",
         .description =
             "Write each flow out as soon as it is printed, for a pipe whose reader wants flows as they come "
             "(tail -f | flowgrep --line-buffered | ...). This is what happens anyway when standard output is a "
             "terminal; otherwise output goes out in large blocks, which is much faster.",
         .apply = set_switch<&options::run, &run_settings::line_buffered>},
        {.name = "numeric", .group = g::formatting, .value = v::boolean, .implicit_value = "true",
         .default_value = "false",
         .summary = "show IP addresses instead of names",
         .description = "Show IP addresses rather than names; wins over --ip-translation.",
         .apply = set_switch<&options::output, &output_settings::numeric>},
        {.name = "output", .short_name = 'o', .metavar = "FORMAT", .group = g::formatting, .completion = c::choice,
         .choices = {"compact", "dict", "table", "json", "jsonpb"}, .default_value = "compact",
         .summary = "how to print flows",
         .description =
             "The output format: compact (one line per flow, the default), dict (a block of KEY: value lines per "
             "flow), table (aligned columns; also tab) or json (the response as JSON; also JSON and jsonpb). A table "
             "is printed when the input ends, since each column is as wide as its widest cell; its rows wait in "
             "a temporary file in $TMPDIR (or /tmp) meanwhile, not in memory.",
         .apply = set_text<&flag_state::output>, .check = check_output},
        {.name = "print-node-name", .group = g::formatting, .value = v::boolean, .implicit_value = "true",
         .default_value = "false",
         .summary = "show the node that observed each flow",
         .description = "Add the name of the node that observed each flow to the output.",
         .apply = set_switch<&options::output, &output_settings::print_node_name>},
        {.name = "print-policy-names", .group = g::formatting, .value = v::boolean, .implicit_value = "true",
         .default_value = "false",
         .summary = "print policy names in output",
         .description =
             "Name the network policies that allowed or denied each flow beside its verdict, as hubble "
             "prints them (the flow's egress and ingress allowed_by and denied_by lists).",
         .apply = set_switch<&options::output, &output_settings::print_policy_names>},
        {.name = "quiet", .short_name = 'q', .group = g::formatting, .value = v::boolean, .implicit_value = "true",
         .default_value = "false",
         .summary = "print nothing, stop at the first matching flow",
         .description =
             "Print no flows and stop reading at the first flow that passes the time window and the filters: exit "
             "status 0 if there is one, 1 if there is none, as grep -q does. Warnings and errors are still "
             "printed. Cannot be combined with --count.",
         .apply = set_switch<&options::run, &run_settings::quiet>},
        {.name = "time-format", .metavar = "FORMAT", .group = g::formatting, .completion = c::choice,
         .choices = time_formats, .other_values_mean = "StampMilli", .default_value = "StampMilli",
         .summary = "how timestamps are printed",
         .description =
             "How timestamps are printed (in UTC), by name in any letter case: StampMilli (the default), "
             "YearMonthDay, YearMonthDayHour, YearMonthDayHourMinute, RFC3339, RFC3339Milli, RFC3339Micro, "
             "RFC3339Nano or RFC1123Z. Unknown names mean StampMilli, as in hubble, with a warning. JSON output is not affected.",
         .apply = set_text<&flag_state::time_format>},
        {.name = "top", .metavar = "N", .group = g::formatting, .completion = c::free, .default_value = "0",
         .summary = "keep the N largest --aggregate-by rows",
         .description =
             "Print only the first N rows of --aggregate-by, the most frequent (ties in key order). N is an "
             "unsigned integer (Go base prefixes allowed); 0 means every row. Only with --aggregate-by.",
         .apply = set_top},
        {.name = "use-default-field-masks", .group = g::formatting, .value = v::boolean, .implicit_value = "true",
         .default_value = "true",
         .summary = "accepted for compatibility (default true)",
         .description =
             "Accepted so that hubble observe command lines carry over: hubble asks a server for its default "
             "fields only; a file is read whole, so it changes nothing here.",
         .apply = set_switch<&options::output, &output_settings::use_default_field_masks>},

        // ---- Other ----
        {.name = "config", .metavar = "FILE", .group = g::other, .completion = c::file, .setting = false,
         .summary = "read settings from FILE (an empty FILE: none)",
         .description =
             "Read settings (default flag values) from FILE instead of $XDG_CONFIG_HOME/flowgrep/config.yaml "
             "(FILES); an empty FILE reads no file at all. The command line's flags still win over them.",
         .apply = read_before_flags},
        {.name = "debug", .short_name = 'D', .group = g::other, .value = v::boolean, .implicit_value = "true",
         .default_value = "false",
         .summary = "print debug messages on standard error",
         .description = "Print debug messages on standard error, and every node status message.",
         .apply = set_switch<&options::output, &output_settings::debug>},
        {.name = "field-mask", .metavar = "FIELD[,FIELD...]", .group = g::other, .repeats = true, .completion = c::free,
         .summary = "a field mask, checked but not applied to files",
         .description =
             "A field mask: the fields of each flow to keep (proto names, dotted for nested fields: "
             "time,source.pod_name). Only with JSON output. Repeat the flag or separate fields with commas. "
             "As with hubble observe --input-file, the paths are checked but flows read from files are "
             "printed whole, with a warning; a field mask in an --exporter-config file is applied.",
         .apply = add_field_mask, .check = check_field_mask_paths},
        {.name = "help", .short_name = 'h', .group = g::other, .value = v::boolean, .implicit_value = "true",
         .default_value = "false", .setting = false, .exits_at_once = true,
         .summary = "print this help and exit",
         .description = "Print a summary of the flags and exit.",
         .apply = set_flag<&flag_state::help>},
        {.name = "port-forward", .short_name = 'P', .group = g::other, .value = v::boolean,
         .implicit_value = "true", .default_value = "false",
         .summary = "rejected: flowgrep reads files, not a server",
         .description =
             "Accepted only to give hubble's error: port forwarding makes no sense when flows are read from files.",
         .apply = set_flag<&flag_state::port_forward>},
        {.name = "print-raw-filters", .group = g::other, .value = v::boolean, .implicit_value = "true",
         .default_value = "false",
         .summary = "print the filters as YAML and exit",
         .description =
             "Print the allow and deny FlowFilters that the flags add up to, as the YAML that hubble prints, and "
             "exit without reading any input.",
         .apply = [](const flag_use& use, flag_state& s) { s.opts.print_raw_filters = switch_value(use); }},
        {.name = "silent-errors", .short_name = 's', .group = g::other, .value = v::boolean,
         .implicit_value = "true", .default_value = "false",
         .summary = "hide node status messages",
         .description =
             "Do not print node status messages on standard error. Warnings about bad lines are still printed.",
         .apply = set_switch<&options::output, &output_settings::silent_errors>},
        {.name = "strict", .group = g::other, .value = v::boolean, .implicit_value = "true",
         .default_value = "false",
         .summary = "stop with status 2 at the first bad input line",
         .description =
             "Treat a bad input line as an error rather than skipping it with a warning: print flowgrep: error: "
             "FILE:LINE: REASON, stop reading, and exit with status 2. Every line is then checked in full, "
             "including the parts of lines that the filters drop, which costs some speed.",
         .apply = set_switch<&options::run, &run_settings::strict>},
        {.name = "version", .group = g::other, .value = v::boolean, .implicit_value = "true",
         .default_value = "false", .setting = false, .exits_at_once = true,
         .summary = "print the version and exit",
         .description = "Print flowgrep's version and exit.",
         .apply = set_flag<&flag_state::version>}
    };
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
