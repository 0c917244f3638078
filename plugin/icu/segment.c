/*
** segment.c: a thin adapter over ICU's UBRK_WORD iterator on UTF-8 UText.
** ICU reads ill-formed UTF-8 as U+FFFD, which is not a word character, so
** bad bytes never end up inside a word.
*/
#include "segment.h"
#include "toponorm/toponorm.h"

int tn_seg_init(tn_seg *s)
{
    UErrorCode e = U_ZERO_ERROR;
    s->ut = NULL;
    s->pos = 0;
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
    UErrorCode e = U_ZERO_ERROR;
    static const char empty[1] = "";
    s->ut = utext_openUTF8(s->ut, len ? text : empty, (int64_t)len, &e);
    if (U_FAILURE(e))
        return TOPONORM_EICU;
    ubrk_setUText(s->bi, s->ut, &e);
    if (U_FAILURE(e))
        return TOPONORM_EICU;
    s->pos = ubrk_first(s->bi);
    return 0;
}

int tn_seg_next(tn_seg *s, size_t *start, size_t *end, int *word)
{
    int32_t next = ubrk_next(s->bi);
    if (next == UBRK_DONE)
        return 0;
    *start = (size_t)s->pos;
    *end = (size_t)next;
    *word = ubrk_getRuleStatus(s->bi) != UBRK_WORD_NONE;
    s->pos = next;
    return 1;
}
