/*
** analyzer.c: one pass from UTF-8 text to terms.
**
**   segment (ICU word break) -> join words ICU splits but a reader does not
**   (Donec`k, Slov”yans’k; Івано-Франківськ also yields its joined form)
**   -> fold -> surface, key(s), stem at one position -> callback.
**
** With a gazetteer in the lexicon, each word's lookup strings (its match
** keys) are looked up once, with the other terms, and cached with them; the
** place terms themselves depend on context (case, sentence start, the words
** after it: places.c), so they are decided per occurrence, after the
** token's other terms, at the same position.
**
** The analyzer is immutable; everything that changes during a call lives in
** the scratch object, one per thread.
*/
#define _DEFAULT_SOURCE            /* madvise, where the system has it */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unicode/uchar.h>

#include "chars.h"
#include "fold.h"
#include "internal.h"
#include "key.h"
#include "../icu/segment.h"
#include "../stem/stem.h"
#include "utf8.h"

#define MAX_PARTS   8              /* parts of one hyphenated compound */
#define CACHE_SLOTS 65536          /* default token -> terms cache size ... */
#define CACHE_WAYS  4              /* ... 4-way set-associative, LRU */
#define CACHE_RAW   40             /* longest token (bytes) the cache holds */
#define SLOT_SIZE   128            /* bytes of one cache slot: two cache lines */
#define CHUNK_MAX   ((size_t)1 << 30)  /* ICU break positions are int32 */
#define MAX_AHEAD   16             /* segments of lookahead: multi-word names */
#define HUGE_PAGE   ((size_t)2 << 20)  /* a cache this big asks for 2 MB pages */
#define PLACE_MIN_LETTERS 3        /* shorter Latin words are looked up by spelling only */

/* Inline whatever the compiler thinks: for the few steps every word takes.
** TN_PREFETCH: a hint, nothing where the compiler has no such builtin. */
#if defined(__GNUC__)
#define TN_HOT inline __attribute__((always_inline))
#define TN_PREFETCH(p) __builtin_prefetch(p)
#else
#define TN_HOT inline
#define TN_PREFETCH(p) ((void)(p))
#endif

/* The index of the lowest set bit of x (x != 0). */
static inline int lowest_bit(uint64_t x)
{
#if defined(__GNUC__)
    return __builtin_ctzll(x);
#else
    int i = 0;
    while (!(x & 1)) {
        x >>= 1;
        i++;
    }
    return i;
#endif
}

/*
** Natural text repeats its words (Zipf), so the terms of a token are cached
** by its raw bytes: a hit skips folding, keys and stemming.  The terms
** depend only on the bytes, the language hint (stems of ambiguous Cyrillic),
** query or document (the stem of a place name that is also a word) and
** whether the token is a compound's joined form; the slot records all.
**
** The cache is read at random and is larger than the CPU's private caches,
** so a hit should touch as few memory lines as possible: the tags of a set
** (16 bytes, 128 KB in all by default: they stay in L2) and then one slot of
** two lines holding the raw bytes and the terms packed together; the terms
** are emitted from the slot itself.  A token whose terms do not fit is not
** cached.
*/
typedef struct cache_set {
    uint16_t fp[CACHE_WAYS];      /* fingerprint of the token's hash; 0: empty way */
    uint8_t rank[CACHE_WAYS];     /* 0 most recently used .. CACHE_WAYS-1 least */
    uint32_t unused;
} cache_set;
_Static_assert(CACHE_WAYS == 4, "token_terms_of reads the four fingerprints as one word");

typedef struct cache_slot {
    uint8_t raw_len, hint, lang, script, nterms, n_hits;
    uint8_t starts;                /* token_terms.starts */
    uint8_t unused;
    /* raw bytes, then n_hits gazetteer entries (4 bytes each, unaligned),
    ** then per term its kind, its length and its text with a NUL */
    unsigned char d[SLOT_SIZE - 8];
} cache_slot;

/* The terms of one token, before they are emitted: from the cache, packed
** as in a slot; computed, in the arrays. */
typedef struct token_terms {
    int n;
    const unsigned char *packed;  /* per term: kind, length, text, NUL; or NULL */
    int kind[TN_MAX_KEYS + 2];
    const char *text[TN_MAX_KEYS + 2];
    size_t len[TN_MAX_KEYS + 2];
    int lang, script;
    int n_hits;
    int starts;                    /* the hits can start a name: tn_places_can_start */
    uint32_t hits[TN_MAX_HITS];
} token_terms;

typedef struct seg {
    size_t start, end;
    int word;
    int plain;                     /* from tn_seg_plain_word: joins nothing */
    uint32_t hash;                 /* plain words: hash_bytes of the word, if cacheable */
} seg;

struct toponorm_scratch {
    const toponorm_analyzer *an;
    tn_seg seg;
    tn_stem stem;
    tn_fold fold;
    tn_scratch_bufs bufs;
    tn_keys keys;
    tn_buf tmp;
    tn_buf stemmed;
    cache_slot *cache;             /* SLOT_SIZE-aligned */
    cache_set *sets;
    uint32_t slots;                /* entries in cache, CACHE_WAYS per set (0: no cache) */
    seg ahead[MAX_AHEAD];          /* segments read but not consumed */
    int n_ahead;
    tn_buf pack;                   /* one token's terms packed (toponorm_analyze_tokens) */
    int seg_error;                 /* a segmenter error ended the chunk */
};

/* The state of one toponorm_analyze call. */
typedef struct run {
    const toponorm_analyzer *an;
    toponorm_scratch *sc;
    const char *text;              /* the whole input */
    size_t base;                   /* offset of the current chunk in text */
    unsigned flags;
    unsigned hint;                 /* what of flags the cached terms depend on */
    toponorm_term_cb cb;           /* a call per term, or */
    toponorm_token_cb tcb;         /* a call per token, its terms packed */
    void *ctx;
    uint32_t position;             /* last position used */
    uint32_t token;                /* tokens emitted so far */
    int emitted_at_pos;            /* a term was emitted at `position` */
    unsigned kinds;                /* bit (1 << kind) per kind to emit */
    int places;                    /* look words up in the gazetteer */
    int skip_places;               /* words still covered by a multi-word name */
    int n_hits;                    /* gazetteer hits of the token just emitted */
    int starts;                    /* ... which can start a name */
    uint32_t hits[TN_MAX_HITS];
    int lang, script;              /* ... and its language and script */
    uint32_t word_token;           /* ... and its token ordinal */
} run;

void toponorm_options_init(toponorm_options *opt)
{
    if (!opt)
        return;
    memset(opt, 0, sizeof *opt);
    opt->size = sizeof *opt;
    opt->kinds = 0;
    opt->min_key_len = 3;
    opt->cache_slots = CACHE_SLOTS;
}

