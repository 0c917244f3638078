/*
** snippet.c: matched spellings, explanations and snippets of a hit.
**
** Xapian tells which query terms a document holds, not where.  The
** document's text is analyzed again with the same analyzer: a token is a
** match when one of its terms is among those query terms.  That gives the
** spellings as the document writes them (Донецьку for the query Donetsk),
** the kind of term that joined them (key, place, stem, surface), and the
** byte ranges to highlight, all consistent with the index by construction.
*/
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "query.h"

/* Bytes of text shown around the first match, and before it. */
#define SNIPPET_BYTES 220
#define SNIPPET_LEAD  70

/* A token matching one position of a query phrase: it counts only where
** the whole phrase occurs around it. */
typedef struct cand {
    uint32_t pos;
    const qterm *qt;
    size_t start, end;
} cand;

typedef struct scan {
    hit_text *ht;
    const cquery *cq;
    const char *const *matched;
    size_t n_matched;
    const char *text;
    int in_text;                 /* scanning the text (not the title): keep offsets */
    size_t *spans;               /* [start, end) pairs of matched tokens in the text */
    size_t n_spans, cap_spans;
    cand *cands;                 /* tokens that match a term of a phrase, in this field */
    size_t n_cands, cap_cands;
    char term[TNX_MAX_TERM + 8];
    int oom;
} scan;

static int add_matched(hit_text *ht, const char *s, size_t n, char **out)
{
    for (size_t i = 0; i < ht->n_matched; i++)
        if (strlen(ht->matched[i]) == n && memcmp(ht->matched[i], s, n) == 0) {
            *out = ht->matched[i];
            return 0;
        }
    char **p = realloc(ht->matched, (ht->n_matched + 1) * sizeof *p);
    if (!p)
        return -1;
    ht->matched = p;
    if (!(p[ht->n_matched] = malloc(n + 1)))
        return -1;
    memcpy(p[ht->n_matched], s, n);
    p[ht->n_matched][n] = '\0';
    *out = p[ht->n_matched++];
    return 0;
}

/* One reason per spelling, query word, kind and term: a key term and a
** vocabulary word with the same text (XKdoneck, doneck) say the same. */
static int add_why(hit_text *ht, char *spelling, const qterm *qt)
{
    for (size_t i = 0; i < ht->n_why; i++) {
        const qterm *o = ht->why[i].qt;
        if (ht->why[i].spelling == spelling && o->word == qt->word && o->kind == qt->kind &&
            strcmp(o->term + o->plen, qt->term + qt->plen) == 0)
            return 0;
    }
    why_match *p = realloc(ht->why, (ht->n_why + 1) * sizeof *p);
    if (!p)
        return -1;
    ht->why = p;
    p[ht->n_why++] = (why_match){spelling, qt};
    return 0;
}

/* Record a match: the spelling, why, and (in the text) the span to highlight. */
static int record(scan *sc, const qterm *qt, size_t start, size_t end)
{
    char *spelling;
    if (add_matched(sc->ht, sc->text + start, end - start, &spelling) ||
        add_why(sc->ht, spelling, qt))
        return -1;
    if (!sc->in_text)
        return 0;
    for (size_t i = sc->n_spans; i-- > 0;)
        if (sc->spans[2 * i] == start && sc->spans[2 * i + 1] == end)
            return 0;                  /* another term of the same token */
    if (sc->n_spans == sc->cap_spans) {
        size_t *p = realloc(sc->spans, (sc->cap_spans = sc->cap_spans ? 2 * sc->cap_spans : 16) *
                                           2 * sizeof *p);
        if (!p)
            return -1;
        sc->spans = p;
    }
    sc->spans[2 * sc->n_spans] = start;
    sc->spans[2 * sc->n_spans + 1] = end;
    sc->n_spans++;
    return 0;
}

static int on_term(void *ctx, const toponorm_term *t)
{
    scan *sc = ctx;
    const char *pfx = toponorm_term_prefix(t->kind);
    size_t pl = strlen(pfx), i;
    const qterm *qt;
    if (pl + t->len > TNX_MAX_TERM)
        return 0;
    memcpy(sc->term, pfx, pl);
    memcpy(sc->term + pl, t->text, t->len);
    if (sc->matched) {                 /* NULL: every query term counts */
        for (i = 0; i < sc->n_matched; i++)
            if (strlen(sc->matched[i]) == pl + t->len &&
                memcmp(sc->matched[i], sc->term, pl + t->len) == 0)
                break;
        if (i == sc->n_matched)
            return 0;
    }
    if (!(qt = cquery_find(sc->cq, sc->term, pl + t->len)))
        return 0;
    if (qt->phrase) {
        if (sc->n_cands == sc->cap_cands) {
            cand *p = realloc(sc->cands, (sc->cap_cands = sc->cap_cands ? 2 * sc->cap_cands : 16) *
                                             sizeof *p);
            if (!p) {
                sc->oom = 1;
                return 1;
            }
            sc->cands = p;
        }
        sc->cands[sc->n_cands++] = (cand){t->position, qt, t->start, t->end};
        return 0;
    }
    if (record(sc, qt, t->start, t->end)) {
        sc->oom = 1;
        return 1;
    }
    return 0;
}

