// Reads the config file with yaml-cpp (which keeps the order of a mapping and knows the line of
// every node) and edits it as lines: a key's lines run from its own to the next key's, less the
// blank lines and column-0 comments just before that next key, which belong to it.
#include "cli/config_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>

#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include "cli/command_line.h"

namespace flowgrep {

namespace {

namespace fs = std::filesystem;

uint32_t line_of(const YAML::Mark& mark) { return mark.line < 0 ? 1 : static_cast<uint32_t>(mark.line) + 1; }

config_entry entry_of(const YAML::Node& key, const YAML::Node& value) {
    config_entry e{key.IsScalar() ? key.Scalar() : std::string(), line_of(key.Mark()), config_entry::kind::empty, {}};
    if (value.IsScalar()) {
        e.shape = config_entry::kind::scalar;
        e.items.push_back({value.Scalar(), line_of(value.Mark())});
    } else if (value.IsSequence()) {
        e.shape = config_entry::kind::list;
        for (const auto& item : value) {
            if (!item.IsScalar()) {
                e.shape = config_entry::kind::nested;
                e.items.clear();
                break;
            }
            e.items.push_back({item.Scalar(), line_of(item.Mark())});
        }
    } else if (value.IsMap()) {
        e.shape = config_entry::kind::nested;
    }
    return e;
}

std::vector<std::string> split_lines(std::string_view text) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        lines.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

std::string join_lines(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& line : lines) out += line + "\n";
    return out;
}

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

bool is_document_marker(std::string_view line) {
    return line.starts_with("---") || line.starts_with("...");
}

// Lines before the next key that are not the value's: blank lines and comments at column 0.
bool belongs_to_next(std::string_view line) { return is_blank(line) || line.starts_with('#'); }

// An entry written anew from its values, for a document that cannot be edited in place.
std::string rewritten(const config_document& doc, const config_entry& e) {
    if (e.shape == config_entry::kind::empty) return e.key + ":\n";
    if (e.shape == config_entry::kind::nested)
        throw usage_error(doc.path + ":" + std::to_string(e.line) + ": " + e.key +
                          ": cannot rewrite a nested value; edit the file by hand");
    std::vector<std::string> values;
    for (const auto& item : e.items) values.push_back(item.text);
    return format_entry(e.key, values, e.shape == config_entry::kind::list);
}

// Replaces the lines of every entry for which `pick` gives a replacement (nullopt: keep).
edited_text replace_entries(const config_document& doc,
                            const std::function<std::optional<std::string>(size_t)>& pick) {
    if (!doc.editable_in_place) {
        std::string out;
        for (size_t i = 0; i < doc.entries.size(); ++i) {
            auto replacement = pick(i);
            out += replacement ? *replacement : rewritten(doc, doc.entries[i]);
        }
        return {out, false};
    }
    std::vector<std::string> lines = split_lines(doc.text);
    std::vector<std::string> out;
    size_t next = 0;
    for (size_t i = 0; i < doc.entries.size(); ++i) {
        size_t begin = doc.entries[i].line - 1;
        size_t end = i + 1 < doc.entries.size() ? doc.entries[i + 1].line - 1 : lines.size();
        begin = std::min(begin, lines.size());
        end = std::min(end, lines.size());
        while (end > begin + 1 && belongs_to_next(lines[end - 1])) --end;
        for (; next < begin; ++next) out.push_back(lines[next]);
        auto replacement = pick(i);
        if (replacement) {
            for (auto& line : split_lines(*replacement)) out.push_back(std::move(line));
        } else {
            for (size_t j = begin; j < end; ++j) out.push_back(lines[j]);
        }
        next = end;
    }
    for (; next < lines.size(); ++next) out.push_back(lines[next]);
    return {join_lines(out), true};
}

bool needs_double_quotes(std::string_view value) {
    for (unsigned char c : value)
        if (c < 0x20 || c == 0x7f) return true;
    return false;
}

bool can_be_plain(std::string_view value) {
    if (value.empty() || value == "~" || value == "null" || value == "Null" || value == "NULL") return false;
    if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(value.front()) != std::string_view::npos) return false;
    if (value.front() == ' ' || value.back() == ' ' || value.back() == ':') return false;
    if (value.find(": ") != std::string_view::npos || value.find(" #") != std::string_view::npos) return false;
    return !needs_double_quotes(value);
}

}  // namespace

