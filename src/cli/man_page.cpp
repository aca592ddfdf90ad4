// Writes flowgrep(1). The flag sections, and the environment variables that stand for the flags,
// come from the option table (one .TP per flag, its description as the paragraph); the prose that
// frames them lives here. Every dash is written as
// \- and `quoted` words in descriptions are set in bold.
#include "cli/man_page.h"

#include "cli/event_types_table.h"
#include "cli/settings.h"
#include "cli/subcommands.h"
#include "exit_status.h"
#include "output/aggregate_keys.h"

#ifndef FLOWGREP_VERSION
#define FLOWGREP_VERSION "unknown"
#endif

namespace flowgrep {

namespace {

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// The length of the flag name (--name or -x) that starts text at a word boundary, or 0.
size_t flag_length(std::string_view text) {
    if (text.size() >= 3 && text[0] == '-' && text[1] == '-' && is_alnum(text[2])) {
        size_t n = 3;
        while (n < text.size() && (is_alnum(text[n]) || text[n] == '-')) ++n;
        return n;
    }
    if (text.size() >= 2 && text[0] == '-' && is_alnum(text[1]) && (text.size() == 2 || !is_alnum(text[2])))
        return 2;
    return 0;
}

// Text for a roff line: \ and - escaped; `code` and flag names (--type, -t) in bold.
std::string roff(std::string_view text) {
    std::string out;
    bool code = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool word_start = i == 0 || std::string_view(" (/\"',").find(text[i - 1]) != std::string_view::npos;
        if (size_t n = !code && word_start ? flag_length(text.substr(i)) : 0) {
            out += "\\fB";
            for (char d : text.substr(i, n)) out += d == '-' ? "\\-" : std::string(1, d);
            out += "\\fR";
            i += n - 1;
        } else if (c == '`') {
            out += code ? "\\fR" : "\\fB";
            code = !code;
        } else if (c == '\\') {
            out += "\\e";
        } else if (c == '-') {
            out += "\\-";
        } else {
            out += c;
        }
    }
    if (code) out += "\\fR";
    return out;
}

// The same without the bold flag names, for text that is already set in a font.
std::string roff_plain(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\\')
            out += "\\e";
        else if (c == '-')
            out += "\\-";
        else
            out += c;
    }
    return out;
}

// A line of running text; a leading . or ' would be read as a request.
std::string text_line(std::string_view text) {
    std::string line = roff(text);
    if (!line.empty() && (line[0] == '.' || line[0] == '\'')) line.insert(0, "\\&");
    return line + "\n";
}

std::string bold(std::string_view text) { return "\\fB" + roff_plain(text) + "\\fR"; }
std::string italic(std::string_view text) { return "\\fI" + roff_plain(text) + "\\fR"; }

// "\fB\-t\fR, \fB\-\-type\fR=\fITYPE[:SUBTYPE]\fR"
std::string flag_tag(const option_spec& spec) {
    std::string value;
    if (!spec.metavar.empty()) value = '=' + italic(spec.metavar);
    std::string out;
    if (spec.short_name != '\0') out += bold(std::string("-") + spec.short_name) + ", ";
    out += bold("--" + std::string(spec.name)) + value;
    return out;
}

std::string_view section_name(option_group group) {
    switch (group) {
    case option_group::selectors: return "SELECTORS";
    case option_group::filters: return "FILTERS";
    case option_group::raw_filters: return "RAW FILTERS";
    case option_group::formatting: return "FORMATTING";
    case option_group::other: return "OTHER FLAGS";
    }
    return "OTHER FLAGS";
}

