/*
** termsig.h: the terms of a run as text, a line each ("kind flags position
** start end token lang script:text"), so that two runs compare byte for
** byte (the cache, pieces and token-callback tests).  Header-only; include
** it after tap.h.
*/
#ifndef TOPONORM_TERMSIG_H
#define TOPONORM_TERMSIG_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "toponorm/toponorm.h"

typedef struct sig {
    char *p;               /* the lines, NUL-terminated once one is added */
    size_t n, cap;
    size_t calls;          /* for the caller's own counting */
} sig;
#define SIG_EMPTY {NULL, 0, 0, 0}

static inline void sig_add(sig *s, const toponorm_term *t)
{
    char head[128];
    int h = snprintf(head, sizeof head, "%d %u %u %zu %zu %u %d %d:", t->kind, t->flags,
                     (unsigned)t->position, t->start, t->end, (unsigned)t->token, t->lang,
                     t->script);
    if (s->n + (size_t)h + t->len + 2 > s->cap) {
        s->cap = (s->n + (size_t)h + t->len + 2) * 2;
        s->p = realloc(s->p, s->cap);
        if (!s->p) {
            printf("Bail out! out of memory\n");
            exit(1);
        }
    }
    memcpy(s->p + s->n, head, (size_t)h);
    s->n += (size_t)h;
    memcpy(s->p + s->n, t->text, t->len);
    s->n += t->len;
    s->p[s->n++] = '\n';
    s->p[s->n] = '\0';
}

/* A toponorm_term_cb that adds each term to the sig at ctx. */
static inline int sig_record(void *ctx, const toponorm_term *t)
{
    sig_add(ctx, t);
    return 0;
}

static inline int sig_same(const sig *a, const sig *b)
{
    return a->n == b->n && (a->n == 0 || memcmp(a->p, b->p, a->n) == 0);
}

#endif
