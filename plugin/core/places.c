/*
** places.c: the gazetteer in the mapped lexicon (format: lexfmt.h).
**
** Loading validates every record of the section once, so lookups read the
** mapping with no further checks; nothing is copied to the heap.  Lookup is
** one hash probe per lookup string (a word's match key, or the surface of a
** word under three letters): inflected forms and adjectives were generated
** when the lexicon was compiled (tools/morph.h says why).
**
** Precision (tn_places_match): a name that is also an ordinary word must
** not turn running text into places.  The compiler flags the lookup strings
** of ambiguous.tsv words (every form of a name that a spelling dictionary
** knows as an ordinary word, plus curated ones); such a word is a place
** only when it is capitalised, stands mid-sentence and is not in an
** all-capitals headline (Суми / "суми"; "Мир" at a sentence start), and
** `never` words only count inside a longer name.  Other names count in any
** case: engines such as Sphinx fold case before the analyzer sees a token,
** and a name no dictionary knows as a word is a name in lower case too.
*/
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "internal.h"
#include "lexfmt.h"

#define KEY_START_LETTERS 7   /* a romanisation this long may open a sentence */

#define BAD(what) tn_error(err, TOPONORM_EFORMAT, path, 0, "corrupt lexicon: places %s", what)

static int array_ok(size_t size, uint32_t off, uint32_t n, uint32_t rec)
{
    return off <= size && (uint64_t)n * rec <= size - off;
}

int tn_places_load(toponorm_lexicon *lx, const char *path, toponorm_error *err)
{
    const unsigned char *b = lx->map, *h;
    tn_places *pl = &lx->places;
    uint32_t off = tn_rd32(b + TN_H_PLACES), len = tn_rd32(b + TN_H_PLACESLEN), i;
    uint32_t pool = tn_rd32(b + TN_H_STRINGS), pool_n = tn_rd32(b + TN_H_NSTRINGS);
    uint32_t last_source, last_source_n;

    memset(pl, 0, sizeof *pl);
    if (tn_rd32(b + 72) || tn_rd32(b + 76))
        return tn_error(err, TOPONORM_EFORMAT, path, 0, "corrupt lexicon: reserved header bytes");
    if (off == 0 && len == 0)
        return 0;
    if (!array_ok(lx->size, off, 1, TN_P_HEADER_SIZE) || len < TN_P_HEADER_SIZE ||
        len > lx->size - off)
        return BAD("section out of bounds");
    h = b + off;
    pl->b = b;
    pl->pool = pool;
    pl->pool_n = pool_n;
    pl->n_places = tn_rd32(h + TN_P_NPLACES);
    pl->places = tn_rd32(h + TN_P_PLACES);
    pl->n_names = tn_rd32(h + TN_P_NNAMES);
    pl->names = tn_rd32(h + TN_P_NAMES);
    pl->n_slots = tn_rd32(h + TN_P_NSLOTS);
    pl->slots = tn_rd32(h + TN_P_SLOTS);
    pl->n_entries = tn_rd32(h + TN_P_NENTRIES);
    pl->entries = tn_rd32(h + TN_P_ENTRIES);
    pl->n_post = tn_rd32(h + TN_P_NPOST);
    pl->post = tn_rd32(h + TN_P_POST);
    pl->n_groups = tn_rd32(h + TN_P_NGROUPS);
    pl->tags = tn_rd32(h + TN_P_TAGS);
    if (!array_ok(lx->size, pl->places, pl->n_places, TN_PLACE_SIZE) ||
        !array_ok(lx->size, pl->names, pl->n_names, TN_NAME_SIZE) ||
        !array_ok(lx->size, pl->slots, pl->n_slots, 4) ||
        !array_ok(lx->size, pl->tags, pl->n_slots, 1) ||
        !array_ok(lx->size, pl->entries, pl->n_entries, TN_ENTRY_SIZE) ||
        !array_ok(lx->size, pl->post, pl->n_post, TN_POST_SIZE))
        return BAD("array out of bounds");
    /* A power of two with at least one empty slot, so every probe ends. */
    if (pl->n_slots == 0 || (pl->n_slots & (pl->n_slots - 1)) || pl->n_entries >= pl->n_slots)
        return BAD("hash table size");
    for (i = 0; i < pl->n_places; i++) {
        const unsigned char *r = b + pl->places + (size_t)i * TN_PLACE_SIZE;
        uint32_t region = tn_rd32(r + 12), first = tn_rd32(r + 20), n = tn_rd32(r + 24);
        if (!tn_pool_str(b, pool, pool_n, tn_rd32(r + 0), tn_rd16(r + 4)) || !tn_rd16(r + 4) ||
            !tn_pool_str(b, pool, pool_n, tn_rd32(r + 8), tn_rd16(r + 6)))
            return BAD("place strings");
        if ((region != TN_NO_INDEX && region >= pl->n_places) || first > pl->n_names ||
            n > pl->n_names - first || r[28] < 1 || r[28] > TN_PK_MAX)
            return BAD("place record");
    }
    for (i = 0, last_source = last_source_n = UINT32_MAX; i < pl->n_names; i++) {
        const unsigned char *r = b + pl->names + (size_t)i * TN_NAME_SIZE;
        uint32_t source = tn_rd32(r + 8), source_n = tn_rd16(r + 14);
        if (tn_rd32(r) >= pl->n_places || r[18] > TN_NL_MAX || r[19] < 1 || r[19] > TN_NT_MAX ||
            !tn_pool_str(b, pool, pool_n, tn_rd32(r + 4), tn_rd16(r + 12)))
            return BAD("name record");
        if (source != last_source || source_n != last_source_n) {   /* mostly the same few */
            if (!tn_pool_str(b, pool, pool_n, source, source_n))
                return BAD("name record");
            last_source = source;
            last_source_n = source_n;
        }
    }
    /* Every slot names an entry or none, and is tagged used or empty (a
    ** lookup trusts the tag: the slot behind a nonzero one names an entry). */
    for (i = 0; i < pl->n_slots; i += 16) {
        const unsigned char *tags = b + pl->tags + i, *slots = b + pl->slots + (size_t)i * 4;
        uint32_t k = 0, bad = 0;
#if defined(__SSE2__)
        /* 16 slots at a time (little-endian, as the file): at start-up, over
        ** every slot of a large table. */
        const __m128i flip = _mm_set1_epi32((int)0x80000000u), zero = _mm_setzero_si128();
        const __m128i limit = _mm_set1_epi32((int)(pl->n_entries ^ 0x80000000u));
        if (i + 16 <= pl->n_slots) {
            unsigned empty = 0;
            for (; k < 16; k += 4) {
                __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(slots + k * 4));
                bad |= (uint32_t)_mm_movemask_epi8(_mm_cmpgt_epi32(_mm_xor_si128(v, flip), limit));
                empty |= (unsigned)_mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(v, zero))) << k;
            }
            bad |= empty != (unsigned)_mm_movemask_epi8(
                                _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)tags), zero));
        }
