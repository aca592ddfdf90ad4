// field_mask: the paths are compiled once into a tree of Flow fields; each line is then scanned once
// and the spans of the kept values are copied. A nested object is opened in the output on the
// chance that one of its masked fields is present, and taken back when none is.
#include "output/field_mask.h"

#include <stdexcept>

namespace flowgrep {

// A cursor over a line the response parser has accepted. It only finds where values begin and end
// (strings and their escapes, nested brackets, bare scalars) and never reads past the end: text it
// cannot follow stops the copy instead.
struct field_mask::cursor {
    const char* p;
    const char* end;
    bool failed = false;

    void skip_space() {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) ++p;
    }
    bool at(char c) {
        skip_space();
        return !failed && p < end && *p == c;
    }
    bool take(char c) {
        if (!at(c)) return false;
        ++p;
        return true;
    }
    std::string_view fail() {
        failed = true;
        p = end;
        return {};
    }

    // A string with its quotes.
    std::string_view string() {
        if (!at('"')) return fail();
        const char* start = p++;
        while (p < end && *p != '"') {
            if (*p == '\\' && end - p < 2) return fail();
            p += *p == '\\' ? 2 : 1;
        }
        if (p >= end) return fail();
        ++p;
        return {start, static_cast<size_t>(p - start)};
    }

    // One value of any kind, as its text.
    std::string_view value() {
        skip_space();
        if (failed || p >= end) return fail();
        if (*p == '"') return string();
        const char* start = p;
        if (*p == '{' || *p == '[') {
            int depth = 0;
            while (p < end) {
                if (*p == '"') {
                    if (string().empty()) return {};
                    continue;
                }
                char ch = *p++;
                if (ch == '{' || ch == '[') ++depth;
                else if ((ch == '}' || ch == ']') && --depth == 0) return {start, static_cast<size_t>(p - start)};
            }
            return fail();
        }
        while (p < end && *p != ',' && *p != '}' && *p != ']' && *p != ' ' && *p != '\t' && *p != '\n' &&
               *p != '\r')
            ++p;
        if (p == start) return fail();
        return {start, static_cast<size_t>(p - start)};
    }
};

namespace {

// The name inside a key's quotes. Keys are compared as written: proto and JSON names never need an
// escape, so a key with one matches no field (as in the response parser).
std::string_view key_name(std::string_view quoted) { return quoted.substr(1, quoted.size() - 2); }

void append_member(std::string& out, bool& any, std::string_view key, std::string_view value) {
    if (any) out += ',';
    out.append(key);
    out += ':';
    out.append(value);
    any = true;
}

}  // namespace

field_mask::field_mask(const std::vector<std::string>& paths) {
    const message_info& flow = flow_message();
    for (const auto& path : paths) {
        if (!is_valid_field_path(flow, path)) throw std::invalid_argument("invalid field mask path: " + path);
        node* at = &root_;
        const message_info* m = &flow;
        std::string_view rest = path;
        // A shorter path already met keeps the whole value: "source" wins over "source.pod_name".
        while (!at->whole) {
            size_t dot = rest.find('.');
            const field_info* f = m->field(rest.substr(0, dot));
            node* child = nullptr;
            for (auto& c : at->children)
                if (c.field == f) child = &c;
            if (child == nullptr) child = &at->children.emplace_back(node{f, false, {}});
            at = child;
            // JSON writes a well-known type as one value, so a path into one keeps all of it.
            if (dot == std::string_view::npos || f->message->form == json_form::well_known) {
                at->whole = true;
                at->children.clear();
                break;
            }
            m = f->message;
            rest.remove_prefix(dot + 1);
        }
    }
    auto masks = [&](flow_f field) {
        const field_info* f = &flow.fields[idx(field)];
        for (const auto& c : root_.children)
            if (c.field == f) return true;
        return false;
    };
    keeps_node_name_ = masks(flow_f::node_name);
    keeps_time_ = masks(flow_f::time);
}

const field_mask::node* field_mask::child_for_key(const node& n, std::string_view key) {
    for (const auto& c : n.children)
        if (c.field->proto == key || c.field->json == key) return &c;
    return nullptr;
}

// The cursor is at an object: copies the members that `n` selects, comma separated, and says whether
// there was any.
bool field_mask::copy_members(cursor& c, const node& n, std::string& out) {
    bool any = false;
    if (!c.take('{')) {
        c.fail();
        return false;
    }
    if (c.take('}')) return false;
    while (true) {
        std::string_view key = c.string();
        if (key.empty() || !c.take(':')) {
            c.fail();
            break;
        }
        const node* child = child_for_key(n, key_name(key));
        if (child == nullptr) {
            c.value();
        } else if (child->whole) {
            std::string_view v = c.value();
            if (!c.failed && v != "null") append_member(out, any, key, v);
        } else if (c.at('{')) {
            size_t mark = out.size();
            if (any) out += ',';
            out.append(key);
            out += ":{";
            if (copy_members(c, *child, out)) {
                out += '}';
                any = true;
            } else {
                out.resize(mark);
            }
        } else {
            c.value();  // null, or not an object: nothing in it to select
        }
        if (c.take(',')) continue;
        if (!c.take('}')) c.fail();
        break;
    }
    return any;
}

void field_mask::apply_to_flow(std::string_view line, std::string& out) const {
    cursor c{line.data(), line.data() + line.size()};
    if (!c.at('{')) {
        out.append(line);
        return;
    }
    out += '{';
    copy_members(c, root_, out);
    out += '}';
}

void field_mask::apply(std::string_view line, std::string& out) const {
    cursor c{line.data(), line.data() + line.size()};
    if (!c.at('{')) {  // the parser hands over objects only; anything else goes out as it came
        out.append(line);
        return;
    }
    c.take('{');
    out += '{';
    bool any = false;
    if (!c.take('}')) {
        while (true) {
            std::string_view key = c.string();
            if (key.empty() || !c.take(':')) break;
            std::string_view name = key_name(key);
            if (name == "flow" && c.at('{')) {
                // Written even when nothing in it is kept, as the exporter writes {"flow":{}}.
                if (any) out += ',';
                out.append(key);
                out += ":{";
                copy_members(c, root_, out);
                out += '}';
                any = true;
            } else if ((keeps_node_name_ && (name == "node_name" || name == "nodeName")) ||
                       (keeps_time_ && name == "time")) {
                std::string_view v = c.value();
                if (!c.failed && v != "null") append_member(out, any, key, v);
            } else {
                c.value();
            }
            if (!c.take(',')) break;
        }
    }
    out += '}';
}

}  // namespace flowgrep
