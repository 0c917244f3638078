/*
** fastseg.c: Unicode word boundaries (UAX #29) for lines made only of
** "simple" characters, without ICU.
**
** Why: ICU's rule-based iterator costs ~110 instructions a byte, more than
** the rest of the analysis of a typical word.  Most news and man-page text
** is ASCII, Cyrillic and a few punctuation marks, where UAX #29 reduces to a
** handful of rules:
**
**   WB3   CR x LF;  WB3a/3b  break around CR, LF and other newlines
**   WB3d  keep runs of spaces together
**   WB5   letter x letter          WB8   digit x digit
**   WB6/7 letter x (MidLetter | MidNumLet | ') x letter
**   WB9/10 letter x digit, digit x letter
**   WB11/12 digit x (MidNum | MidNumLet | ') x digit
**   WB13a/b  _ joins letters and digits
** plus two ICU tailorings the differential test found: '@' is a letter
** (e-mail addresses), and a lone "_" is not a word.
**   WB999 break everywhere else
**
** A line holding any other character (combining marks, format characters,
** scripts with dictionary breaking, emoji, ill-formed UTF-8, ...) is left
** to ICU (segment.c).  UAX #29 always breaks after a newline, so lines are
** independent and the result equals ICU's over the whole text;
** tests/seg/test_fastseg.c checks that against ICU on generated and real text.
*/
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "fastseg.h"
#include "../core/chars.h"
#include "../core/utf8.h"

/* Word_Break classes of the simple characters. */
enum {
    C_COMPLEX = 0, /* not simple: the line goes to ICU */
    C_OTHER,       /* breaks on both sides */
    C_LETTER,      /* ALetter */
    C_NUM,         /* Numeric */
    C_MIDLETTER,   /* MidLetter */
    C_MIDNUMLET,   /* MidNumLet, and Single_Quote (') which acts the same here */
    C_MIDNUM,      /* MidNum */
    C_EXNL,        /* ExtendNumLet (_) */
    C_SPACE,       /* WSegSpace (U+0020) */
    C_CR,
    C_NEWLINE      /* LF, VT, FF: a break before and after */
};

/* ASCII classes, U+0000..U+007F. */
static const unsigned char ascii_class[128] = {
    /* controls: Other, but for LF VT FF CR */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, C_NEWLINE, C_NEWLINE, C_NEWLINE, C_CR, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    /*  sp      !  "  #  $  %  &  '            (  )  *  +  ,         -  .            / */
    C_SPACE, 1, 1, 1, 1, 1, 1, C_MIDNUMLET, 1, 1, 1, 1, C_MIDNUM, 1, C_MIDNUMLET, 1,
    /* 0-9, then : ; < = > ? (ICU's root rules leave ':' out of MidLetter) */
    C_NUM, C_NUM, C_NUM, C_NUM, C_NUM, C_NUM, C_NUM, C_NUM, C_NUM, C_NUM,
    1, C_MIDNUM, 1, 1, 1, 1,
    /* @ A-Z [ \ ] ^ _   (ICU's rules count @ as a letter, for e-mail addresses) */
    C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER,
    C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER,
    C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER,
    C_LETTER, C_LETTER, C_LETTER, 1, 1, 1, 1, C_EXNL,
    /* ` a-z { | } ~ DEL */
    1, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER,
    C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER,
    C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER,
    C_LETTER, C_LETTER, C_LETTER, 1, 1, 1, 1, 1,
};

/* The class of a non-ASCII code point (C_COMPLEX when not simple). */
static int wide_class(uint32_t c)
{
    if (tn_is_cyrillic_letter(c))
        return C_LETTER;                             /* Cyrillic letters */
    if ((c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
        c == 0xAA || c == 0xB5 || c == 0xBA || (c >= 0x2B9 && c <= 0x2BC))
        return C_LETTER;                             /* Latin letters, ʹ ʺ ʻ ʼ */
    switch (c) {
    case 0xB7:                                       /* · */
        return C_MIDLETTER;
    case 0x2018: case 0x2019: case 0x2024:           /* ‘ ’ ․ */
        return C_MIDNUMLET;
    case 0xAB: case 0xBB: case 0x2013: case 0x2014: case 0x2022: case 0x2026:
    case 0x201C: case 0x201D: case 0x201E: case 0x2116: case 0xA9: case 0xB0:
        return C_OTHER;      /* « » – — • … “ ” „ № © °: also tn_seg_other_at (segment.h) */
    }
    return C_COMPLEX;
}

/* Class and byte length of the code point at s[0..n). */
static int class_at(const char *s, size_t n, size_t *len)
{
    unsigned char b = (unsigned char)s[0];
    uint32_t c;
    if (b < 0x80) {
        *len = 1;
        return ascii_class[b];
    }
    c = tn_utf8_next((const unsigned char *)s, n, len);
    if (c == TN_REPLACEMENT)
        return C_COMPLEX;                            /* ill-formed, or a real U+FFFD */
    return wide_class(c);
}

/*
** class_at with the two cases that make up most text inline: ASCII, and
** D0 xx / D1 xx, U+0400..U+047F, every one a Cyrillic letter.
*/
static inline int class_fast(const char *s, size_t n, size_t *len)
{
    unsigned char b = (unsigned char)s[0];
    if (b < 0x80) {
        *len = 1;
        return ascii_class[b];
    }
    if ((b == 0xD0 || b == 0xD1) && n >= 2 && ((unsigned char)s[1] & 0xC0) == 0x80) {
        *len = 2;
        return C_LETTER;
    }
    return class_at(s, n, len);
}

/* 0x80 in each byte of x that is zero, 0 in the others (exact). */
static inline uint64_t zero_bytes(uint64_t x)
{
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7Full;
    return ~(((x & low7) + low7) | x) & ~low7;
}

/*
** How many of the 8 bytes w (starting at a character boundary) are ASCII
** or complete two-byte characters D0 xx / D1 xx (U+0400..U+047F, Cyrillic
** letters): 8, 7 when the last byte starts such a character, or 0 when any
** byte is something else.  Word-at-a-time: each continuation byte must
** follow a lead byte and each lead byte but the last precede one.
*/
static inline size_t simple8(uint64_t w)
{
    const uint64_t high = 0x8080808080808080ull;
    uint64_t lead = zero_bytes((w & 0xFEFEFEFEFEFEFEFEull) ^ 0xD0D0D0D0D0D0D0D0ull);
    uint64_t cont = zero_bytes((w & 0xC0C0C0C0C0C0C0C0ull) ^ high);
    if ((lead | cont) != (w & high) || cont != lead << 8)
        return 0;
    return 8 - (size_t)(lead >> 63);
}

#if defined(__SSE2__)
/* simple8 for the 16 bytes at s, with SSE2 (every x86-64 CPU has it). */
static inline size_t simple16(const char *s)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
    unsigned high = (unsigned)_mm_movemask_epi8(v), lead;
    if (!high)
        return 16;
    lead = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xFE)),
                                                      _mm_set1_epi8((char)0xD0)));
    return tn_utf8_pairs16(v, high, lead);
}
#endif

