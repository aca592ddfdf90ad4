// The line unwrapper: plain lines untouched (the same view), CRI and kubectl prefixes cut off,
// logrus and slog records opened up to their msg, other log records told apart, partial CRI lines
// flagged, and the padding the parser needs after whatever it returns.
#include <catch2/catch_test_macros.hpp>

#include <simdjson.h>

#include <optional>
#include <string>
#include <string_view>

#include "go/strconv.h"
#include "input/unwrap.h"

using namespace flowgrep;

namespace {

// A line as the reader hands it out: padded.
struct padded_line {
    std::string storage;
    std::string_view text;
    explicit padded_line(std::string_view s) : storage(s) {
        storage.resize(s.size() + simdjson::SIMDJSON_PADDING);
        text = std::string_view(storage.data(), s.size());
    }
};

struct result {
    std::string text;
    unwrap_kind kind;
};

result unwrapped(line_unwrapper& u, std::string_view s) {
    padded_line line(s);
    unwrap_kind kind;
    std::string_view out = u.unwrap(line.text, kind);
    return {std::string(out), kind};
}

constexpr std::string_view flow =
    R"({"flow":{"verdict":"DROPPED","source":{"pod_name":"a \"b\""}},"time":"2024-07-08T10:09:24Z"})";
constexpr std::string_view quoted_flow =
    R"("{\"flow\":{\"verdict\":\"DROPPED\",\"source\":{\"pod_name\":\"a \\\"b\\\"\"}},\"time\":\"2024-07-08T10:09:24Z\"}")";

}  // namespace

TEST_CASE("a plain line is returned as it is, the same bytes") {
    line_unwrapper u;
    padded_line line(flow);
    unwrap_kind kind;
    std::string_view out = u.unwrap(line.text, kind);
    CHECK(kind == unwrap_kind::plain);
    CHECK(out.data() == line.text.data());
    CHECK(out.size() == line.text.size());
}

TEST_CASE("a line that is nothing known is left to the parser") {
    line_unwrapper u;
    for (std::string_view s : {"", "   ", "not json", "  {\"flow\":{}}", "[1,2]", "12 not a timestamp"}) {
        result r = unwrapped(u, s);
        CHECK(r.kind == unwrap_kind::plain);
        CHECK(r.text == s);
    }
}

TEST_CASE("a complete CRI line gives its message, as a view into the line") {
    line_unwrapper u;
    const std::string s = "2024-07-08T10:09:24.173456789Z stdout F " + std::string(flow);
    padded_line line(s);
    unwrap_kind kind;
    std::string_view out = u.unwrap(line.text, kind);
    CHECK(kind == unwrap_kind::prefixed);
    CHECK(out == flow);
    CHECK(out.data() + out.size() == line.text.data() + line.text.size());  // the line's padding follows
    CHECK(unwrapped(u, "2024-07-08T10:09:24Z stderr F " + std::string(flow)).text == flow);
}

TEST_CASE("a partial CRI line is flagged") {
    line_unwrapper u;
    CHECK(unwrapped(u, R"(2024-07-08T10:09:24.173Z stdout P {"flow":{"verd)").kind == unwrap_kind::cri_partial);
}

TEST_CASE("kubectl's --timestamps and --prefix are cut off") {
    line_unwrapper u;
    result r = unwrapped(u, "2024-07-08T10:09:24.173456789Z " + std::string(flow));
    CHECK(r.kind == unwrap_kind::prefixed);
    CHECK(r.text == flow);
    r = unwrapped(u, "[pod/cilium-x7k2p/cilium-agent] " + std::string(flow));
    CHECK(r.kind == unwrap_kind::prefixed);
    CHECK(r.text == flow);
    r = unwrapped(u, "[pod/cilium-x7k2p/cilium-agent] 2024-07-08T10:09:24Z " + std::string(flow));
    CHECK(r.text == flow);
}

TEST_CASE("a logrus text record with a flow for msg gives the flow, unquoted") {
    line_unwrapper u;
    const std::string s = "time=\"2024-07-08T10:09:24Z\" level=info msg=" + std::string(quoted_flow) + " subsys=hubble";
    padded_line line(s);
    unwrap_kind kind;
    std::string_view out = u.unwrap(line.text, kind);
    CHECK(kind == unwrap_kind::log_record);
    CHECK(out == flow);
    // The unwrapper's own buffer also has the parser's padding after the text.
    simdjson::ondemand::parser parser;
    simdjson::ondemand::document doc;
    const simdjson::padded_string_view padded(out.data(), out.size(), out.size() + simdjson::SIMDJSON_PADDING);
    REQUIRE(parser.iterate(padded).get(doc) == simdjson::SUCCESS);
    std::string_view verdict;
    CHECK(doc["flow"]["verdict"].get_string().get(verdict) == simdjson::SUCCESS);
    CHECK(verdict == "DROPPED");
}

TEST_CASE("a slog text record, and one behind a CRI prefix") {
    line_unwrapper u;
    result r = unwrapped(u, "time=2025-01-02T03:04:05.000Z level=INFO source=/go/src/exporter.go:12 msg=" +
                                std::string(quoted_flow));
    CHECK(r.kind == unwrap_kind::log_record);
    CHECK(r.text == flow);
    r = unwrapped(u, "2024-07-08T10:09:24Z stdout F level=info msg=" + std::string(quoted_flow));
    CHECK(r.kind == unwrap_kind::log_record);
    CHECK(r.text == flow);
}

TEST_CASE("the agent's other log records are told apart") {
    line_unwrapper u;
    for (std::string_view s : {
             R"(time="2024-07-08T10:09:24Z" level=info msg="Starting Hubble server" address=":4244" subsys=hubble)",
             R"(level=warning msg=bare subsys=daemon)",
             R"(time=2025-01-02T03:04:05Z level=INFO msg="msg=\"{\" is not a flow")",
             R"(time="2024-07-08T10:09:24Z" level=info subsys=daemon)",  // no msg at all
             R"(time="2024-07-08T10:09:24Z" level=info msg="{bad \q escape")",
             R"(2024-07-08T10:09:24Z stderr F level=info msg="Cilium is up")",
         })
        CHECK(unwrapped(u, s).kind == unwrap_kind::other_log);
}

TEST_CASE("a value holding msg= does not fool the record reader") {
    line_unwrapper u;
    result r = unwrapped(u, R"(time="t msg={x}" level=info msg=)" + std::string(quoted_flow));
    CHECK(r.kind == unwrap_kind::log_record);
    CHECK(r.text == flow);
}

TEST_CASE("go::unquote_into follows strconv.Unquote") {
    auto unquoted = [](std::string_view q) -> std::optional<std::string> {
        std::string out;
        if (!go::unquote_into(q, out)) return std::nullopt;
        return out;
    };
    CHECK(unquoted(R"("plain")") == "plain");
    CHECK(unquoted(R"("a\"b\\c\n\t")") == "a\"b\\c\n\t");
    CHECK(unquoted(R"("\x41\101\u00e9\U0001F600")") == "AA\xc3\xa9\xf0\x9f\x98\x80");
    CHECK(unquoted(R"("")") == "");
    CHECK_FALSE(unquoted(R"(noquotes)"));
    CHECK_FALSE(unquoted(R"("a"b")"));
    CHECK_FALSE(unquoted(R"("\'")"));
    CHECK_FALSE(unquoted(R"("\ud800")"));
    CHECK_FALSE(unquoted(R"("\400")"));
    CHECK_FALSE(unquoted(R"("\x4")"));
    CHECK_FALSE(unquoted("\"a\nb\""));
}
