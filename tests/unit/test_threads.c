/*
** test_threads.c: six threads share ONE lexicon and ONE analyzer, each with
** its own scratch, and analyze the same multi-paragraph uk/ru/en text many
** times; every run, serialized term by term (kind, text, position, flags,
** offsets, token, lang, script), must equal a single-threaded reference run
** byte for byte.  Also: scratch objects made inside the threads, a scratch
** that moves between threads between calls, and lexicons opened and closed
** concurrently.
**
** `make check-tsan` builds this test and the library sources with
** -fsanitize=thread and runs it; ThreadSanitizer must report nothing.
** TOPONORM_THREAD_ITERS overrides the iteration count (default 200).
*/
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "toponorm/toponorm.h"

#define NTHREADS 6

static const char TEXT[] =
    "Київ — столиця України. Івано-Франківськ, Слов'янськ і Кам'янець-Подільський "
    "лежать на заході та сході; Доне́цьк (Donetsk, Donets'k, Donec`k) — на Донбасі. "
    "Артёмовск перейменовано на Бахмут у 2016 році. Kyiv is also written Kiev; "
    "Xарків з латинською X, Kиїв з латинською K, Донeцьк з латинською e.\n\n"
    "Москва — столица России. Ростов-на-Дону, Санкт-Петербург и Нижний Новгород; "
    "объединение, съезд, подъезд, эхо, ёлка, Щёлково. Город-герой Севастополь.\n\n"
    "The river Dnipro (Dnieper, Днепр, Дніпро) flows through Kyiv, Cherkasy and "
    "Zaporizhzhia to the Black Sea. Kharkiv's metro; Lviv’s old town; Odesa, "
    "Odessa, Одеса, Одесса. Bila Tserkva, Bilhorod-Dnistrovskyi, Mykolaiv.\n\n"
    "Змішаний текст: Slovʼyansk, Slov”yans’k, Sloviansk, Slavyansk; Чорнобиль "
    "(Chornobyl, Chernobyl, Tschernobyl, Czarnobyl); Запоріжжя — Zaporozhye — "
    "Saporischschja. Ґалаґан, Єнакієве, Їжакевич, Йосипівка. 1941–1945 рр.\n";

static const unsigned FLAGS[] = {
    TOPONORM_FOR_INDEX, TOPONORM_FOR_QUERY, TOPONORM_HINT_UK, TOPONORM_HINT_RU,
};
#define NFLAGS (sizeof FLAGS / sizeof FLAGS[0])

typedef struct sbuf {
    char *p;
    size_t n, cap;
} sbuf;

static void sb_add(sbuf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->n + n + 1)
            cap *= 2;
        b->p = realloc(b->p, cap);
        if (!b->p) {
            puts("Bail out! out of memory");
            exit(99);
        }
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

/* Serialize one term: every field the callback sees. */
static int serialize_cb(void *ctx, const toponorm_term *t)
{
    sbuf *b = ctx;
    char head[160];
    int n = snprintf(head, sizeof head, "%d %u %u %zu %zu %u %d %d %zu ", t->kind, t->flags,
                     (unsigned)t->position, t->start, t->end, (unsigned)t->token, t->lang,
                     t->script, t->len);
    sb_add(b, head, (size_t)n);
    sb_add(b, t->text, t->len);
    sb_add(b, "\n", 1);
    return 0;
}

static const toponorm_analyzer *shared_an;
static sbuf reference[NFLAGS];
static int iters = 200;
static pthread_barrier_t start_line;

typedef struct worker {
    int id;
    toponorm_scratch *sc;          /* made inside the thread unless given */
    int runs, mismatches, errors;
    char first[320];
} worker;

