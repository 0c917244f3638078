/*
** test_keypairs.c: the match key against the standards.
**
**   test_keypairs MEET.tsv DISTINCT.tsv
**
** MEET rows are (spelling, spelling, source) that must share a key: a
** Cyrillic name and its romanisation under one standard, from
** ../shared/reference/transliteration.md.  DISTINCT rows are different
** names that must not.  Every row is a TAP case, except the "icu-ascii"
** source (ICU's Any-Latin;Latin-ASCII drops what tells щ from с, я from а),
** which is measured and reported but not asserted.  The summary gives
** recall per source, and precision on the distinct pairs.
*/
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "toponorm/toponorm.h"

#define MAX_KEYS 16

typedef struct keyset {
    char keys[MAX_KEYS][128];
    int n;
    int tokens;     /* tokens of the spelling that are not compound joins */
} keyset;

static int collect(void *ctx, const toponorm_term *t)
{
    keyset *ks = ctx;
    if (t->kind == TOPONORM_TERM_SURFACE && !(t->flags & TOPONORM_TERM_COMPOUND))
        ks->tokens++;
    if (t->kind == TOPONORM_TERM_KEY && ks->n < MAX_KEYS && t->len < 128 &&
        !(t->flags & TOPONORM_TERM_COMPOUND))
        memcpy(ks->keys[ks->n++], t->text, t->len + 1);
    return 0;
}

static const toponorm_analyzer *an;
static toponorm_scratch *sc;

static void keys_of(const char *s, keyset *ks)
{
    memset(ks, 0, sizeof *ks);
    toponorm_analyze(an, sc, s, strlen(s), TOPONORM_FOR_INDEX, collect, ks);
}

static int share(const keyset *a, const keyset *b)
{
    int i, j;
    for (i = 0; i < a->n; i++)
        for (j = 0; j < b->n; j++)
            if (strcmp(a->keys[i], b->keys[j]) == 0)
                return 1;
    return 0;
}

static void show(const char *label, const keyset *ks)
{
    char line[2048];
    size_t n = 0;
    int i;
    line[0] = '\0';
    for (i = 0; i < ks->n && n < sizeof line - 140; i++)
        n += (size_t)snprintf(line + n, sizeof line - n, " %s", ks->keys[i]);
    diag("  %s keys:%s", label, line);
}

typedef struct tally {
    char source[64];
    int total, hit;
} tally;

static tally tallies[128];
static int n_tallies;

static tally *tally_for(const char *source)
{
    int i;
    for (i = 0; i < n_tallies; i++)
        if (strcmp(tallies[i].source, source) == 0)
            return &tallies[i];
    if (n_tallies == 128)
        return &tallies[127];
    snprintf(tallies[n_tallies].source, sizeof tallies[0].source, "%s", source);
    return &tallies[n_tallies++];
}

/* Split a TSV line in place into up to 3 fields; returns the field count. */
static int split(char *line, char **f)
{
    int n = 0;
    char *p = line, *tab;
    line[strcspn(line, "\r\n")] = '\0';
    while (n < 3) {
        f[n++] = p;
        tab = strchr(p, '\t');
        if (!tab)
            break;
        *tab = '\0';
        p = tab + 1;
    }
    return n;
}

static void run_file(const char *path, int must_meet, int *total, int *good)
{
    FILE *fp = fopen(path, "r");
    char *line = NULL, *f[3];
    size_t cap = 0;
    int lineno = 0;
    if (!ok(fp != NULL, "open %s", path))
        return;
    while (getline(&line, &cap, fp) > 0) {
        keyset a, b;
        int same, asserted;
        lineno++;
        if (line[0] == '#' || line[0] == '\n' || split(line, f) < 3)
            continue;
        keys_of(f[0], &a);
        keys_of(f[1], &b);
        same = share(&a, &b);
        asserted = strstr(f[2], "icu-ascii") == NULL;
        if (must_meet) {
            tally *t = tally_for(f[2]);
            t->total++;
            t->hit += same;
        }
        (*total)++;
        *good += must_meet ? same : !same;
        if (!asserted)
            continue;
        if (!ok(must_meet ? same : !same, "%s:%d: %s %s %s (%s)", path, lineno, f[0],
                must_meet ? "meets" : "differs from", f[1], f[2])) {
            show(f[0], &a);
            show(f[1], &b);
        }
    }
    free(line);
    fclose(fp);
}

int main(int argc, char **argv)
{
    toponorm_lexicon *lx = NULL;
    toponorm_analyzer *a = NULL;
    toponorm_error err;
    int meet_total = 0, meet_good = 0, dist_total = 0, dist_good = 0, i;

    if (argc != 3) {
        fprintf(stderr, "usage: test_keypairs MEET.tsv DISTINCT.tsv\n");
        return 2;
    }
    if (toponorm_lexicon_open(NULL, &lx, &err) || toponorm_analyzer_new(lx, NULL, &a, &err) ||
        toponorm_scratch_new(a, &sc, &err)) {
        printf("Bail out! %s: %s\n", err.where, err.msg);
        return 1;
    }
    an = a;
    run_file(argv[1], 1, &meet_total, &meet_good);
    run_file(argv[2], 0, &dist_total, &dist_good);

    diag("recall per source (pairs that share a key):");
    for (i = 0; i < n_tallies; i++)
        diag("  %-24s %4d/%-4d %5.1f%%", tallies[i].source, tallies[i].hit, tallies[i].total,
             100.0 * tallies[i].hit / tallies[i].total);
    diag("recall:    %d/%d = %.1f%% of must-meet pairs (icu-ascii included)", meet_good, meet_total,
         meet_total ? 100.0 * meet_good / meet_total : 0);
    diag("precision: %d/%d = %.1f%% of distinct-name pairs keep distinct keys", dist_good,
         dist_total, dist_total ? 100.0 * dist_good / dist_total : 0);
    toponorm_scratch_free(sc);
    toponorm_analyzer_free(a);
    toponorm_lexicon_close(lx);
    return exit_status();
}
