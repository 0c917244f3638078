/*
** test_badinput.c: the analyzer on bad and hostile input.
**
** Every run checks what toponorm.h promises for every term (termcheck.h:
** valid UTF-8 text, offsets inside the input and on its character
** boundaries, positions that never go back, the first term of a call not
** colocated) and returns 0; the cases below add the specific outcome:
** ill-formed UTF-8 and NUL bytes separate words, megabyte tokens get no
** terms but do not disturb their neighbours, a 10 MB line analyzes exactly
** as its words do one by one, and the API rejects bad arguments.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../tap.h"
#include "termcheck.h"

#define MB ((size_t)1 << 20)

static toponorm_lexicon *lx;
static toponorm_analyzer *an;
static toponorm_scratch *sc;
static tc_run run = {.record = 1};

static const char KYIV[] = "Київ";        /* 8 bytes */
static const char DONETSK[] = "Донецьк";  /* 14 bytes */

/* A byte string with explicit length. */
typedef struct bytes {
    const char *p;
    size_t n;
} bytes;
#define B(s) {s, sizeof s - 1}

static char *cat3(const char *a, size_t an_, const char *b, size_t bn,
                  const char *c, size_t cn, size_t *len)
{
    char *s = malloc(an_ + bn + cn + 1);
    if (!s) {
        puts("Bail out! out of memory");
        exit(99);
    }
    memcpy(s, a, an_);
    memcpy(s + an_, b, bn);
    memcpy(s + an_ + bn, c, cn);
    *len = an_ + bn + cn;
    s[*len] = '\0';
    return s;
}

/* Analyze and check: rc 0, invariants, the surfaces with positions. */
static int expect(const char *text, size_t len, unsigned flags, const char *want,
                  const char *name)
{
    int rc = tc_analyze(an, sc, text, len, flags, &run);
    const char *got = tc_surfaces(&run, 1);
    int good = rc == 0 && run.violations == 0 && strcmp(got, want) == 0;
    if (!ok(good, "%s", name)) {
        diag("rc %d (want 0)", rc);
        if (run.violations)
            diag("%zu violation(s); first: %s", run.violations, run.first_violation);
        diag("     got: '%s'", got);
        diag("expected: '%s'", want);
    }
    return good;
}

/* The first surface term at position pos, or NULL. */
static const tc_term *surface_at(uint32_t pos)
{
    size_t i;
    for (i = 0; i < run.nrec; i++)
        if (run.terms[i].kind == TOPONORM_TERM_SURFACE && run.terms[i].position == pos)
            return &run.terms[i];
    return NULL;
}

/* "Київ" SEQ "Донецьк": two tokens with the original offsets. */
static void between(const char *seq, size_t n, const char *name)
{
    size_t len;
    char *s = cat3(KYIV, 8, seq, n, DONETSK, 14, &len);
    int rc = tc_analyze(an, sc, s, len, 0, &run);
    const tc_term *a = surface_at(1), *b = surface_at(2);
    int good = rc == 0 && run.violations == 0 &&
               strcmp(tc_surfaces(&run, 1), "київ@1|донецьк@2") == 0 &&
               a && a->start == 0 && a->end == 8 && b && b->start == 8 + n &&
               b->end == 8 + n + 14;
    if (!ok(good, "Київ %s Донецьк: київ [0,8) and донецьк [%zu,%zu)", name, 8 + n, 22 + n)) {
        diag("rc %d, %zu violation(s) %s", rc, run.violations, run.first_violation);
        diag("surfaces: '%s'", tc_surfaces(&run, 1));
        if (a) diag("київ at [%zu,%zu)", a->start, a->end);
        if (b) diag("донецьк at [%zu,%zu)", b->start, b->end);
    }
    free(s);
}

static void alone_and_edges(const char *seq, size_t n, const char *name)
{
    size_t len;
    char *s;
    char label[160];

    snprintf(label, sizeof label, "%s alone: no terms", name);
    expect(seq, n, 0, "", label);
    s = cat3(KYIV, 8, seq, n, "", 0, &len);
    snprintf(label, sizeof label, "Київ then %s at the end", name);
    expect(s, len, 0, "київ@1", label);
    free(s);
    s = cat3(seq, n, DONETSK, 14, "", 0, &len);
    snprintf(label, sizeof label, "%s then Донецьк", name);
    expect(s, len, 0, "донецьк@1", label);
    free(s);
}

