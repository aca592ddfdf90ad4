// Writes the three completion scripts. Each shell gets the same facts from the table: every long and
// short name, which flags take a value (pflag's rules decide which word is a value and which a
// file), what that value completes to, the commands with their shell names, and config's actions,
// keys (the settings' names) and values (as the flags'). The scripts are static: nothing runs
// flowgrep at TAB time.
#include "cli/completion_script.h"

#include "cli/subcommands.h"

namespace flowgrep {

namespace {

bool takes_value(const option_spec& spec) { return spec.value == value_kind::required; }

// A value that is a comma-separated list (FLAG[,FLAG...]): each item completes on its own.
bool takes_list(const option_spec& spec) { return spec.metavar.find("[,") != std::string_view::npos; }

bool any_list_choices(std::span<const option_spec> table) {
    for (const auto& spec : table)
        if (takes_value(spec) && takes_list(spec) && spec.completion == completion_kind::choice) return true;
    return false;
}

std::vector<std::string> long_names(const option_spec& spec) {
    std::vector<std::string> out{"--" + std::string(spec.name)};
    if (!spec.alias.empty()) out.push_back("--" + std::string(spec.alias));
    return out;
}

std::string short_name(const option_spec& spec) {
    return spec.short_name == '\0' ? std::string() : std::string("-") + spec.short_name;
}

// Every spelling of the flag: --name, --alias, -x.
std::vector<std::string> all_names(const option_spec& spec) {
    std::vector<std::string> out = long_names(spec);
    if (spec.short_name != '\0') out.push_back(short_name(spec));
    return out;
}

// -x first: how zsh lists them.
std::vector<std::string> short_and_long_names(const option_spec& spec) {
    std::vector<std::string> out;
    if (spec.short_name != '\0') out.push_back(short_name(spec));
    for (auto& name : long_names(spec)) out.push_back(std::move(name));
    return out;
}

std::string join(const std::vector<std::string>& words, std::string_view separator) {
    std::string out;
    for (const auto& w : words) {
        if (!out.empty()) out += separator;
        out += w;
    }
    return out;
}

std::string join(const std::vector<std::string_view>& words, std::string_view separator) {
    return join(std::vector<std::string>(words.begin(), words.end()), separator);
}

// 'text' for sh, bash, zsh: a ' inside becomes '\''.
std::string sh_quote(std::string_view text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + "'";
}

// 'text' for fish, where \ and ' are escaped with a backslash inside single quotes.
std::string fish_quote(std::string_view text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

// The short names of value-taking flags, as the body of a bracket expression: "lnot".
std::string value_shorts(std::span<const option_spec> table) {
    std::string out;
    for (const auto& spec : table)
        if (takes_value(spec) && spec.short_name != '\0') out += spec.short_name;
    return out;
}

std::vector<std::string> value_long_names(std::span<const option_spec> table) {
    std::vector<std::string> out;
    for (const auto& spec : table)
        if (takes_value(spec))
            for (auto& name : long_names(spec)) out.push_back(std::move(name));
    return out;
}

std::vector<std::string_view> subcommand_names() {
    std::vector<std::string_view> out;
    for (const auto& s : subcommands) out.push_back(s.name);
    return out;
}

std::vector<std::string_view> shell_names() { return {completion_shells.begin(), completion_shells.end()}; }

std::vector<std::string_view> config_action_names() {
    std::vector<std::string_view> out;
    for (const auto& a : config_actions) out.push_back(a.name);
    return out;
}

// The config keys: the flags that can be settings.
std::vector<const option_spec*> setting_keys(std::span<const option_spec> table) {
    std::vector<const option_spec*> out;
    for (const auto& spec : table)
        if (spec.setting) out.push_back(&spec);
    return out;
}

std::vector<std::string> setting_key_names(std::span<const option_spec> table) {
    std::vector<std::string> out;
    for (const option_spec* spec : setting_keys(table)) out.emplace_back(spec->name);
    return out;
}

// Keys whose values complete to something: choices or files.
bool completes_value(const option_spec& spec) {
    return spec.completion == completion_kind::choice || spec.completion == completion_kind::file;
}

// A word for a shell command line: as it is when it holds nothing a shell would read, else quoted.
std::string shell_word(std::string_view word) {
    for (char c : word)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              std::string_view("_:.,+/=-").find(c) != std::string_view::npos))
            return sh_quote(word);
    return std::string(word);
}

std::string shell_words(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) {
        if (!out.empty()) out += ' ';
        out += shell_word(w);
    }
    return out;
}

