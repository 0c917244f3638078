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
**      runs of one letter collapse (Одесса/Одеса, zhzh/жж, iy/ий, and
**      first, so Bauttcen and Kittsinguen lose the doubled t);
**      "ts", "tc" -> "c" (т+с sounds as ц; Latin ts is ц, and tc in GOST
**      R 52535's passports);
**      an "i" before a vowel is a glide and goes (я ya ia ja â; є ye ie je;
**      Polish "ie" after consonants; KMU's medial ia/iu/ie), then runs
**      collapse again.
**
** What the key does not join (Харків/Харьков, Kyiv/Kiev) is the
** gazetteer's job.  Measured precision and recall: tests/key-pairs.
*/
#include <string.h>

#include "chars.h"
#include "key.h"

static int is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'o' || c == 'u';
}

/* Step 2 above, in place on a NUL-terminated buffer; returns the new length. */
static size_t collapse(char *k, size_t n)
{
    size_t i, j;
    for (i = j = 0; i < n; i++)               /* ASCII letter runs */
        if (!(j && k[j - 1] == k[i] && (unsigned char)k[i] < 0x80))
            k[j++] = k[i];
    return j;
}

/* (A pass that changed nothing leaves the key collapsed: no collapse then.) */
static size_t normalise(char *k, size_t n)
{
    size_t i, j;
    n = collapse(k, n);                       /* first, so ttc and tts merge too */
    for (i = j = 0; i < n; i++) {             /* ts, tc -> c */
        if (k[i] == 't' && i + 1 < n && (k[i + 1] == 's' || k[i + 1] == 'c')) {
            k[j++] = 'c';
            i++;
        } else {
            k[j++] = k[i];
        }
    }
    if (j != n)
        n = collapse(k, j);
    for (i = j = 0; i < n; i++)               /* glide i before a vowel */
        if (!(k[i] == 'i' && i + 1 < n && is_vowel(k[i + 1])))
            k[j++] = k[i];
    if (j != n)
        n = collapse(k, j);
    k[n] = '\0';
    return n;
}

/* a[0..n) == b[0..n) for a short key: no memcmp call. */
static int same_key(const char *a, const char *b, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (a[i] != b[i])
            return 0;
    return 1;
}

static int add_unique(tn_keys *ks, const char *k, size_t n)
{
    size_t i, off = 0;
    if (!n)
        return 0;
    for (i = 0; i < ks->n; i++) {
        if (ks->len[i] == n && same_key(ks->buf.p + ks->off[i], k, n))
            return 0;
    }
    if (ks->n == TN_MAX_KEYS)
        return 0;
    off = ks->buf.n;
    if (tn_buf_reserve(&ks->buf, n + 1))   /* the key and its NUL */
        return TOPONORM_ENOMEM;
    memcpy(ks->buf.p + off, k, n);
    ks->buf.p[off + n] = '\0';
    ks->buf.n = off + n + 1;
    ks->buf.p[ks->buf.n] = '\0';
    ks->off[ks->n] = off;
    ks->len[ks->n] = n;
    ks->n++;
    return 0;
}

/* Does cps[0..n) contain the sequence q (len code points)? */
static int contains(const uint32_t *cps, size_t n, const uint32_t *q, size_t len)
{
    size_t i, k;
    for (i = 0; i + len <= n; i++) {
        if (cps[i] != q[0])
            continue;
        for (k = 1; k < len && cps[i + k] == q[k]; k++)
            ;
        if (k == len)
            return 1;
    }
    return 0;
}

/* Does the word (its letters' tn_letter_bit in wmask) contain one of the
** sequences in q?  The bit sets turn most sequences away without a scan. */
static inline int contains_any(const uint32_t *cps, size_t n, uint64_t wmask, const tn_seqs *q)
{
    uint32_t j;
    for (j = 0; j < q->n; j++)
        if (!(q->mask[j] & ~wmask) && contains(cps, n, q->cps[j], q->len[j]))
            return 1;
    return 0;
}

/*
** Is Latin reading t plausible for this word?  A reading declares letter
** sequences its standards never write (never=: "kh" is no ISO spelling, "sch"
** no English one) and, for narrow variants, the ones it exists for (only=).
** Skipping implausible readings keeps a word's keys few: fewer index terms
** and fewer chance collisions.
*/
static int plausible(const tn_table *t, const uint32_t *cps, size_t n, uint64_t wmask)
{
    if (contains_any(cps, n, wmask, &t->never))
        return 0;
    return t->only.n == 0 || contains_any(cps, n, wmask, &t->only);
}

/* Apply the key table(s) to the word and add the normalised key to ks. */
static int add_key(const tn_table *reading, const tn_table *cyrl, const uint32_t *cps,
                   size_t n, tn_buf *tmp, tn_keys *ks)
{
    const tn_table *tabs[2];
    int ntabs = 0;
    if (reading)
        tabs[ntabs++] = reading;
    tabs[ntabs++] = cyrl;     /* Cyrillic letters of a mixed word */
    tmp->n = 0;
    if (tn_buf_reserve(tmp, 16) || tn_rules_apply(tabs, ntabs, cps, n, tmp) != 0)
        return TOPONORM_ENOMEM;
    tmp->n = normalise(tmp->p, tmp->n);
    return add_unique(ks, tmp->p, tmp->n);
}

int tn_keys_compute(const toponorm_lexicon *lx, const uint32_t *cps, size_t n,
                    int script, tn_buf *tmp, tn_keys *ks)
{
    uint32_t r, tried = 0;
    uint64_t wmask = 0;
    size_t i;
    int rc;

    ks->n = 0;
    ks->buf.n = 0;
    if (script == TOPONORM_SCRIPT_CYRILLIC || lx->n_readings == 0)
        return add_key(NULL, lx->key_cyrl, cps, n, tmp, ks);
    for (i = 0; i < n; i++)
        wmask |= tn_letter_bit(cps[i]);
    for (r = 0; r < lx->n_readings; r++) {
        uint32_t q;
        if (!plausible(lx->key_latn[r], cps, n, wmask))
            continue;
        /* A reading that spells every letter of the word as one already
        ** tried does gives its key again: add_unique would drop it. */
        for (q = 0; q < r; q++) {
            const tn_reading_diff *d = &lx->reading_diff[q * lx->n_readings + r];
            if ((tried >> q & 1) && !(d->letters & wmask) && !contains_any(cps, n, wmask, &d->seqs))
                break;
        }
        if (q == r && (rc = add_key(lx->key_latn[r], lx->key_cyrl, cps, n, tmp, ks)) != 0)
            return rc;
        tried |= (uint32_t)1 << r;
    }
    if (!tried)   /* no reading fits: read it the English way */
        return add_key(lx->key_latn[0], lx->key_cyrl, cps, n, tmp, ks);
    return 0;
}

int tn_keys_add_cyrillic(const toponorm_lexicon *lx, const uint32_t *cps, size_t n,
                         tn_buf *tmp, tn_keys *ks)
{
    return add_key(NULL, lx->key_cyrl, cps, n, tmp, ks);
}

const char *tn_keys_get(const tn_keys *ks, size_t i, size_t *len)
{
    *len = ks->len[i];
    return ks->buf.p + ks->off[i];
}
