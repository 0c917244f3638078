/*
** translit.c: transliteration through a table of the lexicon.
**
** A word is a run of Cyrillic letters, with apostrophes between letters
** (Знам'янка); rules see it lower-cased, with every apostrophe form as
** U+0027, and the output gets the source's capitals back: a rule match that
** starts with a capital begins with a capital (Щ -> Shch), and in a word
** written in capitals only the whole output is in capitals (ЩАСТЯ ->
** SHCHASTIA), as the national standards prescribe for digraphs.  Everything
** outside words is copied byte for byte.  Each table is compiled, on first
** use, into byte-indexed entries with finished output strings (below);
** tests/translit/test_translit_ref.c holds the plain reference engine the
** result must equal.
*/
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

#include "attrs.h"
#include "chars.h"
#include "internal.h"
#include "lexfmt.h"
#include "utf8.h"

int toponorm_translit_count(const toponorm_lexicon *lx)
{
    return lx ? (int)lx->n_translit : 0;
}

const char *toponorm_translit_name(const toponorm_lexicon *lx, int i)
{
    return lx && i >= 0 && (uint32_t)i < lx->n_translit ? lx->translit[i]->name : NULL;
}

int toponorm_translit_find(const toponorm_lexicon *lx, const char *name)
{
    uint32_t i;
    if (!lx || !name)
        return -1;
    for (i = 0; i < lx->n_translit; i++)
        if (strcmp(lx->translit[i]->name, name) == 0)
            return (int)i;
    return -1;
}

int toponorm_translit_attr(const toponorm_lexicon *lx, int i, const char *key,
                           char *buf, size_t cap)
{
    if (!toponorm_translit_name(lx, i) || !key || !buf || !cap)
        return -1;
    return tn_attr(lx->translit[i]->attrs, key, buf, cap);
}

int toponorm_translit_sample_count(const toponorm_lexicon *lx, int i)
{
    return toponorm_translit_name(lx, i) ? (int)lx->translit[i]->n_samples : 0;
}

int toponorm_translit_sample(const toponorm_lexicon *lx, int i, int k, const char **input,
                             const char **expected, int *line)
{
    const tn_table *t;
    if (!toponorm_translit_name(lx, i))
        return TOPONORM_EINVAL;
    t = lx->translit[i];
    if (k < 0 || (uint32_t)k >= t->n_samples)
        return TOPONORM_EINVAL;
    *input = t->samples[k].in;
    *expected = t->samples[k].expected;
    *line = (int)t->samples[k].line;
    return 0;
}

void toponorm_free(void *p)
{
    free(p);
}

/* Lower case of a letter; plain arithmetic for the basic Cyrillic block. */
static uint32_t lower(uint32_t c)
{
    if (c >= 0x410 && c <= 0x42F) return c + 32;
    if (c >= 0x430 && c <= 0x45F) return c;
    if (c >= 0x400 && c <= 0x40F) return c + 80;
    return (uint32_t)u_tolower((UChar32)c);
}

static int upper_case(uint32_t c)
{
    if (c >= 0x400 && c <= 0x42F) return 1;
    if (c >= 0x430 && c <= 0x45F) return 0;
    return u_isupper((UChar32)c);
}

static int lower_case(uint32_t c)
{
    if (c >= 0x430 && c <= 0x45F) return 1;
    if (c >= 0x400 && c <= 0x42F) return 0;
    return u_islower((UChar32)c);
}

/*
** Write dst[0..n) at o, capitalised as `mode` says (0 as is, 1 first
** letter, 2 all); returns the bytes written (at most 2 * n: a capital may
** take more bytes than its small letter only outside ASCII, never doubly).
*/
static size_t put_cased(char *o, const char *dst, size_t n, int mode)
{
    size_t i = 0, w = 0, used;
    int first = 1;
    if (mode == 0 || (mode == 1 && n && dst[0] >= 'a' && dst[0] <= 'z')) {
        memcpy(o, dst, n);
        if (mode == 1)
            o[0] = (char)(dst[0] - 32);   /* the usual case: an ASCII capital */
        return n;
    }
    while (i < n) {
        uint32_t c = tn_utf8_next((const unsigned char *)dst + i, n - i, &used);
        if (mode == 2 || (first && u_islower((UChar32)c)))
            c = (uint32_t)u_toupper((UChar32)c);
        if (u_isalpha((UChar32)c))
            first = 0;
        w += tn_utf8_encode(c, o + w);
        i += used;
    }
    return w;
}

