#ifndef DISTILLSCAN_CBYTESCAN_H
#define DISTILLSCAN_CBYTESCAN_H
/* The JSON tape's string scan, 16 bytes at a time with SSE2 (part of every x86-64 CPU).
   Header-only and static inline, so Swift inlines it into the parser: written in Swift,
   SIMD16 comparisons compiled to a per-lane loop (docs/performance.md). Other CPUs get
   the 8-byte word scan the parser used before. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* The first offset in [i, n) of p whose byte is a quote, a backslash, a control byte
   (< 0x20) or a non-ASCII byte (>= 0x80); n when there is none. Reads only p[i..<n]. */
static inline size_t distill_json_string_special(const uint8_t *p, size_t i, size_t n) {
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"'), slash = _mm_set1_epi8('\\'), space = _mm_set1_epi8(0x20);
    while (i + 16 <= n) {
        __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
        /* Signed compare: below 0x20 catches control bytes and, as negatives, non-ASCII. */
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, slash)), _mm_cmplt_epi8(v, space));
        unsigned mask = (unsigned)_mm_movemask_epi8(hit);
        if (mask != 0) return i + (size_t)__builtin_ctz(mask);
        i += 16;
    }
#endif
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    while (i + 8 <= n) {
        uint64_t w;
        memcpy(&w, p + i, 8); /* little-endian on every target distillscan builds for */
        uint64_t q = w ^ (ones * 0x22), s = w ^ (ones * 0x5C);
        uint64_t special = (((q - ones) & ~q) | ((s - ones) & ~s) | (w - ones * 0x20) | w) & highs;
        if (special != 0) return i + (size_t)(__builtin_ctzll(special) >> 3);
        i += 8;
    }
    while (i < n) {
        uint8_t c = p[i];
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) return i;
        i += 1;
    }
    return n;
}
#endif
