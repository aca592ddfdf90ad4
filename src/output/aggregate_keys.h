// The keys --aggregate-by groups flows by: friendly aliases (src-ns, dst-port, type ...) and Flow
// field paths in the dotted form field masks use (source.namespace, l4.TCP.destination_port). Each
// key is checked and resolved once, when the command line is parsed; the aggregator then reads it
// from the parsed flow, or from the line's JSON for the fields the parsed flow does not hold.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "flow/fields.h"

namespace flowgrep {

struct field_info;

// A Flow field path resolved against the field table: each step's field, from flow.Flow down.
using field_path = std::vector<const field_info*>;

// How a key's value is made from what its paths read.
enum class key_format : uint8_t {
    value,       // the value of the first path that is set
    workload,    // src-workload, dst-workload: the endpoint's first workload, else its pod's
    protocol,    // the L7 protocol, else the L4 one
    event_type,  // the event type as `flowgrep event-types` names it
    policy,      // NAMESPACE/NAME of the first policy in the first non-empty list
};

struct aggregate_key {
    std::string name;  // as the user wrote it: the header of its column
    key_format format = key_format::value;
    // One path, except for dst-port (TCP, UDP, SCTP) and denied-by / allowed-by (ingress, egress).
    std::vector<field_path> paths;
    // Read along the paths in the line's JSON: a step the parsed flow does not hold, or a test's wish.
    bool from_json = false;
};

enum class aggregate_format : uint8_t { table, json };

// What --aggregate-by, --top and -o ask for; no keys means no aggregation.
struct aggregate_spec {
    std::vector<aggregate_key> keys;
    uint64_t top = 0;  // 0: every row
    aggregate_format format = aggregate_format::table;

    bool active() const { return !keys.empty(); }
};

// Resolves one key. Throws std::invalid_argument with what is wrong: an unknown name (with the
// nearest one), or a path that names a message or a list rather than one value. `from_json` reads
// even the fields the parsed flow holds from the JSON, so that tests can compare the two ways.
aggregate_key parse_aggregate_key(std::string_view name, bool from_json = false);

// What the parser must decode for a key read from the parsed flow.
field_set aggregate_key_needs(const aggregate_key& key);

struct aggregate_alias {
    std::string_view name;
    std::string_view description;  // one line, for the man page
};

// The aliases, in the order --help and the man page list them.
std::span<const aggregate_alias> aggregate_aliases();

// What the shells complete and --help lists: the aliases, then every Flow field path that names
// one value (a scalar, or a BoolValue such as is_reply).
std::vector<std::string> aggregate_key_choices();

// The workload a pod belongs to, from its name alone: `name-<rs hash>-<5>` (Deployment),
// `name-<ordinal>` (StatefulSet) and `name-<5>` (DaemonSet, Job, ReplicaSet) lose their suffixes,
// where the hashes and the random suffix use Kubernetes' alphabet (bcdfghjklmnpqrstvwxz2456789);
// any other name is its own workload.
std::string_view workload_of_pod(std::string_view pod_name);

}  // namespace flowgrep