/* ---- 1. bytes 0x80..0xFF ------------------------------------------------ */
static void test_single_bytes(void)
{
    unsigned b;
    size_t bad_alone = 0, bad_between = 0;
    for (b = 0x80; b <= 0xFF; b++) {
        char c = (char)b, label[64];
        size_t len;
        char *s;
        int rc = tc_analyze(an, sc, &c, 1, 0, &run);
        if (!(rc == 0 && run.nterms == 0 && run.violations == 0)) {
            bad_alone++;
            diag("byte 0x%02X alone: rc %d, %zu terms", b, rc, run.nterms);
        }
        snprintf(label, sizeof label, "\\x%02X", b);
        s = cat3(KYIV, 8, &c, 1, DONETSK, 14, &len);
        rc = tc_analyze(an, sc, s, len, 0, &run);
        if (!(rc == 0 && run.violations == 0 &&
              strcmp(tc_surfaces(&run, 1), "київ@1|донецьк@2") == 0 &&
              surface_at(2) && surface_at(2)->start == 9 && surface_at(2)->end == 23)) {
            bad_between++;
            between(&c, 1, label);      /* reports the details */
        }
        free(s);
    }
    is_int((long long)bad_alone, 0, "every byte 0x80..0xFF alone: returns 0, no terms");
    is_int((long long)bad_between, 0,
           "every byte 0x80..0xFF between Київ and Донецьк separates them, offsets kept");
}

/* ---- 2. ill-formed sequences -------------------------------------------- */
static void test_illformed(void)
{
    static const struct { bytes b; const char *name; } seqs[] = {
        {B("\xC0\xAF"), "overlong C0 AF"},
        {B("\xC1\xBF"), "overlong C1 BF"},
        {B("\xE0\x80\xAF"), "overlong E0 80 AF"},
        {B("\xE0\x9F\xBF"), "overlong E0 9F BF"},
        {B("\xF0\x80\x80\xAF"), "overlong F0 80 80 AF"},
        {B("\xF0\x8F\xBF\xBF"), "overlong F0 8F BF BF"},
        {B("\xED\xA0\x80"), "surrogate ED A0 80 (U+D800)"},
        {B("\xED\xBF\xBF"), "surrogate ED BF BF (U+DFFF)"},
        {B("\xED\xA0\xBD\xED\xB2\xA9"), "CESU-8 surrogate pair"},
        {B("\xF4\x90\x80\x80"), "above U+10FFFF F4 90 80 80"},
        {B("\xF5\x80\x80\x80"), "F5 80 80 80"},
        {B("\xF8\x88\x80\x80\x80"), "5-byte form F8 88 80 80 80"},
        {B("\xFC\x84\x80\x80\x80\x80"), "6-byte form FC 84 80 80 80 80"},
        {B("\xE2\x80"), "truncated E2 80 before a letter"},
        {B("\xF0\x9F\x98"), "truncated F0 9F 98 before a letter"},
        {B("\x80\x80\x80\x80"), "four continuation bytes"},
        {B("\xEF\xBF\xBD"), "a real U+FFFD"},
        {B("\xEF\xBF\xBE"), "noncharacter U+FFFE"},
        {B("\xF4\x8F\xBF\xBF"), "U+10FFFF"},
    };
    size_t i;
    for (i = 0; i < sizeof seqs / sizeof seqs[0]; i++) {
        between(seqs[i].b.p, seqs[i].b.n, seqs[i].name);
        alone_and_edges(seqs[i].b.p, seqs[i].b.n, seqs[i].name);
    }
}

/* ---- 3. truncated sequences at the end of the input --------------------- */
static void test_truncated(void)
{
    static const struct { bytes b; const char *name; } tails[] = {
        {B("\xD0"), "D0"}, {B("\xD1"), "D1"}, {B("\xE2"), "E2"}, {B("\xE2\x80"), "E2 80"},
        {B("\xF0"), "F0"}, {B("\xF0\x9F"), "F0 9F"}, {B("\xF0\x9F\x98"), "F0 9F 98"},
        {B("\xF4\x8F\xBF"), "F4 8F BF"},
    };
    size_t i, len;
    char label[96], *s;
    for (i = 0; i < sizeof tails / sizeof tails[0]; i++) {
        s = cat3("Київ Доне", 17, tails[i].b.p, tails[i].b.n, "", 0, &len);
        snprintf(label, sizeof label, "Київ Доне + truncated %s at the end", tails[i].name);
        expect(s, len, 0, "київ@1|доне@2", label);
        free(s);
    }
    /* a letter cut in the middle of a word */
    expect("\xD0\x9A\xD0\xB8\xD1\xD0\xB2", 7, 0, "ки@1|в@2",
           "Ки + D1 (ц cut short) + в: the bad byte separates ки and в");
    expect("\xD0", 1, 0, "", "a lone lead byte D0: no terms");
}

