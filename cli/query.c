/*
** query.c: parse a toponorm query and build its Xapian query (query.h).
**
** The parser is a scanner over the query string, item by item:
**   SPACE   skipped
**   -       at the start of an item: exclude it
**   "       a phrase up to the next " (or the end)
**   OR      joins the items on both sides into one OR group
**   AND     accepted, and the default anyway
**   other   a word, up to a space or a quote
** Groups are ANDed; exclusions are removed from the result (AND_NOT).
*/
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "query.h"
#include "vocab.h"
#include "xdb.h"

/* Indexed words a query key may bring in (vocab.c): a key is rarely shared
** by more than a few spellings; this bounds a pathological one. */
#define VOCAB_MAX 16

/* The weight of a word's place ids against its spellings (word_query): the
** place id names the place whatever the spelling; a key or a stem may join
** different words. */
#ifndef W_PLACE
#define W_PLACE   2.0
#endif
#ifndef W_OTHER
#define W_OTHER   0.5
#endif

/* One analyzed term of an item. */
typedef struct iterm {
    char *term;
    size_t plen;       /* bytes of its prefix */
    int kind;
    unsigned flags;
    uint32_t pos;
    size_t start, end;
} iterm;

typedef struct collect {
    iterm *v;
    size_t n, cap;
    int oom;
} collect;

static void collect_free(collect *c);

/* Room for one more term in c; -1 when out of memory (c unchanged). */
static int collect_room(collect *c)
{
    iterm *p;
    size_t cap = c->cap ? 2 * c->cap : 16;
    if (c->n < c->cap)
        return 0;
    if (!(p = realloc(c->v, cap * sizeof *p)))
        return -1;
    c->v = p;
    c->cap = cap;
    return 0;
}

static int on_term(void *ctx, const toponorm_term *t)
{
    collect *c = ctx;
    const char *pfx = toponorm_term_prefix(t->kind);
    size_t pl = strlen(pfx);
    if (pl + t->len > TNX_MAX_TERM)
        return 0;
    if (collect_room(c)) {
        c->oom = 1;
        return 1;
    }
    char *s = malloc(pl + t->len + 1);
    if (!s) {
        c->oom = 1;
        return 1;
    }
    memcpy(s, pfx, pl);
    memcpy(s + pl, t->text, t->len);
    s[pl + t->len] = '\0';
    c->v[c->n++] = (iterm){s, pl, t->kind, t->flags, t->position, t->start, t->end};
    return 0;
}

/*
** The analyzer leaves out a stem equal to the surface form (Донецк has no
** stem term, Донецке has stem донецк).  So a query token also looks for
** its surface as a stem (Донецк finds Донецке) and its stem as a surface
** (Донецке finds Донецк).  Both are added after the token's own terms,
** flagged as stems.
*/
static int add_stem_equivalents(collect *c)
{
    collect out = {0};
    size_t i, j, k;
    for (i = 0; i < c->n; i = j) {
        const iterm *surf = NULL, *stem = NULL;
        for (j = i; j < c->n && c->v[j].start == c->v[i].start && c->v[j].end == c->v[i].end;
             j++) {
            if (c->v[j].kind == TOPONORM_TERM_SURFACE)
                surf = &c->v[j];
            else if (c->v[j].kind == TOPONORM_TERM_STEM)
                stem = &c->v[j];
        }
        for (k = i; k < j; k++) {
            toponorm_term t = {c->v[k].term + c->v[k].plen, 0,
                               c->v[k].kind, c->v[k].flags, c->v[k].pos, c->v[k].start,
                               c->v[k].end, 0, 0, 0};
            t.len = strlen(t.text);
            if (on_term(&out, &t))
                goto oom;
        }
        if (surf && !(surf->flags & TOPONORM_TERM_COMPOUND) && cli_word_has_zstem(surf->term)) {
            toponorm_term t = {surf->term, strlen(surf->term), TOPONORM_TERM_STEM,
                               surf->flags | TOPONORM_TERM_COLOCATED, surf->pos, surf->start,
                               surf->end, 0, 0, 0};
            if (on_term(&out, &t))
                goto oom;
            if (stem) {
                const char *bare = stem->term + stem->plen;
                t = (toponorm_term){bare, strlen(bare), TOPONORM_TERM_SURFACE,
                                    surf->flags | TOPONORM_TERM_COLOCATED, surf->pos,
                                    surf->start, surf->end, 0, 0, 0};
                if (on_term(&out, &t))
                    goto oom;
                out.v[out.n - 1].kind = TOPONORM_TERM_STEM;   /* for explaining: a stem match */
            }
        }
    }
    collect_free(c);
    *c = out;
    return 0;
oom:
    collect_free(&out);
    return -1;
}

/* Append a copy of it to c; -1 when out of memory. */
static int push_copy(collect *c, const iterm *it)
{
    if (collect_room(c))
        return -1;
    c->v[c->n] = *it;
    if (!(c->v[c->n].term = strdup(it->term)))
        return -1;
    c->n++;
    return 0;
}

