/*
** segment.h: word segmentation with ICU's word break iterator, reading the
** caller's UTF-8 in place through UText (no UTF-16 copy of the text).
*/
#ifndef TN_SEGMENT_H
#define TN_SEGMENT_H

#include <stddef.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

typedef struct tn_seg {
    UBreakIterator *bi;
    UText *ut;
    int32_t pos;
} tn_seg;

/* Open the iterator; 0 or TOPONORM_EICU. */
int  tn_seg_init(tn_seg *s);
void tn_seg_free(tn_seg *s);

/* Point the iterator at text[0..len), len < 2^31 (the caller chunks). */
int  tn_seg_set(tn_seg *s, const char *text, size_t len);

/*
** The next segment: [*start, *end) in bytes, *word non-zero for a word
** (letters or numbers, ICU rule status not UBRK_WORD_NONE).  Returns 1, or 0
** at the end of the text.
*/
int  tn_seg_next(tn_seg *s, size_t *start, size_t *end, int *word);

#endif