/*
** The table compiled for speed, built on first use (get_fast).
**
** Text is read as UTF-8 bytes, never decoded into a buffer first.  Every
** letter a word can hold is a two-byte sequence D0 80 .. D4 BF (U+0400 ..
** U+052F), so a row per first byte, indexed by the second byte, finds the
** letter's entry in two loads; the seven apostrophe forms get entries of
** their own.  An entry carries what the rules see (the lower-cased letter)
** and finished output strings: by capitalisation (a letter starting a word
** of capitals only is written differently), and, for the letters whose
** rules look at nothing but the word start (є -> ye / ie), by position.
** Only the remaining letters (rules with other context, or longer sources:
** зг -> zgh) go through the rule engine, tn_rules_match, so the rule
** semantics live in one place.  Output strings sit in one pool with TL_COPY
** bytes of padding after them, so most are copied with one fixed-size
** memcpy.
*/
#define TL_NLETTER 320                 /* D0 80 .. D4 BF */
#define TL_NENT    (TL_NLETTER + 7)    /* then the apostrophe forms */
#define TL_COPY    16                  /* outputs up to this long: one fixed-size copy */
#define TL_WORD    128                 /* letters of a word kept on the stack */
#define TL_STREAM  256                 /* longer words (bytes) take the two-pass path */

/* The two-pass path is the rare one: out of line, so that the one-pass loop
** keeps its registers. */
#if defined(__GNUC__)
#define TL_COLD __attribute__((noinline))
#else
#define TL_COLD
#endif

/*
** Entry flags.  F_STOP: not a letter of words (other bytes, ҂, the marks).
** F_MATCH: rules to match in context (tn_rules_match).  F_PEEK: and their
** outcome depends on the word start and the next letter only (two-letter
** sources: зг -> zgh).  F_HARD: on more than that, or an output is longer
** than TL_COPY: the word takes the two-pass path.
*/
enum { F_UPPER = 1, F_LOWER = 2, F_MATCH = 4, F_HARD = 8, F_STOP = 16, F_PEEK = 32 };
#define F_ENTRY_SHIFT 8                /* hot flags carry the entry number above this */

typedef struct tl_out {
    const char *s;                     /* in the pool */
    uint32_t len;
} tl_out;

/* What the one-pass loop reads for a letter that is not the word's first. */
typedef struct tl_hot {
    const char *s;                     /* its output in a mixed-case word */
    uint32_t len;
    uint32_t flags;                    /* F_* | entry number << F_ENTRY_SHIFT */
} tl_hot;

typedef struct tl_ent {
    uint32_t low;                      /* what the rules see */
    uint32_t flags;                    /* F_* */
    tl_out pos[2][2];                  /* output in a mixed-case word [0] or an all-caps
                                       ** one [1], as the word's first letter [.][0] or
                                       ** after it [.][1]; F_HARD letters: the letter as
                                       ** written, for when no rule matches */
} tl_ent;

struct tn_translit_fast {
    const tl_hot *row[256];            /* by a letter's first byte */
    tl_hot hot[6][256];                /* rows D0 .. D4, then one of F_STOP only */
    tl_ent ent[TL_NENT];
    tl_out *rule_out;                  /* 3 per rule: as is, first capital, all capitals */
    char *pool;
    uint32_t max_out;                  /* longest output of one step, bytes */
};

/* The apostrophe forms (chars.h), in the order of their entries. */
static const uint32_t apostrophes[7] = {0x27, 0x60, 0xB4, 0x2BB, 0x2BC, 0x2018, 0x2019};

