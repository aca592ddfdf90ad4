// Deriving the prefilter's needles from FlowFilters, and searching a line for them. A needle is
// taken only where the parser (flow/parse.cpp) leaves one spelling: keys are compared as written
// (proto or JSON name, so both are probed), string values are the bytes between their quotes when
// the value holds no quote or backslash and the line no escape but \", and enums and integers may
// be names, numbers or quoted numbers, which the member probes read the way the parser does,
// passing whatever they cannot rule out.
#include "filter/prefilter.h"

#include <algorithm>
#include <optional>
#include <type_traits>

#include "filter/cel/cel_program.h"
#include "filter/label_selector.h"
#include "filter/namespaced_name.h"
#include "flow/enums.h"
#include "flow/flow_fields.h"
#include "go/strconv.h"
#include "text/find_bytes.h"

namespace flowgrep {

namespace {

using member_probe = line_prefilter::member_probe;
using requirement = line_prefilter::requirement;

// Measured over the lines of /tmp/big.json (gen-flows): find_bytes (text/find_bytes.h) 9-14 GB/s,
// glibc's memmem 3-5, std::boyer_moore_horspool_searcher 2, std::string_view::find under 1.
const char* find(std::string_view haystack, std::string_view needle) { return find_bytes(haystack, needle); }

bool contains(std::string_view haystack, std::string_view needle) { return find(haystack, needle) != nullptr; }

template <typename List, typename Value>
bool has(const List& list, const Value& v) {
    return std::find(list.begin(), list.end(), v) != list.end();
}

std::size_t skip_space(std::string_view s, std::size_t i) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    return i;
}

// Appended rather than concatenated: GCC 12 warns (-Wrestrict, wrongly) about "\"" + string.
std::string quoted(std::string_view s, bool close = true) {
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    out += s;
    if (close) out += '"';
    return out;
}

// The needle of a string value, after its opening quote (and before its closing one, with `close`);
// none for a value with a quote or a backslash. A line spells those two with a backslash, and
// may_match() passes over escaped quotes (\"), which the summaries of DNS flows are full of, as
// sure that they are no part of any needle.
std::optional<std::string> value_needle(std::string_view value, bool close = true) {
    if (value.find_first_of("\"\\") != std::string_view::npos) return std::nullopt;
    return quoted(value, close);
}

// Whether an escape in `line` could spell a needle in other bytes: any but an escaped quote (\"),
// as no needle holds a quote (value_needle() above). In "\\\"" the first backslash escapes the second.
bool holds_escape(std::string_view line) {
    for (std::size_t i = line.find('\\'); i != std::string_view::npos; i = line.find('\\', i + 2))
        if (i + 1 == line.size() || line[i + 1] != '"') return true;
    return false;
}

// Decimal digits as an integer; false when they are none or too many to be sure of.
bool read_digits(std::string_view digits, uint64_t& out) {
    if (digits.empty() || digits.size() > 19) return false;
    out = 0;
    for (char c : digits) {
        if (c < '0' || c > '9') return false;
        out = out * 10 + static_cast<uint64_t>(c - '0');
    }
    return true;
}

member_probe probe(std::initializer_list<std::string_view> keys) {
    member_probe m;
    for (auto k : keys)
        if (!has(m.keys, quoted(k))) m.keys.push_back(quoted(k));  // "type" is its own JSON name
    return m;
}

requirement of(member_probe m) { return {{}, {std::move(m)}}; }

// An enum field: a name of a wanted number, or the number. Absent, null and unknown names read as
// 0, so a list with 0 in it requires nothing.
void add_enum(std::vector<requirement>& out, const std::vector<int32_t>& values, enum_table table,
              std::initializer_list<std::string_view> keys) {
    if (values.empty() || has(values, 0)) return;
    member_probe m = probe(keys);
    for (const auto& e : table)
        if (has(values, e.number)) m.strings.emplace_back(e.name);
    for (int32_t v : values)
        if (v > 0) m.numbers.push_back(static_cast<uint64_t>(v));
    out.push_back(of(std::move(m)));
}

// An integer field whose absence reads as 0.
template <typename T>
void add_integers(std::vector<requirement>& out, const std::vector<T>& values,
                  std::initializer_list<std::string_view> keys, uint64_t mask = ~uint64_t{0}) {
    if (values.empty() || has(values, T{0})) return;
    member_probe m = probe(keys);
    m.mask = mask;
    m.quoted_numbers = true;
    for (T v : values) {
        if constexpr (std::is_signed_v<T>)
            if (v < 0) return;  // "-5" is -5 too, and the probes read no signs
        m.numbers.push_back(static_cast<uint64_t>(v) & mask);
    }
    out.push_back(of(std::move(m)));
}

// A string field compared whole: its value, quoted. Nothing when "" is wanted (absent reads as "").
void add_exact(std::vector<requirement>& out, const std::vector<std::string>& values) {
    if (values.empty() || has(values, std::string())) return;
    requirement r;
    for (const auto& v : values) {
        auto needle = value_needle(v);
        if (!needle) return;
        r.literals.push_back(std::move(*needle));
    }
    out.push_back(std::move(r));
}

// Pod and service values: the name's prefix after an opening quote, or the namespace quoted when
// the prefix is empty; nothing when some value has neither.
void add_namespaced(std::vector<requirement>& out, const std::vector<std::string>& values) {
    if (values.empty()) return;
    requirement r;
    for (const auto& v : values) {
        auto e = namespaced_name_filter::split(v);
        auto needle = !e.prefix.empty()       ? value_needle(e.prefix, false)
                      : !e.namespace_.empty() ? value_needle(e.namespace_)
                                              : std::nullopt;
        if (!needle) return;
        r.literals.push_back(std::move(*needle));
    }
    out.push_back(std::move(r));
}

void add_workloads(std::vector<requirement>& out, const std::vector<filter_workload>& values) {
    if (values.empty()) return;
    requirement r;
    for (const auto& w : values) {
        auto needle = !w.name.empty() ? value_needle(w.name) : !w.kind.empty() ? value_needle(w.kind) : std::nullopt;
        if (!needle) return;
        r.literals.push_back(std::move(*needle));
    }
    out.push_back(std::move(r));
}

void add_ports(std::vector<requirement>& out, const std::vector<std::string>& ports,
               std::initializer_list<std::string_view> keys) {
    if (ports.empty()) return;
    std::vector<uint64_t> numbers;
    for (const auto& p : ports) {
        auto port = go::parse_uint(p, 10, 16);
        if (!port.ok()) return;  // the matcher refuses it first
        numbers.push_back(port.value);
    }
    // A port of 0 still needs a TCP, UDP or SCTP member, but no needle says so.
    if (has(numbers, uint64_t{0})) return;
    member_probe m = probe(keys);
    m.numbers = std::move(numbers);
    m.mask = 0xffff;  // the flow's uint32 port compares truncated
    m.quoted_numbers = true;
    out.push_back(of(std::move(m)));
}

// A CEL expression's `_flow.FIELD == constant` conjuncts, as the flags on the same fields give
// them. Only for a filter with one expression: of several, any one true passes the filter.
void add_cel(std::vector<requirement>& out, const std::vector<std::string>& expressions) {
    if (expressions.size() != 1) return;
    std::vector<cel::program::field_equals> equalities;
    try {
        equalities = cel::program(expressions[0]).required_equalities();
    } catch (const std::exception&) {
        return;  // refused when the filters were compiled; nothing to require here
    }
    for (const auto& e : equalities) {
        if (e.is_text) {
            if (auto needle = e.text.empty() ? std::nullopt : value_needle(e.text))
                out.push_back({{std::move(*needle)}, {}});
            continue;
        }
        if (e.number == 0) continue;  // what an absent field reads as
        member_probe m = probe({e.field->proto, e.field->json});
        if (e.field->enums) {
            for (const auto& entry : *e.field->enums)
                if (entry.number == e.number) m.strings.emplace_back(entry.name);
        } else {
            m.quoted_numbers = true;
        }
        m.numbers.push_back(static_cast<uint64_t>(e.number));
        out.push_back(of(std::move(m)));
    }
}

// Label selectors: each selector's value requirements, when there is one selector; of several (any
// one may match) the first requirement of each, joined as alternatives.
void add_labels(std::vector<requirement>& out, const std::vector<std::string>& selectors) {
    if (selectors.empty()) return;
    std::vector<std::vector<std::vector<std::string>>> each;
    try {
        for (const auto& s : selectors) each.push_back(label_selector(s).value_needles());
    } catch (const std::exception&) {
        return;  // refused when the filters were compiled
    }
    // No quote or backslash in them (see value_needle()): a selector's keys and values are refused
    // unless they are made of letters, digits and "-_./" (k8s_selector.cpp).
    if (each.size() == 1) {
        for (auto& texts : each[0]) out.push_back({std::move(texts), {}});
        return;
    }
    requirement r;
    for (auto& needles : each) {
        if (needles.empty()) return;
        for (auto& t : needles[0]) r.literals.push_back(std::move(t));
    }
    out.push_back(std::move(r));
}

// What one allow filter requires of a line; empty when it requires nothing a needle can show.
// Fields without needles (IPs, labels, FQDNs, regexps, CEL other than plain comparisons ...) are
// left out: the filter requires them as well, so leaving them out only lets more lines through.
std::vector<requirement> requirements_of(const flow_filter& f) {
    std::vector<requirement> out;
    add_enum(out, f.verdict, verdict_enum, {"verdict"});
    if (!f.drop_reason_desc.empty()) {
        // matched only on a dropped flow
        add_enum(out, {enum_number(verdict_enum, "DROPPED").value_or(2)}, verdict_enum, {"verdict"});
        add_enum(out, f.drop_reason_desc, drop_reason_enum, {"drop_reason_desc", "dropReasonDesc"});
    }
    add_enum(out, f.traffic_direction, traffic_direction_enum, {"traffic_direction", "trafficDirection"});
    if (!f.event_type.empty() &&
        std::none_of(f.event_type.begin(), f.event_type.end(), [](const filter_event_type& t) { return t.type == 0; })) {
        std::vector<int32_t> types;
        for (const auto& t : f.event_type) types.push_back(t.type);
        add_integers(out, types, {"type"});  // EventTypeFilter's type, in "event_type":{"type":N}
    }
    add_ports(out, f.source_port, {"source_port", "sourcePort"});
    add_ports(out, f.destination_port, {"destination_port", "destinationPort"});
    add_integers(out, f.source_identity, {"identity"});
    add_integers(out, f.destination_identity, {"identity"});
    add_namespaced(out, f.source_pod);
    add_namespaced(out, f.destination_pod);
    add_namespaced(out, f.source_service);
    add_namespaced(out, f.destination_service);
    add_workloads(out, f.source_workload);
    add_workloads(out, f.destination_workload);
    add_exact(out, f.uuid);
    add_exact(out, f.trace_id);
    add_exact(out, f.source_cluster_name);
    add_exact(out, f.destination_cluster_name);
    add_labels(out, f.source_label);
    add_labels(out, f.destination_label);
    add_cel(out, f.cel_expression);
    return out;
}

void describe_requirement(std::string& out, const requirement& r) {
    bool first = true;
    const auto sep = [&] {
        if (!first) out += " | ";
        first = false;
    };
    for (const auto& l : r.literals) sep(), out += l;
    for (const auto& m : r.members) {
        sep();
        for (std::size_t i = 0; i < m.keys.size(); ++i) {
            if (i > 0) out += '/';
            out += m.keys[i];
        }
        out += ':';
        bool first_value = true;
        const auto value = [&](std::string_view v) {
            if (!first_value) out += ',';
            first_value = false;
            out += v;
        };
        for (const auto& s : m.strings) value(s);
        for (uint64_t n : m.numbers) value(std::to_string(n));
    }
}

}  // namespace

