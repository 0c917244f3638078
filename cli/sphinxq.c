/*
** sphinxq.c: `toponorm analyze --query --format sphinx`: each input line is
** a user query, written out as a Sphinx extended-query expression over the
** words the index filter (plugin/sphinx) puts in the index.  Sphinx 2.2
** cannot rewrite query words in a plugin, so this runs in the client.
**
**   у Донецьку          ->  у (донецьку | xkdonecku | донецьк)
**   "Kyiv Lviv"         ->  ("kyiv lviv" | "xkkiv lviv" | "kyiv xklviv" | "xkkiv xklviv")
**   Kyiv -Donetsk       ->  (kyiv | xkkiv) -(donetsk | xkdoneck)
**
** Query syntax understood: words (AND), "phrases", and -word / !word / -"phrase"
** to exclude.  Every other character of the query is text: the analyzer
** decides what a word is, and Sphinx's operator characters inside words are
** escaped, so a query never turns into an operator the user did not write.
** Each token becomes the OR of its words (tn_sphx_word: surface, keys,
** place ids, stems), deduplicated; a hyphenated compound's joined terms go
** with its first part (its joined surface, which Sphinx would split, is left
** out).  Phrases are spelled out (put_phrase), since Sphinx 2.2 cannot OR
** inside a phrase.
*/
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "jsonout.h"
#include "sphinxq.h"
#include "../plugin/sphinx/sphx_word.h"

#define PHRASE_MAX 64   /* spelled-out phrases before falling back to << */

/* A growing byte buffer: one segment's words, or its expression. */
typedef struct sbuf {
    char *p;
    size_t n, cap;
    int oom;
} sbuf;

