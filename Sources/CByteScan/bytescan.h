#ifndef DISTILLSCAN_CBYTESCAN_H
#define DISTILLSCAN_CBYTESCAN_H
/* The JSON tape's string scan, 16 bytes at a time with SSE2 (part of every x86-64 CPU),
   and 32 at a time with AVX2 where the CPU has it (checked once at run time: the binary
   still runs on every x86-64 CPU). Header-only and static inline, so Swift inlines it into
   the parser: written in Swift, SIMD16 comparisons compiled to a per-lane loop
   (docs/performance.md). Other CPUs get the 8-byte word scan the parser used before. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__SSE2__) && defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#define DISTILL_JSON_AVX2 1
#include <cpuid.h>
#include <immintrin.h>
#endif

/* Whether the CPU and the operating system support AVX2 (CPUID leaf 7, and the YMM
   state enabled in XCR0): the parser reads it once and passes it to every scan. */
static inline int distill_cpu_has_avx2(void) {
#if defined(DISTILL_JSON_AVX2)
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_OSXSAVE) || !(c & bit_AVX)) return 0;
    unsigned lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    if ((lo & 6) != 6) return 0;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
    return (b & bit_AVX2) != 0;
#else
    return 0;
#endif
}

#if defined(DISTILL_JSON_AVX2)
/* The 32-byte blocks of the scan below, from i while a whole block is left: the offset of
   the first special byte (*found = 1), or where the blocks ended (*found = 0). Compiled for
   AVX2 alone (a call, not inlined): called only when distill_cpu_has_avx2() said so. */
__attribute__((target("avx2"))) static size_t distill_json_string_special_avx2(const uint8_t *p, size_t i, size_t n, int *found) {
    const __m256i quote = _mm256_set1_epi8('"'), slash = _mm256_set1_epi8('\\'), space = _mm256_set1_epi8(0x20);
    while (i + 32 <= n) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(p + i));
        /* As the SSE2 blocks: a signed compare catches control bytes and non-ASCII bytes. */
        __m256i hit = _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, quote), _mm256_cmpeq_epi8(v, slash)), _mm256_cmpgt_epi8(space, v));
        unsigned mask = (unsigned)_mm256_movemask_epi8(hit);
        if (mask != 0) {
            *found = 1;
            return i + (size_t)__builtin_ctz(mask);
        }
        i += 32;
    }
    *found = 0;
    return i;
}
#endif

/* The first offset in [i, n) of p whose byte is a quote, a backslash, a control byte
   (< 0x20) or a non-ASCII byte (>= 0x80); n when there is none. Reads only p[i..<n].
   `wide`: distill_cpu_has_avx2()'s answer. Most strings (keys, ids) end within their first
   16 bytes, checked inline; a longer one (a prompt) goes on 32 bytes at a time. */
static inline size_t distill_json_string_special(const uint8_t *p, size_t i, size_t n, int wide) {
    (void)wide;
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"'), slash = _mm_set1_epi8('\\'), space = _mm_set1_epi8(0x20);
    while (i + 16 <= n) {
        __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
        /* Signed compare: below 0x20 catches control bytes and, as negatives, non-ASCII. */
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, slash)), _mm_cmplt_epi8(v, space));
        unsigned mask = (unsigned)_mm_movemask_epi8(hit);
        if (mask != 0) return i + (size_t)__builtin_ctz(mask);
        i += 16;
#if defined(DISTILL_JSON_AVX2)
        /* Past the first block, the 32-byte blocks take over while a whole one is left
           (once they end, fewer than 32 bytes are: this is not taken again). */
        if (wide && i + 32 <= n) {
            int found;
            i = distill_json_string_special_avx2(p, i, n, &found);
            if (found) return i;
        }
#endif
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
