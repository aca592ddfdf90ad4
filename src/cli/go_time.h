// --since and --until values, read as hubble reads them: first as a Go duration before now, then in
// each of hubble's absolute layouts (2006-01-02, 2006-01-02T15Z07:00, 2006-01-02T15:04Z07:00,
// RFC 3339 with any fraction, RFC 1123 with a numeric zone), with Go's time.Parse rules.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace flowgrep::go {

// A UTC instant; seconds may lie outside what int64 nanoseconds can hold.
struct instant {
    int64_t seconds = 0;
    int32_t nanos = 0;  // 0 ... 999'999'999
    bool operator==(const instant&) const = default;
};

// time.ParseDuration, in nanoseconds.
std::optional<int64_t> parse_duration(std::string_view s);

// time.Parse against hubble's absolute layouts, in their order.
std::optional<instant> parse_absolute_time(std::string_view s);

// hubble's time.FromString: a duration before `now`, else an absolute time.
std::optional<instant> parse_time(std::string_view s, instant now);

// Whether protobuf's Timestamp can hold it (0001-01-01 to 9999-12-31), as hubble requires.
bool valid_timestamp(instant t);

// Nanoseconds since the epoch, clamped to int64.
int64_t to_unix_nanos(instant t);

instant now();

}  // namespace flowgrep::go
