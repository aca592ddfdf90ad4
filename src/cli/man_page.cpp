// Writes flowgrep(1). The flag sections come from the option table (one .TP per flag, its
// description as the paragraph); the prose that frames them lives here. Every dash is written as
// \- and `quoted` words in descriptions are set in bold.
#include "cli/man_page.h"

#include "cli/event_types_table.h"
#include "cli/subcommands.h"
#include "exit_status.h"

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
              "The flags are hubble observe's (v1.17): the same names, the same syntax (pflag's: --name value, "
              "--name=value, -x value, -xvalue, bundled switches such as -46), the same checks and error "
              "messages, and the same matching. The flags that talk to a Hubble server are left out; name "
              "the files as arguments instead of --input-file.");
    paragraph(out,
              "A line that is not a Hubble response is reported on standard error as FILE:LINE with the "
              "reason, and skipped; the other lines are still read.");

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

void exit_statuses(std::string& out) {
    section(out, "EXIT STATUS");
    for (const auto& doc : exit_status_docs) {
        out += ".TP\n";
        out += bold(std::to_string(static_cast<int>(doc.status))) + "\n";
        out += text_line(doc.meaning);
    }
    paragraph(out, exit_status_signal_note);
}

void environment(std::string& out) {
    section(out, "ENVIRONMENT");
    out += ".TP\n" + bold("NO_COLOR") + "\n";
    out += text_line("When set and not empty, --color auto (the default) prints without colour.");
    out += ".TP\n" + bold("TERM") + "\n";
    out += text_line("When dumb, --color auto prints without colour.");
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
    paragraph(out, "Everything except health checks and DNS:");
    literal_block(out, {"flowgrep --not --to-identity health \\",
                        "         --denylist '{\"protocol\":[\"dns\"]}' dump.json"});
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
    exit_statuses(out);
    environment(out);
    examples(out);
    see_also(out);
    return out;
}

}  // namespace flowgrep
