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
    /* Letters below TN_DIRECT_CPS whose only rule has a one-letter source and
    ** no context: that rule, found without matching (translit's fast path). */
    const tn_rule *simple[TN_DIRECT_CPS];
    uint32_t max_dst;           /* longest rule target, bytes */
    tn_sample *samples;         /* translit tables: their @sample lines */
    uint32_t n_samples;
    tn_seqs never;              /* a Latin reading is not tried on words with these */
    tn_seqs only;               /* ...and, when set, only on words with one of these */
    /* translit tables: their form compiled for speed, built on first use
    ** (translit.c), freed with the lexicon. */
    _Atomic(struct tn_translit_fast *) fast;
} tn_table;

struct toponorm_lexicon {
    void *map;
    size_t size;
    const char *data_version;
    tn_table *tables;
    uint32_t n_tables;
    const tn_table *key_cyrl;                  /* the Cyrillic key table */
    const tn_table *key_latn[TN_MAX_READINGS]; /* Latin readings, in file order */
    uint32_t n_readings;
    const tn_table **translit;                 /* kind=translit tables, in file order */
    uint32_t n_translit;
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
