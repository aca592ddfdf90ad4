// find_bytes: the two-byte filter, with AVX2 where the CPU has it (chosen once, at the first call)
// and SSE2 otherwise; memmem where neither applies (other CPUs, needles of one byte).
#include "text/find_bytes.h"

#include <cstring>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define FLOWGREP_FIND_BYTES_SIMD 1
#endif

namespace flowgrep {

namespace {

// Inner bytes rather than the ends: the needles are mostly quoted, and quotes are everywhere in JSON.
struct probe_bytes {
    std::size_t first;
    std::size_t last;
    explicit probe_bytes(std::size_t n) : first(n > 2 ? 1 : 0), last(n > 3 ? n - 2 : n - 1) {}
};

// From `i` on, one byte at a time: for the last bytes, where memmem's set-up would cost more than
// its search.
const char* find_from(const char* s, std::size_t size, std::string_view needle, std::size_t i) {
    const std::size_t n = needle.size();
    for (; i + n <= size; ++i)
        if (s[i] == needle[0] && std::memcmp(s + i, needle.data(), n) == 0) return s + i;
    return nullptr;
}

#if FLOWGREP_FIND_BYTES_SIMD

// Checks the candidates of one block: bit k of `mask` says both bytes agree for a start at i + k.
inline const char* check(const char* s, std::size_t size, std::string_view needle, std::size_t i, unsigned mask) {
    while (mask != 0) {
        const std::size_t at = i + static_cast<std::size_t>(__builtin_ctz(mask));
        if (at + needle.size() <= size && std::memcmp(s + at, needle.data(), needle.size()) == 0) return s + at;
        mask &= mask - 1;
    }
    return nullptr;
}

const char* find_sse2(const char* s, std::size_t size, std::string_view needle) {
    const probe_bytes p(needle.size());
    const __m128i want_first = _mm_set1_epi8(needle[p.first]);
    const __m128i want_last = _mm_set1_epi8(needle[p.last]);
    std::size_t i = 0;
    for (; i + p.last + 16 <= size; i += 16) {
        const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i + p.first));
        const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i + p.last));
        const auto mask = static_cast<unsigned>(
            _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, want_first), _mm_cmpeq_epi8(b, want_last))));
        if (mask != 0)
            if (const char* at = check(s, size, needle, i, mask)) return at;
    }
    return find_from(s, size, needle, i);
}

[[gnu::target("avx2")]] const char* find_avx2(const char* s, std::size_t size, std::string_view needle) {
    const probe_bytes p(needle.size());
    const __m256i want_first = _mm256_set1_epi8(needle[p.first]);
    const __m256i want_last = _mm256_set1_epi8(needle[p.last]);
    std::size_t i = 0;
    for (; i + p.last + 32 <= size; i += 32) {
        const __m256i a = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + i + p.first));
        const __m256i b = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + i + p.last));
        const auto mask = static_cast<unsigned>(
            _mm256_movemask_epi8(_mm256_and_si256(_mm256_cmpeq_epi8(a, want_first), _mm256_cmpeq_epi8(b, want_last))));
        if (mask != 0)
            if (const char* at = check(s, size, needle, i, mask)) return at;
    }
    return find_sse2(s + i, size - i, needle);
}

using finder = const char* (*)(const char*, std::size_t, std::string_view);
// Chosen during static initialisation, which is when __builtin_cpu_init must be called first.
const finder best = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") ? find_avx2 : find_sse2;
}();

#endif

}  // namespace

const char* find_bytes(std::string_view haystack, std::string_view needle) {
#if FLOWGREP_FIND_BYTES_SIMD
    if (needle.size() >= 2) return best(haystack.data(), haystack.size(), needle);
#endif
    return static_cast<const char*>(memmem(haystack.data(), haystack.size(), needle.data(), needle.size()));
}

}  // namespace flowgrep