bool member_probe::passes(std::string_view v) const {
    if (v.empty()) return true;
    const char c = v[0];
    if (c == '"') {
        const auto end = v.find('"', 1);
        if (end == std::string_view::npos) return true;
        const std::string_view s = v.substr(1, end - 1);
        if (has(strings, s)) return true;
        // A quoted integer, as protojson reads integer fields; any other string is a bad value.
        if (!quoted_numbers || s.empty() || s.find_first_not_of("0123456789") != std::string_view::npos)
            return false;
        uint64_t n = 0;
        return !read_digits(s, n) || has(numbers, n & mask);
    }
    if (c >= '0' && c <= '9') {
        std::size_t len = 1;
        while (len < v.size() && v[len] >= '0' && v[len] <= '9') ++len;
        // 80.0, 8e1, and the leading zero simdjson refuses: leave them to the parser
        if (len < v.size() && (v[len] == '.' || v[len] == 'e' || v[len] == 'E')) return true;
        if (c == '0' && len > 1) return true;
        uint64_t n = 0;
        if (!read_digits(v.substr(0, len), n)) return true;
        return has(numbers, n & mask);
    }
    if (v.starts_with("null")) return false;  // absent, which no probe accepts
    return true;  // negative, or the wrong type: for the parser to read (and to refuse)
}

