/*
** segment.h: word segmentation.  Line by line (UAX #29 always breaks after
** a newline): a line of simple characters goes through fastseg.c, any other
** line through ICU's word break iterator reading the caller's UTF-8 in
** place through UText (no UTF-16 copy of the text).  Either way the
** segments are ICU's.
*/
#ifndef TN_SEGMENT_H
#define TN_SEGMENT_H

#include <stddef.h>
#include <stdint.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "fastseg.h"
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

typedef struct tn_seg {
    UBreakIterator *bi;
    UText *ut;
    const char *text;
    size_t len;
    size_t line_start, line_end;  /* the current line, newline included */
    size_t pos;                   /* the next segment starts here */
    int fast;                     /* the current line is simple */
    int use_icu_only;             /* testing: never take the fast path */
    int words_and_joiners;        /* skip non-word segments but single joiners */
} tn_seg;

/*
** Characters the analyzer joins words across: hyphens (compounds) and the
** apostrophe forms ICU's word break does not keep inside a word.  With
** words_and_joiners set, tn_seg_next returns only words and one-character
** segments of these: every other segment only separates words, and the
** analyzer tells adjacency from offsets.
*/
int tn_seg_is_joiner(uint32_t cp);

/* Open the iterator; 0 or TOPONORM_EICU. */
int  tn_seg_init(tn_seg *s);
void tn_seg_free(tn_seg *s);

/* Point the segmenter at text[0..len), len < 2^31 (the caller chunks). */
int  tn_seg_set(tn_seg *s, const char *text, size_t len);

/*
** The next segment: [*start, *end) in bytes, *word non-zero for a word
** (letters or numbers: ICU rule status not UBRK_WORD_NONE).  Returns 1, 0
** at the end of the text, or a negative TOPONORM_E* code.
*/
int  tn_seg_next(tn_seg *s, size_t *start, size_t *end, int *word);

/*
** The next word of a simple line, when nothing after it can extend it or
** join it to the next word: a fused fast path for the commonest case, equal
** to calling tn_seg_next (words_and_joiners set) until it returns a word.
**
** It takes a word of ASCII letters, digits, _ and @ and Cyrillic D0 xx /
** D1 xx letters that starts with anything but _, and ends at the line's
** end, at an ASCII byte other than - ' ` " (hyphens and apostrophes join
** words: the analyzer looks ahead there) or at a mark of tn_seg_other_at
** (« — ..., which it also passes over before a word); at . , ; (WB6/7,
** WB11/12 can continue a word over them) only when the byte after it is
** no letter or digit.  Returns 1 with [*start, *end) set and the
** segmenter past the word; 0 when the caller must call tn_seg_next instead
** (the segmenter has at most passed over non-word, non-joiner bytes, as
** tn_seg_next would).
*/
/*
** The bytes of a simple line as tn_seg_plain_word sees them (segment.c):
** TN_SB_WORD ASCII letters, digits, _ and @; TN_SB_LEAD D0 and D1, each the
** lead of a two-byte letter (the value is the step over it); TN_SB_END
** other ASCII, which ends a word; TN_SB_JOIN - ' ` "; TN_SB_MID . , ;
** (a word may go on over them); 0 every other byte.
*/
enum { TN_SB_WORD = 1, TN_SB_LEAD = 2, TN_SB_END = 3, TN_SB_JOIN = 4, TN_SB_MID = 5 };
extern const unsigned char tn_seg_bytes[256];

/*
** For tn_seg_plain_word at the end of a simple line: when the next line is
** simple too, move to it (as tn_seg_next would) and return 1; else 0, the
** segmenter unchanged.
*/
int tn_seg_next_simple_line(tn_seg *s);

#if defined(__SSE2__)
/*
** One bit per byte of p[0..16) that a plain word goes on over: the
** TN_SB_WORD and TN_SB_LEAD bytes, and continuation bytes.  From a word's
** start in a simple line that is the table's scan 16 bytes at a time: a
** continuation byte there follows its D0 / D1 lead, any other lead (and
** every other byte the table stops at) is none of these.
*/
static inline unsigned tn_seg_word_bytes16(const unsigned char *p)
{
    /* A range [lo, lo + k) by one signed compare: x + (0x80 - lo) is below
    ** -128 + k exactly there. */
#define TN_SEG_IN(v, lo, k) \
    _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - (lo)))), _mm_set1_epi8((char)(-128 + (k))))
    const __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
    const __m128i y = _mm_or_si128(x, _mm_set1_epi8(0x20));     /* A-Z as a-z */
    __m128i w = TN_SEG_IN(y, 'a', 26);
    w = _mm_or_si128(w, TN_SEG_IN(x, '0', 10));
    w = _mm_or_si128(w, _mm_cmpeq_epi8(x, _mm_set1_epi8('_')));
    w = _mm_or_si128(w, _mm_cmpeq_epi8(x, _mm_set1_epi8('@')));
    w = _mm_or_si128(w, _mm_cmplt_epi8(x, _mm_set1_epi8((char)0xC0)));  /* 80-BF, signed */
    w = _mm_or_si128(w, _mm_cmpeq_epi8(_mm_and_si128(x, _mm_set1_epi8((char)0xFE)),
                                       _mm_set1_epi8((char)0xD0)));
