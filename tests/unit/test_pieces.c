/*
** test_pieces.c: a text read in pieces (toponorm_cut, toponorm_analyze_from)
** gets the terms, positions, offsets and token ordinals it gets analyzed
** whole, whatever the piece size; and where toponorm_cut cuts.
*/
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "termsig.h"

/*
** text in pieces as a reader with a window of `window` bytes makes them:
** each piece cut by toponorm_cut within the window, the window doubled
** while it holds no line break.
*/
static int pieces(const toponorm_analyzer *an, toponorm_scratch *sc, const char *text,
                  size_t len, size_t window, sig *s, size_t *n_pieces)
{
    toponorm_cursor cur = {0, 0, 0};
    size_t at = 0;
    *n_pieces = 0;
    while (at < len) {
        size_t w = window, cut;
        for (;;) {
            if (len - at <= w) {
                cut = len - at;
                break;
            }
            if ((cut = toponorm_cut(text + at, w)) != 0)
                break;
            w *= 2;
        }
        if (toponorm_analyze_from(an, sc, text + at, cut, TOPONORM_FOR_INDEX, &cur, sig_record,
                                  s))
            return -1;
        if (cur.offset != at + cut)
            return -1;
        at += cut;
        ++*n_pieces;
    }
    return 0;
}

int main(void)
{
    /* Names over line breaks (a cut there would lose them), hyphenated
    ** names, sentence starts after a cut, CRLF, …, and a long line. */
    static const char para[] =
        "Вчора в Кривому\nРозі й у Донецьку. Kryvyi\n\nRih and Nova\nKakhovka:\n"
        "Івано-Франківськ, Ivano-Frankivsk; Yoshkar-Ola!\r\n"
        "«Харків» — Kharkiv, Донецк\n(Donets'k)…\n"
        "Слов’янськ Sloviansk Ščastja Щастя ЩАСТЯ 2024 e-mail\n"
        "в Донецке.\n\n";
    /* Each window holds a line break after punctuation in its second half
    ** (the lines of para are short); smaller ones would take the fallback,
    ** a plain line break, and lose «Kryvyi\n\nRih» (tested below). */
    static const size_t windows[] = {200, 333, 997, 4096, 65536};
    const toponorm_lexicon *lx;
    toponorm_lexicon *l = NULL;
    toponorm_error err;
    toponorm_analyzer *an = NULL;
    toponorm_scratch *sc = NULL;
    toponorm_cursor cur = {0, 0, 0};
    sig whole = SIG_EMPTY, a = SIG_EMPTY, b = SIG_EMPTY;
    char *text;
    size_t len = 0, i, n;

    /* Where toponorm_cut cuts. */
    is_int((int)toponorm_cut("one two.\nthree", 14), 9, "cut after the line break after a full stop");
    is_int((int)toponorm_cut("one\ntwo?\r\nthree", 15), 10, "... after CRLF, after ?");
    is_int((int)toponorm_cut("один…\nдва", 18), 12, "... after U+2026");
    is_int((int)toponorm_cut("xxxxx.\nyy\nz", 11), 7, "the last one after punctuation, not the last line break");
    is_int((int)toponorm_cut("x, y\nz", 6), 5, "... after a comma");
    is_int((int)toponorm_cut("«Київ»\nz", 14), 13, "... after »");
    is_int((int)toponorm_cut("a.\nbbbbbbbb\ncc", 14), 12,
           "none in the second half: after the last line break");
    is_int((int)toponorm_cut("Kryvyi\nRih", 10), 7, "no punctuation: after the last line break");
    is_int((int)toponorm_cut("no line break.", 14), 0, "no line break: 0");
    is_int((int)toponorm_cut("", 0), 0, "empty: 0");
    is_int((int)toponorm_cut(".\n", 2), 2, "punctuation right at the start");

    if (toponorm_lexicon_open(NULL, &l, &err)) {
        printf("Bail out! %s: %s\n", err.where, err.msg);
        return 1;
    }
    lx = l;
    if (toponorm_analyzer_new(lx, NULL, &an, &err) || toponorm_scratch_new(an, &sc, &err)) {
        printf("Bail out! %s: %s\n", err.where, err.msg);
        return 1;
    }
    text = malloc(300 * (sizeof para + 40) + 2000 * 16 + 32);
    for (i = 0; i < 300; i++)
        len += (size_t)sprintf(text + len, "%s Донецьк%zu Kyiv%zu.\n", para, i % 37, i % 11);
    for (i = 0; i < 2000; i++)               /* a long line: no line break for 26 KB */
        len += (size_t)sprintf(text + len, "Харків ");
    len += (size_t)sprintf(text + len, "\nкінець");

    toponorm_analyze(an, sc, text, len, TOPONORM_FOR_INDEX, sig_record, &whole);
    ok(whole.n > 0 && strstr(whole.p, "\n3 ") != NULL, "the whole text yields terms, place terms among them");
    for (i = 0; i < sizeof windows / sizeof windows[0]; i++) {
        sig s = SIG_EMPTY;
        int rc = pieces(an, sc, text, len, windows[i], &s, &n);
        ok(rc == 0 && sig_same(&s, &whole),
           "pieces of up to %zu bytes (%zu of them): the same terms", windows[i], n);
        free(s.p);
    }

    /* The cut toponorm_cut avoids: at the line break inside «Kryvyi\nRih»
    ** the name is lost.  (So this test can tell.) */
    {
        static const char name[] = "Kryvyi\nRih";
        toponorm_cursor c = {0, 0, 0};
        toponorm_analyze(an, sc, name, sizeof name - 1, TOPONORM_FOR_INDEX, sig_record, &a);
        toponorm_analyze_from(an, sc, name, 7, TOPONORM_FOR_INDEX, &c, sig_record, &b);
        toponorm_analyze_from(an, sc, name + 7, 3, TOPONORM_FOR_INDEX, &c, sig_record, &b);
        ok(!sig_same(&a, &b), "a name over a plain line break is lost when cut there");
        is_int((int)c.position, 2, "... positions still go on (2 words)");
    }

    is_int(toponorm_analyze_from(an, sc, "x", 1, 0, NULL, sig_record, &a), TOPONORM_EINVAL,
           "no cursor: EINVAL");
    cur.position = 7;
    cur.token = 3;
    cur.offset = 100;
    is_int(toponorm_analyze_from(an, sc, "x", 1, 0xF000u, &cur, sig_record, &a), TOPONORM_EINVAL,
           "a bad flag: EINVAL");
    ok(cur.position == 7 && cur.token == 3 && cur.offset == 100, "... and the cursor is left as it was");

    free(whole.p);
    free(a.p);
    free(b.p);
    free(text);
    toponorm_scratch_free(sc);
    toponorm_analyzer_free(an);
    toponorm_lexicon_close(l);
    return exit_status();
}
