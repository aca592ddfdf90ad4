// response_parser: one pass over a GetFlowsResponse line with simdjson On-Demand. Each object is
// walked field by field; parts of the flow nobody asked for are skipped without being decoded.
// Keys may use proto names or lowerCamelCase JSON names, as protojson accepts both; enum values may
// be names or numbers, and integers may be quoted.
#include "flow/parse.h"

#include <charconv>
#include <cstring>

#include <fmt/format.h>

#include "flow/calendar.h"
#include "flow/enums.h"

namespace flowgrep {

namespace od = simdjson::ondemand;
using simdjson::error_code;

namespace {

// The key of a field, as the bytes between its quotes. Proto field names never need escapes, so a
// key with one simply matches nothing and is skipped like any unknown field.
std::string_view key_of(od::field& f) {
    const char* start = f.key().raw();
    const char* end = start;
    while (*end != '"') ++end;  // the structural scan already found the closing quote
    return {start, static_cast<size_t>(end - start)};
}

// True when `key` is the proto name or the JSON (lowerCamelCase) name of a field.
bool is(std::string_view key, std::string_view proto_name, std::string_view json_name = {}) {
    return key == proto_name || (!json_name.empty() && key == json_name);
}

struct decode_error {
    std::string_view what;
};

void check(error_code e) {
    if (e) throw simdjson::simdjson_error(e);
}

bool is_null(od::value& v) {
    bool null = false;
    check(v.is_null().get(null));
    return null;
}

std::string_view get_string(od::value& v) {
    std::string_view s;
    check(v.get_string().get(s));
    return s;
}

// protojson integers: a JSON number or a quoted decimal string, null meaning absent (zero).
template <typename T>
T get_integer(od::value& v, std::string_view field) {
    od::json_type t{};
    check(v.type().get(t));
    int64_t n = 0;
    if (t == od::json_type::number) {
        if (v.is_integer().value_unsafe()) {
            if (std::is_unsigned_v<T> && sizeof(T) == 8) {
                uint64_t u = 0;
                if (v.get_uint64().get(u)) throw decode_error{field};
                return static_cast<T>(u);
            }
            if (v.get_int64().get(n)) throw decode_error{field};
        } else {
            double d = 0;
            check(v.get_double().get(d));
            if (d != static_cast<double>(static_cast<int64_t>(d))) throw decode_error{field};
            n = static_cast<int64_t>(d);
        }
    } else if (t == od::json_type::string) {
        std::string_view s = get_string(v);
        if (std::is_unsigned_v<T> && sizeof(T) == 8) {
            uint64_t u = 0;
            auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), u);
            if (ec != std::errc{} || p != s.data() + s.size()) throw decode_error{field};
            return static_cast<T>(u);
        }
        auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
        if (ec != std::errc{} || p != s.data() + s.size()) throw decode_error{field};
    } else if (t == od::json_type::null) {
        return 0;
    } else {
        throw decode_error{field};
    }
    if (n < static_cast<int64_t>(std::numeric_limits<T>::min()) ||
        (n > 0 && static_cast<uint64_t>(n) > static_cast<uint64_t>(std::numeric_limits<T>::max())))
        throw decode_error{field};
    return static_cast<T>(n);
}

// protojson enums: a name or a number. An unknown name reads as 0, as Hubble's tolerant decoding does
// for enum names from a newer Cilium.
int32_t get_enum(od::value& v, enum_table table, std::string_view field) {
    od::json_type t{};
    check(v.type().get(t));
    if (t == od::json_type::string) {
        auto n = enum_number(table, get_string(v));
        return n ? *n : 0;
    }
    return get_integer<int32_t>(v, field);
}

bool get_bool(od::value& v, std::string_view field) {
    od::json_type t{};
    check(v.type().get(t));
    if (t == od::json_type::null) return false;
    bool b = false;
    if (v.get_bool().get(b)) throw decode_error{field};
    return b;
}

od::object get_object(od::value& v, std::string_view field) {
    od::object o;
    if (v.get_object().get(o)) throw decode_error{field};
    return o;
}

template <typename Fn>
void for_each_element(od::value& v, std::string_view field, Fn&& fn) {
    if (is_null(v)) return;
    od::array a;
    if (v.get_array().get(a)) throw decode_error{field};
    for (auto element : a) {
        od::value e;
        check(element.get(e));
        fn(e);
    }
}

void get_string_list(od::value& v, std::vector<std::string_view>& out, std::string_view field) {
    for_each_element(v, field, [&](od::value& e) { out.push_back(get_string(e)); });
}

