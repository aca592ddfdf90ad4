// Go's net/netip address and prefix grammar, error texts included, and the exact-or-CIDR IP filter.
#include "filter/ip_match.h"

#include <algorithm>

#include "filter/filter_error.h"
#include "go/strconv.h"

namespace flowgrep {

namespace {

// Why an address did not parse: Go's message and, for some messages, the rest of the input from
// where parsing stopped (printed as ` (at "...")` when not empty).
struct addr_problem {
    const char* message = nullptr;
    std::string_view at;
};

addr_problem problem(const char* message) { return {message, {}}; }
addr_problem problem_at(const char* message, std::string_view at) { return {message, at}; }

// Parses the dotted quad in `s` into out[0..4). Returns a problem or nothing.
std::optional<addr_problem> parse_ipv4_fields(std::string_view s, std::uint8_t* out) {
    int value = 0;
    int position = 0;
    int digits = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            if (digits == 1 && value == 0) return problem("IPv4 field has octet with leading zero");
            value = value * 10 + (c - '0');
            ++digits;
            if (value > 255) return problem("IPv4 field has value >255");
        } else if (c == '.') {
            if (i == 0 || i == s.size() - 1 || s[i - 1] == '.')
                return problem_at("IPv4 field must have at least one digit", s.substr(i));
            if (position == 3) return problem("IPv4 address too long");
            out[position++] = static_cast<std::uint8_t>(value);
            value = 0;
            digits = 0;
        } else {
            return problem_at("unexpected character", s.substr(i));
        }
    }
    if (position < 3) return problem("IPv4 address too short");
    out[3] = static_cast<std::uint8_t>(value);
    return std::nullopt;
}

std::optional<addr_problem> parse_ipv6(std::string_view in, ip_address& out) {
    std::string_view s = in;
    std::string_view zone;
    if (auto percent = s.find('%'); percent != std::string_view::npos) {
        zone = s.substr(percent + 1);
        s = s.substr(0, percent);
        if (zone.empty()) return problem("zone must be a non-empty string");
    }
    std::array<std::uint8_t, 16> ip{};
    int ellipsis = -1;  // where "::" stands, in bytes
    if (s.size() >= 2 && s[0] == ':' && s[1] == ':') {
        ellipsis = 0;
        s.remove_prefix(2);
        if (s.empty()) {
            out = {};
            out.bit_len = 128;
            out.zoned = !zone.empty();
            return std::nullopt;
        }
    }
    int i = 0;
    while (i < 16) {
        std::size_t off = 0;
        std::uint32_t acc = 0;
        for (; off < s.size(); ++off) {
            int h = go::hex_value(s[off]);
            if (h < 0) break;
            acc = (acc << 4) + static_cast<std::uint32_t>(h);
            if (off > 3) return problem_at("each colon-separated field must have at most 4 hex digits", s);
            if (acc > 0xFFFF) return problem_at("IPv6 field has value >=2^16", s);
        }
        if (off == 0) return problem_at("each colon-separated field must have at least one digit", s);
        if (off < s.size() && s[off] == '.') {
            if (ellipsis < 0 && i != 12)
                return problem_at("embedded IPv4 address must replace the final 2 fields of the address", s);
            if (i + 4 > 16)
                return problem_at("too many hex fields to fit an embedded IPv4 at the end of the address", s);
            if (auto p = parse_ipv4_fields(s, ip.data() + i)) return p;
            s = {};
            i += 4;
            break;
        }
        ip[i] = static_cast<std::uint8_t>(acc >> 8);
        ip[i + 1] = static_cast<std::uint8_t>(acc);
        i += 2;
        s.remove_prefix(off);
        if (s.empty()) break;
        if (s[0] != ':') return problem_at("unexpected character, want colon", s);
        if (s.size() == 1) return problem_at("colon must be followed by more characters", s);
        s.remove_prefix(1);
        if (s[0] == ':') {
            if (ellipsis >= 0) return problem_at("multiple :: in address", s);
            ellipsis = i;
            s.remove_prefix(1);
            if (s.empty()) break;
        }
    }
    if (!s.empty()) return problem_at("trailing garbage after address", s);
    if (i < 16) {
        if (ellipsis < 0) return problem("address string too short");
        int n = 16 - i;
        for (int j = i - 1; j >= ellipsis; --j) ip[j + n] = ip[j];
        std::fill(ip.begin() + ellipsis, ip.begin() + ellipsis + n, 0);
    } else if (ellipsis >= 0) {
        return problem_at("the :: must expand to at least one field of zeros", s);
    }
    out.bytes = ip;
    out.bit_len = 128;
    out.zoned = !zone.empty();
    return std::nullopt;
}

