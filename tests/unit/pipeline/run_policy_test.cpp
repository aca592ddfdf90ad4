// The run policy's two decisions, from the stages' settings alone: what the workers do with a line
// that passes, and whether the run goes on worker threads.
#include <catch2/catch_test_macros.hpp>

#include "pipeline/run_policy.h"

using namespace flowgrep;

namespace {

output_settings aggregating() {
    output_settings o;
    o.aggregate.keys.push_back({});
    return o;
}

}  // namespace

TEST_CASE("line_use: print, copy for --last and cut aggregation, aggregate, note for -q and -c", "[pipeline]") {
    run_settings run;
    CHECK(line_use_for({}, run) == line_use::print);
    run.last = 5;
    CHECK(line_use_for({}, run) == line_use::copy);
    run = {};
    run.first = 3;
    CHECK(line_use_for({}, run) == line_use::print);
    REQUIRE(aggregating().aggregate.active());
    CHECK(line_use_for(aggregating(), run) == line_use::copy);
    CHECK(line_use_for(aggregating(), {}) == line_use::aggregate);
    run = {};
    run.quiet = true;
    CHECK(line_use_for({}, run) == line_use::note);
    run = {};
    run.count = true;
    CHECK(line_use_for({}, run) == line_use::note);
}

TEST_CASE("parallel: not on one core, not under --follow, not for a watcher of dict or table", "[pipeline]") {
    const input_settings files;
    input_settings followed;
    followed.follow = true;
    output_settings json, dict;
    json.format = output_format::json;
    dict.format = output_format::dict;
    run_settings run;
    CHECK(runs_in_parallel(files, json, run, false, 2));
    CHECK_FALSE(runs_in_parallel(files, json, run, false, 1));
    CHECK_FALSE(runs_in_parallel(followed, json, run, false, 2));
    CHECK_FALSE(runs_in_parallel(files, json, run, true, 2));
    CHECK_FALSE(runs_in_parallel(files, dict, run, false, 2));
    // Nothing printed per line: a watcher waits on no line, and dict is printed at the end.
    run.count = true;
    CHECK(runs_in_parallel(files, dict, run, true, 2));
    CHECK_FALSE(runs_in_parallel(followed, dict, run, true, 2));
    CHECK(runs_in_parallel(files, aggregating(), {}, true, 2));
}
