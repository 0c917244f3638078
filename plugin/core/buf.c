/*
** buf.c: a growable byte buffer, always NUL-terminated after use.
*/
#include <stdlib.h>
#include <string.h>
#include "fold.h"

int tn_buf_reserve(tn_buf *b, size_t extra)
{
    size_t cap;
    char *p;
    if (b->n + extra + 1 <= b->cap)
        return 0;
    cap = b->cap ? b->cap : 256;
    while (cap < b->n + extra + 1)
        cap *= 2;
    p = realloc(b->p, cap);
    if (!p)
        return TOPONORM_ENOMEM;
    b->p = p;
    b->cap = cap;
    return 0;
}

int tn_buf_add(tn_buf *b, const char *s, size_t n)
{
    if (tn_buf_reserve(b, n))
        return TOPONORM_ENOMEM;
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
    return 0;
}

void tn_buf_free(tn_buf *b)
{
    free(b->p);
    b->p = NULL;
    b->n = b->cap = 0;
}

int tn_cps_reserve(tn_fold *f, size_t n)
{
    uint32_t *p;
    if (n <= f->cap)
        return 0;
    p = realloc(f->cps, (n + 16) * sizeof *p);
    if (!p)
        return TOPONORM_ENOMEM;
    f->cps = p;
    f->cap = n + 16;
    return 0;
}

int tn_u16_reserve(tn_scratch_bufs *sb, size_t n)
{
    UChar *a, *b;
    if (n <= sb->u16_cap)
        return 0;
    n += 64;
    a = realloc(sb->u16_in, n * sizeof *a);
    if (!a)
        return TOPONORM_ENOMEM;
    sb->u16_in = a;
    b = realloc(sb->u16_out, n * sizeof *b);
    if (!b)
        return TOPONORM_ENOMEM;
    sb->u16_out = b;
    sb->u16_cap = n;
    return 0;
}

void tn_fold_free(tn_fold *f)
{
    free(f->cps);
    f->cps = NULL;
    f->n = f->cap = 0;
    tn_buf_free(&f->surface);
}

void tn_bufs_free(tn_scratch_bufs *sb)
{
    free(sb->u16_in);
    free(sb->u16_out);
    sb->u16_in = sb->u16_out = NULL;
    sb->u16_cap = 0;
}
