// Gzip input: decompresses what another source reads, on the fly, as one stream of bytes. Several
// members one after the other (`cat a.gz b.gz`) read as one, as gzip -d reads them.
#pragma once

#include <memory>

#include "input/byte_source.h"

namespace flowgrep {

// Reads gzip data from `compressed`; takes its name. Damaged data ends the source with an error that
// says what and at which compressed byte, after handing out everything decompressed before it.
std::unique_ptr<byte_source> make_gzip_source(std::unique_ptr<byte_source> compressed);

}  // namespace flowgrep
