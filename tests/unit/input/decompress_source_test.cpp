// The decompressing source, for each format (gzip, xz, zstd, bzip2): streams one after another read
// as one, any chunking of input and output, and damaged data (cut at every byte, any byte changed,
// garbage or padding after the data) ending in an error that says what, never in a crash or in
// bytes that were not in the original.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <bzlib.h>
#include <catch2/generators/catch_generators.hpp>
#include <lzma.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include "input/block_reader.h"
#include "input/decompress_source.h"

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

std::string xz(const std::string& plain) {
    std::string out(lzma_stream_buffer_bound(plain.size()), '\0');
    size_t at = 0;
    REQUIRE(lzma_easy_buffer_encode(6, LZMA_CHECK_CRC64, nullptr, reinterpret_cast<const uint8_t*>(plain.data()),
                                    plain.size(), reinterpret_cast<uint8_t*>(out.data()), &at, out.size()) == LZMA_OK);
    out.resize(at);
    return out;
}

// With a checksum, as the zstd tool writes by default: a changed byte is always found.
std::string zstd(const std::string& plain) {
    std::string out(ZSTD_compressBound(plain.size()), '\0');
    ZSTD_CCtx* c = ZSTD_createCCtx();
    ZSTD_CCtx_setParameter(c, ZSTD_c_checksumFlag, 1);
    size_t n = ZSTD_compress2(c, out.data(), out.size(), plain.data(), plain.size());
    ZSTD_freeCCtx(c);
    REQUIRE_FALSE(ZSTD_isError(n));
    out.resize(n);
    return out;
}

std::string bzip2(const std::string& plain) {
    std::string out(plain.size() + plain.size() / 100 + 700, '\0');
    unsigned size = static_cast<unsigned>(out.size());
    REQUIRE(BZ2_bzBuffToBuffCompress(out.data(), &size, const_cast<char*>(plain.data()),
                                     static_cast<unsigned>(plain.size()), 9, 0, 0) == BZ_OK);
    out.resize(size);
    return out;
}

std::string compress(compression kind, const std::string& plain) {
    switch (kind) {
    case compression::xz: return xz(plain);
    case compression::zstd: return zstd(plain);
    case compression::bzip2: return bzip2(plain);
    default: return gzip(plain);
    }
}

std::string name_of(compression kind) { return std::string(compression_name(kind)); }

struct result {
    std::string bytes;
    bool failed = false;
    std::string error;
};

