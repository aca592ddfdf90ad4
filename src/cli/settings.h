// Settings: flag values that come from FLOWGREP_<FLAG> environment variables and from the config
// file rather than the command line. Precedence is flag, then environment, then file, then the
// table's default; they reach the parser as flags written before the command line's own.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/option_table.h"
#include "cli/pflag_scan.h"

namespace flowgrep {

// The variables flowgrep reads: FLOWGREP_*, HOME and XDG_CONFIG_HOME (NO_COLOR and TERM are read
// by the printer). A variable that is set to the empty string is set.
using environment = std::map<std::string, std::string, std::less<>>;

// The process's own, those variables only.
environment process_environment();

// FLOWGREP_TIME_FORMAT for time-format.
std::string environment_name(const option_spec& spec);

// The flags that may be settings, in table order (all but --help, --version and --config).
std::vector<const option_spec*> setting_specs();

// The setting a config file key or `config get|set|reset KEY` names. Throws usage_error
// "unknown key \"KEY\" (did you mean ...?)", or says why a flag such as help is not a setting.
const option_spec& setting_named(std::string_view key);

// One value of the environment variable (or of `config set`) cut into items as spec.split says:
// at newlines, and at commas unless the flag's values can hold one; each item trimmed of spaces
// and tabs, empty items dropped. A flag that does not repeat takes the value whole.
std::vector<std::string> split_setting_value(const option_spec& spec, std::string_view value);

// The flags one `not` item stands for: "namespace=kube-system" is --not --namespace=kube-system,
// "ipv4" is --not --ipv4. Throws usage_error for an item that names no filter flag.
std::vector<flag_use> negation_uses(std::string_view item);

// Throws usage_error when `value` is not one the flag accepts on its own (the flag's own message);
// for not, a negation item as above. `now_ns` anchors relative --since/--until.
void check_setting_value(const option_spec& spec, const std::string& value, int64_t now_ns);

enum class setting_origin : uint8_t { default_value, file, environment };

struct setting {
    const option_spec* spec;
    std::vector<std::string> values;  // one for a flag that does not repeat
    setting_origin origin = setting_origin::default_value;
    uint32_t line = 0;  // in the config file
};

// Which config file applies: --config on the command line (the last one), else FLOWGREP_CONFIG,
// else $XDG_CONFIG_HOME/flowgrep/config.yaml, else ~/.config/flowgrep/config.yaml. `path` is
// empty when there is none (--config '', or neither XDG_CONFIG_HOME nor HOME is set).
struct config_choice {
    std::string path;
    bool explicit_ = false;  // named by --config or FLOWGREP_CONFIG: then it must exist to be read
    std::string named_by;    // "--config", "FLOWGREP_CONFIG" or "default"
};
config_choice choose_config_file(const std::vector<flag_use>& flags, const environment& env);

// The settings in force before the command line: every setting spec in table order, with its
// value from the environment, the file or the default. Checks every key and value.
struct loaded_settings {
    config_choice file;
    bool file_read = false;             // the file existed and was read
    std::vector<setting> settings;      // one per setting spec, in table order
    std::vector<std::string> file_order;  // the keys the file set, in the file's order
    std::vector<std::string> warnings;  // for unknown FLOWGREP_ variables
};
loaded_settings load_settings(const config_choice& file, const environment& env, int64_t now_ns);

// The flags the settings stand for, to be applied before the command line's: the file's keys in
// the file's order, then the environment's in table order; defaults add nothing.
std::vector<flag_use> setting_uses(const loaded_settings& loaded);

}  // namespace flowgrep
