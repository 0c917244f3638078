/*
** fastseg.h: UAX #29 word boundaries for lines of simple characters (fastseg.c).
*/
#ifndef TN_FASTSEG_H
#define TN_FASTSEG_H

#include <stddef.h>

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
*/
size_t tn_fastseg_skip(const char *s, size_t n, size_t pos);

#endif
