// What a worker makes of one input block, for the in-order stage to use: the printed bytes, where
// each passed line's output ends, and the bad lines with why (and the filters' runtime errors,
// which are reported the same way, with their line, in input order). Offsets, not copies, so that the
// common case (every line fine, nothing to cut) is one write of the whole buffer.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace flowgrep {

struct passed_line {
    uint64_t line;     // index of the line within its block
    size_t out_end;    // where its output on stdout ends, in block_output::out
    size_t err_end;    // and on stderr (node-status records), in block_output::err
    bool flow;         // a flow rather than some other record (what --count and -q count)
};

struct bad_line {
    uint64_t line;
    size_t out_at;  // output of the lines before it: out[0, out_at), err[0, err_at)
    size_t err_at;
    std::string reason;
    // A filter's runtime error (CEL) rather than a bad line: a warning with FILE:LINE that counts
    // towards the per-source limit, but the line was read fine, so --strict does not stop at it.
    bool from_filter = false;
};

struct block_output {
    static constexpr uint64_t no_line = UINT64_MAX;

    std::string out;
    std::string err;
    std::vector<passed_line> passed;
    std::vector<bad_line> bad;
    uint64_t lines = 0;  // lines in the block, for the line numbers of the blocks after it
    // Lines that are Hubble records (a flow, a node status, lost events), passed or not: a source
    // with lines but none of them is the wrong file, which the in-order stage says.
    uint64_t records = 0;
    // The first line that is neither bad nor a record (JSON with none of them, a log record that
    // is not a flow), and what it is: for that message.
    uint64_t first_other = no_line;
    std::string_view first_other_reason;

    void note_other(uint64_t line, std::string_view reason) {
        if (first_other == no_line) first_other = line, first_other_reason = reason;
    }

    void clear() {
        out.clear();
        err.clear();
        passed.clear();
        bad.clear();
        lines = 0;
        records = 0;
        first_other = no_line;
        first_other_reason = {};
    }
};

}  // namespace flowgrep