template <typename Fn>
void for_each_field(od::value& v, std::string_view field, Fn&& fn) {
    if (is_null(v)) return;
    od::object o = get_object(v, field);
    for (auto f : o) {
        od::field fl;
        check(std::move(f).get(fl));
        fn(key_of(fl), fl.value());
    }
}

void get_timestamp(od::value& v, timestamp& out, std::string_view field) {
    if (is_null(v)) return;
    if (!parse_rfc3339(get_string(v), out)) throw decode_error{field};
}

void decode_endpoint(od::value& v, endpoint& ep, std::string_view field) {
    if (is_null(v)) return;
    ep.present = true;
    for_each_field(v, field, [&](std::string_view k, od::value& x) {
        if (is(k, "ID")) ep.id = get_integer<uint32_t>(x, "ID");
        else if (is(k, "identity")) ep.identity = get_integer<uint32_t>(x, "identity");
        else if (is(k, "namespace")) ep.namespace_ = get_string(x);
        else if (is(k, "labels")) get_string_list(x, ep.labels, "labels");
        else if (is(k, "pod_name", "podName")) ep.pod_name = get_string(x);
        else if (is(k, "cluster_name", "clusterName")) ep.cluster_name = get_string(x);
        else if (is(k, "workloads")) {
            for_each_element(x, "workloads", [&](od::value& w) {
                workload& wl = ep.workloads.emplace_back();
                for_each_field(w, "workloads", [&](std::string_view wk, od::value& wv) {
                    if (is(wk, "name")) wl.name = get_string(wv);
                    else if (is(wk, "kind")) wl.kind = get_string(wv);
                });
            });
        }
    });
}

void decode_service(od::value& v, service& s, std::string_view field) {
    if (is_null(v)) return;
    s.present = true;
    for_each_field(v, field, [&](std::string_view k, od::value& x) {
        if (is(k, "name")) s.name = get_string(x);
        else if (is(k, "namespace")) s.namespace_ = get_string(x);
    });
}

uint16_t decode_tcp_flags(od::value& v) {
    static constexpr std::string_view names[] = {"FIN", "SYN", "RST", "PSH", "ACK",
                                                 "URG", "ECE", "CWR", "NS"};
    uint16_t flags = 0;
    for_each_field(v, "flags", [&](std::string_view k, od::value& x) {
        for (size_t i = 0; i < std::size(names); ++i)
            if (k == names[i]) {
                if (get_bool(x, k)) flags |= static_cast<uint16_t>(1u << i);
                break;
            }
    });
    return flags;
}

void decode_l4(od::value& v, flow& f) {
    for_each_field(v, "l4", [&](std::string_view k, od::value& x) {
        l4_kind kind;
        if (k == "TCP") kind = l4_kind::tcp;
        else if (k == "UDP") kind = l4_kind::udp;
        else if (k == "SCTP") kind = l4_kind::sctp;
        else if (k == "ICMPv4") kind = l4_kind::icmpv4;
        else if (k == "ICMPv6") kind = l4_kind::icmpv6;
        else return;
        if (is_null(x)) return;
        if (f.l4 != l4_kind::none) throw decode_error{"l4 (more than one protocol)"};
        f.l4 = kind;
        for_each_field(x, k, [&](std::string_view pk, od::value& px) {
            if (kind == l4_kind::icmpv4 || kind == l4_kind::icmpv6) return;
            if (is(pk, "source_port", "sourcePort")) f.source_port = get_integer<uint32_t>(px, pk);
            else if (is(pk, "destination_port", "destinationPort"))
                f.destination_port = get_integer<uint32_t>(px, pk);
            else if (kind == l4_kind::tcp && pk == "flags" && !is_null(px)) {
                f.has_tcp_flags = true;
                f.tcp_flags = decode_tcp_flags(px);
            }
        });
    });
}

