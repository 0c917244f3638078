/*
** test_cache.c: the token cache is invisible.  The same text analyzed with
** no cache, tiny caches (constant eviction) and the default cache gives the
** same terms, byte for byte; a cache size that is not a multiple of the
** associativity is refused.
*/
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "termsig.h"

/* Terms of text, analyzed twice in a row (so cached entries get reused). */
static sig terms(const toponorm_lexicon *lx, uint32_t slots, const char *text, size_t len)
{
    toponorm_options o;
    toponorm_analyzer *an = NULL;
    toponorm_scratch *sc = NULL;
    sig s = SIG_EMPTY;
    toponorm_options_init(&o);
    o.cache_slots = slots;
    if (toponorm_analyzer_new(lx, &o, &an, NULL) == 0 && toponorm_scratch_new(an, &sc, NULL) == 0) {
        toponorm_analyze(an, sc, text, len, TOPONORM_FOR_INDEX, sig_record, &s);
        toponorm_analyze(an, sc, text, len, TOPONORM_FOR_INDEX | TOPONORM_HINT_UK, sig_record,
                         &s);
        toponorm_analyze(an, sc, text, len, TOPONORM_FOR_INDEX, sig_record, &s);
    }
    toponorm_scratch_free(sc);
    toponorm_analyzer_free(an);
    return s;
}

int main(void)
{
    static const char base[] =
        "Живу в Донецьку; в Донецке, Donetsk, Donets'k, Donezk, Donieck. Івано-Франківськ "
        "Артёмовск Artyomovsk Харків Kharkiv Слов’янськ Sloviansk Ščastja Щастя ЩАСТЯ 2024 ";
    const toponorm_lexicon *lx;
    toponorm_lexicon *l = NULL;
    toponorm_error err;
    toponorm_options o;
    toponorm_analyzer *an = NULL;
    static const uint32_t sizes[] = {0, 4, 8, 64, 4096};
    char *text;
    size_t len = 0, i;
    sig ref;

    if (toponorm_lexicon_open(NULL, &l, &err)) {
        printf("Bail out! %s: %s\n", err.where, err.msg);
        return 1;
    }
    lx = l;
    /* Many distinct tokens: the base text plus numbered variants of its words. */
    text = malloc(200 * (sizeof base + 64));
    for (i = 0; i < 200; i++)
        len += (size_t)sprintf(text + len, "%s Донецьк%zu Kyiv%zu ", base, i % 37, i % 11);
    ref = terms(lx, 32768, text, len);
    ok(ref.n > 0, "the default cache yields terms (%zu bytes of them)", ref.n);
    for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        sig s = terms(lx, sizes[i], text, len);
        ok(sig_same(&s, &ref),
           "cache_slots %u: the same terms as the default cache", (unsigned)sizes[i]);
        free(s.p);
    }
    toponorm_options_init(&o);
    o.cache_slots = 6;
    is_int(toponorm_analyzer_new(lx, &o, &an, &err), TOPONORM_EINVAL,
           "cache_slots 6 (not a multiple of 4) is refused");
    ok(strstr(err.msg, "multiple of 4") != NULL, "and the message says why");
    free(ref.p);
    free(text);
    toponorm_lexicon_close(l);
    return exit_status();
}
