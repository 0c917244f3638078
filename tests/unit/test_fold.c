/*
** test_fold.c: folding.
**
** 1. The fast path of plugin/core/fold.c against ICU: for every code point c
**    it covers (U+0041..U+005A, U+0061..U+007A, U+0400..U+045F,
**    U+0490..U+0491, digits, the apostrophe) the surface of "ab"+c+"cd"
**    (Latin) or "аб"+c+"вг" (Cyrillic) must equal ICU's NFKC_Casefold of the
**    same word followed by fold.c's own post-steps: U+0301 and U+0300
**    deleted, ё and ѐ read as е, ѝ as и.  The same check runs over the rest
**    of Latin-1, Latin Extended-A/B and the Cyrillic blocks, which take the
**    ICU path, so both paths agree on their borders.
** 2. Fold cases a user cares about: apostrophe forms, stress marks,
**    invisible characters, ё, й/ї, Latin/Cyrillic look-alikes, trailing
**    apostrophes, hyphenated compounds, and the uk/ru/en language guess.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "../tap.h"
#include "termcheck.h"

static toponorm_lexicon *lx;
static toponorm_analyzer *an;
static toponorm_scratch *sc;
static tc_run run = {.record = 1};

/* ICU's NFKC_Casefold of utf8 plus fold.c's post-steps, as UTF-8 in out. */
static int icu_reference(const char *utf8, char *out, size_t cap)
{
    UErrorCode e = U_ZERO_ERROR;
    const UNormalizer2 *nf = unorm2_getNFKCCasefoldInstance(&e);
    UChar in[256], norm[1024], post[1024];
    int32_t n_in = 0, n_norm, i = 0, n_post = 0, n_out = 0;
    if (U_FAILURE(e))
        return -1;
    u_strFromUTF8(in, 256, &n_in, utf8, -1, &e);
    n_norm = unorm2_normalize(nf, in, n_in, norm, 1024, &e);
    if (U_FAILURE(e))
        return -1;
    while (i < n_norm) {
        UChar32 c;
        U16_NEXT(norm, i, n_norm, c);
        if (c == 0x301 || c == 0x300 || c == 0x361 || c == 0x360)
            continue;
        if (c == 0x451 || c == 0x450)
            c = 0x435;
        else if (c == 0x45D)
            c = 0x438;
        U16_APPEND_UNSAFE(post, n_post, c);
    }
    u_strToUTF8(out, (int32_t)cap, &n_out, post, n_post, &e);
    return U_FAILURE(e) ? -1 : 0;
}

