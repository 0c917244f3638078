/*
** host.c: a small C application that loads the toponorm FTS5 extension the
** way applications do (sqlite3_load_extension after enabling it), and checks
** what its users rely on: matches across spellings, highlight() offsets, the
** reason for a bad option, a 1 MB row, invalid UTF-8 and NUL bytes,
** concurrent readers (a thread and a connection each), that random bytes
** through the tokenizer itself never break its contract, and the v2
** registration and locale (through a stand-in version 3 fts5_api).
**
**   host MODULE DIR     (MODULE without .so is fine; DIR for the database)
*/
#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>
/* The struct sqlite3_api_routines, without sqlite3ext.h's macros (SQLITE_CORE). */
#define SQLITE_CORE 1
#include <sqlite3ext.h>

#include "../tap.h"

static const char *module;

static sqlite3 *open_db(const char *path)
{
    sqlite3 *db = NULL;
    char *err = NULL;
    if (sqlite3_open(path, &db) != SQLITE_OK) {
        diag("open %s: %s", path, sqlite3_errmsg(db));
        sqlite3_close(db);
        return NULL;
    }
    sqlite3_busy_timeout(db, 10000);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 1, NULL);
    if (sqlite3_load_extension(db, module, NULL, &err) != SQLITE_OK) {
        diag("load %s: %s", module, err ? err : "?");
        sqlite3_free(err);
        sqlite3_close(db);
        return NULL;
    }
    return db;
}

static int exec(sqlite3 *db, const char *sql)
{
    char *err = NULL;
    int rc = sqlite3_exec(db, sql, NULL, NULL, &err);
    if (rc != SQLITE_OK) {
        diag("%s: %s", sql, err ? err : "?");
        sqlite3_free(err);
    }
    return rc;
}

/* Rowids that match q, as "1 2 3", in out[512]. */
static const char *rows_in(char *out, sqlite3 *db, const char *table, const char *q)
{
    char sql[256];
    sqlite3_stmt *st;
    size_t n = 0;
    out[0] = '\0';
    snprintf(sql, sizeof sql, "SELECT rowid FROM %s WHERE %s MATCH ?1 ORDER BY rowid", table,
             table);
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return "(prepare failed)";
    sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW && n + 24 < 512)
        n += (size_t)snprintf(out + n, 512 - n, "%s%lld", n ? " " : "",
                              sqlite3_column_int64(st, 0));
    sqlite3_finalize(st);
    return out;
}

/* The same in a buffer for the main thread. */
static const char *rows(sqlite3 *db, const char *table, const char *q)
{
    static char out[512];
    return rows_in(out, db, table, q);
}

/* One text column of a one-row query with one bound text parameter (malloc'ed). */
static char *one_text(sqlite3 *db, const char *sql, const char *arg)
{
    sqlite3_stmt *st;
    char *r = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        diag("%s: %s", sql, sqlite3_errmsg(db));
        return NULL;
    }
    if (arg)
        sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0)) {
        const char *t = (const char *)sqlite3_column_text(st, 0);
        size_t n = (size_t)sqlite3_column_bytes(st, 0);
        if ((r = malloc(n + 1)) != NULL) {
            memcpy(r, t, n);
            r[n] = '\0';
        }
    }
    sqlite3_finalize(st);
    return r;
}

static int insert(sqlite3 *db, sqlite3_int64 id, const char *text, int len)
{
    sqlite3_stmt *st;
    int rc;
    if (sqlite3_prepare_v2(db, "INSERT INTO docs(rowid, body) VALUES (?1, ?2)", -1, &st, NULL))
        return SQLITE_ERROR;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, text, len, SQLITE_TRANSIENT);
    rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* ---- sqlite3_log capture: the reason FTS5 replaces with its own message --- */
static char logged[2048];
static void on_log(void *ctx, int code, const char *msg)
{
    size_t n = strlen(logged);
    (void)ctx;
    (void)code;
    snprintf(logged + n, sizeof logged - n, "%s\n", msg);
}

/* ---- the tokenizer's contract under random bytes ------------------------- */
typedef struct tokstate {
    int n_text, n_tok, bad, first;
} tokstate;

static int on_token(void *ctx, int tflags, const char *tok, int ntok, int start, int end)
{
    tokstate *s = ctx;
    if (ntok <= 0 || !tok || start < 0 || end < start || end > s->n_text ||
        (s->first && (tflags & FTS5_TOKEN_COLOCATED)) || (tflags & ~FTS5_TOKEN_COLOCATED))
        s->bad++;
    s->first = 0;
    s->n_tok++;
    return SQLITE_OK;
}