/* ---- 4. NUL bytes ------------------------------------------------------- */
static void test_nul(void)
{
    static const char between_words[] = "Київ\0Донецьк";
    static const char inside[] = "Ки\0їв";
    static const char edges[] = "\0Київ\0";
    static const char many[] = "Київ\0\0\0 \0Донецьк\0";
    expect(between_words, sizeof between_words - 1, 0, "київ@1|донецьк@2",
           "a NUL between two words separates them");
    expect(inside, sizeof inside - 1, 0, "ки@1|їв@2", "a NUL inside a word splits it");
    expect(edges, sizeof edges - 1, 0, "київ@1", "NULs around a word");
    expect(many, sizeof many - 1, 0, "київ@1|донецьк@2", "runs of NULs and spaces");
    expect("\0\0\0", 3, 0, "", "only NULs: no terms");
    {
        const tc_term *d;
        tc_analyze(an, sc, between_words, sizeof between_words - 1, 0, &run);
        d = surface_at(2);
        ok(d && d->start == 9 && d->end == 23, "offsets after a NUL count it: донецьк at [9,23)");
    }
}

/* ---- 5. empty input ----------------------------------------------------- */
static void test_empty(void)
{
    int rc;
    rc = tc_analyze(an, sc, NULL, 0, 0, &run);
    ok(rc == 0 && run.nterms == 0, "len 0 with NULL text: returns 0, no terms (rc %d)", rc);
    rc = tc_analyze(an, sc, "", 0, 0, &run);
    ok(rc == 0 && run.nterms == 0, "len 0 with \"\": returns 0, no terms (rc %d)", rc);
    rc = tc_analyze(an, sc, KYIV, 0, 0, &run);
    ok(rc == 0 && run.nterms == 0, "len 0 with non-empty text: returns 0, no terms (rc %d)", rc);
    rc = tc_analyze(an, sc, NULL, 0, TOPONORM_FOR_QUERY, &run);
    ok(rc == 0 && run.nterms == 0, "len 0, NULL text, for a query: returns 0 (rc %d)", rc);
    is_int(toponorm_analyze(an, sc, NULL, 5, 0, tc_cb, &run), TOPONORM_EINVAL,
           "NULL text with len 5: TOPONORM_EINVAL");
}

/* ---- 6. a 10 MB line ---------------------------------------------------- */

static const char *const words[] = {
    "Київ", "Харків", "Москва", "Львів", "Донецьк", "Слов'янськ", "Івано-Франківськ",
    "Артёмовск", "Kyiv", "Kharkiv", "Donetsk", "city", "river", "Объединение",
    "Одеса", "Запоріжжя", "Севастополь", "the", "of", "Chernihiv", "Ґалаґан",
    "Єнакієве", "Підгорці", "Ростов-на-Дону", "Donets'k", "Slov’yans’k", "2014",
    "Доне́цьк", "Kиїв", "Xарків", "Артемівськ", "улица", "вулиця", "street",
    "Зьомка", "Щорс", "Чорнобиль", "Chornobyl", "Чернобыль", "Mariupol",
    "Маріуполь", "Мариуполь", "Dnipro", "Дніпро", "Днепр", "Ужгород", "Uzhhorod",
    "Біла Церква", "Bila Tserkva", "Кам'янець-Подільський", "Kamianets-Podilskyi",
};
#define NWORDS (sizeof words / sizeof words[0])
static const char *const seps[] = {" ", ", ", " \t", "; ", " — ", ". "};
#define NSEPS (sizeof seps / sizeof seps[0])

typedef struct word_terms {
    tc_term *terms;
    size_t n;
    uint32_t npos, ntok;
} word_terms;

typedef struct big_check {
    tc_run chk;                  /* invariants */
    const word_terms *per;
    const uint32_t *piece_word;
    const size_t *piece_off;
    size_t npieces;
    size_t k, j;                 /* expected: piece k, its term j */
    uint32_t pos_base, tok_base;
    size_t mismatches;
    char first[512];
} big_check;

static int big_cb(void *ctx, const toponorm_term *t)
{
    big_check *b = ctx;
    const tc_term *e;
    tc_cb(&b->chk, t);
    if (t->kind == TOPONORM_TERM_PLACE)
        return 0;                 /* context-dependent: see test_10mb_line */
    while (b->k < b->npieces && b->j == b->per[b->piece_word[b->k]].n) {
        b->pos_base += b->per[b->piece_word[b->k]].npos;
        b->tok_base += b->per[b->piece_word[b->k]].ntok;
        b->k++;
        b->j = 0;
    }
    if (b->k == b->npieces) {
        if (b->mismatches++ == 0)
            snprintf(b->first, sizeof b->first, "extra term '%s' at position %u",
                     t->text, (unsigned)t->position);
        return 0;
    }
    e = &b->per[b->piece_word[b->k]].terms[b->j++];
    if (e->kind != t->kind || e->flags != t->flags || e->len != t->len ||
        memcmp(e->text, t->text, t->len) != 0 || e->position + b->pos_base != t->position ||
        e->token + b->tok_base != t->token || e->start + b->piece_off[b->k] != t->start ||
        e->end + b->piece_off[b->k] != t->end || e->lang != t->lang || e->script != t->script) {
        if (b->mismatches++ == 0)
            snprintf(b->first, sizeof b->first,
                     "piece %zu ('%s' at byte %zu), term %zu: got '%s' kind %d flags %u "
                     "pos %u [%zu,%zu), expected '%s' kind %d flags %u pos %u [%zu,%zu)",
                     b->k, words[b->piece_word[b->k]], b->piece_off[b->k], b->j - 1, t->text,
                     t->kind, t->flags, (unsigned)t->position, t->start, t->end, e->text,
                     e->kind, e->flags, (unsigned)(e->position + b->pos_base),
                     e->start + b->piece_off[b->k], e->end + b->piece_off[b->k]);
    }
    return 0;
}

