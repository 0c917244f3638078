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

#endif
