/*
** fts5_bench.c: FTS5 with tokenize='toponorm' against the built-in
** 'unicode61 remove_diacritics 2' on the same corpus, in the same run.
**
**   fts5_bench MODULE CORPUS OUTDIR [REPS [LINES_PER_ROW]]
**
** Per run and tokenizer: a fresh database file (journal and sync off, so
** the figure is tokenizing and indexing, not the disk), every non-empty
** corpus line group inserted in one transaction (insert MB/s of corpus
** text), the FTS5 index size (the %_data shadow table) and the whole file,
** then 1000 MATCH queries of place-name spellings (median and p99 latency).
** Times are CPU seconds of the process.  Runs alternate between the tokenizers so machine noise hits both; the
** table reports medians over REPS runs and the toponorm/unicode61 ratios.
*/
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

/* CPU time of this (single-threaded) process: on a loaded machine, wall
** time mostly measures the other processes. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void die(sqlite3 *db, const char *what)
{
    fprintf(stderr, "fts5_bench: %s: %s\n", what, db ? sqlite3_errmsg(db) : "?");
    exit(1);
}

static void exec(sqlite3 *db, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
        fprintf(stderr, "fts5_bench: %s: %s\n", sql, err ? err : "?");
        exit(1);
    }
}

static sqlite3_int64 one_int(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st;
    sqlite3_int64 v = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        die(db, sql);
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* Spellings people write for some places (uk, ru, en and other practice). */
static const char *const spellings[] = {
    "Донецьк", "Донецк", "Donetsk", "Donets'k", "Doneck", "Donezk", "Donieck",
    "Харків", "Харьков", "Kharkiv", "Kharkov", "Charkiw", "Київ", "Киев", "Kyiv",
    "Kiev", "Kijów", "Одеса", "Одесса", "Odesa", "Odessa", "Львів", "Львов", "Lviv",
    "Lvov", "Lwów", "Запоріжжя", "Запорожье", "Zaporizhzhia", "Zaporozhye",
    "Миколаїв", "Николаев", "Mykolaiv", "Nikolayev", "Слов'янськ", "Славянск",
    "Sloviansk", "Slovyansk", "Маріуполь", "Мариуполь", "Mariupol", "Бахмут",
    "Bakhmut", "Артемовск", "Дніпро", "Днепр", "Dnipro", "Dnepropetrovsk",
    "Луганськ", "Луганск", "Luhansk", "Lugansk", "Херсон", "Kherson", "Москва",
    "Moscow", "Linux", "система", "система файлов", "файл"};
#define N_SPELL (int)(sizeof spellings / sizeof spellings[0])
#define N_QUERIES 1000

typedef struct result {
    double mbps, index_mb, file_mb, q_median_ms, q_p99_ms;
    long long hits;
} result;

static const char *tokenizers[2] = {"unicode61 remove_diacritics 2", "toponorm"};

static result run(const char *module, const char *corpus, size_t clen, const char *path,
                  int tok, int per_row)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    char sql[256], *err = NULL;
    const char *p = corpus, *end = corpus + clen;
    size_t bytes = 0;
    double t0, lat[N_QUERIES];
    result r;
    int i;

    remove(path);
    if (sqlite3_open(path, &db) != SQLITE_OK)
        die(db, path);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 1, NULL);
    if (sqlite3_load_extension(db, module, NULL, &err) != SQLITE_OK) {
        fprintf(stderr, "fts5_bench: load %s: %s\n", module, err ? err : "?");
        exit(1);
    }
    exec(db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF");
    snprintf(sql, sizeof sql, "CREATE VIRTUAL TABLE docs USING fts5(body, tokenize='%s')",
             tokenizers[tok]);
    exec(db, sql);
    if (sqlite3_prepare_v2(db, "INSERT INTO docs(body) VALUES (?1)", -1, &st, NULL))
        die(db, "prepare insert");
    t0 = now();
    exec(db, "BEGIN");
    while (p < end) {
        const char *q = p;
        int k;
        for (k = 0; k < per_row && q < end; k++) {
            const char *nl = memchr(q, '\n', (size_t)(end - q));
            q = nl ? nl + 1 : end;
        }
        if (q - p > 1) {
            sqlite3_bind_text(st, 1, p, (int)(q - p), SQLITE_STATIC);
            if (sqlite3_step(st) != SQLITE_DONE)
                die(db, "insert");
            sqlite3_reset(st);
            bytes += (size_t)(q - p);
        }
        p = q;
    }
    exec(db, "COMMIT");
    r.mbps = (double)bytes / 1e6 / (now() - t0);
    sqlite3_finalize(st);
    r.index_mb = (double)one_int(db, "SELECT sum(length(block)) FROM docs_data") / 1e6;
    r.file_mb = (double)(one_int(db, "PRAGMA page_count") * one_int(db, "PRAGMA page_size")) /
                1e6;

    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM docs WHERE docs MATCH ?1", -1, &st, NULL))
        die(db, "prepare query");
    r.hits = 0;
    for (i = 0; i < N_QUERIES; i++) {
        char q[128];
        double t;
        /* A quoted phrase: apostrophes and spaces are fine in every tokenizer. */
        snprintf(q, sizeof q, "\"%s\"", spellings[i % N_SPELL]);
        t = now();
        sqlite3_bind_text(st, 1, q, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(st) != SQLITE_ROW)
            die(db, q);
        r.hits += sqlite3_column_int64(st, 0);
        sqlite3_reset(st);
        lat[i] = (now() - t) * 1e3;
    }
    sqlite3_finalize(st);
    qsort(lat, N_QUERIES, sizeof *lat, cmp_double);
    r.q_median_ms = (lat[N_QUERIES / 2 - 1] + lat[N_QUERIES / 2]) / 2;
    r.q_p99_ms = lat[N_QUERIES * 99 / 100 - 1];
    sqlite3_close(db);
    remove(path);
    return r;
}