static void test_10mb_line(void)
{
    word_terms per[NWORDS];
    size_t cap = 10 * MB + 256, len = 0, np = 0, maxp = cap / 3, i;
    char *text = malloc(cap + 64);
    uint32_t *pw = malloc(maxp * sizeof *pw);
    size_t *po = malloc(maxp * sizeof *po);
    big_check b;
    clock_t t0;
    int rc, all_terms = 1;

    if (!text || !pw || !po) {
        puts("Bail out! out of memory");
        exit(99);
    }
    /* Each word alone first: the expectation. */
    for (i = 0; i < NWORDS; i++) {
        tc_analyze(an, sc, words[i], strlen(words[i]), 0, &run);
        if (run.nrec == 0 || run.violations) {
            all_terms = 0;
            diag("word '%s' alone: %zu terms, %zu violations", words[i], run.nrec,
                 run.violations);
        }
        {   /* Place terms depend on context (case, sentence start, the words
            ** after: plugin/core/places.c): tests/places checks them. */
            size_t k, m = 0;
            for (k = 0; k < run.nrec; k++)
                if (run.terms[k].kind != TOPONORM_TERM_PLACE)
                    run.terms[m++] = run.terms[k];
                else
                    free(run.terms[k].text);
            run.nrec = m;
        }
        per[i].terms = run.terms;
        per[i].n = run.nrec;
        per[i].npos = run.nrec ? run.terms[run.nrec - 1].position : 0;
        per[i].ntok = run.nrec ? run.terms[run.nrec - 1].token + 1 : 0;
        run.terms = NULL;               /* keep them: tc_reset frees only run's own */
        run.nrec = run.caprec = 0;
    }
    ok(all_terms, "every word of the 10 MB line has terms on its own");
    /* One line: words and separators, no newline, until 10 MB. */
    for (i = 0; len < 10 * MB; i++) {
        const char *w = words[(i * 7) % NWORDS], *sp = seps[i % NSEPS];
        size_t wl = strlen(w), sl = strlen(sp);
        pw[np] = (uint32_t)((i * 7) % NWORDS);
        po[np++] = len;
        memcpy(text + len, w, wl);
        len += wl;
        memcpy(text + len, sp, sl);
        len += sl;
    }
    memset(&b, 0, sizeof b);
    b.per = per;
    b.piece_word = pw;
    b.piece_off = po;
    b.npieces = np;
    /* invariants only (recording 3 million terms would be wasteful) */
    b.chk.record = 0;
    b.chk.input = text;
    b.chk.len = len;
    b.chk.bound = calloc(len + 1, 1);
    if (!b.chk.bound) {
        puts("Bail out! out of memory");
        exit(99);
    }
    for (i = 0; i < len;) {
        int v;
        b.chk.bound[i] = 1;
        i += u8_step((const unsigned char *)text + i, len - i, &v);
    }
    b.chk.bound[len] = 1;
    t0 = clock();
    rc = toponorm_analyze(an, sc, text, len, 0, big_cb, &b);
    diag("10 MB line: %zu words, %zu terms, %.2f s CPU", np, b.chk.nterms,
         (double)(clock() - t0) / CLOCKS_PER_SEC);
    is_int(rc, 0, "10 MB line of uk/ru/en words: returns 0");
    tc_ok_invariants(&b.chk, "10 MB line");
    /* all pieces consumed */
    while (b.k < b.npieces && b.j == per[pw[b.k]].n) {
        b.k++;
        b.j = 0;
    }
    if (!ok(b.mismatches == 0 && b.k == b.npieces,
            "10 MB line: every term equals its word's own analysis, shifted")) {
        diag("%zu mismatch(es); first: %s", b.mismatches, b.first);
        diag("stopped at piece %zu of %zu", b.k, b.npieces);
    }
    free(b.chk.bound);
    for (i = 0; i < NWORDS; i++) {
        size_t k;
        for (k = 0; k < per[i].n; k++)
            free(per[i].terms[k].text);
        free(per[i].terms);
    }
    free(text);
    free(pw);
    free(po);
}

/* ---- 7. long tokens ----------------------------------------------------- */

