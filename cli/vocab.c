/*
** vocab.c: the match keys of ordinary words, once per word, not per use.
**
** `toponorm index` stores a word by its surface and stem (and a place by
** its place id), without a key term at each of its occurrences (index.c;
** only a hyphenated word's joined form keeps one).  So that a query in
** another spelling (metro, wody, Donezk) still finds it (метро, воды,
** Донецьк), the database keeps a vocabulary: one term "XV<key> <surface>"
** per word and key, attached without position or weight to a document that
** uses it.  A query word's keys are looked up there and the surfaces found
** join its group (query.c), where their positions serve phrases too.
**
** Deleting or replacing the document that carries an entry moves the entry
** to another document with the word (tnx_move_terms, called by index.c).
**
** A word gets its vocabulary terms the first time this run meets it; a set
** of word hashes remembers which, in bounded memory: it starts small, so the
** lookup every word occurrence makes stays in the CPU caches, doubles as
** the vocabulary grows, and is emptied when half full at its largest (a word
** seen again then is simply added again).  Xapian stores a
** term once per document, and allterms() lists it once however many
** documents carry it, across shards and remote databases too.
*/
#include <stdlib.h>
#include <string.h>

#include "vocab.h"

#define SET_MIN    ((size_t)1 << 14)   /* 128 KB of word hashes ... */
#define SET_MAX    ((size_t)1 << 19)   /* ... growing up to 4 MB */
#define WORD_MAX   240                 /* longer tokens get no terms anyway */

struct cli_vocab {
    uint64_t *set;
    size_t slots, used;
    char word[WORD_MAX + 1];           /* the surface of the token being read */
    size_t word_len;
    int keyed;                         /* ... and whether it got key terms */
    char *queue;                       /* new words of this document, NUL-separated */
    size_t qlen, qcap;
    /* The new words' keys: an analyzer of its own that makes keys only,
    ** for the documents' analyzer need not make them (index.c); no token
    ** cache, since each word comes once. */
    toponorm_analyzer *an;
    toponorm_scratch *sc;
};

cli_vocab *cli_vocab_new(const toponorm_lexicon *lx)
{
    cli_vocab *v = calloc(1, sizeof *v);
    toponorm_options opt;
    toponorm_error err;
    toponorm_options_init(&opt);
    opt.cache_slots = 0;
    opt.kinds = 1u << TOPONORM_TERM_KEY;       /* no stems, no place lookups */
    if (!v || !(v->set = calloc(SET_MIN, sizeof *v->set)) ||
        toponorm_analyzer_new(lx, &opt, &v->an, &err) != TOPONORM_OK ||
        toponorm_scratch_new(v->an, &v->sc, &err) != TOPONORM_OK) {
        cli_vocab_free(v);
        return NULL;
    }
    v->slots = SET_MIN;
    return v;
}

void cli_vocab_free(cli_vocab *v)
{
    if (!v)
        return;
    toponorm_scratch_free(v->sc);
    toponorm_analyzer_free(v->an);
    free(v->set);
    free(v->queue);
    free(v);
}

/* Put hash h in the set (not in it yet, and there is room). */
static void set_put(cli_vocab *v, uint64_t h)
{
    size_t i = (size_t)(h >> 7) & (v->slots - 1);
    while (v->set[i])
        i = (i + 1) & (v->slots - 1);
    v->set[i] = h;
    v->used++;
}

/* Make room for one more hash: double the set, or empty it at its largest
** (also when doubling finds no memory). */
static void set_room(cli_vocab *v)
{
    uint64_t *old = v->set, *bigger;
    size_t n = v->slots, i;
    if (v->used < v->slots / 2)
        return;
    if (n < SET_MAX && (bigger = calloc(2 * n, sizeof *bigger)) != NULL) {
        v->set = bigger;
        v->slots = 2 * n;
        v->used = 0;
        for (i = 0; i < n; i++)
            if (old[i])
                set_put(v, old[i]);
        free(old);
        return;
    }
    memset(v->set, 0, v->slots * sizeof *v->set);
    v->used = 0;
}

/* Is the word new to this run?  Records it.  FNV-1a 64, never 0 in a slot. */
static int first_time(cli_vocab *v, const char *w, size_t n)
{
    uint64_t h = cli_shard_hash(w, n) | 1;
    size_t i = (size_t)(h >> 7) & (v->slots - 1);
    while (v->set[i]) {
        if (v->set[i] == h)
            return 0;
        i = (i + 1) & (v->slots - 1);
    }
    set_room(v);
    set_put(v, h);
    return 1;
}

