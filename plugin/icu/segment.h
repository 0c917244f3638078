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

#endif
