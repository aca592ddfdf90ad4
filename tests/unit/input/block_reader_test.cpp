// The block reader: blocks cut at line ends with the cut-off line carried over, lines of any
// length up to the limit (an over-long line is counted through, not held), byte-order marks, CRLF,
// a last line without "\n", sources that cannot be opened, and line numbers across blocks.
#include <catch2/catch_test_macros.hpp>

#include <cstdio>
#include <fstream>
#include <string>
#include <fcntl.h>
#include <unistd.h>
#include <vector>

#include "input/block_reader.h"

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
    bool operator==(const read_line&) const = default;
};

struct read_result {
    std::vector<read_line> lines;
    std::vector<std::string> errors;
    size_t blocks = 0;
    size_t mapped_blocks = 0;  // blocks that pointed into a mapped file
};

// Reads every block and numbers the lines as the in-order stage does, with files mapped or read.
read_result read_each_way(const std::vector<std::string>& paths, size_t block_size, size_t max_line, bool map) {
    source_options options;
    options.map_files = map;
    block_reader reader(paths, 64, options, block_size, max_line);
    read_result out;
    input_block block;
    uint64_t number = 0;
    while (reader.next(block)) {
        ++out.blocks;
        if (block.mapping) ++out.mapped_blocks;
        if (block.starts_source) number = 0;
        if (block.bytes()) {  // the padding after the block must be readable: touch it
            volatile char sink = 0;
            for (size_t i = 0; i < 64; ++i) sink = sink ^ block.bytes()[block.size + i];
        }
        block_lines lines(block);
        block_line line;
        while (lines.next(line))
            out.lines.push_back({std::string(line.text), ++number, block.source_index, line.has_newline, line.overlong});
        if (!block.error.empty()) out.errors.push_back(reader.name(block.source_index) + ": " + block.error);
    }
    return out;
}

// Both ways must give the same lines and errors; the mapped result is returned.
read_result read_all(const std::vector<std::string>& paths, size_t block_size, size_t max_line) {
    read_result read = read_each_way(paths, block_size, max_line, false);
    read_result mapped = read_each_way(paths, block_size, max_line, true);
    CHECK(read.mapped_blocks == 0);
    CHECK(mapped.lines == read.lines);
    CHECK(mapped.errors == read.errors);
    return mapped;
}

}  // namespace

TEST_CASE("lines cut across small blocks come out whole and in order", "[input]") {
    std::string content;
    for (int i = 0; i < 500; ++i) content += "line " + std::to_string(i) + std::string(i % 37, 'x') + "\n";
    std::string path = write_temp(content);
    auto r = read_all({path}, 64, 100000);
    CHECK(r.blocks > 100);
    CHECK(r.mapped_blocks > 100);
    REQUIRE(r.lines.size() == 500);
    for (int i = 0; i < 500; ++i) {
        CHECK(r.lines[i].text == "line " + std::to_string(i) + std::string(i % 37, 'x'));
        CHECK(r.lines[i].number == static_cast<uint64_t>(i + 1));
    }
    std::remove(path.c_str());
}

TEST_CASE("a line longer than a block grows the block", "[input]") {
    std::string long_line(5000, 'z');
    std::string path = write_temp("a\n" + long_line + "\nb\n");
    auto r = read_all({path}, 64, 100000);
    REQUIRE(r.lines.size() == 3);
    CHECK(r.lines[1].text == long_line);
    CHECK(r.lines[1].overlong == 0);
    CHECK(r.lines[2].text == "b");
    CHECK(r.lines[2].number == 3);
    std::remove(path.c_str());
}

TEST_CASE("an over-long line is reported with its length, and reading goes on", "[input]") {
    std::string huge(5000, 'x');
    std::string path = write_temp("a\n" + huge + "\nb\n" + huge);
    for (size_t block_size : {size_t{64}, size_t{1} << 16}) {
        auto r = read_all({path}, block_size, 1000);
        REQUIRE(r.lines.size() == 4);
        CHECK(r.lines[0].text == "a");
        CHECK(r.lines[1].overlong == 5000);
        CHECK(r.lines[1].text.empty());
        CHECK(r.lines[1].has_newline);
        CHECK(r.lines[2].text == "b");
        CHECK(r.lines[2].number == 3);
        CHECK(r.lines[3].overlong == 5000);
        CHECK_FALSE(r.lines[3].has_newline);
    }
    std::remove(path.c_str());
}