#undef TN_SEG_IN
    return (unsigned)_mm_movemask_epi8(w);
}
#endif

/*
** The length of the mark at u[q..n) that a simple line may hold and that is
** neither a letter nor a joiner, so a word ends before it and none goes on
** over it: « » © ° – — • … “ „ № (fastseg.c's C_OTHER but ”, which BGN 1965
** writes for ъ: a joiner, tn_seg_is_joiner); or 0.  Quotes and dashes
** around words are common in Ukrainian and Russian text («Київ» — ...):
** their words take the plain path too (the 20 MB benchmark corpus: 13k
** more words, 1.5% fewer instructions in all).
*/
static inline size_t tn_seg_other_at(const unsigned char *u, size_t q, size_t n)
{
    if (u[q] == 0xC2 && q + 1 < n) {
        unsigned b = u[q + 1];
        return b == 0xAB || b == 0xBB || b == 0xA9 || b == 0xB0 ? 2 : 0;
    }
    if (u[q] == 0xE2 && q + 2 < n) {
        unsigned b = u[q + 2];
        if (u[q + 1] == 0x80)
            return b == 0x93 || b == 0x94 || b == 0x9C || b == 0x9E || b == 0xA2 || b == 0xA6
                       ? 3 : 0;
        return u[q + 1] == 0x84 && b == 0x96 ? 3 : 0;
    }
    return 0;
}

#if defined(__GNUC__)
__attribute__((always_inline))   /* the analyzer's loop: a call costs it registers */
#endif
static inline int tn_seg_plain_word(tn_seg *s, size_t *start, size_t *end)
{
    const unsigned char *u = (const unsigned char *)s->text;
    size_t n, pos, q;
    unsigned c;

    if (!s->fast)
        return 0;
again:
    for (;;) {
        n = s->line_end;
        pos = s->pos;
        /* Spaces and punctuation but - ' ` " (tn_fastseg_skip). */
        while (pos < n && ((1u << TN_SB_END | 1u << TN_SB_MID) >> tn_seg_bytes[u[pos]]) & 1)
            pos++;
        s->pos = pos;
        if (pos < n)
            break;
        if (!tn_seg_next_simple_line(s))   /* a line's first word, from the line before */
            return 0;
    }
    c = tn_seg_bytes[u[pos]];
    if (!(c == TN_SB_LEAD || (c == TN_SB_WORD && u[pos] != '_'))) {
        size_t k;
        if (c || !(k = tn_seg_other_at(u, pos, n)))
            return 0;
        s->pos = pos + k;             /* « — ...: passed over as well */
        goto again;
    }
    /* A simple line holds D0 / D1 only as the lead byte of a complete
    ** two-byte letter (tn_fastseg_simple), so no check of the next byte. */
    q = pos;
#if defined(__SSE2__) && defined(__GNUC__)
    /* 16 bytes at a time while they are in the text (a line ends at a byte
    ** that stops the scan, or at the text's end); the table for the rest. */
    while (q + 16 <= s->len) {
        unsigned stop = ~tn_seg_word_bytes16(u + q) & 0xFFFFu;
        if (stop) {
            q += (size_t)__builtin_ctz(stop);
            break;
        }
        q += 16;
    }
    if (q > n)
        q = n;
#endif
    while (q < n && (c = tn_seg_bytes[u[q]]) - 1u < 2u)
        q += c;                       /* TN_SB_WORD: 1 byte, TN_SB_LEAD: 2 */
    if (q < n) {
        if ((c == 0 && !tn_seg_other_at(u, q, n)) || c == TN_SB_JOIN)
            return 0;                 /* another letter or a Mid* character; - ' ` " */
        /* . , ; : the word goes on over it only before a letter or digit. */
        if (c == TN_SB_MID && q + 1 < n &&
            ((c = tn_seg_bytes[u[q + 1]]) == 0 || c == TN_SB_LEAD ||
             (c == TN_SB_WORD && u[q + 1] != '_')))
            return 0;
    }
    *start = pos;
    *end = s->pos = q;
    return 1;
}

#endif