// ---- bash ----

std::string bash_values_function(std::span<const option_spec> table) {
    std::string out =
        "# Adds to COMPREPLY the values for $1 (a flag, or command or shell for the positional words)\n"
        "# that start with $3, each behind the prefix $2.\n"
        "__flowgrep_values() {\n"
        "    local values\n"
        "    case $1 in\n";
    out += "    command) values=" + sh_quote(join(subcommand_names(), " ")) + " ;;\n";
    out += "    shell) values=" + sh_quote(join(shell_names(), " ")) + " ;;\n";
    out += "    config) values=" + sh_quote(join(config_action_names(), " ")) + " ;;\n";
    out += "    key) values=" + sh_quote(join(setting_key_names(table), " ")) + " ;;\n";
    for (const auto& spec : table) {
        if (!takes_value(spec)) continue;
        if (spec.completion == completion_kind::choice && takes_list(spec))
            // The items before the last comma join the prefix; the last one is completed.
            out += "    " + join(all_names(spec), "|") + ") values=" + sh_quote(join(spec.choices, " ")) +
                   "; set -- \"$1\" \"$2${3%\"${3##*,}\"}\" \"${3##*,}\" ;;\n";
        else if (spec.completion == completion_kind::choice)
            out += "    " + join(all_names(spec), "|") + ") values=" + sh_quote(join(spec.choices, " ")) + " ;;\n";
        else if (spec.completion == completion_kind::file)
            out += "    " + join(all_names(spec), "|") + ") __flowgrep_files \"$2\" \"$3\"; return ;;\n";
    }
    out +=
        "    *) return ;;\n"
        "    esac\n"
        "    local v\n"
        "    while IFS= read -r v; do COMPREPLY+=(\"$2$v\"); done < <(compgen -W \"$values\" -- \"$3\")\n"
        "}\n";
    return out;
}

