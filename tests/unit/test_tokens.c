/*
** test_tokens.c: toponorm_analyze_tokens hands over the terms
** toponorm_analyze_from gives one by one, in the same order with the same
** flags, positions, offsets and ordinals, grouped by token: from the cache,
** computed, filtered by kind, for a query; and toponorm_token_term walks
** the packed terms, long ones included.
*/
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "termsig.h"

/* A token's terms as toponorm_analyze's callback would see them. */
static int on_token(void *ctx, const toponorm_token *tk)
{
    sig *s = ctx;
    const unsigned char *p = tk->terms;
    toponorm_term t;
    size_t i;
    s->calls++;
    t.position = tk->position;
    t.start = tk->start;
    t.end = tk->end;
    t.token = tk->token;
    t.lang = tk->lang;
    t.script = tk->script;
    for (i = 0; i < tk->n_terms; i++) {
        p = toponorm_token_term(p, &t.kind, &t.text, &t.len);
        t.flags = i ? (tk->flags & TOPONORM_TERM_COMPOUND) | TOPONORM_TERM_COLOCATED : tk->flags;
        if (t.text[t.len] != '\0')
            t.kind = -1;              /* shows up as a difference */
        sig_add(s, &t);
    }
    return 0;
}

static int stop_at_3(void *ctx, const toponorm_token *tk)
{
    (void)tk;
    return ++*(int *)ctx == 3 ? 7 : 0;
}

/* The same text through both callbacks, in two pieces; 1 when equal. */
static int same_both_ways(toponorm_analyzer *an, const char *text, size_t len, unsigned flags,
                          size_t *tokens, size_t *terms)
{
    toponorm_scratch *sc = NULL;
    toponorm_cursor c1 = {0, 0, 0}, c2 = {0, 0, 0};
    sig a = SIG_EMPTY, b = SIG_EMPTY;
    size_t cut = toponorm_cut(text, len);
    int eq;
    if (toponorm_scratch_new(an, &sc, NULL) != TOPONORM_OK)
        return 0;
    toponorm_analyze_from(an, sc, text, cut, flags, &c1, sig_record, &a);
    toponorm_analyze_from(an, sc, text + cut, len - cut, flags, &c1, sig_record, &a);
    toponorm_analyze_tokens(an, sc, text, cut, flags, &c2, on_token, &b);
    toponorm_analyze_tokens(an, sc, text + cut, len - cut, flags, &c2, on_token, &b);
    eq = a.n > 0 && sig_same(&a, &b) && c1.position == c2.position &&
         c1.token == c2.token && c1.offset == c2.offset;
    *tokens = b.calls;
    *terms = 0;
    for (cut = 0; cut < a.n; cut++)
        *terms += a.p[cut] == '\n';
    free(a.p);
    free(b.p);
    toponorm_scratch_free(sc);
    return eq;
}

int main(void)
{
    static const char para[] =
        "Вчора в Кривому Розі й у Донецьку. Kryvyi Rih and Nova Kakhovka:\n"
        "Івано-Франківськ, Ivano-Frankivsk; Yoshkar-Ola! «Харків» — Kharkiv, Донецк "
        "(Donets'k)… Слов’янськ Sloviansk Ščastja Щастя ЩАСТЯ 2024 e-mail в Донецке.\n";
    static const struct {
        const char *what;
        uint32_t slots;
        unsigned kinds;
        unsigned flags;
    } cases[] = {
        {"cached terms", 65536, 0, TOPONORM_FOR_INDEX},
        {"no cache: computed terms", 0, 0, TOPONORM_FOR_INDEX},
        {"without keys (filtered)", 65536,
         1u << TOPONORM_TERM_SURFACE | 1u << TOPONORM_TERM_STEM | 1u << TOPONORM_TERM_PLACE,
         TOPONORM_FOR_INDEX},
        {"without keys, no cache", 0,
         1u << TOPONORM_TERM_SURFACE | 1u << TOPONORM_TERM_STEM | 1u << TOPONORM_TERM_PLACE,
         TOPONORM_FOR_INDEX},
        {"a query", 65536, 0, TOPONORM_FOR_QUERY},
        {"names only keyed", 65536, 0, TOPONORM_KEYS_FOR_NAMES},
    };
    toponorm_lexicon *lx = NULL;
    toponorm_error err;
    unsigned char packed[600], *q;
    char *text;
    size_t len = 0, i;
    int stops = 0, kind, eq;
    const char *t;
    size_t n;

    if (toponorm_lexicon_open(NULL, &lx, &err)) {
        printf("Bail out! %s: %s\n", err.where, err.msg);
        return 1;
    }
    text = malloc(50 * (sizeof para + 40));
    for (i = 0; i < 50; i++)
        len += (size_t)sprintf(text + len, "%s Донецьк%zu Kyiv%zu.\n", para, i % 7, i % 3);

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        toponorm_options o;
        toponorm_analyzer *an = NULL;
        size_t tokens = 0, terms = 0;
        toponorm_options_init(&o);
        o.cache_slots = cases[i].slots;
        o.kinds = cases[i].kinds;
        if (toponorm_analyzer_new(lx, &o, &an, &err) != TOPONORM_OK) {
            printf("Bail out! %s: %s\n", err.where, err.msg);
            return 1;
        }
        eq = same_both_ways(an, text, len, cases[i].flags, &tokens, &terms);
        ok(eq, "%s: the same %zu terms in %zu token calls", cases[i].what, terms, tokens);
        ok(tokens > 0 && tokens < terms, "... fewer calls than terms");
        if (i == 0) {
            toponorm_scratch *sc = NULL;
            toponorm_cursor c = {0, 0, 0};
            toponorm_scratch_new(an, &sc, NULL);
            is_int(toponorm_analyze_tokens(an, sc, text, len, 0, &c, stop_at_3, &stops), 7,
                   "the callback's non-zero value stops analysis and is returned");
            is_int(stops, 3, "... with no call after it");
            is_int(toponorm_analyze_tokens(an, sc, text, len, 0, &c, NULL, NULL), TOPONORM_EINVAL,
                   "no callback: EINVAL");
            is_int(toponorm_analyze_tokens(an, sc, text, len, 0, NULL, stop_at_3, &stops),
                   TOPONORM_EINVAL, "no cursor: EINVAL");
            toponorm_scratch_free(sc);
        }
        toponorm_analyzer_free(an);
    }

    /* The packed layout: kind, length (255: two more bytes), bytes, NUL. */
    q = packed;
    *q++ = TOPONORM_TERM_KEY;
    *q++ = 3;
    memcpy(q, "abc", 4);
    q += 4;
    *q++ = TOPONORM_TERM_SURFACE;
    *q++ = 255;
    *q++ = 300 & 0xFF;
    *q++ = 300 >> 8;
    memset(q, 'x', 300);
    q[300] = '\0';
    q = (unsigned char *)toponorm_token_term(packed, &kind, &t, &n);
    ok(kind == TOPONORM_TERM_KEY && n == 3 && !strcmp(t, "abc") && q == packed + 6,
       "toponorm_token_term: a short term");
    q = (unsigned char *)toponorm_token_term(q, &kind, &t, &n);
    ok(kind == TOPONORM_TERM_SURFACE && n == 300 && t[0] == 'x' && t[299] == 'x' && t[300] == '\0' &&
           q == packed + 6 + 4 + 301,
       "toponorm_token_term: a term of 300 bytes (length 255, then two bytes)");

    free(text);
    toponorm_lexicon_close(lx);
    return exit_status();
}
