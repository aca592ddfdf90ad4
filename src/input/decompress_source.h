// Compressed input (gzip, xz, zstd, bzip2): decompresses what another source reads, on the fly, as
// one stream of bytes. Streams (members, frames) one after the other (`cat a.gz b.gz`) read as one,
// as `gzip -d` and its kin read them. One source does the framing; each format is a small back end.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>

#include "input/byte_source.h"

namespace flowgrep {

enum class compression { none, gzip, xz, zstd, bzip2 };

// The longest magic number of the formats: how many first bytes compression_of() wants to see.
constexpr size_t compression_magic_size = 6;

// The format whose magic bytes `first` starts with (none if it is none of them, or too short).
compression compression_of(std::string_view first);
// The format a file name says by its ending (.gz, .xz, .zst, .bz2), or none.
compression compression_by_name(std::string_view path);
// "gzip", "xz", "zstd", "bzip2", as in messages.
std::string_view compression_name(compression kind);

// Reads `kind` data from `compressed`; takes its name. Damaged data ends the source with an error
// that says what and at which compressed byte, after handing out everything decompressed before it.
std::unique_ptr<byte_source> make_decompress_source(std::unique_ptr<byte_source> compressed, compression kind);

}  // namespace flowgrep