// netip.ParseAddr without the message: the family is decided by the first '.', ':' or '%'.
std::optional<addr_problem> parse_address(std::string_view s, ip_address& out) {
    for (char c : s) {
        if (c == '.') {
            out = {};
            out.bit_len = 32;
            return parse_ipv4_fields(s, out.bytes.data());
        }
        if (c == ':') return parse_ipv6(s, out);
        if (c == '%') return problem("missing IPv6 address");
    }
    return problem("unable to parse IP");
}

std::string address_message(std::string_view in, const addr_problem& p) {
    std::string msg = "ParseAddr(" + go::quote(in) + "): " + p.message;
    if (!p.at.empty()) msg += " (at " + go::quote(p.at) + ")";
    return msg;
}

}  // namespace

bool ip_prefix::contains(const ip_address& a) const {
    if (a.zoned || a.bit_len == 0 || a.bit_len != address.bit_len) return false;
    int full_bytes = bits / 8;
    for (int i = 0; i < full_bytes; ++i)
        if (a.bytes[i] != address.bytes[i]) return false;
    int rest = bits % 8;
    if (rest == 0) return true;
    auto mask = static_cast<std::uint8_t>(0xFF << (8 - rest));
    return (a.bytes[full_bytes] & mask) == (address.bytes[full_bytes] & mask);
}

std::optional<ip_address> parse_ip_address(std::string_view s, std::string* error) {
    ip_address a;
    if (auto p = parse_address(s, a)) {
        if (error) *error = address_message(s, *p);
        return std::nullopt;
    }
    return a;
}

std::optional<ip_prefix> parse_ip_prefix(std::string_view s, std::string* error) {
    auto fail = [&](const std::string& why) -> std::optional<ip_prefix> {
        if (error) *error = "netip.ParsePrefix(" + go::quote(s) + "): " + why;
        return std::nullopt;
    };
    auto slash = s.rfind('/');
    if (slash == std::string_view::npos) return error ? fail("no '/'") : std::nullopt;
    ip_prefix prefix;
    std::string_view address = s.substr(0, slash);
    if (auto p = parse_address(address, prefix.address))
        return error ? fail(address_message(address, *p)) : std::nullopt;
    if (prefix.address.zoned)
        return error ? fail("IPv6 zones cannot be present in a prefix") : std::nullopt;
    std::string_view bits = s.substr(slash + 1);
    // Go refuses signs and leading zeros here although strconv.Atoi would take them.
    bool bad_bits = bits.empty() || (bits.size() > 1 && (bits[0] < '1' || bits[0] > '9'));
    auto value = go::parse_uint(bits, 10, 63);
    if (bad_bits || !value.ok()) return error ? fail("bad bits after slash: " + go::quote(bits)) : std::nullopt;
    if (value.value > prefix.address.bit_len)
        return error ? fail("prefix length out of range") : std::nullopt;
    prefix.bits = static_cast<int>(value.value);
    return prefix;
}

ip_filter::ip_filter(const std::vector<std::string>& values) {
    for (const auto& value : values) {
        std::string why;
        if (value.find('/') != std::string::npos) {
            auto prefix = parse_ip_prefix(value, &why);
            if (!prefix) throw filter_error("invalid IP prefix " + go::quote(value) + " in filter: " + why);
            prefixes_.push_back(*prefix);
        } else {
            if (!parse_ip_address(value, &why))
                throw filter_error("invalid IP address " + go::quote(value) + " in filter: " + why);
            exact_.push_back(value);
        }
    }
}

bool ip_filter::matches(std::string_view flow_ip) const {
    if (flow_ip.empty()) return false;
    for (const auto& e : exact_)
        if (e == flow_ip) return true;
    if (prefixes_.empty()) return false;
    ip_address a;
    if (parse_address(flow_ip, a)) return false;
    for (const auto& p : prefixes_)
        if (p.contains(a)) return true;
    return false;
}

}  // namespace flowgrep
