// Runs the commands: completion and event-types only print text generated from the tables, and
// config prints or edits the settings (config_command.h); all fit parse_command_line's "print this
// and exit" result.
#include "cli/commands.h"

#include <algorithm>

#include "cli/completion_script.h"
#include "cli/config_command.h"
#include "cli/event_types_table.h"
#include "cli/subcommands.h"
#include "text/ascii.h"
#include "text/suggest.h"

namespace flowgrep {

namespace {

std::string shell_list() {
    std::string out;
    for (size_t i = 0; i < completion_shells.size(); ++i) {
        if (i > 0) out += i + 1 == completion_shells.size() ? " or " : ", ";
        out += completion_shells[i];
    }
    return out;
}

std::string command_help(const subcommand_spec& cmd) {
    std::string out = "Usage: flowgrep ";
    out += cmd.name;
    if (!cmd.args.empty()) {
        out += ' ';
        out += cmd.args;
    }
    out += "\n\n";
    out += ascii_upper(cmd.summary[0]);
    out += std::string(cmd.summary.substr(1)) + ".\n";
    if (cmd.name == "completion")
        out += "\n"
               "  bash:  source <(flowgrep completion bash)\n"
               "  zsh:   flowgrep completion zsh > \"${fpath[1]}/_flowgrep\"   (then compinit)\n"
               "  fish:  flowgrep completion fish > ~/.config/fish/completions/flowgrep.fish\n";
    if (cmd.name == "config") {
        out += "\n";
        for (const auto& action : config_actions) {
            std::string column = "  ";
            column += action.name;
            if (!action.args.empty()) {
                column += ' ';
                column += action.args;
            }
            column.resize(std::max<size_t>(column.size() + 2, 22), ' ');
            out += column + std::string(action.summary) + "\n";
        }
        out += "\nKEY is a long flag name; --config FILE or FLOWGREP_CONFIG names the file.\n"
               "man flowgrep: ENVIRONMENT and FILES.\n";
    }
    return out;
}

parsed_command_line printing(std::string text) {
    parsed_command_line out;
    out.exit_now = true;
    out.print = std::move(text);
    return out;
}

}  // namespace

std::optional<parsed_command_line> run_command(const scanned_args& scanned, const environment& env, int64_t now_ns) {
    if (scanned.positionals.empty() || scanned.after_dashdash == 0) return std::nullopt;
    const subcommand_spec* cmd = find_subcommand(scanned.positionals[0]);
    if (!cmd) return std::nullopt;
    const std::string name(cmd->name);
    if (!scanned.error.empty()) throw usage_error(scanned.error);
    const option_spec* help = find_long_option("help");
    const option_spec* config = find_long_option("config");
    for (const auto& use : scanned.flags)
        if (use.spec == help) return printing(command_help(*cmd));
    for (const auto& use : scanned.flags)
        if (use.spec != config)
            throw usage_error("flag --" + std::string(use.spec->name) + " cannot be used with the " + name +
                              " command");

    const std::vector<std::string> args(scanned.positionals.begin() + 1, scanned.positionals.end());
    if (name == "config") {
        parsed_command_line result = printing({});
        result.print = run_config_command(args, choose_config_file(scanned.flags, env), env, now_ns, result.warnings);
        return result;
    }
    if (name == "completion") {
        if (args.empty()) throw usage_error("completion needs a shell: " + shell_list());
        if (args.size() > 1)
            throw usage_error("completion takes one shell, got " + std::to_string(args.size()) + " words");
        if (auto script = completion_script(args[0])) return printing(std::move(*script));
        const std::vector<std::string> shells(completion_shells.begin(), completion_shells.end());
        throw usage_error("completion: unknown shell \"" + args[0] + "\"; choose " + shell_list() +
                          did_you_mean(args[0], shells));
    }
    // event-types
    if (!args.empty()) throw usage_error(name + " takes no arguments, got \"" + args[0] + "\"");
    return printing(event_types_text());
}

}  // namespace flowgrep