/* Build PREFIX + n bytes of `unit` repeated + SUFFIX. */
static char *repeat(const char *prefix, const char *unit, size_t n, const char *suffix,
                    size_t *len)
{
    size_t pl = strlen(prefix), ul = strlen(unit), sl = strlen(suffix), i;
    char *s = malloc(pl + n + ul + sl + 1);
    if (!s) {
        puts("Bail out! out of memory");
        exit(99);
    }
    memcpy(s, prefix, pl);
    for (i = 0; i + ul <= n; i += ul)
        memcpy(s + pl + i, unit, ul);
    memcpy(s + pl + i, suffix, sl);
    *len = pl + i + sl;
    s[*len] = '\0';
    return s;
}

/* No term may start inside [from, to). */
static int no_terms_inside(size_t from, size_t to)
{
    size_t i;
    for (i = 0; i < run.nrec; i++)
        if (run.terms[i].start >= from && run.terms[i].start < to)
            return 0;
    return 1;
}

static void test_long_tokens(void)
{
    size_t len;
    char *s;
    clock_t t0;

    t0 = clock();
    s = repeat("Київ ", "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя", MB, " Донецьк", &len);
    expect(s, len, 0, "київ@1|донецьк@3",
           "1 MB Cyrillic token: no terms for it, it takes position 2, neighbours analyze");
    ok(no_terms_inside(9, len - 14), "1 MB Cyrillic token: no term inside it");
    free(s);
    diag("1 MB token: %.2f s CPU", (double)(clock() - t0) / CLOCKS_PER_SEC);

    s = repeat("Kyiv ", "abcdefghijklmnopqrstuvwxyz", MB, " Donetsk", &len);
    expect(s, len, 0, "kyiv@1|donetsk@3", "1 MB Latin token: no terms, neighbours analyze");
    free(s);

    s = repeat("Kyiv ", "a1", MB, " Donetsk", &len);
    expect(s, len, 0, "kyiv@1|donetsk@3", "1 MB letter+digit token: no terms");
    free(s);

    s = repeat("", "k", 240, " Донецьк", &len);
    {
        int rc = tc_analyze(an, sc, s, len, 0, &run);
        const tc_term *t = surface_at(1);
        ok(rc == 0 && t && t->len == 240 && run.violations == 0,
           "a 240-byte token still gets its surface term");
    }
    free(s);
    s = repeat("", "k", 241, " Донецьк", &len);
    expect(s, len, 0, "донецьк@2", "a 241-byte token gets no terms but takes a position");
    free(s);
    s = repeat("", "Ж", 240, " Донецьк", &len);   /* 240 bytes of Cyrillic */
    {
        int rc = tc_analyze(an, sc, s, len, 0, &run);
        const tc_term *t = surface_at(1);
        ok(rc == 0 && run.violations == 0 && t && t->len == 240 &&
           strncmp(t->text, "жжжж", 8) == 0 && surface_at(2) &&
           strcmp(surface_at(2)->text, "донецьк") == 0,
           "a 240-byte Cyrillic token gets its (lower-cased) surface term");
    }
    free(s);
    s = repeat("", "щ", 240, " Донецьк", &len);
    {
        int rc = tc_analyze(an, sc, s, len, 0, &run);
        ok(rc == 0 && run.violations == 0 && surface_at(1),
           "120 щ (240 bytes): terms, every one at most 240 bytes");
        if (run.violations)
            diag("%s", run.first_violation);
    }
    free(s);
    /* a token whose folded form grows past 240 bytes (U+FDFA is 18 letters) */
    s = repeat("", "\xEF\xB7\xBA", 180, " Донецьк", &len);
    {
        int rc = tc_analyze(an, sc, s, len, 0, &run);
        ok(rc == 0 && run.violations == 0 && surface_at(2),
           "60 x U+FDFA (180 bytes, folds to ~2 KB): no over-long term, neighbours analyze");
        if (run.violations)
            diag("%s", run.first_violation);
    }
    free(s);
}

/* ---- 8. a megabyte of combining marks ----------------------------------- */
static void test_combining(void)
{
    size_t len;
    char *s;

    s = repeat("Київ", "\xCC\x81", MB, " Донецьк", &len);
    expect(s, len, 0, "донецьк@2",
           "Київ + 1 MB of U+0301: one over-long token, no terms; донецьк at 2");
    free(s);
    s = repeat(" ", "\xCC\x81", MB, " Донецьк", &len);
    expect(s, len, 0, "донецьк@1", "space + 1 MB of U+0301: not a word; донецьк at 1");
    free(s);
    s = repeat("", "\xCC\x81", MB, " Донецьк", &len);
    expect(s, len, 0, "донецьк@1", "1 MB of U+0301 at the start of the input: not a word");
    free(s);
    s = repeat("Київ ", "\xCC\x88\xCC\xA7\xD2\x83", MB, " Донецьк", &len);
    {
        int rc = tc_analyze(an, sc, s, len, 0, &run);
        const tc_term *d = NULL;
        size_t i;
        for (i = 0; i < run.nrec; i++)
            if (run.terms[i].kind == TOPONORM_TERM_SURFACE && strcmp(run.terms[i].text, "донецьк") == 0)
                d = &run.terms[i];
        ok(rc == 0 && run.violations == 0 && surface_at(1) &&
           strcmp(surface_at(1)->text, "київ") == 0 && d && d->end == len,
           "1 MB of mixed combining marks (U+0308 U+0327 U+0483) after a space");
        if (run.violations)
            diag("%s", run.first_violation);
    }
    free(s);
    /* 100 stress marks inside a word fit in 240 bytes and fold away */
    s = repeat("Доне", "\xCC\x81", 200, "цьк", &len);
    expect(s, len, 0, "донецьк@1", "Доне + 100 x U+0301 + цьк folds to донецьк");
    free(s);
}