std::string_view section_intro(option_group group) {
    switch (group) {
    case option_group::selectors:
        return "Which of the flows that pass the filters are printed. At most one of --first, --last and --all "
               "may be given.";
    case option_group::filters:
        return "Filter flags build FlowFilters exactly as hubble observe does. Repeating a flag adds an "
               "alternative (any of the values matches); different flags must all match. The either-side "
               "flags (--pod, --ip, --fqdn, --label, --service, --port, --workload, --identity, --cluster) "
               "pair up side by side: source with source, destination with destination. --not turns the next "
               "filter flag into an exclusion. --print-raw-filters shows the FlowFilters a command line adds "
               "up to.";
    case option_group::raw_filters:
        return "FlowFilters written as JSON, the form hubble observe's flags of the same name and Hubble "
               "exporter configurations use. They are added beside the filters built from filter flags: a "
               "flow is printed when the allowlist is empty or any allowlist filter matches, and no denylist "
               "filter matches.";
    case option_group::formatting: return "How the flows are printed.";
    case option_group::other: return {};
    }
    return {};
}

void section(std::string& out, std::string_view name) {
    out += ".SH ";
    out += name;
    out += "\n";
}

void paragraph(std::string& out, std::string_view text) {
    out += ".PP\n";
    out += text_line(text);
}

// An indented block of lines set as they are.
void literal_block(std::string& out, std::initializer_list<std::string_view> lines) {
    out += ".PP\n.RS 4\n.nf\n";
    for (auto line : lines) out += text_line(line);
    out += ".fi\n.RE\n";
}

void header(std::string& out) {
    out += ".\\\" flowgrep(1). Generated from flowgrep's option table; do not edit.\n";
    out += ".\\\" Regenerate with: cmake --build build --target regen\n";
    out += ".TH FLOWGREP 1 \"\" \"flowgrep " FLOWGREP_VERSION "\" \"User Commands\"\n";
    // Flag names read badly when hyphenated or stretched.
    out += ".nh\n.ad l\n";
    section(out, "NAME");
    out += "flowgrep \\- filter Cilium Hubble flows the way hubble observe does\n";

    section(out, "SYNOPSIS");
    out += ".B flowgrep\n";
    out += "[\\fIFLAGS\\fR] [\\fIFILE\\fR...]\n";
    for (const auto& s : subcommands) {
        out += ".br\n.B flowgrep " + roff_plain(s.name) + "\n";
        if (!s.args.empty()) {
            // bash|zsh|fish: each word in italics
            std::string line;
            std::string_view args = s.args;
            for (;;) {
                size_t bar = args.find('|');
                line += italic(args.substr(0, bar));
                if (bar == std::string_view::npos) break;
                line += "|";
                args.remove_prefix(bar + 1);
            }
            out += line + "\n";
        }
    }
}

