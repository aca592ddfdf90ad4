// The selectors that sit between the filters and the printer: --since/--until bound the response
// time, --first stops after N matches, --last keeps only the final N. --last holds copies of at most
// N lines (reusing their storage), so memory stays flat however long the input.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "flow/flow.h"

namespace flowgrep {

class time_window {
public:
    time_window(std::optional<int64_t> since_ns, std::optional<int64_t> until_ns)
        : since_(since_ns), until_(until_ns) {}

    bool active() const { return since_ || until_; }

    // Both ends are inclusive; a response without a time counts as the epoch, as in Hubble.
    bool contains(const response& r) const {
        int64_t t = r.time.present ? r.time.unix_nanos() : 0;
        return (!since_ || t >= *since_) && (!until_ || t <= *until_);
    }

private:
    std::optional<int64_t> since_;
    std::optional<int64_t> until_;
};

// The last N lines that passed, in input order.
class last_lines {
public:
    explicit last_lines(uint64_t n) : limit_(n) {}

    void push(std::string_view line) {
        if (ring_.size() < limit_) {
            ring_.emplace_back(line);
        } else {
            ring_[next_].assign(line);
            next_ = (next_ + 1) % ring_.size();
        }
    }

    template <typename Fn>
    void for_each(Fn&& fn) const {
        for (size_t i = 0; i < ring_.size(); ++i) fn(std::string_view(ring_[(next_ + i) % ring_.size()]));
    }

private:
    uint64_t limit_;
    size_t next_ = 0;  // the oldest entry once the ring is full
    std::vector<std::string> ring_;
};

}  // namespace flowgrep
