// IP address and prefix parsing with Go's net/netip rules and messages, and prefix containment.
#include <catch2/catch_test_macros.hpp>

#include <string>

#include "filter/ip_match.h"

using namespace flowgrep;

namespace {

std::string address_error(std::string_view s) {
    std::string why;
    CHECK_FALSE(parse_ip_address(s, &why));
    return why;
}

std::string prefix_error(std::string_view s) {
    std::string why;
    CHECK_FALSE(parse_ip_prefix(s, &why));
    return why;
}

bool in_prefix(std::string_view prefix, std::string_view address) {
    auto p = parse_ip_prefix(prefix);
    auto a = parse_ip_address(address);
    REQUIRE(p);
    REQUIRE(a);
    return p->contains(*a);
}

}  // namespace

TEST_CASE("addresses Go accepts", "[ip]") {
    for (const char* ok : {"1.2.3.4", "0.0.0.0", "255.255.255.255", "::", "::1", "fd00::2", "fd00:0::2", "FD00::1",
                           "::ffff:10.12.2.59", "2001:db8:0:0:0:0:0:1", "fe80::1%eth0", "::%eth0", "1::", "1:2:3:4:5:6:7::",
                           "1:2:3:4:5:6:1.2.3.4"}) {
        INFO(ok);
        CHECK(parse_ip_address(ok));
    }
    auto mapped = parse_ip_address("::ffff:1.2.3.4");
    REQUIRE(mapped);
    CHECK(mapped->bit_len == 128);
    CHECK(mapped->bytes[10] == 0xff);
    CHECK(mapped->bytes[15] == 4);
    auto v4 = parse_ip_address("10.1.2.3");
    REQUIRE(v4);
    CHECK(v4->bit_len == 32);
    CHECK(v4->bytes[0] == 10);
    auto zoned = parse_ip_address("fe80::1%eth0");
    REQUIRE(zoned);
    CHECK(zoned->zoned);
}

TEST_CASE("addresses Go refuses, with its messages", "[ip][errors]") {
    CHECK(address_error("notanip") == R"(ParseAddr("notanip"): unable to parse IP)");
    CHECK(address_error("") == R"(ParseAddr(""): unable to parse IP)");
    CHECK(address_error("010.0.0.1") == R"(ParseAddr("010.0.0.1"): IPv4 field has octet with leading zero)");
    CHECK(address_error("256.0.0.1") == R"(ParseAddr("256.0.0.1"): IPv4 field has value >255)");
    CHECK(address_error("1.2.3") == R"(ParseAddr("1.2.3"): IPv4 address too short)");
    CHECK(address_error("1.2.3.4.5") == R"(ParseAddr("1.2.3.4.5"): IPv4 address too long)");
    CHECK(address_error("1..2.3") == R"(ParseAddr("1..2.3"): IPv4 field must have at least one digit (at ".2.3"))");
    CHECK(address_error("1.2.3.4:80") == R"(ParseAddr("1.2.3.4:80"): unexpected character (at ":80"))");
    CHECK(address_error("%eth0") == R"(ParseAddr("%eth0"): missing IPv6 address)");
    CHECK(address_error("fe80::1%") == R"(ParseAddr("fe80::1%"): zone must be a non-empty string)");
    CHECK(address_error("1:2") == R"(ParseAddr("1:2"): address string too short)");
    CHECK(address_error("1::2::3") == R"(ParseAddr("1::2::3"): multiple :: in address (at ":3"))");
    CHECK(address_error("12345::") ==
          R"(ParseAddr("12345::"): each colon-separated field must have at most 4 hex digits (at "12345::"))");
    CHECK(address_error("1:2:3:4:5:6:7:8:9") == R"(ParseAddr("1:2:3:4:5:6:7:8:9"): trailing garbage after address (at "9"))");
    CHECK(address_error("1:2:3:4:5:6:7:8::") ==
          R"(ParseAddr("1:2:3:4:5:6:7:8::"): the :: must expand to at least one field of zeros)");
    CHECK(address_error("1:") == R"(ParseAddr("1:"): colon must be followed by more characters (at ":"))");
    CHECK(address_error("1:2:1.2.3.4") ==
          R"(ParseAddr("1:2:1.2.3.4"): embedded IPv4 address must replace the final 2 fields of the address (at "1.2.3.4"))");
    CHECK(address_error("::ffff:01.2.3.4") == R"(ParseAddr("::ffff:01.2.3.4"): IPv4 field has octet with leading zero)");
    CHECK(address_error("1:2:3:4:5:6:7::8") ==
          R"(ParseAddr("1:2:3:4:5:6:7::8"): the :: must expand to at least one field of zeros)");
    CHECK(address_error("1:2:3:4:5:6:7:g") ==
          R"(ParseAddr("1:2:3:4:5:6:7:g"): each colon-separated field must have at least one digit (at "g"))");
}