/* One indexed word with the key of a query token: an alternative of it. */
typedef struct vocab_add {
    collect *out;
    iterm key;
    const cli_analyzer *ca;
    const char *zstem;                 /* the token's stem term ("Z..."), or NULL */
    int oom;
} vocab_add;

/* The stem term a document holds for a word, as index.c stores it: the
** analyzer's stem, or the surface when the stem is the same. */
typedef struct zstem_of {
    char term[TNX_MAX_TERM + 2];
    int have;
} zstem_of;

static int on_zstem(void *ctx, const toponorm_term *t)
{
    zstem_of *z = ctx;
    if (t->position != 1 || (t->flags & TOPONORM_TERM_COMPOUND) || t->len + 1 >= sizeof z->term ||
        (t->kind != TOPONORM_TERM_STEM && t->kind != TOPONORM_TERM_SURFACE) ||
        (t->kind == TOPONORM_TERM_SURFACE && z->have))
        return 0;
    z->term[0] = 'Z';
    memcpy(z->term + 1, t->text, t->len);
    z->term[t->len + 1] = '\0';
    z->have = 1;
    return 0;
}

static int on_vocab_word(void *ctx, const char *w, size_t n)
{
    vocab_add *a = ctx;
    for (size_t i = 0; i < a->out->n; i++)
        if (a->out->v[i].plen == 0 && a->out->v[i].start == a->key.start &&
            a->out->v[i].end == a->key.end && strlen(a->out->v[i].term) == n &&
            memcmp(a->out->v[i].term, w, n) == 0)
            return 0;                 /* the token's own surface or stem */
    if (a->zstem) {
        /* A form of the query word itself (який brings які, якій): every
        ** document with it has the stem the query reads anyway. */
        zstem_of z = {{0}, 0};
        toponorm_analyze(a->ca->an, a->ca->sc, w, n, TOPONORM_FOR_INDEX, on_zstem, &z);
        if (z.have && strcmp(z.term, a->zstem) == 0)
            return 0;
    }
    toponorm_term t = {w, n, TOPONORM_TERM_SURFACE, a->key.flags | TOPONORM_TERM_COLOCATED,
                       a->key.pos, a->key.start, a->key.end, 0, 0, 0};
    if (on_term(a->out, &t)) {
        a->oom = 1;
        return 1;
    }
    a->out->v[a->out->n - 1].kind = TOPONORM_TERM_KEY;   /* for explaining: a key match */
    return 0;
}

/*
** Documents are indexed without key terms on their words (index.c); the
** keys live in the database's vocabulary.  So each key of a query token also brings
** the indexed words that have it (metro brings метро, Донецьк brings
** Donezk), added after the token's own terms, flagged as keys.
*/
static int add_vocab_words(collect *c, tnx_db *db, const cli_analyzer *ca)
{
    collect out = {0};
    size_t i, j, k;
    if (!db)
        return 0;
    for (i = 0; i < c->n; i = j) {
        const char *zstem = NULL;
        for (j = i; j < c->n && c->v[j].start == c->v[i].start && c->v[j].end == c->v[i].end;
             j++) {
            if (push_copy(&out, &c->v[j]))
                goto oom;
            if (!zstem && c->v[j].kind == TOPONORM_TERM_STEM && c->v[j].plen > 0)
                zstem = c->v[j].term;
        }
        for (k = i; k < j; k++) {
            vocab_add a = {&out, c->v[k], ca, zstem, 0};
            const char *key = c->v[k].term + c->v[k].plen;
            if (c->v[k].kind != TOPONORM_TERM_KEY || c->v[k].plen == 0)
                continue;
            if (cli_vocab_lookup(db, key, strlen(key), VOCAB_MAX, on_vocab_word, &a) != TNX_OK)
                continue;             /* a database error: the query runs without them */
            if (a.oom)
                goto oom;
        }
    }
    collect_free(c);
    *c = out;
    return 0;
oom:
    collect_free(&out);
    return -1;
}

static void collect_free(collect *c)
{
    for (size_t i = 0; i < c->n; i++)
        free(c->v[i].term);
    free(c->v);
    memset(c, 0, sizeof *c);
}

const qterm *cquery_find(const cquery *cq, const char *term, size_t len)
{
    for (size_t i = 0; i < cq->n_terms; i++)
        if (cq->terms[i].len == len && memcmp(cq->terms[i].term, term, len) == 0)
            return &cq->terms[i];
    return NULL;
}

/* Remember a query word (as typed) and return its index, or -1. */
static int add_word(cquery *cq, const char *s, size_t n)
{
    if (cq->n_words == cq->cap_words) {
        char **p = realloc(cq->words, (cq->cap_words = cq->cap_words ? 2 * cq->cap_words : 8) *
                                          sizeof *p);
        if (!p)
            return -1;
        cq->words = p;
    }
    char *w = malloc(n + 1);
    if (!w)
        return -1;
    memcpy(w, s, n);
    w[n] = '\0';
    cq->words[cq->n_words] = w;
    return (int)cq->n_words++;
}

