/*
** key.c: the match key.
**
** A key is a coarse phonemic spelling in which the letters that standards
** disagree on are merged, so a Cyrillic word and its romanisations under
** every shipped standard share it.  Two stages:
**
**   1. Rules (lexicons/key/): a Cyrillic word goes through the Cyrillic key
**      table; a Latin (or mixed) word, whose standard is unknown, goes
**      through each Latin reading (English-style, ISO/scholarly, German,
**      Polish, French, ...), each falling back to the Cyrillic table for
**      Cyrillic letters.  The readings differ where Latin letters are
**      ambiguous across standards (h: г or х; ch: ч, х or ш; z: з or ц;
**      j: й or ж), so a Latin word yields one key per distinct reading.
**   2. Normalisation, the same for every key (so it cannot break a match):
**      "ts" -> "c" (т+с sounds as ц; Latin ts is ц);
**      runs of one letter collapse (Одесса/Одеса, zhzh/жж, iy/ий);
**      an "i" before a vowel is a glide and goes (я ya ia ja â; є ye ie je;
**      Polish "ie" after consonants; KMU's medial ia/iu/ie), then runs
**      collapse again.
**
** What the key does not join (Харків/Харьков, Kyiv/Kiev) is the
** gazetteer's job.  Measured precision and recall: tests/key-pairs.
*/
#include <string.h>

#include "key.h"

static int is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'o' || c == 'u';
}

/* Step 2 above, in place on a NUL-terminated buffer; returns the new length. */
static size_t normalise(char *k, size_t n)
{
    size_t i, j;
    for (i = j = 0; i < n; i++) {             /* ts -> c */
        if (k[i] == 't' && i + 1 < n && k[i + 1] == 's') {
            k[j++] = 'c';
            i++;
        } else {
            k[j++] = k[i];
        }
    }
    n = j;
    for (i = j = 0; i < n; i++)               /* collapse ASCII letter runs */
        if (!(j && k[j - 1] == k[i] && (unsigned char)k[i] < 0x80))
            k[j++] = k[i];
    n = j;
    for (i = j = 0; i < n; i++)               /* glide i before a vowel */
        if (!(k[i] == 'i' && i + 1 < n && is_vowel(k[i + 1])))
            k[j++] = k[i];
    n = j;
    for (i = j = 0; i < n; i++)
        if (!(j && k[j - 1] == k[i] && (unsigned char)k[i] < 0x80))
            k[j++] = k[i];
    k[j] = '\0';
    return j;
}

static int add_unique(tn_keys *ks, const char *k, size_t n)
{
    size_t i, off = 0;
    if (!n)
        return 0;
    for (i = 0; i < ks->n; i++) {
        if (ks->len[i] == n && memcmp(ks->buf.p + ks->off[i], k, n) == 0)
            return 0;
    }
    if (ks->n == TN_MAX_KEYS)
        return 0;
    off = ks->buf.n;
    if (tn_buf_add(&ks->buf, k, n) || tn_buf_add(&ks->buf, "", 1))
        return TOPONORM_ENOMEM;
    ks->off[ks->n] = off;
    ks->len[ks->n] = n;
    ks->n++;
    return 0;
}

int tn_keys_compute(const toponorm_lexicon *lx, const uint32_t *cps, size_t n,
                    int script, tn_buf *tmp, tn_keys *ks)
{
    const tn_table *tabs[2];
    uint32_t r;
    int rc;

    ks->n = 0;
    ks->buf.n = 0;
    if (script == TOPONORM_SCRIPT_CYRILLIC || lx->n_readings == 0) {
        tabs[0] = lx->key_cyrl;
        tmp->n = 0;
        if (tn_buf_reserve(tmp, 16) || (rc = tn_rules_apply(tabs, 1, cps, n, tmp)) != 0)
            return TOPONORM_ENOMEM;
        tmp->n = normalise(tmp->p, tmp->n);
        return add_unique(ks, tmp->p, tmp->n);
    }
    for (r = 0; r < lx->n_readings; r++) {
        tabs[0] = lx->key_latn[r];
        tabs[1] = lx->key_cyrl;
        tmp->n = 0;
        if (tn_buf_reserve(tmp, 16) || (rc = tn_rules_apply(tabs, 2, cps, n, tmp)) != 0)
            return TOPONORM_ENOMEM;
        tmp->n = normalise(tmp->p, tmp->n);
        if ((rc = add_unique(ks, tmp->p, tmp->n)) != 0)
            return rc;
    }
    return 0;
}

const char *tn_keys_get(const tn_keys *ks, size_t i, size_t *len)
{
    *len = ks->len[i];
    return ks->buf.p + ks->off[i];
}