#endif
        for (; k < 16 && i + k < pl->n_slots; k++) {
            uint32_t e = tn_rd32(slots + k * 4);
            bad |= e > pl->n_entries || (e == 0) != (tags[k] == 0);
        }
        if (bad)
            return BAD("hash slot");
    }
    for (i = 0; i < pl->n_entries; i++) {
        const unsigned char *r = b + pl->entries + (size_t)i * TN_ENTRY_SIZE;
        uint32_t first = tn_rd32(r + 8), n = tn_rd16(r + 6);
        uint32_t so = tn_rd32(r), sl = tn_rd16(r + 4);
        /* A lookup string is only compared (length + bytes), never handed
        ** out: in bounds and NUL-terminated is enough (the pool is UTF-8). */
        if (so > pool_n || sl > pool_n - so || pool_n - so - sl < 1 ||
            b[pool + so + sl] != '\0' || !n || first > pl->n_post || n > pl->n_post - first)
            return BAD("entry");
    }
    {
        /* A lemma is shared by many postings (the forms of a name): the
        ** strings checked last, by offset and length, are not checked again. */
        uint32_t seen[256][2];
        memset(seen, 0xFF, sizeof seen);
        for (i = 0; i < pl->n_post; i++) {
            const unsigned char *r = b + pl->post + (size_t)i * TN_POST_SIZE;
            uint32_t group = tn_rd32(r + 4), lemma = tn_rd32(r + 8), *memo = seen[lemma % 256];
            if (tn_rd32(r) >= pl->n_places || r[14] == 0 || r[13] >= r[14] ||
                (r[15] & ~TN_POSTF_ALL) || (group == TN_NO_INDEX) != (r[14] == 1) ||
                (group != TN_NO_INDEX && group >= pl->n_groups))
                return BAD("posting");
            if (memo[0] != lemma || memo[1] != r[12]) {
                if (!tn_pool_str(b, pool, pool_n, lemma, r[12]))
                    return BAD("posting");
                memo[0] = lemma;
                memo[1] = r[12];
            }
        }
    }
    return 0;
}

