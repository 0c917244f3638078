/*
** chars.h: the character classes several stages must agree on (folding,
** segmentation, joining, transliteration).  One definition each, so a
** character added here is seen the same way everywhere.
*/
#ifndef TN_CHARS_H
#define TN_CHARS_H

#include <stdint.h>

/* Cyrillic script (letters, signs and marks of U+0400..U+052F, and U+1C80..U+1C8F). */
static inline int tn_is_cyrillic(uint32_t c)
{
    return (c >= 0x400 && c <= 0x52F) || (c >= 0x1C80 && c <= 0x1C8F);
}

/* Cyrillic letters of U+0400..U+052F: not ҂ U+0482 nor the marks U+0483..U+0489. */
static inline int tn_is_cyrillic_letter(uint32_t c)
{
    return (c >= 0x400 && c <= 0x481) || (c >= 0x48A && c <= 0x52F);
}

/* The apostrophe forms Ukrainian text is written with: ' ’ ʼ ʻ ` ´ ‘. */
static inline int tn_is_apostrophe(uint32_t c)
{
    return c == 0x27 || c == 0x2019 || c == 0x02BC || c == 0x02BB || c == 0x60 ||
           c == 0xB4 || c == 0x2018;
}

/* Marks romanisations write for ь and ъ: ʹ ʺ (BGN, ISO 9), ′ ″ (scholarly), ” (BGN 1965). */
static inline int tn_is_sign_mark(uint32_t c)
{
    return c == 0x02B9 || c == 0x02BA || c == 0x2032 || c == 0x2033 || c == 0x201D;
}

/* Hyphen-minus, hyphen, non-breaking hyphen. */
static inline int tn_is_hyphen(uint32_t c)
{
    return c == '-' || c == 0x2010 || c == 0x2011;
}

/*
** A bit standing for the letter c in a 64-bit set: its own bit for a..z,
** shared bits for the rest.  A word that lacks one of a sequence's bits
** cannot contain the sequence (key.c's never=/only= filters).
*/
static inline uint64_t tn_letter_bit(uint32_t c)
{
    return (uint64_t)1 << (c >= 'a' && c <= 'z' ? c - 'a' : 26 + c % 38);
}

#endif