static void sb_put(sbuf *b, const void *s, size_t n)
{
    if (b->oom)
        return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        char *p;
        while (cap < b->n + n + 1)
            cap *= 2;
        if (!(p = realloc(b->p, cap))) {
            b->oom = 1;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

static void sb_str(sbuf *b, const char *s)
{
    sb_put(b, s, strlen(s));
}

/*
** The words of one segment: words.p holds them NUL-terminated one after the
** other; word i starts at wofs[i]; group g (a token's words) is words
** gfirst[g] .. gfirst[g + 1] - 1.
*/
typedef struct segment {
    sbuf words, wofs, gfirst;       /* wofs, gfirst: arrays of size_t */
    size_t n_words, n_groups;
    uint32_t position;              /* of the open group */
    int long_token;                 /* Sphinx may cut it: surface only */
} segment;

static size_t at(const sbuf *a, size_t i)
{
    size_t v;
    memcpy(&v, a->p + i * sizeof v, sizeof v);
    return v;
}

static const char *word(const segment *s, size_t i)
{
    return s->words.p + at(&s->wofs, i);
}

/* Words of group g: [*first, *end). */
static void group(const segment *s, size_t g, size_t *first, size_t *end)
{
    *first = at(&s->gfirst, g);
    *end = g + 1 < s->n_groups ? at(&s->gfirst, g + 1) : s->n_words;
}

static int on_term(void *ctx, const toponorm_term *t)
{
    segment *s = ctx;
    char w[TN_SPHX_WORD_BYTES + 1];
    size_t i, first, end, n, ofs;

    if (s->n_groups == 0 || t->position != s->position) {
        s->position = t->position;
        s->long_token = t->kind == TOPONORM_TERM_SURFACE
                        && tn_sphx_chars(t->text, t->len) >= TN_SPHX_WORD_CHARS;
        sb_put(&s->gfirst, &s->n_words, sizeof s->n_words);
        s->n_groups++;
    }
    /* The index filter gives tokens Sphinx may have cut no extras; a
    ** compound's joined surface would be split by Sphinx anyway. */
    if (s->long_token && t->kind != TOPONORM_TERM_SURFACE)
        return 0;
    if ((t->flags & TOPONORM_TERM_COMPOUND) && t->kind == TOPONORM_TERM_SURFACE)
        return 0;
    if ((n = tn_sphx_word(t->kind, t->text, t->len, w)) == 0)
        return 0;
    group(s, s->n_groups - 1, &first, &end);
    for (i = first; i < end; i++)
        if (!strcmp(word(s, i), w))
            return 0;
    ofs = s->words.n;
    sb_put(&s->words, w, n + 1);
    sb_put(&s->wofs, &ofs, sizeof ofs);
    s->n_words++;
    return s->words.oom || s->wofs.oom || s->gfirst.oom;
}

/* A word with Sphinx's query operator characters escaped. */
static void put_word(sbuf *out, const char *w)
{
    for (; *w; w++) {
        if (strchr("\\()|-!@~\"&/^$=<*?%", *w))
            sb_put(out, "\\", 1);
        sb_put(out, w, 1);
    }
}

/* Group g as "w" or "(w1 | w2 | ...)". */
static void put_group(sbuf *out, const segment *s, size_t g)
{
    size_t i, first, end;
    group(s, g, &first, &end);
    if (end - first > 1)
        sb_str(out, "(");
    for (i = first; i < end; i++) {
        if (i > first)
            sb_str(out, " | ");
        put_word(out, word(s, i));
    }
    if (end - first > 1)
        sb_str(out, ")");
}

/*
** A phrase.  Sphinx 2.2 accepts (a | b) inside quotes but then matches
** nothing, so the phrase is spelled out: one plain phrase per choice of a
** word in every group, ORed.  When that would be more than PHRASE_MAX
** phrases, the groups are joined with the strict-order operator instead
** (the words in this order, not necessarily adjacent).
*/
static void put_phrase(sbuf *out, const segment *s)
{
    size_t g, count = 1, k, first, end, pick, i;
    for (g = 0; g < s->n_groups && count <= PHRASE_MAX; g++) {
        group(s, g, &first, &end);
        count *= end - first;
    }
    if (count > PHRASE_MAX) {
        sb_str(out, "(");
        for (g = 0; g < s->n_groups; g++) {
            if (g)
                sb_str(out, " << ");
            put_group(out, s, g);
        }
        sb_str(out, ")");
        return;
    }
    if (count > 1)
        sb_str(out, "(");
    for (k = 0; k < count; k++) {
        if (k)
            sb_str(out, " | ");
        sb_str(out, "\"");
        for (pick = k, g = 0; g < s->n_groups; g++) {
            group(s, g, &first, &end);
            i = first + pick % (end - first);
            pick /= end - first;
            if (g)
                sb_str(out, " ");
            put_word(out, word(s, i));
        }
        sb_str(out, "\"");
    }
    if (count > 1)
        sb_str(out, ")");
}

/*
** Analyze text[0..len) and write it to out: a phrase, or its groups (ANDed
** by juxtaposition), with '-' first to exclude it.  Writes nothing when the
** text has no token.  Returns 0 or a negative TOPONORM_E* code.
*/
static int put_segment(cli_analyzer *ca, unsigned flags, const char *text, size_t len,
                       int phrase, int negate, int *segments, wbuf *out)
{
    segment s;
    sbuf expr = {0};
    size_t g, first, end, n = 0;
    int rc;

    memset(&s, 0, sizeof s);
    rc = toponorm_analyze(ca->an, ca->sc, text, len, flags, on_term, &s);
    for (g = 0; g < s.n_groups; g++) {         /* tokens without words drop out */
        group(&s, g, &first, &end);
        if (end > first)
            memcpy(s.gfirst.p + n++ * sizeof first, &first, sizeof first);
    }
    s.n_groups = n;
    if (rc > 0 || s.words.oom || s.wofs.oom || s.gfirst.oom)
        rc = TOPONORM_ENOMEM;
    if (rc == 0 && s.n_groups > 0) {
        if (negate)
            sb_str(&expr, "-");
        if (phrase && s.n_groups > 1) {
            put_phrase(&expr, &s);
        } else {
            if (negate && s.n_groups > 1)
                sb_str(&expr, "(");
            for (g = 0; g < s.n_groups; g++) {
                if (g)
                    sb_str(&expr, " ");
                put_group(&expr, &s, g);
            }
            if (negate && s.n_groups > 1)
                sb_str(&expr, ")");
        }
        if (expr.oom) {
            rc = TOPONORM_ENOMEM;
        } else {
            if ((*segments)++)
                wb_putc(out, ' ');
            wb_put(out, expr.p, expr.n);
        }
    }
    free(expr.p);
    free(s.words.p);
    free(s.wofs.p);
    free(s.gfirst.p);
    return rc < 0 ? rc : 0;
}

/*
** Split one query line into plain runs, "phrases" and -excluded parts and
** write the expression.  States: between parts; in a plain run (up to the
** next space that is followed by - ! or ", or a quote); in a phrase (up to
** the closing quote or the end of the line).
*/
static int put_query(cli_analyzer *ca, unsigned flags, const char *q, size_t len, wbuf *out)
{
    size_t i = 0, start;
    int segments = 0, rc;

    while (i < len) {
        int negate = 0;
        while (i < len && (q[i] == ' ' || q[i] == '\t'))
            i++;
        if (i < len && (q[i] == '-' || q[i] == '!') && i + 1 < len && q[i + 1] != ' ') {
            negate = 1;
            i++;
        }
        if (i < len && q[i] == '"') {
            start = ++i;
            while (i < len && q[i] != '"')
                i++;
            rc = put_segment(ca, flags, q + start, i - start, 1, negate, &segments, out);
            if (i < len)
                i++;                                     /* the closing quote */
        } else {
            start = i;
            if (negate) {                                /* one word */
                while (i < len && q[i] != ' ' && q[i] != '\t')
                    i++;
            } else {                                     /* up to -x, !x or " */
                while (i < len && !(q[i] == '"'
                                    || ((q[i] == ' ' || q[i] == '\t') && i + 2 < len
                                        && (q[i + 1] == '-' || q[i + 1] == '!')
                                        && q[i + 2] != ' ')))
                    i++;
            }
            rc = put_segment(ca, flags, q + start, i - start, 0, negate, &segments, out);
        }
        if (rc != 0)
            return rc;
    }
    return 0;
}

int sphinx_query_lines(cli_analyzer *ca, unsigned flags, FILE *in, wbuf *out)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    unsigned long lineno = 0;
    int rc = EXIT_OK, status;

    while ((n = getline(&line, &cap, in)) >= 0) {
        lineno++;
        if (n && line[n - 1] == '\n') n--;
        if (n && line[n - 1] == '\r') n--;
        status = put_query(ca, flags | TOPONORM_FOR_QUERY, line, (size_t)n, out);
        wb_putc(out, '\n');
        if (status != 0) {
            fprintf(stderr, "toponorm analyze: stdin:%lu: %s\n", lineno, toponorm_strerror(status));
            rc = EXIT_INPUT;
            break;
        }
    }
    free(line);
    return rc;
}