uint32_t tn_places_find(const tn_places *pl, const char *s, size_t n)
{
    uint32_t mask, hash, h, probes;
    uint8_t tag;
    if (!pl->n_entries)
        return TN_NO_ENTRY;
    mask = pl->n_slots - 1;
    hash = tn_place_hash(s, n);
    tag = tn_place_tag(hash);
    for (h = hash & mask, probes = 0; probes < pl->n_slots; h = (h + 1) & mask, probes++) {
        uint8_t t = pl->b[pl->tags + h];
        uint32_t e;
        const unsigned char *r;
        if (!t)
            return TN_NO_ENTRY;
        if (t != tag)
            continue;                 /* another string's slot */
        e = tn_rd32(pl->b + pl->slots + (size_t)h * 4);   /* not 0: tn_places_load */
        r = pl->b + pl->entries + (size_t)(e - 1) * TN_ENTRY_SIZE;
        if (tn_rd16(r + 4) == n && memcmp(pl->b + pl->pool + tn_rd32(r), s, n) == 0)
            return e - 1;
    }
    return TN_NO_ENTRY;
}

void tn_places_entry(const tn_places *pl, uint32_t e, uint32_t *first, uint32_t *count)
{
    const unsigned char *r = pl->b + pl->entries + (size_t)e * TN_ENTRY_SIZE;
    *first = tn_rd32(r + 8);
    *count = tn_rd16(r + 6);
}

void tn_places_post(const tn_places *pl, uint32_t i, tn_post *out)
{
    const unsigned char *r = pl->b + pl->post + (size_t)i * TN_POST_SIZE;
    out->place = tn_rd32(r);
    out->group = tn_rd32(r + 4);
    out->lemma = (const char *)pl->b + pl->pool + tn_rd32(r + 8);
    out->lemma_len = r[12];
    out->wi = r[13];
    out->nw = r[14];
    out->flags = r[15];
}

const char *tn_places_id(const tn_places *pl, uint32_t place, size_t *len)
{
    const unsigned char *r = pl->b + pl->places + (size_t)place * TN_PLACE_SIZE;
    *len = tn_rd16(r + 4);
    return (const char *)pl->b + pl->pool + tn_rd32(r);
}

/* Does this one-word posting count at this word? (see the top comment) */
static int single_ok(const tn_post *p, const tn_word *w, int query)
{
    if (p->flags & TN_POSTF_NEVER)
        return 0;
    if (p->flags & TN_POSTF_AMBIG)      /* a query has no sentences: its case says it */
        return w->capital && (query || (!w->allcaps && !w->sentence_start));
    if ((p->flags & TN_POSTF_KEY) && w->cyrillic)   /* Ізюма for Изюм: see TN_POSTF_XLANG */
        return (p->flags & TN_POSTF_XLANG) && w->capital && w->letters >= 5 &&
               (query || (!w->allcaps && !w->sentence_start));
    if (p->flags & TN_POSTF_KEY)      /* a romanisation met by key only: coarser; */
        return query ||               /* English words open sentences: See, Any, Below */
               (w->capital && !w->allcaps && w->letters >= 4 &&
                (!w->sentence_start || w->letters >= KEY_START_LETTERS));
    return 1;
}

static int add_id(uint32_t *ids, int n, uint32_t id)
{
    int i, k;
    for (i = 0; i < n && ids[i] < id; i++)
        ;
    if ((i < n && ids[i] == id) || n == TN_MAX_MATCH)
        return n;
    for (k = n; k > i; k--)
        ids[k] = ids[k - 1];
    ids[i] = id;
    return n + 1;
}

