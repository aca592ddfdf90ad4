// A small gzip file inflated whole, in one libdeflate call: well over twice as fast as zlib's
// streaming, which gzip input is otherwise bound by. Only data it can vouch for (one sound member,
// nothing after it) is read this way; all else goes to the streaming source (decompress_source.h),
// so that what is handed out, and any error, stays exactly what the streaming source gives.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace flowgrep {

class byte_source;

// How large a gzip file may be to be read whole. Hubble's exporter rotates its file at 10 MB by
// default (--hubble-export-file-max-size-mb) and, with --hubble-export-file-compress, gzips the
// backups: each is one small member, and fits many times over. The whole output must sit in memory
// at once, so a big one-member .gz (its trailer gives the size) keeps streaming through zlib, in
// 512 KiB of input at a time; so does a big file of many members, whose compressed bytes would all
// be held while zlib read them. The most held at once is max_file + max_output.
struct whole_gzip_limits {
    uint64_t max_file = uint64_t{16} << 20;    // compressed bytes
    uint64_t max_output = uint64_t{64} << 20;  // the trailer's ISIZE
};

// Whether a gzip file of `file_size` bytes, the last four of which are `trailer`, is small enough
// to read whole. The trailer's ISIZE is the size of the last member only (mod 2^32), so a file of
// several members passes or not by its last one; inflate_whole_gzip() finds out which it is.
bool whole_gzip_fits(uint64_t file_size, std::string_view trailer, const whole_gzip_limits& limits);

// Inflates `compressed`, all of a gzip file, at once: a source named `name` that hands out the
// result, or null when the data is anything but one member that decodes to exactly what its
// trailer says and ends the file (several members, bytes after it, damage, a lying trailer, a
// header checksum that zlib would check), or when memory runs short. Null keeps nothing: the
// caller streams the same bytes, and the streaming source reports what is wrong, as it always has.
std::unique_ptr<byte_source> inflate_whole_gzip(const std::string& name, std::string_view compressed,
                                                const whole_gzip_limits& limits);

}  // namespace flowgrep
