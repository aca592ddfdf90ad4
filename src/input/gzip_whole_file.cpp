// The whole-file gzip path: the checks that keep it to data libdeflate and zlib read alike, the one
// libdeflate call, and the source that hands out what it made.
#include "input/gzip_whole_file.h"

#include <algorithm>
#include <cstring>
#include <new>

#include <libdeflate.h>

#include "input/byte_source.h"
#include "input/interrupt.h"

namespace flowgrep {

namespace {

// The smallest gzip member: a 10-byte header, no deflate data worth the name, an 8-byte trailer.
constexpr size_t gzip_min_size = 10 + 8;
// FHCRC: a CRC16 of the header follows it. zlib checks it and libdeflate only skips it, so a file
// with one goes to zlib, where a wrong one is the error it has always been. gzip(1) never sets it.
constexpr unsigned char gzip_flag_header_crc = 0x02;

uint32_t little_endian_32(std::string_view four) {
    uint32_t v = 0;
    for (size_t i = 4; i-- > 0;) v = v << 8 | static_cast<unsigned char>(four[i]);
    return v;
}

struct free_decompressor {
    void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
};

// Hands out the inflated file; its memory goes back as soon as the last byte is out.
class inflated_source final : public byte_source {
public:
    inflated_source(std::string name, std::unique_ptr<char[]> data, size_t size)
        : byte_source(std::move(name)), data_(std::move(data)), size_(size) {}

    ssize_t read(char* buffer, size_t size) override {
        // Interrupted: the end of the input, at the next read, as for every source.
        if (input_interrupted()) release();
        size_t n = std::min(size, size_ - at_);
        if (n == 0) return 0;
        std::memcpy(buffer, data_.get() + at_, n);
        at_ += n;
        if (at_ == size_) release();
        return static_cast<ssize_t>(n);
    }

private:
    void release() {
        data_.reset();
        size_ = at_ = 0;
    }

    std::unique_ptr<char[]> data_;
    size_t size_;
    size_t at_ = 0;
};

}  // namespace

bool whole_gzip_fits(uint64_t file_size, std::string_view trailer, const whole_gzip_limits& limits) {
    return file_size >= gzip_min_size && file_size <= limits.max_file && trailer.size() == 4 &&
           little_endian_32(trailer) <= limits.max_output;
}

// libdeflate is more lenient than zlib in a few corners of the deflate format (up to 288 length and
// 32 distance codes where zlib allows 286 and 30, an incomplete code-length code): a stream that
// uses them, and still decodes to output whose CRC-32 and length match its trailer, is read here and
// refused by zlib. Damage does not make such a stream but by a 1 in 2^32 chance; only a hand-made
// file does.
std::unique_ptr<byte_source> inflate_whole_gzip(const std::string& name, std::string_view compressed,
                                                const whole_gzip_limits& limits) {
    if (compressed.size() < gzip_min_size) return nullptr;
    const std::string_view trailer = compressed.substr(compressed.size() - 4);
    if (!whole_gzip_fits(compressed.size(), trailer, limits)) return nullptr;
    if (static_cast<unsigned char>(compressed[3]) & gzip_flag_header_crc) return nullptr;

    // Not zeroed: libdeflate writes every byte that is handed out. One byte at least, so that an
    // empty member still gets a buffer to point at.
    const size_t expected = little_endian_32(trailer);
    std::unique_ptr<char[]> out(new (std::nothrow) char[std::max<size_t>(expected, 1)]);
    std::unique_ptr<libdeflate_decompressor, free_decompressor> inflater(libdeflate_alloc_decompressor());
    if (!out || !inflater) return nullptr;  // short of memory: zlib streams in far less

    size_t in_used = 0, out_made = 0;
    libdeflate_result rc = libdeflate_gzip_decompress_ex(inflater.get(), compressed.data(), compressed.size(),
                                                         out.get(), expected, &in_used, &out_made);
    // Success is about the first member only. All of the file must be that member, and its output
    // what the trailer says, or it is several members, something after one, or a trailer that lies:
    // the streaming source reads those and says what it finds.
    if (rc != LIBDEFLATE_SUCCESS || in_used != compressed.size() || out_made != expected) return nullptr;
    return std::make_unique<inflated_source>(name, std::move(out), expected);
}

}  // namespace flowgrep
