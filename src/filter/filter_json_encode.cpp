// FlowFilter JSON out, byte for byte as Hubble prints it: protojson with proto names, compacted and
// HTML-escaped by Go's encoding/json, then quoted into YAML by gopkg.in/yaml.v3 for
// --print-raw-filters.
#include <fmt/format.h>

#include <string>
#include <variant>

#include "filter/filter_json.h"
#include "filter/filter_json_fields.h"
#include "flow/flow.h"
#include "go/unicode.h"

namespace flowgrep {
namespace {

using namespace filter_json;

static_assert(tcp_fin == 1 << 0 && tcp_ns == 1 << 8, "tcp_flags_fields assumes flow.h's bit order");

// A JSON string as protojson writes it (\" \\ \b \f \n \r \t, other controls as \u00XX) after
// encoding/json's compaction has escaped <, >, & and U+2028/U+2029. `field` names the proto field
// for the error Hubble gives on bytes that are not UTF-8.
void append_string(std::string& out, std::string_view s, std::string_view field) {
    out += '"';
    for (std::size_t i = 0; i < s.size();) {
        const go::decoded_rune cp = go::decode_rune(s, i);
        if (cp.invalid())
            throw filter_json_error(
                fmt::format("json: error calling MarshalJSON for type *flow.FlowFilter: proto: field {} "
                            "contains invalid UTF-8",
                            field));
        switch (cp.rune) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '<':
            case '>':
            case '&':
            case 0x2028:
            case 0x2029: out += fmt::format("\\u{:04x}", static_cast<uint32_t>(cp.rune)); break;
            default:
                if (cp.rune < 0x20)
                    out += fmt::format("\\u{:04x}", static_cast<uint32_t>(cp.rune));
                else
                    out.append(s.substr(i, cp.width));
        }
        i += cp.width;
    }
    out += '"';
}

// One JSON object: `{` at construction, `"name":` keys with commas between them, `}` when it goes.
class object_writer {
public:
    explicit object_writer(std::string& out) : out_(out) { out_ += '{'; }
    ~object_writer() { out_ += '}'; }
    std::string& key(std::string_view name) {
        if (!first_) out_ += ',';
        first_ = false;
        out_ += '"';
        out_ += name;
        out_ += "\":";
        return out_;
    }

private:
    std::string& out_;
    bool first_ = true;
};

// `"name":[e1,e2]` for a non-empty list, each element written by write(out, element).
template <typename T, typename Write>
void write_list(object_writer& object, std::string_view name, const std::vector<T>& list, Write write) {
    if (list.empty()) return;
    std::string& out = object.key(name);
    out += '[';
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (i) out += ',';
        write(out, list[i]);
    }
    out += ']';
}

class filter_encoder {
public:
    filter_encoder(std::string& out, const flow_filter& filter) : object_(out), filter_(filter) {}

    void encode() {
        for (const auto& field : filter_fields)
            std::visit([&](auto member) { write(field.name, member); }, field.member);
    }

private:
    std::string full_name(std::string_view message, std::string_view field) const {
        return fmt::format("flow.{}.{}", message, field);
    }

    void write(std::string_view name, std::vector<std::string> flow_filter::*m) {
        const std::string field = full_name("FlowFilter", name);
        write_list(object_, name, filter_.*m,
                   [&](std::string& out, const std::string& s) { append_string(out, s, field); });
    }
    void write(std::string_view name, std::vector<uint32_t> flow_filter::*m) {
        write_list(object_, name, filter_.*m, [](std::string& out, uint32_t n) { out += std::to_string(n); });
    }
    // protojson writes 64-bit integers as strings.
    void write(std::string_view name, std::vector<uint64_t> flow_filter::*m) {
        write_list(object_, name, filter_.*m,
                   [](std::string& out, uint64_t n) { out += '"' + std::to_string(n) + '"'; });
    }
    void write(std::string_view name, std::vector<bool> flow_filter::*m) {
        write_list(object_, name, filter_.*m, [](std::string& out, bool b) { out += b ? "true" : "false"; });
    }
    // Enums print by name; a number without a name prints as the number.
    void write(std::string_view name, enum_list m) {
        write_list(object_, name, filter_.*m.member, [&](std::string& out, int32_t n) {
            const std::string_view value = enum_name(*m.table, n);
            if (value.empty())
                out += std::to_string(n);
            else
                out += fmt::format("\"{}\"", value);
        });
    }
    void write(std::string_view name, std::vector<filter_workload> flow_filter::*m) {
        write_list(object_, name, filter_.*m, [&](std::string& out, const filter_workload& w) {
            object_writer o(out);
            if (!w.name.empty()) append_string(o.key("name"), w.name, full_name("Workload", "name"));
            if (!w.kind.empty()) append_string(o.key("kind"), w.kind, full_name("Workload", "kind"));
        });
    }
    void write(std::string_view name, std::vector<filter_interface> flow_filter::*m) {
        write_list(object_, name, filter_.*m, [&](std::string& out, const filter_interface& n) {
            object_writer o(out);
            if (n.index) o.key("index") += std::to_string(n.index);
            if (!n.name.empty()) append_string(o.key("name"), n.name, full_name("NetworkInterface", "name"));
        });
    }
    void write(std::string_view name, std::vector<filter_event_type> flow_filter::*m) {
        write_list(object_, name, filter_.*m, [](std::string& out, const filter_event_type& t) {
            object_writer o(out);
            if (t.type) o.key("type") += std::to_string(t.type);
            if (t.match_sub_type) o.key("match_sub_type") += "true";
            if (t.sub_type) o.key("sub_type") += std::to_string(t.sub_type);
        });
    }
    void write(std::string_view name, std::vector<filter_http_header> flow_filter::*m) {
        write_list(object_, name, filter_.*m, [&](std::string& out, const filter_http_header& h) {
            object_writer o(out);
            if (!h.key.empty()) append_string(o.key("key"), h.key, full_name("HTTPHeader", "key"));
            if (!h.value.empty()) append_string(o.key("value"), h.value, full_name("HTTPHeader", "value"));
        });
    }
    void write(std::string_view name, std::vector<filter_tcp_flags> flow_filter::*m) {
        write_list(object_, name, filter_.*m, [](std::string& out, const filter_tcp_flags& t) {
            object_writer o(out);
            for (std::size_t i = 0; i < std::size(tcp_flags_fields); ++i)
                if (t.flags & (1u << i)) o.key(tcp_flags_fields[i]) += "true";
        });
    }
    void write(std::string_view name, experimental_message) {
        if (filter_.cel_expression.empty() && !filter_.has_experimental) return;
        object_writer o(object_.key(name));
        write_list(o, "cel_expression", filter_.cel_expression, [&](std::string& out, const std::string& s) {
            append_string(out, s, full_name("FlowFilter.Experimental", "cel_expression"));
        });
    }