int toponorm_analyzer_new(const toponorm_lexicon *lx, const toponorm_options *opt,
                          toponorm_analyzer **out, toponorm_error *err)
{
    toponorm_analyzer *an;
    if (!out)
        return tn_error(err, TOPONORM_EINVAL, "toponorm_analyzer_new", 0, "out is NULL");
    *out = NULL;
    if (!lx)
        return tn_error(err, TOPONORM_EINVAL, "toponorm_analyzer_new", 0, "lexicon is NULL");
    if (opt && opt->size >= sizeof *opt && opt->cache_slots % CACHE_WAYS != 0)
        return tn_error(err, TOPONORM_EINVAL, "toponorm_analyzer_new", 0,
                        "cache_slots must be a multiple of %d", CACHE_WAYS);
    if (opt && (opt->size < sizeof(uint32_t) * 2 || opt->min_key_len < 0 ||
                (opt->kinds & ~((1u << TOPONORM_TERM_SURFACE) | (1u << TOPONORM_TERM_KEY) |
                                (1u << TOPONORM_TERM_PLACE) | (1u << TOPONORM_TERM_STEM)))))
        return tn_error(err, TOPONORM_EINVAL, "toponorm_analyzer_new", 0,
                        "bad options: call toponorm_options_init first; kinds is a mask "
                        "of (1 << TOPONORM_TERM_*)");
    an = calloc(1, sizeof *an);
    if (!an)
        return tn_error(err, TOPONORM_ENOMEM, "toponorm_analyzer_new", 0, "out of memory");
    an->lx = lx;
    toponorm_options_init(&an->opt);
    if (opt) {
        /* Copy only the fields the caller's struct has (it may be older). */
        size_t n = opt->size < sizeof an->opt ? opt->size : sizeof an->opt;
        memcpy(&an->opt, opt, n);
        an->opt.size = sizeof an->opt;
    }
    *out = an;
    return TOPONORM_OK;
}

void toponorm_analyzer_free(toponorm_analyzer *an)
{
    free(an);
}

int toponorm_scratch_new(const toponorm_analyzer *an, toponorm_scratch **out,
                         toponorm_error *err)
{
    toponorm_scratch *sc;
    if (!out)
        return tn_error(err, TOPONORM_EINVAL, "toponorm_scratch_new", 0, "out is NULL");
    *out = NULL;
    if (!an)
        return tn_error(err, TOPONORM_EINVAL, "toponorm_scratch_new", 0, "analyzer is NULL");
    sc = calloc(1, sizeof *sc);
    if (!sc)
        return tn_error(err, TOPONORM_ENOMEM, "toponorm_scratch_new", 0, "out of memory");
    sc->an = an;
    sc->slots = an->opt.cache_slots;
    if (sc->slots) {
        uint32_t i, w;
        /* One block: the tags, then the slots (SLOT_SIZE-aligned).  The
        ** slots' contents are only read once a tag says they are set. */
        size_t sets_size = ((size_t)(sc->slots / CACHE_WAYS) * sizeof *sc->sets + SLOT_SIZE - 1) /
                           SLOT_SIZE * SLOT_SIZE;
        size_t size = sets_size + (size_t)sc->slots * sizeof *sc->cache;
        char *block;
        if (size >= HUGE_PAGE) {
            /* Each hit reads a random place in megabytes: in 4 KB pages that
            ** is mostly a TLB miss (a page walk, slow in a VM); 2 MB pages,
            ** where the system makes them on request, cover it with a few
            ** entries.  Only whole ones: the tail of the block (the 256 KB
            ** past 8 MB, by default) would take a 2 MB page of memory. */
            block = aligned_alloc(HUGE_PAGE, (size + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE);
#if defined(MADV_HUGEPAGE)
            if (block)
                (void)madvise(block, size / HUGE_PAGE * HUGE_PAGE, MADV_HUGEPAGE);  /* a hint */
#endif
        } else {
            block = aligned_alloc(SLOT_SIZE, size);    /* a multiple of SLOT_SIZE */
        }
        if (!block) {
            toponorm_scratch_free(sc);
            return tn_error(err, TOPONORM_ENOMEM, "toponorm_scratch_new", 0, "out of memory");
        }
        sc->sets = (cache_set *)(void *)block;
        sc->cache = (cache_slot *)(void *)(block + sets_size);
        memset(sc->sets, 0, (size_t)(sc->slots / CACHE_WAYS) * sizeof *sc->sets);
        for (i = 0; i < sc->slots / CACHE_WAYS; i++)
            for (w = 0; w < CACHE_WAYS; w++)
                sc->sets[i].rank[w] = (uint8_t)w;
    }
    if (tn_seg_init(&sc->seg) != 0) {
        toponorm_scratch_free(sc);
        return tn_error(err, TOPONORM_EICU, "toponorm_scratch_new", 0,
                        "cannot open ICU word break iterator");
    }
    sc->seg.words_and_joiners = 1;    /* the analyzer needs no other segments */
    if (tn_stem_init(&sc->stem) != 0) {
        toponorm_scratch_free(sc);
        return tn_error(err, TOPONORM_ENOMEM, "toponorm_scratch_new", 0,
                        "cannot create Snowball stemmers");
    }
    *out = sc;
    return TOPONORM_OK;
}

void toponorm_scratch_free(toponorm_scratch *sc)
{
    if (!sc)
        return;
    tn_seg_free(&sc->seg);
    tn_stem_free(&sc->stem);
    tn_fold_free(&sc->fold);
    tn_bufs_free(&sc->bufs);
    tn_buf_free(&sc->keys.buf);
    tn_buf_free(&sc->tmp);
    tn_buf_free(&sc->stemmed);
    tn_buf_free(&sc->pack);
    free(sc->sets);                  /* the slots too: one block */
    free(sc);
}

static int wants(const run *r, int kind)
{
    unsigned k = r->an->opt.kinds;
    return !k || (k & (1u << kind));
}

static int emit(run *r, int kind, const char *text, size_t len, unsigned flags,
                size_t start, size_t end, int lang, int script)
{
    toponorm_term t;
    if (!wants(r, kind))
        return 0;
    t.text = text;
    t.len = len;
    t.kind = kind;
    t.flags = flags | (r->emitted_at_pos ? TOPONORM_TERM_COLOCATED : 0);
    t.position = r->position;
    t.start = r->base + start;
    t.end = r->base + end;
    t.token = r->token;
    t.lang = lang;
    t.script = script;
    r->emitted_at_pos = 1;
    return r->cb(r->ctx, &t);
}

/* The n terms packed at terms, as one token at the current position, to
** the token callback. */
static inline int emit_group(run *r, const unsigned char *terms, int n, unsigned flags,
                             size_t start, size_t end, int lang, int script)
{
    toponorm_token tok;
    if (!n)
        return 0;
    tok.terms = terms;
    tok.n_terms = (size_t)n;
    tok.flags = flags | (r->emitted_at_pos ? TOPONORM_TERM_COLOCATED : 0);
    tok.position = r->position;
    tok.start = r->base + start;
    tok.end = r->base + end;
    tok.token = r->token;
    tok.lang = lang;
    tok.script = script;
    r->emitted_at_pos = 1;
    return r->tcb(r->ctx, &tok);
}

/*
** Term (kind, text, len) packed at the end of sc->pack the way
** toponorm_token_term reads it, and counted in *n, if the analyzer wants
** its kind.  (No term comes near 64 KB: a token over 240 bytes gets none.)
*/
static int pack_add(run *r, int *n, int kind, const char *text, size_t len)
{
    tn_buf *b = &r->sc->pack;
    unsigned char *p;
    if (!(r->kinds & (1u << kind)) || len > 0xFFFF)
        return 0;
    if (tn_buf_reserve(b, len + 5))
        return TOPONORM_ENOMEM;
    p = (unsigned char *)b->p + b->n;
    *p++ = (unsigned char)kind;
    if (len < 255) {
        *p++ = (unsigned char)len;
    } else {
        *p++ = 255;
        *p++ = (unsigned char)(len & 0xFF);
        *p++ = (unsigned char)(len >> 8);
    }
    memcpy(p, text, len);
    p[len] = '\0';
    b->n = (size_t)(p + len + 1 - (unsigned char *)b->p);
    ++*n;
    return 0;
}

/* The nterms terms of a cache slot's layout at p packed again, those of
** the kinds the analyzer wants, counted in *n. */
static int pack_slot_terms(run *r, const unsigned char *p, int nterms, int *n)
{
    int i, rc = 0;
    r->sc->pack.n = 0;
    for (i = 0; i < nterms && !rc; i++, p += p[1] + 3)
        rc = pack_add(r, n, p[0], (const char *)p + 2, p[1]);
    return rc;
}

/* A hash of a short token: 8 bytes at a time (multiply-xorshift). */
static TN_HOT uint32_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 0x9E3779B97F4A7C15ull ^ n, w;
    while (n >= 8) {
        memcpy(&w, s, 8);
        h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
        s += 8;
        n -= 8;
    }
    if (n) {
        /* The last 1..7 bytes as a little-endian number, from overlapping
        ** fixed-size loads: a memcpy of n bytes would be a library call. */
        const unsigned char *u = (const unsigned char *)s;
        if (n >= 4) {
            uint32_t a, b;
            memcpy(&a, s, 4);
            memcpy(&b, s + n - 4, 4);
            w = a | (uint64_t)b << (8 * (n - 4));
        } else {
            w = u[0] | (uint64_t)u[n / 2] << (8 * (n / 2)) | (uint64_t)u[n - 1] << (8 * (n - 1));
        }
        h = (h ^ w) * 0x94D049BB133111EBull;
    }
    h ^= h >> 29;
    return (uint32_t)h;
}