static int add_qterm(cquery *cq, const iterm *it, int word, int phrase, unsigned ppos,
                     unsigned plen_phrase)
{
    if (cquery_find(cq, it->term, strlen(it->term)))
        return 0;
    if (cq->n_terms == cq->cap_terms) {
        qterm *p = realloc(cq->terms, (cq->cap_terms = cq->cap_terms ? 2 * cq->cap_terms : 16) *
                                          sizeof *p);
        if (!p)
            return -1;
        cq->terms = p;
    }
    char *t = strdup(it->term);
    if (!t)
        return -1;
    cq->terms[cq->n_terms++] =
        (qterm){t, it->plen, it->kind, word, phrase, ppos, plen_phrase, strlen(t)};
    return 0;
}

/* Free an array of n queries. */
static void free_qs(tnx_query **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        tnx_query_free(v[i]);
}

/* op over v[0..n), its weight scaled by w; NULL when out of memory. */
static tnx_query *combine_scaled(int op, tnx_query **v, size_t n, double w)
{
    tnx_query *t = tnx_query_combine(op, v, n), *q;
    if (!t)
        return NULL;
    q = tnx_query_scale(t, w);
    tnx_query_free(t);
    return q;
}

/*
** The query for the terms v[lo..hi) of one token (or of the compound form):
** surface OR 0.5 * SYNONYM(the other spellings: keys, stems, vocabulary
** words) OR 2 * OR(places).  A document in the query's own spelling scores
** on the surface at full weight, one in another spelling at half, so the
** exact spelling ranks first; the place id, the name whatever the
** spelling, is weighted highest.  Three branches of an OR, each list read once, let
** Xapian's matcher skip documents that cannot reach the top hits, which
** one SYNONYM of everything cannot.  Duplicate terms (a Latin word may have
** one key under two readings) are skipped.
*/
static tnx_query *word_query(const iterm *v, size_t lo, size_t hi)
{
    tnx_query **other = calloc(hi - lo + 1, sizeof *other), **place = calloc(hi - lo + 1, sizeof *place);
    tnx_query *parts[3] = {NULL, NULL, NULL}, *surface = NULL, *q = NULL, *tmp;
    size_t no = 0, np = 0, nparts = 0, stem = hi;
    /* A word that names no place: its stem's list holds every document
    ** with any form of it (index.c stores a stem for every word that starts
    ** with a letter; 2.13 and _exit are read by their surface), so the
    ** stem stands in for the surface and the stem equivalents, and the
    ** word costs one list plus its other spellings, as a stemmed Xapian
    ** query costs one.  A place name keeps its surface: there the exact
    ** spelling ranks first (Донецк finds «Донецк» before «Донецьк»). */
    for (size_t i = lo; i < hi && v[i].kind != TOPONORM_TERM_PLACE; i++)
        if (v[i].kind == TOPONORM_TERM_STEM && v[i].plen > 0 && stem == hi)
            stem = i;
    for (size_t i = lo; i < hi && stem < hi; i++)
        if (v[i].kind == TOPONORM_TERM_PLACE)
            stem = hi;
    if (!other || !place)
        goto out;
    for (size_t i = lo; i < hi; i++) {
        int dup = 0;
        for (size_t j = lo; j < i; j++)
            dup |= strcmp(v[j].term, v[i].term) == 0;
        if (dup)
            continue;
        if (stem < hi && i != stem && (v[i].kind == TOPONORM_TERM_STEM ||
                                       (v[i].kind == TOPONORM_TERM_SURFACE && v[i].plen == 0)))
            continue;       /* the surface and the stem equivalents: in the stem's list */
        if (!(tmp = tnx_query_term(v[i].term, strlen(v[i].term), 0)))
            goto out;
        if (v[i].kind == TOPONORM_TERM_PLACE)
            place[np++] = tmp;
        else if (i == stem || (stem == hi && v[i].kind == TOPONORM_TERM_SURFACE && !surface))
            surface = tmp;
        else
            other[no++] = tmp;
    }
    if (surface) {
        parts[nparts++] = surface;
        surface = NULL;
    }
    if (no && !(parts[nparts++] = combine_scaled(TNX_OP_SYNONYM, other, no, W_OTHER)))
        goto out;
    if (np && !(parts[nparts++] = combine_scaled(TNX_OP_OR, place, np, W_PLACE)))
        goto out;
    q = nparts ? tnx_query_combine(TNX_OP_OR, parts, nparts) : NULL;
out:
    free_qs(other, no);
    free_qs(place, np);
    free(other);
    free(place);
    tnx_query_free(surface);
    for (size_t i = 0; i < 3; i++)
        tnx_query_free(parts[i]);
    return q;
}

/* Where an item's terms came from, to analyze parts of it again. */
typedef struct item_src {
    const cli_analyzer *ca;
    const char *text;              /* the item's text: the terms' offsets are into it */
    unsigned flags;
} item_src;

/* Is one of the place terms v[lo..hi) at the first position of what c holds? */
static int has_place_at_first(const collect *c, const iterm *v, size_t lo, size_t hi)
{
    for (size_t k = 0; k < c->n && c->v[k].pos == c->v[0].pos; k++)
        for (size_t m = lo; m < hi; m++)
            if (c->v[k].kind == TOPONORM_TERM_PLACE && v[m].kind == TOPONORM_TERM_PLACE &&
                strcmp(c->v[k].term, v[m].term) == 0)
                return 1;
    return 0;
}