/* Is there a candidate of phrase ph at position pos for the phrase's position k? */
static int has_cand(const scan *sc, int ph, unsigned k, uint32_t pos)
{
    for (size_t i = 0; i < sc->n_cands; i++)
        if (sc->cands[i].pos == pos && sc->cands[i].qt->phrase == ph && sc->cands[i].qt->ppos == k)
            return 1;
    return 0;
}

/* Keep the phrase candidates of the field just scanned that lie in a whole occurrence. */
static int resolve_phrases(scan *sc)
{
    for (size_t i = 0; i < sc->n_cands; i++) {
        const cand *c = &sc->cands[i];
        unsigned k, len = c->qt->plen_phrase;
        if (c->pos < c->qt->ppos)
            continue;
        for (k = 0; k < len && has_cand(sc, c->qt->phrase, k, c->pos - c->qt->ppos + k); k++)
            ;
        if (k == len && record(sc, c->qt, c->start, c->end))
            return -1;
    }
    sc->n_cands = 0;
    return 0;
}

static int cmp_span(const void *a, const void *b)
{
    const size_t *x = a, *y = b;
    return x[0] < y[0] ? -1 : x[0] > y[0];
}

/* Move i back to the start of a UTF-8 character. */
static size_t char_start(const char *s, size_t i)
{
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

int hit_text_build(hit_text *ht, const cli_analyzer *ca, const cquery *cq, const char *title,
                   size_t title_len, const char *text, size_t text_len, unsigned flags,
                   const char *const *matched, size_t n_matched)
{
    scan sc;
    size_t ws = 0, we, first, i, o;
    memset(ht, 0, sizeof *ht);
    memset(&sc, 0, sizeof sc);
    sc.ht = ht;
    sc.cq = cq;
    sc.matched = matched;
    sc.n_matched = n_matched;
    if (title) {
        sc.text = title;
        toponorm_analyze(ca->an, ca->sc, title, title_len, flags | TOPONORM_FOR_INDEX, on_term, &sc);
        if (!sc.oom && resolve_phrases(&sc))
            sc.oom = 1;
    }
    if (!sc.oom) {
        sc.text = text;
        sc.in_text = 1;
        toponorm_analyze(ca->an, ca->sc, text, text_len, flags | TOPONORM_FOR_INDEX, on_term, &sc);
        if (!sc.oom && resolve_phrases(&sc))
            sc.oom = 1;
    }
    if (sc.oom)
        goto oom;
    if (sc.n_spans > 1)
        qsort(sc.spans, sc.n_spans, 2 * sizeof *sc.spans, cmp_span);

    /* The window: from a little before the first match, cut at spaces. */
    first = sc.n_spans ? sc.spans[0] : 0;
    if (first > SNIPPET_LEAD) {
        ws = char_start(text, first - SNIPPET_LEAD);
        for (i = ws; i < first && text[i] != ' '; i++)
            ;
        if (i < first)
            ws = i + 1;
    }
    we = ws + SNIPPET_BYTES < text_len ? ws + SNIPPET_BYTES : text_len;
    if (we < text_len) {
        for (i = we; i > ws && text[i] != ' '; i--)
            ;
        we = i > first ? i : char_start(text, we);
    }
    ht->snippet = malloc(we - ws + 8);
    ht->marks = malloc((sc.n_spans + 1) * 2 * sizeof *ht->marks);
    if (!ht->snippet || !ht->marks)
        goto oom;
    o = 0;
    if (ws > 0) {
        memcpy(ht->snippet, "\xe2\x80\xa6", 3);           /* … */
        o = 3;
    }
    for (i = ws; i < we; i++)
        ht->snippet[o + i - ws] = (unsigned char)text[i] < 0x20 ? ' ' : text[i];
    for (size_t k = 0; k < sc.n_spans; k++) {
        size_t s = sc.spans[2 * k], e = sc.spans[2 * k + 1];
        if (s < ws || e > we)
            continue;
        /* Spans overlap when a hyphenated word matched both whole and by
        ** its parts (з-за, з, за): one mark covers them. */
        if (ht->n_marks && s - ws + o < ht->marks[2 * ht->n_marks - 1]) {
            if (e - ws + o > ht->marks[2 * ht->n_marks - 1])
                ht->marks[2 * ht->n_marks - 1] = e - ws + o;
            continue;
        }
        ht->marks[2 * ht->n_marks] = s - ws + o;
        ht->marks[2 * ht->n_marks + 1] = e - ws + o;
        ht->n_marks++;
    }
    o += we - ws;
    if (we < text_len) {
        memcpy(ht->snippet + o, "\xe2\x80\xa6", 3);
        o += 3;
    }
    ht->snippet[o] = '\0';
    ht->snippet_len = o;
    free(sc.spans);
    free(sc.cands);
    return EXIT_OK;
oom:
    free(sc.spans);
    free(sc.cands);
    hit_text_free(ht);
    return EXIT_DB;
}

void hit_text_free(hit_text *ht)
{
    for (size_t i = 0; i < ht->n_matched; i++)
        free(ht->matched[i]);
    free(ht->matched);
    free(ht->why);
    free(ht->snippet);
    free(ht->marks);
    memset(ht, 0, sizeof *ht);
}
