/*
** xsearch.c: search latency in-process, for `make bench-xapian`.
**
**   xsearch DB [LIMIT [REPS]] < queries      one query per line
**
** Does per query what `toponorm search` does, with the CLI's own code
** (cli/query.c, cli/docdata.c, cli/snippet.c): build the query with the
** analyzer (cquery_build), run it (tnx_search, LIMIT hits, default 10), and
** for each hit parse the stored JSON and build its snippet and matched
** spellings; only the output is left out.  Every query runs once untimed
** first (warm caches), then REPS times (default 5; passes over all the
** queries) without snippets, each query's median of those taken, then once
** with snippets.  Prints, over the queries, in microseconds:
**   analysis  N MEDIAN P99         cquery_build without the database: the
**                                  query's analysis and Xapian query objects
**   analysis+vocabulary N MEDIAN P99  cquery_build as search runs it, with the
**                                  vocabulary reads of its keys (cli/vocab.c)
**   search    N MEDIAN P99         the query built and run, the hits' data
**                                  (their ids are in it, as search reads them)
**   search+snippets N MEDIAN P99   and the snippets built, as the CLI does
** and "hits TOTAL".  With XSEARCH_PER_QUERY=FILE, each query's search and
** analysis+vocabulary times go to FILE, one line per query.
*/
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "query.h"
#include "xdb.h"