/*
** How many of the phrase's positions, from the one whose terms are
** v[lo..hi), the place name in those terms covers: the analyzer gives a
** place id once, at a name's first word.  The name ends at the first word
** after which its words, analyzed alone, give the id: Івано-Франківськ
** covers two positions (Івано alone names no place), Донецьк one.
** at[k] is the index in v of the first term of the phrase's position k.
*/
static size_t place_span(const item_src *src, const iterm *v, const size_t *at, size_t npos,
                         size_t p, size_t lo, size_t hi)
{
    collect sub = {0};
    size_t q;
    for (q = p; q < npos; q++) {
        size_t end = v[at[q]].end;
        int found;
        collect_free(&sub);
        if (toponorm_analyze(src->ca->an, src->ca->sc, src->text + v[at[p]].start,
                             end - v[at[p]].start, src->flags | TOPONORM_FOR_QUERY, on_term,
                             &sub) != 0 || sub.oom)
            break;
        found = has_place_at_first(&sub, v, lo, hi);
        if (found) {
            collect_free(&sub);
            return q - p + 1;
        }
    }
    collect_free(&sub);
    return 1;
}

/*
** Do the place terms at the item's first position name the whole item
** (Івано-Франківськ, "Нова Каховка")?  Then they are matched spellings
** wherever the document names the place, as a word's place terms are, not
** only inside the phrase.
*/
static int names_item(const item_src *src, const collect *c)
{
    size_t npos = 0, *at, first_end, k;
    int whole;
    for (k = 0; k < c->n && c->v[k].pos == c->v[0].pos; k++)
        ;
    first_end = k;
    for (k = 0; k < first_end && c->v[k].kind != TOPONORM_TERM_PLACE; k++)
        ;
    if (k == first_end || first_end == c->n || !(at = malloc(c->n * sizeof *at)))
        return 0;                /* no place there, or a single position */
    for (size_t i = 0; i < c->n; i++)
        if (i == 0 || c->v[i].pos != c->v[i - 1].pos)
            at[npos++] = i;
    whole = place_span(src, c->v, at, npos, 0, 0, first_end) == npos;
    free(at);
    return whole;
}

/*
** The phrase pos_q[0..npos) with its positions p..p+span-1 replaced by q
** (a place id for its name's words, a solid spelling for a hyphenated
** word's parts), in a window as long as the whole phrase; q alone, scaled
** by w, when it replaces them all.  NULL on failure.
*/
static tnx_query *phrase_replacing(tnx_query **pos_q, size_t npos, size_t p, size_t span,
                                   tnx_query *q, double w)
{
    tnx_query **seq, *r;
    size_t nseq = 0;
    if (p == 0 && span >= npos)
        return tnx_query_scale(q, w);
    if (!(seq = calloc(npos, sizeof *seq)))
        return NULL;
    for (size_t k = 0; k < p; k++)
        seq[nseq++] = pos_q[k];
    seq[nseq++] = q;
    for (size_t k = p + span; k < npos; k++)
        seq[nseq++] = pos_q[k];
    r = tnx_query_phrase(seq, nseq, (unsigned)npos);
    free(seq);
    return r;
}

/*
** The OR of alts[0..n) (NULL when n is 0); the queries and the array are
** freed.  *oom, when set already (a failure before), gives NULL; it is set
** when the OR fails.
*/
static tnx_query *or_alternatives(tnx_query **alts, size_t n, int *oom)
{
    tnx_query *q = NULL;
    if (!*oom && n && !(q = tnx_query_combine(TNX_OP_OR, alts, n)))
        *oom = 1;
    if (alts)
        free_qs(alts, n);
    free(alts);
    return q;
}

/* The OR of the place terms among v[lo..hi); NULL when none, or on failure (*oom). */
static tnx_query *places_of(const iterm *v, size_t lo, size_t hi, int *oom)
{
    tnx_query *pl[64], *q = NULL;
    size_t np = 0;
    *oom = 0;
    for (size_t k = lo; k < hi && np < 64; k++) {
        if (v[k].kind != TOPONORM_TERM_PLACE || (v[k].flags & TOPONORM_TERM_COMPOUND))
            continue;
        if (!(pl[np] = tnx_query_term(v[k].term, strlen(v[k].term), 0))) {
            *oom = 1;
            break;
        }
        np++;
    }
    if (np && !*oom && !(q = tnx_query_combine(TNX_OP_OR, pl, np)))
        *oom = 1;
    free_qs(pl, np);
    return q;
}