bool member_probe::found(std::string_view line) const {
    for (const auto& key : keys) {
        std::string_view rest = line;
        while (const char* at = find(rest, key)) {
            const std::size_t key_end = static_cast<std::size_t>(at - rest.data()) + key.size();
            std::size_t i = skip_space(rest, key_end);
            // A string that is not a key (no colon after it) says nothing.
            if (i < rest.size() && rest[i] == ':' && passes(rest.substr(skip_space(rest, i + 1)))) return true;
            rest = rest.substr(static_cast<std::size_t>(at - rest.data()) + 1);
        }
    }
    return false;
}

bool requirement::holds(std::string_view line) const {
    for (const auto& l : literals)
        if (contains(line, l)) return true;
    for (const auto& m : members)
        if (m.found(line)) return true;
    return false;
}

line_prefilter::line_prefilter(const filter_lists& lists) {
    // The matcher tries also_allow only after allow has passed, and a CEL expression in allow may
    // then have failed with a warning: also_allow's needles alone must not drop such a line.
    const bool allow_runs_cel = std::any_of(lists.allow.begin(), lists.allow.end(),
                                            [](const flow_filter& f) { return !f.cel_expression.empty(); });
    for (const auto* list : {&lists.allow, &lists.also_allow}) {
        if (list->empty() || (list == &lists.also_allow && allow_runs_cel)) continue;
        std::vector<std::vector<std::uint8_t>> filters;
        for (const auto& f : *list) {
            std::vector<std::uint8_t> indices;
            for (auto& r : requirements_of(f)) {
                auto at = std::find(requirements_.begin(), requirements_.end(), r);
                if (at == requirements_.end()) {
                    if (requirements_.size() == max_requirements) continue;  // fewer needles, still exact
                    at = requirements_.insert(requirements_.end(), std::move(r));
                }
                indices.push_back(static_cast<std::uint8_t>(at - requirements_.begin()));
            }
            if (indices.empty()) {
                filters.clear();
                break;
            }
            filters.push_back(std::move(indices));
        }
        if (!filters.empty()) lists_.push_back(std::move(filters));
    }
}

