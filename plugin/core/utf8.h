/*
** utf8.h: UTF-8 decoding and encoding used by every part of toponorm.
**
** Decoding never fails: each ill-formed sequence (stray continuation byte,
** overlong form, encoded surrogate, value above U+10FFFF, truncated
** sequence) yields U+FFFD and consumes the maximal ill-formed subpart, as
** Unicode (chapter 3, "U+FFFD substitution of maximal subparts") and ICU
** do, so offsets agree with ICU's UText.
*/
#ifndef TN_UTF8_H
#define TN_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define TN_REPLACEMENT 0xFFFDu

/* Decode one code point from s[0..n) (n > 0); store its byte length in *used. */
uint32_t tn_utf8_decode(const unsigned char *s, size_t n, size_t *used);

/* tn_utf8_decode with the common one- and two-byte cases inline. */
static inline uint32_t tn_utf8_next(const unsigned char *s, size_t n, size_t *used)
{
    if (s[0] < 0x80) {
        *used = 1;
        return s[0];
    }
    if (s[0] >= 0xC2 && s[0] <= 0xDF && n >= 2 && (s[1] & 0xC0) == 0x80) {
        *used = 2;
        return (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
    }
    return tn_utf8_decode(s, n, used);
}

/* Encode cp (a valid scalar value) into out (room for 4 bytes); return bytes written. */
size_t tn_utf8_encode(uint32_t cp, char *out);

/* 1 if s[0..n) is well-formed UTF-8, else 0; *bad gets the offset of the first bad byte. */
int tn_utf8_valid(const char *s, size_t n, size_t *bad);

#if defined(__SSE2__)
#include <emmintrin.h>
/*
** For the 16 bytes v, whose high-bit bytes are the mask high and the leads
** of two-byte characters among them the mask lead (one bit per byte, the
** caller's notion of a lead): the bytes that are whole such characters from
** the start, 16 (15 when the last byte is a lead whose continuation is in
** the next block), or 0 when a high-bit byte is neither lead nor its
** continuation.  The 16-byte step of utf8.c's and fastseg.c's scans.
*/
static inline size_t tn_utf8_pairs16(__m128i v, unsigned high, unsigned lead)
{
    unsigned cont = (unsigned)_mm_movemask_epi8(
        _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xC0)), _mm_set1_epi8((char)0x80)));
    if ((lead | cont) != high || cont != ((lead << 1) & 0xFFFF))
        return 0;
    return 16 - (lead >> 15);
}
#endif

#endif