result decompress(compression kind, const std::string& compressed, size_t in_chunk = 1 << 20,
                  size_t out_chunk = 1 << 20) {
    auto source = make_decompress_source(std::make_unique<memory_source>(compressed, in_chunk), kind);
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

TEST_CASE("compressed: a member decompresses whatever the input and output chunks", "[input][compressed]") {
    const compression kind = GENERATE(compression::gzip, compression::xz, compression::zstd, compression::bzip2);
    const std::string name = name_of(kind);
    INFO(name);
    std::string plain = some_lines(500, "a");
    std::string data = compress(kind, plain);
    for (size_t in : {size_t{1}, size_t{2}, size_t{7}, size_t{4096}, size_t{1} << 20})
        for (size_t out : {size_t{1}, size_t{13}, size_t{1} << 20}) {
            result r = decompress(kind, data, in, out);
            CHECK_FALSE(r.failed);
            CHECK(r.bytes == plain);
        }
}

TEST_CASE("compressed: members one after another read as one stream (cat a.gz b.gz)", "[input][compressed]") {
    const compression kind = GENERATE(compression::gzip, compression::xz, compression::zstd, compression::bzip2);
    const std::string name = name_of(kind);
    INFO(name);
    std::string a = some_lines(100, "a"), b = some_lines(3, "b"), empty;
    std::string data = compress(kind, a) + compress(kind, empty) + compress(kind, b);
    for (size_t in : {size_t{1}, size_t{5}, size_t{1} << 20}) {
        result r = decompress(kind, data, in);
        CHECK_FALSE(r.failed);
        CHECK(r.bytes == a + b);
    }
}

TEST_CASE("compressed: cut at every byte, the output is a prefix and the error says truncated", "[input][compressed]") {
    const compression kind = GENERATE(compression::gzip, compression::xz, compression::zstd, compression::bzip2);
    const std::string name = name_of(kind);
    INFO(name);
    std::string plain = some_lines(40, "cut");
    std::string data = compress(kind, plain) + compress(kind, plain);
    for (size_t cut = 0; cut < data.size(); ++cut) {
        if (cut == data.size() / 2) continue;  // between the two members: a complete stream
        result r = decompress(kind, data.substr(0, cut), 3);
        INFO("cut at " << cut);
        REQUIRE(r.failed);
        CHECK(r.error == name + " data ends unexpectedly (truncated?) after " + std::to_string(cut) + " compressed bytes");
        CHECK((plain + plain).starts_with(r.bytes));
    }
}

TEST_CASE("compressed: a changed byte anywhere is an error or harmless, never a crash", "[input][compressed]") {
    const compression kind = GENERATE(compression::gzip, compression::xz, compression::zstd, compression::bzip2);
    const std::string name = name_of(kind);
    INFO(name);
    std::string plain = some_lines(40, "flip");
    std::string data = compress(kind, plain);
    for (size_t at = 0; at < data.size(); ++at) {
        std::string bad = data;
        bad[at] = static_cast<char>(bad[at] ^ 0x55);
        result r = decompress(kind, bad, 64);
        INFO("byte " << at << ": " << r.error);
        if (!r.failed) {
            CHECK(r.bytes == plain);  // a header field nobody checks (time, OS)
            continue;
        }
        bool known = r.error.starts_with("corrupt " + name + " data at compressed byte ") ||
                     r.error.starts_with(name + " data ends unexpectedly (truncated?)") ||
                     r.error == "not in " + name + " format" ||
                     r.error.starts_with("trailing garbage after " + name + " data at compressed byte ");
        CHECK(known);
    }
}

TEST_CASE("compressed: a damaged member says where, after the bytes before it", "[input][compressed]") {
    const compression kind = GENERATE(compression::gzip, compression::xz, compression::zstd, compression::bzip2);
    const std::string name = name_of(kind);
    INFO(name);
    std::string a = some_lines(10, "a");
    std::string bad = compress(kind, some_lines(10, "b"));
    bad[bad.size() - 6] ^= 1;  // in gzip's CRC, xz's footer, zstd's or bzip2's last block
    result r = decompress(kind, compress(kind, a) + bad);
    REQUIRE(r.failed);
    CHECK(r.error.starts_with("corrupt " + name + " data at compressed byte "));
    if (kind == compression::gzip) CHECK(r.error.ends_with(": incorrect data check"));
    CHECK(r.bytes.starts_with(a));
}

TEST_CASE("compressed: zero padding after the data is skipped, other garbage is an error", "[input][compressed]") {
    const compression kind = GENERATE(compression::gzip, compression::xz, compression::zstd, compression::bzip2);
    const std::string name = name_of(kind);
    INFO(name);
    std::string plain = some_lines(5, "p");
    std::string data = compress(kind, plain);
    result padded = decompress(kind, data + std::string(1000, '\0'), 7);
    CHECK_FALSE(padded.failed);
    CHECK(padded.bytes == plain);

    result garbage = decompress(kind, data + "garbage\n");
    REQUIRE(garbage.failed);
    CHECK(garbage.error == "trailing garbage after " + name + " data at compressed byte " + std::to_string(data.size()));
    CHECK(garbage.bytes == plain);

    result after_padding = decompress(kind, data + std::string(10, '\0') + "x");
    REQUIRE(after_padding.failed);
    CHECK(after_padding.error == "trailing garbage after " + name + " data at compressed byte " + std::to_string(data.size() + 10));
}

TEST_CASE("compressed: data that is not in the format at all", "[input][compressed]") {
    const compression kind = GENERATE(compression::gzip, compression::xz, compression::zstd, compression::bzip2);
    const std::string name = name_of(kind);
    INFO(name);
    result r = decompress(kind, "{\"flow\":{}}\n");
    REQUIRE(r.failed);
    CHECK(r.error == "not in " + name + " format");
    CHECK(r.bytes.empty());
    result empty = decompress(kind, "");
    REQUIRE(empty.failed);
    CHECK(empty.error == name + " data ends unexpectedly (truncated?) after 0 compressed bytes");
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
