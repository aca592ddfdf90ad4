// The aggregation keys: the aliases, defined as Flow field paths, and the paths themselves, resolved
// against the field table (flow/flow_fields.h) that --field-mask and CEL use. A key is read from the
// parsed flow when every step of its paths has a reader there (which costs nothing more per flow),
// else from the line's JSON.
#include "output/aggregate_keys.h"

#include <stdexcept>

#include "flow/flow_fields.h"
#include "text/suggest.h"

namespace flowgrep {

namespace {

struct alias_entry {
    aggregate_alias doc;
    key_format format;
    std::string_view paths[3];  // tried in turn
};

constexpr alias_entry aliases[] = {
    {{"src-ns", "the source namespace (source.namespace)"}, key_format::value, {"source.namespace"}},
    {{"src-pod", "the source pod name (source.pod_name)"}, key_format::value, {"source.pod_name"}},
    {{"src-workload", "the source workload: its first workload's name, else the pod name without the "
                      "suffixes Kubernetes adds"},
     key_format::workload,
     {"source"}},
    {{"src-identity", "the source security identity, a number (source.identity)"}, key_format::value,
     {"source.identity"}},
    {{"src-ip", "the source IP address (IP.source)"}, key_format::value, {"IP.source"}},
    {{"dst-ns", "the destination namespace (destination.namespace)"}, key_format::value, {"destination.namespace"}},
    {{"dst-pod", "the destination pod name (destination.pod_name)"}, key_format::value, {"destination.pod_name"}},
    {{"dst-workload", "the destination workload, as for src-workload"}, key_format::workload, {"destination"}},
    {{"dst-identity", "the destination security identity (destination.identity)"}, key_format::value,
     {"destination.identity"}},
    {{"dst-ip", "the destination IP address (IP.destination)"}, key_format::value, {"IP.destination"}},
    {{"dst-port", "the TCP, UDP or SCTP destination port, whichever the flow has"},
     key_format::value,
     {"l4.TCP.destination_port", "l4.UDP.destination_port", "l4.SCTP.destination_port"}},
    {{"protocol", "the L7 protocol (http, dns, kafka), else the L4 one (tcp, udp, sctp, icmpv4, icmpv6), "
                  "as --protocol takes them"},
     key_format::protocol,
     {"l7", "l4"}},
    {{"type", "the event type as `flowgrep event-types` and --type name it (trace:to-stack, drop:133)"},
     key_format::event_type,
     {"event_type"}},
    {{"denied-by", "the policy that denied the flow, as NAMESPACE/NAME (NAME for a clusterwide one): the "
                   "first of ingress_denied_by, else of egress_denied_by"},
     key_format::policy,
     {"ingress_denied_by", "egress_denied_by"}},
    {{"allowed-by", "the policy that allowed the flow, likewise from ingress_allowed_by, egress_allowed_by"},
     key_format::policy,
     {"ingress_allowed_by", "egress_allowed_by"}},
};

// The fields along a dotted path of proto names; empty when some step names no field.
field_path resolve(std::string_view name) {
    field_path path;
    const message_info* m = &flow_message();
    std::string_view rest = name;
    while (true) {
        size_t dot = rest.find('.');
        const field_info* f = m == nullptr ? nullptr : m->field(rest.substr(0, dot));
        if (f == nullptr) return {};
        path.push_back(f);
        if (dot == std::string_view::npos) return path;
        m = f->is_message() ? f->message : nullptr;
        rest.remove_prefix(dot + 1);
    }
}

bool has_readers(const std::vector<field_path>& paths) {
    for (const auto& path : paths)
        for (const field_info* f : path)
            if (f->member == nullptr) return false;
    return true;
}

// Every path that names one value, depth first in declaration order. A well-known message counts
// when it is one JSON scalar: BoolValue (is_reply) yes; Timestamp (a string, but unique per flow,
// so no use as a key) and Any no.
void collect_paths(const message_info& m, const std::string& prefix, std::vector<std::string>& out) {
    for (const auto& f : m.fields) {
        std::string path = prefix + std::string(f.proto);
        if (f.repeated) continue;
        if (!f.is_message() || f.type == field_type::bool_wrapper) out.push_back(path);
        else if (f.message->form == json_form::object) collect_paths(*f.message, path + ".", out);
    }
}

const std::vector<std::string>& scalar_paths() {
    static const std::vector<std::string> paths = [] {
        std::vector<std::string> out;
        collect_paths(flow_message(), "", out);
        return out;
    }();
    return paths;
}

// What a path is, when it is not one value: for the error message.
std::string not_a_value(std::string_view name) {
    const field_path path = resolve(name);
    if (path.empty()) return {};
    const field_info* f = path.back();
    std::string quoted;
    quoted.append(1, '"').append(name).append(1, '"');
    if (f->repeated && f->message != nullptr && f->message->full_name == "flow.Workload")
        return quoted + " is a list; use " + (path.front()->tag == idx(flow_f::source) ? "src-workload" : "dst-workload");
    if (f->repeated) return quoted + " is a list; aggregate by one value per flow";
    if (f->message->form == json_form::well_known) return quoted + " is not a key: every flow has its own";
    std::string fields;
    for (const auto& sub : f->message->fields) {
        if (sub.repeated) continue;
        if (!fields.empty()) fields += ", ";
        fields += std::string(name) + "." + std::string(sub.proto);
    }
    return quoted + " is a message; name one of its fields: " + fields;
}

// What the parser must decode for the parsed flow to hold the value at the end of `path`.
field_set path_needs(const field_path& path, bool whole) {
    field_set needs = 0, detail = 0;
    for (const field_info* f : path) {
        needs |= f->decode;
        if (f->in_detail) needs |= detail;
        detail = f->detail;
    }
    return whole ? needs | detail : needs;
}

}  // namespace

aggregate_key parse_aggregate_key(std::string_view name, bool from_json) {
    aggregate_key key;
    key.name = std::string(name);
    for (const auto& a : aliases)
        if (a.doc.name == name) {
            key.format = a.format;
            for (std::string_view p : a.paths)
                if (!p.empty()) key.paths.push_back(resolve(p));
            // Policies are read from the line, where all of a Policy is; the other formats read the
            // flow's own members.
            key.from_json = a.format == key_format::policy ||
                            (a.format == key_format::value && (from_json || !has_readers(key.paths)));
            return key;
        }
    bool scalar = false;
    for (const auto& p : scalar_paths()) scalar = scalar || p == name;
    if (!scalar) {
        if (std::string why = not_a_value(name); !why.empty()) throw std::invalid_argument(why);
        throw std::invalid_argument("unknown key \"" + std::string(name) + "\"" +
                                    did_you_mean(name, aggregate_key_choices()));
    }
    key.paths.push_back(resolve(name));
    key.from_json = from_json || !has_readers(key.paths);
    return key;
}

field_set aggregate_key_needs(const aggregate_key& key) {
    if (key.from_json) return 0;
    field_set needs = 0;
    for (const auto& path : key.paths) needs |= path_needs(path, key.format == key_format::workload);
    return needs;
}

std::span<const aggregate_alias> aggregate_aliases() {
    static const std::vector<aggregate_alias> docs = [] {
        std::vector<aggregate_alias> out;
        for (const auto& a : aliases) out.push_back(a.doc);
        return out;
    }();
    return docs;
}

std::vector<std::string> aggregate_key_choices() {
    std::vector<std::string> out;
    for (const auto& a : aliases) out.emplace_back(a.doc.name);
    for (const auto& p : scalar_paths()) out.push_back(p);
    return out;
}

namespace {

// k8s.io/apimachinery's rand.String and SafeEncodeString: no vowels, no 0, 1, 3.
bool safe_chars(std::string_view s) {
    constexpr std::string_view alphabet = "bcdfghjklmnpqrstvwxz2456789";
    for (char c : s)
        if (alphabet.find(c) == std::string_view::npos) return false;
    return !s.empty();
}

bool ordinal(std::string_view s) {
    if (s.empty() || s.size() > 9 || (s.size() > 1 && s[0] == '0')) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace

std::string_view workload_of_pod(std::string_view pod) {
    const size_t last = pod.rfind('-');
    if (last == std::string_view::npos || last == 0) return pod;
    const std::string_view head = pod.substr(0, last), tail = pod.substr(last + 1);
    if (tail.size() == 5 && safe_chars(tail)) {
        // A Deployment's ReplicaSet adds its pod-template-hash (an encoded uint32: 6 to 10 chars in
        // practice) before the pod's own suffix.
        const size_t before = head.rfind('-');
        if (before != std::string_view::npos && before > 0) {
            const std::string_view hash = head.substr(before + 1);
            if (hash.size() >= 6 && hash.size() <= 10 && safe_chars(hash)) return head.substr(0, before);
        }
        return head;
    }
    if (ordinal(tail)) return head;
    return pod;
}

}  // namespace flowgrep