std::string bash_script(std::span<const option_spec> table) {
    const std::string shorts = value_shorts(table);
    std::vector<std::string> options;
    for (const auto& spec : table)
        for (auto& name : all_names(spec)) options.push_back(std::move(name));

    std::string out =
        "# bash completion for flowgrep                                    -*- shell-script -*-\n"
        "# Generated from flowgrep's option table by `flowgrep completion bash`; do not edit.\n"
        "# Install as share/bash-completion/completions/flowgrep, or run: source <(flowgrep completion bash)\n"
        "\n";
    out += bash_values_function(table);
    out +=
        "\n"
        "# Adds to COMPREPLY the files and directories that start with $2, each behind the prefix $1.\n"
        "__flowgrep_files() {\n"
        "    local f\n"
        "    while IFS= read -r f; do COMPREPLY+=(\"$1$f\"); done < <(compgen -f -- \"$2\")\n"
        "    compopt -o filenames 2>/dev/null\n"
        "}\n"
        "\n"
        "_flowgrep() {\n"
        "    # readline splits words at = and : (COMP_WORDBREAKS); join the pieces again, so that\n"
        "    # --type=trace:to-stack is one word, as flowgrep will see it.\n"
        "    local i w\n"
        "    local -a words=()\n"
        "    for ((i = 0; i <= COMP_CWORD; i++)); do\n"
        "        w=${COMP_WORDS[i]}\n"
        "        if ((i > 1)) && [[ -n $w && ( -z ${w//[=:]/} || -z ${COMP_WORDS[i-1]//[=:]/} ) ]]; then\n"
        "            words[${#words[@]}-1]+=$w\n"
        "        else\n"
        "            words+=(\"$w\")\n"
        "        fi\n"
        "    done\n"
        "    # cur is the whole word; readline replaces only its part after the last = or :, so\n"
        "    # candidates lose the text before that (strip) at the end.\n"
        "    local cur=${words[${#words[@]}-1]} strip\n"
        "    w=${COMP_WORDS[COMP_CWORD]}\n"
        "    if [[ -z ${w//[=:]/} ]]; then strip=$cur; else strip=${cur%\"$w\"}; fi\n"
        "\n"
        "    # Which of the words before the cursor are flags, flag values and positional words.\n"
        "    local value_of='' dashdash='' first='' count=0\n"
        "    local -a positional=()\n"
        "    for ((i = 1; i < ${#words[@]} - 1; i++)); do\n"
        "        w=${words[i]}\n"
        "        if [[ -n $value_of ]]; then\n"
        "            value_of=\n"
        "        elif [[ -z $dashdash && $w == -?* ]]; then\n"
        "            case $w in\n"
        "            --) dashdash=1 ;;\n";
    const std::vector<std::string> value_longs = value_long_names(table);
    if (!value_longs.empty()) out += "            " + join(value_longs, "|") + ") value_of=$w ;;\n";
    out += "            --*) ;;\n";
    if (!shorts.empty())
        out += "            *) [[ $w =~ ^-[^" + shorts + "]*[" + shorts + "]$ ]] && value_of=-${w: -1} ;;\n";
    out +=
        "            esac\n"
        "        else\n"
        "            ((count++ == 0)) && [[ -z $dashdash ]] && first=$w\n"
        "            positional+=(\"$w\")\n"
        "        fi\n"
        "    done\n"
        "\n"
        "    COMPREPLY=()\n"
        "    if [[ -n $value_of ]]; then\n"
        "        __flowgrep_values \"$value_of\" '' \"$cur\"\n"
        "    elif [[ -z $dashdash && $cur == -* ]]; then\n";
    if (!shorts.empty()) out += "        local re='^(-[^" + shorts + "=]*([" + shorts + "])=?)(.*)$'\n";
    out +=
        "        if [[ $cur == --*=* ]]; then\n"
        "            __flowgrep_values \"${cur%%=*}\" \"${cur%%=*}=\" \"${cur#*=}\"\n";
    if (!shorts.empty())
        out +=
            "        elif [[ $cur != --* && $cur =~ $re && ( ${BASH_REMATCH[1]} == *= || -n ${BASH_REMATCH[3]} ) ]]; then\n"
            "            __flowgrep_values \"-${BASH_REMATCH[2]}\" \"${BASH_REMATCH[1]}\" \"${BASH_REMATCH[3]}\"\n";
    out += "        else\n";
    out += "            local options=" + sh_quote(join(options, " ")) + "\n";
    out +=
        "            while IFS= read -r w; do COMPREPLY+=(\"$w\"); done < <(compgen -W \"$options\" -- \"$cur\")\n"
        "        fi\n"
        "    elif [[ $first == completion ]]; then\n"
        "        ((count == 1)) && __flowgrep_values shell '' \"$cur\"\n"
        "    elif [[ $first == config ]]; then\n"
        "        # config ACTION, then KEY for get, set and reset, then the key's values for set.\n"
        "        case $count:${positional[1]:-} in\n"
        "        1:*) __flowgrep_values config '' \"$cur\" ;;\n"
        "        2:get | 2:set | 2:reset) __flowgrep_values key '' \"$cur\" ;;\n"
        "        *:set) __flowgrep_values \"--${positional[2]}\" '' \"$cur\" ;;\n"
        "        esac\n"
        "    elif [[ $first != event-types ]]; then\n"
        "        ((count == 0)) && [[ -z $dashdash ]] && __flowgrep_values command '' \"$cur\"\n"
        "        __flowgrep_files '' \"$cur\"\n"
        "    fi\n"
        "    ((${#COMPREPLY[@]})) && [[ -n $strip ]] && COMPREPLY=(\"${COMPREPLY[@]#\"$strip\"}\")\n"
        "    return 0\n"
        "}\n"
        "\n"
        "complete -F _flowgrep flowgrep\n";
    return out;
}

// ---- zsh ----

// Text inside an _arguments description, [...]: \ and ] are escaped.
std::string zsh_description(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\\' || c == ']' || c == '[') out += '\\';
        out += c;
    }
    return out;
}

