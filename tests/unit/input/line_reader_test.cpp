// The line reader: lines of any length up to the limit, the limit itself (an over-long line is
// counted through, not held), byte-order marks, CRLF, a last line without "\n", and sources.
#include <catch2/catch_test_macros.hpp>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "input/line_reader.h"

using namespace flowgrep;

namespace {

std::string write_temp(const std::string& content) {
    char name[] = "/tmp/flowgrep-reader-XXXXXX";
    int fd = mkstemp(name);
    REQUIRE(fd >= 0);
    ::close(fd);
    std::ofstream(name, std::ios::binary) << content;
    return name;
}

struct read_line {
    std::string text;
    uint64_t number;
    uint32_t source_index;
    bool has_newline;
    uint64_t overlong;
};

std::vector<read_line> read_all(const std::vector<std::string>& paths, size_t max_line,
                                std::vector<std::string>* errors = nullptr) {
    line_reader reader(paths, 64, [&](std::string_view source, std::string_view why) {
        if (errors) errors->push_back(std::string(source) + ": " + std::string(why));
    }, source_options{}, max_line);
    std::vector<read_line> out;
    input_line line;
    while (reader.next(line))
        out.push_back({std::string(line.text), line.number, line.source_index, line.has_newline, line.overlong});
    return out;
}

}  // namespace

TEST_CASE("an over-long line is reported with its length, and reading goes on", "[input]") {
    std::string huge(5000, 'x');
    std::string path = write_temp("a\n" + huge + "\nb\n" + huge);
    auto lines = read_all({path}, 1000);
    REQUIRE(lines.size() == 4);
    CHECK(lines[0].text == "a");
    CHECK(lines[1].overlong == 5000);
    CHECK(lines[1].text.empty());
    CHECK(lines[1].has_newline);
    CHECK(lines[2].text == "b");
    CHECK(lines[2].number == 3);
    CHECK(lines[3].overlong == 5000);
    CHECK_FALSE(lines[3].has_newline);
    std::remove(path.c_str());
}

TEST_CASE("a line just within the limit is read whole", "[input]") {
    std::string path = write_temp(std::string(1000, 'y') + "\n");
    auto lines = read_all({path}, 1000);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].overlong == 0);
    CHECK(lines[0].text.size() == 1000);
    std::remove(path.c_str());
}

TEST_CASE("BOM at the start of each source, CRLF, and a last line without newline", "[input]") {
    std::string a = write_temp("\xEF\xBB\xBF{}\r\n\xEF\xBB\xBF{}\r\nlast");
    std::string b = write_temp("\xEF\xBB\xBFx\n");
    std::vector<std::string> errors;
    auto lines = read_all({a, "/nonexistent/flowgrep", b}, line_reader::default_max_line, &errors);
    REQUIRE(lines.size() == 4);
    CHECK(lines[0].text == "{}");
    CHECK(lines[1].text == "\xEF\xBB\xBF{}");  // only the first line of a source may carry one
    CHECK(lines[2].text == "last");
    CHECK_FALSE(lines[2].has_newline);
    CHECK(lines[3].text == "x");
    CHECK(lines[3].number == 1);
    CHECK(lines[3].source_index != lines[0].source_index);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] == "/nonexistent/flowgrep: No such file or directory");
    std::remove(a.c_str());
    std::remove(b.c_str());
}