/* ---- 9. a megabyte of apostrophes and hyphens --------------------------- */
static void test_punct_runs(void)
{
    static const struct { const char *unit, *name; } units[] = {
        {"'", "U+0027"}, {"\xE2\x80\x99", "U+2019"}, {"`", "U+0060"}, {"\xC2\xB4", "U+00B4"},
        {"-", "hyphen-minus"}, {"\xE2\x80\x90", "U+2010"}, {"'-", "'-"},
        {"-'", "-'"}, {"`-", "`-"}, {"\xE2\x80\x99-", "U+2019 -"},
    };
    size_t i, len;
    char *s, label[128];
    for (i = 0; i < sizeof units / sizeof units[0]; i++) {
        s = repeat("Київ", units[i].unit, MB, "Донецьк", &len);
        snprintf(label, sizeof label, "Київ + 1 MB of %s + Донецьк: two tokens", units[i].name);
        expect(s, len, 0, "київ@1|донецьк@2", label);
        free(s);
        s = repeat("Київ ", units[i].unit, MB, " Донецьк", &len);
        snprintf(label, sizeof label, "1 MB of %s between spaces", units[i].name);
        expect(s, len, 0, "київ@1|донецьк@2", label);
        free(s);
    }
    /* а'а'а'...: ICU keeps it one word; а`а`... the analyzer joins: one
    ** over-long token either way */
    s = repeat("Київ ", "а'", MB, "а Донецьк", &len);
    expect(s, len, 0, "київ@1|донецьк@3", "1 MB of а'а'а'...а: one over-long token");
    free(s);
    s = repeat("Київ ", "а`", MB, "а Донецьк", &len);
    expect(s, len, 0, "київ@1|донецьк@3", "1 MB of а`а`а`...а: one over-long token");
    free(s);
    s = repeat("Київ ", "а\xE2\x80\x99", MB, "а Донецьк", &len);
    expect(s, len, 0, "київ@1|донецьк@3", "1 MB of а’а’а’...а: one over-long token");
    free(s);
    /* а-а-а-...: a megabyte hyphen chain is 349526 one-letter tokens */
    s = repeat("", "аб-", MB, "аб", &len);
    {
        size_t i2, parts = 0, compounds = 0, bad = 0;
        int rc = tc_analyze(an, sc, s, len, 0, &run);
        for (i2 = 0; i2 < run.nrec; i2++) {
            const tc_term *t = &run.terms[i2];
            if (t->kind != TOPONORM_TERM_SURFACE)
                continue;
            if (t->flags & TOPONORM_TERM_COMPOUND)
                compounds++;
            else if (strcmp(t->text, "аб") == 0)
                parts++;
            else
                bad++;
        }
        ok(rc == 0 && run.violations == 0 && parts == MB / 5 + 1 && bad == 0 && compounds > 0,
           "1 MB hyphen chain аб-аб-...: every part a token (%zu of %zu), compounds (%zu)",
           parts, MB / 5 + 1, compounds);
        if (run.violations)
            diag("%s", run.first_violation);
        ok(run.nrec == 0 || run.terms[run.nrec - 1].position == MB / 5 + 1,
           "1 MB hyphen chain: last position is the number of parts");
    }
    free(s);
}

/* ---- 10. the callback and the API's arguments --------------------------- */
static int count_cb(void *ctx, const toponorm_term *t)
{
    (void)t;
    (*(int *)ctx)++;
    return 0;
}

