// flowgrep: grep and jq for Cilium Hubble flows. This file only parses the command line and hands
// each stage's settings to the pipeline (pipeline/run_policy.h), which decides how to run:
// input blocks -> line processors on worker threads -> the in-order stage -> stdout.
#include <cstdio>
#include <string>
#include <vector>

#include "cli/command_line.h"
#include "exit_status.h"
#include "filter/filter_error.h"
#include "pipeline/run_policy.h"
#include "text/report.h"

using namespace flowgrep;

int main(int argc, char** argv) {
    // Reading FILEs, SIGINT and SIGTERM end flowgrep at once (130, 143), and so does SIGPIPE when
    // the reader of its output goes away (`| head`), quietly, as with cat or grep. A parent may have
    // left SIGPIPE ignored; the output sink then ends the program the same way on EPIPE. Under
    // --follow and on standard input, SIGINT and SIGTERM end the input instead (run_policy.cpp).
    std::vector<std::string> args(argv + 1, argv + argc);
    try {
        parsed_command_line cl = parse_command_line(args);
        for (const auto& warning : cl.warnings) warning_line("", warning);
        if (cl.exit_now) {
            std::fwrite(cl.print.data(), 1, cl.print.size(), stdout);
            return static_cast<int>(exit_status::ok);
        }
        const options& o = cl.opts;
        return static_cast<int>(run_pipeline(o.input, o.filter, o.output, o.run));
    } catch (const usage_error& e) {
        error_line("", e.what());
    } catch (const filter_error& e) {
        error_line("", e.what());
    }
    return static_cast<int>(exit_status::error);
}
