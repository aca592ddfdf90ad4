// Whole-file gzip: a small .gz opened by path is inflated at once, and whatever it is (several
// members, damaged, cut short, garbage after it, a trailer that lies) it reads exactly as the
// streaming source reads the same bytes, the bytes before an error and the error's words alike.
#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>
#include <zlib.h>

#include "input/byte_source.h"
#include "input/decompress_source.h"
#include "input/gzip_whole_file.h"

using namespace flowgrep;

namespace {

// A temporary folder, gone with the test.
class temp_dir {
public:
    temp_dir() {
        char name[] = "/tmp/flowgrep-whole-gzip-XXXXXX";
        REQUIRE(::mkdtemp(name) != nullptr);
        path_ = name;
    }
    ~temp_dir() { std::filesystem::remove_all(path_); }
    std::string file(const std::string& name, const std::string& data) const {
        std::string path = path_ + "/" + name;
        std::ofstream(path, std::ios::binary | std::ios::trunc) << data;
        return path;
    }

private:
    std::string path_;
};

// gzip -6, with a header checksum (FHCRC) when asked, as gzip(1) never writes.
std::string gzip(const std::string& plain, bool header_crc = false) {
    z_stream z{};
    REQUIRE(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    gz_header header{};
    header.hcrc = 1;
    if (header_crc) REQUIRE(deflateSetHeader(&z, &header) == Z_OK);
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

std::string some_lines(int count, const std::string& tag) {
    std::string s;
    for (int i = 0; i < count; ++i) s += "{\"flow\":{\"n\":" + std::to_string(i) + ",\"tag\":\"" + tag + "\"}}\n";
    return s;
}

struct result {
    std::string bytes;
    std::string error;  // empty: ended cleanly
    bool operator==(const result&) const = default;
};

result drain(byte_source& source) {
    result r;
    std::vector<char> buffer(4096);
    for (;;) {
        ssize_t n = source.read(buffer.data(), buffer.size());
        if (n < 0) {
            r.error = source.error();
            REQUIRE_FALSE(r.error.empty());
            return r;
        }
        if (n == 0) return r;
        r.bytes.append(buffer.data(), static_cast<size_t>(n));
    }
}

// Hands out `data` in one go: what the streaming source would read from a file of these bytes.
class memory_source final : public byte_source {
public:
    explicit memory_source(std::string data) : byte_source("mem.gz"), data_(std::move(data)) {}
    ssize_t read(char* buffer, size_t size) override {
        size_t n = std::min(size, data_.size() - at_);
        std::copy_n(data_.data() + at_, n, buffer);
        at_ += n;
        return static_cast<ssize_t>(n);
    }

private:
    std::string data_;
    size_t at_ = 0;
};

result streamed(const std::string& compressed) {
    auto source = make_decompress_source(std::make_unique<memory_source>(compressed), compression::gzip);
    return drain(*source);
}

result opened(const std::string& path, const source_options& options = {}) {
    std::string error;
    auto source = open_source(path, options, error);
    REQUIRE(source);
    CHECK(source->name() == path);
    return drain(*source);
}

// Whether the file was all read when it was opened: it is emptied before the first read, which a
// streaming source would see as gzip data cut short.
bool read_at_open(const std::string& path, const std::string& plain, const source_options& options = {}) {
    std::string error;
    auto source = open_source(path, options, error);
    REQUIRE(source);
    REQUIRE(::truncate(path.c_str(), 0) == 0);
    result r = drain(*source);
    return r.error.empty() && r.bytes == plain;
}

}  // namespace

TEST_CASE("whole gzip: a single member reads as the plain data, inflated when opened", "[input][gzip]") {
    temp_dir dir;
    const std::string plain = some_lines(2000, "one");
    const std::string gz = gzip(plain);
    CHECK(opened(dir.file("one.gz", gz)) == result{plain, ""});
    CHECK(read_at_open(dir.file("again.gz", gz), plain));
    CHECK(inflate_whole_gzip("x", gz, {}) != nullptr);
    // No .gz in the name: the magic is enough.
    CHECK(read_at_open(dir.file("flows.json", gz), plain));
    // An empty member is a file of no flows, not an error.
    CHECK(opened(dir.file("empty.gz", gzip(""))) == result{"", ""});
    CHECK(inflate_whole_gzip("x", gzip(""), {}) != nullptr);
}

TEST_CASE("whole gzip: several members (cat a.gz b.gz) read fully, by the streaming source", "[input][gzip]") {
    temp_dir dir;
    const std::string a = some_lines(300, "a"), b = some_lines(7, "b");
    for (const std::string& data : {gzip(a) + gzip(b), gzip(b) + gzip(a), gzip(a) + gzip("") + gzip(b)}) {
        CHECK(inflate_whole_gzip("x", data, {}) == nullptr);
        result r = opened(dir.file("two.gz", data));
        CHECK(r == streamed(data));
        CHECK(r.error.empty());
        CHECK((r.bytes == a + b || r.bytes == b + a));
    }
    // The same file twice: the first member is as long as the trailer says, and is not all of it.
    const std::string twice = gzip(a) + gzip(a);
    CHECK(inflate_whole_gzip("x", twice, {}) == nullptr);
    CHECK(opened(dir.file("twice.gz", twice)) == result{a + a, ""});
}

TEST_CASE("whole gzip: damage reads as streamed, the bytes before the error and its words", "[input][gzip]") {
    temp_dir dir;
    const std::string plain = some_lines(40, "bad");
    const std::string gz = gzip(plain);
    const std::string path = dir.file("bad.gz", "");
    size_t errors = 0;
    SECTION("any byte changed") {
        for (size_t at = 0; at < gz.size(); ++at) {
            std::string bad = gz;
            bad[at] = static_cast<char>(bad[at] ^ 0x55);
            dir.file("bad.gz", bad);
            result r = opened(path);
            INFO("byte " << at << ": " << r.error);
            CHECK(r == streamed(bad));
            errors += !r.error.empty();
        }
    }
    SECTION("cut at every byte") {
        for (size_t cut = 0; cut < gz.size(); ++cut) {
            const std::string bad = gz.substr(0, cut);
            dir.file("bad.gz", bad);
            result r = opened(path);
            INFO("cut at " << cut << ": " << r.error);
            CHECK(r == streamed(bad));
            errors += !r.error.empty();
        }
        CHECK(errors == gz.size());
    }
    SECTION("garbage or padding after the member") {
        for (const std::string& after : {std::string("garbage\n"), std::string(1000, '\0'),
                                         std::string(10, '\0') + "x", std::string("\x1f"), std::string("\x1f\x8b")}) {
            const std::string bad = gz + after;
            CHECK(inflate_whole_gzip("x", bad, {}) == nullptr);
            dir.file("bad.gz", bad);
            result r = opened(path);
            INFO(r.error);
            CHECK(r == streamed(bad));
            CHECK(r.bytes == plain);
            errors += !r.error.empty();
        }
        CHECK(errors == 4);  // all but the padding
    }
    SECTION("garbage that ends as the member's own trailer does") {
        const std::string bad = gz + "junk" + gz.substr(gz.size() - 4);
        CHECK(inflate_whole_gzip("x", bad, {}) == nullptr);
        dir.file("bad.gz", bad);
        result r = opened(path);
        CHECK(r == streamed(bad));
        CHECK(r == result{plain, "trailing garbage after gzip data at compressed byte " + std::to_string(gz.size())});
        errors += !r.error.empty();
    }
    SECTION("a damaged second member") {
        std::string second = gzip(some_lines(5, "two"));
        second[second.size() - 6] ^= 1;  // in its CRC
        const std::string bad = gz + second;
        dir.file("bad.gz", bad);
        result r = opened(path);
        CHECK(r == streamed(bad));
        CHECK(r.bytes.starts_with(plain));
        CHECK(r.error.ends_with(": incorrect data check"));
        errors += !r.error.empty();
    }
    CHECK(errors > 0);
}

TEST_CASE("whole gzip: a trailer that lies about the size reads as zlib reads it", "[input][gzip]") {
    temp_dir dir;
    const std::string plain = some_lines(100, "isize");
    const std::string gz = gzip(plain);
    for (uint32_t lie : {uint32_t{0}, uint32_t(plain.size() - 1), uint32_t(plain.size() + 1), uint32_t{1} << 20,
                         uint32_t{0xffffffff}}) {
        std::string bad = gz;
        for (int i = 0; i < 4; ++i) bad[bad.size() - 4 + i] = static_cast<char>(lie >> (8 * i));
        INFO("ISIZE " << lie);
        CHECK(inflate_whole_gzip("x", bad, {}) == nullptr);
        result r = opened(dir.file("lie.gz", bad));
        CHECK(r == streamed(bad));
        CHECK(r.error.ends_with(": incorrect length check"));
    }
}

TEST_CASE("whole gzip: a header checksum is left to zlib, which checks it", "[input][gzip]") {
    temp_dir dir;
    const std::string plain = some_lines(20, "hcrc");
    const std::string gz = gzip(plain, true);
    CHECK(opened(dir.file("hcrc.gz", gz)) == result{plain, ""});
    std::string bad = gz;
    bad[10] ^= 1;  // the header CRC16, right after the 10 fixed bytes (no name, extra or comment)
    result r = opened(dir.file("bad-hcrc.gz", bad));
    CHECK(r == streamed(bad));
    CHECK(r.error == "corrupt gzip data at compressed byte 12: header crc mismatch");
    CHECK(inflate_whole_gzip("x", bad, {}) == nullptr);
}

TEST_CASE("whole gzip: a file over the limits, or followed, streams as it is read", "[input][gzip]") {
    temp_dir dir;
    const std::string plain = some_lines(500, "big");
    const std::string gz = gzip(plain);
    source_options small_file, small_output, just_fits;
    small_file.whole_gzip.max_file = gz.size() - 1;
    small_output.whole_gzip.max_output = plain.size() - 1;
    just_fits.whole_gzip = {gz.size(), plain.size()};
    const std::string path = dir.file("big.gz", gz);
    CHECK(opened(path, small_file) == result{plain, ""});
    CHECK(opened(path, small_output) == result{plain, ""});
    CHECK(read_at_open(dir.file("fits.gz", gz), plain, just_fits));
    CHECK_FALSE(read_at_open(dir.file("file.gz", gz), plain, small_file));
    CHECK_FALSE(read_at_open(dir.file("output.gz", gz), plain, small_output));
    CHECK(inflate_whole_gzip("x", gz, small_file.whole_gzip) == nullptr);
    CHECK(inflate_whole_gzip("x", gz, small_output.whole_gzip) == nullptr);
    // A compressed file is never followed, but it is read as it goes.
    source_options follow;
    follow.follow = true;
    CHECK_FALSE(read_at_open(dir.file("followed.gz", gz), plain, follow));
}

TEST_CASE("whole gzip: the size check reads the last member's ISIZE, little-endian", "[input][gzip]") {
    const whole_gzip_limits limits{1000, 0x01020304};
    CHECK(whole_gzip_fits(18, std::string_view("\x04\x03\x02\x01", 4), limits));
    CHECK_FALSE(whole_gzip_fits(18, std::string_view("\x05\x03\x02\x01", 4), limits));
    CHECK_FALSE(whole_gzip_fits(18, std::string_view("\x01\x02\x03\x04", 4), limits));
    CHECK(whole_gzip_fits(1000, std::string_view("\0\0\0\0", 4), limits));
    CHECK_FALSE(whole_gzip_fits(1001, std::string_view("\0\0\0\0", 4), limits));
    CHECK_FALSE(whole_gzip_fits(17, std::string_view("\0\0\0\0", 4), limits));  // shorter than any member
    CHECK_FALSE(whole_gzip_fits(18, "abc", limits));
}
