// libFuzzer target over what a hostile input line meets: the line unwrapper, the response parser
// (both the lazy decode with check_rest() and the full one), the filter engine (flag presets and,
// optionally, FlowFilter JSON from the input itself) and every printer. Besides crashes and
// sanitizer reports it checks that the lazy and the full decode agree on which lines are valid,
// and that diagnose_json() finds nothing wrong with a line the parser accepted.
//
// Input: byte 0 picks a command line from `presets`; if byte 1 is odd, the first line is an
// --allowlist FlowFilter; the remaining lines are input lines.
#include <fcntl.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <simdjson.h>

#include "cli/command_line.h"
#include "filter/filter_json.h"
#include "filter/matcher.h"
#include "flow/json_diagnosis.h"
#include "flow/parse.h"
#include "input/unwrap.h"
#include "output/printer.h"
#include "select/selector.h"

using namespace flowgrep;

namespace {

const std::vector<std::vector<std::string>> presets = {
    {},
    {"-o", "json"},
    {"-o", "dict", "--print-node-name"},
    {"-o", "table", "--numeric"},
    {"--verdict", "DROPPED", "-o", "json"},
    {"--from-pod", "kube-system/", "--color", "always"},
    {"--port", "53", "--protocol", "udp", "-o", "dict"},
    {"--type", "trace:to-stack", "--time-format", "RFC3339Nano"},
    {"--label", "k8s:app in (reviews,ratings)", "-o", "table"},
    {"--fqdn", "*.example.com", "--not", "--to-identity", "health"},
    {"--http-status", "5+", "--http-method", "get", "--http-path", "/api/.*"},
    {"--ip", "10.0.0.0/8", "--snat-ip", "fd00::/8", "-o", "json", "--field-mask", "time,source.pod_name,l4"},
    {"--node-name", "prod/gke*", "--node-label", "zone=a", "--debug"},
    {"--identity", "host", "--tcp-flags", "SYN,ACK", "--traffic-direction", "ingress"},
    {"--since", "2021-06-16T16:52:13Z", "--until", "2030-01-01T00:00:00Z"},
    {"--drop-reason-desc", "POLICY_DENIED", "--workload", "Deployment/coredns"},
    {"--uuid", "c31a5182-ad0e-46e9-b2d1-7d90c742351a", "--trace-id", "abc", "--cluster", "prod"},
    {"--ip-version", "v6", "--from-service", "default/web", "--interface", "eth0"},
    {"--denylist", R"({"source_label":["k8s:app=x"],"reply":[true]})", "-o", "compact"},
    {"--last", "3", "-o", "dict"},
};

struct devnull {
    int fd = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
};

std::string padded(std::string_view text) {
    std::string s(text);
    s.resize(text.size() + simdjson::SIMDJSON_PADDING);
    return s;
}

void check(bool ok, const char* what, std::string_view line) {
    if (ok) return;
    std::fprintf(stderr, "fuzz invariant broken: %s\nline: %.*s\n", what, static_cast<int>(line.size()), line.data());
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static devnull null;
    if (size < 2) return 0;
    std::string_view input(reinterpret_cast<const char*>(data) + 2, size - 2);
    options opts;
    try {
        opts = parse_command_line(presets[data[0] % presets.size()], 1'700'000'000'000'000'000).opts;
    } catch (const std::exception&) {
        std::abort();  // the presets are valid command lines
    }

    if (data[1] & 1) {
        size_t nl = input.find('\n');
        std::string_view filter = input.substr(0, nl);
        input = nl == std::string_view::npos ? std::string_view{} : input.substr(nl + 1);
        try {
            for (auto& f : decode_filter_stream(filter)) opts.filter.lists.allow.push_back(std::move(f));
        } catch (const std::exception&) {
            // a FlowFilter Hubble would refuse: the preset's filters alone
        }
    }

    std::unique_ptr<flow_matcher> matcher;
    try {
        matcher = std::make_unique<flow_matcher>(opts.filter.lists);
    } catch (const filter_error&) {
        opts.filter.lists = {};
        matcher = std::make_unique<flow_matcher>(opts.filter.lists);
    }

    output_sink out(null.fd);
    output_sink err(null.fd, true);
    auto print = make_printer(opts.output, out, err);
    time_window window(opts.filter.since_ns, opts.filter.until_ns);
    response_parser lazy(matcher->needs() | print->needs() | field_response_time);
    response_parser full(all_fields);
    response r, r_full;
    line_unwrapper unwrapper;

    while (!input.empty()) {
        size_t nl = input.find('\n');
        std::string_view text = input.substr(0, nl);
        input = nl == std::string_view::npos ? std::string_view{} : input.substr(nl + 1);
        std::string buffer = padded(text);
        // As main.cpp does: CRI/kubectl prefixes and log records first.
        unwrap_kind wrapping;
        std::string_view line = unwrapper.unwrap(std::string_view(buffer.data(), text.size()), wrapping);
        if (wrapping == unwrap_kind::other_log || wrapping == unwrap_kind::cri_partial) continue;

        bool full_ok = full.parse(line, r_full);
        check(full_ok || !full.error().empty(), "a refused line without a reason", line);
        if (full_ok) check(diagnose_json(line).empty(), "accepted a line diagnose_json calls invalid", line);
        bool lazy_ok = lazy.parse(line, r);
        if (lazy_ok) lazy_ok = lazy.check_rest(line);
        check(lazy_ok == full_ok, "lazy and full decoding disagree", line);
        if (!lazy_ok) continue;
        if (window.active() && !window.contains(r)) continue;
        if (!matcher->matches(r)) continue;
        print->print(r);
        print->print(r_full);
    }
    print->finish();
    return 0;
}
