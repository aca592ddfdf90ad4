// The literal prefilter: byte strings that every line some allow filter can pass must contain,
// derived once from the filter lists, so that a line lacking them is dropped with a few substring
// searches instead of a JSON parse. It must be exact: a line it drops could never have matched.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "filter/flow_filter.h"

namespace flowgrep {

class line_prefilter {
public:
    // Inactive (active() false) when no list gives a requirement: a list gives none as soon as one of
    // its filters gives none (a filter matching any line, one on fields without needles, CEL only).
    // The deny list gives none: it only ever drops.
    explicit line_prefilter(const filter_lists& lists);

    bool active() const { return !lists_.empty(); }

    // False only for a line that no filter could pass. A line it cannot judge is true: one that is
    // not shaped as Hubble writes a flow ({"flow":{ ... }), and one holding an escape other than
    // \" (which no needle holds), where the escape could spell a needle in other bytes.
    bool may_match(std::string_view line) const;

    // What it looks for, for the tests: each list's filters joined by " or ", each filter's
    // requirements by " & ", each requirement's alternatives by " | ".
    std::string describe() const;

    // A member `"KEY": VALUE` (any spelling of the key, any white space around the colon) whose value
    // may decode to one of the values wanted. Values it cannot rule out pass: non-integral or
    // signed numbers, wrong types (a bad line, which the parser must see to report).
    struct member_probe {
        std::vector<std::string> keys;     // quoted: "\"verdict\""
        std::vector<std::string> strings;  // string values that pass (enum names)
        std::vector<uint64_t> numbers;     // integers that pass, after `mask`
        uint64_t mask = ~uint64_t{0};      // ports compare truncated to 16 bits
        bool quoted_numbers = false;       // "80" is the integer 80 (not for enums: a name)
        bool operator==(const member_probe&) const = default;
        bool found(std::string_view line) const;
        bool passes(std::string_view value) const;
    };

    // Some alternative is in the line: a literal, or a member probe that finds a member.
    struct requirement {
        std::vector<std::string> literals;
        std::vector<member_probe> members;
        bool operator==(const requirement&) const = default;
        bool holds(std::string_view line) const;
    };

private:
    // Each requirement is evaluated at most once per line, its result kept in a bit: filters often
    // share one (--verdict DROPPED --namespace shop gives two filters that both need DROPPED).
    static constexpr std::size_t max_requirements = 64;

    std::vector<requirement> requirements_;
    // lists_[list][filter] = indices into requirements_; a line must pass some filter of every list
    std::vector<std::vector<std::vector<std::uint8_t>>> lists_;
};

}  // namespace flowgrep
