// The one description of flow.Flow (cilium api/v1/flow/flow.proto, Cilium 1.19) and of every message
// under it: each field's proto and JSON names, type, enum table, the member of the parsed flow that
// holds it and the decode group that fills that member. The parser's key lookup, --field-mask, CEL's
// schema and --aggregate-by's keys are all read from this table, in .proto declaration order.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <type_traits>

#include "flow/enums.h"
#include "flow/fields.h"

namespace flowgrep {

enum class field_type : uint8_t {
    string_,
    bool_,
    int32,
    int64,
    uint32,
    uint64,
    enum_,
    message,
    timestamp,     // google.protobuf.Timestamp
    bool_wrapper,  // google.protobuf.BoolValue
    any,           // google.protobuf.Any
};

// How protojson writes a message. Well-known types are not objects of their fields (a Timestamp is
// an RFC 3339 string, a BoolValue a bare bool, an Any carries "@type"), so a mask may name their
// fields but can only keep such a value whole.
enum class json_form : uint8_t { object, well_known };

// A value read from the parsed flow (src/flow/flow.h); which part means something follows from the
// field's type. Messages, Timestamps and BoolValues say whether they are set; a message's `p` is the
// struct its own fields' readers take.
struct member_value {
    bool present = true;
    int64_t i = 0;            // int32, int64 and enum fields
    uint64_t u = 0;           // uint32, uint64 and bool fields; a list's size
    std::string_view s;       // string fields
    const void* p = nullptr;  // a message's struct, a Timestamp, a list's first element
    size_t stride = 0;        // a list of messages: the size of one element
};

// Reads a field from the struct that holds its message (the flow, an endpoint, a workload ...).
using member_reader = member_value (*)(const void* owner);

struct message_info;

inline constexpr uint8_t untagged = 0xff;

struct field_info {
    uint8_t tag = untagged;  // its place in the message, for the messages the parser decodes by hand
    std::string_view proto;
    std::string_view json;  // protoc's lowerCamelCase form; protojson reads either
    field_type type = field_type::string_;  // of one element for a repeated field
    bool repeated = false;
    const message_info* message = nullptr;  // message fields (well-known ones too) and lists of messages
    const enum_table* enums = nullptr;      // enum fields
    member_reader member = nullptr;         // null: the parsed flow does not hold it (read the line's JSON)
    // What the parser must decode for `member` to hold the value (set on Flow's own fields; the fields
    // below them come with their parent). `detail` is a part decoded only on request (an endpoint's
    // labels and workloads), which the fields marked `in_detail` below it need.
    field_set decode = 0;
    field_set detail = 0;
    bool in_detail = false;
    uint8_t oneof = 0;  // members of one oneof share a number; 0 for none

    bool is_message() const { return message != nullptr && !repeated; }
};

struct message_info {
    std::string_view full_name;  // "flow.Flow", "google.protobuf.Timestamp"
    json_form form = json_form::object;
    std::span<const field_info> fields;  // in .proto declaration order
    // Every field has a reader, so the parsed flow holds the whole message (well-known values and
    // messages below count when they are held too).
    bool held = false;
    uint64_t oneof_members = 0;  // a bit per field in a oneof, for the parser
    // The parser's key lookup: an open-addressed table over the proto and JSON names.
    uint8_t hash_bits = 0;
    uint32_t hash_seed = 0;
    std::array<uint8_t, 256> slots{};  // 0 empty, else 1 + 2 * field index + (1 for the JSON name)
    // By slot value: each name's length and first 8 bytes (zero-padded), so that most keys are told
    // apart and confirmed without reaching into the field records.
    std::array<uint8_t, 130> name_size{};
    std::array<uint64_t, 130> name_head{};

    const field_info* field(std::string_view proto_name) const;
    // The field a JSON key names: its proto name or its JSON name.
    const field_info* field_by_key(std::string_view key) const;
    // The same as an index into `fields`, or -1; fast enough for every key of every line.
    int key_index(std::string_view key) const {
        if (key.empty()) return -1;
        if (key.size() > 255) return -1;
        const uint32_t mask = (1u << hash_bits) - 1;
        const uint64_t head = head_of(key.data(), key.size());
        for (uint32_t h = key_hash(key, hash_seed, hash_bits);; h = (h + 1) & mask) {
            const unsigned slot = slots[h];
            if (slot == 0) return -1;
            if (name_size[slot] != key.size() || name_head[slot] != head) continue;
            if (key.size() > 8) {
                const field_info& f = fields[(slot - 1) >> 1];
                const std::string_view name = (slot - 1) & 1 ? f.json : f.proto;
                if (!same_bytes(name.data(), key.data(), key.size())) continue;
            }
            return static_cast<int>((slot - 1) >> 1);
        }
    }