static fts5_api *get_fts5(sqlite3 *db)
{
    fts5_api *api = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
        sqlite3_step(st);
    }
    sqlite3_finalize(st);
    return api;
}

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint32_t next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)(rng >> 11);
}

/* Random text from pieces that stress the analyzer: Cyrillic, apostrophes,
** hyphens, broken UTF-8, NULs, long runs. */
static int random_text(char *buf, int cap)
{
    static const char *const piece[] = {
        "Донецьк", "Donets'k", "слов’янськ", "-", "'", "’", "ʼ", " ", "\xD0", "\x80",
        "\xFF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "", "Івано-", "Ё", "ї", "\xE2\x80\x90",
        "x", "1990", "\t", "\n", "𝔸", "\xCC\x81", "аааааааааааааааааааааааааааааа"};
    int n = 0, len = (int)(next_rand() % (unsigned)cap);
    while (n < len) {
        if (next_rand() % 3 == 0) {
            buf[n++] = (char)(next_rand() & 0xFF);
        } else {
            const char *p = piece[next_rand() % (sizeof piece / sizeof piece[0])];
            size_t k = strlen(p);
            if (p[0] == '\0')
                buf[n++] = '\0';
            else if (n + (int)k <= cap) {
                memcpy(buf + n, p, k);
                n += (int)k;
            } else
                break;
        }
    }
    return n;
}

static void test_fuzz(sqlite3 *db)
{
    fts5_api *api = get_fts5(db);
    fts5_tokenizer tk;
    Fts5Tokenizer *t = NULL;
    void *ud = NULL;
    static const int flags[] = {FTS5_TOKENIZE_DOCUMENT, FTS5_TOKENIZE_QUERY,
                                FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX, FTS5_TOKENIZE_AUX};
    static char buf[4096];
    const char *args[] = {"lang", "ru"};
    int i, f, bad = 0, rcs = 0, toks = 0;

    if (!ok(api && api->xFindTokenizer(api, "toponorm", &ud, &tk) == SQLITE_OK,
            "xFindTokenizer finds toponorm"))
        return;
    if (!ok(tk.xCreate(ud, args, 2, &t) == SQLITE_OK, "xCreate with lang ru"))
        return;
    for (i = 0; i < 3000; i++) {
        int n = random_text(buf, i % 10 == 0 ? (int)sizeof buf : 200);
        for (f = 0; f < 4; f++) {
            tokstate s = {n, 0, 0, 1};
            if (tk.xTokenize(t, &s, flags[f], buf, n, on_token) != SQLITE_OK)
                rcs++;
            bad += s.bad;
            toks += s.n_tok;
        }
    }
    tk.xDelete(t);
    is_int(rcs, 0, "3000 random texts x 4 modes: xTokenize always returns SQLITE_OK");
    is_int(bad, 0, "every token has a length, offsets inside the text, no leading COLOCATED");
    ok(toks > 10000, "and the random texts do make tokens (%d)", toks);

    /* The same bytes through SQL: inserts, MATCH (syntax errors allowed), highlight. */
    {
        int crashes = 0;
        exec(db, "CREATE VIRTUAL TABLE fz USING fts5(body, tokenize='toponorm')");
        for (i = 0; i < 300; i++) {
            sqlite3_stmt *st;
            int n = random_text(buf, 300);
            if (sqlite3_prepare_v2(db, "INSERT INTO fz(body) VALUES (?1)", -1, &st, NULL) ==
                SQLITE_OK) {
                sqlite3_bind_text(st, 1, buf, n, SQLITE_TRANSIENT);
                if (sqlite3_step(st) != SQLITE_DONE)
                    crashes++;
                sqlite3_finalize(st);
            }
            if (sqlite3_prepare_v2(db, "SELECT highlight(fz, 0, '[', ']') FROM fz WHERE fz "
                                       "MATCH ?1", -1, &st, NULL) == SQLITE_OK) {
                sqlite3_bind_text(st, 1, buf, n, SQLITE_TRANSIENT);
                while (sqlite3_step(st) == SQLITE_ROW)
                    ;
                sqlite3_finalize(st);
            }
        }
        is_int(crashes, 0, "300 random rows insert; random MATCH strings fail cleanly at worst");
        ok(exec(db, "INSERT INTO fz(fz) VALUES ('integrity-check')") == SQLITE_OK,
           "FTS5 integrity-check over the random rows");
    }
}

/* ---- concurrent readers ------------------------------------------------- */
typedef struct reader {
    const char *path;
    int id, wrong, done;
} reader;

