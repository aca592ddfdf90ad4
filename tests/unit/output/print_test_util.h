// Helpers for the printer tests: a sink whose bytes can be read back, and hand-built responses.
// Flows hold string views, so tests fill them from string literals that outlive the response.
#pragma once

#include <cstdio>
#include <memory>
#include <string>

#include "output/output_settings.h"
#include "flow/flow.h"
#include "output/formats.h"
#include "output/printer.h"
#include "output/sink.h"

namespace flowgrep::test {

// An output_sink over an anonymous temporary file; text() flushes it and returns all bytes written.
class captured_sink {
public:
    captured_sink() : file_(std::tmpfile()), sink_(std::make_unique<output_sink>(fileno(file_))) {}
    ~captured_sink() {
        sink_.reset();
        std::fclose(file_);
    }
    captured_sink(const captured_sink&) = delete;
    captured_sink& operator=(const captured_sink&) = delete;

    output_sink& sink() { return *sink_; }

    std::string text() {
        sink_->flush();
        std::string all;
        std::rewind(file_);
        char buf[4096];
        size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, file_)) > 0) all.append(buf, n);
        return all;
    }

private:
    std::FILE* file_;
    std::unique_ptr<output_sink> sink_;
};

inline timestamp at(int64_t seconds, int32_t nanos = 0) {
    timestamp t;
    t.present = true;
    t.seconds = seconds;
    t.nanos = nanos;
    return t;
}

// 2024-01-02T03:04:05Z, the time of the synthetic samples in hubble-semantics §5.6.
inline constexpr int64_t jan_2_2024_03_04_05 = 1704164645;

inline response flow_response() {
    response r;
    r.kind = response_kind::flow;
    return r;
}

// An IPv4 TCP flow between two endpoints, with the event type and verdict left to the test.
inline response tcp_flow(std::string_view src_ip, uint32_t src_port, std::string_view dst_ip,
                         uint32_t dst_port) {
    response r = flow_response();
    flow& f = r.flow;
    f.has_ip = true;
    f.ip_source = src_ip;
    f.ip_destination = dst_ip;
    f.ip_version = 1;
    f.l4 = l4_kind::tcp;
    f.source_port = src_port;
    f.destination_port = dst_port;
    f.source.present = f.destination.present = true;
    return r;
}

// Runs `responses` through the printer for `opts` (colour decided as if stdout were a pipe) and
// returns what went to stdout and to stderr.
struct printed {
    std::string out;
    std::string err;
};

template <typename... Responses>
printed print_all(const output_settings& opts, const Responses&... responses) {
    captured_sink out, err;
    print_settings s = resolve_print_settings(opts, false, nullptr, nullptr);
    output_sink* status = s.silent_errors ? nullptr : &err.sink();
    std::unique_ptr<printer> p;
    switch (opts.format) {
    case output_format::compact: p = make_compact_printer(s, out.sink(), status); break;
    case output_format::dict: p = make_dict_printer(s, out.sink(), status); break;
    case output_format::table: p = make_table_printer(s, out.sink(), status); break;
    case output_format::json: p = make_json_printer(s, out.sink(), status); break;
    }
    (p->print(responses), ...);
    p->finish();
    return {out.text(), err.text()};
}

inline output_settings with_output(output_format f) {
    output_settings o;
    o.format = f;
    return o;
}

}  // namespace flowgrep::test