static void put_utf8(char *p, uint32_t c)
{
    if (c < 0x80) {
        p[0] = (char)c;
        p[1] = 0;
    } else if (c < 0x800) {
        p[0] = (char)(0xC0 | (c >> 6));
        p[1] = (char)(0x80 | (c & 0x3F));
        p[2] = 0;
    } else {
        p[0] = (char)(0xE0 | (c >> 12));
        p[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        p[2] = (char)(0x80 | (c & 0x3F));
        p[3] = 0;
    }
}

/* Check one code point; returns 1 if checked and equal, 0 if different,
** -1 if skipped (not a single word). */
static int check_cp(uint32_t c, int cyrillic, char *got_out, char *want_out)
{
    char word[32], mid[5], want[256];
    const tc_term *t = NULL;
    size_t i, nsurf = 0;
    put_utf8(mid, c);
    snprintf(word, sizeof word, cyrillic ? "аб%sвг" : "ab%scd", mid);
    if (icu_reference(word, want, sizeof want) != 0)
        return 0;
    if (tc_analyze(an, sc, word, strlen(word), 0, &run) != 0 || run.violations)
        return 0;
    for (i = 0; i < run.nrec; i++)
        if (run.terms[i].kind == TOPONORM_TERM_SURFACE) {
            nsurf++;
            if (!t)
                t = &run.terms[i];
        }
    if (nsurf != 1)
        return -1;
    snprintf(got_out, 256, "%s", t->text);
    snprintf(want_out, 256, "%s", want);
    return strcmp(t->text, want) == 0;
}

static void check_range(uint32_t lo, uint32_t hi, int cyrillic, int must_be_word,
                        const char *name)
{
    uint32_t c;
    size_t checked = 0, bad = 0, skipped = 0;
    char got[256], want[256];
    for (c = lo; c <= hi; c++) {
        int r;
        if (!must_be_word && !(u_isalpha((UChar32)c) || u_getIntPropertyValue((UChar32)c, UCHAR_GENERAL_CATEGORY_MASK) & U_GC_M_MASK))
            continue;
        r = check_cp(c, cyrillic, got, want);
        if (r < 0) {
            skipped++;
            if (must_be_word) {
                bad++;
                diag("U+%04X: '%s' is not one word", (unsigned)c, cyrillic ? "аб?вг" : "ab?cd");
            }
            continue;
        }
        checked++;
        if (r == 0 && bad++ < 10)
            diag("U+%04X: got '%s', ICU says '%s'", (unsigned)c, got, want);
    }
    if (!ok(bad == 0 && checked > 0, "%s: %zu code points equal ICU's NFKC_Casefold + post-steps",
            name, checked))
        diag("%zu differ or are not one word (%zu skipped)", bad, skipped);
}

/* Every printable ASCII character that makes one word with letters around
** it takes the fast path (NFKC_Casefold changes only A-Z in ASCII). */
static void check_ascii(void)
{
    char got[256], want[256];
    size_t checked = 0, bad = 0;
    uint32_t c;
    for (c = 0x21; c < 0x7F; c++) {
        int r = c == '`' ? -1 : check_cp(c, 0, got, want);   /* ` is read as ' (step 2) */
        if (r < 0)
            continue;
        checked++;
        if (r == 0 && bad++ < 10)
            diag("U+%04X: got '%s', ICU says '%s'", (unsigned)c, got, want);
    }
    ok(bad == 0 && checked >= 60, "printable ASCII: %zu characters in ab?cd equal ICU's", checked);
}

/* ---- fold cases ---------------------------------------------------------- */

typedef struct fcase {
    const char *in;
    const char *want;      /* tc_surfaces(run, 1) */
    const char *name;
} fcase;

static void run_cases(const fcase *cs, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        int rc = tc_analyze(an, sc, cs[i].in, strlen(cs[i].in), 0, &run);
        const char *got = tc_surfaces(&run, 1);
        if (!ok(rc == 0 && run.violations == 0 && strcmp(got, cs[i].want) == 0, "%s",
                cs[i].name)) {
            diag("input: '%s', rc %d, %zu violations %s", cs[i].in, rc, run.violations,
                 run.first_violation);
            diag("     got: '%s'", got);
            diag("expected: '%s'", cs[i].want);
        }
    }
}

/* All terms of a run except offsets, as "kind:text@pos/flags ...". */
static void terms_sig(char *out, size_t cap)
{
    size_t i, n = 0;
    out[0] = '\0';
    for (i = 0; i < run.nrec && n + 1 < cap; i++)
        n += (size_t)snprintf(out + n, cap - n, "%s%d:%s@%u/%u", i ? " " : "", run.terms[i].kind,
                              run.terms[i].text, (unsigned)run.terms[i].position,
                              run.terms[i].flags);
}