/* Work out the terms of the token s[0..len): fold, keys, stem. */
static void letter_case(const char *s, size_t n, tn_word *w);

/* Add the gazetteer entry of lookup string k, if any, to the token's hits. */
static void add_hit(const run *r, token_terms *tt, const char *k, size_t n)
{
    uint32_t e = tn_places_find(&r->an->lx->places, k, n);
    int i;
    if (e == TN_NO_ENTRY || tt->n_hits == TN_MAX_HITS)
        return;
    for (i = 0; i < tt->n_hits; i++)
        if (tt->hits[i] == e)
            return;
    tt->hits[tt->n_hits++] = e;
}

static int compute_terms(run *r, const char *s, size_t len, unsigned flags, token_terms *tt)
{
    toponorm_scratch *sc = r->sc;
    tn_fold *f = &sc->fold;
    size_t i, slen, nkeys = 0;
    const char *stem;
    int rc, want_keys, place_keys;

    tt->n = 0;
    tt->n_hits = 0;
    tt->starts = 0;
    if ((rc = tn_fold_token(f, &sc->bufs, s, len)) != 0)
        return rc;
    tt->lang = f->lang;
    tt->script = f->script;
    if (f->surface.n == 0 || f->surface.n > TN_MAX_TOKEN)
        return 0;
    tt->kind[tt->n] = TOPONORM_TERM_SURFACE;
    tt->text[tt->n] = f->surface.p;
    tt->len[tt->n++] = f->surface.n;
    want_keys = f->letters >= (size_t)r->an->opt.min_key_len && wants(r, TOPONORM_TERM_KEY);
    /* A Cyrillic word is looked up by its spelling; a Latin one also by its
    ** keys, where the romanisations of a Cyrillic name meet. */
    place_keys = r->places && f->letters >= PLACE_MIN_LETTERS &&
                 (f->script != TOPONORM_SCRIPT_CYRILLIC || f->letters >= 5);
    if (f->script != TOPONORM_SCRIPT_NUMBER && f->script != TOPONORM_SCRIPT_OTHER &&
        (want_keys || place_keys)) {
        if ((rc = tn_keys_compute(r->an->lx, f->cps, f->n, f->script, &sc->tmp, &sc->keys)) != 0)
            return rc;
        if (f->n_yo && f->script == TOPONORM_SCRIPT_CYRILLIC) {
            /* Written with ё: also the key with ё as ё (key-cyrl: io). */
            size_t k;
            for (k = 0; k < f->n_yo; k++)
                f->cps[f->yo_at[k]] = 0x451;
            rc = tn_keys_add_cyrillic(r->an->lx, f->cps, f->n, &sc->tmp, &sc->keys);
            for (k = 0; k < f->n_yo; k++)
                f->cps[f->yo_at[k]] = 0x435;
            if (rc)
                return rc;
        }
        nkeys = sc->keys.n;
        for (i = 0; i < nkeys && place_keys; i++) {
            size_t kl;
            const char *k = tn_keys_get(&sc->keys, i, &kl);
            add_hit(r, tt, k, kl);
        }
    }
    if (r->places && f->surface.n < 256) {
        char exact[257];
        exact[0] = '=';
        memcpy(exact + 1, f->surface.p, f->surface.n);
        add_hit(r, tt, exact, f->surface.n + 1);
    }
    /* Most words with hits never start a name, whatever their context
    ** ("of", "на" are inside longer names only, "the" in lower case meets
    ** names by key only): decided here once, not at each occurrence. */
    if (tt->n_hits) {
        tn_word w;
        memset(&w, 0, sizeof w);
        w.n_hits = tt->n_hits;
        memcpy(w.hits, tt->hits, sizeof w.hits);
        w.cyrillic = f->script == TOPONORM_SCRIPT_CYRILLIC;
        letter_case(s, len, &w);
        tt->starts = tn_places_can_start(&r->an->lx->places, &w,
                                         (r->flags & TOPONORM_FOR_QUERY) != 0);
    }
    if (want_keys && nkeys && !tt->n_hits &&
        (r->flags & (TOPONORM_KEYS_FOR_NAMES | TOPONORM_FOR_QUERY)) == TOPONORM_KEYS_FOR_NAMES) {
        tn_word wc;
        letter_case(s, len, &wc);
        want_keys = wc.capital;   /* an ordinary lower-case word: see toponorm.h */
    }
    for (i = 0; i < nkeys && want_keys; i++) {
        tt->kind[tt->n] = TOPONORM_TERM_KEY;
        tt->text[tt->n] = tn_keys_get(&sc->keys, i, &tt->len[tt->n]);
        tt->n++;
    }
    if (!(flags & TOPONORM_TERM_COMPOUND) && wants(r, TOPONORM_TERM_STEM)) {
        int lang = f->lang;
        if (lang == TOPONORM_LANG_UNKNOWN && f->script == TOPONORM_SCRIPT_CYRILLIC)
            lang = (r->flags & TOPONORM_HINT_UK) ? TOPONORM_LANG_UK : TOPONORM_LANG_RU;
        /* A form of a place name stems to the name itself: Snowball would
        ** give Харьков -> харьк but Харькова -> харьков.  A form that is
        ** also an ordinary word (Суми / суми "sums") keeps the ordinary
        ** stem in a document; in a query a capital says it is the place,
        ** so "Суми" must not expand to the stem of сума. */
        stem = NULL;
        if (tt->n_hits && f->script == TOPONORM_SCRIPT_CYRILLIC) {
            tn_word wc;
            letter_case(s, len, &wc);
            stem = tn_places_lemma(&r->an->lx->places, tt->hits, tt->n_hits,
                                   (r->flags & TOPONORM_FOR_QUERY) && wc.capital, &slen);
        }
        if (!stem)
            stem = tn_stem_word(&sc->stem, lang, f->surface.p, f->surface.n, &slen);
        if (stem && (slen != f->surface.n || memcmp(stem, f->surface.p, slen) != 0)) {
            /* libstemmer's buffer is not NUL-terminated: copy it. */
            sc->stemmed.n = 0;
            if (tn_buf_add(&sc->stemmed, stem, slen))
                return TOPONORM_ENOMEM;
            tt->kind[tt->n] = TOPONORM_TERM_STEM;
            tt->text[tt->n] = sc->stemmed.p;
            tt->len[tt->n++] = slen;
        }
    }
    return 0;
}

