// FQDN and node-name patterns: Hubble's canonicalisation and pattern-to-regexp rewrite.
#include "filter/name_pattern.h"

#include "filter/filter_error.h"
#include "filter/go_regexp.h"
#include "go/strconv.h"
#include "go/unicode.h"

namespace flowgrep {

namespace {

// What an empty cluster or node part stands for: any FQDN-like name, underscores allowed.
constexpr std::string_view any_fqdn = R"((?:[-0-9_a-z]+(?:\.[-0-9_a-z]+)*))";

// Appends the regexp for one FQDN pattern: trim, drop one trailing dot, lower-case, then only
// `.`, `*`, `-`, `_`, digits and letters are allowed.
void append_fqdn_pattern(std::string& out, std::string_view pattern) {
    std::string canonical = go::to_lower(go::trim_space(pattern));
    if (!canonical.empty() && canonical.back() == '.') canonical.pop_back();
    if (canonical.empty()) throw filter_error("empty pattern");
    if (canonical.back() == '.') throw filter_error("multiple trailing dots in pattern");
    for (std::size_t i = 0; i < canonical.size();) {
        auto [r, width] = go::decode_rune(canonical, i);
        i += width;
        if (r == '.')
            out += R"(\.)";
        else if (r == '*')
            out += "[-.0-9a-z]*";
        else if (r == '-' || r == '_' || (r >= '0' && r <= '9') || (r >= 'a' && r <= 'z'))
            out += static_cast<char>(r);
        else
            throw filter_error(go::quote_rune(r) + ": invalid rune in pattern");
    }
}

std::unique_ptr<re2::RE2> compile_alternatives(const std::vector<std::string>& alternatives) {
    std::string regexp = "(?:";
    for (std::size_t i = 0; i < alternatives.size(); ++i) {
        if (i > 0) regexp += '|';
        regexp += alternatives[i];
    }
    regexp += ')';
    std::string error;
    auto re = compile_go_regexp(regexp, &error);
    if (!re) throw filter_error(error);  // only when RE2's size limit is hit
    return re;
}

std::string part_regexp(std::string_view part) {
    if (part.empty()) return std::string(any_fqdn);
    std::string out;
    append_fqdn_pattern(out, part);
    return out;
}

}  // namespace

fqdn_filter::fqdn_filter(const std::vector<std::string>& patterns) {
    std::vector<std::string> alternatives;
    for (const auto& pattern : patterns) {
        std::string out;
        append_fqdn_pattern(out, pattern);
        alternatives.push_back(std::move(out));
    }
    regexp_ = compile_alternatives(alternatives);
}

bool fqdn_filter::matches(std::span<const std::string_view> names) const {
    for (auto name : names)
        if (regexp_full_match(*regexp_, name)) return true;
    return false;
}

node_name_filter::node_name_filter(const std::vector<std::string>& patterns) {
    std::vector<std::string> with_cluster;
    std::vector<std::string> default_cluster;
    for (const auto& pattern : patterns) {
        if (pattern.empty()) throw filter_error("empty pattern");
        std::string_view cluster;
        std::string_view node = pattern;
        if (auto slash = pattern.find('/'); slash != std::string::npos) {
            if (pattern.find('/', slash + 1) != std::string::npos)
                throw filter_error("too many slashes in pattern");
            cluster = node.substr(0, slash);
            node = node.substr(slash + 1);
        }
        std::string cluster_re = part_regexp(cluster);
        std::string node_re = part_regexp(node);
        with_cluster.push_back(cluster_re + "/" + node_re);
        // Neither part can match a '/', so "default/x" matches an alternative exactly when its
        // cluster part matches "default" and its node part matches "x": decide the first half
        // now and spare every flow without a cluster the string concatenation.
        if (regexp_full_match(*compile_alternatives({cluster_re}), "default"))
            default_cluster.push_back(node_re);
    }
    with_cluster_ = compile_alternatives(with_cluster);
    if (!default_cluster.empty()) default_cluster_ = compile_alternatives(default_cluster);
}

bool node_name_filter::matches(std::string_view node_name) const {
    if (node_name.empty()) return false;
    if (node_name.find('/') == std::string_view::npos)
        return default_cluster_ && regexp_full_match(*default_cluster_, node_name);
    return regexp_full_match(*with_cluster_, node_name);
}

}  // namespace flowgrep