config_document parse_config_text(std::string path, std::string text) {
    config_document doc{std::move(path), std::move(text), {}, true};
    YAML::Node root;
    try {
        root = YAML::Load(doc.text);
    } catch (const YAML::Exception& e) {
        throw usage_error(doc.path + ":" + std::to_string(line_of(e.mark)) + ": " + e.msg);
    }
    if (root.IsNull()) return doc;
    if (!root.IsMap())
        throw usage_error(doc.path + ":" + std::to_string(line_of(root.Mark())) +
                          ": not a mapping of flag names to values (write output: json, one per line)");
    if (root.Style() == YAML::EmitterStyle::Flow) doc.editable_in_place = false;
    uint32_t last_line = 0;
    for (auto it = root.begin(); it != root.end(); ++it) {
        config_entry e = entry_of(it->first, it->second);
        if (it->first.Mark().column != 0 || e.line <= last_line) doc.editable_in_place = false;
        last_line = e.line;
        doc.entries.push_back(std::move(e));
    }
    // A second document, or markers between keys, would be cut through by a splice.
    std::vector<std::string> lines = split_lines(doc.text);
    size_t first_key = doc.entries.empty() ? lines.size() : doc.entries.front().line - 1;
    for (size_t i = first_key; i < lines.size(); ++i)
        if (is_document_marker(lines[i])) doc.editable_in_place = false;
    return doc;
}

std::optional<config_document> read_config_file(const std::string& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        if (ec && ec != std::errc::no_such_file_or_directory)
            throw usage_error(path + ": cannot read: " + ec.message());
        return std::nullopt;
    }
    if (fs::is_directory(path, ec)) throw usage_error(path + ": cannot read: it is a directory");
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) throw usage_error(path + ": cannot read: " + std::strerror(errno));
    std::string text;
    char buffer[4096];
    size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) text.append(buffer, n);
    const bool failed = std::ferror(f);
    std::fclose(f);
    if (failed) throw usage_error(path + ": cannot read: " + std::strerror(errno));
    return parse_config_text(path, std::move(text));
}

std::string yaml_scalar(std::string_view value) {
    if (can_be_plain(value)) return std::string(value);
    std::string out;
    if (!needs_double_quotes(value)) {
        out += '\'';
        for (char c : value) {
            if (c == '\'') out += '\'';
            out += c;
        }
        return out + '\'';
    }
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    for (char c : value) {
        auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (u < 0x20 || u == 0x7f) {
            out += "\\x";
            out += hex[u >> 4];
            out += hex[u & 0xf];
        } else {
            out += c;
        }
    }
    return out + '"';
}

std::string format_entry(std::string_view key, const std::vector<std::string>& values, bool as_list) {
    std::string out(key);
    if (!as_list) return out + ": " + yaml_scalar(values.empty() ? std::string_view{} : values.front()) + "\n";
    if (values.empty()) return out + ": []\n";
    out += ":\n";
    for (const auto& v : values) out += "  - " + yaml_scalar(v) + "\n";
    return out;
}

edited_text with_key_set(const config_document& doc, std::string_view key, const std::vector<std::string>& values,
                         bool as_list) {
    const std::string entry = format_entry(key, values, as_list);
    bool placed = false;
    edited_text out = replace_entries(doc, [&](size_t i) -> std::optional<std::string> {
        if (doc.entries[i].key != key) return std::nullopt;
        if (placed) return std::string();
        placed = true;
        return entry;
    });
    if (!placed) {
        if (!out.text.empty() && out.text.back() != '\n') out.text += '\n';
        out.text += entry;
    }
    return out;
}

edited_text without_key(const config_document& doc, std::string_view key) {
    return replace_entries(doc, [&](size_t i) -> std::optional<std::string> {
        if (doc.entries[i].key != key) return std::nullopt;
        return std::string();
    });
}

edited_text without_any_key(const config_document& doc) {
    return replace_entries(doc, [](size_t) -> std::optional<std::string> { return std::string(); });
}

void write_config_file(const std::string& path, const std::string& text) {
    std::error_code ec;
    fs::path target = path;
    if (fs::is_symlink(target, ec)) target = fs::weakly_canonical(target, ec);
    auto fail = [&](const std::string& why) { throw usage_error(path + ": cannot write: " + why); };
    if (target.has_parent_path()) {
        fs::create_directories(target.parent_path(), ec);
        if (ec) fail(ec.message());
    }
    const fs::path temporary = target.string() + ".tmp" + std::to_string(::getpid());
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) fail(std::strerror(errno));
        out << text;
        out.flush();
        if (!out) {
            fs::remove(temporary, ec);
            fail(std::strerror(errno));
        }
    }
    // Keep the permissions of the file being replaced (a private file stays private).
    auto status = fs::status(target, ec);
    if (!ec && fs::exists(status)) fs::permissions(temporary, status.permissions(), ec);
    fs::rename(temporary, target, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        fail(ec.message());
    }
}

}  // namespace flowgrep
