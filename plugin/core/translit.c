/*
** translit.c: transliteration through a table of the lexicon.
**
** A word is a run of Cyrillic letters, with apostrophes between letters
** (Знам'янка); rules see it lower-cased, with every apostrophe form as
** U+0027, and the output gets the source's capitals back: a rule match that
** starts with a capital begins with a capital (Щ -> Shch), and in a word
** written in capitals only the whole output is in capitals (ЩАСТЯ ->
** SHCHASTIA), as the national standards prescribe for digraphs.  Everything
** outside words is copied byte for byte.
*/
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

/* Rewrite one word (orig[0..n) as written, low[] lower-cased) into out. */
static int put_word(const tn_table *t, const uint32_t *orig, const uint32_t *low, size_t n,
                    tn_buf *out)
{
    size_t i, upper = 0, cased = 0;
    int all_caps;
    char *o;
    /* Room for the worst case: every letter the longest target, capitalised. */
    if (tn_buf_reserve(out, n * (2 * (size_t)t->max_dst + 4)))
        return TOPONORM_ENOMEM;
    o = out->p + out->n;
    for (i = 0; i < n; i++) {
        if (upper_case(orig[i]))
            upper++, cased++;
        else if (lower_case(orig[i]))
            cased++;
    }
    all_caps = cased >= 2 && upper == cased;
    for (i = 0; i < n;) {
        const tn_rule *r = low[i] < TN_DIRECT_CPS && t->simple[low[i]] ? t->simple[low[i]]
                                                                       : tn_rules_match(&t, 1, low, n, i);
        int mode = upper_case(orig[i]) ? (all_caps ? 2 : 1) : 0;
        if (r) {
            o += put_cased(o, r->dst, r->dst_len, mode);
            i += r->src_n;
        } else {
            o += tn_utf8_encode(orig[i], o);
            i++;
        }
    }
    out->n = (size_t)(o - out->p);
    return 0;
}

int toponorm_translit(const toponorm_lexicon *lx, int ti, const char *text, size_t len,
                      char **out, size_t *out_len)
{
    const unsigned char *p = (const unsigned char *)text;
    const tn_table *t;
    tn_buf o = {0};
    uint32_t *orig = NULL, *low = NULL;
    size_t cap = 0, i = 0, used;
    int rc = 0;

    if (!out || !out_len || !toponorm_translit_name(lx, ti) || (!text && len))
        return TOPONORM_EINVAL;
    *out = NULL;
    *out_len = 0;
    t = lx->translit[ti];
    if (tn_buf_reserve(&o, len + len / 2 + 16))
        return TOPONORM_ENOMEM;
    while (i < len && rc == 0) {
        uint32_t c;
        size_t start, n = 0, j;
        /* Copy everything up to the next possible Cyrillic letter (lead byte
        ** D0..D4: U+0400..U+052F) in one piece. */
        for (j = i; j < len && (p[j] < 0xD0 || p[j] > 0xD4); j++)
            ;
        if (j > i && (rc = tn_buf_add(&o, text + i, j - i)) != 0)
            break;
        if ((i = j) >= len)
            break;
        c = tn_utf8_next(p + i, len - i, &used);
        start = i;
        if (!tn_is_cyrillic_letter(c)) {
            rc = tn_buf_add(&o, text + i, used);   /* copied as written, bad bytes too */
            i += used;
            continue;
        }
        /* Collect the word: letters, and apostrophes followed by a letter. */
        for (j = start; j < len;) {
            size_t u1, u2;
            uint32_t d = tn_utf8_next(p + j, len - j, &u1);
            if (tn_is_apostrophe(d) && j + u1 < len &&
                tn_is_cyrillic_letter(tn_utf8_next(p + j + u1, len - j - u1, &u2)))
                ;
            else if (!tn_is_cyrillic_letter(d))
                break;
            if (n == cap) {
                uint32_t *a, *b;
                cap = cap ? cap * 2 : 64;
                a = realloc(orig, cap * sizeof *a);
                if (a)
                    orig = a;
                b = realloc(low, cap * sizeof *b);
                if (b)
                    low = b;
                if (!a || !b) {
                    rc = TOPONORM_ENOMEM;
                    break;
                }
            }
            orig[n] = d;
            low[n] = tn_is_apostrophe(d) ? '\'' : lower(d);
            n++;
            j += u1;
        }
        if (rc == 0)
            rc = put_word(t, orig, low, n, &o);
        i = j;
    }
    free(orig);
    free(low);
    if (rc) {
        tn_buf_free(&o);
        return rc;
    }
    if (tn_buf_reserve(&o, 0)) {
        tn_buf_free(&o);
        return TOPONORM_ENOMEM;
    }
    o.p[o.n] = '\0';
    *out = o.p;
    *out_len = o.n;
    return 0;
}
