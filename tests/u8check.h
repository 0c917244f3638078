/*
** u8check.h: UTF-8 well-formedness for the tests, written apart from the
** library's plugin/core/utf8.c on purpose, so a bug there cannot hide
** itself in the tests.  Header-only; used by tests/unit and tests/fuzz.
*/
#ifndef TOPONORM_U8CHECK_H
#define TOPONORM_U8CHECK_H

#include <stddef.h>

/* One decoding step of UTF-8 with U+FFFD substitution of maximal subparts
** (Unicode chapter 3): the byte length of the character or ill-formed
** subpart at s[0..n), and whether it was well-formed. */
static inline size_t u8_step(const unsigned char *s, size_t n, int *valid)
{
    unsigned char b = s[0], lo = 0x80, hi = 0xBF;
    size_t need, i;
    *valid = 0;
    if (b < 0x80) {
        *valid = 1;
        return 1;
    }
    if (b >= 0xC2 && b <= 0xDF) {
        need = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
        need = 2;
        if (b == 0xE0) lo = 0xA0;
        if (b == 0xED) hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
        need = 3;
        if (b == 0xF0) lo = 0x90;
        if (b == 0xF4) hi = 0x8F;
    } else {
        return 1;
    }
    for (i = 1; i <= need; i++) {
        if (i >= n)
            return i;
        if (i == 1 ? (s[i] < lo || s[i] > hi) : (s[i] & 0xC0) != 0x80)
            return i;
    }
    *valid = 1;
    return need + 1;
}

/* Is s[0..n) well-formed UTF-8? */
static inline int u8_valid(const char *s, size_t n)
{
    size_t i = 0;
    int v;
    while (i < n) {
        i += u8_step((const unsigned char *)s + i, n - i, &v);
        if (!v)
            return 0;
    }
    return 1;
}

#endif
