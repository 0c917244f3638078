/*
** lexicon.c: map a compiled lexicon read-only, validate it, and index its
** rules by first code point.  After toponorm_lexicon_open returns, the
** lexicon is never written again, so threads may share it.
*/
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "attrs.h"
#include "chars.h"
#include "internal.h"
#include "lexfmt.h"
#include "utf8.h"

#ifndef TOPONORM_PKGDATADIR
#define TOPONORM_PKGDATADIR "/usr/local/share/toponorm"
#endif

const char *toponorm_default_lexicon_path(void)
{
    const char *env = getenv("TOPONORM_LEXICON");
    if (env && *env)
        return env;
    return TOPONORM_PKGDATADIR "/toponorm.lex";
}

/* A string in the pool: in bounds, NUL-terminated at off+len (and nowhere
** before), valid UTF-8. */
const char *tn_pool_str(const unsigned char *base, uint32_t pool_off, uint32_t pool_n,
                        uint32_t off, uint32_t len)
{
    if (off > pool_n || len > pool_n - off || pool_n - off - len < 1)
        return NULL;
    if (base[pool_off + off + len] != '\0')
        return NULL;
    /* load() checked the whole pool as UTF-8, so a string that starts on a
    ** character (not a continuation byte) and ends before a NUL is valid:
    ** no second pass over every string of a large gazetteer. */
    if (memchr(base + pool_off + off, '\0', len) ||   /* terms must never hold NUL */
        (len && (base[pool_off + off] & 0xC0) == 0x80))
        return NULL;
    return (const char *)base + pool_off + off;
}

static int rule_cmp(const void *a, const void *b)
{
    const tn_rule *x = a, *y = b;
    if (x->src[0] != y->src[0])
        return x->src[0] < y->src[0] ? -1 : 1;
    if (x->src_n != y->src_n)
        return x->src_n > y->src_n ? -1 : 1;   /* longest first */
    return 0;
}

/*
** Index a table's rules by first code point, longest source first.  The
** sort must keep file order among equals (rule priority is file order), so
** it is an insertion sort: stable, and tables are small.
*/
static int index_table(tn_table *t)
{
    uint32_t i, j;
    for (i = 1; i < t->n_rules; i++) {
        tn_rule r = t->rules[i];
        for (j = i; j > 0 && rule_cmp(&t->rules[j - 1], &r) > 0; j--)
            t->rules[j] = t->rules[j - 1];
        t->rules[j] = r;
    }
    for (i = 0; i < t->n_rules; i = j) {
        uint32_t cp = t->rules[i].src[0];
        for (j = i; j < t->n_rules && t->rules[j].src[0] == cp; j++)
            ;
        if (cp < TN_DIRECT_CPS) {
            t->direct[cp].start = i;
            t->direct[cp].count = j - i;
        } else {
            tn_far_span *f = realloc(t->far, (t->n_far + 1) * sizeof *f);
            if (!f)
                return TOPONORM_ENOMEM;
            t->far = f;
            f[t->n_far].cp = cp;
            f[t->n_far].span.start = i;
            f[t->n_far].span.count = j - i;
            t->n_far++;
        }
    }
    return 0;
}

static int same_str(const char *a, uint32_t an, const char *b, uint32_t bn)
{
    return an == bn && memcmp(a, b, an) == 0;
}

static int same_rule(const tn_rule *a, const tn_rule *b)
{
    return a->src_n == b->src_n && memcmp(a->src, b->src, a->src_n * sizeof a->src[0]) == 0 &&
           a->ctx == b->ctx && same_str(a->dst, a->dst_len, b->dst, b->dst_len) &&
           same_str(a->before, a->before_len, b->before, b->before_len) &&
           same_str(a->after, a->after_len, b->after, b->after_len);
}

/* Is rule r among list[0..n)? */
static int has_rule(const tn_rule *list, uint32_t n, const tn_rule *r)
{
    uint32_t k;
    for (k = 0; k < n; k++)
        if (same_rule(&list[k], r))
            return 1;
    return 0;
}