typedef struct run {
    const cli_analyzer *ca;
    const cquery *cq;
    unsigned long hits;
    int rc, snippets;
} run;

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int on_hit(void *ctx, const tnx_hit *h)
{
    run *r = ctx;
    doc_fields df;
    hit_text ht;
    r->hits++;
    if (!r->snippets)
        return 0;
    doc_fields_parse(&df, h->data, h->data_len);
    if (hit_text_build(&ht, r->ca, r->cq, df.title, df.title_len, df.text ? df.text : "",
                       df.text_len, 0, h->matched, h->n_matched) != EXIT_OK)
        r->rc = 1;
    else
        hit_text_free(&ht);
    doc_fields_free(&df);
    return 0;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void report(const char *what, double *v, size_t n)
{
    qsort(v, n, sizeof *v, cmp_d);
    printf("%s %zu %.1f %.1f\n", what, n, n ? v[n / 2] : 0, n ? v[(n * 99) / 100] : 0);
}

int main(int argc, char **argv)
{
    cli_analyzer ca;
    toponorm_error err;
    tnx_db *db;
    char *line = NULL, msg[300];
    size_t cap = 0, n = 0, ncap = 0;
    ssize_t len;
    char **qs = NULL;
    double *ta, *ts, *tf, *tv;
    unsigned limit = argc > 2 ? (unsigned)atoi(argv[2]) : 10;
    unsigned reps = argc > 3 ? (unsigned)atoi(argv[3]) : 5;
    char *ok;
    run r = {&ca, NULL, 0, 0, 0};

    if (argc < 2) {
        fputs("usage: xsearch DB [LIMIT [REPS]] < queries\n", stderr);
        return 1;
    }
    memset(&ca, 0, sizeof ca);
    if (toponorm_lexicon_open(NULL, &ca.lx, &err) != TOPONORM_OK ||
        toponorm_analyzer_new(ca.lx, NULL, &ca.an, &err) != TOPONORM_OK ||
        toponorm_scratch_new(ca.an, &ca.sc, &err) != TOPONORM_OK) {
        fprintf(stderr, "xsearch: %s: %s\n", err.where, err.msg);
        return 1;
    }
    if (tnx_open(argv[1], TNX_READ, &db) == TNX_OK) {
        tnx_set_matched(db, 0);        /* as toponorm search does */
        tnx_set_hit_ids(db, 0);
    }
    else {
        fprintf(stderr, "xsearch: %s: %s\n", argv[1], tnx_last_error());
        return 1;
    }
    while ((len = getline(&line, &cap, stdin)) > 0) {
        if (line[len - 1] == '\n')
            line[--len] = '\0';
        if (len == 0)
            continue;
        if (n == ncap && !(qs = realloc(qs, (ncap = ncap ? 2 * ncap : 1024) * sizeof *qs)))
            return 1;
        qs[n++] = strdup(line);
    }
    free(line);
    if (reps < 1 || reps > 9)
        reps = 5;
    ta = calloc(n * reps + 1, sizeof *ta);
    ts = calloc(n * reps + 1, sizeof *ts);
    tv = calloc(n * reps + 1, sizeof *tv);
    tf = calloc(n + 1, sizeof *tf);
    ok = calloc(n + 1, 1);
    if (!ta || !ts || !tf || !tv || !ok)
        return 1;
    size_t done = 0;
    FILE *perq = getenv("XSEARCH_PER_QUERY") ? fopen(getenv("XSEARCH_PER_QUERY"), "w") : NULL;
    /* Pass 0 warms up; passes 1..reps time each query without snippets (a
    ** query's figure is the median of its reps: on a shared machine one
    ** run of a query may lose the CPU); the last pass times it with them. */
    for (unsigned pass = 0; pass <= reps + 1; pass++) {
        int timed = pass >= 1 && pass <= reps;
        r.hits = 0;
        r.snippets = !timed;
        for (size_t i = 0; i < n; i++) {
            cquery cq;
            double t0 = now_us(), t1, tq = 0;
            if (timed) {
                if (cquery_build(&cq, &ca, NULL, qs[i], strlen(qs[i]), 0, NULL, msg, sizeof msg) !=
                    EXIT_OK)
                    continue;                  /* e.g. no searchable word: not a query */
                cquery_free(&cq);
                tq = now_us() - t0;
                t0 = now_us();
            }
            if (cquery_build(&cq, &ca, db, qs[i], strlen(qs[i]), 0, NULL, msg, sizeof msg) != EXIT_OK)
                continue;
            t1 = now_us();
            r.cq = &cq;
            if (tnx_search(db, cq.q, 0, limit, on_hit, &r, NULL) < 0 || r.rc) {
                fprintf(stderr, "xsearch: %s\n", tnx_db_error(db));
                return 1;
            }
            cquery_free(&cq);
            ok[i] = 1;
            if (timed) {
                size_t k = i * reps + (pass - 1);
                ta[k] = tq, tv[k] = t1 - t0, ts[k] = now_us() - t0;
            } else if (pass == reps + 1) {
                tf[i] = now_us() - t0;
            }
        }
    }
    /* Each query's median over its reps, in place at the front. */
    for (size_t i = 0; i < n; i++) {
        if (!ok[i])
            continue;
        qsort(ta + i * reps, reps, sizeof *ta, cmp_d);
        qsort(tv + i * reps, reps, sizeof *tv, cmp_d);
        qsort(ts + i * reps, reps, sizeof *ts, cmp_d);
        ta[done] = ta[i * reps + reps / 2];
        tv[done] = tv[i * reps + reps / 2];
        ts[done] = ts[i * reps + reps / 2];
        tf[done] = tf[i];
        if (perq)
            fprintf(perq, "%.0f %.0f %s\n", ts[done], tv[done], qs[i]);
        done++;
    }
    report("analysis", ta, done);
    report("analysis+vocabulary", tv, done);
    report("search", ts, done);
    report("search+snippets", tf, done);
    printf("hits %lu\n", r.hits);
    if (perq)
        fclose(perq);
    for (size_t i = 0; i < n; i++)
        free(qs[i]);
    free(qs);
    free(ta);
    free(tv);
    free(ts);
    free(tf);
    free(ok);
    tnx_close(db);
    toponorm_scratch_free(ca.sc);
    toponorm_analyzer_free(ca.an);
    toponorm_lexicon_close(ca.lx);
    return 0;
}