void tn_translit_fast_free(struct tn_translit_fast *f)
{
    if (f) {
        free(f->rule_out);
        free(f->pool);
        free(f);
    }
}

/* Append s[0..n) to the pool. */
static tl_out pool_put(struct tn_translit_fast *f, size_t *pn, const char *s, size_t n)
{
    tl_out o = {f->pool + *pn, (uint32_t)n};
    memcpy(f->pool + *pn, s, n);
    *pn += n;
    if (n > f->max_out)
        f->max_out = (uint32_t)n;
    return o;
}

/*
** Rules whose outcome depends only on whether the letter starts the word
** (one-letter sources, no context but initial/noninitial) are decided here,
** once, for both positions.  Two-letter sources make the letter F_PEEK, any
** other context F_HARD.
*/
static void match_by_position(const tn_table *t, const struct tn_translit_fast *f, tl_ent *x)
{
    const tn_span *sp = x->low < TN_DIRECT_CPS ? &t->direct[x->low] : NULL;
    uint32_t word[2] = {0, x->low}, k, i, caps;
    if (!sp) {
        x->flags |= F_HARD;
        return;
    }
    for (k = 0; k < sp->count; k++) {
        const tn_rule *r = &t->rules[sp->start + k];
        if (r->src_n > 2 || (r->ctx & ~(TN_CTX_INITIAL | TN_CTX_NONINITIAL))) {
            x->flags |= F_HARD;
            return;
        }
        if (r->src_n == 2)
            x->flags |= F_PEEK;
    }
    if (x->flags & F_PEEK)
        return;
    /* The letter alone (word start), and after a letter no rule here looks at. */
    for (i = 0; i < 2; i++) {
        const tn_rule *r = i ? tn_rules_match(&t, 1, word, 2, 1) : tn_rules_match(&t, 1, word + 1, 1, 0);
        for (caps = 0; caps < 2 && r; caps++)
            x->pos[caps][i] = f->rule_out[3 * (size_t)(r - t->rules) +
                                          (x->flags & F_UPPER ? 1 + caps : 0)];
    }
}

static struct tn_translit_fast *build_fast(const tn_table *t)
{
    struct tn_translit_fast *f = calloc(1, sizeof *f);
    size_t cap = TL_COPY + 4 * TL_NENT, pn = 0;
    uint32_t k, e;
    char tmp[4];

