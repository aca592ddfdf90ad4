// Edit-distance suggestions for mistyped flag names and values.
#include "text/suggest.h"

#include <algorithm>

#include "text/ascii.h"

namespace flowgrep {

namespace {

// Optimal string alignment distance over case-folded text.
size_t distance(std::string_view a, std::string_view b) {
    std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
    for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t cost = ascii_lower(a[i - 1]) == ascii_lower(b[j - 1]) ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && ascii_lower(a[i - 1]) == ascii_lower(b[j - 2]) && ascii_lower(a[i - 2]) == ascii_lower(b[j - 1]))
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.size()][b.size()];
}

}  // namespace

std::optional<std::string> nearest_name(std::string_view typed, const std::vector<std::string>& candidates) {
    if (typed.empty()) return std::nullopt;
    for (const auto& c : candidates)
        if (ascii_equal_fold(typed, c)) return c;

    if (typed.size() >= 3) {
        const std::string* only = nullptr;
        size_t count = 0;
        for (const auto& c : candidates) {
            if (c.size() > typed.size() && ascii_equal_fold(typed, std::string_view(c).substr(0, typed.size()))) {
                only = &c;
                ++count;
            }
        }
        if (count == 1) return *only;
    }

    const size_t limit = std::max<size_t>(1, typed.size() / 3);
    const std::string* best = nullptr;
    size_t best_distance = limit + 1;
    for (const auto& c : candidates) {
        size_t d = distance(typed, c);
        if (d < best_distance) {
            best = &c;
            best_distance = d;
        }
    }
    if (best && best_distance < typed.size()) return *best;
    return std::nullopt;
}

std::string did_you_mean(std::string_view typed, const std::vector<std::string>& candidates,
                         std::string_view prefix) {
    auto near = nearest_name(typed, candidates);
    if (!near) return {};
    return " (did you mean " + std::string(prefix) + *near + "?)";
}

}  // namespace flowgrep
