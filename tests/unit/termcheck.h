/*
** termcheck.h: helpers shared by the unit tests (header-only; include it
** after tap.h, once per test program).
**
**   tc_open()       lexicon (from $TOPONORM_LEXICON), analyzer, scratch
**   tc_analyze()    run the analyzer with a callback that checks, for every
**                   term, what toponorm.h promises (valid NUL-terminated
**                   UTF-8 text, offsets inside the input and on its
**                   character boundaries, positions that never go back,
**                   colocated terms at the previous term's position, the
**                   first term of a call not colocated), and optionally
**                   records the terms
**   tc_surfaces()   the surface terms of a run as "a|b|c"
*/
#ifndef TOPONORM_TERMCHECK_H
#define TOPONORM_TERMCHECK_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "toponorm/toponorm.h"
#include "../u8check.h"


/* A recorded term (text copied). */
typedef struct tc_term {
    char *text;
    size_t len;
    int kind;
    unsigned flags;
    uint32_t position;
    size_t start, end;
    uint32_t token;
    int lang, script;
} tc_term;

typedef struct tc_run {
    /* set by tc_analyze */
    const char *input;
    size_t len;
    unsigned char *bound;     /* bound[i]: offset i starts a character or ends the input */
    /* results */
    size_t nterms;            /* terms seen */
    size_t nsurface;          /* surface terms seen */
    uint32_t last_pos;
    size_t violations;
    char first_violation[512];
    /* options: record terms (record != 0), stop after stop_after terms with
    ** stop_value (stop_after != 0) */
    int record;
    tc_term *terms;
    size_t nrec, caprec;
    size_t stop_after;
    int stop_value;
} tc_run;

static inline void tc_violation(tc_run *r, const toponorm_term *t, const char *what)
{
    if (r->violations++ == 0)
        snprintf(r->first_violation, sizeof r->first_violation,
                 "term %zu (kind %d, position %u, flags %u, [%zu,%zu) of %zu, len %zu): %s",
                 r->nterms, t->kind, (unsigned)t->position, t->flags, t->start, t->end,
                 r->len, t->len, what);
}

static inline int tc_cb(void *ctx, const toponorm_term *t)
{
    tc_run *r = ctx;

    if (!t->text)
        tc_violation(r, t, "text is NULL");
    else if (t->text[t->len] != '\0')
        tc_violation(r, t, "text not NUL-terminated at len");
    else if (strlen(t->text) != t->len)
        tc_violation(r, t, "NUL byte inside the term");
    else if (!u8_valid(t->text, t->len))
        tc_violation(r, t, "term text is not valid UTF-8");
    else if (t->len == 0)
        tc_violation(r, t, "empty term");
    else if (t->len > 240)
        tc_violation(r, t, "term longer than 240 bytes");
    if (t->kind < TOPONORM_TERM_SURFACE || t->kind > TOPONORM_TERM_STEM)
        tc_violation(r, t, "unknown kind");
    if (t->flags & ~(TOPONORM_TERM_COLOCATED | TOPONORM_TERM_COMPOUND))
        tc_violation(r, t, "unknown flag");
    if (!(t->start <= t->end && t->end <= r->len))
        tc_violation(r, t, "offsets outside the input");
    else if (r->bound && (!r->bound[t->start] || !r->bound[t->end]))
        tc_violation(r, t, "offset not on a character boundary");
    if (t->position == 0)
        tc_violation(r, t, "position 0 (positions count from 1)");
    if (r->nterms == 0 && (t->flags & TOPONORM_TERM_COLOCATED))
        tc_violation(r, t, "first term of the call is colocated");
    if (r->nterms > 0) {
        if (t->position < r->last_pos)
            tc_violation(r, t, "position went back");
        else if ((t->flags & TOPONORM_TERM_COLOCATED) && t->position != r->last_pos)
            tc_violation(r, t, "colocated term at a new position");
        else if (!(t->flags & TOPONORM_TERM_COLOCATED) && t->position == r->last_pos)
            tc_violation(r, t, "non-colocated term at the previous position");
    }
    if (t->lang < TOPONORM_LANG_UNKNOWN || t->lang > TOPONORM_LANG_EN)
        tc_violation(r, t, "unknown lang");
    if (t->script < TOPONORM_SCRIPT_OTHER || t->script > TOPONORM_SCRIPT_NUMBER)
        tc_violation(r, t, "unknown script");
    r->last_pos = t->position;
    r->nterms++;
    if (t->kind == TOPONORM_TERM_SURFACE)
        r->nsurface++;
    if (r->record && t->text) {
        tc_term *x;
        if (r->nrec == r->caprec) {
            r->caprec = r->caprec ? r->caprec * 2 : 64;
            r->terms = realloc(r->terms, r->caprec * sizeof *r->terms);
            if (!r->terms) {
                fputs("Bail out! out of memory\n", stdout);
                exit(99);
            }
        }
        x = &r->terms[r->nrec++];
        x->text = malloc(t->len + 1);
        if (!x->text) {
            fputs("Bail out! out of memory\n", stdout);
            exit(99);
        }
        memcpy(x->text, t->text, t->len + 1);
        x->len = t->len;
        x->kind = t->kind;
        x->flags = t->flags;
        x->position = t->position;
        x->start = t->start;
        x->end = t->end;
        x->token = t->token;
        x->lang = t->lang;
        x->script = t->script;
    }
    if (r->stop_after && r->nterms >= r->stop_after)
        return r->stop_value;
    return 0;
}