void description(std::string& out) {
    section(out, "DESCRIPTION");
    out += text_line(
        "flowgrep reads Hubble flows, the JSON lines that `hubble observe -o json` prints (or a Hubble exporter "
        "writes), from each FILE in order, or from standard input when there is no FILE or a FILE is -. It "
        "keeps the flows that pass the filters and prints them as hubble observe would: in its compact "
        "one-line format by default, or as dict, table or JSON.");
    paragraph(out,
              "gzip, xz, zstd and bzip2 data, told by its first bytes (also on standard input), is "
              "decompressed as it is read; members one after another (cat a.gz b.gz) read as one. Damaged "
              "compressed data is reported with the compressed byte where it was found, after the flows before "
              "it. --follow keeps reading the last FILE as it grows, across rotation and truncation.");
    paragraph(out,
              "Besides one response a line, flowgrep reads pretty-printed JSON (jq .), arrays (jq -s) and "
              "objects one after another over any number of lines; each object is one record, and a warning "
              "names the line it starts on. A bare Flow object, without {\"flow\": ...} around it (jq -c "
              ".flow), is read as the flow it would wrap; -o json prints it as it came.");
    paragraph(out,
              "The flags are hubble observe's (v1.19.4): the same names, the same syntax (pflag's: --name value, "
              "--name=value, -x value, -xvalue, bundled switches such as -46), the same checks and error "
              "messages, and the same matching. The flags that talk to a Hubble server are left out; name "
              "the files as arguments instead of --input-file.");
    paragraph(out,
              "A line that is not a Hubble response is reported on standard error as FILE:LINE with the "
              "reason, and skipped; the other lines are still read.");
    paragraph(out,
              "Wrapped lines are unwrapped first: a container runtime's log prefix (TIME stdout F ...), the "
              "prefixes of kubectl logs --timestamps and --prefix, and logrus or slog text records (time=... "
              "level=... msg=...) whose msg is a flow. Other log records, such as the cilium agent's own among "
              "the flows an exporter writes to its standard output, are skipped without a warning. A line the "
              "runtime split (tag P) cannot be joined again and is reported as a bad line.");
    paragraph(out,
              "Flags you always want (an output format, standing filters) can be kept in FLOWGREP_* environment "
              "variables or in a config file, and `flowgrep config` shows and changes them; see ENVIRONMENT and "
              "FILES. Without either, every flag has hubble observe's default.");

    section(out, "COMMANDS");
    out += text_line(
        "The first positional word may name one of these commands instead of a file. To read a file with "
        "such a name, write it as ./completion, or put it after -- or after another file.");
    for (const auto& s : subcommands) {
        out += ".TP\n";
        out += bold(s.name);
        if (!s.metavar.empty()) {
            out += ' ';
            out += italic(s.metavar);
        }
        out += '\n';
        out += text_line(s.description);
        if (s.name != "config") continue;
        out += ".RS\n";
        for (const auto& a : config_actions) {
            out += ".TP\n" + bold(a.name);
            if (!a.args.empty()) out += ' ' + italic(a.args);
            out += '\n';
            out += text_line(a.description);
        }
        out += ".RE\n";
    }
}

void flag_sections(std::string& out, std::span<const option_spec> table) {
    const option_group groups[] = {option_group::selectors, option_group::filters, option_group::raw_filters,
                                   option_group::formatting, option_group::other};
    for (option_group group : groups) {
        section(out, section_name(group));
        std::string_view intro = section_intro(group);
        if (!intro.empty()) out += text_line(intro);
        for (const auto& spec : table) {
            if (spec.group != group) continue;
            out += ".TP\n";
            out += flag_tag(spec) + "\n";
            out += text_line(spec.description);
            if (!spec.alias.empty()) {
                out += ".TP\n";
                out += bold("--" + std::string(spec.alias));
                if (!spec.metavar.empty()) out += '=' + italic(spec.metavar);
                out += "\n";
                out += text_line("The same as --" + std::string(spec.name) + ".");
            }
        }
    }
}

void event_types(std::string& out) {
    section(out, "EVENT TYPES");
    out += text_line(
        "Every flow carries an event_type, a TYPE number and a SUBTYPE number. This is the table that "
        "`flowgrep event-types` prints: the numbers (TYPE or TYPE:SUBTYPE), then a name that -t/--type "
        "accepts for them. Sub-types have names only after the type names trace and agent (trace:to-stack, "
        "while 4:to-stack is an error); any other sub-type is a number, so a drop reason is selected as "
        "drop:133 or 1:133, and the text in parentheses is what the compact output prints for it. A TYPE "
        "of 0 matches any type (0:3).");
    // Not indented: the longest drop reason text just fits in 80 columns.
    out += ".PP\n.nf\n";
    const std::string table = event_types_text();
    size_t start = 0;
    while (start < table.size()) {
        size_t end = table.find('\n', start);
        out += text_line(std::string_view(table).substr(start, end - start));
        start = end + 1;
    }
    out += ".fi\n";
}