void decode_l7(od::value& v, flow& f) {
    if (is_null(v)) return;
    f.has_l7 = true;
    for_each_field(v, "l7", [&](std::string_view k, od::value& x) {
        if (is(k, "type")) {
            f.l7_type = get_enum(x, l7_flow_type_enum, "l7.type");
        } else if (is(k, "dns")) {
            if (is_null(x)) return;
            f.l7_record = l7_kind::dns;
            f.has_dns = true;
            for_each_field(x, "dns", [&](std::string_view dk, od::value& dx) {
                if (is(dk, "query")) f.dns_query = get_string(dx);
                else if (is(dk, "observation_source", "observationSource"))
                    f.dns_observation_source = get_string(dx);
            });
        } else if (is(k, "http")) {
            if (is_null(x)) return;
            f.l7_record = l7_kind::http;
            for_each_field(x, "http", [&](std::string_view hk, od::value& hx) {
                if (is(hk, "code")) f.http_code = get_integer<uint32_t>(hx, "http.code");
                else if (is(hk, "method")) f.http_method = get_string(hx);
                else if (is(hk, "url")) f.http_url = get_string(hx);
                else if (is(hk, "headers")) {
                    for_each_element(hx, "http.headers", [&](od::value& h) {
                        http_header& hh = f.http_headers.emplace_back();
                        for_each_field(h, "http.headers", [&](std::string_view kk, od::value& kv) {
                            if (is(kk, "key")) hh.key = get_string(kv);
                            else if (is(kk, "value")) hh.value = get_string(kv);
                        });
                    });
                }
            });
        } else if (is(k, "kafka")) {
            if (is_null(x)) return;
            f.l7_record = l7_kind::kafka;
        }
    });
}

void decode_flow(od::value& v, flow& f, field_set want) {
    for_each_field(v, "flow", [&](std::string_view k, od::value& x) {
        switch (k.empty() ? '\0' : k[0]) {
        case 't':
            if (is(k, "time")) {
                if (want & field_time) get_timestamp(x, f.time, "flow.time");
            } else if (is(k, "traffic_direction", "trafficDirection")) {
                if (want & field_traffic_direction)
                    f.traffic_direction = get_enum(x, traffic_direction_enum, k);
            } else if (is(k, "trace_context", "traceContext")) {
                if (!(want & field_trace_id)) return;
                for_each_field(x, k, [&](std::string_view pk, od::value& px) {
                    if (pk != "parent") return;
                    for_each_field(px, "parent", [&](std::string_view tk, od::value& tx) {
                        if (is(tk, "trace_id", "traceId")) f.trace_id = get_string(tx);
                    });
                });
            }
            return;
        case 'u':
            if (is(k, "uuid") && (want & field_uuid)) f.uuid = get_string(x);
            return;
        case 'v':
            if (is(k, "verdict") && (want & field_verdict)) f.verdict = get_enum(x, verdict_enum, k);
            return;
        case 'd':
            if (is(k, "drop_reason_desc", "dropReasonDesc")) {
                if (want & field_drop_reason_desc)
                    f.drop_reason_desc = get_enum(x, drop_reason_enum, k);
            } else if (is(k, "destination")) {
                if (want & field_destination) decode_endpoint(x, f.destination, k);
            } else if (is(k, "destination_names", "destinationNames")) {
                if (want & field_names) get_string_list(x, f.destination_names, k);
            } else if (is(k, "destination_service", "destinationService")) {
                if (want & field_services) decode_service(x, f.destination_service, k);
            } else if (is(k, "debug_capture_point", "debugCapturePoint")) {
                if (want & field_debug_capture_point)
                    f.debug_capture_point = get_enum(x, debug_capture_point_enum, k);
            }
            return;
        case 'a':
            if (is(k, "auth_type", "authType") && (want & field_auth_type))
                f.auth_type = get_enum(x, auth_type_enum, k);
            return;
        case 'e':
            if (is(k, "event_type", "eventType")) {
                if (!(want & field_event_type) || is_null(x)) return;
                f.has_event_type = true;
                for_each_field(x, k, [&](std::string_view ek, od::value& ex) {
                    if (is(ek, "type")) f.event_type = get_integer<int32_t>(ex, "event_type.type");
                    else if (is(ek, "sub_type", "subType"))
                        f.event_sub_type = get_integer<int32_t>(ex, "event_type.sub_type");
                });
            } else if (is(k, "ethernet")) {
                if (!(want & field_ethernet) || is_null(x)) return;
                f.has_ethernet = true;
                for_each_field(x, k, [&](std::string_view ek, od::value& ex) {
                    if (is(ek, "source")) f.ethernet_source = get_string(ex);
                    else if (is(ek, "destination")) f.ethernet_destination = get_string(ex);
                });
            }
            return;
        case 'I':
            if (is(k, "IP")) {
                if (!(want & field_ip) || is_null(x)) return;
                f.has_ip = true;
                for_each_field(x, k, [&](std::string_view ik, od::value& ix) {
                    if (is(ik, "source")) f.ip_source = get_string(ix);
                    else if (is(ik, "destination")) f.ip_destination = get_string(ix);
                    else if (is(ik, "source_xlated", "sourceXlated")) f.ip_source_xlated = get_string(ix);
                    else if (is(ik, "ipVersion", "ip_version"))
                        f.ip_version = get_enum(ix, ip_version_enum, ik);
                });
            }
            return;
        case 'l':
            if (is(k, "l4")) {
                if (want & field_l4) decode_l4(x, f);
            } else if (is(k, "l7")) {
                if (want & field_l7) decode_l7(x, f);
            }
            return;
        case 's':
            if (is(k, "source")) {
                if (want & field_source) decode_endpoint(x, f.source, k);
            } else if (is(k, "source_names", "sourceNames")) {
                if (want & field_names) get_string_list(x, f.source_names, k);
            } else if (is(k, "source_service", "sourceService")) {
                if (want & field_services) decode_service(x, f.source_service, k);
            } else if (is(k, "sock_xlate_point", "sockXlatePoint")) {
                if (want & field_sock_xlate_point)
                    f.sock_xlate_point = get_enum(x, sock_xlate_point_enum, k);
            }
            return;
        case 'n':
            if (is(k, "node_name", "nodeName")) {
                if (want & field_node_name) f.node_name = get_string(x);
            } else if (is(k, "node_labels", "nodeLabels")) {
                if (want & field_node_labels) get_string_list(x, f.node_labels, k);
            }
            return;
        case 'i':
            if (is(k, "is_reply", "isReply")) {
                if (!(want & field_is_reply) || is_null(x)) return;
                f.is_reply = get_bool(x, k) ? flow::reply::yes : flow::reply::no;
            } else if (is(k, "interface")) {
                if (!(want & field_interface) || is_null(x)) return;
                f.has_interface = true;
                for_each_field(x, k, [&](std::string_view ik, od::value& ix) {
                    if (is(ik, "index")) f.interface_index = get_integer<uint32_t>(ix, "interface.index");
                    else if (is(ik, "name")) f.interface_name = get_string(ix);
                });
            }
            return;
        case 'p':
            if (is(k, "policy_match_type", "policyMatchType") && (want & field_policy_match_type))
                f.policy_match_type = get_integer<uint32_t>(x, k);
            return;
        case 'S':
            if (is(k, "Summary") && (want & field_summary) && !is_null(x)) {
                f.has_summary = true;
                f.summary = get_string(x);
            }
            return;
        default:
            return;
        }
    });
}

