/*
** fastseg.h: UAX #29 word boundaries for lines of simple characters (fastseg.c).
*/
#ifndef TN_FASTSEG_H
#define TN_FASTSEG_H

#include <stddef.h>
#include <stdint.h>

/* 1 if every character of s[0..n) is one fastseg.c handles exactly. */
int tn_fastseg_simple(const char *s, size_t n);

/*
** The end of the segment that starts at pos in the simple line s[0..n)
** (pos < n); *word is non-zero when ICU would call it a word (rule status
** not UBRK_WORD_NONE).
*/
size_t tn_fastseg_next(const char *s, size_t n, size_t pos, int *word);

/*
** The first position from pos on in the simple line s[0..n) holding a
** non-ASCII byte, an ASCII letter, digit or _, or one of - ' ` ": the bytes
** before it are segments that are neither words nor joiners (segment.h).
** Inline: it runs between every two words.
*/
static inline size_t tn_fastseg_skip(const char *s, size_t n, size_t pos)
{
    /* The ASCII bytes it stops at, bit b & 63 of word b >> 6: those that
    ** start a word (letters, @, digits, _) and the joiners. */
#define TN_BIT(c) ((uint64_t)1 << ((c) & 63))
    static const uint64_t stop[2] = {
        TN_BIT('"') | TN_BIT('\'') | TN_BIT('-') | (TN_BIT('9') * 2 - TN_BIT('0')),
        TN_BIT('@') | (TN_BIT('Z') * 2 - TN_BIT('A')) | TN_BIT('_') | TN_BIT('`') |
            (TN_BIT('z') * 2 - TN_BIT('a')),
    };
#undef TN_BIT
    while (pos < n) {
        unsigned char b = (unsigned char)s[pos];
        if (b >= 0x80 || (stop[b >> 6] >> (b & 63)) & 1)
            break;
        pos++;
    }
    return pos;
}

#endif
