// decompress_source: a back end per format (zlib, liblzma, libzstd, libbz2) decodes one stream
// straight into the caller's buffer; the source around it feeds it large reads of the compressed
// data and, between streams, looks at what follows: another stream, zero padding, or garbage.
#include "input/decompress_source.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstring>
#include <string>

#include <bzlib.h>
#include <fmt/format.h>
#include <lzma.h>
#include <zlib.h>
#include <zstd.h>

#include "input/interrupt.h"

namespace flowgrep {

namespace {

// Compressed bytes per read of the underlying source: large enough that the read costs nothing next
// to decoding what it brings (about 4 MiB of flows at typical ratios).
constexpr size_t input_size = size_t{512} << 10;

struct format_info {
    compression kind;
    std::string_view name;
    std::string_view magic;
};

// zstd's skippable frames (magic 0x184D2A50 to 5F, little-endian) may sit between its frames.
constexpr format_info formats[] = {
    {compression::gzip, "gzip", "\x1f\x8b"},
    {compression::xz, "xz", std::string_view("\xfd" "7zXZ\0", 6)},
    {compression::zstd, "zstd", "\x28\xb5\x2f\xfd"},
    {compression::bzip2, "bzip2", "BZh"},
};

bool zstd_skippable(std::string_view s) {
    return s.size() >= 4 && (static_cast<unsigned char>(s[0]) & 0xf0) == 0x50 && s.substr(1, 3) == "\x2a\x4d\x18";
}

const format_info& info(compression kind) {
    for (const auto& f : formats)
        if (f.kind == kind) return f;
    return formats[0];
}

// Whether `next` (at least `complete` says it is all there is) can start a stream of `kind`. A
// prefix of the magic at the very end of the data is a start that was cut off: truncated, not garbage.
bool starts_stream(compression kind, std::string_view next) {
    const std::string_view magic = info(kind).magic;
    if (kind == compression::zstd && zstd_skippable(next)) return true;
    if (kind == compression::bzip2 && next.size() >= 4) return next.starts_with(magic) && next[3] >= '1' && next[3] <= '9';
    return next.substr(0, magic.size()) == magic.substr(0, std::min(magic.size(), next.size()));
}

// One format's decoder. run() decodes from `in` into `out` and says how far it got; start() makes
// it ready for a stream, the first or one after another ended.
class decoder {
public:
    enum class status { more, stream_end, failed };
    struct step {
        size_t in_used = 0;
        size_t out_made = 0;
        status result = status::more;
        std::string error;  // for failed: what, in words
    };
    virtual ~decoder() = default;
    virtual bool start(std::string& error) = 0;
    virtual step run(const unsigned char* in, size_t in_size, char* out, size_t out_size) = 0;
};

class gzip_decoder final : public decoder {
public:
    ~gzip_decoder() override {
        if (initialised_) inflateEnd(&z_);
    }
    bool start(std::string& error) override {
        if (initialised_) return inflateReset(&z_) == Z_OK;
        // 16 + MAX_WBITS: gzip's wrapper, with its header and CRC checked; not zlib's or raw deflate.
        if (inflateInit2(&z_, 16 + MAX_WBITS) != Z_OK) {
            error = "cannot start decompressing: out of memory";
            return false;
        }
        initialised_ = true;
        return true;
    }
    step run(const unsigned char* in, size_t in_size, char* out, size_t out_size) override {
        // zlib counts in uInt; larger sizes are done over several calls.
        z_.next_in = const_cast<unsigned char*>(in);
        z_.avail_in = static_cast<uInt>(std::min<size_t>(in_size, UINT_MAX));
        z_.next_out = reinterpret_cast<unsigned char*>(out);
        z_.avail_out = static_cast<uInt>(std::min<size_t>(out_size, UINT_MAX));
        const uInt in_before = z_.avail_in, out_before = z_.avail_out;
        int rc = inflate(&z_, Z_NO_FLUSH);
        step s{in_before - z_.avail_in, out_before - z_.avail_out, status::more, {}};
        switch (rc) {
        case Z_STREAM_END: s.result = status::stream_end; break;
        case Z_OK:
        case Z_BUF_ERROR: break;  // no progress: the input is used up or the output full
        case Z_NEED_DICT:
            s.result = status::failed;
            s.error = "asks for a preset dictionary";
            break;
        case Z_DATA_ERROR:
            s.result = status::failed;
            s.error = z_.msg ? z_.msg : "invalid data";
            break;
        case Z_MEM_ERROR:
            s.result = status::failed;
            s.error = "out of memory";
            break;
        default:
            s.result = status::failed;
            s.error = fmt::format("zlib error {}", rc);
            break;
        }
        return s;
    }

private:
    z_stream z_{};
    bool initialised_ = false;
};

class xz_decoder final : public decoder {
public:
    ~xz_decoder() override { lzma_end(&x_); }
    bool start(std::string& error) override {
        // One stream at a time (no LZMA_CONCATENATED): the source looks between streams itself, the
        // same way for every format. No memory limit, as xz -d has none.
        if (lzma_stream_decoder(&x_, UINT64_MAX, 0) != LZMA_OK) {
            error = "cannot start decompressing: out of memory";
            return false;
        }
        return true;
    }
    step run(const unsigned char* in, size_t in_size, char* out, size_t out_size) override {
        x_.next_in = in;
        x_.avail_in = in_size;
        x_.next_out = reinterpret_cast<uint8_t*>(out);
        x_.avail_out = out_size;
        lzma_ret rc = lzma_code(&x_, LZMA_RUN);
        step s{in_size - x_.avail_in, out_size - x_.avail_out, status::more, {}};
        switch (rc) {
        case LZMA_OK:
        case LZMA_BUF_ERROR: break;
        case LZMA_STREAM_END: s.result = status::stream_end; break;
        case LZMA_FORMAT_ERROR: s.result = status::failed; s.error = "not a valid xz stream header"; break;
        case LZMA_OPTIONS_ERROR: s.result = status::failed; s.error = "unsupported options"; break;
        case LZMA_DATA_ERROR: s.result = status::failed; s.error = "compressed data is corrupt"; break;
        case LZMA_MEM_ERROR: s.result = status::failed; s.error = "out of memory"; break;
        default: s.result = status::failed; s.error = fmt::format("liblzma error {}", static_cast<int>(rc)); break;
        }
        return s;
    }

private:
    lzma_stream x_ = LZMA_STREAM_INIT;
};

class zstd_decoder final : public decoder {
public:
    ~zstd_decoder() override { ZSTD_freeDStream(d_); }
    bool start(std::string& error) override {
        if (!d_) d_ = ZSTD_createDStream();
        if (!d_ || ZSTD_isError(ZSTD_DCtx_reset(d_, ZSTD_reset_session_only))) {
            error = "cannot start decompressing: out of memory";
            return false;
        }
        wanted_ = 1;
        return true;
    }
    step run(const unsigned char* in, size_t in_size, char* out, size_t out_size) override {
        // No more input than it asks for (about a block): on an error libzstd does not say how far
        // it read, so this keeps the offset in the message within the block at fault.
        ZSTD_inBuffer input{in, std::min(in_size, wanted_), 0};
        ZSTD_outBuffer output{out, out_size, 0};
        size_t rc = ZSTD_decompressStream(d_, &output, &input);
        step s{input.pos, output.pos, status::more, {}};
        if (ZSTD_isError(rc)) {
            s.result = status::failed;
            s.error = ZSTD_getErrorName(rc);
        } else if (rc == 0) {
            s.result = status::stream_end;  // a frame decoded and all its output handed out
        } else {
            wanted_ = rc;
        }
        return s;
    }

private:
    ZSTD_DStream* d_ = nullptr;
    size_t wanted_ = 1;  // a new frame: its header says how much comes next
};

class bzip2_decoder final : public decoder {
public:
    ~bzip2_decoder() override {
        if (initialised_) BZ2_bzDecompressEnd(&b_);
    }
    bool start(std::string& error) override {
        if (initialised_) BZ2_bzDecompressEnd(&b_);
        b_ = bz_stream{};
        initialised_ = BZ2_bzDecompressInit(&b_, 0, 0) == BZ_OK;
        if (!initialised_) error = "cannot start decompressing: out of memory";
        return initialised_;
    }
    step run(const unsigned char* in, size_t in_size, char* out, size_t out_size) override {
        b_.next_in = reinterpret_cast<char*>(const_cast<unsigned char*>(in));
        b_.avail_in = static_cast<unsigned>(std::min<size_t>(in_size, UINT_MAX));
        b_.next_out = out;
        b_.avail_out = static_cast<unsigned>(std::min<size_t>(out_size, UINT_MAX));
        const unsigned in_before = b_.avail_in, out_before = b_.avail_out;
        int rc = BZ2_bzDecompress(&b_);
        step s{in_before - b_.avail_in, out_before - b_.avail_out, status::more, {}};
        switch (rc) {
        case BZ_OK: break;
        case BZ_STREAM_END: s.result = status::stream_end; break;
        case BZ_DATA_ERROR_MAGIC: s.result = status::failed; s.error = "not a bzip2 stream header"; break;
        case BZ_DATA_ERROR: s.result = status::failed; s.error = "data integrity error"; break;
        case BZ_MEM_ERROR: s.result = status::failed; s.error = "out of memory"; break;
        default: s.result = status::failed; s.error = fmt::format("libbz2 error {}", rc); break;
        }
        return s;
    }

private:
    bz_stream b_{};
    bool initialised_ = false;
};

std::unique_ptr<decoder> make_decoder(compression kind) {
    switch (kind) {
    case compression::xz: return std::make_unique<xz_decoder>();
    case compression::zstd: return std::make_unique<zstd_decoder>();
    case compression::bzip2: return std::make_unique<bzip2_decoder>();
    default: return std::make_unique<gzip_decoder>();
    }
}

class decompress_source final : public byte_source {
public:
    decompress_source(std::unique_ptr<byte_source> compressed, compression kind)
        : byte_source(compressed->name()),
          compressed_(std::move(compressed)),
          format_(info(kind)),
          decoder_(make_decoder(kind)),
          input_(std::make_unique<unsigned char[]>(input_size)) {}