static void *work(void *arg)
{
    worker *w = arg;
    sbuf out = {0};
    toponorm_error err;
    int i, own = 0;

    if (!w->sc) {
        if (toponorm_scratch_new(shared_an, &w->sc, &err) != 0) {
            w->errors++;
            snprintf(w->first, sizeof w->first, "scratch_new: %s", err.msg);
            pthread_barrier_wait(&start_line);
            return NULL;
        }
        own = 1;
    }
    pthread_barrier_wait(&start_line);
    for (i = 0; i < iters; i++) {
        /* each thread walks the flag variants in its own order */
        size_t f = (size_t)(i + w->id) % NFLAGS;
        int rc;
        out.n = 0;
        rc = toponorm_analyze(shared_an, w->sc, TEXT, sizeof TEXT - 1, FLAGS[f],
                              serialize_cb, &out);
        w->runs++;
        if (rc != 0) {
            if (w->errors++ == 0)
                snprintf(w->first, sizeof w->first, "iteration %d: rc %d", i, rc);
        } else if (out.n != reference[f].n || memcmp(out.p, reference[f].p, out.n) != 0) {
            if (w->mismatches++ == 0) {
                size_t k = 0;
                while (k < out.n && k < reference[f].n && out.p[k] == reference[f].p[k])
                    k++;
                snprintf(w->first, sizeof w->first,
                         "iteration %d, flags 0x%x: differs at byte %zu of %zu (reference %zu)",
                         i, FLAGS[f], k, out.n, reference[f].n);
            }
        }
    }
    if (own) {
        toponorm_scratch_free(w->sc);
        w->sc = NULL;
    }
    free(out.p);
    return NULL;
}

/* Concurrent open/analyze/close of private lexicons. */
typedef struct opener {
    int rounds, failures;
} opener;

static void *open_close(void *arg)
{
    opener *o = arg;
    int i;
    for (i = 0; i < 20; i++) {
        toponorm_lexicon *lx = NULL;
        toponorm_analyzer *an = NULL;
        toponorm_scratch *sc = NULL;
        sbuf out = {0};
        if (toponorm_lexicon_open(NULL, &lx, NULL) != 0 ||
            toponorm_analyzer_new(lx, NULL, &an, NULL) != 0 ||
            toponorm_scratch_new(an, &sc, NULL) != 0 ||
            toponorm_analyze(an, sc, TEXT, sizeof TEXT - 1, 0, serialize_cb, &out) != 0 ||
            out.n != reference[0].n || memcmp(out.p, reference[0].p, out.n) != 0)
            o->failures++;
        o->rounds++;
        free(out.p);
        toponorm_scratch_free(sc);
        toponorm_analyzer_free(an);
        toponorm_lexicon_close(lx);
    }
    return NULL;
}

