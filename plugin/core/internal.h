/*
** internal.h: structures shared by the core files.  Not installed.
*/
#ifndef TN_INTERNAL_H
#define TN_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include "toponorm/toponorm.h"

#define TN_MAX_RULE_CPS   8     /* longest rule source, in code points */
#define TN_DIRECT_CPS     0x530 /* code points below this have a direct rule index */
#define TN_MAX_TOKEN      240   /* longer tokens get no terms (engines cap terms near 245 bytes) */
#define TN_MAX_KEYS       8     /* distinct keys one token may yield */
#define TN_MAX_READINGS   16    /* Latin readings a lexicon may define */

/* One rule, with its strings decoded to code points at load time. */
typedef struct tn_rule {
    uint32_t src[TN_MAX_RULE_CPS];
    uint32_t src_n;
    const char *dst;            /* UTF-8 in the mapped pool */
    uint32_t dst_len;
    const char *before, *after; /* UTF-8 letter sets, may be empty */
    uint32_t before_len, after_len;
    uint32_t ctx;               /* TN_CTX_* */
} tn_rule;

/* Rules sharing a first code point: rules[start .. start+count). */
typedef struct tn_span {
    uint32_t start, count;
} tn_span;

typedef struct tn_far_span {
    uint32_t cp;
    tn_span span;
} tn_far_span;

/* One @sample line of a translit table. */
typedef struct tn_sample {
    const char *in, *expected;
    uint32_t line;
} tn_sample;

/* Letter sequences from a header attribute such as never=kh,zh (key tables). */
#define TN_MAX_SEQS 16
typedef struct tn_seqs {
    uint32_t cps[TN_MAX_SEQS][TN_MAX_RULE_CPS];
    uint8_t len[TN_MAX_SEQS];
    uint64_t mask[TN_MAX_SEQS]; /* tn_letter_bit of each sequence's letters */
    uint32_t n;
} tn_seqs;

typedef struct tn_table {
    const char *name;
    const char *attrs;          /* "key=value ..." from the source header */
    uint32_t kind, script;
    tn_rule *rules;             /* sorted: first code point, then longest source first */
    uint32_t n_rules;
    tn_span direct[TN_DIRECT_CPS];
    tn_far_span *far;           /* first code points >= TN_DIRECT_CPS, sorted */
    uint32_t n_far;
    uint32_t max_dst;           /* longest rule target, bytes */
    tn_sample *samples;         /* translit tables: their @sample lines */
    uint32_t n_samples;
    tn_seqs never;              /* a Latin reading is not tried on words with these */
    tn_seqs only;               /* ...and, when set, only on words with one of these */
    /* translit tables: their form compiled for speed, built on first use
    ** (translit.c), freed with the lexicon. */
    _Atomic(struct tn_translit_fast *) fast;
} tn_table;

/*
** Where two key readings differ: a word holding none of these letters
** (tn_letter_bit) and none of these sequences gets the same key from both.
*/
typedef struct tn_reading_diff {
    uint64_t letters;
    tn_seqs seqs;
} tn_reading_diff;

/* The places section, read in place from the mapping (places.c). */
typedef struct tn_places {
    const unsigned char *b;
    uint32_t n_places, places, n_names, names, n_slots, slots;
    uint32_t n_entries, entries, n_post, post, n_groups;
    uint32_t pool, pool_n;
    uint32_t tags;                 /* offset of the slot tags (lexfmt.h) */
} tn_places;

/* One posting: this lookup string is word wi of nw of `group` naming place. */
typedef struct tn_post {
    uint32_t place, group;
    const char *lemma;
    uint32_t lemma_len;
    uint8_t wi, nw, flags;
} tn_post;

struct toponorm_lexicon {
    void *map;
    size_t size;
    const char *data_version;
    tn_table *tables;
    uint32_t n_tables;
    const tn_table *key_cyrl;                  /* the Cyrillic key table */
    const tn_table *key_latn[TN_MAX_READINGS]; /* Latin readings, in file order */
    uint32_t n_readings;
    /* Per pair of readings (n_readings x n_readings): what a word must
    ** contain to be keyed differently by the two (lexicon.c). */
    struct tn_reading_diff *reading_diff;
    const tn_table **translit;                 /* kind=translit tables, in file order */
    uint32_t n_translit;
    tn_places places;                          /* n_places 0: no gazetteer */
};

struct toponorm_analyzer {
    const toponorm_lexicon *lx;
    toponorm_options opt;
};

/* A growable byte buffer. */
typedef struct tn_buf {
    char *p;
    size_t n, cap;
} tn_buf;