    if (!f)
        return NULL;
    for (k = 0; k < t->n_rules; k++)
        cap += 3 * (2 * (size_t)t->rules[k].dst_len);
    f->pool = calloc(1, cap);
    f->rule_out = calloc(t->n_rules ? 3 * (size_t)t->n_rules : 1, sizeof *f->rule_out);
    if (!f->pool || !f->rule_out) {
        tn_translit_fast_free(f);
        return NULL;
    }
    for (k = 0; k < t->n_rules; k++) {
        const tn_rule *r = &t->rules[k];
        int mode;
        /* put_cased writes at most 2 * dst_len bytes: the room counted above. */
        for (mode = 0; mode < 3; mode++) {
            tl_out *o = &f->rule_out[3 * k + mode];
            o->s = f->pool + pn;
            o->len = (uint32_t)put_cased(f->pool + pn, r->dst, r->dst_len, mode);
            pn += o->len;
            if (o->len > f->max_out)
                f->max_out = o->len;
        }
    }
    for (e = 0; e < TL_NENT; e++) {
        tl_ent *x = &f->ent[e];
        uint32_t cp = e < TL_NLETTER ? 0x400 + e : apostrophes[e - TL_NLETTER];
        const tn_span *sp;
        if (e < TL_NLETTER && !tn_is_cyrillic_letter(cp)) {
            x->flags = F_STOP;                     /* ҂ and the marks: not in words */
            continue;
        }
        if (e < TL_NLETTER) {
            x->low = lower(cp);
            if (upper_case(cp))
                x->flags |= F_UPPER;
            else if (lower_case(cp))
                x->flags |= F_LOWER;
        } else {
            x->low = '\'';
        }
        sp = x->low < TN_DIRECT_CPS ? &t->direct[x->low] : NULL;
        if (sp && sp->count == 1 && t->rules[sp->start].src_n == 1 && !t->rules[sp->start].ctx) {
            /* The only rule for this letter, without context: output by case alone. */
            k = sp->start;
            x->pos[0][0] = x->pos[0][1] = f->rule_out[3 * k + (x->flags & F_UPPER ? 1 : 0)];
            x->pos[1][0] = x->pos[1][1] = f->rule_out[3 * k + (x->flags & F_UPPER ? 2 : 0)];
        } else {
            /* No rule (copied as written), or rules to match in context. */
            if (!sp || sp->count)
                x->flags |= F_MATCH;
            x->pos[0][0] = pool_put(f, &pn, tmp, tn_utf8_encode(cp, tmp));
            x->pos[0][1] = x->pos[1][0] = x->pos[1][1] = x->pos[0][0];
        }
        if (x->flags & F_MATCH)
            match_by_position(t, f, x);
    }
    if (f->max_out > TL_COPY)                      /* the one-pass loop copies TL_COPY bytes */
        for (e = 0; e < TL_NENT; e++)
            if (!(f->ent[e].flags & F_STOP))
                f->ent[e].flags |= F_HARD;
    /* The rows: every byte pair that is not a letter is F_STOP. */
    for (k = 0; k < 256; k++)
        f->row[k] = k >= 0xD0 && k <= 0xD4 ? f->hot[k - 0xD0] : f->hot[5];
    for (k = 0; k < 6 * 256; k++)
        f->hot[k / 256][k % 256].flags = F_STOP;
    for (e = 0; e < TL_NLETTER; e++) {
        tl_hot *h = &f->hot[e >> 6][0x80 | (e & 0x3F)];
        h->s = f->ent[e].pos[0][1].s;
        h->len = f->ent[e].pos[0][1].len;
        h->flags = f->ent[e].flags | e << F_ENTRY_SHIFT;
    }
    return f;
}

/*
** The fast form of t, built once.  The lexicon is shared read-only between
** threads; this cache is its one lazily set field, published with an atomic
** compare-and-swap: a thread that loses the race frees its own copy.
*/
static const struct tn_translit_fast *get_fast(const tn_table *t)
{
    tn_table *mt = (tn_table *)t;
    struct tn_translit_fast *f = atomic_load_explicit(&mt->fast, memory_order_acquire), *none = NULL;
    if (f)
        return f;
    if (!(f = build_fast(t)))
        return NULL;
    if (!atomic_compare_exchange_strong_explicit(&mt->fast, &none, f, memory_order_acq_rel,
                                                 memory_order_acquire)) {
        tn_translit_fast_free(f);
        return none;
    }
    return f;
}

/* The entry number of the letter at p, or -1. */
static inline int letter_at(const struct tn_translit_fast *f, const unsigned char *p,
                            const unsigned char *end)
{
    uint32_t fl;
    if (end - p < 2 || ((fl = f->row[p[0]][p[1]].flags) & F_STOP))
        return -1;
    return (int)(fl >> F_ENTRY_SHIFT);
}

/* The entry number of the apostrophe at p (p < end; its length in *n), or -1. */
static inline int apostrophe_at(const unsigned char *p, const unsigned char *end, size_t *n)
{
    size_t left = (size_t)(end - p);
    /* Mostly a space or punctuation ends the word: one test turns it away. */
    if (p[0] != 0x27 && p[0] != 0x60 && p[0] < 0xC2)
        return -1;
    *n = 1;
    if (p[0] == 0x27) return TL_NLETTER;
    if (p[0] == 0x60) return TL_NLETTER + 1;
    *n = 2;
    if (p[0] == 0xC2 && left >= 2 && p[1] == 0xB4) return TL_NLETTER + 2;
    if (p[0] == 0xCA && left >= 2 && p[1] == 0xBB) return TL_NLETTER + 3;
    if (p[0] == 0xCA && left >= 2 && p[1] == 0xBC) return TL_NLETTER + 4;
    *n = 3;
    if (p[0] == 0xE2 && left >= 3 && p[1] == 0x80 && p[2] == 0x98) return TL_NLETTER + 5;
    if (p[0] == 0xE2 && left >= 3 && p[1] == 0x80 && p[2] == 0x99) return TL_NLETTER + 6;
    return -1;
}

