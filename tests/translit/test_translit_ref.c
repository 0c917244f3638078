/*
** test_translit_ref.c: toponorm_translit (the byte tables compiled by
** plugin/core/translit.c) against a plain reference engine written from the
** definition in lexicons/FORMAT.md on top of the rule matcher (rules.c):
** decode each word into code points, lower-case it with ICU, take the rule
** tn_rules_match finds at each position, give the output the source's case.
** The two must agree byte for byte, for every table, on
**   - generated text: every code point of U+0400..U+052F in small and
**     capital words, every apostrophe form, hyphens, Latin, stray and
**     truncated UTF-8, long words;
**   - every golden file's inputs;
**   - any corpus files named on the command line (make bench runs none;
**     `test_translit_ref DIR CORPUS` checks a big one by hand).
**
**   test_translit_ref GOLDEN_DIR [CORPUS...]
*/
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

#include "../tap.h"
#include "chars.h"
#include "internal.h"
#include "utf8.h"

typedef struct str {
    char *p;
    size_t n, cap;
} str;

static void put(str *s, const void *b, size_t n)
{
    if (s->n + n + 1 > s->cap) {
        s->cap = (s->n + n + 1) * 2;
        if (!(s->p = realloc(s->p, s->cap))) {
            perror("realloc");
            exit(99);
        }
    }
    memcpy(s->p + s->n, b, n);
    s->n += n;
    s->p[s->n] = '\0';
}

static void put_cp(str *s, uint32_t c)
{
    char b[4];
    put(s, b, tn_utf8_encode(c, b));
}

/* dst in case mode 0 (as is), 1 (first letter capital), 2 (all capitals). */
static void put_cased(str *s, const char *dst, size_t n, int mode)
{
    size_t i = 0, used;
    int first = 1;
    while (i < n) {
        uint32_t c = tn_utf8_decode((const unsigned char *)dst + i, n - i, &used);
        if (mode == 2 || (mode == 1 && first && u_islower((UChar32)c)))
            c = (uint32_t)u_toupper((UChar32)c);
        if (u_isalpha((UChar32)c))
            first = 0;
        put_cp(s, c);
        i += used;
    }
}

/* The reference: a word is Cyrillic letters with apostrophes between them. */
static void reference(const tn_table *t, const char *text, size_t len, str *out)
{
    const unsigned char *p = (const unsigned char *)text;
    uint32_t *orig = malloc((len + 1) * sizeof *orig), *low = malloc((len + 1) * sizeof *low);
    size_t i = 0, used, u2;
    out->n = 0;
    put(out, "", 0);
    while (i < len) {
        uint32_t c = tn_utf8_decode(p + i, len - i, &used);
        size_t n = 0, upper = 0, cased = 0, k;
        int caps;
        if (!tn_is_cyrillic_letter(c)) {
            put(out, p + i, used);                 /* as written, bad bytes too */
            i += used;
            continue;
        }
        for (;;) {
            if (i < len && tn_is_cyrillic_letter(c = tn_utf8_decode(p + i, len - i, &used)))
                low[n] = (uint32_t)u_tolower((UChar32)c);
            else if (i < len && tn_is_apostrophe(c) && i + used < len &&
                     tn_is_cyrillic_letter(tn_utf8_decode(p + i + used, len - i - used, &u2)))
                low[n] = '\'';
            else
                break;
            orig[n++] = c;
            i += used;
        }
        for (k = 0; k < n; k++) {
            if (u_isupper((UChar32)orig[k]))
                upper++, cased++;
            else if (u_islower((UChar32)orig[k]))
                cased++;
        }
        caps = cased >= 2 && upper == cased;
        for (k = 0; k < n;) {
            const tn_rule *r = tn_rules_match(&t, 1, low, n, k);
            if (r) {
                put_cased(out, r->dst, r->dst_len, u_isupper((UChar32)orig[k]) ? 1 + caps : 0);
                k += r->src_n;
            } else {
                put_cp(out, orig[k++]);
            }
        }
    }
    free(orig);
    free(low);
}

/* Both engines on text; 1 when they agree, else a diagnostic at the first difference. */
static int agree(const toponorm_lexicon *lx, int ti, const char *text, size_t len, const char *what)
{
    str want = {0};
    char *got;
    size_t got_len, i;
    int same;
    reference(lx->translit[ti], text, len, &want);
    if (toponorm_translit(lx, ti, text, len, &got, &got_len) != 0) {
        diag("%s: toponorm_translit failed", what);
        free(want.p);
        return 0;
    }
    same = got_len == want.n && memcmp(got, want.p, want.n) == 0;
    if (!same) {
        for (i = 0; i < got_len && i < want.n && got[i] == want.p[i]; i++)
            ;
        diag("%s: first difference at output byte %zu: got '%.40s', want '%.40s'", what, i,
             got + (i > 10 ? i - 10 : 0), want.p + (i > 10 ? i - 10 : 0));
    }
    toponorm_free(got);
    free(want.p);
    return same;
}

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint32_t rnd(uint32_t n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)(rng % n);
}