int main(void)
{
    toponorm_lexicon *lx = NULL;
    toponorm_analyzer *an = NULL;
    toponorm_scratch *sc = NULL, *moving = NULL;
    toponorm_error err;
    pthread_t th[NTHREADS];
    worker w[NTHREADS];
    opener op[NTHREADS];
    const char *env = getenv("TOPONORM_THREAD_ITERS");
    size_t f;
    int i, total_runs = 0, total_mis = 0, total_err = 0;

    if (env && atoi(env) > 0)
        iters = atoi(env);
    if (toponorm_lexicon_open(NULL, &lx, &err) != 0 ||
        toponorm_analyzer_new(lx, NULL, &an, &err) != 0) {
        printf("Bail out! cannot open the lexicon: %s: %s\n", err.where, err.msg);
        return 99;
    }
    shared_an = an;

    /* The reference: one thread, a fresh scratch per flag variant. */
    for (f = 0; f < NFLAGS; f++) {
        int rc;
        if (toponorm_scratch_new(an, &sc, &err) != 0) {
            printf("Bail out! scratch_new: %s\n", err.msg);
            return 99;
        }
        rc = toponorm_analyze(an, sc, TEXT, sizeof TEXT - 1, FLAGS[f], serialize_cb,
                              &reference[f]);
        ok(rc == 0 && reference[f].n > 1000,
           "reference run, flags 0x%x: rc %d, %zu bytes of terms", FLAGS[f], rc, reference[f].n);
        toponorm_scratch_free(sc);
        sc = NULL;
    }
    ok(strstr(reference[0].p, " івано-франківськ\n") && strstr(reference[0].p, " донецьк\n") &&
           strstr(reference[0].p, " київ\n") && strstr(reference[0].p, " kyiv\n"),
       "the reference has the expected surfaces");
    {
        /* a warm scratch gives the same bytes as a cold one */
        sbuf again = {0};
        int same = 1, k;
        toponorm_scratch_new(an, &sc, NULL);
        for (k = 0; k < 3; k++) {
            again.n = 0;
            toponorm_analyze(an, sc, TEXT, sizeof TEXT - 1, FLAGS[0], serialize_cb, &again);
            same &= again.n == reference[0].n && memcmp(again.p, reference[0].p, again.n) == 0;
        }
        ok(same, "one scratch reused three times: identical to the reference");
        toponorm_scratch_free(sc);
        sc = NULL;
        free(again.p);
    }

    /* Six threads, one shared analyzer, a scratch each (made in the thread). */
    pthread_barrier_init(&start_line, NULL, NTHREADS);
    memset(w, 0, sizeof w);
    for (i = 0; i < NTHREADS; i++) {
        w[i].id = i;
        if (pthread_create(&th[i], NULL, work, &w[i]) != 0) {
            printf("Bail out! pthread_create failed\n");
            return 99;
        }
    }
    for (i = 0; i < NTHREADS; i++) {
        pthread_join(th[i], NULL);
        total_runs += w[i].runs;
        total_mis += w[i].mismatches;
        total_err += w[i].errors;
        if (!ok(w[i].errors == 0 && w[i].mismatches == 0 && w[i].runs == iters,
                "thread %d: %d runs, all equal to the reference", i, w[i].runs))
            diag("thread %d: %d errors, %d mismatches; first: %s", i, w[i].errors,
                 w[i].mismatches, w[i].first);
    }
    is_int(total_mis + total_err, 0, "no mismatch or error in any thread");
    diag("%d threads x %d iterations = %d runs", NTHREADS, iters, total_runs);
    pthread_barrier_destroy(&start_line);

    /* A scratch that moves between threads between calls. */
    toponorm_scratch_new(an, &moving, NULL);
    pthread_barrier_init(&start_line, NULL, 1);
    {
        int saved = iters, good = 1;
        iters = 5;
        for (i = 0; i < 3; i++) {
            worker m;
            memset(&m, 0, sizeof m);
            m.id = i;
            m.sc = moving;
            pthread_create(&th[0], NULL, work, &m);
            pthread_join(th[0], NULL);
            good &= m.errors == 0 && m.mismatches == 0 && m.runs == 5;
        }
        iters = saved;
        ok(good, "one scratch handed from thread to thread between calls");
    }
    pthread_barrier_destroy(&start_line);
    toponorm_scratch_free(moving);

    /* Lexicons opened, used and closed concurrently. */
    memset(op, 0, sizeof op);
    for (i = 0; i < NTHREADS; i++)
        pthread_create(&th[i], NULL, open_close, &op[i]);
    {
        int fails = 0, rounds = 0;
        for (i = 0; i < NTHREADS; i++) {
            pthread_join(th[i], NULL);
            fails += op[i].failures;
            rounds += op[i].rounds;
        }
        ok(fails == 0 && rounds == NTHREADS * 20,
           "%d concurrent open/analyze/close rounds, all equal to the reference", rounds);
        is_str(fails ? "failures" : "none", "none", "no failure in concurrent opens");
    }

    for (f = 0; f < NFLAGS; f++)
        free(reference[f].p);
    toponorm_analyzer_free(an);
    toponorm_lexicon_close(lx);
    return exit_status();
}