static void test_apostrophes(void)
{
    static const struct { const char *ap, *name; } forms[] = {
        {"'", "U+0027"}, {"\xE2\x80\x99", "U+2019"}, {"\xCA\xBC", "U+02BC"},
        {"\xCA\xBB", "U+02BB"}, {"`", "U+0060"}, {"\xC2\xB4", "U+00B4"},
        {"\xE2\x80\x98", "U+2018"}, {"\xE2\x80\xB2", "U+2032"}, {"\xCA\xB9", "U+02B9"},
        {"\xE2\x80\x9D", "U+201D"},
    };
    char ref[2048], sig[2048], word[64];
    size_t i;
    tc_analyze(an, sc, "Слов'янськ", strlen("Слов'янськ"), 0, &run);
    terms_sig(ref, sizeof ref);
    is_str(tc_surfaces(&run, 1), "слов'янськ@1", "Слов'янськ: one token, слов'янськ");
    for (i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        snprintf(word, sizeof word, "Слов%sянськ", forms[i].ap);
        tc_analyze(an, sc, word, strlen(word), 0, &run);
        terms_sig(sig, sizeof sig);
        if (!ok(strcmp(sig, ref) == 0 && run.violations == 0,
                "Слов%sянськ (%s): same terms as with U+0027", forms[i].ap, forms[i].name)) {
            diag("     got: %s", sig);
            diag("expected: %s", ref);
        }
        snprintf(word, sizeof word, "Slov%syans%sk", forms[i].ap, forms[i].ap);
        tc_analyze(an, sc, word, strlen(word), 0, &run);
        is_str(tc_surfaces(&run, 1), "slov'yans'k@1", forms[i].name);
    }
}

static const fcase stress_invisible[] = {
    {"Доне\xCC\x81цьк", "донецьк@1", "Доне́цьк (U+0301) = донецьк"},
    {"Доне\xCC\x80цьк", "донецьк@1", "Донѐцьк (U+0300) = донецьк"},
    {"Дон\xD1\x90цьк", "донецьк@1", "precomposed ѐ (U+0450) reads as е"},
    {"\xD0\x80\xD0\xBB\xD1\x8F", "еля@1", "precomposed Ѐ (U+0400) reads as е"},
    {"Доне\xCD\x81цьк", "донецьк@1", "U+0341 (tone mark, = U+0301) goes too"},
    {"ДОНЕ\xCC\x81ЦЬК", "донецьк@1", "ДОНЕ́ЦЬК = донецьк"},
    {"Ки\xCC\x81їв", "київ@1", "Ки́їв = київ"},
    {"Ки\xCC\x80їв", "київ@1", "и + U+0300 composes to ѝ, which reads as и"},
    {"\xD1\x9D", "и@1", "ѝ (U+045D) alone = и"},
    {"Київ\xCC\x81", "київ@1", "stress after ї"},
    {"Доне\xC2\xAD\xD1\x86ьк", "донецьк@1", "soft hyphen inside a word is removed"},
    {"Доне\xE2\x80\x8D\xD1\x86ьк", "донецьк@1", "ZWJ inside a word is removed"},
    {"Доне\xE2\x80\x8C\xD1\x86ьк", "донецьк@1", "ZWNJ inside a word is removed"},
    {"Доне\xEF\xBB\xBF\xD1\x86ьк", "донецьк@1", "U+FEFF inside a word is removed"},
    {"Доне\xE2\x81\xA0\xD1\x86ьк", "донецьк@1", "WORD JOINER inside a word is removed"},
    {"\xEF\xBB\xBF" "Донецьк", "донецьк@1", "a BOM before the first word"},
    {"Артёмовск", "артемовск@1", "Артёмовск = артемовск"},
    {"АРТЁМОВСК", "артемовск@1", "АРТЁМОВСК = артемовск"},
    {"Арте\xCC\x88мовск", "артемовск@1", "е + U+0308 (decomposed ё) = е"},
    {"Ёлка", "елка@1", "initial Ё = е"},
};

static const fcase short_letters[] = {
    {"Київ", "київ@1", "Київ stays київ (ї survives)"},
    {"КИЇВ", "київ@1", "КИЇВ = київ"},
    {"Киі\xCC\x88в", "київ@1", "і + U+0308 composes to ї"},
    {"Йосипівка", "йосипівка@1", "й survives"},
    {"Краи\xCC\x86", "край@1", "и + U+0306 composes to й"},
    {"ЇЖАК", "їжак@1", "Ї lower-cases to ї"},
    {"Ґалаґан", "ґалаґан@1", "Ґ lower-cases to ґ"},
    {"ǴALAǴAN", "ǵalaǵan@1", "Latin Ǵ goes through ICU"},
};

