// Turns filter flags, in command-line order, into FlowFilters exactly as hubble observe does: an
// allow and a deny tracker, each with a source-side filter A and a destination-side filter B,
// --not routing the next flag to the deny tracker, conflict groups, namespace checks, and the
// namespace lists folded in at the end.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "filter/flow_filter.h"

namespace flowgrep {

// A filter flag hubble would reject. what() is hubble's detail, which the caller puts after
// `invalid argument "<value>" for "<flag>" flag: `.
class filter_flag_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The words --tcp-flags accepts and the bits (flow.h's tcp_flag) they stand for, in hubble's order.
struct tcp_flag_name {
    std::string_view name;
    uint16_t bit;
};
std::span<const tcp_flag_name> tcp_flag_names();

class filter_builder {
public:
    filter_builder();
    ~filter_builder();
    filter_builder(filter_builder&&) noexcept;
    filter_builder& operator=(filter_builder&&) noexcept;

    // One filter flag, by long name ("not", "pod", "type" ...), with its value. Throws
    // filter_flag_error for what hubble rejects at that flag; std::invalid_argument for a name that
    // is not a filter flag.
    void add(std::string_view flag, std::string_view value);

    // True after a --not that no filter flag has followed yet.
    bool negation_pending() const { return negate_next_; }

    // The allow and deny lists the flags add up to (before any --allowlist/--denylist JSON).
    filter_lists build() const;

private:
    struct tracker;
    std::unique_ptr<tracker> allow_;
    std::unique_ptr<tracker> deny_;
    bool negate_next_ = false;
};

// Whether `flag` is one of the flags filter_builder::add takes.
bool is_filter_flag(std::string_view flag);

}  // namespace flowgrep
