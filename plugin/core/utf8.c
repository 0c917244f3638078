/*
** utf8.c: UTF-8 decoding with U+FFFD substitution of maximal subparts.
*/
#include <string.h>

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

int tn_utf8_valid(const char *s, size_t n, size_t *bad)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, used;
    while (i < n) {
        uint64_t w;
        if (p[i] < 0x80) {
            if (n - i >= 8 && (memcpy(&w, p + i, 8), (w & 0x8080808080808080ull) == 0))
                i += 8;                             /* eight ASCII bytes */
            else
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
