// Exporter configs: the document's shape picks where the flow logs are; each is decoded only when
// chosen, so a mistake in another flow log does not stand in the way. Filters written as YAML go
// the way Cilium takes them (YAML turned into JSON, then protojson), through the same decoder as
// --allowlist; filters written as JSON strings (static exporter) are read as Cilium's list of
// objects, with whitespace, commas or nothing between them.
#include "cli/exporter_config.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "cli/command_line.h"
#include "filter/filter_error.h"
#include "filter/filter_json.h"
#include "filter/filter_json_scan.h"
#include "filter/matcher.h"
#include "flow/flow_schema.h"
#include "flow/parse.h"
#include "go/strconv.h"
#include "text/append.h"

namespace flowgrep {

namespace {

uint32_t line_of(const YAML::Mark& mark) { return mark.line < 0 ? 1 : static_cast<uint32_t>(mark.line) + 1; }

// Where a flow log's parts come from.
enum class shape : uint8_t {
    dynamic,    // a flowLogs entry: name, includeFilters, excludeFilters, fieldMask, end (YAML)
    helm_static,  // hubble.export.static: allowList, denyList (JSON strings), fieldMask (a list)
    configmap_static,  // cilium-config data: hubble-export-allowlist ... (strings)
};

struct candidate {
    std::string name;
    shape kind;
    YAML::Node node;
    uint32_t line;
};

class loader {
public:
    loader(const std::string& path, uint32_t line_offset = 0) : path_(path), line_offset_(line_offset) {}

    [[noreturn]] void fail(uint32_t line, const std::string& what) const {
        throw usage_error(path_ + ":" + std::to_string(line + line_offset_) + ": " + what);
    }
    [[noreturn]] void fail(const YAML::Node& at, const std::string& what) const { fail(line_of(at.Mark()), what); }

    YAML::Node load(const std::string& text) const {
        try {
            return YAML::Load(text);
        } catch (const YAML::Exception& e) {
            fail(line_of(e.mark), e.msg);
        }
    }

    // The flow logs of the document, in its order.
    std::vector<candidate> flow_logs(const std::string& text) {
        YAML::Node root = load(text);
        if (!root.IsMap()) fail(root, not_a_config);
        if (root["flowLogs"]) return dynamic_list(root["flowLogs"]);
        const YAML::Node kind = root["kind"];
        if (kind && kind.IsScalar() && kind.Scalar() == "ConfigMap") return configmap(root);
        const YAML::Node hubble = root["hubble"];
        if (hubble && hubble.IsMap() && hubble["export"]) return helm_values(hubble["export"]);
        fail(root, not_a_config);
    }

    exporter_flow_log decode(const candidate& c) const {
        exporter_flow_log out;
        out.name = c.name;
        switch (c.kind) {
        case shape::dynamic: decode_dynamic(c, out); break;
        case shape::helm_static: decode_helm_static(c, out); break;
        case shape::configmap_static: decode_configmap_static(c, out); break;
        }
        owner(c).check_compiles(c, out);
        // Newer exporters can write aggregated records instead of flows; reading flows, flowgrep
        // cannot do the same, and says so rather than pass it over.
        for (const char* key : {"fieldAggregate", "hubble-export-fieldaggregate"}) {
            const YAML::Node agg = c.node[key];
            const bool set = agg && ((agg.IsSequence() && agg.size() > 0) || (agg.IsScalar() && !agg.Scalar().empty()));
            if (set)
                out.warnings.push_back(path_ + ": flow log " + go::quote(c.name) + ": " + key +
                                       " is not applied: flowgrep prints flows, not aggregates");
        }
        return out;
    }

private:
    static constexpr const char* not_a_config =
        "not a Hubble exporter config: expected flowLogs: (the dynamic exporter's file), hubble.export "
        "(Cilium Helm values) or a ConfigMap with hubble-export-* keys or flowlogs.yaml";

    std::vector<candidate> dynamic_list(const YAML::Node& list) {
        std::vector<candidate> out;
        if (list.IsNull()) return out;
        if (!list.IsSequence()) fail(list, "flowLogs: not a list of flow logs");
        for (const auto& entry : list) {
            if (!entry.IsMap()) fail(entry, "flowLogs: a flow log is not a mapping (name: ..., includeFilters: ...)");
            const YAML::Node name = entry["name"];
            if (!name || !name.IsScalar() || name.Scalar().empty()) fail(entry, "flow log without a name");
            for (const auto& seen : out)
                if (seen.name == name.Scalar())
                    fail(name, "flow log name " + go::quote(name.Scalar()) + " given twice");
            out.push_back({name.Scalar(), shape::dynamic, entry, line_of(entry.Mark())});
        }
        return out;
    }