/* The token just read is complete: queue its word if it needs entries. */
static int end_word(cli_vocab *v)
{
    size_t n = v->word_len;
    v->word_len = 0;
    if (n < 3 || v->keyed || !first_time(v, v->word, n))
        return 0;
    if (v->qlen + n + 1 > v->qcap) {
        size_t cap = v->qcap ? 2 * v->qcap : 4096;
        char *q;
        while (cap < v->qlen + n + 1)
            cap *= 2;
        if (!(q = realloc(v->queue, cap)))
            return -1;
        v->queue = q;
        v->qcap = cap;
    }
    memcpy(v->queue + v->qlen, v->word, n);
    v->queue[v->qlen + n] = '\0';
    v->qlen += n + 1;
    return 0;
}

int cli_vocab_term(cli_vocab *v, const toponorm_term *t)
{
    if (t->kind == TOPONORM_TERM_SURFACE) {
        if (end_word(v))
            return -1;
        /* A compound's joined form (Івано-Франківськ) is not a word of
        ** its own here: its parts get their entries. */
        if (t->len <= WORD_MAX && !(t->flags & TOPONORM_TERM_COMPOUND)) {
            memcpy(v->word, t->text, t->len);
            v->word_len = t->len;
        }
        v->keyed = 0;
    } else if (t->kind == TOPONORM_TERM_KEY) {
        v->keyed = 1;
    }
    return 0;
}

/* The keys of one word analyzed alone, as a document word with every key. */
typedef struct keys_of {
    tnx_doc *doc;
    const char *word;
    size_t len;
    int failed;
} keys_of;

static int on_key(void *ctx, const toponorm_term *t)
{
    keys_of *k = ctx;
    char term[TNX_MAX_TERM + 1];
    size_t n = sizeof CLI_VOCAB_PREFIX - 1;
    if (t->kind != TOPONORM_TERM_KEY || t->position != 1 || t->flags & TOPONORM_TERM_COMPOUND)
        return 0;                     /* only the word's own keys */
    if (n + t->len + 1 + k->len > TNX_MAX_TERM)
        return 0;
    memcpy(term, CLI_VOCAB_PREFIX, n);
    memcpy(term + n, t->text, t->len);
    term[n + t->len] = ' ';
    memcpy(term + n + t->len + 1, k->word, k->len);
    if (tnx_doc_add_boolean(k->doc, term, n + t->len + 1 + k->len) != TNX_OK) {
        k->failed = 1;
        return 1;
    }
    return 0;
}

int cli_vocab_flush(cli_vocab *v, unsigned hint, tnx_doc *doc)
{
    size_t at = 0;
    int rc = 0;
    if (end_word(v))
        rc = -1;
    while (at < v->qlen && rc == 0) {
        keys_of k = {doc, v->queue + at, strlen(v->queue + at), 0};
        int r = toponorm_analyze(v->an, v->sc, k.word, k.len, TOPONORM_FOR_INDEX | hint,
                                 on_key, &k);
        if (k.failed || (r != 0 && r != 1))
            rc = -1;
        at += k.len + 1;
    }
    v->qlen = 0;
    return rc;
}

/* ---- query side ------------------------------------------------------- */

typedef struct lookup {
    size_t skip;                       /* bytes of "XV<key> " */
    int (*cb)(void *, const char *, size_t);
    void *ctx;
} lookup;

static int on_vocab(void *ctx, const char *term, size_t len)
{
    lookup *l = ctx;
    return l->cb(l->ctx, term + l->skip, len - l->skip);
}

int cli_vocab_lookup(tnx_db *db, const char *key, size_t len, unsigned max,
                     int (*cb)(void *ctx, const char *word, size_t len), void *ctx)
{
    char p[TNX_MAX_TERM + 2];
    size_t n = sizeof CLI_VOCAB_PREFIX - 1;
    lookup l = {n + len + 1, cb, ctx};
    if (n + len + 1 > TNX_MAX_TERM)
        return TNX_OK;
    memcpy(p, CLI_VOCAB_PREFIX, n);
    memcpy(p + n, key, len);
    p[n + len] = ' ';
    return tnx_terms_with_prefix(db, p, n + len + 1, max, on_vocab, &l);
}
