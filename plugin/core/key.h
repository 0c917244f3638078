/*
** key.h: match keys of one folded word (key.c).
*/
#ifndef TN_KEY_H
#define TN_KEY_H

#include "internal.h"

/* The distinct keys of one word, NUL-separated in buf. */
typedef struct tn_keys {
    tn_buf buf;
    size_t off[TN_MAX_KEYS], len[TN_MAX_KEYS];
    size_t n;
} tn_keys;

/*
** Compute the keys of the folded word cps[0..n) (script from the fold) into
** ks; tmp is working memory.  0 or TOPONORM_ENOMEM.
*/
int tn_keys_compute(const toponorm_lexicon *lx, const uint32_t *cps, size_t n,
                    int script, tn_buf *tmp, tn_keys *ks);

/*
** Add the keys of a variant spelling of the same word to ks (duplicates
** are dropped): a Cyrillic word written with ё also gets the key of ё read
** as "io", since many romanisations write it o/io/jo.
*/
int tn_keys_add_cyrillic(const toponorm_lexicon *lx, const uint32_t *cps, size_t n,
                         tn_buf *tmp, tn_keys *ks);

/* Key i of ks and its length. */
const char *tn_keys_get(const tn_keys *ks, size_t i, size_t *len);

#endif
