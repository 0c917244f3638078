/*
** segment.c: word segments line by line, through fastseg.c for simple
** lines and ICU's UBRK_WORD iterator on UTF-8 UText for the rest.  ICU
** reads ill-formed UTF-8 as U+FFFD, which is not a word character, so bad
** bytes never end up inside a word.
*/
#include <string.h>

#include "fastseg.h"
#include "segment.h"
#include "../core/chars.h"
#include "../core/utf8.h"
#include "toponorm/toponorm.h"

const unsigned char tn_seg_bytes[256] = {
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 4, 3, 3, 3, 3, 4, 3, 3, 3, 3, 5, 4, 5, 3,      /*   " ' , - . */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 5, 3, 3, 3, 3,      /* 0-9 ; */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,      /* @ A-O */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 3, 3, 3, 1,      /* P-Z _ */
    4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,      /* ` a-o */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 3, 3, 3, 3,      /* p-z */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,      /* D0 D1 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

int tn_seg_is_joiner(uint32_t c)
{
    return tn_is_hyphen(c) || tn_is_apostrophe(c) || tn_is_sign_mark(c) || c == '"';
}

/* Is [start, end) a segment the caller asked to skip? */
static int skip(const tn_seg *s, size_t start, size_t end, int word)
{
    size_t used;
    uint32_t c;
    if (word || !s->words_and_joiners)
        return 0;
    c = tn_utf8_next((const unsigned char *)s->text + start, end - start, &used);
    return used != end - start || !tn_seg_is_joiner(c);
}

int tn_seg_init(tn_seg *s)
{
    UErrorCode e = U_ZERO_ERROR;
    memset(s, 0, sizeof *s);
    s->bi = ubrk_open(UBRK_WORD, "", NULL, 0, &e);
    if (U_FAILURE(e)) {
        s->bi = NULL;
        return TOPONORM_EICU;
    }
    return 0;
}

void tn_seg_free(tn_seg *s)
{
    if (s->bi)
        ubrk_close(s->bi);
    if (s->ut)
        utext_close(s->ut);
    s->bi = NULL;
    s->ut = NULL;
}

int tn_seg_set(tn_seg *s, const char *text, size_t len)
{
    s->text = len ? text : "";
    s->len = len;
    s->line_start = s->line_end = s->pos = 0;
    s->fast = 1;
    return 0;
}

/* Move to the line that starts at line_end; 0, 1 at the end, or an error. */
static int next_line(tn_seg *s)
{
    const char *nl;
    UErrorCode e = U_ZERO_ERROR;
    if (s->line_end >= s->len)
        return 1;
    s->line_start = s->pos = s->line_end;
    nl = memchr(s->text + s->line_start, '\n', s->len - s->line_start);
    s->line_end = nl ? (size_t)(nl - s->text) + 1 : s->len;
    s->fast = !s->use_icu_only &&
              tn_fastseg_simple(s->text + s->line_start, s->line_end - s->line_start);
    if (s->fast)
        return 0;
    s->ut = utext_openUTF8(s->ut, s->text + s->line_start,
                           (int64_t)(s->line_end - s->line_start), &e);
    if (U_FAILURE(e))
        return TOPONORM_EICU;
    ubrk_setUText(s->bi, s->ut, &e);
    if (U_FAILURE(e))
        return TOPONORM_EICU;
    ubrk_first(s->bi);
    return 0;
}

int tn_seg_next_simple_line(tn_seg *s)
{
    const char *nl;
    size_t start = s->line_end, end;
    if (!s->fast || s->pos < s->line_end || start >= s->len || s->use_icu_only)
        return 0;
    nl = memchr(s->text + start, '\n', s->len - start);
    end = nl ? (size_t)(nl - s->text) + 1 : s->len;
    if (!tn_fastseg_simple(s->text + start, end - start))
        return 0;                     /* next_line will set up ICU for it */
    s->line_start = s->pos = start;
    s->line_end = end;
    return 1;
}

int tn_seg_next(tn_seg *s, size_t *start, size_t *end, int *word)
{
    int rc;
    for (;;) {
        if (s->pos < s->line_end) {
            if (s->fast) {
                if (s->words_and_joiners) {
                    /* Spaces and ASCII punctuation: segments neither words
                    ** nor joiners, passed over without a call each. */
                    s->pos = tn_fastseg_skip(s->text, s->line_end, s->pos);
                    if (s->pos >= s->line_end)
                        continue;
                }
                *start = s->pos;
                *end = s->pos = s->line_start +
                    tn_fastseg_next(s->text + s->line_start, s->line_end - s->line_start,
                                    s->pos - s->line_start, word);
                if (*word || !skip(s, *start, *end, *word))
                    return 1;
                continue;
            } else {
                int32_t next = ubrk_next(s->bi);
                if (next != UBRK_DONE) {
                    *start = s->pos;
                    *end = s->pos = s->line_start + (size_t)next;
                    *word = ubrk_getRuleStatus(s->bi) != UBRK_WORD_NONE;
                    if (!skip(s, *start, *end, *word))
                        return 1;
                    continue;
                }
                s->pos = s->line_end;
            }
        }
        if ((rc = next_line(s)) != 0)
            return rc < 0 ? rc : 0;
    }
}