// A message or an action word in an _arguments spec: : is escaped, and so are the characters
// that would end a (...) list.
std::string zsh_action_word(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == ':' || c == '\\' || c == '(' || c == ')' || c == ' ') out += '\\';
        out += c;
    }
    return out;
}

// One element of the _arguments array, as shell words: '(-o --output)'{-o+,--output=}'[...]:...'.
std::string zsh_spec(const option_spec& spec) {
    const bool value = takes_value(spec);
    std::vector<std::string> names;
    if (spec.short_name != '\0') names.push_back(short_name(spec) + (value ? "+" : ""));
    for (const auto& name : long_names(spec)) names.push_back(name + (value ? "=" : ""));

    std::string exclusions;
    if (spec.exits_at_once)
        exclusions = "(- *)";
    else if (spec.repeats)
        exclusions = "*";
    else if (names.size() > 1)
        exclusions = "(" + join(short_and_long_names(spec), " ") + ")";

    std::string tail = "[";
    tail += zsh_description(spec.summary);
    tail += ']';
    if (value) {
        tail += ':';
        tail += zsh_action_word(spec.metavar);
        tail += ':';
        switch (spec.completion) {
        case completion_kind::choice: {
            std::vector<std::string> words;
            for (const auto& c : spec.choices) words.push_back(zsh_action_word(c));
            if (takes_list(spec))
                // The description is the item's name: FLAG of FLAG[,FLAG...].
                tail += "_values -s , " + zsh_action_word(spec.metavar.substr(0, spec.metavar.find('['))) + " " +
                        join(words, " ");
            else
                tail += "(" + join(words, " ") + ")";
            break;
        }
        case completion_kind::file: tail += "_files"; break;
        case completion_kind::none:
        case completion_kind::free: tail += " "; break;
        }
    }

    std::string out;
    if (!exclusions.empty()) out += sh_quote(exclusions);
    out += names.size() > 1 ? "{" + join(names, ",") + "}" : names.front();
    out += sh_quote(tail);
    return out;
}

// _describe's "name:description" entries.
std::string zsh_describe_entry(std::string_view name, std::string_view description) {
    return sh_quote(zsh_action_word(name) + ":" + std::string(description));
}

// `config ACTION KEY VALUE...` among the positional words ($words[1] is config).
std::string zsh_config_branch(std::span<const option_spec> table) {
    std::string out =
        "    elif [[ $words[1] == config ]]; then\n"
        "      if (( CURRENT == 2 )); then\n"
        "        local -a actions=(\n";
    for (const auto& a : config_actions) out += "          " + zsh_describe_entry(a.name, a.summary) + "\n";
    out +=
        "        )\n"
        "        _describe -t actions 'config action' actions && ret=0\n"
        "      elif (( CURRENT == 3 )) && [[ $words[2] == (get|set|reset) ]]; then\n"
        "        local -a keys=(\n";
    for (const option_spec* spec : setting_keys(table))
        out += "          " + zsh_describe_entry(spec->name, spec->summary) + "\n";
    out +=
        "        )\n"
        "        _describe -t keys key keys && ret=0\n"
        "      elif (( CURRENT >= 4 )) && [[ $words[2] == set ]]; then\n"
        "        case $words[3] in\n";
    for (const option_spec* spec : setting_keys(table)) {
        if (!completes_value(*spec)) continue;
        out += "        (" + std::string(spec->name) + ") ";
        if (spec->completion == completion_kind::file)
            out += "_files";
        else if (takes_list(*spec))
            out += "_values -s , " + shell_word(spec->metavar.substr(0, spec->metavar.find('['))) + " " +
                   shell_words(spec->choices);
        else
            out += "_wanted values expl " + shell_word(spec->metavar) + " compadd -- " + shell_words(spec->choices);
        out += " && ret=0 ;;\n";
    }
    out +=
        "        esac\n"
        "      fi\n";
    return out;
}