static void *read_loop(void *arg)
{
    static const char *const q[][2] = {
        {"Donetsk", "1 2 3 4"}, {"Донецк", "1 2 3 4"}, {"Slovyansk", "5 6"},
        {"харк*", "7 8"}, {"\"from Donetsk today\"", "3"}};
    reader *r = arg;
    sqlite3 *db = open_db(r->path);
    char out[512];
    int i;
    if (!db) {
        r->wrong = -1;
        return NULL;
    }
    for (i = 0; i < 400; i++) {
        int k = (i + r->id) % 5;
        if (strcmp(rows_in(out, db, "docs", q[k][0]), q[k][1]) != 0)
            r->wrong++;
        r->done++;
    }
    sqlite3_close(db);
    return NULL;
}

static void test_readers(const char *dir)
{
    char path[1024];
    sqlite3 *db;
    pthread_t th[8];
    reader rd[8];
    int i, wrong = 0, done = 0;

    snprintf(path, sizeof path, "%s/readers.db", dir);
    remove(path);
    if (!ok((db = open_db(path)) != NULL, "open %s", path))
        return;
    exec(db, "CREATE VIRTUAL TABLE docs USING fts5(body, tokenize='toponorm');"
             "INSERT INTO docs(rowid, body) VALUES (1, 'Місто Донецьк'), (2, 'Город Донецк'),"
             " (3, 'News from Donets''k today'), (4, 'Doneck'), (5, 'Слов''янськ'),"
             " (6, 'Sloviansk'), (7, 'Харків'), (8, 'Kharkov'), (9, 'Москва')");
    sqlite3_close(db);
    for (i = 0; i < 8; i++) {
        rd[i].path = path;
        rd[i].id = i;
        rd[i].wrong = rd[i].done = 0;
        pthread_create(&th[i], NULL, read_loop, &rd[i]);
    }
    for (i = 0; i < 8; i++) {
        pthread_join(th[i], NULL);
        wrong += rd[i].wrong;
        done += rd[i].done;
    }
    is_int(done, 8 * 400, "8 threads, a connection each, ran 400 queries each");
    is_int(wrong, 0, "every concurrent query found exactly its rows");
}

/* ---- the v2 tokenizer (SQLite 3.46+), through a stand-in fts5_api ------- */
/*
** SQLite 3.40 never offers fts5_api version 3, so the v2 registration is
** driven here through a stand-in api (the layout of 3.46's fts5.h) handed to
** the module's real init: it must register v2 as well as v1, and the v2
** xTokenize must read the locale as the language hint.
*/
#include "fts5_v2.h"
typedef tn_fts5_tokenizer_v2 v2_tokenizer;
typedef tn_fts5_api_v3 v3_api;

static fts5_tokenizer got_v1;
static v2_tokenizer got_v2;
static void *got_ud;
static int got_v1_n, got_v2_n;

static int stand_create_v1(fts5_api *a, const char *name, void *ud, fts5_tokenizer *t,
                           void (*destroy)(void *))
{
    (void)a;
    (void)destroy;
    if (strcmp(name, "toponorm") == 0) {
        got_v1 = *t;
        got_ud = ud;
        got_v1_n++;
    }
    return SQLITE_OK;
}

static int stand_create_v2(fts5_api *a, const char *name, void *ud, v2_tokenizer *t,
                           void (*destroy)(void *))
{
    (void)a;
    (void)destroy;
    if (strcmp(name, "toponorm") == 0 && ud == got_ud) {
        got_v2 = *t;
        got_v2_n++;
    }
    return SQLITE_OK;
}

static v3_api stand_api = {3, stand_create_v1, NULL, NULL, stand_create_v2, NULL};

static int stand_bind_pointer(sqlite3_stmt *st, int i, void *p, const char *type,
                              void (*destroy)(void *))
{
    (void)st;
    (void)i;
    (void)destroy;
    if (strcmp(type, "fts5_api_ptr") == 0)
        *(v3_api **)p = &stand_api;
    return SQLITE_OK;
}

static const sqlite3_api_routines *real_routines;
static int capture_routines(sqlite3 *db, char **err, const sqlite3_api_routines *api)
{
    (void)db;
    (void)err;
    real_routines = api;
    return SQLITE_OK;
}

/* Tokens as "flags:token@start-end " into out[4096]. */
typedef struct stream {
    char *out;
    size_t n;
} stream;

static int to_stream(void *ctx, int tflags, const char *tok, int ntok, int start, int end)
{
    stream *s = ctx;
    if (s->n + (size_t)ntok + 40 < 4096)
        s->n += (size_t)snprintf(s->out + s->n, 4096 - s->n, "%d:%.*s@%d-%d ", tflags, ntok,
                                 tok, start, end);
    return SQLITE_OK;
}

