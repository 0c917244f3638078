/*
** rules.c: the rule engine shared by match keys and transliteration tables.
**
** At each position of a word (code points, already folded), the first table
** in the list that has a matching rule wins; within a table the longest
** source wins, and among sources of one length the first in file order whose
** context holds.  Contexts (lexfmt.h) look at the word edges and at the
** letters just before and after the match.  A code point that no rule
** matches is copied unchanged.
*/
#include <string.h>

#include "internal.h"
#include "lexfmt.h"
#include "utf8.h"

int tn_set_has(const char *s, size_t n, uint32_t cp)
{
    size_t i = 0, used;
    while (i < n) {
        if (tn_utf8_next((const unsigned char *)s + i, n - i, &used) == cp)
            return 1;
        i += used;
    }
    return 0;
}

static const tn_span *span_for(const tn_table *t, uint32_t cp)
{
    uint32_t lo = 0, hi = t->n_far;
    if (cp < TN_DIRECT_CPS)
        return t->direct[cp].count ? &t->direct[cp] : NULL;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (t->far[mid].cp == cp)
            return &t->far[mid].span;
        if (t->far[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* Does rule r match cps at i (n code points in the word), context included? */
static int rule_matches(const tn_rule *r, const uint32_t *cps, size_t n, size_t i)
{
    uint32_t k, c = r->ctx;
    size_t end = i + r->src_n;
    if (end > n)
        return 0;
    for (k = 1; k < r->src_n; k++)
        if (cps[i + k] != r->src[k])
            return 0;
    if (!c)
        return 1;
    if ((c & TN_CTX_INITIAL) && i != 0) return 0;
    if ((c & TN_CTX_NONINITIAL) && i == 0) return 0;
    if ((c & TN_CTX_FINAL) && end != n) return 0;
    if ((c & TN_CTX_NONFINAL) && end == n) return 0;
    if ((c & TN_CTX_BEFORE) && (end == n || !tn_set_has(r->before, r->before_len, cps[end])))
        return 0;
    if ((c & TN_CTX_NOTBEFORE) && end < n && tn_set_has(r->before, r->before_len, cps[end]))
        return 0;
    if ((c & TN_CTX_AFTER) && (i == 0 || !tn_set_has(r->after, r->after_len, cps[i - 1])))
        return 0;
    if ((c & TN_CTX_NOTAFTER) && i > 0 && tn_set_has(r->after, r->after_len, cps[i - 1]))
        return 0;
    return 1;
}

const tn_rule *tn_rules_match(const tn_table *const *tabs, int ntabs,
                              const uint32_t *cps, size_t n, size_t i)
{
    int t;
    for (t = 0; t < ntabs; t++) {
        const tn_span *sp = span_for(tabs[t], cps[i]);
        uint32_t k;
        if (!sp)
            continue;
        for (k = 0; k < sp->count; k++) {
            const tn_rule *r = &tabs[t]->rules[sp->start + k];
            if (rule_matches(r, cps, n, i))
                return r;
        }
    }
    return NULL;
}

/*
** tn_rules_match, answering at once for the usual letter: the first table
** with rules for it has just one, one letter long and without context, so
** that rule is the match.
*/
static inline const tn_rule *match_fast(const tn_table *const *tabs, int ntabs,
                                        const uint32_t *cps, size_t n, size_t i)
{
    uint32_t c = cps[i];
    int t;
    if (c >= TN_DIRECT_CPS)
        return tn_rules_match(tabs, ntabs, cps, n, i);
    for (t = 0; t < ntabs; t++) {
        const tn_span *sp = &tabs[t]->direct[c];
        const tn_rule *r;
        if (!sp->count)
            continue;
        r = &tabs[t]->rules[sp->start];
        if (sp->count == 1 && r->src_n == 1 && !r->ctx)
            return r;
        return tn_rules_match(tabs, ntabs, cps, n, i);
    }
    return NULL;
}

int tn_rules_apply(const tn_table *const *tabs, int ntabs,
                   const uint32_t *cps, size_t n, tn_buf *out)
{
    size_t i = 0, room = 0;
    char *o;
    while (i < n) {
        const tn_rule *hit = match_fast(tabs, ntabs, cps, n, i);
        /* Output: at most max(dst_len, 4) bytes per step; reserve in bulk. */
        if (room < (hit ? hit->dst_len : 4)) {
            size_t want = (hit && hit->dst_len > 4 ? hit->dst_len : 4) + 4 * (n - i);
            if (tn_buf_reserve(out, want))
                return TOPONORM_ENOMEM;
            room = out->cap - out->n - 1;
        }
        o = out->p + out->n;
        if (hit) {
            uint32_t k;
            for (k = 0; k < hit->dst_len; k++)   /* a letter or two: no memcpy call */
                o[k] = hit->dst[k];
            out->n += hit->dst_len;
            room -= hit->dst_len;
            i += hit->src_n;
        } else {
            size_t k = cps[i] < 0x80 ? (*o = (char)cps[i], 1) : tn_utf8_encode(cps[i], o);
            out->n += k;
            room -= k;
            i++;
        }
    }
    if (out->p)
        out->p[out->n] = '\0';
    return 0;
}
