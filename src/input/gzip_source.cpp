// gzip_source: zlib's inflate straight into the caller's buffer (no copy of the output), fed from
// large reads of the compressed source. Between members it looks at what follows: another member,
// zero padding, or garbage.
#include "input/gzip_source.h"

#include <algorithm>
#include <climits>
#include <cstdint>

#include <fmt/format.h>
#include <zlib.h>

#include "input/interrupt.h"

namespace flowgrep {

namespace {

// Compressed bytes per read of the underlying source: large enough that the read costs nothing next
// to inflating what it brings (about 4 MiB of flows at typical ratios).
constexpr size_t input_size = size_t{512} << 10;

class gzip_source final : public byte_source {
public:
    explicit gzip_source(std::unique_ptr<byte_source> compressed)
        : byte_source(compressed->name()),
          compressed_(std::move(compressed)),
          input_(std::make_unique<unsigned char[]>(input_size)) {
        // 16 + MAX_WBITS: gzip's wrapper, with its header and CRC checked; not zlib's or raw deflate.
        if (inflateInit2(&stream_, 16 + MAX_WBITS) != Z_OK) fail("cannot start decompressing: out of memory");
        else initialised_ = true;
    }
    ~gzip_source() override {
        if (initialised_) inflateEnd(&stream_);
    }

    ssize_t read(char* buffer, size_t size) override;

private:
    enum class state { between_members, in_member, ended, failed };

    void fail(std::string why) {
        error_ = std::move(why);
        state_ = state::failed;
    }
    // The offset in the compressed data of the next byte inflate will look at.
    uint64_t position() const { return read_total_ - stream_.avail_in; }
    void refill();
    void look_past_member();

    std::unique_ptr<byte_source> compressed_;
    std::unique_ptr<unsigned char[]> input_;
    z_stream stream_{};
    bool initialised_ = false;
    state state_ = state::between_members;
    bool input_ended_ = false;
    bool in_padding_ = false;  // zero bytes seen after the last member
    uint64_t members_ = 0;     // complete members read
    uint64_t read_total_ = 0;  // compressed bytes read from the source
};

void gzip_source::refill() {
    ssize_t n = compressed_->read(reinterpret_cast<char*>(input_.get()), input_size);
    if (n < 0) {
        fail(compressed_->error());
        return;
    }
    if (n == 0) {
        input_ended_ = true;
        return;
    }
    stream_.next_in = input_.get();
    stream_.avail_in = static_cast<uInt>(n);
    read_total_ += static_cast<uint64_t>(n);
}

// At the start, and after each member: what comes next decides between another member, the end,
// and an error. Zero bytes after the last member are padding (tape blocks, preallocated files),
// skipped in silence as gzip(1) does. Anything else after a member is trailing garbage: gzip(1)
// warns and exits with 2; a source has no warnings, so it is an error here, reported after all the
// flows before it, with the same exit status. Nothing is lost by it, and it is never quiet.
void gzip_source::look_past_member() {
    if (stream_.avail_in == 0) {
        if (members_ == 0 && !input_interrupted())
            fail(fmt::format("gzip data ends unexpectedly (truncated?) after {} compressed bytes", position()));
        else state_ = state::ended;
        return;
    }
    const unsigned char* next = stream_.next_in;
    if (members_ == 0) {
        // Only a name ending in .gz brings us here without the magic.
        if (next[0] != 0x1f || (stream_.avail_in > 1 && next[1] != 0x8b)) {
            fail("not in gzip format");
            return;
        }
    } else if (next[0] == 0 || in_padding_) {
        while (stream_.avail_in > 0 && *stream_.next_in == 0) {
            ++stream_.next_in;
            --stream_.avail_in;
        }
        in_padding_ = true;
        if (stream_.avail_in == 0) return;  // more padding may follow, or the end
        fail(fmt::format("trailing garbage after gzip data at compressed byte {}", position()));
        return;
    } else if (next[0] != 0x1f) {
        fail(fmt::format("trailing garbage after gzip data at compressed byte {}", position()));
        return;
    }
    // A new member: zlib checks the rest of its header.
    if (members_ > 0) inflateReset(&stream_);
    state_ = state::in_member;
}

ssize_t gzip_source::read(char* buffer, size_t size) {
    // inflate counts its output in uInt; a larger buffer is filled over several reads.
    size = std::min<size_t>(size, UINT_MAX);
    size_t produced = 0;
    for (;;) {
        if (state_ == state::ended || size == 0) return static_cast<ssize_t>(produced);
        // An error comes after the bytes decompressed before it, on the next call.
        if (state_ == state::failed) return produced > 0 ? static_cast<ssize_t>(produced) : -1;
        if (stream_.avail_in == 0 && !input_ended_) {
            // Reading more may block (a pipe): hand over what is ready first.
            if (produced > 0) return static_cast<ssize_t>(produced);
            refill();
            continue;
        }
        if (state_ == state::between_members) {
            look_past_member();
            continue;
        }
        if (stream_.avail_in == 0) {  // inside a member, and the compressed data has ended
            // Interrupted (the source ended early on purpose): an end, not damage.
            if (input_interrupted()) state_ = state::ended;
            else fail(fmt::format("gzip data ends unexpectedly (truncated?) after {} compressed bytes", position()));
            continue;
        }
        stream_.next_out = reinterpret_cast<unsigned char*>(buffer + produced);
        stream_.avail_out = static_cast<uInt>(size - produced);
        int rc = inflate(&stream_, Z_NO_FLUSH);
        produced = size - stream_.avail_out;
        switch (rc) {
        case Z_STREAM_END:
            ++members_;
            state_ = state::between_members;
            break;
        case Z_OK:
        case Z_BUF_ERROR:  // no progress: the input is used up (refilled above) or the output full
            if (produced == size) return static_cast<ssize_t>(produced);
            break;
        case Z_NEED_DICT:
            fail(fmt::format("corrupt gzip data at compressed byte {}: asks for a preset dictionary", position()));
            break;
        case Z_DATA_ERROR:
            fail(fmt::format("corrupt gzip data at compressed byte {}: {}", position(),
                             stream_.msg ? stream_.msg : "invalid data"));
            break;
        case Z_MEM_ERROR:
            fail("out of memory while decompressing");
            break;
        default:
            fail(fmt::format("cannot decompress: zlib error {}", rc));
            break;
        }
    }
}

}  // namespace

std::unique_ptr<byte_source> make_gzip_source(std::unique_ptr<byte_source> compressed) {
    return std::make_unique<gzip_source>(std::move(compressed));
}

}  // namespace flowgrep