static const fcase lookalikes[] = {
    {"Kиїв", "київ@1", "Kиїв with Latin K = київ"},
    {"Xарків", "харків@1", "Xарків with Latin X = харків"},
    {"Донeцьк", "донецьк@1", "Донeцьк with Latin e = донецьк"},
    {"Mосквa", "москва@1", "Mосквa with Latin M and a = москва"},
    {"KИЇB", "київ@1", "KИЇB with Latin K and B = київ"},
    {"Ky\xD1\x96v", "kyiv@1", "Kyіv with Cyrillic і = kyiv"},
    {"K\xD1\x83iv", "kyiv@1", "Kуiv with Cyrillic у = kyiv"},
    {"\xD0\x9E" "desa", "odesa@1", "Оdesa with Cyrillic О = odesa"},
    {"Ch\xD0\xB5rnihiv", "chernihiv@1", "Chеrnihiv with Cyrillic е = chernihiv"},
};

static const fcase apostrophe_edges[] = {
    {"Donetsk'", "donetsk@1", "Donetsk' yields donetsk"},
    {"Donetsk’", "donetsk@1", "Donetsk’ yields donetsk"},
    {"'Donetsk'", "donetsk@1", "'Donetsk' yields donetsk"},
    {"Donets'k", "donets'k@1", "Donets'k is one token"},
    {"Donets`k", "donets'k@1", "Donets`k is one token, the backtick read as '"},
    {"Donec``k", "donec''k@1", "Donec``k (GOST 7.79 B ъ) is one token"},
    {"Слов'янськ'", "слов'янськ@1", "a trailing apostrophe goes"},
};

static const fcase compounds[] = {
    {"Івано-Франківськ", "івано@1|+івано-франківськ@1|франківськ@2",
     "Івано-Франківськ: івано, івано-франківськ (compound), франківськ"},
    {"Ростов-на-Дону", "ростов@1|+ростов-на-дону@1|на@2|дону@3", "Ростов-на-Дону: three parts"},
    {"Івано-Франківськ-", "івано@1|+івано-франківськ@1|франківськ@2", "a trailing hyphen"},
    {"Івано- Франківськ", "івано@1|франківськ@2", "hyphen then a space: no compound"},
    {"Івано--Франківськ", "івано@1|франківськ@2", "a double hyphen: no compound"},
};

static void test_compound_flags(void)
{
    static const char in[] = "Івано-Франківськ";
    size_t i;
    int seen = 0;
    tc_analyze(an, sc, in, strlen(in), 0, &run);
    for (i = 0; i < run.nrec; i++) {
        const tc_term *t = &run.terms[i];
        if (t->kind == TOPONORM_TERM_SURFACE && strcmp(t->text, "івано-франківськ") == 0) {
            seen = 1;
            ok(t->flags == (TOPONORM_TERM_COMPOUND | TOPONORM_TERM_COLOCATED),
               "івано-франківськ: flags COMPOUND|COLOCATED (got %u)", t->flags);
            ok(t->position == 1, "івано-франківськ at the position of івано");
            ok(t->start == 0 && t->end == strlen(in), "івано-франківськ spans the whole input");
        }
        if (t->kind == TOPONORM_TERM_SURFACE && strcmp(t->text, "івано") == 0)
            ok(t->flags == 0 && t->position == 1 && t->end == 10, "івано: plain term at 1, [0,10)");
        if (t->kind == TOPONORM_TERM_SURFACE && strcmp(t->text, "франківськ") == 0)
            ok(t->flags == 0 && t->position == 2 && t->start == 11,
               "франківськ: plain term at 2, from byte 11");
        if (t->kind == TOPONORM_TERM_STEM && (t->flags & TOPONORM_TERM_COMPOUND))
            ok(0, "no stem term for the compound form");
    }
    ok(seen, "the compound surface term is there");
    {
        /* U+2010 HYPHEN and U+2011 NON-BREAKING HYPHEN join like '-' */
        char ref[2048], sig[2048];
        static const char *const alt[] = {"Івано‐Франківськ", "Івано‑Франківськ"};
        static const char *const names[] = {"U+2010", "U+2011"};
        tc_analyze(an, sc, in, strlen(in), 0, &run);
        terms_sig(ref, sizeof ref);
        for (i = 0; i < 2; i++) {
            tc_analyze(an, sc, alt[i], strlen(alt[i]), 0, &run);
            terms_sig(sig, sizeof sig);
            char name[128];
            snprintf(name, sizeof name, "Івано%sФранківськ (%s): the same terms as with '-'",
                     i ? "‑" : "‐", names[i]);
            if (!ok(strcmp(sig, ref) == 0, "%s", name)) {
                diag("     got: %s", sig);
                diag("expected: %s", ref);
            }
        }
    }
}

