/*
** inproc.c: the library's own analysis speed, the way an engine adapter
** uses it: one toponorm_analyze call over the whole file, terms to a
** callback that only counts them.  No output formatting, unlike the CLI.
**
**   inproc FILE                     prints "lib BYTES SECONDS TERMS"
**   inproc --translit SCHEME FILE   toponorm_translit over the whole file, as
**                                   bench/icu_baseline times ICU's:
**                                   prints "translit BYTES SECONDS OUTBYTES"
*/
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "toponorm/toponorm.h"

static int count(void *ctx, const toponorm_term *t)
{
    (*(long *)ctx) += t->len > 0;
    return 0;
}

/* One toponorm_translit call over buf (the table's first use included). */
static int translit(const char *scheme, const char *buf, long n)
{
    toponorm_lexicon *lx;
    toponorm_error err;
    struct timespec t0, t1;
    char *out;
    size_t out_len;
    int t;

    if (toponorm_lexicon_open(NULL, &lx, &err)) {
        fprintf(stderr, "inproc: %s: %s\n", err.where, err.msg);
        return 1;
    }
    if ((t = toponorm_translit_find(lx, scheme)) < 0) {
        fprintf(stderr, "inproc: no scheme %s\n", scheme);
        return 1;
    }
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (toponorm_translit(lx, t, buf, (size_t)n, &out, &out_len) != 0)
        return 1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    printf("translit %ld %.6f %zu\n", n,
           (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9, out_len);
    toponorm_free(out);
    toponorm_lexicon_close(lx);
    return 0;
}

int main(int argc, char **argv)
{
    toponorm_lexicon *lx;
    toponorm_analyzer *an;
    toponorm_scratch *sc;
    toponorm_error err;
    struct timespec t0, t1;
    FILE *f;
    char *buf;
    long n, terms = 0;

    const char *scheme = NULL;

    if (argc == 4 && strcmp(argv[1], "--translit") == 0) {
        scheme = argv[2];
        argv += 2;
        argc -= 2;
    }
    if (argc != 2 || !(f = fopen(argv[1], "rb"))) {
        fprintf(stderr, "usage: inproc [--translit SCHEME] FILE\n");
        return 1;
    }
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    rewind(f);
    buf = malloc((size_t)n + 1);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n)
        return 1;
    fclose(f);
    if (scheme) {
        int rc = translit(scheme, buf, n);
        free(buf);
        return rc;
    }
    if (toponorm_lexicon_open(NULL, &lx, &err) || toponorm_analyzer_new(lx, NULL, &an, &err) ||
        toponorm_scratch_new(an, &sc, &err)) {
        fprintf(stderr, "inproc: %s: %s\n", err.where, err.msg);
        return 1;
    }
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (toponorm_analyze(an, sc, buf, (size_t)n, TOPONORM_FOR_INDEX, count, &terms) != 0)
        return 1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    printf("lib %ld %.6f %ld\n", n,
           (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9, terms);
    toponorm_scratch_free(sc);
    toponorm_analyzer_free(an);
    toponorm_lexicon_close(lx);
    free(buf);
    return 0;
}