int main(int argc, char **argv)
{
    FILE *f;
    char *corpus, path[1024];
    long clen;
    int reps, per_row, i, t;
    result *res[2];

    if (argc < 4) {
        fprintf(stderr, "usage: fts5_bench MODULE CORPUS OUTDIR [REPS [LINES_PER_ROW]]\n");
        return 2;
    }
    reps = argc > 4 ? atoi(argv[4]) : 3;
    if (getenv("FTS5_BENCH_TOKENIZE"))   /* e.g. "toponorm stem off" */
        tokenizers[1] = getenv("FTS5_BENCH_TOKENIZE");
    per_row = argc > 5 ? atoi(argv[5]) : 1;
    if (reps < 1 || per_row < 1)
        return 2;
    if (!(f = fopen(argv[2], "rb")) || fseek(f, 0, SEEK_END) || (clen = ftell(f)) < 0 ||
        fseek(f, 0, SEEK_SET)) {
        perror(argv[2]);
        return 1;
    }
    corpus = malloc((size_t)clen + 1);
    if (!corpus || fread(corpus, 1, (size_t)clen, f) != (size_t)clen) {
        perror(argv[2]);
        return 1;
    }
    fclose(f);
    snprintf(path, sizeof path, "%s/fts5-bench.db", argv[3]);
    for (t = 0; t < 2; t++)
        res[t] = calloc((size_t)reps, sizeof **res);
    for (i = 0; i < reps; i++)
        for (t = 0; t < 2; t++) {
            int tk = (i % 2) ? 1 - t : t;       /* alternate which goes first */
            res[tk][i] = run(argv[1], corpus, (size_t)clen, path, tk, per_row);
            fprintf(stderr, "run %d %-30s %7.2f MB/s  index %7.1f MB  file %7.1f MB  "
                    "query median %.3f ms p99 %.3f ms  hits %lld\n", i + 1, tokenizers[tk],
                    res[tk][i].mbps, res[tk][i].index_mb, res[tk][i].file_mb,
                    res[tk][i].q_median_ms, res[tk][i].q_p99_ms, res[tk][i].hits);
        }
    {
        double m[2][5], v[64];
        int k;
        for (t = 0; t < 2; t++)
            for (k = 0; k < 5; k++) {
                for (i = 0; i < reps && i < 64; i++) {
                    const result *r = &res[t][i];
                    v[i] = k == 0 ? r->mbps : k == 1 ? r->index_mb : k == 2 ? r->file_mb
                         : k == 3 ? r->q_median_ms : r->q_p99_ms;
                }
                m[t][k] = median(v, reps < 64 ? reps : 64);
            }
        printf("FTS5 on %.1f MB (%d line(s) per row), median of %d runs each, same run\n",
               (double)clen / 1e6, per_row, reps);
        printf("%-31s %10s %10s %10s %12s %12s %10s\n", "tokenizer", "insert MB/s",
               "index MB", "file MB", "query med ms", "query p99 ms", "hits");
        for (t = 0; t < 2; t++)
            printf("%-31s %10.2f %10.1f %10.1f %12.3f %12.3f %10lld\n", tokenizers[t],
                   m[t][0], m[t][1], m[t][2], m[t][3], m[t][4], res[t][0].hits);
        printf("toponorm / unicode61: insert speed %.2fx (target >= 0.7x), index size %.2fx, "
               "file size %.2fx, query median %.2fx, p99 %.2fx\n", m[1][0] / m[0][0],
               m[1][1] / m[0][1], m[1][2] / m[0][2], m[1][3] / m[0][3], m[1][4] / m[0][4]);
    }
    for (t = 0; t < 2; t++)
        free(res[t]);
    free(corpus);
    return 0;
}