/* Record that a word holding rule r's source may be keyed differently. */
static void differs_at(tn_reading_diff *d, const tn_rule *r)
{
    tn_seqs *q = &d->seqs;
    uint32_t k;
    if (r->src_n == 1 || q->n == TN_MAX_SEQS) {
        d->letters |= tn_letter_bit(r->src[0]);
        return;
    }
    q->mask[q->n] = 0;
    for (k = 0; k < r->src_n; k++) {
        q->cps[q->n][k] = r->src[k];
        q->mask[q->n] |= tn_letter_bit(r->src[k]);
    }
    q->len[q->n++] = (uint8_t)r->src_n;
}

/*
** Where key tables a and b differ, into d.  A match at a position only
** consults the rules starting with its letter (then the Cyrillic table, the
** same for both), first match wins; rules are sorted by first code point
** (index_table).  So per first letter: when the rules both lists share come
** in the same order, a position where none of the others matches (its
** source is not in the word) takes the same rule from both lists; otherwise
** the letter itself marks the difference.
*/
static void rules_differ(const tn_table *a, const tn_table *b, tn_reading_diff *d)
{
    uint32_t i = 0, j = 0, k, m;
    memset(d, 0, sizeof *d);
    while (i < a->n_rules || j < b->n_rules) {
        uint32_t ca = i < a->n_rules ? a->rules[i].src[0] : UINT32_MAX;
        uint32_t cb = j < b->n_rules ? b->rules[j].src[0] : UINT32_MAX;
        uint32_t c = ca < cb ? ca : cb, ni = i, nj = j;
        const tn_rule *ra = &a->rules[i], *rb = &b->rules[j];
        int same_order;
        while (ni < a->n_rules && a->rules[ni].src[0] == c)
            ni++;
        while (nj < b->n_rules && b->rules[nj].src[0] == c)
            nj++;
        for (k = 0; k < ni - i && ni - i == nj - j && same_rule(&ra[k], &rb[k]); k++)
            ;
        if (k == ni - i && ni - i == nj - j) {      /* the commonest case: the same */
            i = ni;
            j = nj;
            continue;
        }
        /* The shared rules, in order: each list's rules that the other has. */
        for (k = 0, m = 0;; k++, m++) {
            while (k < ni - i && !has_rule(rb, nj - j, &ra[k]))
                k++;
            while (m < nj - j && !has_rule(ra, ni - i, &rb[m]))
                m++;
            if (k == ni - i || m == nj - j) {
                same_order = k == ni - i && m == nj - j;
                break;
            }
            if (!same_rule(&ra[k], &rb[m])) {
                same_order = 0;
                break;
            }
        }
        if (!same_order) {
            d->letters |= tn_letter_bit(c);
        } else {
            for (k = 0; k < ni - i; k++)
                if (!has_rule(rb, nj - j, &ra[k]))
                    differs_at(d, &ra[k]);
            for (k = 0; k < nj - j; k++)
                if (!has_rule(ra, ni - i, &rb[k]))
                    differs_at(d, &rb[k]);
        }
        i = ni;
        j = nj;
    }
}

static void free_tables(toponorm_lexicon *lx)
{
    uint32_t i;
    if (!lx->tables)
        return;
    for (i = 0; i < lx->n_tables; i++) {
        free(lx->tables[i].rules);
        free(lx->tables[i].far);
        free(lx->tables[i].samples);
        tn_translit_fast_free(lx->tables[i].fast);
    }
    free(lx->tables);
    free(lx->reading_diff);
    lx->reading_diff = NULL;
    free(lx->translit);
    lx->tables = NULL;
    lx->translit = NULL;
}

/* Decode a rule source into code points; 0 on success. */
static int decode_src(const char *s, uint32_t len, tn_rule *r)
{
    size_t i = 0, used;
    r->src_n = 0;
    while (i < len) {
        if (r->src_n == TN_MAX_RULE_CPS)
            return -1;
        r->src[r->src_n++] = tn_utf8_decode((const unsigned char *)s + i, len - i, &used);
        i += used;
    }
    return r->src_n ? 0 : -1;
}