/* A Cyrillic word met by the key of a name that has its own spelling in
** the word's language: the key is too coarse for that (усі / Уси). */
static int cyrillic_by_key(const tn_post *p, const tn_word *w)
{
    return w->cyrillic && (p->flags & TN_POSTF_KEY) && !(p->flags & TN_POSTF_XLANG);
}

/* Does word w have a posting for word wi of group g? */
static int word_has(const tn_places *pl, const tn_word *w, uint32_t g, uint8_t wi)
{
    int h;
    for (h = 0; h < w->n_hits; h++) {
        uint32_t first, count, i;
        tn_post p;
        tn_places_entry(pl, w->hits[h], &first, &count);
        for (i = 0; i < count; i++) {
            tn_places_post(pl, first + i, &p);
            if (p.group == g && p.wi == wi && !cyrillic_by_key(&p, w))
                return 1;
        }
    }
    return 0;
}

#define MAX_CANDS 512     /* Oblast de ...: one first word, many names */

int tn_places_match(const tn_places *pl, const tn_word *w0, int query, tn_next_word next,
                    void *ctx, uint32_t *ids, int *n_words)
{
    struct { uint32_t group, place; uint8_t nw; } cand[MAX_CANDS];
    uint32_t region[TN_MAX_MATCH];
    int n_cand = 0, n = 0, n_region = 0, single = 0, h, k, c, best = 0;
    tn_post p;

    *n_words = 1;
    for (h = 0; h < w0->n_hits; h++) {
        uint32_t first, count, i;
        tn_places_entry(pl, w0->hits[h], &first, &count);
        for (i = 0; i < count; i++) {
            tn_places_post(pl, first + i, &p);
            if (p.nw == 1) {
                if (!(p.flags & TN_POSTF_KEY))
                    single = 1;
                if (single_ok(&p, w0, query))
                    n = add_id(ids, n, p.place);
            } else if (p.wi == 0 && n_cand < MAX_CANDS &&
                       (!(p.flags & TN_POSTF_KEY) || query || w0->capital) &&
                       !cyrillic_by_key(&p, w0)) {
                /* Донецька (ОДА), Ростовской: the adjective of a region
                ** phrase names the region on its own too */
                if ((p.flags & (TN_POSTF_REGION | TN_POSTF_ADJ)) ==
                    (TN_POSTF_REGION | TN_POSTF_ADJ) && !(p.flags & TN_POSTF_KEY))
                    n_region = add_id(region, n_region, p.place);
                cand[n_cand].group = p.group;
                cand[n_cand].place = p.place;
                cand[n_cand++].nw = p.nw;
            }
        }
    }
    if (n_cand) {
        uint32_t mw[TN_MAX_MATCH];
        int n_mw = 0;
        tn_word w;
        for (k = 1; n_cand && next(ctx, k, &w); k++) {
            for (c = 0; c < n_cand;) {
                if (!word_has(pl, &w, cand[c].group, (uint8_t)k)) {
                    cand[c] = cand[--n_cand];
                    continue;
                }
                if (cand[c].nw == k + 1) {
                    if (k + 1 > best) {
                        best = k + 1;
                        n_mw = 0;
                    }
                    n_mw = add_id(mw, n_mw, cand[c].place);
                    cand[c] = cand[--n_cand];
                    continue;
                }
                c++;
            }
        }
        if (best) {              /* the longest name wins: Донецька область, not донецька */
            memcpy(ids, mw, (size_t)n_mw * sizeof *ids);
            *n_words = best;
            return n_mw;
        }
    }
    /* ...unless it is a form of a place's own name (Донецьку: the city) */
    for (k = 0; k < n_region && !single; k++)
        n = add_id(ids, n, region[k]);
    return n;
}

int tn_places_can_start(const tn_places *pl, const tn_word *w0, int query)
{
    tn_word w = *w0;
    int h, can = 0;
    for (h = 0; h < w0->n_hits; h++) {
        uint32_t first, count, i;
        tn_post p;
        tn_places_entry(pl, w0->hits[h], &first, &count);
        for (i = 0; i < count; i++) {
            tn_places_post(pl, first + i, &p);
            /* as tn_places_match takes postings, either way the sentence goes */
            if (p.nw == 1) {
                w.sentence_start = 0;
                if (single_ok(&p, &w, query))
                    return TN_START_NAME | TN_START_ALONE;
                w.sentence_start = 1;
                if (single_ok(&p, &w, query))
                    return TN_START_NAME | TN_START_ALONE;
            } else if (p.wi == 0 && (!(p.flags & TN_POSTF_KEY) || query || w0->capital) &&
                       !cyrillic_by_key(&p, w0)) {
                if ((p.flags & (TN_POSTF_REGION | TN_POSTF_ADJ)) ==
                    (TN_POSTF_REGION | TN_POSTF_ADJ) && !(p.flags & TN_POSTF_KEY))
                    return TN_START_NAME | TN_START_ALONE;      /* its region on its own */
                can = TN_START_NAME;
            }
        }
    }
    return can;
}

