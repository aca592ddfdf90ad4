// "Did you mean ...?": the known name nearest to a mistyped one, for unknown flags and for flag
// values outside a fixed vocabulary (--type tarce -> trace).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flowgrep {

// The candidate closest to `typed`: a case-insensitive match, else the only candidate that `typed`
// begins (at least three characters), else the nearest by edit distance (transpositions count
// once) when it is close enough to be a typo. Ties go to the earlier candidate.
std::optional<std::string> nearest_name(std::string_view typed, const std::vector<std::string>& candidates);

// " (did you mean X?)" or "" when nothing is near.
std::string did_you_mean(std::string_view typed, const std::vector<std::string>& candidates,
                         std::string_view prefix = "");

}  // namespace flowgrep
