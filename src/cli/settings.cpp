// Reads settings from the environment and the config file, checks each key and value where it was
// written (so that an error can name FILE:LINE or the variable), and turns them into flag uses.
#include "cli/settings.h"

#include <algorithm>

#include "cli/command_line.h"
#include "cli/config_file.h"
#include "text/ascii.h"
#include "text/suggest.h"

extern char** environ;

namespace flowgrep {

namespace {

constexpr std::string_view prefix = "FLOWGREP_";
constexpr std::string_view config_variable = "FLOWGREP_CONFIG";

std::string trimmed(std::string_view s) {
    size_t begin = s.find_first_not_of(" \t\r");
    if (begin == std::string_view::npos) return {};
    size_t end = s.find_last_not_of(" \t\r");
    return std::string(s.substr(begin, end - begin + 1));
}

std::vector<std::string> setting_names() {
    std::vector<std::string> out;
    for (const option_spec* spec : setting_specs()) out.emplace_back(spec->name);
    return out;
}

const option_spec* setting_for_variable(std::string_view variable) {
    for (const auto& spec : option_table())
        if (environment_name(spec) == variable) return &spec;
    return nullptr;
}

std::string_view get(const environment& env, std::string_view name, bool& found) {
    auto it = env.find(name);
    found = it != env.end();
    return found ? std::string_view(it->second) : std::string_view{};
}

// Runs `check`, putting `where` in front of the message of any usage_error it throws.
template <typename F>
void located(const std::string& where, F&& check) {
    try {
        check();
    } catch (const usage_error& e) {
        throw usage_error(where + ": " + e.what());
    }
}

}  // namespace

environment process_environment() {
    environment env;
    for (char** e = environ; e && *e; ++e) {
        std::string_view entry(*e);
        size_t eq = entry.find('=');
        if (eq == std::string_view::npos) continue;
        std::string_view name = entry.substr(0, eq);
        if (name.starts_with(prefix) || name == "HOME" || name == "XDG_CONFIG_HOME")
            env.emplace(std::string(name), std::string(entry.substr(eq + 1)));
    }
    return env;
}

std::string environment_name(const option_spec& spec) {
    std::string out(prefix);
    for (char c : spec.name) out += c == '-' ? '_' : ascii_upper(c);
    return out;
}

std::vector<const option_spec*> setting_specs() {
    std::vector<const option_spec*> out;
    for (const auto& spec : option_table())
        if (spec.setting) out.push_back(&spec);
    return out;
}

const option_spec& setting_named(std::string_view key) {
    std::string quoted = "\"";
    quoted += key;
    quoted += '"';
    const option_spec* spec = find_long_option(key);
    if (spec && spec->setting && spec->name == key) return *spec;
    if (spec && spec->setting)
        throw usage_error("unknown key " + quoted + " (did you mean " + std::string(spec->name) + "?)");
    if (spec == find_long_option("config"))
        throw usage_error("unknown key " + quoted + ": the file to read is chosen by --config or FLOWGREP_CONFIG");
    if (spec) throw usage_error("unknown key " + quoted + ": --" + std::string(key) + " is an action, not a setting");
    throw usage_error("unknown key " + quoted + did_you_mean(key, setting_names()));
}

std::vector<std::string> split_setting_value(const option_spec& spec, std::string_view value) {
    if (!spec.repeats) return {std::string(value)};
    std::vector<std::string> items;
    const std::string_view separators = spec.split == list_split::newlines ? "\n" : "\n,";
    size_t start = 0;
    while (start <= value.size()) {
        size_t end = value.find_first_of(separators, start);
        if (end == std::string_view::npos) end = value.size();
        std::string item = trimmed(value.substr(start, end - start));
        if (!item.empty()) items.push_back(std::move(item));
        start = end + 1;
    }
    return items;
}

std::vector<flag_use> negation_uses(std::string_view item) {
    std::string_view text = item;
    if (text.starts_with("--")) text.remove_prefix(2);
    size_t eq = text.find('=');
    std::string_view name = text.substr(0, eq);
    const option_spec* spec = find_long_option(name);
    if (!spec || !is_filter_option(*spec) || spec->name == "not") {
        std::vector<std::string> filters;
        for (const auto& s : option_table())
            if (is_filter_option(s) && s.name != "not") filters.emplace_back(s.name);
        throw usage_error("\"" + std::string(item) + "\" does not name a filter flag to negate (write FLAG=VALUE, " +
                          "as in namespace=kube-system)" + did_you_mean(name, filters));
    }
    std::string value;
    if (eq != std::string_view::npos)
        value = std::string(text.substr(eq + 1));
    else if (spec->value == value_kind::required)
        throw usage_error("\"" + std::string(item) + "\" needs a value: " + std::string(spec->name) + "=" +
                          std::string(spec->metavar));
    else
        value = std::string(spec->implicit_value);
    return {{find_long_option("not"), "true"}, {spec, std::move(value)}};
}

void check_setting_value(const option_spec& spec, const std::string& value, int64_t now_ns) {
    if (spec.name == "not") {
        for (const auto& use : negation_uses(value))
            if (use.spec->name != "not") check_flag_value(*use.spec, use.value, now_ns);
        return;
    }
    check_flag_value(spec, value, now_ns);
}

config_choice choose_config_file(const std::vector<flag_use>& flags, const environment& env) {
    for (auto it = flags.rbegin(); it != flags.rend(); ++it)
        if (it->spec == find_long_option("config")) return {it->value, true, "--config"};
    bool found = false;
    std::string_view named = get(env, config_variable, found);
    if (found) return {std::string(named), true, std::string(config_variable)};
    // XDG: a relative XDG_CONFIG_HOME is invalid and ignored.
    std::string_view xdg = get(env, "XDG_CONFIG_HOME", found);
    if (found && xdg.starts_with('/')) return {std::string(xdg) + "/flowgrep/config.yaml", false, "default"};
    std::string_view home = get(env, "HOME", found);
    if (found && !home.empty()) return {std::string(home) + "/.config/flowgrep/config.yaml", false, "default"};
    return {"", false, "default"};
}

loaded_settings load_settings(const config_choice& file, const environment& env, int64_t now_ns) {
    loaded_settings out;
    out.file = file;
    const std::vector<const option_spec*> specs = setting_specs();
    out.settings.reserve(specs.size());
    for (const option_spec* spec : specs) {
        setting s{spec, {}, setting_origin::default_value, 0};
        if (!spec->repeats) s.values.emplace_back(spec->default_value);
        out.settings.push_back(std::move(s));
    }
    auto slot = [&](const option_spec* spec) -> setting& {
        return *std::find_if(out.settings.begin(), out.settings.end(),
                             [&](const setting& s) { return s.spec == spec; });
    };

    // The file first, so that its errors come in its own order; the environment then wins.
    if (!file.path.empty()) {
        std::optional<config_document> doc = read_config_file(file.path);
        if (!doc && file.explicit_)
            throw usage_error(file.path + ": cannot read: no such file (named by " + file.named_by + ")");
        if (doc) {
            out.file_read = true;
            for (const auto& entry : doc->entries) {
                const std::string where = file.path + ":" + std::to_string(entry.line);
                const option_spec* spec = nullptr;
                located(where, [&] { spec = &setting_named(entry.key); });
                setting& s = slot(spec);
                if (s.origin == setting_origin::file)
                    throw usage_error(where + ": " + entry.key + ": set twice (first on line " +
                                      std::to_string(s.line) + ")");
                if (entry.shape == config_entry::kind::empty)
                    throw usage_error(where + ": " + entry.key + ": no value (write '' for an empty one)");
                if (entry.shape == config_entry::kind::nested)
                    throw usage_error(where + ": " + entry.key + ": takes a value" +
                                      (spec->repeats ? " or a list of values" : "") + ", not a mapping");
                if (entry.shape == config_entry::kind::list && !spec->repeats)
                    throw usage_error(where + ": " + entry.key + ": takes one value, not a list");
                s.values.clear();
                for (const auto& item : entry.items) {
                    located(file.path + ":" + std::to_string(item.line) + ": " + entry.key,
                            [&] { check_setting_value(*spec, item.text, now_ns); });
                    s.values.push_back(item.text);
                }
                s.origin = setting_origin::file;
                s.line = entry.line;
                out.file_order.push_back(entry.key);
            }
        }
    }

    for (const auto& [name, value] : env) {
        if (!name.starts_with(prefix) || name == config_variable) continue;
        const option_spec* spec = setting_for_variable(name);
        if (!spec) {
            std::vector<std::string> known{std::string(config_variable)};
            for (const option_spec* s : specs) known.push_back(environment_name(*s));
            out.warnings.push_back(name + ": not a flowgrep setting; ignored" + did_you_mean(name, known));
            continue;
        }
        if (!spec->setting) {
            out.warnings.push_back(name + ": --" + std::string(spec->name) + " is an action, not a setting; ignored");
            continue;
        }
        setting& s = slot(spec);
        s.values = split_setting_value(*spec, value);
        for (const auto& item : s.values) located(name, [&] { check_setting_value(*spec, item, now_ns); });
        s.origin = setting_origin::environment;
        s.line = 0;
    }
    return out;
}

std::vector<flag_use> setting_uses(const loaded_settings& loaded) {
    std::vector<flag_use> uses;
    auto add = [&](const setting& s) {
        for (const auto& value : s.values) {
            if (s.spec->name == "not") {
                for (auto& use : negation_uses(value)) uses.push_back(std::move(use));
            } else {
                uses.push_back({s.spec, value});
            }
        }
    };
    for (const auto& key : loaded.file_order)
        for (const auto& s : loaded.settings)
            if (s.spec->name == key && s.origin == setting_origin::file) add(s);
    for (const auto& s : loaded.settings)
        if (s.origin == setting_origin::environment) add(s);
    return uses;
}

}  // namespace flowgrep
