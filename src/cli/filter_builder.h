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

// One tracker's filters as a filter flag writes them: hubble's left filter A (the source side of
// the either-side flags), its right filter B, and the namespaces that are folded into their pods
// and services when the lists are built.
struct filter_sides {
    flow_filter a;
    flow_filter b;
    std::vector<std::string> ns, src_ns, dst_ns;  // --namespace/-A, --from-..., --to-...

    // The value on both sides.
    template <typename T, typename V>
    void both(std::vector<T> flow_filter::*field, const V& value) {
        (a.*field).push_back(value);
        (b.*field).push_back(value);
    }
    // The source field on A, the destination field on B.
    template <typename T, typename V>
    void either(std::vector<T> flow_filter::*src, std::vector<T> flow_filter::*dst, const V& value) {
        (a.*src).push_back(value);
        (b.*dst).push_back(value);
    }
};

// A filter record's filter_update (option_table.h) writes its value into these, as flows_filter.go's
// set does; it throws filter_flag_error.

// The filter flags' value readers, with hubble's messages.
filter_event_type parse_event_type(std::string_view value);   // --type
uint32_t parse_identity(std::string_view value);              // --identity and the like
filter_workload parse_workload(std::string_view value);       // --workload and the like
filter_tcp_flags parse_tcp_flags(std::string_view value);     // --tcp-flags
filter_http_header parse_http_header(std::string_view value); // --http-header
int32_t parse_ip_version(std::string_view value);             // --ip-version
int32_t parse_traffic_direction(std::string_view value);      // --traffic-direction
int32_t parse_verdict(std::string_view value);                // --verdict
int32_t parse_drop_reason(std::string_view value);            // --drop-reason-desc
uint64_t parse_ip_trace_id(std::string_view value);           // --ip-trace-id

class filter_builder {
public:
    filter_builder();
    ~filter_builder();
    filter_builder(filter_builder&&) noexcept;
    filter_builder& operator=(filter_builder&&) noexcept;

    // One filter flag, by long name ("not", "pod", "type" ...), with its value: --not routes the
    // next flag to the deny tracker, any other goes through its record's filter_update. Throws
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