/* Store the terms in slot cs; 0 when they do not fit (the slot is left alone). */
static int cache_store(cache_slot *cs, unsigned hint, const char *raw, size_t raw_len,
                       const token_terms *tt)
{
    size_t need = raw_len + 4 * (size_t)tt->n_hits;
    unsigned char *p;
    int i;
    for (i = 0; i < tt->n; i++)
        need += tt->len[i] + 3;
    if (need > sizeof cs->d)
        return 0;
    cs->raw_len = (uint8_t)raw_len;
    cs->hint = (uint8_t)hint;
    cs->lang = (uint8_t)tt->lang;
    cs->script = (uint8_t)tt->script;
    cs->nterms = (uint8_t)tt->n;
    cs->n_hits = (uint8_t)tt->n_hits;
    cs->starts = (uint8_t)tt->starts;
    memcpy(cs->d, raw, raw_len);
    p = cs->d + raw_len;
    memcpy(p, tt->hits, 4 * (size_t)tt->n_hits);
    p += 4 * (size_t)tt->n_hits;
    for (i = 0; i < tt->n; i++) {
        *p++ = (uint8_t)tt->kind[i];
        *p++ = (uint8_t)tt->len[i];
        memcpy(p, tt->text[i], tt->len[i]);
        p[tt->len[i]] = '\0';
        p += tt->len[i] + 1;
    }
    return 1;
}

/* The terms of slot cs, pointing into it. */
static void cache_load(const cache_slot *cs, token_terms *tt)
{
    const unsigned char *p = cs->d + cs->raw_len;
    int i;
    tt->n = cs->nterms;
    tt->lang = cs->lang;
    tt->script = cs->script;
    tt->n_hits = cs->n_hits;
    tt->starts = cs->starts;
    for (i = 0; i < tt->n_hits; i++, p += 4)
        memcpy(&tt->hits[i], p, 4);
    tt->packed = p;
}

/* a[0..n) == b[0..n), n <= CACHE_RAW: word loads instead of a memcmp call. */
static TN_HOT int same_bytes(const unsigned char *a, const char *b, size_t n)
{
    uint64_t x, y, d = 0;
    uint32_t u, v;
    size_t i;
    if (n >= 8) {
        for (i = 0; i + 8 <= n; i += 8) {
            memcpy(&x, a + i, 8);
            memcpy(&y, b + i, 8);
            d |= x ^ y;
        }
        memcpy(&x, a + n - 8, 8);          /* the tail, overlapping */
        memcpy(&y, b + n - 8, 8);
        return (d | (x ^ y)) == 0;
    }
    if (n >= 4) {
        memcpy(&u, a, 4);
        memcpy(&v, b, 4);
        d = u ^ v;
        memcpy(&u, a + n - 4, 4);
        memcpy(&v, b + n - 4, 4);
        return (d | (u ^ v)) == 0;
    }
    for (i = 0; i < n; i++)
        d |= (uint64_t)(a[i] ^ (unsigned char)b[i]);
    return d == 0;
}

/* Way w of set st was just used: it becomes the most recent. */
static void cache_touch(cache_set *st, int w)
{
    uint8_t old = st->rank[w];
    int v;
    for (v = 0; v < CACHE_WAYS; v++)
        st->rank[v] = (uint8_t)(st->rank[v] + (st->rank[v] < old));
    st->rank[w] = 0;
}

/*
** The terms of one token chunk[start..end), from the cache or computed (and
** then cached).  They stay valid until the next call.
*/
/* Where a token goes in the cache: its set and fingerprint. */
typedef struct cache_probe {
    cache_set *st;
    cache_slot *cs;                /* the set's first way */
    uint16_t fp;
} cache_probe;

/*
** The slot holding the terms of token s[0..len) (len <= CACHE_RAW, a cache
** present) under hint, made the most recently used; or NULL, with *pr set
** for cache_store.
*/
static TN_HOT const cache_slot *cache_find_h(toponorm_scratch *sc, const char *s, size_t len,
                                             unsigned hint, uint32_t h, cache_probe *pr)
{
    /* The set: h scaled to [0, sets) by a multiply, not a division; the
    ** fingerprint from the low bits, never 0 (an empty way). */
    size_t set = (size_t)(((uint64_t)h * (sc->slots / CACHE_WAYS)) >> 32);
    uint64_t tags, match;
    pr->st = &sc->sets[set];
    pr->fp = (uint16_t)(h | 1);
    pr->cs = &sc->cache[set * CACHE_WAYS];
    /* The ways whose fingerprint is fp, all four at once: the high bit of
    ** each 16-bit lane of tags ^ fp that is zero. */
    memcpy(&tags, pr->st->fp, sizeof tags);
    tags ^= pr->fp * 0x0001000100010001ull;
    match = ~(((tags & 0x7FFF7FFF7FFF7FFFull) + 0x7FFF7FFF7FFF7FFFull) | tags) &
            0x8000800080008000ull;
    while (match) {
        int w = lowest_bit(match) >> 4;
        const cache_slot *hit = &pr->cs[w];
        match &= match - 1;
        if (hit->raw_len == len && hit->hint == hint && same_bytes(hit->d, s, len)) {
            if (pr->st->rank[w])
                cache_touch(pr->st, w);
            return hit;
        }
    }
    return NULL;
}