static void v1_stream(const char *lang, const char *text, char *out)
{
    const char *args[] = {"lang", lang};
    Fts5Tokenizer *t = NULL;
    stream s = {out, 0};
    out[0] = '\0';
    if (got_v1.xCreate(got_ud, args, 2, &t) == SQLITE_OK) {
        got_v1.xTokenize(t, &s, FTS5_TOKENIZE_DOCUMENT, text, (int)strlen(text), to_stream);
        got_v1.xDelete(t);
    }
}

static void test_v2(void *handle)
{
    typedef int (*init_fn)(sqlite3 *, char **, const sqlite3_api_routines *);
    static sqlite3_api_routines stand;
    static const char text[] = "Города, новости: читать, сказал, говорил; Донецке";
    static char a[4096], b[4096], c[4096], d[4096], e[4096];
    const char *args[] = {"lang", "ru"};
    init_fn init;
    sqlite3 *db;
    char *err = NULL;
    Fts5Tokenizer *t = NULL;
    stream s;

    sqlite3_auto_extension((void (*)(void))capture_routines);
    sqlite3_open(":memory:", &db);
    sqlite3_cancel_auto_extension((void (*)(void))capture_routines);
    init = handle ? (init_fn)(uintptr_t)dlsym(handle, "sqlite3_toponorm_init") : NULL;
    if (!ok(real_routines && init, "the module's sqlite3_toponorm_init, called directly")) {
        sqlite3_close(db);
        return;
    }
    stand = *real_routines;
    stand.bind_pointer = stand_bind_pointer;
    ok(init(db, &err, &stand) == SQLITE_OK, "init against a version 3 fts5_api succeeds");
    sqlite3_free(err);
    is_int(got_v1_n, 1, "it registers the v1 tokenizer");
    is_int(got_v2_n, 1, "and, as fts5_api says version 3, the v2 tokenizer");
    if (got_v2_n != 1 || got_v1_n != 1) {
        sqlite3_close(db);
        return;
    }
    is_int(got_v2.iVersion, 2, "fts5_tokenizer_v2.iVersion is 2");
    v1_stream("uk", text, a);
    v1_stream("ru", text, b);
    ok(strcmp(a, b) != 0, "lang uk and lang ru tokenize this text differently");
    if (got_v2.xCreate(got_ud, args, 2, &t) == SQLITE_OK) {
        s.out = c, s.n = 0, c[0] = '\0';
        got_v2.xTokenize(t, &s, FTS5_TOKENIZE_DOCUMENT, text, (int)strlen(text), "uk", 2,
                         to_stream);
        s.out = d, s.n = 0, d[0] = '\0';
        got_v2.xTokenize(t, &s, FTS5_TOKENIZE_DOCUMENT, text, (int)strlen(text), "ru_RU", 5,
                         to_stream);
        s.out = e, s.n = 0, e[0] = '\0';
        got_v2.xTokenize(t, &s, FTS5_TOKENIZE_DOCUMENT, text, (int)strlen(text), NULL, 0,
                         to_stream);
        got_v2.xDelete(t);
    }
    is_str(c, a, "v2 with locale uk (table option lang ru) tokenizes as lang uk");
    is_str(d, b, "v2 with locale ru_RU tokenizes as lang ru");
    is_str(e, b, "v2 without a locale keeps the table's lang ru");
    sqlite3_close(db);
}