/*
** A phrase with a place name in it, the name by its place id: the phrase's
** positions before the name, the id, the positions after it, in a window
** as long as the whole phrase (the id stands for all the name's words).
** Stems have no positions, so this is how «Івано-Франківська» matches the
** phrase Івано-Франківськ, and «у Новій Каховці» "у Нова Каховка".  The OR of
** one such phrase per place name; NULL when there is none, or on failure
** (*oom).
*/
static tnx_query *place_phrases(const item_src *src, const collect *c, const size_t *at,
                                tnx_query **pos_q, size_t npos, int *oom)
{
    tnx_query **alts = calloc(npos, sizeof *alts);
    size_t nalts = 0;
    *oom = 1;
    if (!alts)
        return NULL;
    for (size_t p = 0; p < npos; p++) {
        size_t lo = at[p], hi = p + 1 < npos ? at[p + 1] : c->n;
        int failed;
        tnx_query *places = places_of(c->v, lo, hi, &failed);
        if (failed)
            goto out;
        if (!places)
            continue;
        alts[nalts] = phrase_replacing(pos_q, npos, p, place_span(src, c->v, at, npos, p, lo, hi),
                                       places, W_PLACE);
        tnx_query_free(places);
        if (!alts[nalts++])
            goto out;
    }
    *oom = 0;
out:
    return or_alternatives(alts, nalts, oom);
}

/* Is the first letter of a in the same script as b's (ASCII or not)? */
static int same_script(const char *a, const char *b)
{
    return ((unsigned char)a[0] < 0x80) == ((unsigned char)b[0] < 0x80);
}

/*
** The solid spellings of a hyphenated word, v[lo..hi) being the terms of
** its joined form: the indexed words of the same script that share its
** match key and have no hyphen (e-mail: email; real-time: realtime).  The
** joined form itself and its key add nothing to the phrase of the parts,
** which every document writing the word with a hyphen matches; a word of
** the other script is a false friend (из-за: ISA).  Their OR (a phrase
** takes only terms and ORs of terms); NULL when there is none, or on
** failure (*oom set).
*/
static tnx_query *solid_spellings(const iterm *v, size_t lo, size_t hi, int *oom)
{
    tnx_query *solid[16], *q = NULL;
    size_t n = 0, i;
    const char *joined = NULL;
    *oom = 0;
    for (i = lo; i < hi && !joined; i++)
        if (v[i].kind == TOPONORM_TERM_SURFACE && v[i].plen == 0)
            joined = v[i].term;
    for (i = lo; i < hi && joined && n < 16; i++) {
        if (v[i].kind != TOPONORM_TERM_KEY || v[i].plen != 0 || strchr(v[i].term, '-') ||
            !same_script(v[i].term, joined))
            continue;
        if (!(solid[n] = tnx_query_term(v[i].term, strlen(v[i].term), 0))) {
            *oom = 1;
            goto out;
        }
        n++;
    }
    if (n && !(q = tnx_query_combine(TNX_OP_OR, solid, n)))
        *oom = 1;
out:
    free_qs(solid, n);
    return q;
}

/*
** A hyphenated word's solid spellings (solid_spellings) as an alternative
** to the phrase of its parts: alone when the word is the whole item, else
** in the phrase with the positions before and after it, in a window as
** long as the whole phrase.  The OR of one such alternative per hyphenated
** word with solid spellings; NULL when there is none or on failure (*oom).
** No alternative is the common case, and the cheap one: an OR over a
** phrase makes Xapian check the positions of every document with all the
** parts, where a phrase alone is checked only when it could rank.
*/
static tnx_query *compound_phrases(const collect *c, const size_t *at, tnx_query **pos_q,
                                   size_t npos, int *oom)
{
    tnx_query **alts = calloc(npos, sizeof *alts);
    size_t nalts = 0, i, j;
    *oom = 1;
    if (!alts)
        return NULL;
    for (i = 0; i < c->n && nalts < npos; i = j) {
        size_t p = 0, span = 0;
        tnx_query *word;
        int failed;
        if (!(c->v[i].flags & TOPONORM_TERM_COMPOUND)) {
            j = i + 1;
            continue;
        }
        for (j = i; j < c->n && (c->v[j].flags & TOPONORM_TERM_COMPOUND) &&
                    c->v[j].pos == c->v[i].pos; j++)
            ;
        if (!(word = solid_spellings(c->v, i, j, &failed))) {
            if (failed)
                goto out;
            continue;
        }
        while (p < npos && c->v[at[p]].pos != c->v[i].pos)
            p++;
        while (p + span < npos && c->v[at[p + span]].start < c->v[i].end)
            span++;
        alts[nalts] = phrase_replacing(pos_q, npos, p, span ? span : 1, word, W_OTHER);
        tnx_query_free(word);
        if (!alts[nalts++])
            goto out;
    }
    *oom = 0;
out:
    return or_alternatives(alts, nalts, oom);
}