TEST_CASE("a line just within the limit is read whole", "[input]") {
    std::string path = write_temp(std::string(1000, 'y') + "\n");
    for (size_t block_size : {size_t{64}, size_t{1} << 16}) {
        auto r = read_all({path}, block_size, 1000);
        REQUIRE(r.lines.size() == 1);
        CHECK(r.lines[0].overlong == 0);
        CHECK(r.lines[0].text.size() == 1000);
    }
    std::remove(path.c_str());
}

TEST_CASE("BOM at the start of each source, CRLF, and a last line without newline", "[input]") {
    std::string a = write_temp("\xEF\xBB\xBF{}\r\n\xEF\xBB\xBF{}\r\nlast");
    std::string b = write_temp("\xEF\xBB\xBFx\n");
    auto r = read_all({a, "/nonexistent/flowgrep", b}, block_reader::default_block_size,
                      block_reader::default_max_line);
    REQUIRE(r.lines.size() == 4);
    CHECK(r.lines[0].text == "{}");
    CHECK(r.lines[1].text == "\xEF\xBB\xBF{}");  // only the first line of a source may carry one
    CHECK(r.lines[2].text == "last");
    CHECK_FALSE(r.lines[2].has_newline);
    CHECK(r.lines[3].text == "x");
    CHECK(r.lines[3].number == 1);
    CHECK(r.lines[3].source_index != r.lines[0].source_index);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0] == "/nonexistent/flowgrep: No such file or directory");
    std::remove(a.c_str());
    std::remove(b.c_str());
}

TEST_CASE("an empty source gives no lines", "[input]") {
    std::string empty = write_temp("");
    auto r = read_all({empty}, 64, 1000);
    CHECK(r.lines.empty());
    CHECK(r.errors.empty());
    std::remove(empty.c_str());
}

TEST_CASE("a mapped file ends in a copied block, whatever its size in pages", "[input]") {
    // Past the last byte of a file of whole pages nothing is readable: the blocks near the end must
    // not point into the mapping (read_all touches each block's padding, so a wrong one crashes).
    for (size_t size : {size_t{4096}, size_t{8192}, size_t{8191}, size_t{8193}}) {
        std::string content;
        for (int i = 0; content.size() < size; ++i) content += "row " + std::to_string(i) + "\n";
        content.resize(size - 1);
        content += "\n";
        std::string path = write_temp(content);
        auto r = read_all({path}, 64, 1000);
        CHECK(r.mapped_blocks > 0);
        CHECK(r.mapped_blocks < r.blocks);
        REQUIRE_FALSE(r.lines.empty());
        CHECK(r.lines.back().has_newline);
        std::remove(path.c_str());
    }
}

TEST_CASE("a mapped file keeps its lines when standard input has been read into", "[input]") {
    // `(head -n 1; flowgrep) < file`: the mapping must start where the shared offset is, not at 0.
    std::string content;
    for (int i = 0; i < 200; ++i) content += "line " + std::to_string(i) + "\n";
    std::string path = write_temp(content);
    const int saved = ::dup(0);
    const int fd = ::open(path.c_str(), O_RDONLY);
    REQUIRE(fd >= 0);
    REQUIRE(::lseek(fd, 7, SEEK_SET) == 7);  // just past "line 0\n"
    REQUIRE(::dup2(fd, 0) == 0);
    auto r = read_each_way({"-"}, 64, 1000, true);
    ::dup2(saved, 0);
    ::close(saved);
    ::close(fd);
    CHECK(r.mapped_blocks > 0);
    REQUIRE(r.lines.size() == 199);
    CHECK(r.lines.front().text == "line 1");
    CHECK(r.lines.back().text == "line 199");
    std::remove(path.c_str());
}