bool line_prefilter::may_match(std::string_view line) const {
    // The shape Hubble writes: a flow first, one object to the end of the line. A line of any other
    // shape is parsed, so its warning (or its not being a record at all) is as before, and a line
    // dropped here is, if it is valid JSON, a flow: a Hubble record for the no-flows check.
    static constexpr std::string_view head = R"({"flow":{)";
    if (!line.starts_with(head)) return true;
    std::size_t end = line.size();
    while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t' || line[end - 1] == '\r')) --end;
    if (line[end - 1] != '}') return true;

    uint64_t known = 0;
    uint64_t held = 0;
    const auto holds = [&](std::uint8_t i) {
        const uint64_t bit = uint64_t{1} << i;
        if (!(known & bit)) {
            known |= bit;
            if (requirements_[i].holds(line)) held |= bit;
        }
        return (held & bit) != 0;
    };
    for (const auto& filters : lists_) {
        const bool some =
            std::any_of(filters.begin(), filters.end(), [&](const auto& f) { return std::all_of(f.begin(), f.end(), holds); });
        // Searched for only now: most lines that pass have no escape either.
        if (!some) return holds_escape(line);
    }
    return true;
}

std::string line_prefilter::describe() const {
    std::string out;
    for (std::size_t l = 0; l < lists_.size(); ++l) {
        if (l > 0) out += "; ";
        for (std::size_t f = 0; f < lists_[l].size(); ++f) {
            if (f > 0) out += " or ";
            for (std::size_t r = 0; r < lists_[l][f].size(); ++r) {
                if (r > 0) out += " & ";
                describe_requirement(out, requirements_[lists_[l][f][r]]);
            }
        }
    }
    return out;
}

}  // namespace flowgrep