/*
** The query for one item (a word or a quoted phrase), from its analyzed
** terms: one position gives a word query; several give a phrase whose
** positions are ORs of their terms (a hyphenated word's joined form, when
** the analyzer gives one, is an alternative to the phrase of its parts,
** and so is the phrase with a place name's id for its words).
** *empty is set when the item has no searchable term.
*/
static tnx_query *item_query(const collect *c, const item_src *src, int *empty)
{
    size_t npos = 0, i, j, *at = NULL;
    tnx_query **pos_q = NULL, *phrase = NULL, *comp = NULL, *places = NULL, *q = NULL;
    int oom = 0;
    *empty = c->n == 0;
    if (*empty)
        return NULL;
    for (i = 0; i < c->n; i++)
        if (i == 0 || c->v[i].pos != c->v[i - 1].pos)
            npos++;
    if (npos == 1) {
        /* Only the terms of the first token (the compound form is the same word). */
        for (j = 0; j < c->n && !(c->v[j].flags & TOPONORM_TERM_COMPOUND); j++)
            ;
        return word_query(c->v, 0, j);
    }
    pos_q = calloc(npos, sizeof *pos_q);
    at = calloc(npos, sizeof *at);
    if (!pos_q || !at)
        goto out;
    npos = 0;
    for (i = 0; i < c->n; i = j) {
        size_t nt = 0;
        tnx_query *tq[64];
        at[npos] = i;
        for (j = i; j < c->n && c->v[j].pos == c->v[i].pos; j++) {
            if ((c->v[j].flags & TOPONORM_TERM_COMPOUND) || nt == 64)
                continue;
            /* Stem terms are indexed without positions (index.c): no phrase
            ** can use them.  Nor the stem as a surface (каким: как), a
            ** different word, often a common one, whose positions would be
            ** read for nothing. */
            if (c->v[j].kind == TOPONORM_TERM_STEM)
                continue;
            if (!(tq[nt] = tnx_query_term(c->v[j].term, strlen(c->v[j].term), 0)))
                goto out;
            nt++;
        }
        pos_q[npos] = tnx_query_combine(TNX_OP_OR, tq, nt);
        free_qs(tq, nt);
        if (!pos_q[npos++])
            goto out;
    }
    if (!(phrase = tnx_query_combine(TNX_OP_PHRASE, pos_q, npos)))
        goto out;
    if (src && !(places = place_phrases(src, c, at, pos_q, npos, &oom)) && oom)
        goto out;
    /* The solid spellings of its hyphenated words, if any. */
    if (!(comp = compound_phrases(c, at, pos_q, npos, &oom)) && oom)
        goto out;
    {
        tnx_query *alt[3];
        size_t nalt = 0;
        alt[nalt++] = phrase;
        if (comp)
            alt[nalt++] = comp;
        if (places)
            alt[nalt++] = places;
        if (nalt == 1) {
            q = phrase;
            phrase = NULL;
        } else {
            q = tnx_query_combine(TNX_OP_OR, alt, nalt);
        }
    }
out:
    if (pos_q)
        free_qs(pos_q, npos);
    free(pos_q);
    free(at);
    tnx_query_free(phrase);
    tnx_query_free(comp);
    tnx_query_free(places);
    return q;
}

/* A group of OR'ed items, under construction. */
typedef struct group {
    tnx_query **v;
    size_t n, cap;
} group;

static int push(group *g, tnx_query *q)
{
    if (!q)
        return -1;
    if (g->n == g->cap) {
        tnx_query **p = realloc(g->v, (g->cap = g->cap ? 2 * g->cap : 8) * sizeof *p);
        if (!p) {
            tnx_query_free(q);
            return -1;
        }
        g->v = p;
    }
    g->v[g->n++] = q;
    return 0;
}

static void group_free(group *g)
{
    free_qs(g->v, g->n);
    free(g->v);
    memset(g, 0, sizeof *g);
}

/* Close the current OR group into the AND list. */
static int close_group(group *ors, group *ands)
{
    int rc = 0;
    if (ors->n == 1) {
        rc = push(ands, ors->v[0]);
        ors->n = 0;
    } else if (ors->n > 1) {
        rc = push(ands, tnx_query_combine(TNX_OP_OR, ors->v, ors->n));
        free_qs(ors->v, ors->n);
        ors->n = 0;
    }
    return rc;
}

/*
** The plain word at or after text[i] (spaces skipped): not a phrase, not an
** exclusion, not OR/AND.  Sets [*s, *e) and returns 1, else returns 0.
*/
static int next_plain_word(const char *text, size_t len, size_t i, size_t *s, size_t *e)
{
    while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
        i++;
    if (i == len || text[i] == '"' || text[i] == '-')
        return 0;
    *s = i;
    while (i < len && text[i] != ' ' && text[i] != '\t' && text[i] != '"' && text[i] != '\n' &&
           text[i] != '\r')
        i++;
    *e = i;
    return !((*e - *s == 2 && memcmp(text + *s, "OR", 2) == 0) ||
             (*e - *s == 3 && memcmp(text + *s, "AND", 3) == 0));
}

/* Place terms of the first token in c that are not among have's terms; count returned. */
static size_t new_places(const collect *c, const collect *have, const iterm **out, size_t cap)
{
    size_t n = 0;
    for (size_t k = 0; k < c->n && c->v[k].pos == c->v[0].pos; k++) {
        int dup = 0;
        if (c->v[k].kind != TOPONORM_TERM_PLACE)
            continue;
        for (size_t m = 0; m < have->n; m++)
            dup |= strcmp(have->v[m].term, c->v[k].term) == 0;
        if (!dup && n < cap)
            out[n++] = &c->v[k];
    }
    return n;
}

