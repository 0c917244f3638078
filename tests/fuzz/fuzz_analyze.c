/*
** fuzz_analyze.c: libFuzzer target for toponorm_analyze.
**
** The first byte chooses how to analyze the rest:
**   bit 0      TOPONORM_FOR_QUERY
**   bits 1-2   hint: none, TOPONORM_HINT_UK, _RU, _EN
**   bits 3-4   analyzer: default options; surface terms only; min_key_len 0;
**              keys and stems only
**   bit 5      stop: the callback returns 77 at term 1 + (bits 6-7)
** Every term is checked (fuzz_check.h).  Each input is analyzed with the
** long-lived scratch (its cache warm from earlier inputs) and, for one
** input in four, with a fresh scratch too: the two term streams must be
** identical.  A stopped run must return 77 and leave the scratch fit for
** the next call.
**
** Segmentation takes a fast path for lines of simple characters and ICU
** for the others (plugin/icu/segment.c).  The input is analyzed once more
** with " U+0301" (a space and a combining mark: no word) inserted before
** every newline and at the end, which sends every line to ICU: the terms
** must be the same, offsets mapped back.
**
** The lexicon comes from $TOPONORM_LEXICON (or the installed default).
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_check.h"

#define N_AN 4

static toponorm_lexicon *lx;
static toponorm_analyzer *an[N_AN];
static toponorm_scratch *sc[N_AN];

static void fz_cleanup(void)
{
    int i;
    for (i = 0; i < N_AN; i++) {
        toponorm_scratch_free(sc[i]);
        toponorm_analyzer_free(an[i]);
    }
    toponorm_lexicon_close(lx);
}

static void fz_init(void)
{
    toponorm_error err;
    toponorm_options opt[N_AN];
    int i;
    if (toponorm_lexicon_open(NULL, &lx, &err) != 0) {
        fprintf(stderr, "fuzz_analyze: cannot open the lexicon %s: %s\n"
                        "(set TOPONORM_LEXICON to the built toponorm.lex)\n",
                err.where, err.msg);
        exit(2);
    }
    for (i = 0; i < N_AN; i++)
        toponorm_options_init(&opt[i]);
    opt[1].kinds = 1u << TOPONORM_TERM_SURFACE;
    opt[2].min_key_len = 0;
    opt[3].kinds = (1u << TOPONORM_TERM_KEY) | (1u << TOPONORM_TERM_STEM);
    for (i = 0; i < N_AN; i++)
        if (toponorm_analyzer_new(lx, &opt[i], &an[i], &err) != 0 ||
            toponorm_scratch_new(an[i], &sc[i], &err) != 0)
            fz_fail(err.msg, NULL);
    atexit(fz_cleanup);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const unsigned hints[] = {0, TOPONORM_HINT_UK, TOPONORM_HINT_RU, TOPONORM_HINT_EN};
    const unsigned char *text;
    unsigned flags, b;
    int which, rc;
    size_t len, stop;
    fz_run r1, r2, r3;
    toponorm_scratch *fresh = NULL;

    if (!lx)
        fz_init();
    if (size == 0) {
        fz_begin(&r1, (const unsigned char *)"", 0, 240);
        if (toponorm_analyze(an[0], sc[0], NULL, 0, 0, fz_cb, &r1) != 0 || r1.n != 0)
            fz_fail("empty input: not 0, or terms", NULL);
        fz_end(&r1);
        return 0;
    }
    b = data[0];
    flags = ((b & 1) ? TOPONORM_FOR_QUERY : TOPONORM_FOR_INDEX) | hints[(b >> 1) & 3];
    which = (int)((b >> 3) & 3);
    stop = (b & 0x20) ? 1 + (b >> 6) : 0;
    text = data + 1;
    len = size - 1;

    /* the long-lived scratch */
    fz_begin(&r1, text, len, 240);
    rc = toponorm_analyze(an[which], sc[which], (const char *)text, len, flags, fz_cb, &r1);
    if (rc != 0)
        fz_fail("toponorm_analyze did not return 0", NULL);

    /* a fresh scratch: the same terms, byte for byte.  A scratch costs
    ** megabytes (its token cache), so only for one input in four, chosen by
    ** the input's own hash so that a failure reproduces from the input. */
    if ((r1.hash ^ len) % 4 == 0) {
        if (toponorm_scratch_new(an[which], &fresh, NULL) != 0)
            fz_fail("toponorm_scratch_new failed", NULL);
        fz_begin(&r2, text, len, 240);
        rc = toponorm_analyze(an[which], fresh, (const char *)text, len, flags, fz_cb, &r2);
        if (rc != 0 || r2.n != r1.n || r2.hash != r1.hash)
            fz_fail("a fresh scratch gives other terms than a used one", NULL);
        toponorm_scratch_free(fresh);
        fz_end(&r2);
    }

    /* every line through ICU: the same terms */
    {
        static const char force[] = " \xCC\x81";   /* 3 bytes */
        size_t nl = 0, i, j = 0;
        unsigned char *t2;
        size_t *map;
        for (i = 0; i < len; i++)
            nl += text[i] == '\n';
        t2 = malloc(len + 3 * (nl + 1));
        map = malloc((len + 3 * (nl + 1) + 1) * sizeof *map);
        if (!t2 || !map)
            fz_fail("out of memory", NULL);
        for (i = 0; i <= len; i++) {
            if (i == len || text[i] == '\n') {
                int k;
                for (k = 0; k < 3; k++) {
                    /* a term may end where the block starts; none inside it */
                    map[j] = k ? (size_t)-1 : i;
                    t2[j++] = (unsigned char)force[k];
                }
            }
            map[j] = i;
            if (i < len)
                t2[j++] = text[i];
        }
        fz_begin(&r2, t2, j, 240);
        r2.offmap = map;
        rc = toponorm_analyze(an[which], sc[which], (const char *)t2, j, flags, fz_cb, &r2);
        if (rc != 0 || r2.n != r1.n || r2.hash != r1.hash)
            fz_fail("a line segments differently through ICU than through the fast path", NULL);
        fz_end(&r2);
        free(t2);
        free(map);
    }

    /* a stopped run, then the used scratch again */
    if (stop) {
        fz_begin(&r3, text, len, 240);
        r3.stop_at = stop;
        r3.stop_value = 77;
        rc = toponorm_analyze(an[which], sc[which], (const char *)text, len, flags, fz_cb, &r3);
        if (r1.n >= stop ? (rc != 77 || r3.n != stop) : (rc != 0 || r3.n != r1.n))
            fz_fail("the callback's stop value was not honoured", NULL);
        fz_end(&r3);
        fz_begin(&r3, text, len, 240);
        rc = toponorm_analyze(an[which], sc[which], (const char *)text, len, flags, fz_cb, &r3);
        if (rc != 0 || r3.n != r1.n || r3.hash != r1.hash)
            fz_fail("a scratch stopped mid-run gives other terms next time", NULL);
        fz_end(&r3);
    }
    fz_end(&r1);
    return 0;
}