int main(int argc, char **argv)
{
    void *handle = NULL;
    sqlite3 *db;
    char *s, *big;
    int i, n;

    if (argc != 3) {
        fprintf(stderr, "usage: host MODULE DIR\n");
        return 2;
    }
    module = argv[1];
    sqlite3_config(SQLITE_CONFIG_LOG, on_log, NULL);
    {
        /* sqlite3_close() unloads the extension, and with it libtoponorm and
        ** ICU, whose caches LeakSanitizer would then see as leaks: pin it. */
        char so[1024];
        snprintf(so, sizeof so, "%s.so", module);
        if (!(handle = dlopen(so, RTLD_NOW | RTLD_NODELETE)))
            diag("dlopen %s: %s", so, dlerror());
    }

    db = open_db(":memory:");
    if (!ok(db != NULL, "sqlite3_load_extension loads %s", module))
        return exit_status();

    ok(exec(db, "CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='toponorm')") ==
           SQLITE_OK, "CREATE VIRTUAL TABLE ... tokenize='toponorm'");
    exec(db, "INSERT INTO docs(rowid, title, body) VALUES"
             " (1, 'Новини', 'Обстріл у Донецьку вночі'),"
             " (2, 'News', 'Shelling in Donetsk overnight'),"
             " (3, 'Новости', 'Обстрел Донецка ночью, Донецк без света'),"
             " (4, 'Slovyansk', 'Slovyansk and Kramatorsk'),"
             " (5, 'Слов''янськ', 'Новини зі Слов''янська'),"
             " (6, 'Moscow', 'Москва')");
    is_str(rows(db, "docs", "Donetsk"), "1 2 3", "Donetsk finds у Донецьку, Донецк (ru) and itself");
    is_str(rows(db, "docs", "Донецьк"), "1 2 3", "Донецьк finds у Донецьку, Donetsk, Донецк");
    is_str(rows(db, "docs", "\"Donets'k\""), "1 2 3", "Donets'k finds Donetsk, Донецк, у Донецьку");
    is_str(rows(db, "docs", "title:Slovyansk"), "4 5", "title:Slovyansk finds Слов'янськ");
    is_str(rows(db, "docs", "body:Slovyansk"), "4 5", "body:Slovyansk finds зі Слов'янська (the place id)");
    is_str(rows(db, "docs", "Москва"), "6", "Москва finds only its row");

    /* highlight() offsets: the original words, bytes exact. */
    s = one_text(db, "SELECT highlight(docs, 1, '[', ']') FROM docs WHERE docs MATCH ?1 "
                     "AND rowid = 3", "Donetsk");
    is_str(s, "Обстрел [Донецка] ночью, [Донецк] без света",
           "highlight marks Донецка and Донецк for Donetsk");
    free(s);
    s = one_text(db, "SELECT highlight(docs, 1, '[', ']') FROM docs WHERE docs MATCH ?1 "
                     "AND rowid = 1", "Донецьк");
    is_str(s, "Обстріл у [Донецьку] вночі", "highlight marks Донецьку for Донецьк");
    free(s);

    /* A bad option: FTS5 says "error in tokenizer constructor"; the log says why. */
    logged[0] = '\0';
    n = sqlite3_exec(db, "CREATE VIRTUAL TABLE bad USING fts5(body, tokenize='toponorm lang de')",
                     NULL, NULL, NULL);
    ok(n != SQLITE_OK, "tokenize='toponorm lang de' fails (%s)", sqlite3_errmsg(db));
    if (!ok(strstr(logged, "toponorm: tokenize option 'lang': 'de' is not uk, ru or en\n") != NULL,
            "sqlite3_log names the option and the value"))
        diag("logged: %s", logged);
    s = one_text(db, "SELECT toponorm_check(?1)", "lang uk lexicon /nonexistent/x.lex");
    ok(s == NULL && strstr(sqlite3_errmsg(db), "/nonexistent/x.lex") != NULL,
       "toponorm_check raises the lexicon error: %s", sqlite3_errmsg(db));
    free(s);

    /* A 1 MB row with the place at the very end. */
    n = 1 << 20;
    big = malloc((size_t)n + 64);
    for (i = 0; i + 16 <= n; i += 16)
        memcpy(big + i, "Слово word ", 16);
    memcpy(big + i, "Donets'k", 8);
    n = i + 8;
    ok(insert(db, 10, big, n) == SQLITE_OK, "insert a %d-byte row", n);
    is_str(rows(db, "docs", "Донецьк AND body:word"), "10", "its last word is found by Донецьк");
    s = one_text(db, "SELECT substr(highlight(docs, 1, '[', ']'), -10) FROM docs "
                     "WHERE docs MATCH ?1 AND rowid = 10", "Донецк");
    is_str(s, "[Donets'k]", "highlight at byte offset 1 MB is exact");
    free(s);
    free(big);

    /* Invalid UTF-8 and NUL bytes inside bound text. */
    ok(insert(db, 11, "\xFF\xFE Слов'янськ \xC3\x28 \xED\xA0\x80", -1) == SQLITE_OK,
       "insert invalid UTF-8");
    ok(insert(db, 12, "Moscow\0Донецьк\0", 22) == SQLITE_OK, "insert text with NUL bytes");
    is_str(rows(db, "docs", "Sloviansk"), "4 5 11",
           "the word between invalid bytes is found");
    is_str(rows(db, "docs", "Donetsk AND Moscow"), "12", "words after a NUL byte are indexed");
    ok(exec(db, "INSERT INTO docs(docs) VALUES ('integrity-check')") == SQLITE_OK,
       "FTS5 integrity-check");

    test_fuzz(db);
    sqlite3_close(db);
    test_readers(argv[2]);
    test_v2(handle);
    return exit_status();
}