void decode_node_status(od::value& v, node_status& ns) {
    for_each_field(v, "node_status", [&](std::string_view k, od::value& x) {
        if (is(k, "state_change", "stateChange")) ns.state_change = get_enum(x, node_state_enum, k);
        else if (is(k, "node_names", "nodeNames")) get_string_list(x, ns.node_names, k);
        else if (is(k, "message")) ns.message = get_string(x);
    });
}

void decode_lost_events(od::value& v, lost_events& le) {
    for_each_field(v, "lost_events", [&](std::string_view k, od::value& x) {
        if (is(k, "source")) le.source = get_enum(x, lost_event_source_enum, k);
        else if (is(k, "num_events_lost", "numEventsLost"))
            le.num_events_lost = get_integer<uint64_t>(x, k);
        else if (is(k, "cpu") && !is_null(x)) {
            le.has_cpu = true;
            le.cpu = get_integer<int32_t>(x, k);
        }
    });
}

}  // namespace

bool response_parser::parse(std::string_view line, response& out) {
    out.clear();
    out.line = line;
    error_.clear();
    try {
        od::document doc;
        check(parser_.iterate(line.data(), line.size(), line.size() + simdjson::SIMDJSON_PADDING).get(doc));
        od::object top;
        if (error_code e = doc.get_object().get(top)) {
            size_t first = line.find_first_not_of(" \t\r\n");
            if (first != std::string_view::npos && line[first] != '{')
                error_ = "not a JSON object";
            else
                error_ = fmt::format("invalid JSON: {}", simdjson::error_message(e));
            return false;
        }
        // One object per line: whatever follows it must be white space. Skipping over the object
        // walks only its structural index, then the walk starts again from the top.
        std::string_view whole;
        check(top.raw_json().get(whole));
        std::string_view rest = line.substr(static_cast<size_t>(whole.data() + whole.size() - line.data()));
        if (rest.find_first_not_of(" \t\r\n") != std::string_view::npos) {
            error_ = "more than one JSON value on the line";
            return false;
        }
        doc.rewind();
        check(doc.get_object().get(top));
        bool seen_payload = false;
        for (auto field : top) {
            od::field f;
            check(std::move(field).get(f));
            std::string_view k = key_of(f);
            od::value v = f.value();
            response_kind kind = response_kind::empty;
            if (is(k, "flow")) kind = response_kind::flow;
            else if (is(k, "node_status", "nodeStatus")) kind = response_kind::node_status;
            else if (is(k, "lost_events", "lostEvents")) kind = response_kind::lost_events;

            if (kind != response_kind::empty) {
                if (is_null(v)) continue;
                if (seen_payload) {
                    error_ = "more than one of flow, node_status and lost_events";
                    return false;
                }
                seen_payload = true;
                out.kind = kind;
                if (kind == response_kind::flow) {
                    if (wanted_ & ~(field_response_time)) decode_flow(v, out.flow, wanted_);
                    else get_object(v, "flow");  // still a flow only if it is an object
                } else if (kind == response_kind::node_status) {
                    decode_node_status(v, out.node_status);
                } else {
                    decode_lost_events(v, out.lost_events);
                }
            } else if (is(k, "node_name", "nodeName")) {
                out.node_name = get_string(v);
            } else if (is(k, "time")) {
                get_timestamp(v, out.time, "time");
            }
        }
    } catch (const decode_error& e) {
        error_ = "invalid value for ";
        error_ += e.what;
        return false;
    } catch (const simdjson::simdjson_error& e) {
        error_ = "invalid JSON: ";
        error_ += simdjson::error_message(e.error());
        return false;
    }
    return true;
}