/* Text that visits every case the engine distinguishes. */
static void generate(str *s)
{
    static const char *alpha = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяёъыэ";
    static const uint32_t apos[] = {0x27, 0x60, 0xB4, 0x2BB, 0x2BC, 0x2018, 0x2019};
    static const char *other[] = {" ", " ", "-", ",", "\n", "x", "Ab", "1", "\xCC\x81",
                                  "\xD2\x83", "\xD2\x82", "\xE2\x80\x91", "\xE1\xB2\x80",
                                  "\x80", "\xD0", "\xD4", "\xE2\x80", "\xCA", "\xC2",
                                  "\xF0\x9F\x98\x80"};
    uint32_t cps[64], letters[64], n_letters = 0, c, words, k;
    size_t used, at = 0, alpha_n = strlen(alpha);
    while (at < alpha_n) {
        letters[n_letters++] = tn_utf8_decode((const unsigned char *)alpha + at, alpha_n - at, &used);
        at += used;
    }
    for (c = 0x400; c < 0x530; c++) {               /* every code point, alone and in words */
        put_cp(s, c);
        put(s, " ", 1);
        put_cp(s, c);
        put(s, "а", strlen("а"));
        put_cp(s, c);
        put(s, "\n", 1);
    }
    for (words = 0; words < 60000; words++) {
        uint32_t n = 1 + (rnd(50) ? rnd(9) : rnd(300)), shape = rnd(6);
        for (k = 0; k < n && k < 64; k++) {
            uint32_t r = rnd(20);
            if (r < 13) {
                cps[k] = letters[rnd(n_letters)];
            } else if (r < 16) {
                cps[k] = 0x400 + rnd(0x130);
            } else if (r < 18) {
                cps[k] = apos[rnd(7)];
            } else {
                cps[k] = 0;                         /* one of other[] */
            }
            if (shape == 0 || (shape == 1 && k == 0) || (shape == 2 && rnd(2)))
                cps[k] = (uint32_t)u_toupper((UChar32)cps[k]);
        }
        for (k = 0; k < n; k++) {
            if (k >= 64)
                put_cp(s, shape == 0 ? 0x416 : 0x436);    /* long words: ж */
            else if (cps[k])
                put_cp(s, cps[k]);
            else {
                const char *o = other[rnd(20)];
                put(s, o, strlen(o));
            }
        }
        put(s, rnd(3) ? " " : "\n", 1);
    }
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *b = NULL;
    size_t cap = 0, n = 0, got;
    if (!f)
        return NULL;
    do {
        if (n == cap && !(b = realloc(b, cap = cap * 2 + 65536)))
            exit(99);
        got = fread(b + n, 1, cap - n, f);
        n += got;
    } while (got > 0);
    fclose(f);
    *len = n;
    return b;
}

/* The input column of every golden file, one name a line. */
static void golden_inputs(const char *dir, str *s)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    if (!d)
        return;
    while ((de = readdir(d)) != NULL) {
        char path[4096], *text, *line, *save = NULL;
        size_t len;
        if (!strstr(de->d_name, ".tsv"))
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        if (!(text = slurp(path, &len)))
            continue;
        text = realloc(text, len + 1);
        text[len] = '\0';
        for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
            char *tab = strchr(line, '\t');
            if (line[0] == '#' || !tab)
                continue;
            put(s, line, (size_t)(tab - line));
            put(s, "\n", 1);
        }
        free(text);
    }
    closedir(d);
}

int main(int argc, char **argv)
{
    toponorm_lexicon *lx = NULL;
    toponorm_error err;
    str gen = {0}, gold = {0};
    int i, a, n;

    if (argc < 2) {
        fputs("usage: test_translit_ref GOLDEN_DIR [CORPUS...]\n", stderr);
        return 99;
    }
    if (toponorm_lexicon_open(NULL, &lx, &err) != 0) {
        ok(0, "open the lexicon: %s", err.msg);
        return exit_status();
    }
    generate(&gen);
    golden_inputs(argv[1], &gold);
    ok(gold.n > 1000, "golden inputs read (%zu bytes)", gold.n);
    n = toponorm_translit_count(lx);
    for (i = 0; i < n; i++) {
        const char *name = toponorm_translit_name(lx, i);
        int same = agree(lx, i, gen.p, gen.n, "generated text") &&
                   agree(lx, i, gold.p, gold.n, "golden inputs");
        for (a = 2; a < argc && same; a++) {
            size_t len;
            char *text = slurp(argv[a], &len);
            if (!text) {
                diag("cannot read %s", argv[a]);
                same = 0;
                break;
            }
            same = agree(lx, i, text, len, argv[a]);
            free(text);
        }
        ok(same, "table %s: same output as the reference engine", name);
    }
    free(gen.p);
    free(gold.p);
    toponorm_lexicon_close(lx);
    return exit_status();
}
