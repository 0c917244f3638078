/*
** places_bench.c: what the gazetteer costs, measured in one run.
**
**   places_bench [--reps N] CORPUS
**
** Prints the lexicon's size and its open time (map + validate, median of
** 21 opens), then analyzer throughput over CORPUS with place terms on and
** off (kinds without TOPONORM_TERM_PLACE skip every gazetteer lookup),
** alternating, median of N runs each, the ratio on/off, and how many
** tokens per 10,000 got a place id.
*/
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "toponorm/toponorm.h"

typedef struct counts {
    long tokens, places;
    uint32_t last_token;
    int place_seen;
} counts;

static int on_term(void *ctx, const toponorm_term *t)
{
    counts *c = ctx;
    if (t->kind == TOPONORM_TERM_SURFACE && !(t->flags & TOPONORM_TERM_COMPOUND)) {
        c->tokens++;
        c->place_seen = 0;
    } else if (t->kind == TOPONORM_TERM_PLACE && !c->place_seen) {
        c->places++;
        c->place_seen = 1;
    }
    return 0;
}

static double clock_s(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double now(void)
{
    return clock_s(CLOCK_MONOTONIC);
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_d);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Seconds for one analysis of buf[0..n) with these kinds (0: all). */
static double run(toponorm_lexicon *lx, unsigned kinds, const char *buf, size_t n, counts *c)
{
    toponorm_options o;
    toponorm_analyzer *an = NULL;
    toponorm_scratch *sc = NULL;
    double t0, t1;
    toponorm_options_init(&o);
    o.kinds = kinds;
    if (toponorm_analyzer_new(lx, &o, &an, NULL) || toponorm_scratch_new(an, &sc, NULL)) {
        fprintf(stderr, "places_bench: cannot make an analyzer\n");
        exit(1);
    }
    memset(c, 0, sizeof *c);
    t0 = now();
    toponorm_analyze(an, sc, buf, n, TOPONORM_FOR_INDEX, on_term, c);
    t1 = now();
    toponorm_scratch_free(sc);
    toponorm_analyzer_free(an);
    return t1 - t0;
}

int main(int argc, char **argv)
{
    const char *corpus = NULL, *path = toponorm_default_lexicon_path();
    int reps = 5, i;
    double opens[21], cpu[21], on[64], off[64], m_on, m_off;
    unsigned no_places = (1u << TOPONORM_TERM_SURFACE) | (1u << TOPONORM_TERM_KEY) |
                         (1u << TOPONORM_TERM_STEM);
    toponorm_lexicon *lx;
    toponorm_error err;
    struct stat st;
    counts c_on, c_off;
    FILE *f;
    char *buf;
    long n;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--reps") == 0 && i + 1 < argc)
            reps = atoi(argv[++i]);
        else
            corpus = argv[i];
    }
    if (!corpus || reps < 1 || reps > 64 || !(f = fopen(corpus, "rb"))) {
        fprintf(stderr, "usage: places_bench [--reps N] CORPUS\n");
        return 2;
    }
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    rewind(f);
    buf = malloc((size_t)n + 1);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n)
        return 1;
    fclose(f);
    if (stat(path, &st) != 0) {
        fprintf(stderr, "places_bench: %s: cannot stat\n", path);
        return 1;
    }
    for (i = 0; i < 21; i++) {
        double t0 = now(), c0 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
        if (toponorm_lexicon_open(path, &lx, &err)) {
            fprintf(stderr, "places_bench: %s: %s\n", err.where, err.msg);
            return 1;
        }
        opens[i] = now() - t0;
        cpu[i] = clock_s(CLOCK_PROCESS_CPUTIME_ID) - c0;
        if (i < 20)
            toponorm_lexicon_close(lx);
    }
    printf("lexicon %s: %lld bytes, %d places; open (map + validate) median %.2f ms wall, "
           "%.2f ms CPU\n", path, (long long)st.st_size, toponorm_place_count(lx),
           median(opens, 21) * 1e3, median(cpu, 21) * 1e3);
    for (i = 0; i < reps; i++) {
        on[i] = run(lx, 0, buf, (size_t)n, &c_on);
        off[i] = run(lx, no_places, buf, (size_t)n, &c_off);
    }
    m_on = median(on, reps);
    m_off = median(off, reps);
    printf("analyze %ld bytes, median of %d: places on %.2f MB/s, off %.2f MB/s, ratio %.3f\n", n,
           reps, (double)n / m_on / 1e6, (double)n / m_off / 1e6, m_off / m_on);
    printf("tokens %ld, with a place id %ld: %.2f per 10,000\n", c_on.tokens, c_on.places,
           c_on.tokens ? 1e4 * (double)c_on.places / (double)c_on.tokens : 0.0);
    toponorm_lexicon_close(lx);
    free(buf);
    return 0;
}
