// The aggregator. A key's value is missing when its field is unset or holds its proto3 default ("",
// 0, false, the enum's 0): exactly when protojson leaves it out of Hubble's JSON, so that a default
// written out and one left out count as one value. Enum values become their names (numbers when
// unknown, as protojson writes them) when the tuple is encoded, so printing needs no tables.
#include "output/aggregator.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <vector>

#include <simdjson.h>

#include "flow/enums.h"
#include "flow/event_types.h"
#include "flow/flow_fields.h"
#include "output/tab_writer.h"
#include "flow/flow_json.h"
#include "output/text_append.h"
#include "text/report.h"

namespace flowgrep {

namespace dom = simdjson::dom;

namespace {

// The type byte before each value of an encoded tuple. The order is the order of the columns' sort
// among values of different types: numbers, then text, then booleans, then a missing value.
enum tag : char { tag_int = 'i', tag_uint = 'u', tag_double = 'd', tag_text = 's', tag_bool = 'b', tag_missing = '~' };

int tag_rank(char t) {
    switch (t) {
    case tag_int:
    case tag_uint:
    case tag_double: return 0;
    case tag_text: return 1;
    case tag_bool: return 2;
    default: return 3;
    }
}

template <typename T>
void put_raw(std::string& out, T v) {
    char bytes[sizeof v];
    std::memcpy(bytes, &v, sizeof v);
    out.append(bytes, sizeof v);
}

void put_missing(std::string& out) { out.push_back(tag_missing); }

void put_text(std::string& out, std::string_view s) {
    if (s.empty()) return put_missing(out);
    out.push_back(tag_text);
    put_raw(out, static_cast<uint32_t>(s.size()));
    out.append(s);
}

// Integers are one type whatever field they come from: int64 when they fit, so that a uint32 read
// from the parsed flow and the same number read from the JSON encode alike.
void put_int(std::string& out, int64_t v) {
    if (v == 0) return put_missing(out);
    out.push_back(tag_int);
    put_raw(out, v);
}

void put_uint(std::string& out, uint64_t v) {
    if (v <= static_cast<uint64_t>(INT64_MAX)) return put_int(out, static_cast<int64_t>(v));
    out.push_back(tag_uint);
    put_raw(out, v);
}

void put_double(std::string& out, double v) {
    if (v == 0) return put_missing(out);
    out.push_back(tag_double);
    put_raw(out, v);
}

void put_bool(std::string& out, bool v) {
    if (!v) return put_missing(out);
    out.push_back(tag_bool);
    out.push_back(1);
}

// An enum by name, or its number when the table has none (0 is the default, so missing).
void put_enum(std::string& out, enum_table table, int32_t number) {
    if (number == 0) return put_missing(out);
    std::string_view name = enum_name(table, number);
    if (name.empty())
        put_int(out, number);
    else
        put_text(out, name);
}

// The event type as `flowgrep event-types` names it, built in a small buffer of its own.
void put_event_type(std::string& out, const flow& f) {
    if (!f.has_event_type) return put_missing(out);
    char buf[96];
    size_t n = 0;
    auto append = [&](std::string_view s) {
        s = s.substr(0, sizeof buf - n);
        std::memcpy(buf + n, s.data(), s.size());
        n += s.size();
    };
    auto append_number = [&](int32_t v) { n = static_cast<size_t>(std::to_chars(buf + n, buf + sizeof buf, v).ptr - buf); };
    const std::string_view name = enum_name(event_type_names, f.event_type);
    if (name.empty())
        append_number(f.event_type);
    else
        append(name);
    const std::string_view sub_name = enum_name(sub_type_names_for(f.event_type), f.event_sub_type);
    if (!sub_name.empty() && !name.empty()) {
        append(":");
        append(sub_name);
    } else if (f.event_sub_type != 0 || (f.event_type == monitor_event::drop && !name.empty())) {
        append(":");
        append_number(f.event_sub_type);
    }
    put_text(out, std::string_view(buf, n));
}

void put_protocol(std::string& out, const flow& f) {
    switch (f.l7_record) {
    case l7_kind::http: return put_text(out, "http");
    case l7_kind::dns: return put_text(out, "dns");
    case l7_kind::kafka: return put_text(out, "kafka");
    case l7_kind::none: break;
    }
    switch (f.l4) {
    case l4_kind::tcp: return put_text(out, "tcp");
    case l4_kind::udp: return put_text(out, "udp");
    case l4_kind::sctp: return put_text(out, "sctp");
    case l4_kind::icmpv4: return put_text(out, "icmpv4");
    case l4_kind::icmpv6: return put_text(out, "icmpv6");
    case l4_kind::vrrp: return put_text(out, "vrrp");
    case l4_kind::igmp: return put_text(out, "igmp");
    case l4_kind::none: break;
    }
    put_missing(out);
}

void put_workload(std::string& out, const endpoint& e) {
    if (!e.workloads.empty() && !e.workloads.front().name.empty()) return put_text(out, e.workloads.front().name);
    put_text(out, workload_of_pod(e.pod_name));
}

// Walks `path` through the parsed flow's readers: false when a message on the way is not set.
bool read_path(const field_path& path, const flow& f, member_value& out) {
    const void* owner = &f;
    for (const field_info* step : path) {
        out = step->member(owner);
        if (!out.present) return false;
        owner = out.p;
    }
    return true;
}

void put_member(std::string& out, const field_info& leaf, const member_value& v) {
    switch (leaf.type) {
    case field_type::string_: return put_text(out, v.s);
    case field_type::bool_: return put_bool(out, v.u != 0);
    case field_type::int32:
    case field_type::int64: return put_int(out, v.i);
    case field_type::uint32:
    case field_type::uint64: return put_uint(out, v.u);
    case field_type::enum_: return put_enum(out, *leaf.enums, static_cast<int32_t>(v.i));
    case field_type::bool_wrapper:
        // A BoolValue: false is a value here, only an absent one is missing.
        out.push_back(tag_bool);
        out.push_back(v.u != 0 ? 1 : 0);
        return;
    default: return put_missing(out);
    }
}

void put_from_flow(std::string& out, const aggregate_key& key, const flow& f) {
    member_value v;
    switch (key.format) {
    case key_format::value:
        for (const auto& path : key.paths)
            if (read_path(path, f, v)) return put_member(out, *path.back(), v);
        return put_missing(out);
    case key_format::workload:
        if (!read_path(key.paths.front(), f, v)) return put_missing(out);
        return put_workload(out, *static_cast<const endpoint*>(v.p));
    case key_format::protocol: return put_protocol(out, f);
    case key_format::event_type: return put_event_type(out, f);
    case key_format::policy: break;  // read from the JSON
    }
    put_missing(out);
}

void put_from_json(std::string& out, const field_path& path, const dom::element* flow_json) {
    dom::element e = *flow_json;
    for (const field_info* step : path)
        if (!json_member(e, step->proto, step->json, e)) return put_missing(out);
    switch (e.type()) {
    case dom::element_type::STRING: {
        // protojson writes 64-bit integers as strings; the parsed flow holds the number.
        const std::string_view text = e.get_string().value_unsafe();
        if (path.back()->type == field_type::int64 || path.back()->type == field_type::uint64) {
            uint64_t u = 0;
            int64_t i = 0;
            const char* end = text.data() + text.size();
            if (path.back()->type == field_type::uint64 && std::from_chars(text.data(), end, u).ptr == end)
                return put_uint(out, u);
            if (path.back()->type == field_type::int64 && std::from_chars(text.data(), end, i).ptr == end)
                return put_int(out, i);
        }
        return put_text(out, text);
    }
    case dom::element_type::INT64: return put_int(out, e.get_int64().value_unsafe());
    case dom::element_type::UINT64: return put_uint(out, e.get_uint64().value_unsafe());
    case dom::element_type::DOUBLE: return put_double(out, e.get_double().value_unsafe());
    case dom::element_type::BOOL:
        // A BoolValue (is_reply) keeps false; a plain bool's false is its default.
        if (path.back()->type == field_type::bool_wrapper) {
            out.push_back(tag_bool);
            out.push_back(e.get_bool().value_unsafe() ? 1 : 0);
            return;
        }
        return put_bool(out, e.get_bool().value_unsafe());
    default: return put_missing(out);  // null (or an object or list, which the parser refuses)
    }
}

// The first path present in the JSON gives the value.
void put_from_json(std::string& out, const aggregate_key& key, const dom::element* flow_json) {
    if (flow_json == nullptr) return put_missing(out);
    for (const auto& path : key.paths) {
        dom::element e = *flow_json;
        bool found = true;
        for (const field_info* step : path) found = found && json_member(e, step->proto, step->json, e);
        if (found && !e.is_null()) return put_from_json(out, path, flow_json);
    }
    put_missing(out);
}

// NAMESPACE/NAME of the first policy in the first non-empty list of the key's paths, written
// straight into the tuple (no scratch string per flow).
void put_policy(std::string& out, const aggregate_key& key, const dom::element* flow_json) {
    if (flow_json == nullptr) return put_missing(out);
    dom::element list, policy, field;
    dom::array a;
    bool found = false;
    const message_info* policy_message = nullptr;
    for (const auto& path : key.paths) {
        const field_info& f = *path.front();
        if (json_member(*flow_json, f.proto, f.json, list) && list.get_array().get(a) == simdjson::SUCCESS && a.size() > 0 &&
            a.at(0).get(policy) == simdjson::SUCCESS) {
            found = true;
            policy_message = f.message;
            break;
        }
    }
    if (!found) return put_missing(out);
    const field_info& ns_field = policy_message->fields[idx(policy_f::namespace_)];
    const field_info& name_field = policy_message->fields[idx(policy_f::name)];
    std::string_view ns, name;
    if (json_member(policy, ns_field.proto, ns_field.json, field) && field.get_string().get(ns) != simdjson::SUCCESS) ns = {};
    if (json_member(policy, name_field.proto, name_field.json, field) && field.get_string().get(name) != simdjson::SUCCESS)
        name = {};
    if (ns.empty() && name.empty()) return put_missing(out);
    out.push_back(tag_text);
    const uint32_t size = static_cast<uint32_t>(ns.size() + (ns.empty() ? 0 : 1) + name.size());
    put_raw(out, size);
    out.append(ns);
    if (!ns.empty()) out.push_back('/');
    out.append(name);
}

// One decoded value of a row, pointing into the row's encoded tuple.
struct cell {
    char tag = tag_missing;
    std::string_view text;
    int64_t i = 0;
    uint64_t u = 0;
    double d = 0;
    bool b = false;
};

template <typename T>
T get_raw(const char*& p) {
    T v;
    std::memcpy(&v, p, sizeof v);
    p += sizeof v;
    return v;
}

void decode(std::string_view tuple, std::vector<cell>& out) {
    const char* p = tuple.data();
    const char* end = p + tuple.size();
    while (p < end) {
        cell c;
        c.tag = *p++;
        switch (c.tag) {
        case tag_text: {
            uint32_t n = get_raw<uint32_t>(p);
            c.text = std::string_view(p, n);
            p += n;
            break;
        }
        case tag_int: c.i = get_raw<int64_t>(p); break;
        case tag_uint: c.u = get_raw<uint64_t>(p); break;
        case tag_double: c.d = get_raw<double>(p); break;
        case tag_bool: c.b = *p++ != 0; break;
        default: break;
        }
        out.push_back(c);
    }
}

// Numbers of the three kinds compare by value.
int compare_numbers(const cell& a, const cell& b) {
    auto as_double = [](const cell& c) {
        return c.tag == tag_int ? static_cast<double>(c.i) : c.tag == tag_uint ? static_cast<double>(c.u) : c.d;
    };
    if (a.tag == tag_int && b.tag == tag_int) return a.i < b.i ? -1 : a.i > b.i;
    if (a.tag == tag_uint && b.tag == tag_uint) return a.u < b.u ? -1 : a.u > b.u;
    double x = as_double(a), y = as_double(b);
    return x < y ? -1 : x > y;
}

int compare(const cell& a, const cell& b) {
    if (int r = tag_rank(a.tag) - tag_rank(b.tag); r != 0) return r;
    switch (tag_rank(a.tag)) {
    case 0: return compare_numbers(a, b);
    case 1: return a.text.compare(b.text);
    case 2: return static_cast<int>(a.b) - static_cast<int>(b.b);
    default: return 0;
    }
}

void append_number(std::string& out, const cell& c) {
    switch (c.tag) {
    case tag_int: append_int(out, c.i); break;
    case tag_uint: append_uint(out, c.u); break;
    default: {
        char digits[32];
        auto end = std::to_chars(digits, digits + sizeof digits, c.d).ptr;
        out.append(digits, static_cast<size_t>(end - digits));
    }
    }
}

// A cell of the table: tabs and line breaks inside a value would break the columns.
void append_table_value(std::string& out, const cell& c) {
    switch (c.tag) {
    case tag_text:
        for (char ch : c.text) out.push_back(ch == '\t' || ch == '\n' || ch == '\v' || ch == '\f' || ch == '\r' ? ' ' : ch);
        break;
    case tag_bool: out.append(c.b ? "true" : "false"); break;
    case tag_missing: out.push_back('-'); break;
    default: append_number(out, c); break;
    }
}

void append_json_value(std::string& out, const cell& c) {
    switch (c.tag) {
    case tag_text: append_json_string(out, c.text); break;
    case tag_bool: out.append(c.b ? "true" : "false"); break;
    case tag_missing: out.append("null"); break;
    default: append_number(out, c); break;
    }
}

}  // namespace

aggregator::aggregator(const aggregate_spec& spec) : spec_(spec) {
    for (const auto& key : spec_.keys) any_json_ = any_json_ || key.from_json;
    if (any_json_) json_ = std::make_unique<flowgrep::flow_json>();
}

aggregator::~aggregator() = default;
aggregator::aggregator(aggregator&&) noexcept = default;
aggregator& aggregator::operator=(aggregator&&) noexcept = default;

field_set aggregator::needs() const {
    field_set needs = 0;
    for (const auto& key : spec_.keys) needs |= aggregate_key_needs(key);
    return needs;
}

void aggregator::add(const response& r, std::string_view line) {
    if (r.kind == response_kind::lost_events) lost_ += r.lost_events.num_events_lost;
    if (r.kind != response_kind::flow) return;
    ++flows_;
    tuple_.clear();
    // Parsed once per flow, and only when a key needs it: the line already has its padding.
    const dom::element* flow_json = any_json_ ? json_->parse(line, true) : nullptr;
    for (const auto& key : spec_.keys) {
        if (key.format == key_format::policy)
            put_policy(tuple_, key, flow_json);
        else if (key.from_json)
            put_from_json(tuple_, key, flow_json);
        else
            put_from_flow(tuple_, key, r.flow);
    }
    if (auto it = counts_.find(std::string_view(tuple_)); it != counts_.end())
        ++it->second;
    else
        counts_.emplace(tuple_, 1);
}

void aggregator::merge(aggregator& other) {
    // Tuples new to this one move over whole; the rest stay in `other` and are added up.
    counts_.merge(other.counts_);
    for (const auto& [tuple, n] : other.counts_) counts_.find(tuple)->second += n;
    other.counts_.clear();
    flows_ += other.flows_;
    lost_ += other.lost_;
    other.flows_ = other.lost_ = 0;
}

void aggregator::print(output_sink& out, output_sink& err) const {
    struct row {
        uint64_t count;
        size_t first_cell;
    };
    const size_t width = spec_.keys.size();
    std::vector<cell> cells;
    cells.reserve(counts_.size() * width);
    std::vector<row> rows;
    rows.reserve(counts_.size());
    for (const auto& [tuple, n] : counts_) {
        rows.push_back({n, cells.size()});
        decode(tuple, cells);
    }
    auto before = [&](const row& a, const row& b) {
        if (a.count != b.count) return a.count > b.count;
        for (size_t i = 0; i < width; ++i)
            if (int r = compare(cells[a.first_cell + i], cells[b.first_cell + i]); r != 0) return r < 0;
        return false;
    };
    size_t shown = rows.size();
    if (spec_.top > 0 && spec_.top < rows.size()) {
        shown = static_cast<size_t>(spec_.top);
        std::partial_sort(rows.begin(), rows.begin() + static_cast<ptrdiff_t>(shown), rows.end(), before);
    } else {
        std::sort(rows.begin(), rows.end(), before);
    }

    if (spec_.format == aggregate_format::json) {
        for (size_t r = 0; r < shown; ++r) {
            std::string& b = out.buffer();
            b.append("{\"count\":");
            append_uint(b, rows[r].count);
            for (size_t i = 0; i < width; ++i) {
                b.push_back(',');
                append_json_string(b, spec_.keys[i].name);
                b.push_back(':');
                append_json_value(b, cells[rows[r].first_cell + i]);
            }
            b.append("}\n");
            out.end_record();
        }
    } else if (shown > 0) {
        // COUNT first, right-aligned as `uniq -c` does, so the eye runs down the numbers; the largest
        // count is the first row's.
        tab_writer table;
        std::string& b = table.text();
        std::string first;
        append_uint(first, rows.front().count);
        const size_t count_width = std::max<size_t>(first.size(), 5);
        b.append(count_width - 5, ' ');
        b.append("COUNT");
        for (const auto& key : spec_.keys) {
            b.push_back('\t');
            b.append(key.name);
        }
        b.push_back('\n');
        std::string number;
        for (size_t r = 0; r < shown; ++r) {
            number.clear();
            append_uint(number, rows[r].count);
            b.append(count_width - number.size(), ' ');
            b.append(number);
            for (size_t i = 0; i < width; ++i) {
                b.push_back('\t');
                append_table_value(b, cells[rows[r].first_cell + i]);
            }
            b.push_back('\n');
        }
        table.flush(out);
    }
    if (lost_ > 0) {
        out.flush();
        std::string what = "the input reports ";
        append_uint(what, lost_);
        what.append(lost_ == 1 ? " lost event" : " lost events");
        what.append(", which the counts leave out");
        append_warning_line(err.buffer(), "", what);
        err.end_record();
    }
}

}  // namespace flowgrep
