// The config file as YAML text: its keys and values with the lines they are on, and the same text
// with one key set or removed while every other line, comments included, stays as it was.
// yaml-cpp reads; it cannot write comments back, so edits splice lines rather than re-emit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flowgrep {

struct config_item {
    std::string text;
    uint32_t line;  // 1-based
};

struct config_entry {
    enum class kind : uint8_t { scalar, list, empty, nested };
    std::string key;
    uint32_t line;  // of the key, 1-based
    kind shape;
    std::vector<config_item> items;  // the scalar, or the list's items (scalar and list only)
};

struct config_document {
    std::string path;
    std::string text;
    std::vector<config_entry> entries;  // in the file's order, repeated keys included
    // A block mapping with each key at the start of its own line, in one document: then an edit
    // replaces only the lines of the key it changes.
    bool editable_in_place = true;
};

// The file parsed; nullopt when there is no such file. Throws usage_error "PATH:LINE: ..." for a
// YAML syntax error or a top level that is not a mapping, "PATH: ..." when it cannot be read.
std::optional<config_document> read_config_file(const std::string& path);

// The same from text, for tests and for a file already read.
config_document parse_config_text(std::string path, std::string text);

// A YAML scalar that reads back as exactly `value`: plain when it can be, else quoted.
std::string yaml_scalar(std::string_view value);

// The text for `key: value`, or for a list, `key:` and `  - item` lines (`key: []` when empty).
std::string format_entry(std::string_view key, const std::vector<std::string>& values, bool as_list);

struct edited_text {
    std::string text;
    bool comments_kept = true;  // false when the file had to be written anew from its values
};

// The document with `key` set: its lines replaced where it was (later repeats removed), or
// appended at the end.
edited_text with_key_set(const config_document& doc, std::string_view key, const std::vector<std::string>& values,
                         bool as_list);

// The document without `key` (every repeat of it), or without any key; comments stay.
edited_text without_key(const config_document& doc, std::string_view key);
edited_text without_any_key(const config_document& doc);

// Writes the file through a temporary file beside it and a rename, creating its folder; a symlink
// is followed so that the link stays. Throws usage_error "PATH: cannot write: ...".
void write_config_file(const std::string& path, const std::string& text);

}  // namespace flowgrep