namespace {

bool digits(std::string_view s, size_t pos, size_t n, int& out) {
    if (pos + n > s.size()) return false;
    int v = 0;
    for (size_t i = 0; i < n; ++i) {
        char c = s[pos + i];
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

}  // namespace

bool parse_rfc3339(std::string_view s, timestamp& out) {
    int year, month, day, hour, minute, second;
    if (!digits(s, 0, 4, year) || s.size() < 20 || s[4] != '-' || !digits(s, 5, 2, month) ||
        s[7] != '-' || !digits(s, 8, 2, day) || s[10] != 'T' || !digits(s, 11, 2, hour) ||
        s[13] != ':' || !digits(s, 14, 2, minute) || s[16] != ':' || !digits(s, 17, 2, second))
        return false;
    if (year < 1 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59)
        return false;
    if (day > calendar::days_in_month(year, month)) return false;

    size_t pos = 19;
    int32_t nanos = 0;
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        size_t start = pos;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
            if (pos - start >= 9) return false;
            nanos = nanos * 10 + (s[pos] - '0');
            ++pos;
        }
        if (pos == start) return false;
        for (size_t i = pos - start; i < 9; ++i) nanos *= 10;
    }
    int64_t offset = 0;
    if (pos < s.size() && s[pos] == 'Z') {
        ++pos;
    } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
        int oh, om;
        if (!digits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
            !digits(s, pos + 4, 2, om) || oh > 23 || om > 59)
            return false;
        offset = (oh * 60 + om) * 60 * (s[pos] == '-' ? -1 : 1);
        pos += 6;
    } else {
        return false;
    }
    if (pos != s.size()) return false;

    out.present = true;
    out.seconds = calendar::days_from_civil(year, month, day) * 86400 +
                  hour * 3600 + minute * 60 + second - offset;
    out.nanos = nanos;
    return true;
}

void flow::clear() {
    time = {};
    uuid = {};
    verdict = drop_reason_desc = auth_type = 0;
    has_ethernet = false;
    ethernet_source = ethernet_destination = {};
    has_ip = false;
    ip_source = ip_destination = ip_source_xlated = {};
    ip_version = 0;
    l4 = l4_kind::none;
    source_port = destination_port = 0;
    has_tcp_flags = false;
    tcp_flags = 0;
    source.clear();
    destination.clear();
    node_name = {};
    node_labels.clear();
    source_names.clear();
    destination_names.clear();
    has_l7 = false;
    l7_type = 0;
    l7_record = l7_kind::none;
    has_dns = false;
    dns_query = dns_observation_source = {};
    http_code = 0;
    http_method = http_url = {};
    http_headers.clear();
    is_reply = reply::unknown;
    has_event_type = false;
    event_type = event_sub_type = 0;
    source_service = {};
    destination_service = {};
    traffic_direction = 0;
    policy_match_type = 0;
    debug_capture_point = sock_xlate_point = 0;
    has_interface = false;
    interface_index = 0;
    interface_name = {};
    trace_id = {};
    has_summary = false;
    summary = {};
}

}  // namespace flowgrep
