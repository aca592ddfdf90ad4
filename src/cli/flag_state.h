// What the option table's records write to as each flag is applied in command-line order, and the
// value readers they share with the checks that run once the command line is complete (hubble's
// messages for each).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/command_line.h"
#include "cli/filter_builder.h"
#include "cli/go_time.h"
#include "cli/options.h"
#include "cli/pflag_scan.h"

namespace flowgrep {

// What hubble's --all turns into; --first and --last of it mean no limit.
inline constexpr uint64_t no_limit = UINT64_MAX;

// The options as the flags so far left them, plus what is only read or checked after parsing.
struct flag_state {
    options opts;
    filter_builder filters;
    std::string output = "compact";
    std::string time_format = "StampMilli";
    std::string color = "auto";
    std::string since, until;
    std::vector<std::string> allowlist, denylist;
    std::string exporter_config, exporter_name;
    bool help = false, version = false, port_forward = false;
    std::optional<flag_use> last;  // the use whose value --last kept, for its limit check
    bool settings_used = false;    // settings came first: the user may not see every flag involved
};

// pflag's wording for a value its flag refuses.
usage_error invalid_argument(const flag_use& use, std::string_view detail);

// An error about a combination of flags, which a setting may be part of.
usage_error combination_error(const flag_state& state, std::string message);

// A Go boolean (true, false, 1, 0, t, F ...).
bool switch_value(const flag_use& use);

// An unsigned 64-bit integer with Go's base prefixes.
uint64_t count_value(const flag_use& use);

// -o: hubble's exact, case-sensitive spellings.
output_format parse_output(std::string_view value);

// --since or --until (`which`), relative to `now`.
int64_t parse_time_bound(std::string_view which, const std::string& value, go::instant now);
go::instant instant_of(int64_t ns);

// --allowlist or --denylist (`flag`) JSON, appended to `out`.
void append_json_filters(std::string_view flag, const std::vector<std::string>& texts, std::vector<flow_filter>& out);

// What fieldmaskpb.New says of the first path that is not a Flow field, when hubble builds the
// request.
void check_field_mask(const std::vector<std::string>& paths);

}  // namespace flowgrep