    // memcmp for the short names of fields, inlined as a few overlapping fixed-size loads: the
    // library call was a tenth of the time spent filtering.
    static bool same_bytes(const char* a, const char* b, size_t n) {
        auto load8 = [](const char* p) {
            uint64_t v;
            __builtin_memcpy(&v, p, 8);
            return v;
        };
        auto load4 = [](const char* p) {
            uint32_t v;
            __builtin_memcpy(&v, p, 4);
            return v;
        };
        if (n >= 8) {
            for (size_t i = 0; i + 8 < n; i += 8)
                if (load8(a + i) != load8(b + i)) return false;
            return load8(a + n - 8) == load8(b + n - 8);
        }
        if (n >= 4) return load4(a) == load4(b) && load4(a + n - 4) == load4(b + n - 4);
        if (n >= 2) return a[0] == b[0] && a[n - 1] == b[n - 1] && a[n / 2] == b[n / 2];
        return n == 0 || a[0] == b[0];
    }

    // The first 8 bytes of a string, zero-padded, without reading past its end.
    static constexpr uint64_t head_of(const char* p, size_t n) {
        if (std::is_constant_evaluated()) {
            uint64_t v = 0;
            for (size_t i = 0; i < n && i < 8; ++i) v |= static_cast<uint64_t>(static_cast<uint8_t>(p[i])) << (8 * i);
            return v;
        } else {
            uint64_t v = 0;
            if (n >= 8) {
                __builtin_memcpy(&v, p, 8);
            } else if (n >= 4) {
                uint32_t lo, hi;
                __builtin_memcpy(&lo, p, 4);
                __builtin_memcpy(&hi, p + n - 4, 4);
                v = lo | static_cast<uint64_t>(hi) << (8 * (n - 4));
            } else {
                for (size_t i = 0; i < n; ++i) v |= static_cast<uint64_t>(static_cast<uint8_t>(p[i])) << (8 * i);
            }
            return v;
        }
    }

    static constexpr uint32_t key_hash(std::string_view k, uint32_t seed, unsigned bits) {
        const uint32_t x = static_cast<uint32_t>(k.size()) << 24 ^ static_cast<uint32_t>(static_cast<uint8_t>(k[0])) << 16 ^
                           static_cast<uint32_t>(static_cast<uint8_t>(k[k.size() / 2])) << 8 ^
                           static_cast<uint8_t>(k[k.size() - 1]);
        return (x * seed) >> (32 - bits);
    }
};

// Whether a reader can give the field's whole value: a leaf, or a message the parsed flow holds.
inline bool reads_whole(const field_info& f) {
    return f.member != nullptr && (f.message == nullptr || f.message->form == json_form::well_known || f.message->held);
}

const message_info& flow_message();
const message_info& lost_event_message();  // flow.LostEvent, of a response's lost_events
// Every flow.* message under Flow (each once), for CEL's type names.
std::span<const message_info* const> flow_messages();

struct named_enum {
    std::string_view full_name;  // "flow.Verdict", "flow.Tunnel.Protocol"
    const enum_table* table;
};
std::span<const named_enum> flow_enums();

// The constants the hand-written decoders switch on: each message's fields by position. The table
// checks at compile time that every field of these messages sits at its constant.
template <typename E>
constexpr unsigned idx(E e) {
    return static_cast<unsigned>(e);
}

enum class flow_f : uint8_t {
    time, uuid, emitter, verdict, drop_reason, auth_type, ethernet, IP, l4, tunnel, source, destination,
    Type, node_name, node_labels, source_names, destination_names, l7, reply, event_type, source_service,
    destination_service, traffic_direction, policy_match_type, trace_observation_point, trace_reason, file,
    ip_trace_id, drop_reason_desc, is_reply, debug_capture_point, interface, proxy_port, trace_context,
    sock_xlate_point, socket_cookie, cgroup_id, Summary, extensions, egress_allowed_by, ingress_allowed_by,
    egress_denied_by, ingress_denied_by, policy_log, aggregate,
};
enum class ethernet_f : uint8_t { source, destination };
enum class ip_f : uint8_t { source, source_xlated, destination, ipVersion, encrypted };
enum class layer4_f : uint8_t { TCP, UDP, ICMPv4, ICMPv6, SCTP, VRRP, IGMP };
enum class tcp_f : uint8_t { source_port, destination_port, flags };
enum class ports_f : uint8_t { source_port, destination_port };  // UDP and SCTP
enum class tcp_flags_f : uint8_t { FIN, SYN, RST, PSH, ACK, URG, ECE, CWR, NS };
enum class endpoint_f : uint8_t { ID, identity, cluster_name, namespace_, labels, pod_name, workloads };
enum class workload_f : uint8_t { name, kind };
enum class layer7_f : uint8_t { type, latency_ns, dns, http, kafka };
enum class dns_f : uint8_t { query, ips, ttl, cnames, observation_source, rcode, qtypes, rrtypes };
enum class http_f : uint8_t { code, method, url, protocol, headers };
enum class http_header_f : uint8_t { key, value };
enum class event_type_f : uint8_t { type, sub_type };
enum class service_f : uint8_t { name, namespace_ };
enum class interface_f : uint8_t { index, name };
enum class trace_context_f : uint8_t { parent };
enum class trace_parent_f : uint8_t { trace_id };
enum class ip_trace_id_f : uint8_t { trace_id, ip_option_type };
enum class policy_f : uint8_t { name, namespace_, labels, revision, kind };
enum class lost_event_f : uint8_t { source, num_events_lost, cpu, first, last };

}  // namespace flowgrep
