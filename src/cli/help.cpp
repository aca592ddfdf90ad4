// Renders --help and --version from the option table.
#include "cli/help.h"

#include "cli/option_table.h"
#include "exit_status.h"
#include "cli/subcommands.h"

#ifndef FLOWGREP_VERSION
#define FLOWGREP_VERSION "unknown"
#endif

namespace flowgrep {

namespace {

constexpr size_t width = 80;
constexpr size_t summary_column = 32;
constexpr size_t max_listed_choices = 12;

// "  -t, --type TYPE[:SUBTYPE]" or "      --verdict VERDICT"
std::string flag_column(const option_spec& spec, std::string_view long_name) {
    std::string out = "  ";
    if (spec.short_name != '\0' && long_name == spec.name) {
        out += '-';
        out += spec.short_name;
        out += ", ";
    } else {
        out += "    ";
    }
    out += "--";
    out += long_name;
    if (!spec.metavar.empty()) {
        out += ' ';
        out += spec.metavar;
    }
    return out;
}

// Appends `text` starting at `column`, wrapping at word boundaries.
void append_wrapped(std::string& out, std::string_view text, size_t column) {
    size_t at = column;
    bool first = true;
    while (!text.empty()) {
        size_t space = text.find(' ');
        std::string_view word = text.substr(0, space);
        text = space == std::string_view::npos ? std::string_view{} : text.substr(space + 1);
        if (!first && at + 1 + word.size() > width) {
            out += '\n';
            out.append(column, ' ');
            at = column;
        } else if (!first) {
            out += ' ';
            ++at;
        }
        out += word;
        at += word.size();
        first = false;
    }
    out += '\n';
}

void append_row(std::string& out, const std::string& flags, std::string_view summary) {
    out += flags;
    if (flags.size() + 2 > summary_column) {
        out += '\n';
        out.append(summary_column, ' ');
    } else {
        out.append(summary_column - flags.size(), ' ');
    }
    append_wrapped(out, summary, summary_column);
}

// A flag with a short, closed set of values lists them after its summary; long lists (event types,
// drop reasons) are left to the man page and `flowgrep event-types`, unless the flag asks for its
// first few to be listed (--aggregate-by's aliases).
std::string summary_with_choices(const option_spec& spec) {
    std::string text(spec.summary);
    const size_t listed = spec.help_choices > 0 ? spec.help_choices : spec.choices.size();
    if (spec.choices.empty() || (spec.help_choices == 0 && listed > max_listed_choices)) return text;
    text += " (";
    for (size_t i = 0; i < listed; ++i) {
        if (i > 0) text += ", ";
        text += spec.choices[i];
    }
    if (listed < spec.choices.size()) text += ", ...";
    text += ')';
    return text;
}

}  // namespace

std::string help_text() {
    std::string out;
    out += "Usage: flowgrep [FLAGS] [FILE...]\n";
    for (const auto& cmd : subcommands) {
        out += "       flowgrep ";
        out += cmd.name;
        if (!cmd.args.empty()) {
            out += ' ';
            out += cmd.args;
        }
        out += '\n';
    }
    out += '\n';
    append_wrapped(out,
                   "Filter Hubble flows, the JSON lines of `hubble observe -o json`, read from the FILEs or "
                   "standard input (also for -), with the flags of `hubble observe`.",
                   0);
    out += "\nCommands (the first word; write ./completion for a file of that name):\n";
    for (const auto& cmd : subcommands) {
        std::string column = "  ";
        column += cmd.name;
        if (!cmd.metavar.empty()) {
            column += ' ';
            column += cmd.metavar;
        }
        append_row(out, column, cmd.summary);
    }
    const option_group groups[] = {option_group::selectors, option_group::filters, option_group::raw_filters,
                                   option_group::formatting, option_group::other};
    for (option_group group : groups) {
        out += '\n';
        out += group_title(group);
        out += ":\n";
        for (const auto& spec : option_table()) {
            if (spec.group != group) continue;
            append_row(out, flag_column(spec, spec.name), summary_with_choices(spec));
            if (!spec.alias.empty())
                append_row(out, flag_column(spec, spec.alias), "the same as --" + std::string(spec.name));
        }
    }
    // CEL is the one filter whose value is a language: show what an expression looks like.
    out += "\nCEL expressions (--cel-expression), for example:\n";
    for (auto example : cel_expression_examples) {
        out += "  ";
        out += example;
        out += '\n';
    }
    // The epilogue: what a script can learn from the exit status (the man page says the same).
    out += "\nExit status:\n";
    for (const auto& doc : exit_status_docs) {
        out += "  ";
        out += std::to_string(static_cast<int>(doc.status));
        out += "  ";
        append_wrapped(out, doc.meaning, 5);
    }
    out += "\n  ";
    append_wrapped(out, exit_status_signal_note, 2);
    out += "\nEvery flag, filter and format is described in full in man flowgrep.\n";
    return out;
}

std::string version_text() { return std::string("flowgrep ") + FLOWGREP_VERSION + "\n"; }

}  // namespace flowgrep
