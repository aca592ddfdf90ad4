// The JSON values transform: each top-level object or array element comes out as one minified line
// that names the input line it starts on, whatever the chunks the input arrives in (a value cut at
// every byte, across block boundaries), with strings kept exactly (braces, escaped quotes), and
// damaged values refused at their first line without taking the rest of the input with them.
#include <catch2/catch_test_macros.hpp>

#include <cstdio>
#include <string>
#include <vector>

#include <unistd.h>

#include "input/block_reader.h"
#include "input/json_values.h"

using namespace flowgrep;

namespace {

struct out_line {
    uint64_t line;  // 1-based, as warnings name it
    std::string text;
    uint64_t overlong = 0;
    bool cut_off = false;
    bool operator==(const out_line&) const = default;
};

// Counts lines as the pipeline does: each line one on from the one before, plus its skip.
std::vector<out_line> number(const std::string& text, const value_line* lines, size_t count, uint64_t& index) {
    std::vector<out_line> out;
    size_t at = 0;
    for (size_t i = 0; i < count; ++i, ++index) {
        index += static_cast<uint64_t>(lines[i].skip);
        size_t nl = text.find('\n', at);
        out.push_back({index + 1, text.substr(at, nl - at), lines[i].overlong, lines[i].cut_off});
        at = nl + 1;
    }
    return out;
}

// Feeds `input` in chunks of `chunk` bytes, taking what is emitted after each.
std::vector<out_line> transform(const std::string& input, size_t chunk = 1 << 20, uint64_t max_value = 1 << 20) {
    json_values values(max_value);
    std::vector<out_line> all;
    uint64_t index = 0;
    auto drain = [&] {
        std::string text(values.text());
        auto got = number(text, values.lines(), values.line_count(), index);
        all.insert(all.end(), got.begin(), got.end());
        values.take(values.line_count(), text.size());
    };
    for (size_t at = 0; at < input.size(); at += chunk) {
        values.feed(std::string_view(input).substr(at, chunk));
        drain();
    }
    values.finish();
    drain();
    return all;
}

const std::string pretty =
    "{\n"
    "  \"flow\": {\n"
    "    \"verdict\": \"DROPPED\",\n"
    "    \"Summary\": \"a {brace} [x] and \\\"quote\\\" \\\\\",\n"
    "    \"labels\": [\n"
    "      \"k8s:app=a\",\n"
    "      [1, [2, {\"x\": \"}\"}]]\n"
    "    ]\n"
    "  }\n"
    "}\n";
const std::string pretty_min =
    R"({"flow":{"verdict":"DROPPED","Summary":"a {brace} [x] and \"quote\" \\","labels":["k8s:app=a",[1,[2,{"x":"}"}]]]}})";

}  // namespace

TEST_CASE("json values: the layout is decided by the first bytes", "[input][json_values]") {
    CHECK(detect_layout("{\"flow\":{}}\n{", false) == json_layout::lines);
    CHECK(detect_layout("{\"flow\":\"}\\\"{\"}\n", false) == json_layout::lines);
    CHECK(detect_layout("\xEF\xBB\xBF\n  {\n", false) == json_layout::values);
    CHECK(detect_layout("{\"flow\":{\n", false) == json_layout::values);
    CHECK(detect_layout("  [", false) == json_layout::values);
    CHECK(detect_layout("2024-07-08T10:09:24Z stdout F {", false) == json_layout::lines);
    CHECK(detect_layout("{\"flow\":{", false) == json_layout::undecided);
    CHECK(detect_layout("{\"flow\":{", true) == json_layout::lines);  // cut off: reported as a line
    CHECK(detect_layout("\n\n", false) == json_layout::undecided);
    CHECK(detect_layout("", true) == json_layout::lines);
}

TEST_CASE("json values: a pretty object is one minified line, in any chunks", "[input][json_values]") {
    const std::string input = "\n" + pretty + "\n" + pretty + pretty;
    const std::vector<out_line> want = {{2, pretty_min}, {13, pretty_min}, {23, pretty_min}};
    for (size_t chunk = 1; chunk <= input.size(); ++chunk) {
        INFO("chunks of " << chunk);
        REQUIRE(transform(input, chunk) == want);
    }
}

TEST_CASE("json values: arrays give their elements; scalars and arrays in them stay for the parser",
          "[input][json_values]") {
    const std::string input =
        "[\n"
        "  {\"a\": [1, 2]},\n"
        "  {\n"
        "    \"b\": \"],\"\n"
        "  }, 3, \"s,]\" ,\n"
        "  [4, [5]], true\n"
        "]\n"
        "[{\"c\":1},{\"d\":2}]\n"
        "{\"e\":3}{\"f\":4}\n";
    const std::vector<out_line> want = {
        {2, R"({"a":[1,2]})"}, {3, R"({"b":"],"})"}, {5, "3"},           {5, R"("s,]")"}, {6, "[4,[5]]"},
        {6, "true"},         {8, R"({"c":1})"},    {8, R"({"d":2})"}, {9, R"({"e":3})"}, {9, R"({"f":4})"},
    };
    for (size_t chunk : {size_t{1}, size_t{2}, size_t{5}, size_t{1} << 20}) {
        INFO("chunks of " << chunk);
        CHECK(transform(input, chunk) == want);
    }
}