// --aggregate-by's keys: the aliases one line each, then how field paths are read.
void aggregation_keys(std::string& out) {
    section(out, "AGGREGATION KEYS");
    out += text_line(
        "--aggregate-by takes these aliases, or any Flow field path that names one value, dotted as for "
        "--field-mask (proto names: source.namespace, l4.TCP.destination_port, l7.http.code, is_reply); the "
        "shells complete both. A path whose field the parsed flow does not hold (l4.ICMPv4.type, "
        "trace_observation_point ...) is read from the line's JSON, which costs a second parse of each "
        "counted flow.");
    paragraph(out,
              "A value is missing (- in the table, null in JSON) when its field is not in the line's JSON. Hubble's "
              "JSON leaves out every field that holds its default, so a 0, an empty string, false and an enum's "
              "zero value read as missing too: an ICMP echo reply's l4.ICMPv4.type, a to-endpoint trace's "
              "event_type.sub_type (the type alias names it: trace:to-endpoint). is_reply is true, false or "
              "missing. Rows with equal counts are ordered by their values in key order: numbers by value, text "
              "bytewise, missing last.");
    for (const auto& alias : aggregate_aliases()) {
        out += ".TP\n";
        out += bold(alias.name) + "\n";
        out += text_line(alias.description);
    }
    paragraph(out,
              "Workload names (src-workload, dst-workload) come from the endpoint's workloads field when Hubble "
              "filled it in. Otherwise they are guessed from the pod name, conservatively: name-HASH-XXXXX (a "
              "Deployment's pod, HASH 6 to 10 and XXXXX 5 characters of Kubernetes' alphabet "
              "bcdfghjklmnpqrstvwxz2456789) gives name; name-N (a StatefulSet's pod) and name-XXXXX (a "
              "DaemonSet's, Job's or bare ReplicaSet's) give name; any other pod name is kept whole. A CronJob's "
              "pod gives its Job's name (cronjob-28391445).");
}

void exit_statuses(std::string& out) {
    section(out, "EXIT STATUS");
    for (const auto& doc : exit_status_docs) {
        out += ".TP\n";
        out += bold(std::to_string(static_cast<int>(doc.status))) + "\n";
        out += text_line(doc.meaning);
    }
    paragraph(out, exit_status_signal_note);
}

// "--namespace, --from-label and --to-label"
std::string flag_list(const std::vector<const option_spec*>& specs) {
    std::string out;
    for (size_t i = 0; i < specs.size(); ++i) {
        if (i > 0) out += i + 1 == specs.size() ? " and " : ", ";
        out += "--" + std::string(specs[i]->name);
    }
    return out;
}

// What one FLOWGREP_ variable means, from the flag's record.
std::string variable_text(const option_spec& spec) {
    const std::string flag = "--" + std::string(spec.name);
    if (spec.name == "not")
        return "Filters to exclude, one per line, each FLAG=VALUE (or FLAG for a flag without a value): "
               "namespace=kube-system stands for --not --namespace kube-system.";
    if (spec.repeats && spec.split == list_split::newlines)
        return "Like " + flag + ", once per line (a value may hold a comma).";
    if (spec.repeats) return "Like " + flag + ", once per item; commas or newlines separate items.";
    return "Like " + flag + "; default: " +
           (spec.default_value.empty() ? std::string("none") : std::string(spec.default_value)) + ".";
}

// The metavariable after FLOWGREP_NAME=.
std::string_view variable_metavar(const option_spec& spec) {
    if (spec.name == "not") return "FLAG=VALUE";
    if (spec.value == value_kind::boolean) return "BOOL";
    if (spec.value == value_kind::implicit) return spec.implicit_value;
    return spec.metavar;
}