static void test_api(void)
{
    static const char text[] = "Київ Харків Москва Kyiv Donetsk Львів";
    size_t len = sizeof text - 1;
    toponorm_analyzer *an2 = NULL;
    toponorm_scratch *sc2 = NULL;
    toponorm_error err;
    int n = 0, rc, full;

    rc = tc_analyze(an, sc, text, len, 0, &run);
    full = (int)run.nterms;
    ok(rc == 0 && full > 6, "reference run: %d terms", full);

    run.stop_after = 3;
    run.stop_value = 42;
    rc = tc_analyze(an, sc, text, len, 0, &run);
    is_int(rc, 42, "callback returning 42 on the 3rd term: toponorm_analyze returns 42");
    is_int((long long)run.nterms, 3, "... and no term follows the stop");
    run.stop_after = 1;
    run.stop_value = -1000;
    rc = tc_analyze(an, sc, text, len, 0, &run);
    is_int(rc, -1000, "callback returning -1000 on the 1st term: returned unchanged");
    is_int((long long)run.nterms, 1, "... after exactly one term");
    run.stop_after = (size_t)full;
    run.stop_value = 7;
    rc = tc_analyze(an, sc, text, len, 0, &run);
    is_int(rc, 7, "callback stopping on the very last term: its value is returned");
    run.stop_after = 0;
    rc = tc_analyze(an, sc, text, len, 0, &run);
    ok(rc == 0 && (int)run.nterms == full,
       "the same scratch after stopped runs: the full result again (%zu terms)", run.nterms);
    is_str(tc_surfaces(&run, 1), "київ@1|харків@2|москва@3|kyiv@4|donetsk@5|львів@6",
           "... with the same surfaces");

    is_int(toponorm_analyze(NULL, sc, text, len, 0, count_cb, &n), TOPONORM_EINVAL,
           "NULL analyzer: TOPONORM_EINVAL");
    is_int(toponorm_analyze(an, NULL, text, len, 0, count_cb, &n), TOPONORM_EINVAL,
           "NULL scratch: TOPONORM_EINVAL");
    is_int(toponorm_analyze(an, sc, text, len, 0, NULL, &n), TOPONORM_EINVAL,
           "NULL callback: TOPONORM_EINVAL");
    is_int(toponorm_analyze(an, sc, text, len, 0x100, count_cb, &n), TOPONORM_EINVAL,
           "unknown flag 0x100: TOPONORM_EINVAL");
    is_int(toponorm_analyze(an, sc, text, len, 0x80000000u, count_cb, &n), TOPONORM_EINVAL,
           "unknown flag 0x80000000: TOPONORM_EINVAL");
    is_int(n, 0, "the callback was never called by a rejected call");

    rc = toponorm_analyzer_new(lx, NULL, &an2, &err);
    ok(rc == 0 && an2, "a second analyzer over the same lexicon");
    rc = toponorm_scratch_new(an2, &sc2, &err);
    ok(rc == 0 && sc2, "a scratch for the second analyzer");
    is_int(toponorm_analyze(an, sc2, text, len, 0, count_cb, &n), TOPONORM_EINVAL,
           "scratch of another analyzer: TOPONORM_EINVAL");
    is_int(toponorm_analyze(an2, sc, text, len, 0, count_cb, &n), TOPONORM_EINVAL,
           "... and the other way round: TOPONORM_EINVAL");
    is_int(n, 0, "the callback was never called by a mismatched call");
    rc = toponorm_analyze(an2, sc2, text, len, 0, count_cb, &n);
    ok(rc == 0 && n == full, "the second analyzer with its own scratch: same term count");
    toponorm_scratch_free(sc2);
    toponorm_analyzer_free(an2);

    toponorm_scratch_free(NULL);
    toponorm_analyzer_free(NULL);
    toponorm_lexicon_close(NULL);
    ok(1, "toponorm_scratch_free, _analyzer_free, _lexicon_close accept NULL");
    ok(toponorm_lexicon_data_version(NULL) == NULL, "toponorm_lexicon_data_version(NULL) is NULL");

    is_int(toponorm_analyzer_new(NULL, NULL, &an2, NULL), TOPONORM_EINVAL,
           "toponorm_analyzer_new with a NULL lexicon: TOPONORM_EINVAL");
    ok(an2 == NULL, "... and *out is NULL");
    is_int(toponorm_analyzer_new(lx, NULL, NULL, NULL), TOPONORM_EINVAL,
           "toponorm_analyzer_new with NULL out: TOPONORM_EINVAL");
    is_int(toponorm_scratch_new(NULL, &sc2, NULL), TOPONORM_EINVAL,
           "toponorm_scratch_new with a NULL analyzer: TOPONORM_EINVAL");
    ok(sc2 == NULL, "... and *out is NULL");
    {
        toponorm_options o;
        memset(&o, 0, sizeof o);      /* not initialised */
        is_int(toponorm_analyzer_new(lx, &o, &an2, NULL), TOPONORM_EINVAL,
               "options not passed through toponorm_options_init: TOPONORM_EINVAL");
    }
}

