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
** end or at an ASCII byte other than - ' ` " (hyphens and apostrophes join
** words: the analyzer looks ahead there); at . , ; (WB6/7, WB11/12 can
** continue a word over them) only when the byte after it is no letter or
** digit.  Returns 1 with [*start, *end) set and the segmenter past the
** word; 0 when the caller must call tn_seg_next instead (the segmenter has
** at most passed over non-word, non-joiner bytes, as tn_seg_next would).
*/
static inline int tn_seg_plain_word(tn_seg *s, size_t *start, size_t *end)
{
    /* ASCII bytes that continue a word (fastseg.c: ALetter, Numeric,
    ** ExtendNumLet), bit b & 63 of word b >> 6. */
#define TN_BIT(c) ((uint64_t)1 << ((c) & 63))
    static const uint64_t bulk[2] = {
        TN_BIT('9') * 2 - TN_BIT('0'),
        TN_BIT('@') | (TN_BIT('Z') * 2 - TN_BIT('A')) | TN_BIT('_') | (TN_BIT('z') * 2 - TN_BIT('a')),
    };
    /* The ASCII bytes that end such a word at once: not '-' '\'' '`' '"',
    ** nor '.' ',' ';' (checked with the byte after them), nor bulk. */
    static const uint64_t ends[2] = {
        ~(TN_BIT('-') | TN_BIT('\'') | TN_BIT('"') | TN_BIT('.') | TN_BIT(',') | TN_BIT(';') |
          (TN_BIT('9') * 2 - TN_BIT('0'))),
        ~(TN_BIT('@') | (TN_BIT('Z') * 2 - TN_BIT('A')) | TN_BIT('_') | TN_BIT('`') |
          (TN_BIT('z') * 2 - TN_BIT('a'))),
    };
    static const uint64_t mid[1] = {TN_BIT('.') | TN_BIT(',') | TN_BIT(';')};
#undef TN_BIT
    const unsigned char *u = (const unsigned char *)s->text;
    size_t n = s->line_end, pos, q;
    unsigned char b;

    if (!s->fast || s->pos >= n)
        return 0;
    pos = s->pos = tn_fastseg_skip(s->text, n, s->pos);
    if (pos >= n)
        return 0;
    b = u[pos];
    if (b < 0x80 ? !((bulk[b >> 6] >> (b & 63)) & 1) || b == '_' : (b & 0xFE) != 0xD0)
        return 0;
    /* A simple line holds D0 / D1 only as the lead byte of a complete
    ** two-byte letter (tn_fastseg_simple), so no check of the next byte. */
    q = pos;
    while (q < n) {
        b = u[q];
        if (b < 0x80) {
            if (!((bulk[b >> 6] >> (b & 63)) & 1))
                break;
            q++;
        } else if ((b & 0xFE) == 0xD0) {
            q += 2;
        } else {
            return 0;                 /* another letter or a Mid* character */
        }
    }
    if (q < n) {
        b = u[q];                     /* ASCII, and no bulk */
        if (!((ends[b >> 6] >> (b & 63)) & 1)) {
            unsigned char c;
            if (b >= 64 || !((mid[0] >> b) & 1))
                return 0;             /* - ' ` " */
            /* . , ; : the word goes on over it only before a letter or digit. */
            if (q + 1 < n && ((c = u[q + 1]) >= 0x80 || (c != '_' && ((bulk[c >> 6] >> (c & 63)) & 1))))
                return 0;
        }
    }
    *start = pos;
    *end = s->pos = q;
    return 1;
}

#endif