/*
** Read attribute `key` (comma-separated letter sequences, e.g. never=kh,zh)
** from a table's header attributes into out.  Unknown attributes are the
** compiler's business; here a missing one is simply empty.
*/
static void parse_seqs(const char *attrs, const char *key, tn_seqs *out)
{
    char v[512];
    const char *s = v;
    size_t used;
    memset(out, 0, sizeof *out);
    if (tn_attr(attrs, key, v, sizeof v) < 0)
        return;
    while (*s && out->n < TN_MAX_SEQS) {
        uint8_t n = 0;
        while (*s && *s != ',') {
            uint32_t cp = tn_utf8_decode((const unsigned char *)s, strlen(s), &used);
            if (n < TN_MAX_RULE_CPS) {
                out->cps[out->n][n++] = cp;
                out->mask[out->n] |= tn_letter_bit(cp);
            }
            s += used;
        }
        if (n)
            out->len[out->n++] = n;
        if (*s == ',')
            s++;
    }
}

/* The @sample records: each names its table and two pool strings. */
static int load_samples(toponorm_lexicon *lx, const char *path, toponorm_error *err)
{
    const unsigned char *b = lx->map;
    uint32_t n = tn_rd32(b + TN_H_NSAMPLES), off = tn_rd32(b + TN_H_SAMPLES);
    uint32_t soff = tn_rd32(b + TN_H_STRINGS), sn = tn_rd32(b + TN_H_NSTRINGS), i;
    if (off > lx->size || (uint64_t)n * TN_LEX_SAMPLE_SIZE > lx->size - off)
        return tn_error(err, TOPONORM_EFORMAT, path, 0, "corrupt lexicon: sample array out of bounds");
    for (i = 0; i < n; i++) {
        const unsigned char *q = b + off + (size_t)i * TN_LEX_SAMPLE_SIZE;
        uint32_t t = tn_rd32(q);
        tn_table *tab;
        tn_sample *sm;
        if (t >= lx->n_tables || lx->tables[t].kind != TN_KIND_TRANSLIT)
            return tn_error(err, TOPONORM_EFORMAT, path, 0, "corrupt lexicon: sample's table");
        tab = &lx->tables[t];
        sm = realloc(tab->samples, (tab->n_samples + 1) * sizeof *sm);
        if (!sm)
            return tn_error(err, TOPONORM_ENOMEM, path, 0, "out of memory");
        tab->samples = sm;
        sm += tab->n_samples++;
        sm->line = tn_rd32(q + 4);
        sm->in = tn_pool_str(b, soff, sn, tn_rd32(q + 8), tn_rd16(q + 16));
        sm->expected = tn_pool_str(b, soff, sn, tn_rd32(q + 12), tn_rd16(q + 18));
        if (!sm->in || !sm->expected)
            return tn_error(err, TOPONORM_EFORMAT, path, 0, "corrupt lexicon: sample strings");
    }
    return 0;
}