    std::vector<candidate> configmap(const YAML::Node& root) {
        const YAML::Node data = root["data"];
        if (!data || !data.IsMap()) fail(root, "a ConfigMap without data");
        std::vector<candidate> out;
        // The static exporter: on with a file path, off with an empty one (as in Cilium); without the
        // key (a hand-written snippet, a patch), its filter keys say it is meant.
        const YAML::Node file_path = data["hubble-export-file-path"];
        bool static_on = false;
        if (file_path) {
            static_on = file_path.IsScalar() && !file_path.Scalar().empty();
        } else {
            for (const char* key : {"hubble-export-allowlist", "hubble-export-denylist", "hubble-export-fieldmask"})
                if (data[key]) static_on = true;
        }
        if (static_on) out.push_back({"static", shape::configmap_static, data, line_of(data.Mark())});
        // The dynamic exporter's file as one string (cilium-flowlog-config; some put it in cilium-config).
        if (const YAML::Node file = data["flowlogs.yaml"]; file && file.IsScalar()) {
            nested_ = std::make_shared<loader>(path_, line_of(file.Mark()));
            YAML::Node doc = nested_->load(file.Scalar());
            if (!doc.IsMap() || !doc["flowLogs"]) fail(file, "flowlogs.yaml: no flowLogs: list");
            for (auto& c : nested_->dynamic_list(doc["flowLogs"])) {
                if (static_on && c.name == "static") nested_->fail(c.line, "flow log name \"static\" given twice");
                out.push_back(std::move(c));
            }
        }
        if (out.empty() && file_path)
            fail(file_path, "hubble-export-file-path is empty, which turns the static exporter off, and there "
                            "is no flowlogs.yaml");
        if (out.empty()) fail(data, "a ConfigMap without hubble-export-* keys or flowlogs.yaml");
        return out;
    }

    static bool enabled(const YAML::Node& section) {
        const YAML::Node e = section["enabled"];
        return e && e.IsScalar() && (e.Scalar() == "true" || e.Scalar() == "True" || e.Scalar() == "TRUE");
    }

    // Helm values: the exporters that are enabled, or when none is, every one the file describes.
    std::vector<candidate> helm_values(const YAML::Node& exp) {
        const YAML::Node stat = exp["static"];
        const YAML::Node dyn = exp["dynamic"];
        const bool stat_on = stat && stat.IsMap() && enabled(stat);
        const bool dyn_on = dyn && dyn.IsMap() && enabled(dyn);
        std::vector<candidate> out;
        if (stat && stat.IsMap() && (stat_on || !dyn_on))
            out.push_back({"static", shape::helm_static, stat, line_of(stat.Mark())});
        if (dyn && dyn.IsMap() && (dyn_on || !stat_on)) {
            const YAML::Node config = dyn["config"];
            if (config && config.IsMap() && config["content"]) {
                for (auto& c : dynamic_list(config["content"])) {
                    for (const auto& seen : out)
                        if (seen.name == c.name) fail(c.line, "flow log name " + go::quote(c.name) + " given twice");
                    out.push_back(std::move(c));
                }
            }
        }
        if (out.empty()) fail(exp, "hubble.export: no static exporter and no dynamic flow logs");
        return out;
    }

    // ---- decoding ----

    std::string where(const candidate& c, std::string_view key) const {
        return "flow log " + go::quote(c.name) + ": " + std::string(key);
    }

    void decode_dynamic(const candidate& c, exporter_flow_log& out) const {
        const loader& l = owner(c);
        l.yaml_filters(c, "includeFilters", out.include);
        l.yaml_filters(c, "excludeFilters", out.exclude);
        if (const YAML::Node mask = c.node["fieldMask"]; mask && !mask.IsNull()) {
            if (!mask.IsSequence()) l.fail(mask, where(c, "fieldMask") + ": not a list of field paths");
            for (const auto& path : mask) {
                if (!path.IsScalar()) l.fail(path, where(c, "fieldMask") + ": not a field path");
                l.add_mask_path(c, path, path.Scalar(), out.field_mask);
            }
        }
        if (const YAML::Node end = c.node["end"]; end && !end.IsNull()) {
            timestamp t;
            if (!end.IsScalar() || !parse_rfc3339(end.Scalar(), t))
                l.fail(end, where(c, "end") + ": not an RFC 3339 time (2024-07-08T10:00:00Z): " +
                                (end.IsScalar() ? end.Scalar() : std::string("a collection")));
            t.present = true;
            out.end_ns = t.unix_nanos();
        }
    }