TEST_CASE("json values: text that is not JSON passes as its own line", "[input][json_values]") {
    const std::string input = "{\n}\n2024-07-08T10:09:24Z stdout F {\"flow\":{}}\r\n42\n";
    const std::vector<out_line> want = {{1, "{}"}, {3, "2024-07-08T10:09:24Z stdout F {\"flow\":{}}"}, {4, "42"}};
    CHECK(transform(input, 3) == want);
}

TEST_CASE("json values: a damaged value is refused at its first line, reading resumes at the next",
          "[input][json_values]") {
    const std::string input =
        "{\n"
        "  \"flow\": {\n"
        "    \"verdict\": \"FORW\n"  // a raw newline in a string
        "  }\n"
        "}\n"
        "{\n"
        "  \"flow\": {\"x\": 1,\n"  // never closed: the next value starts at its indentation
        "{\"flow\": {}}\n"
        "[\n"
        "  {\"a\": \"b\n"
        "    \"c\": 1},\n"
        "  {\"d\": 2}\n"
        "]\n"
        "{\"e\": 1}\n";
    const std::vector<out_line> want = {
        {1, R"({"flow":{"verdict":"FORW)"}, {6, R"({"flow":{"x":1,)"}, {8, R"({"flow":{}})"},
        {10, R"({"a":"b)"},                 {12, R"({"d":2})"},        {14, R"({"e":1})"},
    };
    for (size_t chunk : {size_t{1}, size_t{7}, size_t{1} << 20}) {
        INFO("chunks of " << chunk);
        CHECK(transform(input, chunk) == want);
    }
}

TEST_CASE("json values: without indentation, objects in arrays on their own lines stay nested",
          "[input][json_values]") {
    // As Python's json.dumps(indent=0) writes: every line at column 0.
    const std::string input =
        "{\n\"flow\": {\n\"headers\": [\n{\n\"key\": \"a\"\n},\n{\n\"key\": \"b\"\n}\n]\n}\n}\n"
        "{\n\"flow\": {\n\"x\": 1,\n{\"flow\": {}}\n";  // the second is cut: a `{` where a key belongs
    const std::vector<out_line> want = {
        {1, R"({"flow":{"headers":[{"key":"a"},{"key":"b"}]}})"}, {13, R"({"flow":{"x":1,)"}, {16, R"({"flow":{}})"}};
    CHECK(transform(input, 3) == want);
}

TEST_CASE("json values: a value over the limit stands for its length; the input's end cuts the last",
          "[input][json_values]") {
    const std::string big = "{\n  \"s\": \"" + std::string(100, 'x') + "\"\n}\n";
    auto got = transform(big + "{\"a\":1}\n{\n  \"b\":", 1 << 20, 64);
    REQUIRE(got.size() == 3);
    CHECK(got[0].line == 1);
    CHECK(got[0].overlong == 65);
    CHECK(got[0].text.empty());
    CHECK(got[1] == out_line{4, R"({"a":1})"});
    CHECK(got[2] == out_line{5, R"({"b":)", 0, true});
}

TEST_CASE("json values: the block reader keeps line numbers across blocks", "[input][json_values]") {
    std::string input;
    std::vector<uint64_t> want_lines;
    uint64_t line = 1;
    for (int i = 0; i < 300; ++i) {
        want_lines.push_back(line);
        input += pretty;
        line += 10;
        if (i % 7 == 0) {
            input += "\n\n";
            line += 2;
        }
    }
    // One input line with more values than a block holds: they all name it.
    input += "[";
    for (int i = 0; i < 100; ++i) {
        if (i > 0) input += ',';
        input += "{\"n\":" + std::to_string(i) + "}";
        want_lines.push_back(line);
    }
    input += "]\n{\"last\": 1}";
    want_lines.push_back(line + 1);

    char named[] = "/tmp/flowgrep-values-XXXXXX";
    int fd = mkstemp(named);
    REQUIRE(fd >= 0);
    REQUIRE(::write(fd, input.data(), input.size()) == static_cast<ssize_t>(input.size()));
    ::close(fd);
    block_reader reader({named}, 64, {}, 512);
    input_block block;
    std::vector<uint64_t> lines;
    std::vector<std::string> texts;
    uint64_t base = 0;
    while (reader.next(block)) {
        CHECK(block.error.empty());
        block_lines in_block(block);
        block_line l;
        uint64_t index = 0;
        for (; in_block.next(l); ++index) {
            index += static_cast<uint64_t>(l.skip);
            lines.push_back(base + index + 1);
            texts.emplace_back(l.text);
        }
        base += index;
    }
    std::remove(named);
    REQUIRE(texts.size() == want_lines.size());
    CHECK(texts[0] == pretty_min);
    CHECK(texts[299] == pretty_min);
    CHECK(texts[300] == R"({"n":0})");
    CHECK(texts.back() == R"({"last":1})");
    // Only the values from a block that starts inside the one long line on may be named late, by
    // one line for each such block start (two here at most).
    for (size_t i = 0; i < want_lines.size(); ++i) {
        INFO("value " << i);
        if (i < 300) CHECK(lines[i] == want_lines[i]);
        else CHECK((lines[i] >= want_lines[i] && lines[i] - want_lines[i] <= 2));
    }
}