std::string zsh_script(std::span<const option_spec> table) {
    std::string out =
        "#compdef flowgrep\n"
        "# zsh completion for flowgrep, generated from its option table by `flowgrep completion zsh`;\n"
        "# do not edit. Install as share/zsh/site-functions/_flowgrep (any directory in $fpath), or run\n"
        "# source <(flowgrep completion zsh) after compinit.\n"
        "\n"
        "_flowgrep() {\n"
        "  local curcontext=$curcontext state state_descr line ret=1\n"
        "  typeset -A opt_args\n"
        "  local -a args=(\n";
    for (const auto& spec : table) out += "    " + zsh_spec(spec) + "\n";
    out +=
        "  )\n"
        "  _arguments -s -S -C : $args '*:: :->positional' && ret=0\n"
        "  if [[ $state == positional ]]; then\n"
        "    if (( CURRENT == 1 )); then\n"
        "      local -a commands=(\n";
    for (const auto& s : subcommands) out += "        " + zsh_describe_entry(s.name, s.summary) + "\n";
    out +=
        "      )\n"
        "      _describe -t commands command commands && ret=0\n"
        "      _files && ret=0\n"
        "    elif [[ $words[1] == completion ]]; then\n"
        "      local -a shells=(" + join(shell_names(), " ") + ")\n"
        "      (( CURRENT == 2 )) && _wanted shells expl shell compadd -a shells && ret=0\n";
    out += zsh_config_branch(table);
    out +=
        "    elif [[ $words[1] != event-types ]]; then\n"
        "      _files && ret=0\n"
        "    fi\n"
        "  fi\n"
        "  return ret\n"
        "}\n"
        "\n"
        "# Autoloaded from $fpath, this file is _flowgrep's body: run it. Sourced, register it.\n"
        "if [[ $funcstack[1] == _flowgrep ]] || (( ! $+functions[compdef] )); then\n"
        "  _flowgrep \"$@\"\n"
        "else\n"
        "  compdef _flowgrep flowgrep\n"
        "fi\n";
    return out;
}

// ---- fish ----