int tn_fastseg_simple(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, len;
    while (i < n) {
        uint64_t w;
        size_t k;
#if defined(__SSE2__)
        if (n - i >= 16 && (k = simple16(s + i)) != 0) {
            i += k;
            continue;
        }
#endif
        if (n - i >= 8 && (memcpy(&w, s + i, 8), (k = simple8(w)) != 0)) {
            i += k;
            continue;
        }
        if (u[i] < 0x80) {                           /* ASCII is always simple */
            i++;
            continue;
        }
        if ((u[i] == 0xD0 || u[i] == 0xD1) && i + 1 < n && (u[i + 1] & 0xC0) == 0x80) {
            i += 2;                                  /* U+0400..U+047F: letters */
            continue;
        }
        if (class_at(s + i, n - i, &len) == C_COMPLEX)
            return 0;
        i += len;
    }
    return 1;
}

static int joins(int c)
{
    return (0x8C >> c) & 1;                          /* C_LETTER, C_NUM, C_EXNL */
}

size_t tn_fastseg_next(const char *s, size_t n, size_t pos, int *word)
{
    size_t len, len2, q;
    int c = class_fast(s + pos, n - pos, &len), prev, c2, c3;

    *word = 0;
    if (c == C_SPACE) {                              /* WB3d */
        for (q = pos + 1; q < n && s[q] == ' '; q++)
            ;
        return q;
    }
    if (c == C_CR)                                   /* WB3 */
        return pos + 1 < n && s[pos + 1] == '\n' ? pos + 2 : pos + 1;
    if (!joins(c))
        return pos + len;
    q = pos + len;
    for (;;) {
        /* The bulk of a word: ASCII letters and digits, Cyrillic letters
        ** (D0 xx, D1 xx), all of which join (WB5, 8, 9, 10, 13a, 13b). */
        while (q < n) {
            unsigned char b = (unsigned char)s[q];
            if (b < 0x80) {
                if (!joins(ascii_class[b]))
                    break;
                q++;
            } else if ((b == 0xD0 || b == 0xD1) && q + 1 < n &&
                       ((unsigned char)s[q + 1] & 0xC0) == 0x80) {
                q += 2;
            } else {
                break;
            }
        }
        if (q >= n)
            break;
        c2 = class_fast(s + q, n - q, &len);
        if (joins(c2)) {                             /* other letters */
            q += len;
            continue;
        }
        /* Only a Mid* character between two letters or digits goes on;
        ** most words end at a space or other punctuation. */
        if (c2 != C_MIDLETTER && c2 != C_MIDNUMLET && c2 != C_MIDNUM)
            break;
        if (q + len >= n)
            break;
        /* The class of the last character: every joining one outside
        ** ASCII is a letter. */
        prev = (unsigned char)s[q - 1] < 0x80 ? ascii_class[(unsigned char)s[q - 1]] : C_LETTER;
        c3 = class_fast(s + q + len, n - q - len, &len2);
        if (prev == C_LETTER && c3 == C_LETTER &&
            (c2 == C_MIDLETTER || c2 == C_MIDNUMLET)) { /* WB6, WB7 */
            q += len + len2;
            continue;
        }
        if (prev == C_NUM && c3 == C_NUM &&
            (c2 == C_MIDNUM || c2 == C_MIDNUMLET)) {    /* WB11, WB12 */
            q += len + len2;
            continue;
        }
        break;
    }
    /* ICU gives a lone "_" the status "none"; longer runs are words. */
    *word = !(q == pos + 1 && s[pos] == '_');
    return q;
}
