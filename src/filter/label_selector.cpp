// Label selectors: Hubble's source-prefix translation in front of the Kubernetes parser, and
// Cilium's LabelArray lookup (source-aware, first label by key) for matching.
#include "filter/label_selector.h"

#include <algorithm>
#include <array>

#include "filter/k8s_selector.h"
#include "go/strconv.h"
#include "go/unicode.h"

namespace flowgrep {

namespace {

struct source_and_rest {
    std::string_view source;  // empty when the string names no source
    std::string_view rest;
};

// Cilium's parseSource: `$x` is reserved; otherwise split at the first delimiter. With ':' (flow
// labels) a bare `reserved.x` also means the reserved source.
source_and_rest split_source(std::string_view s, char delimiter) {
    if (s.empty()) return {};
    if (s[0] == '$') return {"reserved", s.substr(1)};
    auto i = s.find(delimiter);
    if (i == std::string_view::npos) {
        constexpr std::string_view reserved_prefix = "reserved.";
        if (delimiter != '.' && s.starts_with(reserved_prefix))
            return {"reserved", s.substr(reserved_prefix.size())};
        return {{}, s};
    }
    return {s.substr(0, i), s.substr(i + 1)};
}

cilium_label parse_label(std::string_view s, char delimiter) {
    auto [source, rest] = split_source(s, delimiter);
    cilium_label label;
    label.source = source.empty() ? std::string_view("unspec") : source;
    auto eq = rest.find('=');
    if (eq == std::string_view::npos) {
        label.key = rest;
    } else if (eq == 0 && source == "reserved") {
        label.key = rest.substr(1);
    } else {
        label.key = rest.substr(0, eq);
        label.value = rest.substr(eq + 1);
    }
    return label;
}

// A cidr label key writes IPv6 colons as dashes (`2001-db8--0/32`). Parsed into a stack buffer:
// no valid prefix is longer than the buffer.
std::optional<ip_prefix> cidr_label_prefix(std::string_view key) {
    std::array<char, 64> buffer;
    if (key.size() > buffer.size()) return std::nullopt;
    std::transform(key.begin(), key.end(), buffer.begin(), [](char c) { return c == '-' ? ':' : c; });
    return parse_ip_prefix(std::string_view(buffer.data(), key.size()));
}

}  // namespace

cilium_label parse_cilium_label(std::string_view label) { return parse_label(label, ':'); }

std::string translate_label_selector(std::string_view selector) {
    // Rune by rune as Hubble's translator reads it; invalid UTF-8 comes out as U+FFFD, as there.
    std::string out;
    std::size_t i = 0;
    auto next_rune = [&] { return go::decode_rune(selector, i); };
    while (i < selector.size()) {
        // Up to the next key: whitespace and '!'.
        while (i < selector.size()) {
            auto [r, width] = next_rune();
            if (!go::is_space(r) && r != '!') break;
            go::append_rune(out, r);
            i += width;
        }
        // The key, which ends at whitespace, '=', '!' or ','. Even an empty key is written.
        std::string key;
        while (i < selector.size()) {
            auto [r, width] = next_rune();
            if (go::is_space(r) || r == '=' || r == '!' || r == ',') break;
            go::append_rune(key, r);
            i += width;
        }
        if (key.find(':') == std::string::npos) key.insert(0, "any:");
        key[key.find(':')] = '.';
        out += key;
        // The rest of this requirement, through the next comma outside parentheses.
        int nesting = 0;
        while (i < selector.size()) {
            auto [r, width] = next_rune();
            i += width;
            if (r == '(') ++nesting;
            if (r == ')') --nesting;
            go::append_rune(out, r);
            if (r == ',' && nesting == 0) break;
        }
    }
    return out;
}

label_selector::label_selector(std::string_view selector) {
    for (auto& parsed : parse_k8s_selector(translate_label_selector(selector))) {
        requirement r;
        if (parsed.op == "exists") r.kind = op::exists;
        else if (parsed.op == "!") r.kind = op::not_exists;
        else if (parsed.op == "in" || parsed.op == "=" || parsed.op == "==") r.kind = op::in;
        else if (parsed.op == "notin" || parsed.op == "!=") r.kind = op::not_in;
        else if (parsed.op == "gt") r.kind = op::greater;
        else r.kind = op::less;
        // The translated key is `source.key`; Cilium reads it as a selecting label, where an
        // unspecified source means any source.
        cilium_label key = parse_label(parsed.key, '.');
        r.source = key.source == "unspec" ? "any" : std::string(key.source);
        r.any_source = r.source == "any";
        r.key = key.key;
        if (r.source == "cidr") r.cidr = cidr_label_prefix(r.key);
        if (r.kind == op::greater || r.kind == op::less) r.number = go::parse_int64(parsed.values.front()).value_or(0);
        r.values = std::move(parsed.values);
        requirements_.push_back(std::move(r));
    }
}

std::vector<std::vector<std::string>> label_selector::value_needles() const {
    std::vector<std::vector<std::string>> out;
    for (const auto& r : requirements_) {
        if (r.kind != op::in || r.values.empty()) continue;
        std::vector<std::string> texts;
        for (const auto& v : r.values) {
            if (v.empty()) break;
            // A cidr label's key is matched as a prefix, not as written: only its value is certain.
            std::string t = r.source == "cidr" ? std::string() : r.key;
            t += '=';
            t += v;
            t += '"';
            texts.push_back(std::move(t));
        }
        if (texts.size() == r.values.size()) out.push_back(std::move(texts));
    }
    return out;
}

// Cilium's Label.HasKey, answering with the label's value. Most keys are plain: the label's key
// is compared where it starts, without splitting off the value first.
std::optional<std::string_view> label_selector::lookup(std::string_view text, const requirement& r) const {
    if (r.source == "cidr") {
        // Cilium 1.19 compares two cidr labels by prefix alone: a key that is not a prefix, on
        // either side, matches nothing (1.17 fell back to comparing the keys as text).
        cilium_label label = parse_label(text, ':');
        if (label.source != "cidr" || !r.cidr) return std::nullopt;
        // cidr labels also answer for broader prefixes: cidr:10.0.0.0/8 finds cidr:10.1.2.3/32.
        auto labelled = cidr_label_prefix(label.key);
        if (labelled && r.cidr->bits <= labelled->bits && r.cidr->contains(labelled->address)) return label.value;
        return std::nullopt;
    }
    auto [source, rest] = split_source(text, ':');
    if (source.empty()) source = "unspec";
    std::string_view value;
    if (source == "reserved" && rest.starts_with('=')) {
        // `reserved:=x` is key x without value.
        if (rest.substr(1) != r.key) return std::nullopt;
    } else {
        if (!rest.starts_with(r.key)) return std::nullopt;
        if (rest.size() > r.key.size()) {
            if (rest[r.key.size()] != '=') return std::nullopt;
            value = rest.substr(r.key.size() + 1);
        }
    }
    if (!r.any_source && source != r.source) return std::nullopt;
    return value;
}

// Cilium sorts the flow's labels by key (a stable sort for the short lists flows carry) and takes
// the first label that has the key. Among equal keys that is the first in flow order, and among
// different keys (only cidr prefixes differ) the smallest key, so no sorting is needed.
std::optional<std::string_view> label_selector::value_of(std::span<const std::string_view> labels,
                                                         const requirement& r) const {
    if (r.source != "cidr") {
        for (auto text : labels)
            if (auto value = lookup(text, r)) return value;
        return std::nullopt;
    }
    std::optional<cilium_label> best;
    for (auto text : labels) {
        if (!lookup(text, r)) continue;
        cilium_label label = parse_label(text, ':');
        if (!best || label.key < best->key) best = label;
    }
    if (!best) return std::nullopt;
    return best->value;
}

bool label_selector::holds(std::span<const std::string_view> labels, const requirement& r) const {
    auto has = [&] {
        return std::any_of(labels.begin(), labels.end(), [&](std::string_view text) { return lookup(text, r).has_value(); });
    };
    auto in_values = [&](std::string_view v) {
        return std::find(r.values.begin(), r.values.end(), v) != r.values.end();
    };
    switch (r.kind) {
        case op::exists: return has();
        case op::not_exists: return !has();
        case op::in: {
            auto value = value_of(labels, r);
            return value && in_values(*value);
        }
        case op::not_in: {
            auto value = value_of(labels, r);
            return !value || !in_values(*value);
        }
        case op::greater:
        case op::less: {
            auto value = value_of(labels, r);
            if (!value) return false;
            auto number = go::parse_int64(*value);
            if (!number) return false;
            return r.kind == op::greater ? *number > r.number : *number < r.number;
        }
    }
    return false;
}

bool label_selector::matches(std::span<const std::string_view> labels) const {
    for (const auto& r : requirements_)
        if (!holds(labels, r)) return false;
    return true;
}

}  // namespace flowgrep