    void decode_helm_static(const candidate& c, exporter_flow_log& out) const {
        json_filters_of(c, "allowList", c.node["allowList"], out.include);
        json_filters_of(c, "denyList", c.node["denyList"], out.exclude);
        mask_of(c, "fieldMask", c.node["fieldMask"], out.field_mask);
    }

    void decode_configmap_static(const candidate& c, exporter_flow_log& out) const {
        json_filters_of(c, "hubble-export-allowlist", c.node["hubble-export-allowlist"], out.include);
        json_filters_of(c, "hubble-export-denylist", c.node["hubble-export-denylist"], out.exclude);
        mask_of(c, "hubble-export-fieldmask", c.node["hubble-export-fieldmask"], out.field_mask);
    }

    // A dynamic flow log's entries live in the nested flowlogs.yaml when the file is a ConfigMap.
    const loader& owner(const candidate& c) const { return nested_ && c.kind == shape::dynamic ? *nested_ : *this; }

    // includeFilters / excludeFilters: FlowFilter objects in YAML.
    void yaml_filters(const candidate& c, std::string_view key, std::vector<flow_filter>& out) const {
        const YAML::Node list = c.node[std::string(key)];
        if (!list || list.IsNull()) return;
        if (!list.IsSequence()) fail(list, where(c, key) + ": not a list of FlowFilters");
        for (const auto& item : list) {
            std::string json;
            to_json(item, json);
            try {
                for (auto& f : decode_filter_stream(json)) out.push_back(std::move(f));
            } catch (const filter_json_error& e) {
                fail(item, where(c, key) + ": failed to decode '" + json + "': " + e.what());
            }
        }
    }

    // allowList / denyList strings: FlowFilter JSON objects, several to a string if need be.
    void json_filters_of(const candidate& c, std::string_view key, const YAML::Node& value,
                         std::vector<flow_filter>& out) const {
        if (!value || value.IsNull()) return;
        auto one = [&](const YAML::Node& text) {
            if (!text.IsScalar()) fail(text, where(c, key) + ": not FlowFilter JSON text");
            const std::string& s = text.Scalar();
            try {
                size_t pos = 0;
                while (true) {
                    // Cilium's chart and docs join filters with spaces, commas or nothing.
                    while (pos < s.size() && (s[pos] == ',' || s[pos] == ' ' || s[pos] == '\t' || s[pos] == '\n' ||
                                              s[pos] == '\r'))
                        ++pos;
                    auto v = next_json_value(s, pos);
                    if (!v) break;
                    for (auto& f : decode_filter_stream(*v)) out.push_back(std::move(f));
                }
            } catch (const filter_json_error& e) {
                fail(text, where(c, key) + ": failed to decode '" + s + "': " + e.what());
            }
        };
        if (value.IsSequence()) {
            for (const auto& item : value) one(item);
        } else {
            one(value);
        }
    }

    // fieldMask: a list of paths, or one string of them separated by commas or spaces.
    void mask_of(const candidate& c, std::string_view key, const YAML::Node& value,
                 std::vector<std::string>& out) const {
        if (!value || value.IsNull()) return;
        auto split = [&](const YAML::Node& text) {
            if (!text.IsScalar()) fail(text, where(c, key) + ": not a field path");
            const std::string& s = text.Scalar();
            size_t i = 0;
            while (i < s.size()) {
                size_t end = s.find_first_of(", \t\n\r", i);
                if (end == std::string::npos) end = s.size();
                if (end > i) add_mask_path(c, text, s.substr(i, end - i), out);
                i = end + 1;
            }
        };
        if (value.IsSequence()) {
            for (const auto& item : value) split(item);
        } else {
            split(value);
        }
    }