int  tn_buf_reserve(tn_buf *b, size_t extra);
int  tn_buf_add(tn_buf *b, const char *s, size_t n);
void tn_buf_free(tn_buf *b);

/* error.c */
int tn_error(toponorm_error *err, int code, const char *where, int line,
             const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* translit.c: free a table's compiled form (NULL is fine). */
struct tn_translit_fast;
void tn_translit_fast_free(struct tn_translit_fast *f);

/* lexicon.c */
const tn_table *tn_lexicon_table(const toponorm_lexicon *lx, const char *name);
/* A pool string: in bounds, NUL-terminated right after, valid UTF-8; else NULL.
** pool_off, pool_n: the lexicon's string pool, which load() checks as UTF-8 whole. */
const char *tn_pool_str(const unsigned char *base, uint32_t pool_off, uint32_t pool_n,
                        uint32_t off, uint32_t len);

/* places.c: validate the places section (every offset) at open time. */
int tn_places_load(toponorm_lexicon *lx, const char *path, toponorm_error *err);
/* The entry of lookup string s[0..n), or TN_NO_ENTRY. */
#define TN_NO_ENTRY 0xFFFFFFFFu
uint32_t tn_places_find(const tn_places *pl, const char *s, size_t n);
/* Postings of entry e: first index and count. */
void tn_places_entry(const tn_places *pl, uint32_t e, uint32_t *first, uint32_t *count);
void tn_places_post(const tn_places *pl, uint32_t i, tn_post *out);
/* The id of place i (a string in the mapping) and its length. */
const char *tn_places_id(const tn_places *pl, uint32_t place, size_t *len);

/*
** places.c: which places a word (and the words after it) name.  A word is
** described by its lookup hits and what its spelling and context say.
*/
#define TN_MAX_HITS 4
typedef struct tn_word {
    uint32_t hits[TN_MAX_HITS];   /* entries of the word's lookup strings */
    int n_hits;
    int capital;                  /* starts with a capital letter */
    int allcaps;                  /* and every letter is a capital (a headline) */
    int sentence_start;           /* nothing but spaces and quotes since . ! ? or a line start */
    int letters;                  /* letters in the word */
    int cyrillic;                 /* a Cyrillic word */
} tn_word;

/* Fetch word k (1, 2, ...) after the first one; 0 when there is none. */
typedef int (*tn_next_word)(void *ctx, int k, tn_word *out);

#define TN_MAX_MATCH 16
/*
** The places named at word w0: a multi-word name starting there (the
** longest; its later words come from next), else w0's own one-word names,
** each subject to the precision policy (case, context, ambiguous.tsv).
** Fills ids[] (at most TN_MAX_MATCH place indices, ascending, distinct) and
** *n_words (words the match covers, 1 for one-word names); returns the count.
*/
int tn_places_match(const tn_places *pl, const tn_word *w0, int query, tn_next_word next,
                    void *ctx, uint32_t *ids, int *n_words);

/*
** Can tn_places_match find a name at word w0 (its hits, case, letters and
** script set; sentence_start not looked at) in some context?  Only the
** words after it and whether it opens a sentence vary between occurrences
** of a word.  0: no occurrence of it starts a name; else TN_START_NAME,
** with TN_START_ALONE when a name may come out of w0 on its own (a
** one-word name, a region's adjective), without the words after it.
*/
#define TN_START_NAME  1
#define TN_START_ALONE 2
int tn_places_can_start(const tn_places *pl, const tn_word *w0, int query);

/* The lemma to use as the stem term of a word with these hits, or NULL;
** forms that are also ordinary words only when ambiguous_too. */
const char *tn_places_lemma(const tn_places *pl, const uint32_t *hits, int n_hits,
                            int ambiguous_too, size_t *len);

/*
** rules.c: the rule that applies at cps[i] in the first table of tabs[] that
** has one (longest source, then file order, context holding), or NULL.
*/
const tn_rule *tn_rules_match(const tn_table *const *tabs, int ntabs,
                              const uint32_t *cps, size_t n, size_t i);

/*
** rules.c: rewrite cps[0..n) with the first table in tabs[] that has a rule
** matching at each position (longest match, then file order), appending
** UTF-8 to out.  A code point no table matches is copied as it is.
*/
int tn_rules_apply(const tn_table *const *tabs, int ntabs,
                   const uint32_t *cps, size_t n, tn_buf *out);

/* Context helper: is cp in the UTF-8 set s[0..n)? */
int tn_set_has(const char *s, size_t n, uint32_t cp);

#endif
