/*
** test_filter.c: the Sphinx index filter's functions called directly, in
** the order and with the arguments Sphinx 2.2.11 uses (init twice, the
** second time with the schema; begin_document and get_extra_token with no
** document and even with no userdata), plus the inputs Sphinx never sends
** but a broken config could: empty, over-long and ill-formed tokens.  The
** extra words must be exact, since the query side spells them the same way.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "toponorm/toponorm.h"
#include "../../plugin/sphinx/sphx_word.h"
#include "../../plugin/sphinx/sphinx_abi.h"

#define SPH_UDF_ERROR_LEN_TEST 256  /* the error buffer Sphinx passes */

/*
** Push one token as Sphinx does and return "token|extra1|extra2..." (the
** returned token first), checking on the way that every extra comes at
** delta 0, fits Sphinx's word buffer and is writable over that length.
*/
static const char *push(void *ud, const char *token, int *n_extra)
{
    static char out[4096], buf[1024];
    int extra = -1, delta = 1, bad = 0;
    char *w;
    snprintf(buf, sizeof buf, "%s", token);
    w = toponorm_push_token(ud, buf, &extra, &delta);
    snprintf(out, sizeof out, "%s", w ? w : "(null)");
    *n_extra = 0;
    if (!w || delta != 1)
        bad = 1;
    else if (w != buf) {          /* our surface instead: Sphinx may stem it in place */
        if (strlen(w) > TN_SPHX_WORD_BYTES)
            bad = 1;
        else
            memset(w + strlen(w) + 1, 0x55, TN_SPHX_WORD_BYTES + 3 - strlen(w));
    }
    if (extra) {
        while ((w = toponorm_get_extra_token(ud, &delta)) != NULL) {
            size_t n = strlen(w);
            if (delta != 0 || n > TN_SPHX_WORD_BYTES || n == 0)
                bad = 1;
            strncat(out, "|", sizeof out - strlen(out) - 1);
            strncat(out, w, sizeof out - strlen(out) - 1);
            memset(w + n + 1, 0x55, TN_SPHX_WORD_BYTES + 3 - n);  /* Sphinx stems in place */
            (*n_extra)++;
            delta = 1;
        }
    }
    if (toponorm_get_extra_token(ud, &delta) != NULL)
        bad = 1;
    return bad ? "(delta, length or pointer wrong)" : out;
}

static void expect(void *ud, const char *token, const char *want, const char *name)
{
    int n;
    is_str(push(ud, token, &n), want, name);
}

