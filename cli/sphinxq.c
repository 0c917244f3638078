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
** place ids, stems), deduplicated; a hyphenated compound's parts are ORed
** with its joined terms (put_groups).  Phrases are spelled out (put_phrase),
** since Sphinx 2.2 cannot OR inside a phrase.
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
** gfirst[g] .. gfirst[g + 1] - 1, and its token starts at byte gstart[g].
** A hyphenated compound's joined terms (Івано-Франківськ: its key, its
** place id) are kept apart in comps, with the byte range they cover.
*/
typedef struct compound {
    size_t start, end;              /* bytes of the compound in the text */
    size_t first, n;                /* its words: cwofs[first ..] */
    int long_token;                 /* Sphinx may cut it: no words */
} compound;

typedef struct segment {
    sbuf words, wofs, gfirst, gstart; /* wofs, gfirst, gstart: size_t arrays */
    sbuf cwords, cwofs, comps;        /* the compounds' words; comps: compound[] */
    size_t n_words, n_groups, n_cwords, n_comps;
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

static const char *cword(const segment *s, size_t i)
{
    return s->cwords.p + at(&s->cwofs, i);
}

static compound *comp(const segment *s, size_t i)
{
    return (compound *)(void *)(s->comps.p + i * sizeof(compound));
}

/* Words of group g: [*first, *end). */
static void group(const segment *s, size_t g, size_t *first, size_t *end)
{
    *first = at(&s->gfirst, g);
    *end = g + 1 < s->n_groups ? at(&s->gfirst, g + 1) : s->n_words;
}

static int oom(const segment *s)
{
    return s->words.oom || s->wofs.oom || s->gfirst.oom || s->gstart.oom
        || s->cwords.oom || s->cwofs.oom || s->comps.oom;
}

/* A compound's term: to the compound covering the same bytes. */
static int on_compound_term(segment *s, const toponorm_term *t)
{
    char w[TN_SPHX_WORD_BYTES + 1];
    compound *c = s->n_comps ? comp(s, s->n_comps - 1) : NULL;
    size_t i, n, ofs;

    if (!c || c->start != t->start || c->end != t->end) {
        compound fresh = {t->start, t->end, s->n_cwords, 0, 0};
        sb_put(&s->comps, &fresh, sizeof fresh);
        if (s->comps.oom)
            return 1;
        c = comp(s, s->n_comps++);
    }
    if (t->kind == TOPONORM_TERM_SURFACE) {   /* Sphinx splits it anyway */
        c->long_token = tn_sphx_chars(t->text, t->len) >= TN_SPHX_WORD_CHARS;
        return 0;
    }
    if (c->long_token || (n = tn_sphx_word(t->kind, t->text, t->len, w)) == 0)
        return 0;
    for (i = c->first; i < c->first + c->n; i++)
        if (!strcmp(cword(s, i), w))
            return 0;
    ofs = s->cwords.n;
    sb_put(&s->cwords, w, n + 1);
    sb_put(&s->cwofs, &ofs, sizeof ofs);
    s->n_cwords++;
    c->n++;
    return oom(s);
}

static int on_term(void *ctx, const toponorm_term *t)
{
    segment *s = ctx;
    char w[TN_SPHX_WORD_BYTES + 1];
    size_t i, first, end, n, ofs;

    if (t->flags & TOPONORM_TERM_COMPOUND)
        return on_compound_term(s, t);
    if (s->n_groups == 0 || t->position != s->position) {
        s->position = t->position;
        s->long_token = t->kind == TOPONORM_TERM_SURFACE
                        && tn_sphx_chars(t->text, t->len) >= TN_SPHX_WORD_CHARS;
        sb_put(&s->gfirst, &s->n_words, sizeof s->n_words);
        sb_put(&s->gstart, &t->start, sizeof t->start);
        s->n_groups++;
    }
    /* The index filter gives tokens Sphinx may have cut no extras. */
    if (s->long_token && t->kind != TOPONORM_TERM_SURFACE)
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
    return oom(s);
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
** The groups of a plain segment, ANDed by juxtaposition.  The parts of a
** hyphenated compound that has words of its own are ORed with them:
** (((івано | xkivano) (франківськ | xkfrankivsk)) | xkivanofrankivsk), so
** the name written as one word, or known by its place id only, matches too.
** (Sphinx binds | tighter than AND, hence the parentheses.)  Returns the
** number of ANDed items written.
*/
static size_t put_groups(sbuf *out, const segment *s)
{
    size_t g = 0, h, k, i, gs, items = 0;
    while (g < s->n_groups) {
        const compound *c = NULL;
        if (items++)
            sb_str(out, " ");
        gs = at(&s->gstart, g);
        for (k = 0; k < s->n_comps && !c; k++)
            if (comp(s, k)->start == gs && comp(s, k)->n > 0)
                c = comp(s, k);
        if (!c) {
            put_group(out, s, g++);
            continue;
        }
        for (h = g; h < s->n_groups && at(&s->gstart, h) < c->end; h++)
            ;
        sb_str(out, "((");
        for (k = g; k < h; k++) {
            if (k > g)
                sb_str(out, " ");
            put_group(out, s, k);
        }
        sb_str(out, ")");
        for (i = c->first; i < c->first + c->n; i++) {
            sb_str(out, " | ");
            put_word(out, cword(s, i));
        }
        sb_str(out, ")");
        g = h;
    }
    return items;                   /* the ANDed items written */
}

/*
** Analyze text[0..len) and write it to out: a phrase (over the compounds'
** parts), or its groups, with '-' first to exclude it.  Writes nothing when
** the text has no token.  Returns 0 or a negative TOPONORM_E* code.
*/
static int put_segment(cli_analyzer *ca, unsigned flags, const char *text, size_t len,
                       int phrase, int negate, int *segments, wbuf *out)
{
    segment s;
    sbuf expr = {0};
    size_t g, first, end, start, n = 0;
    int rc;

    memset(&s, 0, sizeof s);
    rc = toponorm_analyze(ca->an, ca->sc, text, len, flags, on_term, &s);
    for (g = 0; g < s.n_groups; g++) {         /* tokens without words drop out */
        group(&s, g, &first, &end);
        start = at(&s.gstart, g);
        if (end > first) {
            memcpy(s.gfirst.p + n * sizeof first, &first, sizeof first);
            memcpy(s.gstart.p + n++ * sizeof start, &start, sizeof start);
        }
    }
    s.n_groups = n;
    if (rc > 0 || oom(&s))
        rc = TOPONORM_ENOMEM;
    if (rc == 0 && s.n_groups > 0) {
        if (negate)
            sb_str(&expr, "-");
        if (phrase && s.n_groups > 1) {
            put_phrase(&expr, &s);
        } else {
            sbuf body = {0};
            size_t items = phrase ? (put_group(&body, &s, 0), 1) : put_groups(&body, &s);
            if (negate && items > 1)
                sb_str(&expr, "(");
            sb_put(&expr, body.p ? body.p : "", body.n);
            if (negate && items > 1)
                sb_str(&expr, ")");
            expr.oom |= body.oom;
            free(body.p);
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
    free(s.gstart.p);
    free(s.cwords.p);
    free(s.cwofs.p);
    free(s.comps.p);
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
