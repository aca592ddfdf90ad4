// ordered_output: the single-threaded end of the pipeline. Most blocks (no bad line, nothing to
// cut, nothing on stderr) are one write; the rest are walked line by line.
#include "pipeline/ordered_output.h"

#include <algorithm>
#include <iterator>

#include <fmt/format.h>
#include <simdjson.h>

#include "text/report.h"

namespace flowgrep {

void bad_line_report::report(const std::string& source, uint64_t line, std::string_view reason, bool skipped) {
    if (shown_ < shown_per_source) {
        ++shown_;
        const std::string where = fmt::format("{}:{}", source, line);
        const std::string what = skipped ? fmt::format("{}; line skipped", reason) : std::string(reason);
        if (holding_)
            append_warning_line(held_, where, what);
        else
            warning_line(where, what);
    } else {
        if (hidden_ == 0 && hidden_errors_ == 0) source_ = source;
        ++(skipped ? hidden_ : hidden_errors_);
    }
}

void bad_line_report::release() {
    if (!held_.empty()) write_lines(held_);
    held_.clear();
    holding_ = false;
}

void bad_line_report::discard() {
    held_.clear();
    holding_ = false;
    hidden_ = 0;
    hidden_errors_ = 0;
    shown_ = 0;
}

void bad_line_report::summarise() {
    release();
    if (hidden_ > 0)
        warning_line(source_, fmt::format("{} more bad {} skipped", hidden_, hidden_ == 1 ? "line" : "lines"));
    if (hidden_errors_ > 0)
        warning_line(source_, fmt::format("{} more filter {} not shown", hidden_errors_,
                                          hidden_errors_ == 1 ? "error" : "errors"));
    hidden_ = 0;
    hidden_errors_ = 0;
    shown_ = 0;
}

ordered_output::ordered_output(const run_settings& opts, line_use use, const block_reader& reader,
                               output_sink& out, output_sink& err, line_processor* printer, bool live)
    : opts_(opts),
      use_(use),
      reader_(reader),
      out_(out),
      err_(err),
      printer_(printer),
      printing_(!opts.quiet && !opts.count),
      live_(live) {
    if (opts.last > 0) last_.emplace(opts.last);
}

void ordered_output::write_upto(const block_output& r, size_t& out_pos, size_t& err_pos, size_t out_end,
                                size_t err_end) {
    if (out_end > out_pos) {
        out_.write(std::string_view(r.out).substr(out_pos, out_end - out_pos));
        out_pos = out_end;
    }
    if (err_end > err_pos) {
        // Node-status records go to stderr; what came before them on stdout must be out first.
        out_.flush();
        err_.write(std::string_view(r.err).substr(err_pos, err_end - err_pos));
        err_.flush();
        err_pos = err_end;
    }
}

void ordered_output::print_kept(std::string_view text) {
    if (!printer_) return;
    padded_.assign(text);
    padded_.resize(text.size() + simdjson::SIMDJSON_PADDING);
    kept_.clear();
    // Checked when it passed; print_kept() decodes what the printer reads.
    printer_->print_kept(std::string_view(padded_.data(), text.size()), kept_);
    size_t out_pos = 0, err_pos = 0;
    for (const passed_line& p : kept_.passed) {
        if (p.flow) ++counted_;
        if (printing_) write_upto(kept_, out_pos, err_pos, p.out_end, p.err_end);
        out_.end_record();
    }
}

void ordered_output::print_last() {
    if (!last_) return;
    last_->for_each([&](std::string_view text) { print_kept(text); });
    last_.reset();
}

void ordered_output::caught_up() {
    print_last();
    out_.flush();
}

void ordered_output::note_first_problem(uint64_t line, std::string_view reason) {
    if (source_records_ == 0 && line < first_problem_line_) {
        first_problem_line_ = line;
        first_problem_ = reason;
    }
}

void ordered_output::end_source(const std::string& name, bool read_error) {
    const uint64_t lines = line_base_;
    if (source_records_ == 0 && lines > 0 && !read_error) {
        // The warnings would only say twenty times what this says once.
        bad_.discard();
        error_line(name, fmt::format("no Hubble flows in {} {} (line {}: {})", lines, lines == 1 ? "line" : "lines",
                                     first_problem_line_ + 1, first_problem_));
        not_flows_ = true;
    } else {
        bad_.summarise();
    }
}

bool ordered_output::use(const input_block& block, const block_output& r) {
    const std::string& source = reader_.name(block.source_index);
    if (block.starts_source) {
        line_base_ = 0;
        source_records_ = 0;
        first_problem_line_ = block_output::no_line;
        first_problem_.clear();
        if (!live_) bad_.hold();
    }
    // A record in this block: the source is flows, and what was held is due before anything of it.
    if (source_records_ == 0 && r.records > 0) bad_.release();
    if (source_records_ == 0) {
        if (!r.bad.empty()) note_first_problem(line_base_ + r.bad.front().line, r.bad.front().reason);
        if (r.first_other != block_output::no_line) note_first_problem(line_base_ + r.first_other, r.first_other_reason);
    }
    source_records_ += r.records;

    const bool walk = !r.bad.empty() || !r.err.empty() || opts_.quiet || opts_.first > 0 || use_ == line_use::copy;
    if (!walk) {
        out_.write_through(r.out);
        passed_ += r.passed.size();
        counted_ += static_cast<uint64_t>(
            std::count_if(r.passed.begin(), r.passed.end(), [](const passed_line& p) { return p.flow; }));
    } else {
        size_t out_pos = 0, err_pos = 0;
        auto bad = r.bad.begin();
        auto report_bad_before = [&](uint64_t line) {
            // A filter's error on a line that passes comes before the line's output.
            for (; bad != r.bad.end() && bad->line <= line; ++bad) {
                write_upto(r, out_pos, err_pos, bad->out_at, bad->err_at);
                out_.flush();
                if (opts_.strict && !bad->from_filter) {
                    bad_.release();
                    // Stop here; flows already printed stay printed, --last and --count have nothing to say.
                    strict_error_ = fmt::format("{}:{}: {}", source, line_base_ + bad->line + 1, bad->reason);
                    stopped_ = exit_status::error;
                    return false;
                }
                bad_.report(source, line_base_ + bad->line + 1, bad->reason, !bad->from_filter);
            }
            return true;
        };
        for (const passed_line& p : r.passed) {
            if (!report_bad_before(p.line)) return false;
            ++passed_;
            if (opts_.quiet && p.flow) {
                stopped_ = exit_status::ok;
                return false;
            }
            if (use_ == line_use::copy) {
                std::string_view text = std::string_view(r.out).substr(out_pos, p.out_end - out_pos);
                out_pos = p.out_end;
                if (last_)
                    last_->push(text);
                else
                    print_kept(text);
            } else {
                write_upto(r, out_pos, err_pos, p.out_end, p.err_end);
                out_.end_record();
                if (p.flow) ++counted_;
            }
            if (opts_.first > 0 && passed_ == opts_.first) return false;  // the end, as if the input ended here
        }
        if (!report_bad_before(UINT64_MAX)) return false;
    }
    line_base_ += r.lines;
    if (!block.error.empty()) {
        out_.flush();
        error_line(source, block.error);
        read_error_ = true;
    }
    if (block.ends_source) {
        out_.flush();
        end_source(source, !block.error.empty());
    }
    return true;
}

exit_status ordered_output::finish() {
    if (stopped_ == exit_status::ok) {  // -q found its flow
        out_.flush();
        bad_.summarise();
        return exit_status::ok;
    }
    // --strict stopped at a bad line: what was printed stays, the rest is not printed; with --last
    // nothing was printed yet, so there is nothing to finish either.
    const bool strict_stop = stopped_ == exit_status::error;
    if (strict_stop)
        last_.reset();
    else
        print_last();
    if (printing_ && printer_ && !(strict_stop && opts_.last > 0)) {
        kept_.clear();
        printer_->finish(kept_, out_);
        size_t out_pos = 0, err_pos = 0;
        write_upto(kept_, out_pos, err_pos, kept_.out.size(), kept_.err.size());
    }
    out_.flush();
    if (strict_stop) {
        error_line("", strict_error_);
        return exit_status::error;
    }
    if (opts_.count) {
        fmt::format_to(std::back_inserter(out_.buffer()), "{}\n", counted_);
        out_.end_record();
    }
    out_.flush();
    bad_.summarise();
    if (read_error_ || not_flows_) return exit_status::error;
    if ((opts_.quiet || opts_.count) && counted_ == 0) return exit_status::no_match;
    return exit_status::ok;
}

}  // namespace flowgrep