    ssize_t read(char* buffer, size_t size) override;

private:
    enum class state { between_streams, in_stream, ended, failed };

    void fail(std::string why) {
        error_ = std::move(why);
        state_ = state::failed;
    }
    // The offset in the compressed data of the next byte the decoder will look at.
    uint64_t position() const { return read_total_ - available_; }
    void fail_truncated() {
        fail(fmt::format("{} data ends unexpectedly (truncated?) after {} compressed bytes", format_.name, position()));
    }
    bool refill();
    void look_past_stream();

    std::unique_ptr<byte_source> compressed_;
    const format_info& format_;
    std::unique_ptr<decoder> decoder_;
    std::unique_ptr<unsigned char[]> input_;
    size_t next_ = 0;       // the next unused byte of input_
    size_t available_ = 0;  // unused bytes from next_ on
    state state_ = state::between_streams;
    bool input_ended_ = false;
    bool in_padding_ = false;  // zero bytes seen after the last stream
    uint64_t streams_ = 0;     // complete streams read
    uint64_t read_total_ = 0;  // compressed bytes read from the source
};

// Reads more compressed data after what is still unused (moved to the front). False at the end of
// the data, or on an error (then the source has failed).
bool decompress_source::refill() {
    if (next_ > 0) {
        std::memmove(input_.get(), input_.get() + next_, available_);
        next_ = 0;
    }
    ssize_t n = compressed_->read(reinterpret_cast<char*>(input_.get()) + available_, input_size - available_);
    if (n < 0) {
        fail(compressed_->error());
        return false;
    }
    if (n == 0) {
        input_ended_ = true;
        return false;
    }
    available_ += static_cast<size_t>(n);
    read_total_ += static_cast<uint64_t>(n);
    return true;
}

// At the start, and after each stream: what comes next decides between another stream, the end,
// and an error. Zero bytes after the last stream are padding (tape blocks, preallocated files, xz's
// stream padding), skipped in silence as gzip(1) does. Anything else after a stream is trailing
// garbage: gzip(1) warns and exits with 2; a source has no warnings, so it is an error here,
// reported after all the flows before it, with the same exit status. Nothing is lost by it.
void decompress_source::look_past_stream() {
    // Enough bytes to see a whole magic number, unless the data ends first.
    while (available_ < format_.magic.size() + 1 && !input_ended_ && state_ != state::failed) refill();
    if (state_ == state::failed) return;
    if (available_ == 0) {
        if (streams_ == 0 && !input_interrupted()) fail_truncated();
        else state_ = state::ended;
        return;
    }
    const std::string_view next(reinterpret_cast<const char*>(input_.get()) + next_, available_);
    if (streams_ == 0) {
        // Only a name (.gz, .xz, ...) brings us here without the magic.
        if (!starts_stream(format_.kind, next)) {
            fail(fmt::format("not in {} format", format_.name));
            return;
        }
    } else if (next[0] == 0 || in_padding_) {
        while (available_ > 0 && input_[next_] == 0) {
            ++next_;
            --available_;
        }
        in_padding_ = true;
        if (available_ == 0) return;  // more padding may follow, or the end
        fail(fmt::format("trailing garbage after {} data at compressed byte {}", format_.name, position()));
        return;
    } else if (!starts_stream(format_.kind, next.substr(0, std::min<size_t>(next.size(), 4)))) {
        fail(fmt::format("trailing garbage after {} data at compressed byte {}", format_.name, position()));
        return;
    }
    // A new stream: the decoder checks the rest of its header.
    std::string why;
    if (!decoder_->start(why)) {
        fail(why);
        return;
    }
    state_ = state::in_stream;
}

ssize_t decompress_source::read(char* buffer, size_t size) {
    size_t produced = 0;
    for (;;) {
        if (state_ == state::ended || size == 0) return static_cast<ssize_t>(produced);
        // An error comes after the bytes decompressed before it, on the next call.
        if (state_ == state::failed) return produced > 0 ? static_cast<ssize_t>(produced) : -1;
        if (state_ == state::between_streams) {
            // Reading more may block (a pipe): hand over what is ready first.
            if (produced > 0 && available_ < format_.magic.size() + 1 && !input_ended_)
                return static_cast<ssize_t>(produced);
            look_past_stream();
            continue;
        }
        if (available_ == 0) {
            if (!input_ended_) {
                if (produced > 0) return static_cast<ssize_t>(produced);
                refill();
                continue;
            }
            // Inside a stream, and the compressed data has ended. Interrupted (the source ended
            // early on purpose): an end, not damage.
            if (input_interrupted()) state_ = state::ended;
            else fail_truncated();
            continue;
        }
        decoder::step s = decoder_->run(input_.get() + next_, available_, buffer + produced, size - produced);
        next_ += s.in_used;
        available_ -= s.in_used;
        produced += s.out_made;
        switch (s.result) {
        case decoder::status::stream_end:
            ++streams_;
            state_ = state::between_streams;
            break;
        case decoder::status::failed:
            fail(fmt::format("corrupt {} data at compressed byte {}: {}", format_.name, position(), s.error));
            break;
        case decoder::status::more:
            if (produced == size) return static_cast<ssize_t>(produced);
            // Stuck with input left and room for output: the decoder wants more input than it
            // has (the rest of a header, say).
            if (s.in_used == 0 && s.out_made == 0) {
                if (input_ended_) fail_truncated();
                else if (produced > 0) return static_cast<ssize_t>(produced);
                else refill();
            }
            break;
        }
    }
}

}  // namespace

compression compression_of(std::string_view first) {
    for (const auto& f : formats)
        if (first.size() >= f.magic.size() && starts_stream(f.kind, first)) return f.kind;
    return compression::none;
}

compression compression_by_name(std::string_view path) {
    if (path.ends_with(".gz")) return compression::gzip;
    if (path.ends_with(".xz")) return compression::xz;
    if (path.ends_with(".zst")) return compression::zstd;
    if (path.ends_with(".bz2")) return compression::bzip2;
    return compression::none;
}

std::string_view compression_name(compression kind) { return kind == compression::none ? "plain" : info(kind).name; }

std::unique_ptr<byte_source> make_decompress_source(std::unique_ptr<byte_source> compressed, compression kind) {
    return std::make_unique<decompress_source>(std::move(compressed), kind);
}

}  // namespace flowgrep
