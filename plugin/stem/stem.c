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
    /* Optional: the UTF-8 stemmers serve every word without them. */
    st->ru_koi8 = sb_stemmer_new("russian", "KOI8_R");
    st->en_latin1 = sb_stemmer_new("english", "ISO_8859_1");
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
    if (st->ru_koi8)
        sb_stemmer_delete(st->ru_koi8);
    if (st->en_latin1)
        sb_stemmer_delete(st->en_latin1);
    st->ru = st->en = st->ru_koi8 = st->en_latin1 = NULL;
}

/*
** Snowball's stemmers step through UTF-8 a character at a time; its KOI8-R
** Russian and ISO-8859-1 English stemmers, generated from the same rules,
** read a byte per letter and take about half (Russian) and three quarters
** (English) of the instructions.  A word spelled in lower-case Russian
** letters and ASCII, or in ASCII alone, goes through them; the stem comes
** back the same (tests/unit/test_stem.c checks both against the UTF-8
** stemmers, and the KOI8-R letters against iconv).
*/

/* KOI8-R's lower-case letters, bytes 0xC0..0xDF in order (RFC 1489); ё is 0xA3. */
static const char koi8r_lower[] = "юабцдефгхийклмнопярстужвьызшэщчъ";

/* The KOI8-R byte of а..я (U+0430..U+044F). */
static const unsigned char koi8r_of[32] = {
    0xC1, 0xC2, 0xD7, 0xC7, 0xC4, 0xC5, 0xD6, 0xDA, 0xC9, 0xCA, 0xCB, 0xCC, 0xCD, 0xCE, 0xCF, 0xD0,
    0xD2, 0xD3, 0xD4, 0xD5, 0xC6, 0xC8, 0xC3, 0xDE, 0xDB, 0xDD, 0xDF, 0xD9, 0xD8, 0xDC, 0xC0, 0xD1,
};

/* w[0..n) in KOI8-R at k; its length, or 0 when a character is neither
** ASCII nor а..я, ё. */
static size_t to_koi8r(const unsigned char *w, size_t n, unsigned char *k)
{
    size_t i = 0, m = 0;
    while (i < n) {
        unsigned c = w[i];
        if (c < 0x80) {
            k[m++] = (unsigned char)c;
            i++;
            continue;
        }
        if (i + 1 >= n)
            return 0;
        if (c == 0xD0 && w[i + 1] >= 0xB0 && w[i + 1] <= 0xBF)          /* а..п */
            k[m++] = koi8r_of[w[i + 1] - 0xB0];
        else if (c == 0xD1 && w[i + 1] >= 0x80 && w[i + 1] <= 0x8F)     /* р..я */
            k[m++] = koi8r_of[16 + w[i + 1] - 0x80];
        else if (c == 0xD1 && w[i + 1] == 0x91)                         /* ё */
            k[m++] = 0xA3;
        else
            return 0;
        i += 2;
    }
    return m;
}

/* KOI8-R k[0..n) in UTF-8 at out (room for 2n); its length, or 0 for a
** byte that is no lower-case letter or ASCII. */
static size_t from_koi8r(const unsigned char *k, size_t n, char *out)
{
    size_t i, m = 0;
    for (i = 0; i < n; i++) {
        unsigned c = k[i];
        if (c < 0x80) {
            out[m++] = (char)c;
        } else if (c >= 0xC0 && c <= 0xDF) {
            out[m++] = koi8r_lower[2 * (c - 0xC0)];
            out[m++] = koi8r_lower[2 * (c - 0xC0) + 1];
        } else if (c == 0xA3) {
            out[m++] = (char)0xD1;
            out[m++] = (char)0x91;
        } else {
            return 0;
        }
    }
    return m;
}

/* The stem by the one-byte stemmers, or NULL (then the UTF-8 ones). */
static const char *stem_bytes(tn_stem *st, int lang, const char *word, size_t len,
                              size_t *out_len)
{
    const sb_symbol *r;
    size_t i, n;
    if (lang == TOPONORM_LANG_EN && st->en_latin1) {
        for (i = 0; i < len; i++)
            if ((unsigned char)word[i] >= 0x80)
                return NULL;
        r = sb_stemmer_stem(st->en_latin1, (const sb_symbol *)word, (int)len);
        if (!r)
            return NULL;
        n = (size_t)sb_stemmer_length(st->en_latin1);
        for (i = 0; i < n; i++)
            if (r[i] >= 0x80)
                return NULL;
        *out_len = n;
        return (const char *)r;
    }
    if (lang == TOPONORM_LANG_RU && st->ru_koi8 && len <= sizeof st->koi8 &&
        (n = to_koi8r((const unsigned char *)word, len, st->koi8)) != 0) {
        r = sb_stemmer_stem(st->ru_koi8, st->koi8, (int)n);
        if (!r)
            return NULL;
        n = from_koi8r(r, (size_t)sb_stemmer_length(st->ru_koi8), st->out);
        if (!n)
            return NULL;
        *out_len = n;
        return st->out;
    }
    return NULL;
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
    if ((r = (const sb_symbol *)stem_bytes(st, lang, word, len, out_len)) != NULL)
        return (const char *)r;
    r = sb_stemmer_stem(s, (const sb_symbol *)word, (int)len);
    if (!r)
        return NULL;    /* out of memory inside libstemmer: no stem term */
    *out_len = (size_t)sb_stemmer_length(s);
    return (const char *)r;
}
