// Timestamps as Hubble prints them: the `--time-format` layouts of Go's time package, always in UTC,
// fractions truncated. Consecutive flows share their day (and often their second), so the last
// formatted text is kept and only what changed is rewritten.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "flow/flow.h"

namespace flowgrep {

enum class time_layout : uint8_t {
    stamp_milli,                 // Jan _2 15:04:05.000 (the default)
    year_month_day,              // 2006-01-02
    year_month_day_hour,         // 2006-01-02T15Z07:00
    year_month_day_hour_minute,  // 2006-01-02T15:04Z07:00
    rfc3339,                     // 2006-01-02T15:04:05Z07:00
    rfc3339_milli,               // 2006-01-02T15:04:05.999Z07:00
    rfc3339_micro,               // 2006-01-02T15:04:05.999999Z07:00
    rfc3339_nano,                // 2006-01-02T15:04:05.999999999Z07:00
    rfc1123z,                    // Mon, 02 Jan 2006 15:04:05 -0700
};

// The layout a --time-format name selects. Like Hubble, names are matched without regard to case and
// an unknown name means StampMilli: the flag never rejects a value.
time_layout time_layout_from_name(std::string_view name);
// The names time_layout_from_name knows, StampMilli first: --time-format's choices.
std::vector<std::string_view> time_layout_names();

class time_formatter {
public:
    explicit time_formatter(time_layout layout = time_layout::stamp_milli) : layout_(layout) {}

    // Appends `ts` in UTC, or N/A when it is absent or outside protobuf's valid range (years 1-9999).
    void append(std::string& out, const timestamp& ts);

private:
    time_layout layout_;
    bool cached_ = false;
    int64_t cached_seconds_ = 0;
    uint8_t cached_length_ = 0;
    uint8_t clock_offset_ = 0;  // where hh:mm:ss sits in the cached text; 0 when the layout has none
    char cached_text_[40];  // everything before the fraction
};

}  // namespace flowgrep