static TN_HOT const cache_slot *cache_find(toponorm_scratch *sc, const char *s, size_t len,
                                           unsigned hint, cache_probe *pr)
{
    return cache_find_h(sc, s, len, hint, hash_bytes(s, len), pr);
}

/* The set a word's hash points to (tags, and each way's first line), on its
** way into the CPU's caches. */
static TN_HOT void cache_prefetch(const toponorm_scratch *sc, uint32_t h)
{
    size_t set = (size_t)(((uint64_t)h * (sc->slots / CACHE_WAYS)) >> 32);
    const char *slot = (const char *)&sc->cache[set * CACHE_WAYS];
    int w;
    TN_PREFETCH(&sc->sets[set]);
    for (w = 0; w < CACHE_WAYS; w++) {
        TN_PREFETCH(slot + w * SLOT_SIZE);
        TN_PREFETCH(slot + w * SLOT_SIZE + 64);
    }
}


/*
** The terms of one token chunk[start..end), from the cache or computed (and
** then cached).  They stay valid until the next call.
*/
static int token_terms_of(run *r, const char *chunk, size_t start, size_t end, unsigned flags,
                          token_terms *out)
{
    toponorm_scratch *sc = r->sc;
    size_t len = end - start;
    /* What besides the bytes decides the terms: the hint, and whether this is
    ** the joined form of a compound (which gets no stem). */
    unsigned hint = r->hint | (flags & TOPONORM_TERM_COMPOUND ? 0x80u : 0);
    cache_probe pr;
    int cached = 0, victim = 0, rc, w;

    out->n = out->n_hits = out->starts = 0;
    if (len > TN_MAX_TOKEN)
        return 0;                     /* see toponorm.h: over-long tokens get no terms */
    if (len <= CACHE_RAW && sc->slots) {
        const cache_slot *hit = cache_find(sc, chunk + start, len, hint, &pr);
        if (hit) {
            cache_load(hit, out);
            return 0;
        }
        cached = 1;
        for (w = 0; w < CACHE_WAYS; w++)
            if (pr.st->rank[w] == CACHE_WAYS - 1)
                victim = w;               /* the least recently used way */
    }
    out->packed = NULL;
    if ((rc = compute_terms(r, chunk + start, len, flags, out)) != 0)
        return rc;
    if (cached && cache_store(&pr.cs[victim], hint, chunk + start, len, out)) {
        pr.st->fp[victim] = pr.fp;
        cache_touch(pr.st, victim);
    }
    return 0;
}

/*
** Emit the terms of one token chunk[start..end) at the current position:
** surface, then keys, then stem, all colocated.  Its gazetteer hits stay
** in r->last for the place terms.
*/
/* Term record t, its token's fields set, with this term: to the callback. */
static inline int emit_term(run *r, toponorm_term *t, int kind, const char *text, size_t len,
                            unsigned flags)
{
    if (!(r->kinds & (1u << kind)))
        return 0;
    t->text = text;
    t->len = len;
    t->kind = kind;
    t->flags = flags | (r->emitted_at_pos ? TOPONORM_TERM_COLOCATED : 0);
    r->emitted_at_pos = 1;
    return r->cb(r->ctx, t);
}

static int emit_token(run *r, const char *chunk, size_t start, size_t end, unsigned flags)
{
    token_terms tt;
    toponorm_term t;
    int i, rc;
    if ((rc = token_terms_of(r, chunk, start, end, flags, &tt)) != 0)
        return rc;
    if (!(flags & TOPONORM_TERM_COMPOUND)) {
        r->word_token = r->token;
        r->n_hits = tt.n_hits;
        r->starts = tt.starts;
        memcpy(r->hits, tt.hits, sizeof r->hits);
        r->lang = tt.lang;
        r->script = tt.script;
    }
    if (!tt.n)
        return 0;
    if (r->tcb && tt.packed && r->kinds == ~0u) {
        /* From the cache: handed over where they are, as in emit_cached. */
        rc = emit_group(r, tt.packed, tt.n, flags, start, end, tt.lang, tt.script);
        r->token++;
        return rc;
    }
    if (r->tcb) {
        int n = 0;
        if (tt.packed) {
            rc = pack_slot_terms(r, tt.packed, tt.n, &n);
        } else {
            r->sc->pack.n = 0;
            for (i = 0; i < tt.n && !rc; i++)
                rc = pack_add(r, &n, tt.kind[i], tt.text[i], tt.len[i]);
        }
        if (!rc)
            rc = emit_group(r, (const unsigned char *)r->sc->pack.p, n, flags, start, end,
                            tt.lang, tt.script);
        r->token++;
        return rc;
    }
    /* One term record for the token; per term only its own fields change. */
    t.position = r->position;
    t.start = r->base + start;
    t.end = r->base + end;
    t.token = r->token;
    t.lang = tt.lang;
    t.script = tt.script;
    if (tt.packed) {
        const unsigned char *p = tt.packed;
        for (i = 0; i < tt.n; i++, p += p[1] + 3)
            if ((rc = emit_term(r, &t, p[0], (const char *)p + 2, p[1], flags)) != 0)
                return rc;
    } else {
        for (i = 0; i < tt.n; i++)
            if ((rc = emit_term(r, &t, tt.kind[i], tt.text[i], tt.len[i], flags)) != 0)
                return rc;
    }
    r->token++;
    return 0;
}

/*
** emit_token for a word (no compound's joined form) whose terms are in
** slot cs: straight from the slot.
*/
static inline int emit_cached(run *r, const cache_slot *cs, size_t start, size_t end)
{
    const unsigned char *p = cs->d + cs->raw_len;
    toponorm_term t;
    unsigned colocated = 0;
    int i, rc;

    r->word_token = r->token;
    r->n_hits = cs->n_hits;
    r->starts = cs->starts;
    for (i = 0; i < cs->n_hits; i++, p += 4)
        memcpy(&r->hits[i], p, 4);
    r->lang = cs->lang;
    r->script = cs->script;
    if (!cs->nterms)
        return 0;
    if (r->tcb) {
        /* The slot's terms are packed as toponorm_token_term reads them
        ** (their lengths are below 255): handed over where they are. */
        const unsigned char *terms = p;
        int n = cs->nterms;
        if (r->kinds != ~0u) {
            n = 0;
            if ((rc = pack_slot_terms(r, p, cs->nterms, &n)) != 0)
                return rc;
            terms = (const unsigned char *)r->sc->pack.p;
        }
        /* (The position is new: analyze_chunk cleared emitted_at_pos.) */
        rc = emit_group(r, terms, n, 0, start, end, cs->lang, cs->script);
        r->token++;
        return rc;
    }
    t.position = r->position;
    t.start = r->base + start;
    t.end = r->base + end;
    t.token = r->token;
    t.lang = cs->lang;
    t.script = cs->script;
    {
        /* In registers across the calls, which could change any memory. */
        const int nterms = cs->nterms;
        const unsigned kinds = r->kinds;
        const toponorm_term_cb cb = r->cb;
        void *const ctx = r->ctx;
        for (i = 0; i < nterms; i++, p += p[1] + 3) {
            if (!(kinds & (1u << p[0])))
                continue;
            t.text = (const char *)p + 2;
            t.len = p[1];
            t.kind = p[0];
            t.flags = colocated;      /* the position is new: only the first is not */
            colocated = TOPONORM_TERM_COLOCATED;
            if ((rc = cb(ctx, &t)) != 0)
                return rc;
        }
    }
    r->emitted_at_pos = colocated != 0;
    r->token++;
    return 0;
}

