/*
** stem.h: Snowball stemmers (libstemmer) for the stem term.
*/
#ifndef TN_STEM_H
#define TN_STEM_H

#include <stddef.h>

struct sb_stemmer;

typedef struct tn_stem {
    struct sb_stemmer *ru, *en;
    /* The same stemmers over one byte per letter (NULL where libstemmer
    ** lacks them): the words they can spell go through these, which do
    ** half the work of the UTF-8 ones on Russian (stem.c). */
    struct sb_stemmer *ru_koi8, *en_latin1;
    unsigned char koi8[256];      /* a word in KOI8-R */
    char out[512];                /* a KOI8-R stem back in UTF-8 */
} tn_stem;

/* Make the stemmers (one set per scratch: libstemmer objects are not thread-safe). */
int  tn_stem_init(tn_stem *st);
void tn_stem_free(tn_stem *st);

/*
** Stem word[0..len) for lang (TOPONORM_LANG_RU, _EN: Snowball; _UK: stem_uk.c;
** others get no stem).
** Returns the stem (owned by st, valid until the next call) and its length
** in *out_len, or NULL when there is none.
*/
const char *tn_stem_word(tn_stem *st, int lang, const char *word, size_t len,
                         size_t *out_len);

/*
** stem_uk.c: the light Ukrainian stemmer.  Returns the length of the stem
** of the folded word w[0..n) (a prefix of it).
*/
size_t tn_stem_uk(const char *w, size_t n);

#endif
