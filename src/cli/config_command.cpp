// The config command's four actions. view and get read the settings as a run would (and so stop at
// the same errors); set and reset only need the file to be YAML, so that a bad key can be fixed.
#include "cli/config_command.h"

#include <algorithm>

#include "cli/command_line.h"
#include "cli/config_file.h"
#include "cli/subcommands.h"
#include "text/suggest.h"

namespace flowgrep {

namespace {

std::string action_list() {
    std::string out;
    for (size_t i = 0; i < config_actions.size(); ++i) {
        if (i > 0) out += i + 1 == config_actions.size() ? " or " : ", ";
        out += config_actions[i].name;
    }
    return out;
}

std::string origin_text(const setting& s) {
    switch (s.origin) {
    case setting_origin::default_value: return "default";
    case setting_origin::file: return "config file, line " + std::to_string(s.line);
    case setting_origin::environment: return environment_name(*s.spec);
    }
    return "default";
}

std::string file_line(const config_choice& file, bool read) {
    if (file.path.empty())
        return file.explicit_ ? "# config file: none (" + file.named_by + " is empty)\n"
                              : "# config file: none (neither XDG_CONFIG_HOME nor HOME is set)\n";
    return "# config file: " + file.path + (read ? "" : " (not there)") + "\n";
}

std::string view(const loaded_settings& loaded) {
    std::string out = "# flowgrep's settings: environment over config file over default; flags win over all.\n";
    out += file_line(loaded.file, loaded.file_read);
    // key: value, with the origin in a comment, aligned.
    std::vector<std::string> firsts, rests;
    size_t width = 0;
    for (const auto& s : loaded.settings) {
        std::string text = format_entry(s.spec->name, s.values, s.spec->repeats);
        size_t newline = text.find('\n');
        firsts.push_back(text.substr(0, newline));
        rests.push_back(text.substr(newline + 1));
        width = std::max(width, firsts.back().size());
    }
    for (size_t i = 0; i < loaded.settings.size(); ++i) {
        out += firsts[i];
        out.append(width - firsts[i].size() + 2, ' ');
        out += "# " + origin_text(loaded.settings[i]) + "\n";
        out += rests[i];
    }
    return out;
}

const config_choice& writable(const config_choice& file, std::string_view action) {
    if (file.path.empty())
        throw usage_error("config " + std::string(action) + ": no config file to change (" +
                          (file.explicit_ ? file.named_by + " is empty" : "neither XDG_CONFIG_HOME nor HOME is set") +
                          ")");
    return file;
}

std::string set(const std::vector<std::string>& args, const config_choice& file, const environment& env,
                int64_t now_ns, std::vector<std::string>& warnings) {
    if (args.empty()) throw usage_error("config set needs a key and a value: config set KEY VALUE");
    const option_spec* spec = nullptr;
    try {
        spec = &setting_named(args[0]);
    } catch (const usage_error& e) {
        throw usage_error("config set: " + std::string(e.what()));
    }
    const std::string& key = args[0];
    if (args.size() < 2) throw usage_error("config set " + key + " needs a value");
    if (!spec->repeats && args.size() > 2)
        throw usage_error("config set " + key + " takes one value, got " + std::to_string(args.size() - 1) +
                          " (quote a value with spaces)");
    std::vector<std::string> values;
    for (size_t i = 1; i < args.size(); ++i)
        for (auto& item : split_setting_value(*spec, args[i])) values.push_back(std::move(item));
    for (const auto& value : values) {
        try {
            check_setting_value(*spec, value, now_ns);
        } catch (const usage_error& e) {
            throw usage_error(key + ": " + e.what());
        }
        if (std::string w = unknown_value_warning({spec, value}); !w.empty()) warnings.push_back(key + ": " + w);
    }

    writable(file, "set");
    std::optional<config_document> doc = read_config_file(file.path);
    edited_text edited;
    if (doc) {
        edited = with_key_set(*doc, key, values, spec->repeats);
    } else {
        edited.text = "# flowgrep's settings: long flag names and their values; see FILES in flowgrep(1).\n" +
                      format_entry(key, values, spec->repeats);
    }
    write_config_file(file.path, edited.text);
    if (!edited.comments_kept)
        warnings.push_back(file.path + ": written anew from its values, without its comments (it is not a " +
                           "block mapping with one key per line)");
    if (env.contains(environment_name(*spec)))
        warnings.push_back(environment_name(*spec) + " is set, and wins over the config file");
    return {};
}

std::string reset(const std::vector<std::string>& args, const config_choice& file, const environment& env,
                  std::vector<std::string>& warnings) {
    if (args.size() > 1) throw usage_error("config reset takes at most one key, got " + std::to_string(args.size()));
    writable(file, "reset");
    std::optional<config_document> doc = read_config_file(file.path);
    if (args.empty()) {
        if (doc && !doc->entries.empty()) write_config_file(file.path, without_any_key(*doc).text);
        return {};
    }
    const std::string& key = args[0];
    const bool present = doc && std::any_of(doc->entries.begin(), doc->entries.end(),
                                            [&](const config_entry& e) { return e.key == key; });
    // A key that is in the file can always be removed, even one that is not a setting.
    if (!present) {
        try {
            setting_named(key);
        } catch (const usage_error& e) {
            throw usage_error("config reset: " + std::string(e.what()));
        }
        return {};
    }
    edited_text edited = without_key(*doc, key);
    write_config_file(file.path, edited.text);
    if (!edited.comments_kept)
        warnings.push_back(file.path + ": written anew from its values, without its comments (it is not a " +
                           "block mapping with one key per line)");
    if (const option_spec* spec = find_long_option(key); spec && env.contains(environment_name(*spec)))
        warnings.push_back(environment_name(*spec) + " is set, and still applies");
    return {};
}

}  // namespace

std::string run_config_command(const std::vector<std::string>& args, const config_choice& file,
                               const environment& env, int64_t now_ns, std::vector<std::string>& warnings) {
    if (args.empty()) throw usage_error("config needs an action: " + action_list());
    const std::string& action = args[0];
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (action == "view") {
        if (!rest.empty()) throw usage_error("config view takes no arguments, got \"" + rest[0] + "\"");
        loaded_settings loaded = load_settings(file, env, now_ns);
        for (auto& w : loaded.warnings) warnings.push_back(std::move(w));
        return view(loaded);
    }
    if (action == "get") {
        if (rest.size() != 1)
            throw usage_error("config get takes one key, got " + std::to_string(rest.size()));
        const option_spec* spec = nullptr;
        try {
            spec = &setting_named(rest[0]);
        } catch (const usage_error& e) {
            throw usage_error("config get: " + std::string(e.what()));
        }
        loaded_settings loaded = load_settings(file, env, now_ns);
        for (auto& w : loaded.warnings) warnings.push_back(std::move(w));
        std::string out;
        for (const auto& s : loaded.settings)
            if (s.spec == spec)
                for (const auto& value : s.values) out += value + "\n";
        return out;
    }
    if (action == "set") return set(rest, file, env, now_ns, warnings);
    if (action == "reset") return reset(rest, file, env, warnings);
    std::vector<std::string> names;
    for (const auto& a : config_actions) names.emplace_back(a.name);
    throw usage_error("config: unknown action \"" + action + "\"; choose " + action_list() +
                      did_you_mean(action, names));
}

}  // namespace flowgrep