int main(void)
{
    void *ud = NULL, *ud2 = NULL;
    char err[SPH_UDF_ERROR_LEN_TEST + 1];
    char tok[600], w[TN_SPHX_WORD_BYTES + 1];
    const char *fields[] = {"title", "body"};
    int extra, delta, i, n;

    ok(toponorm_sphinx_ver() == 8, "_ver is Sphinx 2.2.11's SPH_UDF_VERSION 8");
    toponorm_sphinx_reinit();

    /* The host calls these without checking that init succeeded. */
    strcpy(err, "untouched");
    ok(toponorm_begin_document(NULL, "lang=uk", err) == 0, "begin_document(NULL userdata): 0");
    toponorm_begin_field(NULL, 0);
    ok(toponorm_get_extra_token(NULL, &delta) == NULL, "get_extra_token(NULL userdata): NULL");
    strcpy(tok, "донецьк");
    extra = 7;
    ok(toponorm_push_token(NULL, tok, &extra, &delta) == tok && extra == 0,
       "push_token(NULL userdata): the token itself, no extras");
    ok(toponorm_end_field(NULL) == 0, "end_field(NULL userdata): 0");
    toponorm_deinit(NULL);

    /* The indexer: init with no fields, deinit, init with the schema. */
    ok(toponorm_init(&ud, 0, NULL, "", err) == 0 && ud, "init with 0 fields and no options");
    toponorm_deinit(ud);
    ud = NULL;
    ok(toponorm_init(&ud, 2, fields, "", err) == 0 && ud, "init again with the schema");
    ok(toponorm_get_extra_token(ud, &delta) == NULL, "get_extra_token before any document: NULL");
    ok(toponorm_end_field(ud) == 0, "end_field before any field: 0");
    ok(toponorm_begin_document(ud, "", err) == 0, "begin_document with no options: 0");
    toponorm_begin_field(ud, 0);

    /* Exact extra words: surface (Sphinx's token) first, then ours. */
    expect(ud, "донецьку", "донецьку|xkdonecku|донецьк|xp565348|xp709717", "донецьку: key, then the stem (surface space)");
    expect(ud, "donets'k", "donets'k|xkdoneck", "donets'k: its key");
    expect(ud, "donetsk", "donetsk|xkdoneck|xp565348|xp709717",
           "donetsk: the same key; a name as the files spell it: its place ids in any case");
    expect(ud, "донецк", "донецк|xkdoneck|донецьк|xp565348|xp709717",
           "донецк: the same key, and the stem every form of the place shares");
    expect(ud, "Donets\xe2\x80\x99k", "donets'k|xkdoneck|xp565348|xp709717",
           "a token Sphinx did not fold: our folded surface is indexed instead");
    expect(ud, "Slovyansk", "slovyansk|xkslovansk|xp693468",
           "a capitalised romanisation (charset_table keeps case): folded here, and its place id");
    expect(ud, "slovyansk", "slovyansk|xkslovansk",
           "... which the lower-case word does not get");
    expect(ud, "ДОНЕЦЬКУ", "донецьку|xkdonecku|донецьк|xp565348|xp709717", "capitals in Cyrillic too");
    expect(ud, "слов'янськ", "слов'янськ|xkslovansk|xp693468", "слов'янськ: its key and place id");
    expect(ud, "12", "12", "a number: no extras");
    expect(ud, "івано-франківськ", "івано-франківськ|xkivanofrankivsk",
           "a blended compound: only the joined form's terms (its parts come on their own)");
    expect(ud, "x@y", "x@y|x@i", "a word split otherwise keeps its terms");
    expect(ud, "", "", "an empty token: no extras");
    ok(toponorm_end_field(ud) == 0, "end_field after the extras were fetched: 0");

    /* Tokens Sphinx may have cut at 42 codepoints get no extras. */
    for (i = 0; i < 41; i++)
        memcpy(tok + 2 * i, "\xd0\xb0", 2);   /* а x 41 */
    tok[82] = '\0';
    push(ud, tok, &n);
    ok(n >= 1, "41 letters: extras (%d)", n);
    memcpy(tok + 82, "\xd0\xb0", 3);           /* 42 */
    push(ud, tok, &n);
    ok(n == 0, "42 letters: no extras");
    memset(tok, 'b', sizeof tok - 1);
    tok[sizeof tok - 1] = '\0';
    push(ud, tok, &n);
    ok(n == 0, "a 599-byte token: no extras, no crash");

    /* Ill-formed UTF-8: no crash, and every extra is short and non-empty. */
    {
        static const char *bad[] = {"\xff\xfe", "a\xc3", "\xed\xa0\x80x", "\xc0\xaf",
                                    "дон\x80ецьк", "\xf4\x90\x80\x80", "'", "''''"};
        int fine = 1;
        for (i = 0; i < (int)(sizeof bad / sizeof *bad); i++)
            if (!strncmp(push(ud, bad[i], &n), "(delta", 6))
                fine = 0;
        ok(fine, "ill-formed UTF-8 and lone apostrophes: sane extras");
    }

    /* Pushing again before the extras were fetched drops them. */
    strcpy(tok, "donetsk");
    toponorm_push_token(ud, tok, &extra, &delta);
    expect(ud, "kyiv", "kyiv|xkkiv|xp703448", "an unfetched extra never leaks into the next token");

    /* Per-document options (RT INSERT ... OPTION token_filter_options). */
    ok(toponorm_begin_document(ud, "lang=ru", err) == 0, "begin_document lang=ru: 0");
    expect(ud, "донецьку", "донецьку|xkdonecku|донецьк|xp565348|xp709717", "lang=ru: the Russian stem");
    ok(toponorm_begin_document(ud, "lang=uk", err) == 0, "begin_document lang=uk: 0");
    expect(ud, "донецьку", "донецьку|xkdonecku|донецьк|xp565348|xp709717",
           "lang=uk: no Russian Snowball stem for a Ukrainian document (the place's name)");
    ok(toponorm_begin_document(ud, "", err) == 0, "begin_document with no options: 0");
    expect(ud, "донецьку", "донецьку|xkdonecku|донецьк|xp565348|xp709717", "... back to init's settings");
    ok(toponorm_begin_document(ud, "lang=xx", err) == 1, "begin_document lang=xx: refused");
    is_str(err, "toponorm: lang takes uk, ru or en, not 'xx'", "... with a clear message");
    ok(toponorm_begin_document(ud, "lexicon=/x", err) == 1, "begin_document lexicon=: refused");
    is_str(err, "toponorm: unknown option 'lexicon=/x' (options: lang=uk|ru|en)",
           "... per document only lang= is allowed");
    toponorm_deinit(ud);

    /* init's option errors: specific, cut to the host's buffer, no userdata. */
    ud2 = &ud;
    ok(toponorm_init(&ud2, 1, fields, "lang=de", err) != 0 && ud2 == NULL, "init lang=de fails");
    is_str(err, "toponorm: lang takes uk, ru or en, not 'de'", "... saying which languages");
    ok(toponorm_init(&ud2, 1, fields, "colour=red", err) != 0, "init colour=red fails");
    is_str(err, "toponorm: unknown option 'colour=red' (options: lexicon=PATH;lang=uk|ru|en)",
           "... naming the option");
    ok(toponorm_init(&ud2, 1, fields, "lang", err) != 0, "init 'lang' fails");
    is_str(err, "toponorm: option 'lang' is not name=value (options: lexicon=PATH;lang=uk|ru|en)",
           "... and says the form");
    ok(toponorm_init(&ud2, 1, fields, "lexicon=/nonexistent/t.lex", err) != 0, "a missing lexicon fails");
    ok(!strncmp(err, "toponorm: /nonexistent/t.lex: ", 30), "... naming the file: %s", err);
    memset(tok, 'x', 590);
    memcpy(tok, "lexicon=", 8);
    tok[590] = '\0';
    ok(toponorm_init(&ud2, 1, fields, tok, err) != 0 && strlen(err) < SPH_UDF_ERROR_LEN_TEST,
       "a 590-byte option: refused within the 256-byte message buffer");
    ok(toponorm_init(&ud2, 1, fields, " lang=en ; ; ", err) == 0 && ud2, "spaces and empty items are fine");
    toponorm_deinit(ud2);

    /* The word encoding both sides share. */
    tn_sphx_word(TOPONORM_TERM_KEY, "doneck", 6, w);
    is_str(w, "xkdoneck", "key: xk + key");
    tn_sphx_word(TOPONORM_TERM_PLACE, "709717", 6, w);
    is_str(w, "xp709717", "place id: xp + id");
    tn_sphx_word(TOPONORM_TERM_KEY, "aq\"B-\xc3\xa9", 7, w);
    is_str(w, "xkaq71q22bq2dqc3qa9", "key: q, bytes outside [a-z0-9] escaped as q + hex");
    n = (int)tn_sphx_word(TOPONORM_TERM_KEY, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaalm\"", 40, w);
    ok(n == 41 && !strcmp(w + 39, "lm"), "key: cut at 42 bytes, never inside an escape (%s)", w);
    for (i = 0; i < 50; i++)
        memcpy(tok + 2 * i, "\xd1\x8f", 2);   /* я x 50 */
    n = (int)tn_sphx_word(TOPONORM_TERM_STEM, tok, 100, w);
    ok(n == 84, "a Cyrillic stem: cut at 42 codepoints (%d bytes)", n);
    for (i = 0; i < 50; i++)
        memcpy(tok + 4 * i, "\xf0\x9f\x98\x80", 4);
    n = (int)tn_sphx_word(TOPONORM_TERM_SURFACE, tok, 200, w);
    ok(n == 124, "4-byte characters: cut at 126 bytes on a boundary (%d)", n);
    ok(tn_sphx_word(TOPONORM_TERM_KEY, "", 0, w) == 0 && tn_sphx_word(99, "a", 1, w) == 0,
       "an empty term or unknown kind: no word");
    return exit_status();
}