void environment_section(std::string& out, std::span<const option_spec> table) {
    std::vector<const option_spec*> settings, actions;
    for (const auto& spec : table) (spec.setting ? settings : actions).push_back(&spec);
    section(out, "ENVIRONMENT");
    out += text_line(
        "Every flag but " + flag_list(actions) +
        " can also be given by an environment variable: FLOWGREP_ and the flag's long name in capitals, with _ "
        "for - (FLOWGREP_TIME_FORMAT=RFC3339 for --time-format RFC3339). A flag on the command line wins over "
        "the variable, and the variable over the config file (FILES); `flowgrep config view` shows what applies "
        "and where it comes from. A variable set to the empty string counts as set.");
    paragraph(out,
              "A repeatable flag (the filters, --allowlist, --denylist, --field-mask) takes several items in "
              "one variable. They are separated by newlines, and by commas too unless the flag's values can hold "
              "a comma of their own (label selectors such as app in (a,b), regexes, JSON, --tcp-flags SYN,ACK): "
              "then by newlines only. Spaces around an item and empty items are dropped, so FLOWGREP_NAMESPACE= "
              "drops the config file's namespaces. The variable replaces the file's list for that flag.");
    paragraph(out,
              "Filters from the variables and the file count as if they were written first on the command line: "
              "they combine with its filter flags as repeated flags do, and negated ones (FLOWGREP_NOT) join the "
              "command line's --not filters into one exclusion. An error about flags that cannot be combined "
              "(--first with --last, say) ends in (settings took part: see flowgrep config view) when settings "
              "were applied.");
    paragraph(out,
              "hubble's own variables (HUBBLE_ALLOWLIST, HUBBLE_DENYLIST and the rest) and its config file are not "
              "read: they are meant for hubble observe and a live server, and flows that hubble observe prints "
              "have passed them already. Picking them up would make flowgrep filter a saved file differently "
              "from one shell to another without a word on the command line. Use FLOWGREP_ALLOWLIST and "
              "FLOWGREP_DENYLIST, which take the same JSON, one value per line.");
    out += ".TP\n" + bold("FLOWGREP_CONFIG") + "=" + italic("FILE") + "\n";
    out += text_line("The config file to read instead of the default one (FILES), as --config FILE; empty: none.");
    for (const option_spec* spec : settings) {
        out += ".TP\n" + bold(environment_name(*spec)) + "=" + italic(variable_metavar(*spec)) + "\n";
        out += text_line(variable_text(*spec));
    }
    out += ".TP\n" + bold("XDG_CONFIG_HOME") + ", " + bold("HOME") + "\n";
    out += text_line("Where the config file is looked for (FILES).");
    out += ".TP\n" + bold("NO_COLOR") + "\n";
    out += text_line(
        "When set and not empty, --color auto (the default) prints without colour. A --color always or never "
        "from a flag, FLOWGREP_COLOR or the config file wins over it.");
    out += ".TP\n" + bold("TERM") + "\n";
    out += text_line("When dumb, --color auto prints without colour.");
}

void files_section(std::string& out, std::span<const option_spec> table) {
    std::vector<const option_spec*> actions;
    for (const auto& spec : table)
        if (!spec.setting) actions.push_back(&spec);
    section(out, "FILES");
    out += ".TP\n" + italic("$XDG_CONFIG_HOME/flowgrep/config.yaml") + ", or " +
           italic("~/.config/flowgrep/config.yaml") + "\n";
    out += text_line(
        "The config file: default values for flags, as a YAML mapping from long flag names to what would follow "
        "them. The second path is used when XDG_CONFIG_HOME is not set (or not an absolute path); when a "
        "default file does not exist, there are no settings. --config FILE or FLOWGREP_CONFIG=FILE names "
        "another file, which must then exist; an empty name reads none. The environment wins over the file, "
        "and the command line over both.");
    paragraph(out,
              "Every flag but " + flag_list(actions) +
                  " may be a key. A repeatable flag takes a list, each item used as one flag (and never cut at "
                  "commas), or a single value. The key not takes the filters to exclude, as FLAG=VALUE items. A "
                  "key that is not a setting, a value its flag would refuse, or a key given twice stops flowgrep "
                  "with the file, the line and the key, and the nearest key when it is a typo: `flowgrep: "
                  "error: config.yaml:3: unknown key \"outptu\" (did you mean output?)`.");
    paragraph(out, "For example:");
    literal_block(out, {"# what I look at every day", "output: dict", "time-format: RFC3339", "not:",
                        "  - namespace=kube-system", "from-label:", "  - app in (web,api)"});
    paragraph(out,
              "`flowgrep config set` and `flowgrep config reset` edit the file in place: only the lines of the key "
              "they change are replaced, added at the end or removed, and the rest, comments included, stays as "
              "it was. A comment on those lines goes with them. A file that is not a block mapping with one key "
              "per line (a flow mapping {...}, or several documents) is written anew from its values, in the same "
              "order but without its comments, with a warning.");
}