/* Parse and check everything past the header checks; see lexfmt.h. */
static int load(toponorm_lexicon *lx, const char *path, toponorm_error *err)
{
    const unsigned char *b = lx->map;
    uint32_t ntab = tn_rd32(b + TN_H_NTABLES), toff = tn_rd32(b + TN_H_TABLES);
    uint32_t nrul = tn_rd32(b + TN_H_NRULES), roff = tn_rd32(b + TN_H_RULES);
    uint32_t soff = tn_rd32(b + TN_H_STRINGS), sn = tn_rd32(b + TN_H_NSTRINGS);
    uint32_t i, k;
    size_t size = lx->size;

#define BAD(what) tn_error(err, TOPONORM_EFORMAT, path, 0, "corrupt lexicon: %s", what)
    if (soff > size || sn > size - soff)
        return BAD("string pool out of bounds");
    if (!tn_utf8_valid((const char *)b + soff, sn, NULL))
        return BAD("string pool is not UTF-8");   /* once here, not per string */
    if (toff > size || (uint64_t)ntab * TN_LEX_TABLE_SIZE > size - toff)
        return BAD("table array out of bounds");
    if (roff > size || (uint64_t)nrul * TN_LEX_RULE_SIZE > size - roff)
        return BAD("rule array out of bounds");
    lx->data_version = tn_pool_str(b, soff, sn, tn_rd32(b + TN_H_VERSION),
                                tn_rd32(b + TN_H_VERSLEN));
    if (!lx->data_version)
        return BAD("data version string");
    lx->tables = calloc(ntab ? ntab : 1, sizeof *lx->tables);
    if (!lx->tables)
        return tn_error(err, TOPONORM_ENOMEM, path, 0, "out of memory");
    lx->n_tables = ntab;
    for (i = 0; i < ntab; i++) {
        const unsigned char *tr = b + toff + (size_t)i * TN_LEX_TABLE_SIZE;
        tn_table *t = &lx->tables[i];
        uint32_t first = tn_rd32(tr + 16), count = tn_rd32(tr + 20);
        t->name = tn_pool_str(b, soff, sn, tn_rd32(tr + 0), tn_rd32(tr + 4));
        t->kind = tn_rd32(tr + 8);
        t->script = tn_rd32(tr + 12);
        t->attrs = tn_pool_str(b, soff, sn, tn_rd32(tr + 24), tn_rd32(tr + 28));
        if (!t->name || !t->attrs)
            return BAD("table name");
        if (first > nrul || count > nrul - first)
            return BAD("table rule range");
        t->rules = calloc(count ? count : 1, sizeof *t->rules);
        if (!t->rules)
            return tn_error(err, TOPONORM_ENOMEM, path, 0, "out of memory");
        t->n_rules = count;
        for (k = 0; k < count; k++) {
            const unsigned char *rr = b + roff + (size_t)(first + k) * TN_LEX_RULE_SIZE;
            tn_rule *r = &t->rules[k];
            const char *src = tn_pool_str(b, soff, sn, tn_rd32(rr + 0), tn_rd16(rr + 16));
            r->dst = tn_pool_str(b, soff, sn, tn_rd32(rr + 4), tn_rd16(rr + 18));
            r->before = tn_pool_str(b, soff, sn, tn_rd32(rr + 8), tn_rd16(rr + 20));
            r->after = tn_pool_str(b, soff, sn, tn_rd32(rr + 12), tn_rd16(rr + 22));
            r->dst_len = tn_rd16(rr + 18);
            r->before_len = tn_rd16(rr + 20);
            r->after_len = tn_rd16(rr + 22);
            r->ctx = tn_rd32(rr + 24);
            if (r->dst_len > t->max_dst)
                t->max_dst = r->dst_len;
            if (!src || !r->dst || !r->before || !r->after || (r->ctx & ~TN_CTX_ALL) ||
                decode_src(src, tn_rd16(rr + 16), r))
                return BAD("rule strings");
        }
        parse_seqs(t->attrs, "never", &t->never);
        parse_seqs(t->attrs, "only", &t->only);
        if (index_table(t))
            return tn_error(err, TOPONORM_ENOMEM, path, 0, "out of memory");
        if (t->kind == TN_KIND_KEY && t->script == TN_SCRIPT_CYRL && !lx->key_cyrl)
            lx->key_cyrl = t;
        else if (t->kind == TN_KIND_KEY && t->script == TN_SCRIPT_LATN &&
                 lx->n_readings < TN_MAX_READINGS)
            lx->key_latn[lx->n_readings++] = t;
    }
    if (!lx->key_cyrl)
        return tn_error(err, TOPONORM_EFORMAT, path, 0,
                        "lexicon has no Cyrillic key table (kind=key script=Cyrl)");
    if (lx->n_readings) {
        uint32_t nr = lx->n_readings;
        lx->reading_diff = calloc((size_t)nr * nr, sizeof *lx->reading_diff);
        if (!lx->reading_diff)
            return tn_error(err, TOPONORM_ENOMEM, path, 0, "out of memory");
        for (i = 0; i < nr; i++)
            for (k = 0; k < i; k++) {
                rules_differ(lx->key_latn[k], lx->key_latn[i], &lx->reading_diff[k * nr + i]);
                lx->reading_diff[i * nr + k] = lx->reading_diff[k * nr + i];
            }
    }
    if (load_samples(lx, path, err))
        return TOPONORM_EFORMAT;
    lx->translit = calloc(ntab ? ntab : 1, sizeof *lx->translit);
    if (!lx->translit)
        return tn_error(err, TOPONORM_ENOMEM, path, 0, "out of memory");
    for (i = 0; i < ntab; i++)
        if (lx->tables[i].kind == TN_KIND_TRANSLIT)
            lx->translit[lx->n_translit++] = &lx->tables[i];
#undef BAD
    return tn_places_load(lx, path, err);
}