/* The entry of the apostrophe at s that belongs to the word (a letter follows
** it), or -1; its length in *n. */
static inline int word_apostrophe(const struct tn_translit_fast *f, const unsigned char *s,
                                  const unsigned char *end, size_t *n)
{
    int e;
    if (s == end || (e = apostrophe_at(s, end, n)) < 0 || letter_at(f, s + *n, end) < 0)
        return -1;
    return e;
}

/* Copy a pool string: short ones with one fixed-size copy (the pool is padded;
** the output always has TL_COPY bytes of room beyond what it reserved). */
static inline char *put(char *o, tl_out s)
{
    if (s.len <= TL_COPY)
        memcpy(o, s.s, TL_COPY);
    else
        memcpy(o, s.s, s.len);
    return o + s.len;
}

/* Room for n more bytes at b->n, plus TL_COPY of slack for put(). */
static inline int room(tn_buf *b, size_t n)
{
    return b->cap - b->n > n + TL_COPY ? 0 : tn_buf_reserve(b, n + TL_COPY);
}

/*
** An F_PEEK letter at s (s == p: it starts the word): the rule for it and
** the position after it, written at *q.  Returns the bytes taken (the
** letter, or with the next one), 0 past lim.
*/
static size_t peek_step(const tn_table *t, const struct tn_translit_fast *f,
                        const unsigned char *p, const unsigned char *s, const unsigned char *lim,
                        const unsigned char *end, char **q, uint32_t *any)
{
    const tl_ent *x = &f->ent[f->row[s[0]][s[1]].flags >> F_ENTRY_SHIFT];
    uint32_t word[3] = {0, x->low, 0}, n = 2, flags = x->flags;
    const tn_rule *r;
    size_t step = 2, taken = 2;
    tl_out out = x->pos[0][0];                     /* no rule: the letter as written */
    int next = letter_at(f, s + 2, end);

    if (next < 0)
        next = word_apostrophe(f, s + 2, end, &step);
    if (next >= 0)
        word[n++] = f->ent[next].low;
    /* A window of the word: the letter, the next position, and at word[0]
    ** a stand-in for the letters before, which no F_PEEK rule looks at. */
    r = s == p ? tn_rules_match(&t, 1, word + 1, n - 1, 0) : tn_rules_match(&t, 1, word, n, 1);
    if (r) {
        out = f->rule_out[3 * (size_t)(r - t->rules) + (x->flags & F_UPPER ? 1 : 0)];
        if (r->src_n == 2) {
            taken += step;
            flags |= f->ent[next].flags;
        }
    }
    if (s + taken > lim)
        return 0;
    *any |= flags;
    memcpy(*q, out.s, TL_COPY);
    *q += out.len;
    return taken;
}