std::string fish_script(std::span<const option_spec> table) {
    const std::string shorts = value_shorts(table);
    std::string out =
        "# fish completion for flowgrep, generated from its option table by `flowgrep completion fish`;\n"
        "# do not edit. Install as share/fish/vendor_completions.d/flowgrep.fish (or\n"
        "# ~/.config/fish/completions/flowgrep.fish), or run: flowgrep completion fish | source\n"
        "\n"
        "complete -c flowgrep -e\n"
        "\n"
        "# Whether the word being completed is a flag's value (value), the first positional word\n"
        "# (first), the shell after `completion` (shell), config's action, key or a value for KEY\n"
        "# (config-action, config-key, config-value:KEY), one that takes nothing (none) or a file.\n"
        "# `want` may be a glob.\n"
        "function __flowgrep_state -a want\n"
        "    set -l words (commandline -opc)\n"
        "    set -e words[1]\n"
        "    set -l take 0\n"
        "    set -l dashdash 0\n"
        "    set -l count 0\n"
        "    set -l first\n"
        "    set -l positional\n"
        "    for w in $words\n"
        "        if test $take = 1\n"
        "            set take 0\n"
        "        else if test $dashdash = 0; and string match -qr -- '^-.' $w\n"
        "            switch $w\n"
        "                case --\n"
        "                    set dashdash 1\n";
    const std::vector<std::string> value_longs = value_long_names(table);
    if (!value_longs.empty())
        out += "                case " + join(value_longs, " ") +
               "\n"
               "                    set take 1\n";
    out += "                case '--*'\n";
    if (!shorts.empty())
        out +=
            "                case '*'\n"
            "                    string match -qr -- '^-[^" + shorts + "]*[" + shorts + "]$' $w; and set take 1\n";
    out +=
        "            end\n"
        "        else\n"
        "            test $count = 0; and test $dashdash = 0; and set first $w\n"
        "            set count (math $count + 1)\n"
        "            set -a positional $w\n"
        "        end\n"
        "    end\n"
        "    set -l state files\n"
        "    if test $take = 1\n"
        "        set state value\n"
        "    else if test \"$first\" = completion\n"
        "        set state none\n"
        "        test $count = 1; and set state shell\n"
        "    else if test \"$first\" = config\n"
        "        set state none\n"
        "        if test $count = 1\n"
        "            set state config-action\n"
        "        else if test $count = 2; and contains -- \"$positional[2]\" get set reset\n"
        "            set state config-key\n"
        "        else if test $count -ge 3; and test \"$positional[2]\" = set\n"
        "            set state config-value:$positional[3]\n"
        "        end\n"
        "    else if test \"$first\" = event-types\n"
        "        set state none\n"
        "    else if test $count = 0; and test $dashdash = 0\n"
        "        set state first\n"
        "    end\n"
        "    string match -q -- $want $state\n"
        "end\n"
        "\n"
        "# The config keys, with their summaries.\n"
        "function __flowgrep_keys\n"
        "    printf '%s\\t%s\\n' \\\n";
    {
        const auto keys = setting_keys(table);
        for (size_t i = 0; i < keys.size(); ++i)
            out += "        " + std::string(keys[i]->name) + " " + fish_quote(keys[i]->summary) +
                   (i + 1 < keys.size() ? " \\\n" : "\n");
    }
    out +=
        "end\n"
        "\n";
    if (any_list_choices(table))
        out +=
            "# The items of a comma-separated list: those typed so far, then each of $argv.\n"
            "function __flowgrep_list\n"
            "    set -l head (string replace -r -- '[^,]*$' '' (commandline -ct | string replace -r -- '^--?[^=]*=' ''))\n"
            "    printf '%s\\n' $head$argv\n"
            "end\n"
            "\n";
    for (const auto& s : subcommands)
        out += "complete -c flowgrep -n '__flowgrep_state first' -a " + std::string(s.name) + " -d " +
               fish_quote(s.summary) + "\n";
    out += "complete -c flowgrep -n '__flowgrep_state shell' -f -a " + fish_quote(join(shell_names(), " ")) + "\n";
    out += "complete -c flowgrep -n '__flowgrep_state none' -f\n";
    for (const auto& a : config_actions)
        out += "complete -c flowgrep -n '__flowgrep_state config-action' -f -a " + std::string(a.name) + " -d " +
               fish_quote(a.summary) + "\n";
    out += "complete -c flowgrep -n '__flowgrep_state config-key' -f -a '(__flowgrep_keys)'\n";
    out += "complete -c flowgrep -n \"__flowgrep_state 'config-value:*'\" -f\n";
    for (const option_spec* spec : setting_keys(table)) {
        if (!completes_value(*spec)) continue;
        std::string line = "complete -c flowgrep -n '__flowgrep_state config-value:" + std::string(spec->name) + "'";
        if (spec->completion == completion_kind::file)
            line += " -F";
        else if (takes_list(*spec))
            line += " -f -a " + fish_quote("(__flowgrep_list " + join(spec->choices, " ") + ")");
        else
            line += " -f -a " + fish_quote(join(spec->choices, " "));
        out += line + "\n";
    }
    out += "\n";
    for (const auto& spec : table) {
        std::string line = "complete -c flowgrep";
        if (spec.short_name != '\0') line += std::string(" -s ") + spec.short_name;
        line += " -l " + std::string(spec.name);
        if (!spec.alias.empty()) line += " -l " + std::string(spec.alias);
        line += " -d " + fish_quote(spec.summary);
        if (takes_value(spec)) {
            switch (spec.completion) {
            case completion_kind::choice:
                if (takes_list(spec))
                    line += " -x -a " + fish_quote("(__flowgrep_list " + join(spec.choices, " ") + ")");
                else
                    line += " -x -a " + fish_quote(join(spec.choices, " "));
                break;
            case completion_kind::file: line += " -r -F"; break;
            case completion_kind::none:
            case completion_kind::free: line += " -x"; break;
            }
        }
        out += line + "\n";
    }
    return out;
}

}  // namespace

std::string bash_completion(std::span<const option_spec> table) { return bash_script(table); }
std::string zsh_completion(std::span<const option_spec> table) { return zsh_script(table); }
std::string fish_completion(std::span<const option_spec> table) { return fish_script(table); }

std::optional<std::string> completion_script(std::string_view shell) {
    if (shell == "bash") return bash_completion();
    if (shell == "zsh") return zsh_completion();
    if (shell == "fish") return fish_completion();
    return std::nullopt;
}

}  // namespace flowgrep