/* A word typed with look-alike letters has the same terms as the word typed
** right (surface, keys, stem, lang). */
static void test_lookalike_terms(void)
{
    static const struct { const char *typo, *right; } cs[] = {
        {"Kиїв", "Київ"},
        {"Xарків", "Харків"},
        {"Донeцьк", "Донецьк"},
        {"Mосквa", "Москва"},
        {"Ky\xD1\x96v", "Kyiv"},
        {"Iвано", "Івано"},
        {"Марiуполь", "Маріуполь"},
    };
    char a[2048], b[2048], name[160];
    size_t i;
    for (i = 0; i < sizeof cs / sizeof cs[0]; i++) {
        int ga, gb;
        tc_analyze(an, sc, cs[i].right, strlen(cs[i].right), 0, &run);
        terms_sig(a, sizeof a);
        ga = run.nrec ? run.terms[0].lang : -1;
        tc_analyze(an, sc, cs[i].typo, strlen(cs[i].typo), 0, &run);
        terms_sig(b, sizeof b);
        gb = run.nrec ? run.terms[0].lang : -1;
        snprintf(name, sizeof name, "%s (look-alikes) has the terms and lang of %s",
                 cs[i].typo, cs[i].right);
        if (!ok(strcmp(a, b) == 0 && ga == gb, "%s", name)) {
            diag("     got: %s (lang %d)", b, gb);
            diag("expected: %s (lang %d)", a, ga);
        }
    }
}

