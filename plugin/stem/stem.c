/*
** stem.c: libstemmer adapter.  Snowball has no Ukrainian stemmer (see
** ../shared/reference/transliteration.md §7): Ukrainian words go to our
** light stemmer (stem_uk.c); the morphology of place names is the
** gazetteer's.
*/
#include <libstemmer.h>

#include "stem.h"
#include "toponorm/toponorm.h"

int tn_stem_init(tn_stem *st)
{
    st->ru = sb_stemmer_new("russian", "UTF_8");
    st->en = sb_stemmer_new("english", "UTF_8");
    if (!st->ru || !st->en) {
        tn_stem_free(st);
        return TOPONORM_ENOMEM;
    }
    return 0;
}

void tn_stem_free(tn_stem *st)
{
    if (st->ru)
        sb_stemmer_delete(st->ru);
    if (st->en)
        sb_stemmer_delete(st->en);
    st->ru = st->en = NULL;
}

const char *tn_stem_word(tn_stem *st, int lang, const char *word, size_t len,
                         size_t *out_len)
{
    struct sb_stemmer *s = lang == TOPONORM_LANG_RU ? st->ru :
                           lang == TOPONORM_LANG_EN ? st->en : NULL;
    const sb_symbol *r;
    if (lang == TOPONORM_LANG_UK) {
        *out_len = tn_stem_uk(word, len);
        return word;
    }
    if (!s || len > 1000)
        return NULL;
    r = sb_stemmer_stem(s, (const sb_symbol *)word, (int)len);
    if (!r)
        return NULL;    /* out of memory inside libstemmer: no stem term */
    *out_len = (size_t)sb_stemmer_length(s);
    return (const char *)r;
}
