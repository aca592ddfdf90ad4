// The hot path allocates nothing per flow: once a worker's buffers have grown to fit a block,
// parsing, filtering and printing the same block again takes no memory from the heap. Counted with
// a replacement of the global operator new, which this test binary alone carries.
#include <catch2/catch_test_macros.hpp>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <new>
#include <sstream>
#include <string>
#include <vector>

#include <simdjson.h>

#include "cli/command_line.h"
#include "pipeline/line_processor.h"

namespace {
std::atomic<uint64_t> allocations{0};
}

void* operator new(std::size_t size) {
    allocations.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return operator new(size); }
// Every form that can pair with the deletes below goes through malloc too (simdjson allocates with
// nothrow new[]), or a sanitizer sees new[] freed by free.
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    allocations.fetch_add(1, std::memory_order_relaxed);
    return std::malloc(size == 0 ? 1 : size);
}
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept { return operator new(size, tag); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

using namespace flowgrep;

namespace {

input_block block_of(const std::string& text) {
    input_block b;
    b.capacity = text.size();
    b.data = std::make_unique<char[]>(text.size() + simdjson::SIMDJSON_PADDING);
    std::memcpy(b.data.get(), text.data(), text.size());
    b.size = text.size();
    b.starts_source = true;
    b.max_line = block_reader::default_max_line;
    return b;
}

// Allocations made by a second pass over the block, after a first one has grown the buffers.
uint64_t allocations_on_second_pass(const std::vector<std::string>& args, const input_block& block,
                                    size_t& passed, bool first_pass_grows = true) {
    parsed_command_line cl = parse_command_line(args);
    const options& o = cl.opts;
    line_processor worker(o.filter, o.output, o.run, o.output.aggregate.active() ? line_use::aggregate : line_use::print);
    block_output out;
    uint64_t start = allocations.load();
    worker.process(block, out);
    // The counter sees the heap: the first pass grows the output buffers (unless the prefilter
    // drops every line unparsed, when it must not allocate either).
    if (first_pass_grows) CHECK(allocations.load() > start);
    else CHECK(allocations.load() == start);
    out.clear();
    uint64_t before = allocations.load();
    worker.process(block, out);
    passed = out.passed.size();
    return allocations.load() - before;
}

// Checks that a second pass of flowgrep ARGS over the block allocates nothing; returns how many
// responses passed.
size_t check_no_allocations(const std::vector<std::string>& args, const input_block& block,
                            bool first_pass_grows = true) {
    std::string shown;
    for (const auto& a : args) shown += a + " ";
    INFO("flowgrep " << shown);
    size_t passed = 0;
    CHECK(allocations_on_second_pass(args, block, passed, first_pass_grows) == 0);
    return passed;
}

}  // namespace

TEST_CASE("no allocation per flow once the buffers have grown", "[pipeline]") {
    std::ifstream in(std::string(FLOWGREP_TEST_DATA) + "/sample-10.json", std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text;
    for (int i = 0; i < 50; ++i) text += ss.str();
    input_block block = block_of(text);

    const std::vector<std::vector<std::string>> runs = {
        {"-o", "json"},
        {"-o", "json", "--verdict", "FORWARDED"},
        {"-o", "compact"},
        {"-o", "compact", "--print-node-name", "--time-format", "RFC3339"},
        {"-o", "dict"},
        // (the sample's kube-system flows get past the prefilter; the one to port 443 passes)
        {"--from-pod", "kube-system/", "--to-port", "443", "-o", "compact"},
        {"--http-path", "^/api/", "-l", "k8s:app=reviews"},
        {"--cel-expression", "_flow.verdict == Verdict.FORWARDED", "-o", "json"},
        // a tuple already counted is counted again without allocating, also for keys read from the JSON
        {"--aggregate-by", "src-ns,dst-workload,dst-port,verdict,type"},
        {"--aggregate-by", "trace_observation_point,l4.TCP.flags.SYN"},
    };
    for (const auto& args : runs) {
        // the block's flows did go through the printer or counter
        const size_t passed = check_no_allocations(args, block);
        if (args.size() == 2) CHECK(passed == 500);
    }
    // every line dropped by the prefilter, before the parser
    CHECK(check_no_allocations({"--uuid", "no-such-flow"}, block, false) == 0);
}

TEST_CASE("no allocation per flow when escaping, naming policies and printing lost events", "[pipeline]") {
    // Flows with control bytes to escape (some in colour codes), policy verdicts with their lists,
    // lost events with first and last times: the slow paths of the text printers.
    std::string one;
    for (const char* name : {"/control-bytes.json", "/policy-verdicts.json", "/lost-events.json"}) {
        std::ifstream in(std::string(FLOWGREP_TEST_DATA) + name, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        one += ss.str();
    }
    std::string text;
    for (int i = 0; i < 50; ++i) text += one;
    input_block block = block_of(text);

    const std::vector<std::vector<std::string>> runs = {
        {"-o", "compact", "--print-policy-names"},
        {"-o", "compact", "--color", "always", "--print-policy-names"},
        {"-o", "dict", "--print-policy-names", "--print-node-name"},
        {"-o", "dict", "--color", "always"},
    };
    for (const auto& args : runs) CHECK(check_no_allocations(args, block) > 0);
}