static void test_lang_script(void)
{
    static const struct { const char *in; int lang, script; } cs[] = {
        {"Київ", TOPONORM_LANG_UK, TOPONORM_SCRIPT_CYRILLIC},
        {"Маріуполь", TOPONORM_LANG_UK, TOPONORM_SCRIPT_CYRILLIC},
        {"Єнакієве", TOPONORM_LANG_UK, TOPONORM_SCRIPT_CYRILLIC},
        {"Ґалаґан", TOPONORM_LANG_UK, TOPONORM_SCRIPT_CYRILLIC},
        {"Объединение", TOPONORM_LANG_RU, TOPONORM_SCRIPT_CYRILLIC},
        {"Эстония", TOPONORM_LANG_RU, TOPONORM_SCRIPT_CYRILLIC},
        {"Артёмовск", TOPONORM_LANG_RU, TOPONORM_SCRIPT_CYRILLIC},
        {"Сыктывкар", TOPONORM_LANG_RU, TOPONORM_SCRIPT_CYRILLIC},
        {"Москва", TOPONORM_LANG_UNKNOWN, TOPONORM_SCRIPT_CYRILLIC},
        {"Донецьк", TOPONORM_LANG_UNKNOWN, TOPONORM_SCRIPT_CYRILLIC},
        {"Ніжный", TOPONORM_LANG_UNKNOWN, TOPONORM_SCRIPT_CYRILLIC},
        {"Kyiv", TOPONORM_LANG_EN, TOPONORM_SCRIPT_LATIN},
        {"Zaporizhzhia", TOPONORM_LANG_EN, TOPONORM_SCRIPT_LATIN},
        {"Kиїв", TOPONORM_LANG_UK, TOPONORM_SCRIPT_CYRILLIC},
        {"Ky\xD1\x96v", TOPONORM_LANG_EN, TOPONORM_SCRIPT_LATIN},
        {"Київsk", TOPONORM_LANG_UK, TOPONORM_SCRIPT_MIXED},
        {"1941", TOPONORM_LANG_UNKNOWN, TOPONORM_SCRIPT_NUMBER},
        /* look-alikes repaired into marker letters: Latin i -> і, ï -> ї */
        {"Марiуполь", TOPONORM_LANG_UK, TOPONORM_SCRIPT_CYRILLIC},
        {"Kиïв", TOPONORM_LANG_UK, TOPONORM_SCRIPT_CYRILLIC},
    };
    size_t i;
    for (i = 0; i < sizeof cs / sizeof cs[0]; i++) {
        int rc = tc_analyze(an, sc, cs[i].in, strlen(cs[i].in), 0, &run);
        int good = rc == 0 && run.nrec > 0;
        size_t k;
        for (k = 0; good && k < run.nrec; k++)
            good = run.terms[k].lang == cs[i].lang && run.terms[k].script == cs[i].script;
        char name[128];
        snprintf(name, sizeof name, "%s: lang '%s', script %d", cs[i].in,
                 toponorm_lang_name(cs[i].lang), cs[i].script);
        if (!ok(good, "%s", name))
            diag("got lang '%s' script %d", run.nrec ? toponorm_lang_name(run.terms[0].lang) : "-",
                 run.nrec ? run.terms[0].script : -1);
    }
}

int main(void)
{
    tc_open(&lx, &an, &sc, NULL);

    check_range(0x41, 0x5A, 0, 1, "U+0041..U+005A in ab?cd");
    check_range(0x61, 0x7A, 0, 1, "U+0061..U+007A in ab?cd");
    check_range(0x30, 0x39, 0, 1, "digits in ab?cd");
    check_range(0x27, 0x27, 0, 1, "U+0027 in ab?cd");
    check_range(0x40, 0x40, 0, 1, "@ in ab?cd");
    check_range(0x5F, 0x5F, 0, 1, "_ in ab?cd");
    check_range(0x2E, 0x2E, 0, 1, ". in ab?cd");
    check_ascii();
    check_range(0x400, 0x45F, 1, 1, "U+0400..U+045F in аб?вг");
    check_range(0x490, 0x491, 1, 1, "U+0490..U+0491 in аб?вг");
    /* the ICU path next to the fast path */
    check_range(0xC0, 0x24F, 0, 0, "Latin-1 and Latin Extended-A/B letters in ab?cd");
    check_range(0x1E00, 0x1EFF, 0, 0, "Latin Extended Additional in ab?cd");
    check_range(0x460, 0x52F, 1, 0, "U+0460..U+052F letters and marks in аб?вг");
    check_range(0x300, 0x36F, 1, 0, "combining marks U+0300..U+036F in аб?вг");
    check_range(0x300, 0x36F, 0, 0, "combining marks U+0300..U+036F in ab?cd");

    test_apostrophes();
    run_cases(stress_invisible, sizeof stress_invisible / sizeof stress_invisible[0]);
    run_cases(short_letters, sizeof short_letters / sizeof short_letters[0]);
    run_cases(lookalikes, sizeof lookalikes / sizeof lookalikes[0]);
    run_cases(apostrophe_edges, sizeof apostrophe_edges / sizeof apostrophe_edges[0]);
    run_cases(compounds, sizeof compounds / sizeof compounds[0]);
    test_compound_flags();
    test_lookalike_terms();
    test_lang_script();

    tc_reset(&run);
    toponorm_scratch_free(sc);
    toponorm_analyzer_free(an);
    toponorm_lexicon_close(lx);
    return exit_status();
}