/*
** The common case, in one pass: a word of letters that need no look beyond
** the word start and the next letter (not F_HARD), with a small letter (so
** not a word of capitals), at most TL_STREAM bytes long, written as it is
** read.  Returns the bytes of input taken, or 0 when put_word must finish
** the word: from the F_HARD letter *hard bytes into it, whose output goes
** to o at *at; *hard is 0 when put_word must write the whole word (or
** memory ran out: put_word reports it).
*/
static size_t stream_word(const tn_table *t, const struct tn_translit_fast *f,
                          const unsigned char *p, const unsigned char *end, tn_buf *o,
                          size_t *hard, size_t *at)
{
    const unsigned char *s = p, *lim = end - p > TL_STREAM ? p + TL_STREAM : end;
    uint32_t any = 0, fl = f->row[p[0]][p[1]].flags;
    size_t step;
    char *q;
    int e;

    *hard = 0;
    /* Each step takes at least one byte of input and writes at most max_out. */
    if ((fl & F_HARD) || room(o, TL_STREAM * (size_t)f->max_out))
        return 0;
    q = o->p + o->n;
    if (!(fl & F_PEEK)) {                          /* the first letter: its word-start form */
        const tl_ent *x = &f->ent[fl >> F_ENTRY_SHIFT];
        any = fl;
        memcpy(q, x->pos[0][0].s, TL_COPY);
        q += x->pos[0][0].len;
        s += 2;
    }
    for (;;) {
        fl = 0;
        while (s + 1 < lim) {
            const tl_hot *h = &f->row[s[0]][s[1]];
            if ((fl = h->flags) & (F_STOP | F_HARD | F_PEEK))
                break;
            any |= fl;
            memcpy(q, h->s, TL_COPY);
            q += h->len;
            s += 2;
        }
        if (fl & F_HARD)
            break;
        if (fl & F_PEEK) {
            if (!(step = peek_step(t, f, p, s, lim, end, &q, &any)))
                return 0;
            s += step;
            continue;
        }
        if (s + 1 >= lim && lim != end)
            return 0;                              /* a long word */
        if ((e = word_apostrophe(f, s, end, &step)) < 0)
            break;
        if (s + step > lim)
            return 0;
        if (f->ent[e].flags & (F_HARD | F_PEEK)) {
            fl = F_HARD;
            break;
        }
        memcpy(q, f->ent[e].pos[0][1].s, TL_COPY);
        q += f->ent[e].pos[0][1].len;
        s += step;
    }
    if ((any & (F_UPPER | F_LOWER)) == F_UPPER)
        return 0;                                  /* perhaps a word of capitals */
    if (fl & F_HARD) {
        *hard = (size_t)(s - p);
        *at = (size_t)(q - o->p);
        return 0;
    }
    o->n = (size_t)(q - o->p);
    return (size_t)(s - p);
}

/* The word's letters: entry numbers (e) and what the rules see (low). */
typedef struct tl_word {
    uint16_t *e;
    uint32_t *low;
    size_t cap;
    uint16_t e0[TL_WORD];
    uint32_t low0[TL_WORD];
} tl_word;

static int word_grow(tl_word *w)
{
    size_t cap = w->cap * 2;
    uint16_t *e = malloc(cap * sizeof *e);
    uint32_t *low = malloc(cap * sizeof *low);
    if (!e || !low) {
        free(e);
        free(low);
        return TOPONORM_ENOMEM;
    }
    memcpy(e, w->e, w->cap * sizeof *e);
    memcpy(low, w->low, w->cap * sizeof *low);
    if (w->e != w->e0) {
        free(w->e);
        free(w->low);
    }
    w->e = e;
    w->low = low;
    w->cap = cap;
    return 0;
}