/*
** A place name of several words (Кривий Ріг, Нова Каховка) gets its place
** term only when the analyzer sees the words together, on the first word.
** Starting at the word [s, e) whose query is *q, try it with the next one,
** two or three plain words; when that brings a new place term, *q becomes
** (the words ANDed) OR (the place, weighted): a document naming the place
** in any language (Krivoy Rog, Kryvyi Rih) matches though its words differ.
** Returns the end of the words used (e when none), or 0 on failure.
*/
static size_t multiword_place(cquery *cq, const cli_analyzer *ca, const char *text, size_t len,
                              unsigned flags, size_t s, size_t e, const collect *first,
                              tnx_query **q, int word)
{
    size_t ws[4], we[4], nw = 1, at = e, k, np = 0;
    collect span = {0}, one = {0};
    const iterm *pl[8];
    tnx_query *parts[4] = {*q, NULL, NULL, NULL}, *and_q = NULL, *pq[8], *syn = NULL, *alt[2];
    size_t ret = 0;
    ws[0] = s;
    we[0] = e;
    for (nw = 1; nw < 4 && next_plain_word(text, len, at, &ws[nw], &we[nw]); nw++) {
        at = we[nw];
        collect_free(&span);
        if (toponorm_analyze(ca->an, ca->sc, text + s, we[nw] - s, flags | TOPONORM_FOR_QUERY,
                             on_term, &span) != 0 || span.oom)
            goto out;
        if ((np = new_places(&span, first, pl, 8)) > 0)
            break;
    }
    if (np == 0 || nw == 4) {
        ret = e;
        goto out;
    }
    /* The words as they would be alone, ANDed. */
    for (k = 1; k <= nw; k++) {
        int empty;
        collect_free(&one);
        if (toponorm_analyze(ca->an, ca->sc, text + ws[k], we[k] - ws[k],
                             flags | TOPONORM_FOR_QUERY, on_term, &one) != 0 || one.oom ||
            add_stem_equivalents(&one) || add_vocab_words(&one, cq->vocab, ca))
            goto out;
        item_src src = {ca, text + ws[k], flags};
        parts[k] = item_query(&one, &src, &empty);
        if (empty)
            continue;
        if (!parts[k])
            goto out;
        for (size_t m = 0, w = 0; m < one.n; m++) {
            if (m == 0 || one.v[m].start != one.v[m - 1].start) {
                int wn = add_word(cq, text + ws[k] + one.v[m].start, one.v[m].end - one.v[m].start);
                if (wn < 0)
                    goto out;
                w = (size_t)wn;
            }
            if (add_qterm(cq, &one.v[m], (int)w, 0, 0, 0))
                goto out;
        }
    }
    {
        tnx_query *v[4];
        size_t nv = 0;
        for (k = 0; k <= nw; k++)
            if (parts[k])
                v[nv++] = parts[k];
        if (!(and_q = tnx_query_combine(TNX_OP_AND, v, nv)))
            goto out;
    }
    for (k = 0; k < np; k++) {
        if (!(pq[k] = tnx_query_term(pl[k]->term, strlen(pl[k]->term), 0))) {
            free_qs(pq, k);
            goto out;
        }
        if (add_qterm(cq, pl[k], word, 0, 0, 0)) {
            free_qs(pq, k + 1);
            goto out;
        }
    }
    syn = tnx_query_combine(TNX_OP_SYNONYM, pq, np);
    free_qs(pq, np);
    if (!syn)
        goto out;
    alt[0] = and_q;
    alt[1] = tnx_query_scale(syn, W_PLACE);
    if (!alt[1])
        goto out;
    tnx_query *r = tnx_query_combine(TNX_OP_OR, alt, 2);
    tnx_query_free(alt[1]);
    if (!r)
        goto out;
    tnx_query_free(*q);
    *q = r;
    parts[0] = NULL;                 /* freed with the old *q */
    ret = we[nw];
out:
    for (k = 1; k < 4; k++)
        tnx_query_free(parts[k]);
    tnx_query_free(and_q);
    tnx_query_free(syn);
    collect_free(&span);
    collect_free(&one);
    return ret;
}

