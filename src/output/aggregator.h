// --aggregate-by: counts the flows that passed by their tuple of key values and prints one row per
// distinct tuple, most frequent first, as a table or JSON lines. Memory grows with the distinct
// tuples only, and a tuple already seen is counted without allocating. One aggregator per worker:
// merge() adds one into another, and the rows do not depend on how the flows were shared out.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "flow/fields.h"
#include "flow/flow.h"
#include "output/aggregate_keys.h"
#include "output/sink.h"


namespace flowgrep {

class flow_json;

class aggregator {
public:
    explicit aggregator(const aggregate_spec& spec);
    ~aggregator();
    aggregator(aggregator&&) noexcept;
    aggregator& operator=(aggregator&&) noexcept;

    // What the parser must decode for the keys (the keys it does not hold are read from the line).
    field_set needs() const;

    // Counts a response that passed: flows only (node status, lost events and the empty responses
    // of agent and debug events are not flows; lost events are summed for a warning). `line` is the
    // response's JSON, with simdjson::SIMDJSON_PADDING readable bytes after it.
    void add(const response& r, std::string_view line);

    // Adds `other`'s counts into this one and leaves `other` empty.
    void merge(aggregator& other);

    // The rows, sorted by count (largest first), ties by the key values in key order (numbers by
    // value, text bytewise, a missing value last); only the first spec.top when it is set. A table
    // (COUNT first, then the keys as given; no rows, no output) or one JSON object per row. When the
    // input reported lost events, `err` gets a warning that the counts leave them out.
    void print(output_sink& out, output_sink& err) const;

    uint64_t flows() const { return flows_; }      // how many flows were counted
    size_t distinct() const { return counts_.size(); }

private:
    struct key_hash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };

    bool read_json(std::string_view line);

    aggregate_spec spec_;
    bool any_json_ = false;
    // The tuple of the flow being counted, encoded (a type byte, then the value) so that equal
    // tuples are equal bytes; reused for every flow.
    std::string tuple_;
    std::unordered_map<std::string, uint64_t, key_hash, std::equal_to<>> counts_;
    std::unique_ptr<flow_json> json_;  // for keys the parsed flow does not hold
    uint64_t flows_ = 0;
    uint64_t lost_ = 0;
};

}  // namespace flowgrep
