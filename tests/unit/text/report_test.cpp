// The one spelling of flowgrep's messages on standard error.
#include <catch2/catch_test_macros.hpp>

#include <string>

#include "text/report.h"

using namespace flowgrep;

TEST_CASE("error and warning lines: prefix, optional where, one newline", "[text]") {
    std::string out;
    append_warning_line(out, "dump.json:3", "error running CEL program: division by zero");
    append_error_line(out, "", "--last must be <= 1_000_000, got 2000000");
    append_error_line(out, "<stdin>", "read failed");
    CHECK(out ==
          "flowgrep: warning: dump.json:3: error running CEL program: division by zero\n"
          "flowgrep: error: --last must be <= 1_000_000, got 2000000\n"
          "flowgrep: error: <stdin>: read failed\n");
}