void examples(std::string& out) {
    section(out, "EXAMPLES");
    out += text_line("What gets dropped in the shop namespace, live:");
    literal_block(out, {"hubble observe -o json --follow |", "    flowgrep --verdict DROPPED --from-namespace shop"});
    paragraph(out, "Saved dumps, read in order as one stream; trace events at the to-stack point, as JSON for jq:");
    literal_block(out, {"flowgrep --type trace:to-stack -o json dump.json rotated.json |", "    jq .flow.IP"});
    paragraph(out, "Flows dropped by policy (drop reason 133), with the node that saw them:");
    literal_block(out, {"flowgrep -t drop:133 --print-node-name dump.json"});
    paragraph(out,
              "HTTP server errors, or any flow to port 5432, as JSON FlowFilters (the form Hubble exporter "
              "configurations use):");
    literal_block(out, {"flowgrep --allowlist '{\"http_status_code\":[\"5+\"]}' \\",
                        "         --allowlist '{\"destination_port\":[\"5432\"]}' dump.json"});
    paragraph(out,
              "What a Hubble exporter configured by these Helm values would write, as it would write it; and "
              "the drops among the flows the agents log to their standard output:");
    literal_block(out, {"flowgrep --exporter-config values.yaml -o json dump.json",
                        "kubectl -n kube-system logs ds/cilium | flowgrep --verdict DROPPED"});
    paragraph(out, "Everything except health checks and DNS:");
    literal_block(out, {"flowgrep --not --to-identity health \\",
                        "         --denylist '{\"protocol\":[\"dns\"]}' dump.json"});
    paragraph(out, "JSON output and no kube-system flows unless asked otherwise, kept in the config file:");
    literal_block(out, {"flowgrep config set output json", "flowgrep config set not namespace=kube-system",
                        "flowgrep config view | grep -v '# default$'"});
    paragraph(out, "The same for one shell session; and once without the config file:");
    literal_block(out, {"export FLOWGREP_OUTPUT=json FLOWGREP_NOT=namespace=kube-system",
                        "flowgrep --config '' dump.json"});
    paragraph(out, "Which FlowFilters does a command line mean?");
    literal_block(out, {"flowgrep --print-raw-filters --not --verdict DROPPED \\",
                        "         --from-pod a --to-pod b"});
    paragraph(out,
              "Shell completion without installing the files (cmake --install puts them where bash-completion, "
              "zsh and fish look on their own). bash, in ~/.bashrc:");
    literal_block(out, {"source <(flowgrep completion bash)"});
    paragraph(out, "zsh, into a directory of $fpath, before compinit runs:");
    literal_block(out, {"flowgrep completion zsh > \"${fpath[1]}/_flowgrep\""});
    paragraph(out, "fish:");
    literal_block(out, {"flowgrep completion fish > \\", "    ~/.config/fish/completions/flowgrep.fish"});
}

void see_also(std::string& out) {
    section(out, "SEE ALSO");
    out += bold("hubble") + "(1), " + bold("jq") + "(1)\n";
}

}  // namespace

std::string man_page(std::span<const option_spec> table) {
    std::string out;
    header(out);
    description(out);
    flag_sections(out, table);
    event_types(out);
    aggregation_keys(out);
    exit_statuses(out);
    environment_section(out, table);
    files_section(out, table);
    examples(out);
    see_also(out);
    return out;
}

}  // namespace flowgrep