int toponorm_lexicon_open(const char *path, toponorm_lexicon **out,
                          toponorm_error *err)
{
    toponorm_lexicon *lx;
    struct stat st;
    const unsigned char *b;
    int fd, rc;

    if (!out)
        return tn_error(err, TOPONORM_EINVAL, "toponorm_lexicon_open", 0, "out is NULL");
    *out = NULL;
    if (!path)
        path = toponorm_default_lexicon_path();
    fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);   /* a FIFO must not block */
    if (fd < 0)
        return tn_error(err, TOPONORM_EIO, path, 0, "cannot open: %s", strerror(errno));
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return tn_error(err, TOPONORM_EIO, path, 0, "not a regular file");
    }
    if ((uint64_t)st.st_size < TN_LEX_HEADER_SIZE) {
        close(fd);
        return tn_error(err, TOPONORM_EFORMAT, path, 0,
                        "truncated lexicon: %lld bytes, the header alone needs %u",
                        (long long)st.st_size, TN_LEX_HEADER_SIZE);
    }
    if ((uint64_t)st.st_size > UINT32_MAX) {
        close(fd);
        return tn_error(err, TOPONORM_EFORMAT, path, 0, "lexicon larger than 4 GiB");
    }
    lx = calloc(1, sizeof *lx);
    if (!lx) {
        close(fd);
        return tn_error(err, TOPONORM_ENOMEM, path, 0, "out of memory");
    }
    lx->size = (size_t)st.st_size;
    lx->map = mmap(NULL, lx->size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (lx->map == MAP_FAILED) {
        free(lx);
        return tn_error(err, TOPONORM_EIO, path, 0, "cannot map: %s", strerror(errno));
    }
    b = lx->map;
    if (memcmp(b, TN_LEX_MAGIC, 8) != 0)
        rc = tn_error(err, TOPONORM_EFORMAT, path, 0, "not a toponorm lexicon (bad magic)");
    else if (tn_rd32(b + TN_H_FORMAT) != TN_LEX_FORMAT)
        rc = tn_error(err, TOPONORM_EVERSION, path, 0,
                      "lexicon format %u, this library reads format %u: recompile it with this version's lexc",
                      tn_rd32(b + TN_H_FORMAT), TN_LEX_FORMAT);
    else if (tn_rd32(b + TN_H_HSIZE) != TN_LEX_HEADER_SIZE)
        rc = tn_error(err, TOPONORM_EFORMAT, path, 0, "corrupt lexicon: header size");
    else if (tn_rd32(b + TN_H_FSIZE) != lx->size)
        rc = tn_error(err, TOPONORM_EFORMAT, path, 0,
                      "truncated or padded lexicon: header says %u bytes, file has %zu",
                      tn_rd32(b + TN_H_FSIZE), lx->size);
    else if (tn_lex_sum(b, lx->size) != tn_rd32(b + TN_H_SUM))
        rc = tn_error(err, TOPONORM_EFORMAT, path, 0, "corrupt lexicon: checksum mismatch");
    else
        rc = load(lx, path, err);
    if (rc) {
        toponorm_lexicon_close(lx);
        return rc;
    }
    *out = lx;
    return TOPONORM_OK;
}

void toponorm_lexicon_close(toponorm_lexicon *lx)
{
    if (!lx)
        return;
    free_tables(lx);
    if (lx->map && lx->map != MAP_FAILED)
        munmap(lx->map, lx->size);
    free(lx);
}

const char *toponorm_lexicon_data_version(const toponorm_lexicon *lx)
{
    return lx ? lx->data_version : NULL;
}

const tn_table *tn_lexicon_table(const toponorm_lexicon *lx, const char *name)
{
    uint32_t i;
    for (i = 0; i < lx->n_tables; i++)
        if (strcmp(lx->tables[i].name, name) == 0)
            return &lx->tables[i];
    return NULL;
}