int cquery_build(cquery *cq, const cli_analyzer *ca, tnx_db *db, const char *text, size_t len,
                 unsigned flags, const char *lang, char *err, size_t cap)
{
    group ands = {0}, ors = {0}, nots = {0};
    collect c = {0};
    size_t i = 0;
    int rc = EXIT_DB, pending_or = 0, quote_open = 0;
    tnx_query *pos = NULL, *neg = NULL, *tmp;

    memset(cq, 0, sizeof *cq);
    cq->vocab = db;
    while (i < len) {
        size_t s, e;
        int negate = 0, phrase = 0, empty;
        if (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r') {
            i++;
            continue;
        }
        if (text[i] == '-' && i + 1 < len && text[i + 1] != ' ') {
            negate = 1;
            i++;
        }
        if (text[i] == '"') {
            phrase = 1;
            s = ++i;
            while (i < len && text[i] != '"')
                i++;
            e = i;
            if (i < len)
                i++;
            else
                quote_open = 1;
        } else {
            s = i;
            while (i < len && text[i] != ' ' && text[i] != '\t' && text[i] != '"' &&
                   text[i] != '\n' && text[i] != '\r')
                i++;
            e = i;
        }
        if (!negate && !phrase && e - s == 2 && memcmp(text + s, "OR", 2) == 0) {
            pending_or = 1;
            continue;
        }
        if (!negate && !phrase && e - s == 3 && memcmp(text + s, "AND", 3) == 0)
            continue;
        collect_free(&c);
        if (toponorm_analyze(ca->an, ca->sc, text + s, e - s, flags | TOPONORM_FOR_QUERY,
                             on_term, &c) != 0 || c.oom || add_stem_equivalents(&c) ||
            add_vocab_words(&c, cq->vocab, ca))
            goto fail;
        item_src src = {ca, text + s, flags};
        tnx_query *q = item_query(&c, &src, &empty);
        if (empty) {
            pending_or = 0;
            continue;
        }
        if (!q)
            goto fail;
        if (negate) {
            if (push(&nots, q))
                goto fail;
            pending_or = 0;
            continue;
        }
        /* Remember the terms and the word each token was typed as; the
        ** terms of a phrase (several positions) with their place in it, so
        ** only real occurrences of the phrase count as matched spellings. */
        {
            unsigned npos = 0;
            int ph = 0, whole_place = 0;
            for (size_t k = 0; k < c.n; k++)
                if (k == 0 || c.v[k].pos != c.v[k - 1].pos)
                    npos++;
            if (npos > 1) {
                ph = ++cq->n_phrases;
                whole_place = names_item(&src, &c);
            }
            for (size_t k = 0, w = 0; k < c.n; k++) {
                int in_ph = ph && !(c.v[k].flags & TOPONORM_TERM_COMPOUND) &&
                            !(whole_place && c.v[k].kind == TOPONORM_TERM_PLACE &&
                              c.v[k].pos == c.v[0].pos);
                if (k == 0 || c.v[k].start != c.v[k - 1].start || c.v[k].end != c.v[k - 1].end) {
                    int nw = add_word(cq, text + s + c.v[k].start, c.v[k].end - c.v[k].start);
                    if (nw < 0) {
                        tnx_query_free(q);
                        goto fail;
                    }
                    w = (size_t)nw;
                }
                if (add_qterm(cq, &c.v[k], (int)w, in_ph ? ph : 0,
                              in_ph ? c.v[k].pos - c.v[0].pos : 0, in_ph ? npos : 0)) {
                    tnx_query_free(q);
                    goto fail;
                }
            }
        }
        if (!phrase && cq->n_words) {
            size_t end = multiword_place(cq, ca, text, len, flags, s, e, &c, &q,
                                         (int)cq->n_words - 1);
            if (!end) {
                tnx_query_free(q);
                goto fail;
            }
            i = end;
        }
        if (!pending_or && close_group(&ors, &ands)) {
            tnx_query_free(q);
            goto fail;
        }
        if (push(&ors, q))
            goto fail;
        pending_or = 0;
    }
    if (close_group(&ors, &ands))
        goto fail;
    if (quote_open) {
        snprintf(err, cap, "unbalanced quote in the query");
        rc = EXIT_INPUT;
        goto fail;
    }
    if (ands.n == 0) {
        snprintf(err, cap, nots.n ? "a query needs a word that is not excluded"
                                  : "the query has no searchable word");
        rc = EXIT_INPUT;
        goto fail;
    }
    if (!(pos = ands.n == 1 ? ands.v[0] : tnx_query_combine(TNX_OP_AND, ands.v, ands.n)))
        goto fail;
    if (ands.n == 1)
        ands.n = 0;                            /* pos owns it now */
    if (nots.n) {
        if (!(neg = tnx_query_combine(TNX_OP_OR, nots.v, nots.n)))
            goto fail;
        tnx_query *pn[2] = {pos, neg};
        if (!(tmp = tnx_query_combine(TNX_OP_AND_NOT, pn, 2)))
            goto fail;
        tnx_query_free(pos);
        pos = tmp;
    }
    if (lang) {
        char lt[16];
        snprintf(lt, sizeof lt, "XL%s", lang);
        tnx_query *f[2] = {pos, tnx_query_term(lt, strlen(lt), 0)};
        if (!f[1] || !(tmp = tnx_query_combine(TNX_OP_FILTER, f, 2))) {
            tnx_query_free(f[1]);
            goto fail;
        }
        tnx_query_free(f[1]);
        tnx_query_free(pos);
        pos = tmp;
    }
    cq->q = pos;
    pos = NULL;
    rc = EXIT_OK;
fail:
    if (rc == EXIT_DB)
        snprintf(err, cap, "cannot build the query: %s", *tnx_last_error() ? tnx_last_error()
                                                                            : "out of memory");
    collect_free(&c);
    group_free(&ands);
    group_free(&ors);
    group_free(&nots);
    tnx_query_free(pos);
    tnx_query_free(neg);
    if (rc != EXIT_OK)
        cquery_free(cq);
    return rc;
}

void cquery_free(cquery *cq)
{
    for (size_t i = 0; i < cq->n_terms; i++)
        free(cq->terms[i].term);
    for (size_t i = 0; i < cq->n_words; i++)
        free(cq->words[i]);
    free(cq->terms);
    free(cq->words);
    tnx_query_free(cq->q);
    memset(cq, 0, sizeof *cq);
}
