// The value readers of flag_state.h: Go's parsing rules through go/strconv.h and go_time.h, with
// hubble's messages where they say what is wrong, and flowgrep's where hubble's quote Go internals.
#include "cli/flag_state.h"

#include "cli/option_table.h"
#include "text/suggest.h"
#include "filter/filter_json.h"
#include "flow/flow_schema.h"
#include "go/strconv.h"

namespace flowgrep {

usage_error invalid_argument(const flag_use& use, std::string_view detail) {
    return usage_error("invalid argument " + go::quote(use.value) + " for " +
                       go::quote(flag_display_name(*use.spec)) + " flag: " + std::string(detail));
}

usage_error combination_error(const flag_state& state, std::string message) {
    if (state.settings_used) message += " (settings took part: see flowgrep config view)";
    return usage_error(std::move(message));
}

// Go's parsers decide what is accepted, as hubble's flags do; the messages are flowgrep's, which say
// what is allowed instead of which Go function refused (strconv.ParseBool: parsing "x": ...).
bool switch_value(const flag_use& use) {
    if (auto b = go::parse_bool(use.value)) return *b;
    throw invalid_argument(use, "want true or false (also 1, 0, t, f)");
}

uint64_t count_value(const flag_use& use) {
    auto n = go::parse_uint(use.value, 0, 64);
    if (n.error == go::num_error::range) throw invalid_argument(use, "too large: at most 18446744073709551615");
    if (n.error != go::num_error::none) throw invalid_argument(use, "want a whole number, 0 or more");
    return n.value;
}

output_format parse_output(std::string_view value) {
    if (value == "compact") return output_format::compact;
    if (value == "dict") return output_format::dict;
    if (value == "table" || value == "tab") return output_format::table;
    if (value == "json" || value == "JSON" || value == "jsonpb") return output_format::json;
    throw usage_error("invalid output format: " + std::string(value) +
                      did_you_mean(value, find_long_option("output")->choices));
}

int64_t parse_time_bound(std::string_view which, const std::string& value, go::instant now) {
    auto t = go::parse_time(value, now);
    if (!t)
        throw usage_error("failed to parse the " + std::string(which) + " time: failed to convert " + value +
                          " to time");
    if (!go::valid_timestamp(*t))
        throw usage_error("failed to convert `" + std::string(which) + "` timestamp to proto: proto: timestamp (seconds:" +
                          std::to_string(t->seconds) + ") " +
                          (t->seconds < 0 ? "before 0001-01-01" : "after 9999-12-31"));
    return go::to_unix_nanos(*t);
}

go::instant instant_of(int64_t ns) {
    int64_t secs = ns / 1'000'000'000, nanos = ns % 1'000'000'000;
    if (nanos < 0) {
        nanos += 1'000'000'000;
        --secs;
    }
    return {secs, static_cast<int32_t>(nanos)};
}

void append_json_filters(std::string_view flag, const std::vector<std::string>& texts,
                         std::vector<flow_filter>& out) {
    for (const auto& text : texts) {
        try {
            for (auto& f : decode_filter_stream(text)) out.push_back(std::move(f));
        } catch (const filter_json_error& e) {
            throw usage_error("invalid --" + std::string(flag) + " flag: failed to decode '" + text + "': " + e.what());
        }
    }
}

void check_field_mask(const std::vector<std::string>& paths) {
    const message_schema& flow = flow_schema();
    for (const auto& path : paths)
        if (!is_valid_field_path(flow, path))
            throw usage_error("failed to construct field mask: proto: invalid path " + go::quote(path) +
                              " for message " + go::quote(flow.full_name));
}

}  // namespace flowgrep