/*
** Any word, in two passes: the first finds the word's end and its case (in
** a word of capitals only, two at least, digraphs are all capitals:
** ЩАСТЯ -> SHCHASTIA), the second writes, through tn_rules_match for the
** F_HARD letters.  When stream_word wrote the word up to an F_HARD letter
** (hard > 0) and the word is not in capitals, writing resumes there.
** Returns the bytes of input taken, 0 when out of memory.
*/
TL_COLD static size_t put_word(const tn_table *t, const struct tn_translit_fast *f, tl_word *w,
                       const unsigned char *p, const unsigned char *end, tn_buf *o,
                       size_t hard, size_t at)
{
    const unsigned char *s = p;
    const tl_ent *ent = f->ent;
    size_t n = 0, i, i0 = 0, step;
    uint32_t any = 0;
    int caps = 0, e;
    char *q;

    for (;;) {
        while (s + 1 < end) {
            uint32_t fl = f->row[s[0]][s[1]].flags;
            if (fl & F_STOP)
                break;
            if (n == w->cap && word_grow(w))
                return 0;
            if (s == p + hard)
                i0 = n;
            w->e[n] = (uint16_t)(fl >> F_ENTRY_SHIFT);
            w->low[n++] = ent[fl >> F_ENTRY_SHIFT].low;
            any |= fl;
            s += 2;
        }
        if ((e = word_apostrophe(f, s, end, &step)) < 0)
            break;
        if (n == w->cap && word_grow(w))
            return 0;
        if (s == p + hard)
            i0 = n;
        w->e[n] = (uint16_t)e;
        w->low[n++] = ent[e].low;
        any |= ent[e].flags;
        s += step;
    }
    if ((any & (F_UPPER | F_LOWER)) == F_UPPER) {
        size_t upper = 0;
        for (i = 0; i < n; i++)
            upper += ent[w->e[i]].flags & F_UPPER;
        caps = upper >= 2;
    }
    if (caps || !hard) {
        i0 = 0;
        at = o->n;
    }
    if (room(o, at - o->n + (size_t)(s - p) * f->max_out))
        return 0;
    q = o->p + at;
    for (i = i0; i < n;) {
        const tl_ent *x = &ent[w->e[i]];
        const tn_rule *r;
        if ((x->flags & (F_HARD | F_PEEK)) && (r = tn_rules_match(&t, 1, w->low, n, i)) != NULL) {
            q = put(q, f->rule_out[3 * (size_t)(r - t->rules) +
                                   (x->flags & F_UPPER ? 1 + (size_t)caps : 0)]);
            i += r->src_n;
        } else {
            q = put(q, x->pos[caps][i != 0]);
            i++;
        }
    }
    o->n = (size_t)(q - o->p);
    return (size_t)(s - p);
}

/* Does the 8-byte block at p hold a byte with the high bit set? */
static inline int has_high(const unsigned char *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return (v & 0x8080808080808080ull) != 0;
}

int toponorm_translit(const toponorm_lexicon *lx, int ti, const char *text, size_t len,
                      char **out, size_t *out_len)
{
    const unsigned char *p = (const unsigned char *)text, *end = p + len;
    const struct tn_translit_fast *f;
    const tn_table *t;
    tn_buf o = {0};
    tl_word w;
    int rc = 0;

    if (!out || !out_len || !toponorm_translit_name(lx, ti) || (!text && len))
        return TOPONORM_EINVAL;
    *out = NULL;
    *out_len = 0;
    t = lx->translit[ti];
    if (!(f = get_fast(t)) || tn_buf_reserve(&o, len + len / 2 + TL_COPY + 16)) {
        tn_buf_free(&o);
        return TOPONORM_ENOMEM;
    }
    w.e = w.e0;
    w.low = w.low0;
    w.cap = TL_WORD;
    while (p < end) {
        /* Copy everything up to the next possible letter (first byte D0..D4)
        ** in one piece; ASCII goes eight bytes at a time. */
        const unsigned char *q = p;
        size_t took, hard = 0, at = 0;
        int e;
        while (end - q >= 8 && !has_high(q))
            q += 8;
        while (q < end && (unsigned)(*q - 0xD0) > 4)
            q++;
        if (q > p) {
            size_t k = (size_t)(q - p);
            if ((rc = room(&o, k)) != 0)
                break;
            /* Mostly a space or two: one fixed-size copy when the input allows. */
            if (k <= TL_COPY && end - p >= TL_COPY)
                memcpy(o.p + o.n, p, TL_COPY);
            else
                memcpy(o.p + o.n, p, k);
            o.n += k;
            p = q;
        }
        if (p == end)
            break;
        if ((e = letter_at(f, p, end)) < 0) {
            if ((rc = room(&o, 1)) != 0)
                break;
            o.p[o.n++] = (char)*p++;   /* copied as written, bad bytes too */
            continue;
        }
        if (!(took = stream_word(t, f, p, end, &o, &hard, &at)) &&
            !(took = put_word(t, f, &w, p, end, &o, hard, at))) {
            rc = TOPONORM_ENOMEM;
            break;
        }
        p += took;
    }
    if (w.e != w.e0) {
        free(w.e);
        free(w.low);
    }
    if (rc) {
        tn_buf_free(&o);
        return rc;
    }
    o.p[o.n] = '\0';
    *out = o.p;
    *out_len = o.n;
    return 0;
}