/* ---- 11. hints and query mode on bad input ------------------------------ */
static void test_flags(void)
{
    static const char text[] = "Київ\x80Донецьк\0Москва\xF0\x9F";
    static const unsigned flags[] = {
        TOPONORM_FOR_INDEX, TOPONORM_FOR_QUERY, TOPONORM_HINT_UK, TOPONORM_HINT_RU,
        TOPONORM_HINT_EN, TOPONORM_FOR_QUERY | TOPONORM_HINT_UK,
    };
    size_t i;
    char label[96];
    for (i = 0; i < sizeof flags / sizeof flags[0]; i++) {
        snprintf(label, sizeof label, "bad bytes and a NUL with flags 0x%x", flags[i]);
        expect(text, sizeof text - 1, flags[i], "київ@1|донецьк@2|москва@3", label);
    }
}


/* ---- 12. the segmentation fast path agrees with ICU ---------------------- */

/* Every field of every recorded term, offsets included. */
static void sig_all(char *out, size_t cap)
{
    size_t i, n = 0;
    out[0] = '\0';
    for (i = 0; i < run.nrec && n + 1 < cap; i++) {
        const tc_term *t = &run.terms[i];
        n += (size_t)snprintf(out + n, cap - n, "%d:%s@%u/%u[%zu,%zu)#%u,%d,%d ", t->kind,
                              t->text, (unsigned)t->position, t->flags, t->start, t->end,
                              (unsigned)t->token, t->lang, t->script);
    }
}

static size_t put_cp(char *p, uint32_t c)
{
    if (c < 0x80) {
        p[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        p[0] = (char)(0xC0 | (c >> 6));
        p[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    p[0] = (char)(0xE0 | (c >> 12));
    p[1] = (char)(0x80 | ((c >> 6) & 0x3F));
    p[2] = (char)(0x80 | (c & 0x3F));
    return 3;
}

/*
** A line of "simple" characters is segmented without ICU (plugin/icu/
** fastseg.c); a line with any other character goes to ICU.  Appending
** " U+0301" (a space and a combining mark: no word) forces ICU on the same
** line, so for every code point c in a few contexts the terms must be the
** same either way.
*/
static void test_fastseg_vs_icu(void)
{
    static const char *const ctx[][2] = {
        {"аб", "вг"}, {"ab", "cd"}, {"12", "34"}, {"а", ""}, {"", "б"},
        {"x ", " y"}, {"Київ", "Донецьк"}, {"a1", "b"},
    };
    /* (U+0482 ҂, a symbol, was once a letter on the fast path only) */
    static const uint32_t extra[] = {0x1C80, 0x1C88, 0x1E00, 0x1EFF, 0x2116, 0x2212, 0x2E3A,
                                     0x3000, 0xFF07, 0xFF0D, 0xFE63, 0xFF0C, 0xFF0E};
    static uint32_t cps[0x530 + 0x70 + sizeof extra / sizeof extra[0]];
    char line[64], a[4096], b[4096];
    size_t k, ncps = 0, i;
    for (i = 1; i < 0x530; i++)          /* U+0001..U+052F */
        cps[ncps++] = (uint32_t)i;
    for (i = 0x2000; i < 0x2070; i++)    /* General Punctuation */
        cps[ncps++] = (uint32_t)i;
    for (i = 0; i < sizeof extra / sizeof extra[0]; i++)
        cps[ncps++] = extra[i];
    for (k = 0; k < sizeof ctx / sizeof ctx[0]; k++) {
        size_t bad = 0, checked = 0;
        for (i = 0; i < ncps; i++) {
            uint32_t c = cps[i];
            size_t n = 0, pl = strlen(ctx[k][0]), sl = strlen(ctx[k][1]);
            int r1, r2;
            memcpy(line, ctx[k][0], pl);
            n = pl + put_cp(line + pl, c);
            memcpy(line + n, ctx[k][1], sl);
            n += sl;
            r1 = tc_analyze(an, sc, line, n, 0, &run);
            sig_all(a, sizeof a);
            memcpy(line + n, " \xCC\x81", 3);
            r2 = tc_analyze(an, sc, line, n + 3, 0, &run);
            sig_all(b, sizeof b);
            checked++;
            if (r1 != 0 || r2 != 0 || strcmp(a, b) != 0) {
                if (bad++ < 5) {
                    diag("U+%04X in '%s?%s': fast path: %s", (unsigned)c, ctx[k][0], ctx[k][1], a);
                    diag("U+%04X in '%s?%s':       ICU: %s", (unsigned)c, ctx[k][0], ctx[k][1], b);
                }
            }
        }
        ok(bad == 0, "context '%s?%s': %zu code points segment the same with and without ICU",
           ctx[k][0], ctx[k][1], checked);
    }
}

int main(void)
{
    tc_open(&lx, &an, &sc, NULL);
    test_single_bytes();
    test_illformed();
    test_truncated();
    test_nul();
    test_empty();
    test_10mb_line();
    test_long_tokens();
    test_combining();
    test_punct_runs();
    test_api();
    test_flags();
    test_fastseg_vs_icu();
    tc_reset(&run);
    toponorm_scratch_free(sc);
    toponorm_analyzer_free(an);
    toponorm_lexicon_close(lx);
    return exit_status();
}