/* Segments with up to three segments of lookahead. */
static int peek(toponorm_scratch *sc, int i, seg *out)
{
    while (sc->n_ahead <= i) {
        seg *s = &sc->ahead[sc->n_ahead];
        int rc;
        if (tn_seg_plain_word(&sc->seg, &s->start, &s->end)) {
            s->word = 1;              /* the segment tn_seg_next would return, sooner */
            s->plain = 0;
            sc->n_ahead++;
            continue;
        }
        s->plain = 0;
        rc = tn_seg_next(&sc->seg, &s->start, &s->end, &s->word);
        if (rc <= 0) {
            if (rc < 0)
                sc->seg_error = rc;
            return 0;
        }
        sc->n_ahead++;
    }
    *out = sc->ahead[i];
    return 1;
}

static void consume(toponorm_scratch *sc, int n)
{
    int i;
    for (i = 0; i + n < sc->n_ahead; i++)     /* a few at most: no memmove call */
        sc->ahead[i] = sc->ahead[i + n];
    sc->n_ahead -= n;
}

/* The single code point of chunk[s.start..s.end), or 0 if it has more. */
static uint32_t single_cp(const char *chunk, seg s)
{
    size_t used;
    uint32_t c = tn_utf8_next((const unsigned char *)chunk + s.start, s.end - s.start, &used);
    return used == s.end - s.start ? c : 0;
}

/* Apostrophe forms (and ") that join words ICU splits: joiners but hyphens. */
static int joins_word(uint32_t c)
{
    return tn_seg_is_joiner(c) && !tn_is_hyphen(c);
}

/*
** Extend a word over apostrophes ICU split on (Donec`k), then return it.
** Returns 1 with *w set, 0 at the end of the chunk.
*/
static int next_word(toponorm_scratch *sc, const char *chunk, seg *w)
{
    seg a, b;
    for (;;) {
        if (!peek(sc, 0, w))
            return 0;
        consume(sc, 1);
        if (w->word)
            break;
    }
    /* One or two apostrophe marks between words: GOST 7.79 B writes ъ as ``. */
    for (;;) {
        size_t at = w->end;
        int k = 0;
        /* Most words end at a byte no such mark starts with: no lookahead. */
        if (at < sc->seg.len && (unsigned char)chunk[at] < 0x80 && chunk[at] != '\'' &&
            chunk[at] != '`' && chunk[at] != '"')
            break;
        while (k < 2 && peek(sc, k, &a) && !a.word && a.start == at &&
               joins_word(single_cp(chunk, a))) {
            at = a.end;
            k++;
        }
        if (k == 0 || !peek(sc, k, &b) || !b.word || b.start != at)
            break;
        w->end = b.end;
        consume(sc, k + 1);
    }
    return 1;
}

/* ---- place terms ---------------------------------------------------- */

/* Does the token start with a capital; is every letter (two or more) one? */
/*
** u_isalpha(c) (a letter, general category L*) and u_isupper(c), without a
** call into ICU for ASCII and U+0400..U+045F (Ѐ..Я upper case, а..џ lower
** case), where most words are spelled.  Returns 0 (no letter), 1 (a letter)
** or 2 (an upper-case letter).
*/
static inline int letter_kind(UChar32 c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z' ? 2 : c >= 'a' && c <= 'z';
    if (c >= 0x400 && c <= 0x45F)
        return c < 0x430 ? 2 : 1;
    return u_isalpha(c) ? 1 + (u_isupper(c) != 0) : 0;
}

static void letter_case(const char *s, size_t n, tn_word *w)
{
    size_t i = 0, used;
    int letters = 0, upper = 0, k;
    while (i < n) {
        UChar32 c = (UChar32)tn_utf8_next((const unsigned char *)s + i, n - i, &used);
        i += used;
        if (!(k = letter_kind(c)))
            continue;
        letters++;
        if (k == 2)
            upper++;
        else if (letters == 1 || upper)
            break;             /* a lower-case first letter, or a mixed-case word */
    }
    while (i < n) {            /* count the rest */
        UChar32 c = (UChar32)tn_utf8_next((const unsigned char *)s + i, n - i, &used);
        i += used;
        letters += letter_kind(c) != 0;
    }
    w->capital = upper > 0;
    w->allcaps = upper >= 2 && upper == letters;
    w->letters = letters;
}

/* Nothing but spaces, quotes and brackets between chunk[..at) and the last
** sentence end (. ! ? …), line break or the start of the text? */
static int sentence_start(const char *chunk, size_t at)
{
    while (at > 0) {
        unsigned char c = (unsigned char)chunk[at - 1];
        if (c == ' ' || c == '\t' || c == '"' || c == '(' || c == '[' || c == '\'' || c == '-')
            at--;
        else if (c == '\n' || c == '\r' || c == '.' || c == '!' || c == '?')
            return 1;
        else if (c >= 0x80) {
            size_t from = at - 1, used;
            uint32_t cp;
            while (from > 0 && ((unsigned char)chunk[from] & 0xC0) == 0x80)
                from--;
            cp = tn_utf8_next((const unsigned char *)chunk + from, at - from, &used);
            if (cp == 0x2026)
                return 1;                                   /* … */
            if (cp != 0xAB && cp != 0x201C && cp != 0x201E && cp != 0x2018 && cp != 0xA0 &&
                cp != 0x2013 && cp != 0x2014)
                return 0;
            at = from;
        } else
            return 0;
    }
    return 1;
}

/* The words after the current one, for multi-word names: first the rest
** of its hyphenated compound, then words in the segment lookahead. */
typedef struct ahead_ctx {
    run *r;
    const char *chunk;
    const seg *parts;
    int i, np;
    int pk;                        /* next lookahead segment to read */
    size_t prev_end;               /* end of the last word handed out */
} ahead_ctx;

