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

// Where a key's value comes from: a member of the parsed flow, or the JSON along a path.
enum class key_read : uint8_t {
    json,
    src_ns, src_pod, src_workload, src_identity, src_id, src_cluster, src_ip,
    dst_ns, dst_pod, dst_workload, dst_identity, dst_id, dst_cluster, dst_ip,
    src_port_tcp, dst_port_tcp, src_port_udp, dst_port_udp, src_port_sctp, dst_port_sctp,
    dst_port,  // whichever of TCP, UDP, SCTP the flow has
    protocol, event_type_name, event_type_type, event_type_sub_type,
    verdict, drop_reason_desc, auth_type, traffic_direction, node_name, uuid, summary,
    ip_source_xlated, ip_version, ethernet_source, ethernet_destination,
    src_service_name, src_service_ns, dst_service_name, dst_service_ns,
    policy_match_type, debug_capture_point, sock_xlate_point, is_reply, interface_index,
    interface_name, trace_id, l7_type, dns_query, dns_observation_source, http_code, http_method,
    http_url,
    denied_by, allowed_by,  // from the JSON too: the policy lists are not in the parsed flow
};

// Whether a key is read from the line's JSON rather than from the parsed flow.
inline bool reads_json(key_read read) {
    return read == key_read::json || read == key_read::denied_by || read == key_read::allowed_by;
}

struct aggregate_key {
    std::string name;  // as the user wrote it: the header of its column
    key_read read = key_read::json;
    // For json keys, each step's proto and JSON names (protojson writes either) below "flow".
    std::vector<std::pair<std::string_view, std::string_view>> path;
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

// What the parser must decode for the keys read from the parsed flow.
field_set aggregate_key_needs(key_read read);

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
