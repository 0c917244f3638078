/*
** test_translit_keys.c: the match key meets every transliteration table.
**
**   test_translit_keys GOLDEN_DIR EXCEPTIONS.tsv
**
** For every table T and every Cyrillic name w in the golden files of T's
** language (the golden files of tables with the same lang=), the keys of
** T(w) and of w must share one, word by word.  One TAP case per table: it
** passes when every name meets, except pairs listed in EXCEPTIONS.tsv
** (TABLE<TAB>NAME<TAB>REASON), each of which must still fail (a fixed
** exception is reported so the list stays honest).  The share per table is
** printed either way.
*/
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "toponorm/toponorm.h"

#define MAX_KEYS 64

typedef struct keyset {
    char keys[MAX_KEYS][96];
    uint32_t pos[MAX_KEYS];
    int n;
} keyset;

static int collect(void *ctx, const toponorm_term *t)
{
    keyset *ks = ctx;
    if (t->kind == TOPONORM_TERM_KEY && !(t->flags & TOPONORM_TERM_COMPOUND) &&
        ks->n < MAX_KEYS && t->len < 96) {
        memcpy(ks->keys[ks->n], t->text, t->len + 1);
        ks->pos[ks->n++] = t->position;
    }
    return 0;
}

static const toponorm_analyzer *an;
static toponorm_scratch *sc;

/* Every word position that has keys in a must share a key with b at that position. */
static int meets(const char *a, const char *b)
{
    keyset ka, kb;
    int i, j;
    uint32_t p;
    memset(&ka, 0, sizeof ka);
    memset(&kb, 0, sizeof kb);
    toponorm_analyze(an, sc, a, strlen(a), 0, collect, &ka);
    toponorm_analyze(an, sc, b, strlen(b), 0, collect, &kb);
    for (i = 0; i < ka.n; i++) {
        int found = 0;
        p = ka.pos[i];
        if (i > 0 && ka.pos[i - 1] == p)
            continue;                          /* checked this position already */
        for (j = 0; j < ka.n && !found; j++) {
            int k;
            if (ka.pos[j] != p)
                continue;
            for (k = 0; k < kb.n && !found; k++)
                found = kb.pos[k] == p && strcmp(ka.keys[j], kb.keys[k]) == 0;
        }
        if (!found)
            return 0;
    }
    return 1;
}

typedef struct exc {
    char table[64], name[256];
    int used;
} exc;

static exc excs[1024];
static int n_excs;

static void read_exceptions(const char *path)
{
    FILE *f = fopen(path, "r");
    char line[1024];
    if (!f)
        return;
    while (fgets(line, sizeof line, f) && n_excs < 1024) {
        char *t1, *t2;
        if (line[0] == '#' || !(t1 = strchr(line, '\t')) || !(t2 = strchr(t1 + 1, '\t')))
            continue;
        *t1 = *t2 = '\0';
        snprintf(excs[n_excs].table, sizeof excs[0].table, "%.63s", line);
        snprintf(excs[n_excs].name, sizeof excs[0].name, "%.255s", t1 + 1);
        n_excs++;
    }
    fclose(f);
}

static exc *exception_for(const char *table, const char *name)
{
    int i;
    for (i = 0; i < n_excs; i++)
        if (strcmp(excs[i].table, table) == 0 && strcmp(excs[i].name, name) == 0)
            return &excs[i];
    return NULL;
}

/* The Cyrillic names of one golden file, appended to *names. */
static void read_names(const char *path, char ***names, size_t *n)
{
    FILE *f = fopen(path, "r");
    char line[1024];
    size_t k;
    if (!f)
        return;
    while (fgets(line, sizeof line, f)) {
        char *tab = strchr(line, '\t');
        if (line[0] == '#' || !tab)
            continue;
        *tab = '\0';
        for (k = 0; k < *n && strcmp((*names)[k], line) != 0; k++)
            ;
        if (k < *n)
            continue;
        *names = realloc(*names, (*n + 1) * sizeof **names);
        (*names)[(*n)++] = strdup(line);
    }
    fclose(f);
}

int main(int argc, char **argv)
{
    toponorm_lexicon *lx = NULL;
    toponorm_analyzer *a = NULL;
    toponorm_error err;
    int t, u, nt, i;
    char path[4096], lang[16], lang2[16];

    if (argc != 3) {
        fprintf(stderr, "usage: test_translit_keys GOLDEN_DIR EXCEPTIONS.tsv\n");
        return 2;
    }
    if (toponorm_lexicon_open(NULL, &lx, &err) || toponorm_analyzer_new(lx, NULL, &a, &err) ||
        toponorm_scratch_new(a, &sc, &err)) {
        printf("Bail out! %s: %s\n", err.where, err.msg);
        return 1;
    }
    an = a;
    read_exceptions(argv[2]);
    nt = toponorm_translit_count(lx);
    for (t = 0; t < nt; t++) {
        const char *name = toponorm_translit_name(lx, t);
        char **names = NULL;
        size_t n = 0, k, met = 0, bad = 0, excused = 0;
        if (toponorm_translit_attr(lx, t, "lang", lang, sizeof lang) < 0)
            continue;
        for (u = 0; u < nt; u++) {
            if (toponorm_translit_attr(lx, u, "lang", lang2, sizeof lang2) < 0 ||
                strcmp(lang, lang2) != 0)
                continue;
            snprintf(path, sizeof path, "%s/%s.tsv", argv[1], toponorm_translit_name(lx, u));
            read_names(path, &names, &n);
        }
        for (k = 0; k < n; k++) {
            char *out;
            size_t olen;
            int good;
            exc *e;
            if (toponorm_translit(lx, t, names[k], strlen(names[k]), &out, &olen))
                continue;
            good = meets(names[k], out);
            e = exception_for(name, names[k]);
            met += good;
            if (e) {
                e->used = 1;
                if (good)
                    diag("%s: %s -> %s now meets: remove it from the exceptions", name,
                         names[k], out), bad++;
                else
                    excused++;
            } else if (!good) {
                if (bad++ < 8)
                    diag("%s: %s -> %s: no shared key", name, names[k], out);
            }
            toponorm_free(out);
        }
        ok(bad == 0, "%s: key(T(w)) = key(w) for %zu/%zu %s names (%.1f%%; %zu listed exceptions)",
           name, met, n, lang, n ? 100.0 * met / n : 100.0, excused);
        for (k = 0; k < n; k++)
            free(names[k]);
        free(names);
    }
    for (i = 0; i < n_excs; i++)
        if (!excs[i].used)
            diag("exception %s / %s matches no golden name", excs[i].table, excs[i].name);
    toponorm_scratch_free(sc);
    toponorm_analyzer_free(a);
    toponorm_lexicon_close(lx);
    return exit_status();
}