static inline void tc_reset(tc_run *r)
{
    size_t i;
    for (i = 0; i < r->nrec; i++)
        free(r->terms[i].text);
    free(r->terms);
    free(r->bound);
    r->terms = NULL;
    r->bound = NULL;
    r->nrec = r->caprec = 0;
    r->nterms = r->nsurface = r->violations = 0;
    r->last_pos = 0;
    r->first_violation[0] = '\0';
}

/* Analyze text[0..len) into r (reset first; r->record and r->stop_* kept). */
static inline int tc_analyze(const toponorm_analyzer *an, toponorm_scratch *sc,
                             const char *text, size_t len, unsigned flags, tc_run *r)
{
    size_t i = 0;
    int v;
    tc_reset(r);
    r->input = text;
    r->len = len;
    r->bound = calloc(len + 1, 1);
    if (!r->bound) {
        fputs("Bail out! out of memory\n", stdout);
        exit(99);
    }
    while (i < len) {
        r->bound[i] = 1;
        i += u8_step((const unsigned char *)text + i, len - i, &v);
    }
    r->bound[len] = 1;
    return toponorm_analyze(an, sc, text, len, flags, tc_cb, r);
}

/* The recorded surface terms as "a|b|c" (static buffer), with "@position"
** after each when with_pos, and "+" before compound ones. */
static inline const char *tc_surfaces(const tc_run *r, int with_pos)
{
    static char out[8192];
    size_t i, n = 0;
    out[0] = '\0';
    for (i = 0; i < r->nrec && n < sizeof out - 300; i++) {
        const tc_term *t = &r->terms[i];
        if (t->kind != TOPONORM_TERM_SURFACE)
            continue;
        n += (size_t)snprintf(out + n, sizeof out - n, "%s%s%.*s", n ? "|" : "",
                              (t->flags & TOPONORM_TERM_COMPOUND) ? "+" : "",
                              t->len > 200 ? 200 : (int)t->len, t->text);
        if (with_pos)
            n += (size_t)snprintf(out + n, sizeof out - n, "@%u", (unsigned)t->position);
    }
    return out;
}

/* Report the invariants of the last run as one TAP case. */
static inline int tc_ok_invariants(const tc_run *r, const char *name)
{
    if (!ok(r->violations == 0, "%s: terms keep the API's promises", name)) {
        diag("%zu violation(s); first: %s", r->violations, r->first_violation);
        return 0;
    }
    return 1;
}

/* Open the lexicon ($TOPONORM_LEXICON or the default), an analyzer with
** opt (NULL: defaults) and a scratch; bail out of the test on failure. */
static inline void tc_open(toponorm_lexicon **lx, toponorm_analyzer **an,
                           toponorm_scratch **sc, const toponorm_options *opt)
{
    toponorm_error err;
    int rc;
    memset(&err, 0, sizeof err);
    if (*lx == NULL && (rc = toponorm_lexicon_open(NULL, lx, &err)) != 0) {
        printf("Bail out! cannot open the lexicon %s: %s (%d)\n", err.where, err.msg, rc);
        exit(99);
    }
    if ((rc = toponorm_analyzer_new(*lx, opt, an, &err)) != 0) {
        printf("Bail out! cannot make an analyzer: %s (%d)\n", err.msg, rc);
        exit(99);
    }
    if (sc && (rc = toponorm_scratch_new(*an, sc, &err)) != 0) {
        printf("Bail out! cannot make a scratch: %s (%d)\n", err.msg, rc);
        exit(99);
    }
}

/* tap.h's helpers are static: reference them all so that a test which
** does not call one of them still builds with -Werror. */
static inline void tc_tap_used(void)
{
    (void)diag; (void)ok; (void)is_str; (void)is_int; (void)exit_status;
}

#endif