TEST_CASE("prefixes and their errors", "[ip][errors]") {
    CHECK(parse_ip_prefix("10.0.0.1/8"));
    CHECK(parse_ip_prefix("::/0"));
    CHECK(parse_ip_prefix("0.0.0.0/0"));
    CHECK(prefix_error("10.0.0.0/33") == R"(netip.ParsePrefix("10.0.0.0/33"): prefix length out of range)");
    CHECK(prefix_error("::/129") == R"(netip.ParsePrefix("::/129"): prefix length out of range)");
    CHECK(prefix_error("10.0.0.0/08") == R"(netip.ParsePrefix("10.0.0.0/08"): bad bits after slash: "08")");
    CHECK(prefix_error("10.0.0.0/") == R"(netip.ParsePrefix("10.0.0.0/"): bad bits after slash: "")");
    CHECK(prefix_error("10.0.0.0/+8") == R"(netip.ParsePrefix("10.0.0.0/+8"): bad bits after slash: "+8")");
    CHECK(prefix_error("10.0.0.0/x") == R"(netip.ParsePrefix("10.0.0.0/x"): bad bits after slash: "x")");
    CHECK(prefix_error("fe80::%eth0/64") == R"(netip.ParsePrefix("fe80::%eth0/64"): IPv6 zones cannot be present in a prefix)");
    CHECK(prefix_error("x/8") == R"(netip.ParsePrefix("x/8"): ParseAddr("x"): unable to parse IP)");
    CHECK(prefix_error("1.2.3.4") == R"(netip.ParsePrefix("1.2.3.4"): no '/')");
}

TEST_CASE("prefix containment", "[ip]") {
    CHECK(in_prefix("10.0.0.1/8", "10.200.3.4"));
    CHECK_FALSE(in_prefix("10.0.0.0/8", "11.0.0.1"));
    CHECK(in_prefix("10.11.1.77/16", "10.11.250.1"));
    CHECK(in_prefix("192.168.1.0/25", "192.168.1.127"));
    CHECK_FALSE(in_prefix("192.168.1.0/25", "192.168.1.128"));
    CHECK(in_prefix("0.0.0.0/0", "1.2.3.4"));
    CHECK_FALSE(in_prefix("0.0.0.0/0", "::1"));
    CHECK(in_prefix("::/0", "::ffff:1.2.3.4"));
    CHECK_FALSE(in_prefix("1.2.3.0/24", "::ffff:1.2.3.4"));
    CHECK(in_prefix("2606:4700::/32", "2606:4700:10::6816:1"));
    CHECK_FALSE(in_prefix("2606:4700::/32", "2606:4701::1"));
    CHECK_FALSE(in_prefix("fe80::/10", "fe80::1%eth0"));
    CHECK(in_prefix("1.2.3.4/32", "1.2.3.4"));
}

TEST_CASE("the IP filter: exact strings and prefixes", "[ip]") {
    ip_filter f({"10.0.0.1", "fd00::/8"});
    CHECK(f.matches("10.0.0.1"));
    CHECK_FALSE(f.matches("10.0.0.2"));
    CHECK(f.matches("fd12::1"));
    CHECK_FALSE(f.matches(""));
    CHECK_FALSE(f.matches("garbage"));
    ip_filter exact_only({"fd00::1"});
    CHECK_FALSE(exact_only.matches("fd00:0::1"));
}
