// flowgrep(1): every section the issue asks for, every flag in its category's section, the event
// types and exit statuses from their tables, and nothing that changes from one build to the next.
#include <catch2/catch_test_macros.hpp>

#include "cli/man_page.h"
#include "cli/option_table.h"
#include "exit_status.h"

using namespace flowgrep;

namespace {

// How the page writes a flag name: every dash escaped.
std::string roff_name(std::string_view name) {
    std::string out;
    for (char c : name) out += c == '-' ? std::string("\\-") : std::string(1, c);
    return out;
}

// The text of section `name` (from its .SH line to the next one).
std::string section_text(const std::string& page, const std::string& name) {
    size_t start = page.find(".SH " + name + "\n");
    if (start == std::string::npos) return {};
    size_t end = page.find("\n.SH ", start + 1);
    return page.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

std::string_view section_of(option_group group) {
    switch (group) {
    case option_group::selectors: return "SELECTORS";
    case option_group::filters: return "FILTERS";
    case option_group::raw_filters: return "RAW FILTERS";
    case option_group::formatting: return "FORMATTING";
    case option_group::other: return "OTHER FLAGS";
    }
    return {};
}

}  // namespace

TEST_CASE("man page sections in order", "[cli][man]") {
    const std::string page = man_page();
    CHECK(page.find(".TH FLOWGREP 1 \"\" \"flowgrep " FLOWGREP_VERSION "\" \"User Commands\"\n") != std::string::npos);
    size_t at = 0;
    for (const char* name : {"NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "SELECTORS", "FILTERS", "RAW FILTERS",
                             "FORMATTING", "OTHER FLAGS", "EVENT TYPES", "EXIT STATUS", "ENVIRONMENT", "FILES", "EXAMPLES",
                             "SEE ALSO"}) {
        INFO(name);
        size_t next = page.find(std::string(".SH ") + name + "\n", at);
        REQUIRE(next != std::string::npos);
        at = next;
    }
}

TEST_CASE("man page: every flag in its category's section", "[cli][man]") {
    const std::string page = man_page();
    for (const auto& spec : option_table()) {
        INFO(spec.name);
        const std::string section = section_text(page, std::string(section_of(spec.group)));
        const bool listed = section.find(".TP\n\\fB\\-\\-" + roff_name(spec.name) + "\\fR") != std::string::npos ||
                            section.find(std::string(".TP\n\\fB\\-") + spec.short_name + "\\fR, \\fB\\-\\-" +
                                         roff_name(spec.name) + "\\fR") != std::string::npos;
        CHECK(listed);
        if (!spec.alias.empty()) CHECK(section.find(".TP\n\\fB\\-\\-" + roff_name(spec.alias)) != std::string::npos);
    }
    CHECK(page.find(".TP\n\\fB\\-t\\fR, \\fB\\-\\-type\\fR=\\fITYPE[:SUBTYPE]\\fR\n") != std::string::npos);
}

TEST_CASE("man page: event types, exit statuses, examples", "[cli][man]") {
    const std::string page = man_page();
    const std::string types = section_text(page, "EVENT TYPES");
    CHECK(types.find("\n4:3     trace:to\\-stack\n") != std::string::npos);
    CHECK(types.find("\n1:133   drop:133 (Policy denied)\n") != std::string::npos);
    const std::string status = section_text(page, "EXIT STATUS");
    for (const auto& doc : exit_status_docs)
        CHECK(status.find(".TP\n\\fB" + std::to_string(static_cast<int>(doc.status)) + "\\fR\n") != std::string::npos);
    const std::string examples = section_text(page, "EXAMPLES");
    CHECK(examples.find("hubble observe \\fB\\-o\\fR json") != std::string::npos);
    CHECK(examples.find("\\-\\-allowlist") != std::string::npos);
    CHECK(examples.find("\\-\\-denylist") != std::string::npos);
    CHECK(examples.find("flowgrep completion bash") != std::string::npos);
    CHECK(examples.find("flowgrep completion zsh") != std::string::npos);
    CHECK(examples.find("flowgrep completion fish") != std::string::npos);
    CHECK(section_text(page, "SEE ALSO").find("\\fBhubble\\fR(1)") != std::string::npos);
}

TEST_CASE("man page is plain ASCII roff with every dash escaped", "[cli][man]") {
    const std::string page = man_page();
    size_t start = 0;
    while (start < page.size()) {
        size_t end = page.find('\n', start);
        const std::string line = page.substr(start, end - start);
        INFO(line);
        for (size_t i = 0; i < line.size(); ++i) {
            CHECK(static_cast<unsigned char>(line[i]) < 0x80);
            // Comments (.\") and requests aside, a dash is always \- .
            if (line[i] == '-' && !line.starts_with(".\\\"")) CHECK((i > 0 && line[i - 1] == '\\'));
        }
        // A text line never starts with a control character.
        if (!line.empty() && line[0] == '\'') FAIL("line starts with '");
        start = end + 1;
    }
}
