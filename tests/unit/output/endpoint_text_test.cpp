// Host strings (the pod > service > names > IP chain, service namespaces, path cleaning, MAC
// fallback, ports and brackets) and identity names.
#include <catch2/catch_test_macros.hpp>

#include "output/endpoint_text.h"
#include "print_test_util.h"

namespace flowgrep::test {

namespace {

std::string host(const flow& f, flow_side side = flow_side::source, host_style style = {}) {
    std::string out;
    append_host(out, f, side, style);
    return out;
}

std::string cleaned(std::string_view path) {
    std::string out = "prefix:";
    out.append(path);
    clean_path_in_place(out, 7);
    return out.substr(7);
}

std::string identity(uint32_t id, bool color = false) {
    std::string out;
    append_identity(out, id, color);
    return out;
}

}  // namespace

TEST_CASE("host: pod, then service, then DNS names, then the IP", "[output][host]") {
    response r = tcp_flow("10.0.0.1", 443, "10.0.0.2", 80);
    flow& f = r.flow;
    f.source_names = {"a.example.com", "b.example.com"};
    CHECK(host(f) == "a.example.com,b.example.com:443");

    f.source_service.present = true;
    f.source_service.name = "svc";
    f.source_service.namespace_ = "ns";
    CHECK(host(f) == "ns/svc:443");

    f.source.namespace_ = "podns";
    f.source.pod_name = "pod";
    CHECK(host(f) == "ns/pod:443");  // the service's namespace wins, even for the pod

    f.source_service.present = false;
    CHECK(host(f) == "podns/pod:443");

    CHECK(host(f, flow_side::destination) == "10.0.0.2:80");
}

TEST_CASE("host: without translation always the IP", "[output][host]") {
    response r = tcp_flow("10.0.0.1", 443, "10.0.0.2", 80);
    r.flow.source.namespace_ = "ns";
    r.flow.source.pod_name = "pod";
    r.flow.source_names = {"a.example.com"};
    CHECK(host(r.flow, flow_side::source, {.translate = false}) == "10.0.0.1:443");
}

TEST_CASE("host: a present service overrides the namespace even when empty", "[output][host]") {
    response r = tcp_flow("10.0.0.1", 0, "10.0.0.2", 0);
    r.flow.source.namespace_ = "web";
    r.flow.source.pod_name = "frontend-1";
    r.flow.source_service.present = true;  // "source_service":{"name":"x"} without a namespace
    r.flow.source_service.name = "x";
    CHECK(host(r.flow) == "frontend-1");

    r.flow.source.pod_name = {};
    CHECK(host(r.flow) == "x");
}

TEST_CASE("host: namespace and name are joined and cleaned as a path", "[output][host]") {
    response r = tcp_flow("10.0.0.1", 0, "10.0.0.2", 0);
    flow& f = r.flow;
    f.source.pod_name = "pod";
    CHECK(host(f) == "pod");  // no namespace, no slash
    f.source.namespace_ = "a/b";
    f.source.pod_name = "../x";
    CHECK(host(f) == "a/x");
    f.source.namespace_ = "ns//";
    f.source.pod_name = "./p/";
    CHECK(host(f) == "ns/p");
    f.source.namespace_ = "ns";
    f.source.pod_name = "..";
    CHECK(host(f) == ".");
    f.source.namespace_ = {};
    f.source.pod_name = "../../p";
    CHECK(host(f) == "../../p");
    f.source.namespace_ = "/root";
    f.source.pod_name = "../../p";
    CHECK(host(f) == "/p");
}

TEST_CASE("clean_path_in_place behaves like Go's path.Clean", "[output][host]") {
    CHECK(cleaned("") == ".");
    CHECK(cleaned("a/b") == "a/b");
    CHECK(cleaned("a//b/") == "a/b");
    CHECK(cleaned("/../a") == "/a");
    CHECK(cleaned("a/../..") == "..");
    CHECK(cleaned("../a/./b/..") == "../a");
    CHECK(cleaned("/") == "/");
    CHECK(cleaned("./") == ".");
    CHECK(cleaned("a/.b/..c") == "a/.b/..c");
    CHECK(cleaned("x/../../y/../z") == "../z");
}

TEST_CASE("host: without IP the MAC addresses, or nothing", "[output][host]") {
    response r = flow_response();
    flow& f = r.flow;
    f.l4 = l4_kind::tcp;  // ports are ignored without IP
    f.source_port = 80;
    f.source.pod_name = "pod";
    CHECK(host(f) == "");
    f.has_ethernet = true;
    f.ethernet_source = "aa:bb:cc:dd:ee:ff";
    f.ethernet_destination = "11:22:33:44:55:66";
    CHECK(host(f) == "aa:bb:cc:dd:ee:ff");
    CHECK(host(f, flow_side::destination) == "11:22:33:44:55:66");
    CHECK(host(f, flow_side::source, {.translate = true, .color = true}) ==
          "\x1b[36maa:bb:cc:dd:ee:ff\x1b[0m");
}

TEST_CASE("host: ports for TCP, UDP and SCTP only, never 0, IPv6 in brackets", "[output][host]") {
    response r = tcp_flow("fd00::1", 1234, "10.0.0.2", 0);
    flow& f = r.flow;
    CHECK(host(f) == "[fd00::1]:1234");
    CHECK(host(f, flow_side::destination) == "10.0.0.2");
    f.l4 = l4_kind::sctp;
    CHECK(host(f) == "[fd00::1]:1234");
    f.l4 = l4_kind::icmpv6;
    CHECK(host(f) == "fd00::1");
    f.l4 = l4_kind::none;
    CHECK(host(f) == "fd00::1");

    f.l4 = l4_kind::udp;
    f.source_port = 65616;  // printed as it is, not truncated to 16 bits
    CHECK(host(f) == "[fd00::1]:65616");

    f.source_names = {"a:b"};  // any host with a colon is bracketed
    CHECK(host(f) == "[a:b]:65616");

    f.source_names.clear();
    f.ip_source = {};
    f.source_port = 1;
    CHECK(host(f) == ":1");
}

TEST_CASE("host: coloured cyan with the port yellow inside", "[output][host][color]") {
    response r = tcp_flow("fd00::1", 1234, "10.0.0.2", 0);
    const host_style color{.translate = true, .color = true};
    CHECK(host(r.flow, flow_side::source, color) == "\x1b[36m[fd00::1]:\x1b[33m1234\x1b[0m\x1b[0m");
    CHECK(host(r.flow, flow_side::destination, color) == "\x1b[36m10.0.0.2\x1b[0m");
    r.flow.ip_destination = {};
    CHECK(host(r.flow, flow_side::destination, color) == "\x1b[36m\x1b[0m");
}

TEST_CASE("identities: reserved names 0-10, numbers for the rest", "[output][identity]") {
    const char* names[] = {"unknown", "host",           "world",   "unmanaged",  "health",    "init",
                           "remote-node", "kube-apiserver", "ingress", "world-ipv4", "world-ipv6"};
    for (uint32_t id = 0; id <= 10; ++id) CHECK(identity(id) == std::string("(") + names[id] + ")");
    CHECK(identity(11) == "(ID:11)");  // overlay-to-encrypt is not printed by name
    CHECK(identity(12345) == "(ID:12345)");
    CHECK(identity(4294967295u) == "(ID:4294967295)");
    CHECK(identity(2, true) == "\x1b[35m(world)\x1b[0m");
}

}  // namespace flowgrep::test
