// make_printer's decisions: --color auto from the terminal and the environment, translation from
// --numeric and --ip-translation, the format picked.
#include <catch2/catch_test_macros.hpp>

#include "print_test_util.h"

namespace flowgrep::test {

TEST_CASE("flag --color auto: a terminal, NO_COLOR unset or empty, TERM not dumb", "[output][color]") {
    CHECK(use_color(color_mode::auto_, true, nullptr, "xterm-256color"));
    CHECK(use_color(color_mode::auto_, true, nullptr, nullptr));
    CHECK(use_color(color_mode::auto_, true, "", "xterm"));
    CHECK_FALSE(use_color(color_mode::auto_, false, nullptr, "xterm"));
    CHECK_FALSE(use_color(color_mode::auto_, true, "1", "xterm"));
    CHECK_FALSE(use_color(color_mode::auto_, true, nullptr, "dumb"));
}

TEST_CASE("flag --color always and never ignore the terminal and NO_COLOR", "[output][color]") {
    CHECK(use_color(color_mode::always, false, "1", "dumb"));
    CHECK_FALSE(use_color(color_mode::never, true, nullptr, "xterm"));
}

TEST_CASE("settings: table is never coloured; --numeric beats --ip-translation", "[output][color]") {
    output_settings o;
    o.color = color_mode::always;
    CHECK(resolve_print_settings(o, false, nullptr, nullptr).hosts.color);
    o.format = output_format::dict;
    CHECK(resolve_print_settings(o, false, nullptr, nullptr).hosts.color);
    o.format = output_format::table;
    CHECK_FALSE(resolve_print_settings(o, false, nullptr, nullptr).hosts.color);

    o.numeric = true;
    o.ip_translation = true;
    CHECK_FALSE(resolve_print_settings(o, false, nullptr, nullptr).hosts.translate);
    o.numeric = false;
    CHECK(resolve_print_settings(o, false, nullptr, nullptr).hosts.translate);
    o.ip_translation = false;
    CHECK_FALSE(resolve_print_settings(o, false, nullptr, nullptr).hosts.translate);
}

TEST_CASE("make_printer prints in the chosen format", "[output]") {
    response r = tcp_flow("10.0.0.1", 1, "10.0.0.2", 2);
    r.line = "{\"flow\":{}}";
    auto run = [&](output_format f) {
        captured_sink out, err;
        output_settings o = with_output(f);
        o.color = color_mode::never;
        auto p = make_printer(o, out.sink(), err.sink());
        p->print(r);
        p->finish();
        return out.text();
    };
    CHECK(run(output_format::compact) == "N/A: 10.0.0.1:1 (unknown) <> 10.0.0.2:2 (unknown) UNKNOWN VERDICT_UNKNOWN ()\n");
    CHECK(run(output_format::dict).starts_with("  TIMESTAMP: N/A\n     SOURCE: 10.0.0.1:1\n"));
    CHECK(run(output_format::table).starts_with("TIMESTAMP   SOURCE"));
    CHECK(run(output_format::json) == "{\"flow\":{}}\n");
}

TEST_CASE("make_printer sends node status to err unless --silent-errors", "[output]") {
    response r;
    r.kind = response_kind::node_status;
    r.node_status.state_change = 4;
    r.node_status.message = "boom";
    for (bool silent : {false, true}) {
        captured_sink out, err;
        output_settings o;
        o.silent_errors = silent;
        auto p = make_printer(o, out.sink(), err.sink());
        p->print(r);
        p->finish();
        CHECK(out.text().empty());
        CHECK(err.text() == (silent ? "" : "N/A []: Error \"boom\" on 0 nodes: \n"));
    }
}

}  // namespace flowgrep::test
