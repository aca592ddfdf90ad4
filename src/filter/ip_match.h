// IP addresses and prefixes read exactly as Go's net/netip reads them, and the IP filter built on
// them (source_ip, destination_ip, source_ip_xlated): an element without '/' is compared with the
// flow's IP as a plain string, an element with '/' is a prefix the parsed flow IP must fall in.
// Parsing a flow IP allocates nothing; error messages are built only when asked for.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flowgrep {

struct ip_address {
    std::array<std::uint8_t, 16> bytes{};  // an IPv4 address uses the first four
    std::uint8_t bit_len = 0;              // 32 for IPv4, 128 for IPv6 (IPv4-mapped included)
    bool zoned = false;                    // fe80::1%eth0
};

struct ip_prefix {
    ip_address address;  // as written, host bits included
    int bits = 0;

    // netip.Prefix.Contains: same family, no zone, equal in the first `bits` bits.
    bool contains(const ip_address& a) const;
};

// netip.ParseAddr / netip.ParsePrefix. On failure: nullopt, and Go's message in *error if given,
// e.g. `ParseAddr("010.0.0.1"): IPv4 field has octet with leading zero`.
std::optional<ip_address> parse_ip_address(std::string_view s, std::string* error = nullptr);
std::optional<ip_prefix> parse_ip_prefix(std::string_view s, std::string* error = nullptr);

class ip_filter {
public:
    // Throws filter_error with Hubble's message for an invalid address or prefix.
    explicit ip_filter(const std::vector<std::string>& values);

    // An empty flow IP never matches.
    bool matches(std::string_view flow_ip) const;

private:
    std::vector<std::string> exact_;
    std::vector<ip_prefix> prefixes_;
};

}  // namespace flowgrep