    object_writer object_;
    const flow_filter& filter_;
};

// yaml.v3's is_printable: what it may write inside quotes as is. Everything from U+10000 up is
// missing from its table, so an emoji forces double quotes too.
bool yaml_printable(char32_t c) {
    return c == 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) ||
           (c >= 0xe000 && c <= 0xfffd && c != 0xfeff);
}

// A JSON filter as yaml.v3 writes the string: single-quoted (' doubled) when every character is
// printable, else double-quoted with YAML escapes. It never wraps: yaml.v3 sets no line width.
std::string yaml_quote(std::string_view s) {
    bool printable = true;
    for (std::size_t i = 0; i < s.size() && printable;) {
        const go::decoded_rune cp = go::decode_rune(s, i);
        printable = yaml_printable(cp.rune);
        i += cp.width;
    }
    std::string out;
    if (printable) {
        out += '\'';
        for (char c : s) out += c == '\'' ? std::string_view("''") : std::string_view(&c, 1);
        out += '\'';
        return out;
    }
    out += '"';
    for (std::size_t i = 0; i < s.size();) {
        const go::decoded_rune cp = go::decode_rune(s, i);
        const char32_t c = cp.rune;
        const bool line_break = c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
        if (yaml_printable(c) && !line_break && c != '"' && c != '\\') {
            out.append(s.substr(i, cp.width));
        } else {
            switch (c) {
                case 0x00: out += "\\0"; break;
                case 0x07: out += "\\a"; break;
                case 0x08: out += "\\b"; break;
                case 0x09: out += "\\t"; break;
                case 0x0a: out += "\\n"; break;
                case 0x0b: out += "\\v"; break;
                case 0x0c: out += "\\f"; break;
                case 0x0d: out += "\\r"; break;
                case 0x1b: out += "\\e"; break;
                case '"': out += "\\\""; break;
                case '\\': out += "\\\\"; break;
                case 0x85: out += "\\N"; break;
                case 0xa0: out += "\\_"; break;
                case 0x2028: out += "\\L"; break;
                case 0x2029: out += "\\P"; break;
                default:
                    const auto v = static_cast<uint32_t>(c);
                    if (v <= 0xff)
                        out += fmt::format("\\x{:02X}", v);
                    else if (v <= 0xffff)
                        out += fmt::format("\\u{:04X}", v);
                    else
                        out += fmt::format("\\U{:08X}", v);
            }
        }
        i += cp.width;
    }
    out += '"';
    return out;
}

void append_yaml_list(std::string& out, std::string_view key, const std::vector<flow_filter>& filters) {
    if (filters.empty()) return;  // `omitempty` in Hubble's struct
    out += key;
    out += ":\n";
    for (const auto& filter : filters) {
        out += "    - ";
        out += yaml_quote(encode_filter_json(filter));
        out += '\n';
    }
}

}  // namespace

std::string encode_filter_json(const flow_filter& filter) {
    std::string out;
    filter_encoder(out, filter).encode();  // the writer closes the object when the encoder goes
    return out;
}

std::string format_raw_filters(const filter_lists& lists) {
    if (lists.allow.empty() && lists.deny.empty() && lists.also_allow.empty()) return "{}\n";
    std::string out;
    append_yaml_list(out, "allowlist", lists.allow);
    append_yaml_list(out, "denylist", lists.deny);
    // Not Hubble's (its requests have no such list): a flow must match this one too.
    append_yaml_list(out, "exporter-allowlist", lists.also_allow);
    return out;
}

}  // namespace flowgrep