/* Only white space between two words of a name? */
static int blank_gap(const char *chunk, size_t from, size_t to)
{
    size_t i;
    if (to <= from || to - from > 16)
        return 0;
    for (i = from; i < to; i++) {
        unsigned char c = (unsigned char)chunk[i];
        if (c == 0xC2 && i + 1 < to && (unsigned char)chunk[i + 1] == 0xA0)
            i++;                   /* no-break space */
        else if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            return 0;
    }
    return 1;
}

static int next_name_word(void *ctx, int k, tn_word *out)
{
    ahead_ctx *a = ctx;
    toponorm_scratch *sc = a->r->sc;
    int idx = a->i + k;
    seg s;
    token_terms tt;

    if (idx < a->np) {
        s = a->parts[idx];
    } else {
        /* The segmenter returns words and joiners only: a hyphen (or
        ** another joiner) is a segment, white space is the gap between. */
        if (a->pk + 2 >= MAX_AHEAD || !peek(sc, a->pk, &s))
            return 0;
        if (!s.word) {
            if (!tn_is_hyphen(single_cp(a->chunk, s)) || s.start != a->prev_end)
                return 0;
            a->prev_end = s.end;
            if (!peek(sc, ++a->pk, &s) || !s.word || s.start != a->prev_end)
                return 0;
        } else if (!blank_gap(a->chunk, a->prev_end, s.start)) {
            return 0;
        }
        a->pk++;
        a->prev_end = s.end;
    }
    if (token_terms_of(a->r, a->chunk, s.start, s.end, 0, &tt) != 0)
        return 0;
    memset(out, 0, sizeof *out);
    out->n_hits = tt.n_hits;
    memcpy(out->hits, tt.hits, sizeof out->hits);
    out->cyrillic = tt.script == TOPONORM_SCRIPT_CYRILLIC;
    letter_case(a->chunk + s.start, s.end - s.start, out);
    return 1;
}

/* place_terms for a word with gazetteer hits, not covered by a name before it. */
static int match_places(run *r, const char *chunk, const seg *parts, int i, int np)
{
    const tn_places *pl = &r->an->lx->places;
    uint32_t ids[TN_MAX_MATCH];
    ahead_ctx a;
    tn_word w;
    uint32_t saved;
    int n, k, nw, rc = 0;

    memset(&w, 0, sizeof w);
    w.n_hits = r->n_hits;
    memcpy(w.hits, r->hits, sizeof w.hits);
    letter_case(chunk + parts[i].start, parts[i].end - parts[i].start, &w);
    w.sentence_start = i == 0 && sentence_start(chunk, parts[0].start);
    w.cyrillic = r->script == TOPONORM_SCRIPT_CYRILLIC;
    a.r = r;
    a.chunk = chunk;
    a.parts = parts;
    a.i = i;
    a.np = np;
    a.pk = 0;
    a.prev_end = parts[np - 1].end;
    n = tn_places_match(pl, &w, (r->flags & TOPONORM_FOR_QUERY) != 0, next_name_word, &a, ids,
                        &nw);
    r->skip_places = nw - 1;
    saved = r->token;
    r->token = r->word_token;        /* the place belongs to the word's token */
    if (r->tcb) {
        int g = 0;
        r->sc->pack.n = 0;
        for (k = 0; k < n && !rc; k++) {
            size_t len;
            const char *id = tn_places_id(pl, ids[k], &len);
            rc = pack_add(r, &g, TOPONORM_TERM_PLACE, id, len);
        }
        if (!rc)
            rc = emit_group(r, (const unsigned char *)r->sc->pack.p, g, 0, parts[i].start,
                            parts[i].end, r->lang, r->script);
    } else {
        for (k = 0; k < n; k++) {
            size_t len;
            const char *id = tn_places_id(pl, ids[k], &len);
            if ((rc = emit(r, TOPONORM_TERM_PLACE, id, len, 0, parts[i].start, parts[i].end,
                           r->lang, r->script)) != 0)
                break;
        }
    }
    r->token = saved;
    return rc;
}

/*
** For a word whose names all go on to the next word ("the" of The Bronx):
** is the next segment a word that is cached without gazetteer hits?  Then
** no name goes on to it, and tn_places_match would find nothing (next_name_word
** would hand out that word, or none).  A quick look at the cache, where the
** matcher would compute the word's terms and look at its letters.
*/
static int no_name_goes_on(run *r, const char *chunk)
{
    toponorm_scratch *sc = r->sc;
    const seg *nx = &sc->ahead[0];
    const cache_slot *cs;
    cache_probe pr;
    if (!sc->n_ahead || !nx->word || !sc->slots || nx->end - nx->start > CACHE_RAW)
        return 0;
    cs = cache_find_h(sc, chunk + nx->start, nx->end - nx->start, r->hint,
                      nx->plain ? nx->hash : hash_bytes(chunk + nx->start, nx->end - nx->start),
                      &pr);
    return cs && cs->n_hits == 0;
}

/* The place terms of word parts[i], at its position, after its other terms. */
static TN_HOT int place_terms(run *r, const char *chunk, const seg *parts, int i, int np)
{
    if (r->skip_places) {
        r->skip_places--;
        return 0;
    }
    if (!r->starts)
        return 0;
    if (!(r->starts & TN_START_ALONE) && i + 1 == np && no_name_goes_on(r, chunk))
        return 0;
    return match_places(r, chunk, parts, i, np);
}

/* Can a hyphen (- or U+2010, U+2011) start at chunk[at]? */
static int maybe_hyphen(const char *chunk, size_t len, size_t at)
{
    return at < len && ((unsigned char)chunk[at] >= 0x80 || chunk[at] == '-');
}