const char *tn_places_lemma(const tn_places *pl, const uint32_t *hits, int n_hits,
                            int ambiguous_too, size_t *len)
{
    int h;
    for (h = 0; h < n_hits; h++) {
        uint32_t first, count, i;
        tn_post p;
        tn_places_entry(pl, hits[h], &first, &count);
        for (i = 0; i < count; i++) {
            tn_places_post(pl, first + i, &p);
            if (p.nw == 1 && !(p.flags & TN_POSTF_KEY) &&
                (ambiguous_too || !(p.flags & (TN_POSTF_AMBIG | TN_POSTF_NEVER)))) {
                *len = p.lemma_len;
                return p.lemma;
            }
        }
    }
    return NULL;
}

/* ---- the public API ---------------------------------------------------- */

int toponorm_place_count(const toponorm_lexicon *lx)
{
    return lx ? (int)lx->places.n_places : 0;
}

int toponorm_place_info(const toponorm_lexicon *lx, int i, toponorm_place *out)
{
    const tn_places *pl;
    const unsigned char *r;
    uint32_t region, pop;
    if (!lx || !out || i < 0 || (uint32_t)i >= lx->places.n_places)
        return TOPONORM_EINVAL;
    pl = &lx->places;
    r = pl->b + pl->places + (size_t)i * TN_PLACE_SIZE;
    out->id = (const char *)pl->b + pl->pool + tn_rd32(r);
    out->name = (const char *)pl->b + pl->pool + tn_rd32(r + 8);
    out->kind = tn_place_kinds[r[28]];
    out->country[0] = (char)r[29];
    out->country[1] = (char)r[30];
    out->country[2] = '\0';
    region = tn_rd32(r + 12);
    pop = tn_rd32(r + 16);
    out->region = region == TN_NO_INDEX ? -1 : (int)region;
    out->population = pop == TN_NO_INDEX ? -1 : (long)pop;
    out->n_names = (int)tn_rd32(r + 24);
    return TOPONORM_OK;
}

int toponorm_place_find(const toponorm_lexicon *lx, const char *id)
{
    uint32_t lo = 0, hi;
    size_t n;
    if (!lx || !id)
        return -1;
    n = strlen(id);
    hi = lx->places.n_places;
    while (lo < hi) {              /* places are sorted by id, bytewise */
        uint32_t mid = lo + (hi - lo) / 2;
        size_t len;
        const char *s = tn_places_id(&lx->places, mid, &len);
        int c = memcmp(s, id, len < n ? len : n);
        if (c == 0)
            c = (len > n) - (len < n);
        if (c == 0)
            return (int)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

int toponorm_place_get_name(const toponorm_lexicon *lx, int i, int k, toponorm_place_name *out)
{
    const tn_places *pl;
    const unsigned char *r;
    uint32_t first, n;
    if (!lx || !out || i < 0 || (uint32_t)i >= lx->places.n_places || k < 0)
        return TOPONORM_EINVAL;
    pl = &lx->places;
    r = pl->b + pl->places + (size_t)i * TN_PLACE_SIZE;
    first = tn_rd32(r + 20);
    n = tn_rd32(r + 24);
    if ((uint32_t)k >= n)
        return TOPONORM_EINVAL;
    r = pl->b + pl->names + (size_t)(first + (uint32_t)k) * TN_NAME_SIZE;
    out->name = (const char *)pl->b + pl->pool + tn_rd32(r + 4);
    out->source = (const char *)pl->b + pl->pool + tn_rd32(r + 8);
    out->year = tn_rd16(r + 16);
    out->lang = tn_name_langs[r[18]];
    out->type = tn_name_types[r[19]];
    return TOPONORM_OK;
}
