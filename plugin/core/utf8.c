/*
** utf8.c: UTF-8 decoding with U+FFFD substitution of maximal subparts.
*/
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "utf8.h"

uint32_t tn_utf8_decode(const unsigned char *s, size_t n, size_t *used)
{
    unsigned char b = s[0];
    uint32_t cp;
    size_t need, i;
    unsigned char lo = 0x80, hi = 0xBF;   /* allowed range of the second byte */

    if (b < 0x80) {
        *used = 1;
        return b;
    }
    if (b >= 0xC2 && b <= 0xDF) {
        need = 1; cp = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
        need = 2; cp = b & 0x0F;
        if (b == 0xE0) lo = 0xA0;          /* no overlong 3-byte forms */
        if (b == 0xED) hi = 0x9F;          /* no surrogates */
    } else if (b >= 0xF0 && b <= 0xF4) {
        need = 3; cp = b & 0x07;
        if (b == 0xF0) lo = 0x90;          /* no overlong 4-byte forms */
        if (b == 0xF4) hi = 0x8F;          /* nothing above U+10FFFF */
    } else {
        *used = 1;                         /* 80..C1, F5..FF never start a sequence */
        return TN_REPLACEMENT;
    }
    for (i = 1; i <= need; i++) {
        unsigned char c;
        if (i >= n) {
            *used = i;
            return TN_REPLACEMENT;
        }
        c = s[i];
        if (i == 1 ? (c < lo || c > hi) : (c < 0x80 || c > 0xBF)) {
            *used = i;
            return TN_REPLACEMENT;
        }
        cp = (cp << 6) | (c & 0x3F);
    }
    *used = need + 1;
    return cp;
}

size_t tn_utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* 0x80 in each byte of x that is zero, 0 in the others (exact). */
static uint64_t zero_bytes(uint64_t x)
{
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7Full;
    return ~(((x & low7) + low7) | x) & ~low7;
}

/*
** How many of the 8 bytes w (starting at a character boundary) are ASCII
** or complete two-byte sequences (C2..DF, 80..BF): 8, 7 when the last byte
** starts one, or 0 when any byte is something else.  Each continuation
** byte must follow a lead byte, and each lead byte but the last precede one.
*/
static size_t valid8(uint64_t w)
{
    const uint64_t high = 0x8080808080808080ull;
    uint64_t lead = zero_bytes((w & 0xE0E0E0E0E0E0E0E0ull) ^ 0xC0C0C0C0C0C0C0C0ull) &
                    ~zero_bytes((w & 0xFEFEFEFEFEFEFEFEull) ^ 0xC0C0C0C0C0C0C0C0ull);
    uint64_t cont = zero_bytes((w & 0xC0C0C0C0C0C0C0C0ull) ^ high);
    if ((lead | cont) != (w & high) || cont != lead << 8)
        return 0;
    return 8 - (size_t)(lead >> 63);
}

#if defined(__SSE2__)
/* valid8 for the 16 bytes at s, with SSE2 (every x86-64 CPU has it). */
static inline size_t valid16(const unsigned char *s)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
    unsigned high = (unsigned)_mm_movemask_epi8(v), lead;
    if (!high)
        return 16;
    lead = (unsigned)_mm_movemask_epi8(_mm_andnot_si128(
        _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xFE)), _mm_set1_epi8((char)0xC0)),
        _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xE0)), _mm_set1_epi8((char)0xC0))));
    return tn_utf8_pairs16(v, high, lead);
}
#endif

int tn_utf8_valid(const char *s, size_t n, size_t *bad)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, used;
    while (i < n) {
        uint64_t w;
        size_t k;
#if defined(__SSE2__)
        if (n - i >= 16 && (k = valid16(p + i)) != 0) {
            i += k;
            continue;
        }
#endif
        /* Eight bytes at a time while they are ASCII and two-byte sequences
        ** (all of Cyrillic): lexicons and most text are made of them. */
        if (n - i >= 8 && (memcpy(&w, p + i, 8), (k = valid8(w)) != 0)) {
            i += k;
            continue;
        }
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        /* Two-byte sequences (all of Cyrillic) inline: lexicons are full of them. */
        if (p[i] >= 0xC2 && p[i] <= 0xDF && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
            i += 2;
            continue;
        }
        if (tn_utf8_decode(p + i, n - i, &used) == TN_REPLACEMENT &&
            !(used == 3 && p[i] == 0xEF && p[i + 1] == 0xBF && p[i + 2] == 0xBD)) {
            if (bad)
                *bad = i;
            return 0;
        }
        i += used;
    }
    return 1;
}