    void add_mask_path(const candidate& c, const YAML::Node& at, const std::string& path,
                       std::vector<std::string>& out) const {
        if (!is_valid_field_path(flow_schema(), path))
            fail(at, where(c, "fieldMask") + ": proto: invalid path " + go::quote(path) + " for message \"flow.Flow\"");
        out.push_back(path);
    }

    // The filters compile as they would at the start of reading; said here, the error can name the
    // file and the flow log.
    void check_compiles(const candidate& c, const exporter_flow_log& fl) const {
        try {
            flow_matcher(filter_lists{fl.include, fl.exclude, {}});
        } catch (const filter_error& e) {
            fail(c.line, "flow log " + go::quote(c.name) + ": " + e.what());
        }
    }

    // ---- YAML to JSON, as sigs.k8s.io/yaml turns a FlowFilter's YAML into the JSON protojson reads ----

    // A plain (unquoted) scalar resolves to null, a boolean or a number as YAML 1.1 says (the YAML
    // library Cilium goes through); anything else, and every quoted scalar, is a string.
    static void append_scalar(std::string& out, const YAML::Node& node) {
        const std::string& s = node.Scalar();
        if (node.Tag() == "!") return append_json_string(out, s);  // quoted
        static const char* const nulls[] = {"", "~", "null", "Null", "NULL"};
        static const char* const trues[] = {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"};
        static const char* const falses[] = {"n", "N", "no", "No", "NO", "false", "False", "FALSE",
                                             "off", "Off", "OFF"};
        for (const char* n : nulls)
            if (s == n) return void(out += "null");
        for (const char* t : trues)
            if (s == t) return void(out += "true");
        for (const char* f : falses)
            if (s == f) return void(out += "false");
        std::string_view num = s;
        if (num.starts_with('+')) num.remove_prefix(1);
        if (num.starts_with("0x") || num.starts_with("0X")) {
            auto v = go::parse_uint(num, 0, 64);
            if (v.ok()) return void(out += std::to_string(v.value));
        }
        if (is_json_number(num)) return void(out += num);
        append_json_string(out, s);
    }

    static void to_json(const YAML::Node& node, std::string& out) {
        switch (node.Type()) {
        case YAML::NodeType::Map: {
            out += '{';
            bool first = true;
            for (auto it = node.begin(); it != node.end(); ++it) {
                if (!first) out += ',';
                first = false;
                append_json_string(out, it->first.IsScalar() ? it->first.Scalar() : std::string());
                out += ':';
                to_json(it->second, out);
            }
            out += '}';
            break;
        }
        case YAML::NodeType::Sequence: {
            out += '[';
            bool first = true;
            for (const auto& item : node) {
                if (!first) out += ',';
                first = false;
                to_json(item, out);
            }
            out += ']';
            break;
        }
        case YAML::NodeType::Scalar: append_scalar(out, node); break;
        default: out += "null"; break;
        }
    }

    std::string path_;
    uint32_t line_offset_;
    std::shared_ptr<loader> nested_;  // the flowlogs.yaml inside a ConfigMap, when that is the shape
};

std::string names_of(const std::vector<candidate>& logs) {
    std::string out;
    for (const auto& c : logs) {
        if (!out.empty()) out += ", ";
        out += c.name;
    }
    return out;
}

}  // namespace

exporter_flow_log parse_exporter_config(const std::string& path, const std::string& text, const std::string& name) {
    loader l(path);
    std::vector<candidate> logs = l.flow_logs(text);
    if (logs.empty()) throw usage_error(path + ": no flow logs in the exporter config");
    if (name.empty()) {
        if (logs.size() > 1)
            throw usage_error(path + ": " + std::to_string(logs.size()) + " flow logs (" + names_of(logs) +
                              "): choose one with --exporter-name");
        return l.decode(logs.front());
    }
    for (const auto& c : logs)
        if (c.name == name) return l.decode(c);
    throw usage_error(path + ": no flow log named " + go::quote(name) + " (there " +
                      (logs.size() == 1 ? "is: " : "are: ") + names_of(logs) + ")");
}

exporter_flow_log load_exporter_config(const std::string& path, const std::string& name) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw usage_error(path + ": cannot read: it is a directory");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw usage_error(path + ": cannot read: " + std::strerror(errno));
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) throw usage_error(path + ": cannot read: " + std::strerror(errno));
    return parse_exporter_config(path, text.str(), name);
}

}  // namespace flowgrep
