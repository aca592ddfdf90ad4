// libFuzzer target over what a hostile input line meets: the line unwrapper, the response parser
// (both the lazy decode with check_rest() and the full one), the filter engine (flag presets and,
// optionally, FlowFilter JSON from the input itself) and every printer. Besides crashes and
// sanitizer reports it checks that the lazy and the full decode agree on which lines are valid,
// that diagnose_json() finds nothing wrong with a line the parser accepted, and that the literal
// prefilter (filter/prefilter.h), built from the same filters, never drops a line that passes. With bit 1 of byte 1
// the lines first go through the multi-line JSON reader (input/json_values.h), which must give the
// same lines whatever the chunks its input comes in, and name only lines the input has.
//
// Input: byte 0 picks a command line from `presets`; if byte 1 is odd, the first line is an
// --allowlist FlowFilter; the remaining lines are input lines (or JSON values, with bit 1 of byte 1;
// then bits 2-7 of byte 1 are the size of the chunks it is fed in).
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
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
#include "filter/prefilter.h"
#include "flow/json_diagnosis.h"
#include "flow/parse.h"
#include "input/json_values.h"
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
    // the prefilter's needles from CEL comparisons and from label values
    {"--cel-expression", "_flow.l4.TCP.destination_port == 80u && _flow.verdict == Verdict.FORWARDED", "--from-label",
     "k8s:app=reviews", "-o", "json"},
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

// What json_values makes of `input` fed in chunks of `chunk` bytes: its lines, and the line each
// names (from 0), checked against the input's own count of lines.
std::string read_values(std::string_view input, size_t chunk, std::vector<uint64_t>& starts) {
    json_values values(4096);
    std::string out;
    int64_t line = -1;
    auto drain = [&] {
        std::string_view text = values.text();
        for (size_t i = 0; i < values.line_count(); ++i) {
            const value_line& v = values.lines()[i];
            check(v.skip >= -1 && !(line < 0 && v.skip < 0), "a value before the line before it", text);
            line += 1 + v.skip;
            starts.push_back(static_cast<uint64_t>(line));
            if (v.overlong > 0) check(v.overlong > 4096, "an over-long value under the limit", text);
        }
        out.append(text);
        values.take(values.line_count(), text.size());
    };
    for (size_t at = 0; at < input.size(); at += chunk) {
        values.feed(input.substr(at, chunk));
        drain();
    }
    values.finish();
    drain();
    const auto input_lines = static_cast<uint64_t>(std::count(input.begin(), input.end(), '\n'));
    for (uint64_t start : starts) check(start <= input_lines, "a value names a line past the input", input);
    check(static_cast<size_t>(std::count(out.begin(), out.end(), '\n')) == starts.size(), "lines and their facts differ in number", out);
    return out;
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

    std::string values_text;
    if (data[1] & 2) {
        std::vector<uint64_t> whole_starts, chunked_starts;
        values_text = read_values(input, input.size() + 1, whole_starts);
        const size_t chunk = (data[1] >> 2) + 1;
        check(read_values(input, chunk, chunked_starts) == values_text && chunked_starts == whole_starts,
              "the values depend on how the input is cut into chunks", input);
        input = values_text;
    }

    std::unique_ptr<flow_matcher> matcher;
    try {
        matcher = std::make_unique<flow_matcher>(opts.filter.lists);
    } catch (const filter_error&) {
        opts.filter.lists = {};
        matcher = std::make_unique<flow_matcher>(opts.filter.lists);
    }

    const line_prefilter prefilter(opts.filter.lists);

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
        check(!prefilter.active() || prefilter.may_match(line), "the prefilter drops a line that passes", line);
        print->print(r);
        print->print(r_full);
    }
    print->finish();
    return 0;
}
