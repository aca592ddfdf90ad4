// line_processor: the per-line work of flowgrep (parse, time window, filters, full check, print),
// the part that runs on several threads at once.
#include "pipeline/line_processor.h"

#include <cstdlib>
#include <cstring>

#include <fmt/format.h>
#include <simdjson.h>

namespace flowgrep {

namespace {

// Lines are checked in full before they are used (printed or counted); lines the filters drop are
// checked only as far as the filters read them, which keeps filtering fast. check_rest() decodes a
// used line in full, so the printer's fields need not be decoded for every line. When every line
// is used anyway (no filter, no time window), or every line must be checked (--strict), one full
// decode per line does it all.
field_set fields_to_decode(const filter_settings& filter, bool strict, const flow_matcher& matcher,
                           const time_window& window) {
    const bool every_line_used = filter.lists.allow.empty() && filter.lists.deny.empty() && !window.active();
    if (strict || every_line_used) return all_fields;
    return matcher.needs() | (window.active() ? field_set{field_response_time} : field_set{0});
}

// A container runtime cut the line (tag P) and wrote the rest as the next line(s); joining them
// would need the next line of the same stream, which may be in another worker's block.
constexpr std::string_view partial_line_reason =
    "a partial container log line (CRI tag P): its rest is on a later line and is not joined";

// What is wrong with a line, when the parser was not asked (over-long, partial) or could say more
// (cut off).
std::string reason_for(const block_line& line, unwrap_kind wrapping, const response_parser& parser) {
    if (wrapping == unwrap_kind::cri_partial) return std::string(partial_line_reason);
    if (line.overlong > 0)
        return fmt::format("line too long ({} bytes; flowgrep reads lines of up to {} MiB)", line.overlong,
                           block_reader::default_max_line >> 20);
    if (!line.has_newline && parser.error().starts_with("truncated:"))
        return parser.error() + " (the input ends without a newline: cut off?)";
    return parser.error();
}

// The prefilter drops lines unread, so --strict, which checks every line in full, turns it off.
// NO_FLOWGREP_PREFILTER=1 turns it off too: the differential test (tests/prefilter_differential.sh)
// runs every conformance case both ways, and whoever suspects it can rule it out in one run. Not a
// FLOWGREP_ name: those are settings, one per flag (cli/settings.h), and this is no flag.
bool prefilter_wanted(bool strict) {
    if (strict) return false;
    const char* off = std::getenv("NO_FLOWGREP_PREFILTER");
    return off == nullptr || std::strcmp(off, "1") != 0;
}

}  // namespace

line_processor::line_processor(const filter_settings& filter, const output_settings& output,
                               const run_settings& run, line_use use)
    : matcher_(filter.lists),
      prefilter_(filter.lists),
      prefiltering_(prefilter_.active() && prefilter_wanted(run.strict)),
      window_(filter.since_ns, filter.until_ns),
      parser_(fields_to_decode(filter, run.strict, matcher_, window_)),
      use_(use),
      first_(run.first) {
    if (output.aggregate.active())
        aggregator_.emplace(output.aggregate);
    else if (use_ == line_use::print)
        printer_ = make_printer(output, out_, err_);
}

line_processor::~line_processor() = default;

void line_processor::process(const input_block& block, block_output& result) {
    out_.buffer().swap(result.out);
    err_.buffer().swap(result.err);
    block_lines lines(block);
    block_line line;
    uint64_t index = 0;
    for (; (first_ == 0 || passed_ < first_) && lines.next(line); ++index) {
        index += static_cast<uint64_t>(line.skip);  // JSON values: the input line the value starts on
        // From here on `text` stands for the line: the flow JSON in it, unwrapped (input/unwrap.h).
        unwrap_kind wrapping = unwrap_kind::plain;
        const std::string_view text = line.overlong > 0 ? line.text : unwrapper_.unwrap(line.text, wrapping);
        if (wrapping == unwrap_kind::other_log) {  // the agent's own log records: not flows
            result.note_other(index, "a log record whose message is not a flow");
            continue;
        }
        // A line without the needles every passing line has is dropped before the parse. It counts
        // as a record: the prefilter only drops lines shaped as flows ({"flow":{ ... }).
        if (prefiltering_ && line.overlong == 0 && wrapping != unwrap_kind::cri_partial &&
            !prefilter_.may_match(text)) {
            ++result.records;
            continue;
        }
        bool ok = line.overlong == 0 && wrapping != unwrap_kind::cri_partial && parser_.parse(text, response_);
        if (ok) {
            if (response_.kind != response_kind::empty || response_.agent_event)
                ++result.records;
            else
                result.note_other(index, "a JSON object with no flow, node_status or lost_events in it");
        }
        if (ok && window_.active() && !window_.contains(response_)) continue;
        if (ok) {
            match_errors_.clear();
            const bool matched = matcher_.matches(response_, &match_errors_);
            for (std::string& e : match_errors_)
                result.bad.push_back({index, out_.buffer().size(), err_.buffer().size(), std::move(e), true});
            if (!matched) continue;
        }
        if (ok) ok = parser_.check_rest(text);
        if (!ok) {
            result.bad.push_back(
                {index, out_.buffer().size(), err_.buffer().size(), reason_for(line, wrapping, parser_)});
            continue;
        }
        switch (use_) {
        case line_use::print: printer_->print(response_); break;
        case line_use::copy: out_.write(text); break;
        case line_use::aggregate: aggregator_->add(response_, text); break;
        case line_use::note: break;
        }
        result.passed.push_back({index, out_.buffer().size(), err_.buffer().size(),
                                 response_.kind == response_kind::flow});
        ++passed_;
    }
    result.lines += index;
    out_.buffer().swap(result.out);
    err_.buffer().swap(result.err);
}

void line_processor::print_kept(std::string_view text, block_output& result) {
    out_.buffer().swap(result.out);
    err_.buffer().swap(result.err);
    if (parser_.parse(text, response_) && parser_.check_rest(text)) {
        if (aggregator_)
            aggregator_->add(response_, text);
        else
            printer_->print(response_);
        result.passed.push_back({0, out_.buffer().size(), err_.buffer().size(),
                                 response_.kind == response_kind::flow});
    }
    out_.buffer().swap(result.out);
    err_.buffer().swap(result.err);
}

void line_processor::merge_counts(line_processor& other) {
    if (aggregator_ && other.aggregator_) aggregator_->merge(*other.aggregator_);
}

void line_processor::finish(block_output& result, output_sink& through) {
    if (!printer_ && !aggregator_) return;
    out_.buffer().swap(result.out);
    err_.buffer().swap(result.err);
    if (aggregator_) {
        aggregator_->print(out_, err_);
    } else {
        // A table prints every row only now: the rows go on as they are aligned, not held twice.
        out_.forward_to(&through);
        printer_->finish();
        out_.forward_to(nullptr);
    }
    out_.buffer().swap(result.out);
    err_.buffer().swap(result.err);
}

}  // namespace flowgrep