static int analyze_chunk(run *r, const char *chunk, size_t len)
{
    toponorm_scratch *sc = r->sc;
    seg parts[MAX_PARTS], h, nx;
    int np, i, rc;

    if ((rc = tn_seg_set(&sc->seg, chunk, len)) != 0)
        return rc;
    sc->n_ahead = 0;
    sc->seg_error = 0;
    for (;;) {
        size_t s0, e0;
        const cache_slot *hit;
        cache_probe pr;
        uint32_t wh = 0;
        int got = 0;
        if (sc->n_ahead == 1 && sc->ahead[0].plain) {
            s0 = sc->ahead[0].start;
            e0 = sc->ahead[0].end;
            wh = sc->ahead[0].hash;
            sc->n_ahead = 0;
            got = 1;
        } else if (!sc->n_ahead && tn_seg_plain_word(&sc->seg, &s0, &e0)) {
            if (e0 - s0 <= CACHE_RAW)
                wh = hash_bytes(chunk + s0, e0 - s0);
            got = 1;
        }
        if (got) {
            /* The commonest case in one place: a word that joins nothing
            ** (segment.h), its terms mostly cached.  The next such word is
            ** read now and queued (plain), and its cache set fetched while
            ** this one is done: on most hits the set and the slot are far
            ** away in memory, and reading them waits longer than the rest. */
            seg *nx1 = &sc->ahead[0];
            if (sc->slots && tn_seg_plain_word(&sc->seg, &nx1->start, &nx1->end)) {
                nx1->word = nx1->plain = 1;
                nx1->hash = 0;
                sc->n_ahead = 1;
                if (nx1->end - nx1->start <= CACHE_RAW) {
                    nx1->hash = hash_bytes(chunk + nx1->start, nx1->end - nx1->start);
                    cache_prefetch(sc, nx1->hash);
                }
            }
            r->position++;
            r->emitted_at_pos = 0;
            parts[0].start = s0;
            parts[0].end = e0;
            parts[0].word = 1;
            if (e0 - s0 <= CACHE_RAW && sc->slots &&
                (hit = cache_find_h(sc, chunk + s0, e0 - s0, r->hint, wh, &pr)) != NULL)
                rc = emit_cached(r, hit, s0, e0);
            else
                rc = emit_token(r, chunk, s0, e0, 0);
            if (rc != 0 || (r->places && (rc = place_terms(r, chunk, parts, 0, 1)) != 0))
                return rc;
            continue;
        }
        if (!next_word(sc, chunk, &parts[0]))
            break;
        np = 1;
        /* word - word - ...: a hyphenated compound */
        /* (Most words end at an ASCII byte other than '-': no lookahead.) */
        while (np < MAX_PARTS && maybe_hyphen(chunk, len, parts[np - 1].end) &&
               peek(sc, 0, &h) && !h.word && h.start == parts[np - 1].end &&
               tn_is_hyphen(single_cp(chunk, h)) && peek(sc, 1, &nx) && nx.word &&
               nx.start == h.end) {
            consume(sc, 1);
            next_word(sc, chunk, &parts[np++]);
        }
        for (i = 0; i < np; i++) {
            r->position++;
            r->emitted_at_pos = 0;
            if ((rc = emit_token(r, chunk, parts[i].start, parts[i].end, 0)) != 0)
                return rc;
            if (i == 0 && np > 1 &&
                (rc = emit_token(r, chunk, parts[0].start, parts[np - 1].end,
                                 TOPONORM_TERM_COMPOUND)) != 0)
                return rc;
            if (r->places && (rc = place_terms(r, chunk, parts, i, np)) != 0)
                return rc;
        }
    }
    return sc->seg_error;
}

/* Where to end a chunk of at most CHUNK_MAX bytes: after a newline or space. */
static size_t chunk_end(const char *text, size_t from, size_t len)
{
    size_t end = from + CHUNK_MAX, i;
    if (len - from <= CHUNK_MAX)
        return len;
    for (i = end; i > end - 65536; i--)
        if (text[i - 1] == '\n' || text[i - 1] == ' ')
            return i;
    while (end > from && ((unsigned char)text[end] & 0xC0) == 0x80)
        end--;                        /* at least never split a character */
    return end;
}

/* toponorm_analyze_from and _tokens: one of cb and tcb is set. */
static int analyze(const toponorm_analyzer *an, toponorm_scratch *sc, const char *text,
                   size_t len, unsigned flags, toponorm_cursor *cur, toponorm_term_cb cb,
                   toponorm_token_cb tcb, void *ctx)
{
    run r;
    size_t from = 0;
    int rc;

    if (!an || !sc || !(cb || tcb) || !cur || (!text && len) || sc->an != an)
        return TOPONORM_EINVAL;
    if (flags & ~(TOPONORM_FOR_QUERY | TOPONORM_HINT_UK | TOPONORM_HINT_RU | TOPONORM_HINT_EN |
                  TOPONORM_KEYS_FOR_NAMES))
        return TOPONORM_EINVAL;
    memset(&r, 0, sizeof r);
    r.an = an;
    r.sc = sc;
    r.text = text;
    r.flags = flags;
    r.hint = flags & (TOPONORM_HINT_UK | TOPONORM_HINT_RU | TOPONORM_HINT_EN | TOPONORM_FOR_QUERY |
                      TOPONORM_KEYS_FOR_NAMES);
    r.cb = cb;
    r.tcb = tcb;
    r.ctx = ctx;
    r.kinds = an->opt.kinds ? an->opt.kinds : ~0u;
    r.places = an->lx->places.n_places > 0 && wants(&r, TOPONORM_TERM_PLACE);
    r.position = cur->position;
    r.token = cur->token;
    do {
        size_t end = chunk_end(text, from, len);
        r.base = cur->offset + from;
        if ((rc = analyze_chunk(&r, text ? text + from : "", end - from)) != 0)
            return rc;
        from = end;
    } while (from < len);
    cur->position = r.position;
    cur->token = r.token;
    cur->offset += len;
    return TOPONORM_OK;
}

int toponorm_analyze_from(const toponorm_analyzer *an, toponorm_scratch *sc,
                          const char *text, size_t len, unsigned flags,
                          toponorm_cursor *cur, toponorm_term_cb cb, void *ctx)
{
    return cb ? analyze(an, sc, text, len, flags, cur, cb, NULL, ctx) : TOPONORM_EINVAL;
}

int toponorm_analyze_tokens(const toponorm_analyzer *an, toponorm_scratch *sc,
                            const char *text, size_t len, unsigned flags,
                            toponorm_cursor *cur, toponorm_token_cb cb, void *ctx)
{
    return cb ? analyze(an, sc, text, len, flags, cur, NULL, cb, ctx) : TOPONORM_EINVAL;
}

int toponorm_analyze(const toponorm_analyzer *an, toponorm_scratch *sc,
                     const char *text, size_t len, unsigned flags,
                     toponorm_term_cb cb, void *ctx)
{
    toponorm_cursor cur = {0, 0, 0};
    return toponorm_analyze_from(an, sc, text, len, flags, &cur, cb, ctx);
}

/*
** A line break after punctuation is a cut nothing crosses: word break
** always breaks after a line break, and no word ends in these marks; a
** hyphenated compound has no space in it; a multi-word name has only white
** space between its words (blank_gap); and the first word after the cut
** starts a sentence either way (sentence_start).
*/
static int ends_clause(const char *text, size_t k)
{
    unsigned char c = (unsigned char)text[k - 1];
    switch (c) {
    case '.': case ',': case ';': case ':': case '!': case '?': case ')': case ']': case '"':
        return 1;
    case 0xBB:                                              /* U+00BB » */
        return k >= 2 && (unsigned char)text[k - 2] == 0xC2;
    case 0xA6:                                              /* U+2026 … */
        return k >= 3 && (unsigned char)text[k - 3] == 0xE2 && (unsigned char)text[k - 2] == 0x80;
    default:
        return 0;
    }
}

size_t toponorm_cut(const char *text, size_t len)
{
    size_t i, last_nl = 0;
    if (!text)
        return 0;
    for (i = len; i > 0; i--) {
        size_t k = i - 1;
        if (text[k] != '\n')
            continue;
        if (!last_nl)
            last_nl = i;
        if (k < len / 2)
            break;
        if (k > 0 && text[k - 1] == '\r')
            k--;
        if (k > 0 && ends_clause(text, k))
            return i;
    }
    return last_nl;
}
