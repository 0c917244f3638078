/*
** fuzz_check.h: the term checks the fuzz targets share.  A violation of
** what toponorm.h promises prints the reason and aborts, so libFuzzer (and
** the corpus replay in `make check`) reports it as a crash.
*/
#ifndef TOPONORM_FUZZ_CHECK_H
#define TOPONORM_FUZZ_CHECK_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "toponorm/toponorm.h"
#include "../u8check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fz_fail(const char *what, const toponorm_term *t)
{
    if (t)
        fprintf(stderr, "fuzz check failed: %s (term '%.*s' kind %d flags %u position %u "
                        "[%zu,%zu) len %zu)\n",
                what, (int)(t->len < 300 ? t->len : 300), t->text ? t->text : "", t->kind,
                t->flags, (unsigned)t->position, t->start, t->end, t->len);
    else
        fprintf(stderr, "fuzz check failed: %s\n", what);
    abort();
}


typedef struct fz_run {
    const unsigned char *text;
    size_t len;
    unsigned char *bound;      /* character boundaries of text, len + 1 entries */
    size_t n;                  /* terms seen */
    uint32_t last_pos;
    size_t stop_at;            /* return stop_value at this term (0: never) */
    int stop_value;
    size_t max_term;           /* longest term allowed */
    const size_t *offmap;      /* when set: offsets are hashed as offmap[offset] */
    uint64_t hash;             /* FNV-1a over every field of every term */
} fz_run;

static void fz_hash(fz_run *r, const void *p, size_t n)
{
    const unsigned char *s = p;
    while (n--)
        r->hash = (r->hash ^ *s++) * 1099511628211ull;
}

static int fz_cb(void *ctx, const toponorm_term *t)
{
    fz_run *r = ctx;
    uint64_t fields[8];
    if (!t->text)
        fz_fail("term text is NULL", t);
    if (t->text[t->len] != '\0' || strlen(t->text) != t->len)
        fz_fail("term text not NUL-terminated at len, or has a NUL inside", t);
    if (t->len == 0 || t->len > r->max_term)
        fz_fail("term empty or too long", t);
    if (!u8_valid(t->text, t->len))
        fz_fail("term text is not valid UTF-8", t);
    if (t->kind < TOPONORM_TERM_SURFACE || t->kind > TOPONORM_TERM_STEM)
        fz_fail("unknown term kind", t);
    if (t->flags & ~(TOPONORM_TERM_COLOCATED | TOPONORM_TERM_COMPOUND))
        fz_fail("unknown term flag", t);
    if (!(t->start <= t->end && t->end <= r->len))
        fz_fail("offsets outside the input", t);
    if (r->bound && (!r->bound[t->start] || !r->bound[t->end]))
        fz_fail("offset not on a character boundary", t);
    if (t->position == 0)
        fz_fail("position 0", t);
    if (r->n == 0 && (t->flags & TOPONORM_TERM_COLOCATED))
        fz_fail("the first term of the call is colocated", t);
    if (r->n > 0) {
        if (t->position < r->last_pos)
            fz_fail("position went back", t);
        if ((t->flags & TOPONORM_TERM_COLOCATED) && t->position != r->last_pos)
            fz_fail("colocated term at a new position", t);
        if (!(t->flags & TOPONORM_TERM_COLOCATED) && t->position == r->last_pos)
            fz_fail("non-colocated term at the previous position", t);
    }
    if (t->lang < TOPONORM_LANG_UNKNOWN || t->lang > TOPONORM_LANG_EN)
        fz_fail("unknown lang", t);
    if (t->script < TOPONORM_SCRIPT_OTHER || t->script > TOPONORM_SCRIPT_NUMBER)
        fz_fail("unknown script", t);
    r->last_pos = t->position;
    r->n++;
    fields[0] = (uint64_t)t->kind;
    fields[1] = t->flags;
    fields[2] = t->position;
    fields[3] = r->offmap ? r->offmap[t->start] : t->start;
    fields[4] = r->offmap ? r->offmap[t->end] : t->end;
    fields[5] = t->token;
    fields[6] = (uint64_t)t->lang;
    fields[7] = (uint64_t)t->script;
    fz_hash(r, fields, sizeof fields);
    fz_hash(r, t->text, t->len + 1);
    if (r->stop_at && r->n == r->stop_at)
        return r->stop_value;
    return 0;
}

/* Start a run over text[0..len): boundaries computed, counters reset. */
static void fz_begin(fz_run *r, const unsigned char *text, size_t len, size_t max_term)
{
    size_t i = 0;
    int v;
    memset(r, 0, sizeof *r);
    r->text = text;
    r->len = len;
    r->max_term = max_term;
    r->hash = 14695981039346656037ull;
    r->bound = calloc(len + 1, 1);
    if (!r->bound)
        fz_fail("out of memory", NULL);
    while (i < len) {
        r->bound[i] = 1;
        i += u8_step(text + i, len - i, &v);
    }
    r->bound[len] = 1;
}

static void fz_end(fz_run *r)
{
    free(r->bound);
    r->bound = NULL;
}

#endif
