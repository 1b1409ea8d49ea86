#ifndef DISTILLSCAN_PHRASEFILTER_H
#define DISTILLSCAN_PHRASEFILTER_H
/* The phrase filter's scan (ShiftOrPhraseFilter in DistillProfile): a shift-or over byte
   pairs, eight positions per test. Header-only and static inline, like bytescan.h. On
   x86-64 (SSE2, with 64-bit moves between vector and general registers) the pair hashes
   of 16 bytes are computed at once and a block's masks are combined in one 128-bit
   register; other CPUs take the scalar blocks. */
#include <stddef.h>
#include <stdint.h>
#if defined(__SSE2__) && defined(__x86_64__)
#define DISTILL_PHRASE_SSE2 1
#include <emmintrin.h>
#endif

/* A byte pair's index into the masks: 12 bits. The bytes are already folded (| 0x20). */
static inline uint16_t distill_phrase_pair(uint8_t before, uint8_t byte) {
    return (uint16_t)((((unsigned)before << 4) ^ byte) & 0xFFF);
}

/* One block of eight positions whose pair indexes are idx[0..<count] (1 <= count <= 8;
   the positions past count are no phrase's end). A mask's group g (bits 8g..8g+7) is clear
   for the buckets with a phrase whose pair 7 - g bytes before its end is this one.
   Placing position k's mask at bit 64 - 8k of a 128-bit word lines up, for every k, the
   groups that end a phrase at position k: the high half holds position k's eight
   checks at bits 56 - 8k, the low half what the next block's positions inherit.
   Returns the high half (a clear bit is a candidate) and leaves the low half in *carry. */
static inline uint64_t distill_phrase_block(const uint64_t *masks, const uint16_t *idx, size_t count, uint64_t *carry) {
    uint64_t high = *carry | masks[idx[0]], low = 0;
    for (size_t k = 1; k < 8; k++) {
        uint64_t m = k < count ? masks[idx[k]] : ~(uint64_t)0;
        high |= m >> (8 * k);
        low |= m << (64 - 8 * k);
    }
    *carry = low;
    return high;
}

/* Scans p[*at..<n) in blocks of eight bytes up to the first block with a candidate:
   returns that block's checks (position k's at bits 56 - 8k, a clear bit per candidate
   bucket) and its first offset in *start, or all ones at the end. *at, *carry (what the
   last block passes on) and *before (the last byte, folded) carry the scan from call to
   call; start them at 0, 0 and 0x20. `masks` has 4096 entries. Reads only p[*at..<n]. */
static inline uint64_t distill_phrase_filter_next(const uint8_t *p, size_t n, const uint64_t *masks,
                                                  size_t *at, uint64_t *carry, uint8_t *before, size_t *start) {
    size_t i = *at;
    uint64_t c = *carry;
    uint8_t prev = *before;
    uint16_t idx[16];
#if defined(DISTILL_PHRASE_SSE2)
    const __m128i fold = _mm_set1_epi8(0x20), low = _mm_set1_epi16(0xFF), ones = _mm_set1_epi8(-1);
    /* distill_phrase_block's 128-bit word in one register: position k's mask shifted
       left by 8 - k bytes, the block before moved up by 8. */
    __m128i z = _mm_set_epi64x(0, (long long)c);
    while (i + 16 <= n) {
        __m128i v = _mm_or_si128(_mm_loadu_si128((const __m128i *)(p + i)), fold);
        __m128i vp = _mm_or_si128(_mm_slli_si128(v, 1), _mm_cvtsi32_si128(prev));
        /* 16-bit lanes: the byte before in the low half, the byte in the high half. */
        __m128i a = _mm_unpacklo_epi8(vp, v), b = _mm_unpackhi_epi8(vp, v);
        a = _mm_xor_si128(_mm_slli_epi16(_mm_and_si128(a, low), 4), _mm_srli_epi16(a, 8));
        b = _mm_xor_si128(_mm_slli_epi16(_mm_and_si128(b, low), 4), _mm_srli_epi16(b, 8));
        _mm_storeu_si128((__m128i *)idx, a);
        _mm_storeu_si128((__m128i *)(idx + 8), b);
        for (int half = 0; half < 16; half += 8) {
            const uint16_t *x = idx + half;
            __m128i z0 = _mm_or_si128(_mm_slli_si128(z, 8), _mm_slli_si128(_mm_loadl_epi64((const __m128i *)(masks + x[0])), 8));
            __m128i z1 = _mm_or_si128(_mm_slli_si128(_mm_loadl_epi64((const __m128i *)(masks + x[1])), 7), _mm_slli_si128(_mm_loadl_epi64((const __m128i *)(masks + x[2])), 6));
            __m128i z2 = _mm_or_si128(_mm_slli_si128(_mm_loadl_epi64((const __m128i *)(masks + x[3])), 5), _mm_slli_si128(_mm_loadl_epi64((const __m128i *)(masks + x[4])), 4));
            __m128i z3 = _mm_or_si128(_mm_slli_si128(_mm_loadl_epi64((const __m128i *)(masks + x[5])), 3), _mm_slli_si128(_mm_loadl_epi64((const __m128i *)(masks + x[6])), 2));
            z3 = _mm_or_si128(z3, _mm_slli_si128(_mm_loadl_epi64((const __m128i *)(masks + x[7])), 1));
            z = _mm_or_si128(_mm_or_si128(z0, z1), _mm_or_si128(z2, z3));
            if ((_mm_movemask_epi8(_mm_cmpeq_epi8(z, ones)) & 0xFF00) != 0xFF00) {
                size_t s0 = i + (size_t)half;
                *at = s0 + 8; *carry = (uint64_t)_mm_cvtsi128_si64(z); *before = p[s0 + 7] | 0x20; *start = s0;
                return (uint64_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(z, z));
            }
        }
        prev = p[i + 15] | 0x20;
        i += 16;
    }
    c = (uint64_t)_mm_cvtsi128_si64(z);
#endif
    while (i < n) {
        size_t count = n - i < 8 ? n - i : 8;
        for (size_t k = 0; k < count; k++) {
            uint8_t byte = p[i + k] | 0x20;
            idx[k] = distill_phrase_pair(prev, byte);
            prev = byte;
        }
        uint64_t h = distill_phrase_block(masks, idx, count, &c);
        size_t s = i;
        i += count;
        if (h != ~(uint64_t)0) {
            *at = i; *carry = c; *before = prev; *start = s;
            return h;
        }
    }
    *at = n; *carry = c; *before = prev;
    return ~(uint64_t)0;
}
#endif
