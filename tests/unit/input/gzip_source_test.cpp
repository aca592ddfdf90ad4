// The gzip source: members one after another read as one stream, any chunking of input and output,
// and damaged data (cut at every byte, any byte changed, garbage or padding after the data) ending
// in an error that says what, never in a crash or in bytes that were not in the original.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <unistd.h>
#include <zlib.h>

#include "input/gzip_source.h"
#include "input/block_reader.h"

using namespace flowgrep;

namespace {

// Hands out `data` in pieces of at most `chunk` bytes, as a pipe might.
class memory_source final : public byte_source {
public:
    memory_source(std::string data, size_t chunk) : byte_source("mem.gz"), data_(std::move(data)), chunk_(chunk) {}
    ssize_t read(char* buffer, size_t size) override {
        size_t n = std::min({size, chunk_, data_.size() - at_});
        std::copy_n(data_.data() + at_, n, buffer);
        at_ += n;
        return static_cast<ssize_t>(n);
    }

private:
    std::string data_;
    size_t chunk_;
    size_t at_ = 0;
};

std::string gzip(const std::string& plain) {
    z_stream z{};
    REQUIRE(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string out(deflateBound(&z, plain.size()) + 64, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(plain.data()));
    z.avail_in = static_cast<uInt>(plain.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

struct result {
    std::string bytes;
    bool failed = false;
    std::string error;
};

result decompress(const std::string& compressed, size_t in_chunk = 1 << 20, size_t out_chunk = 1 << 20) {
    auto source = make_gzip_source(std::make_unique<memory_source>(compressed, in_chunk));
    result r;
    std::vector<char> buffer(out_chunk);
    for (;;) {
        ssize_t n = source->read(buffer.data(), buffer.size());
        if (n < 0) {
            r.failed = true;
            r.error = source->error();
            break;
        }
        if (n == 0) break;
        r.bytes.append(buffer.data(), static_cast<size_t>(n));
    }
    CHECK(source->name() == "mem.gz");
    return r;
}

std::string some_lines(int count, const std::string& tag) {
    std::string s;
    for (int i = 0; i < count; ++i) s += "{\"flow\":{\"n\":" + std::to_string(i) + ",\"tag\":\"" + tag + "\"}}\n";
    return s;
}

}  // namespace

TEST_CASE("gzip: a member decompresses whatever the input and output chunks", "[input][gzip]") {
    std::string plain = some_lines(500, "a");
    std::string gz = gzip(plain);
    for (size_t in : {size_t{1}, size_t{2}, size_t{7}, size_t{4096}, size_t{1} << 20})
        for (size_t out : {size_t{1}, size_t{13}, size_t{1} << 20}) {
            result r = decompress(gz, in, out);
            CHECK_FALSE(r.failed);
            CHECK(r.bytes == plain);
        }
}

TEST_CASE("gzip: members one after another read as one stream (cat a.gz b.gz)", "[input][gzip]") {
    std::string a = some_lines(100, "a"), b = some_lines(3, "b"), empty;
    std::string gz = gzip(a) + gzip(empty) + gzip(b);
    for (size_t in : {size_t{1}, size_t{5}, size_t{1} << 20}) {
        result r = decompress(gz, in);
        CHECK_FALSE(r.failed);
        CHECK(r.bytes == a + b);
    }
}

TEST_CASE("gzip: cut at every byte, the output is a prefix and the error says truncated", "[input][gzip]") {
    std::string plain = some_lines(40, "cut");
    std::string gz = gzip(plain) + gzip(plain);
    for (size_t cut = 0; cut < gz.size(); ++cut) {
        if (cut == gz.size() / 2) continue;  // between the two members: a complete stream
        result r = decompress(gz.substr(0, cut), 3);
        INFO("cut at " << cut);
        REQUIRE(r.failed);
        CHECK(r.error == "gzip data ends unexpectedly (truncated?) after " + std::to_string(cut) + " compressed bytes");
        CHECK((plain + plain).starts_with(r.bytes));
    }
}

TEST_CASE("gzip: a changed byte anywhere is an error or harmless, never a crash", "[input][gzip]") {
    std::string plain = some_lines(40, "flip");
    std::string gz = gzip(plain);
    for (size_t at = 0; at < gz.size(); ++at) {
        std::string bad = gz;
        bad[at] = static_cast<char>(bad[at] ^ 0x55);
        result r = decompress(bad, 64);
        INFO("byte " << at << ": " << r.error);
        if (!r.failed) {
            CHECK(r.bytes == plain);  // a header field nobody checks (time, OS)
            continue;
        }
        bool known = r.error.starts_with("corrupt gzip data at compressed byte ") ||
                     r.error.starts_with("gzip data ends unexpectedly (truncated?)") ||
                     r.error == "not in gzip format" ||
                     r.error.starts_with("trailing garbage after gzip data at compressed byte ");
        CHECK(known);
    }
}

TEST_CASE("gzip: a damaged member says where, after the bytes before it", "[input][gzip]") {
    std::string a = some_lines(10, "a");
    std::string bad = gzip(some_lines(10, "b"));
    bad[bad.size() - 6] ^= 1;  // in the CRC
    result r = decompress(gzip(a) + bad);
    REQUIRE(r.failed);
    CHECK(r.error.starts_with("corrupt gzip data at compressed byte "));
    CHECK(r.error.ends_with(": incorrect data check"));
    CHECK(r.bytes.starts_with(a));
}

TEST_CASE("gzip: zero padding after the data is skipped, other garbage is an error", "[input][gzip]") {
    std::string plain = some_lines(5, "p");
    std::string gz = gzip(plain);
    result padded = decompress(gz + std::string(1000, '\0'), 7);
    CHECK_FALSE(padded.failed);
    CHECK(padded.bytes == plain);

    result garbage = decompress(gz + "garbage\n");
    REQUIRE(garbage.failed);
    CHECK(garbage.error == "trailing garbage after gzip data at compressed byte " + std::to_string(gz.size()));
    CHECK(garbage.bytes == plain);

    result after_padding = decompress(gz + std::string(10, '\0') + "x");
    REQUIRE(after_padding.failed);
    CHECK(after_padding.error == "trailing garbage after gzip data at compressed byte " + std::to_string(gz.size() + 10));
}

TEST_CASE("gzip: data that is not gzip at all", "[input][gzip]") {
    result r = decompress("{\"flow\":{}}\n");
    REQUIRE(r.failed);
    CHECK(r.error == "not in gzip format");
    CHECK(r.bytes.empty());
    result empty = decompress("");
    REQUIRE(empty.failed);
    CHECK(empty.error == "gzip data ends unexpectedly (truncated?) after 0 compressed bytes");
}

TEST_CASE("gzip: the block reader opens .gz files and magic bytes, and reports damage by file", "[input][gzip]") {
    std::string plain = "{\"a\":1}\n{\"b\":2}\n";
    std::string gz = gzip(plain);
    char named[] = "/tmp/flowgrep-gzip-XXXXXX";
    int fd = mkstemp(named);
    REQUIRE(fd >= 0);
    // No .gz in the name: the magic bytes decide. The second member loses the end of its trailer:
    // its lines come out whole, then the error.
    std::string cut = gzip("{\"c\":3}\n");
    std::string data = gz + cut.substr(0, cut.size() - 4);
    REQUIRE(::write(fd, data.data(), data.size()) == static_cast<ssize_t>(data.size()));
    ::close(fd);
    std::vector<std::string> lines, errors;
    block_reader reader({named}, 64);
    input_block block;
    while (reader.next(block)) {
        block_lines in_block(block);
        block_line line;
        while (in_block.next(line)) lines.emplace_back(line.text);
        if (!block.error.empty()) errors.push_back(reader.name(block.source_index) + ": " + block.error);
    }
    CHECK(lines == std::vector<std::string>{"{\"a\":1}", "{\"b\":2}", "{\"c\":3}"});
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] == std::string(named) + ": gzip data ends unexpectedly (truncated?) after " +
                           std::to_string(data.size()) + " compressed bytes");
    std::remove(named);
}
