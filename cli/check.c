/*
** check.c: `toponorm check [--golden DIR] [--update] [--report] [--lexicon
** FILE] [TABLE...]`: regression tests for transliteration tables.
**
** For each table (all by default): its @sample lines, then its golden file
** DIR/NAME.tsv (rows CYRILLIC<TAB>EXPECTED).  Each difference is one line
**     FILE:LINE: INPUT: expected 'X', got 'Y'
** then a summary; the exit status is 1 when anything differs.
**   --update   rewrite each golden file with what the table writes now
**              (comments and row order kept), for review in `git diff`
**   --report   coverage (letters of the table's language with no rule) and
**              collisions (distinct names in the golden files of that
**              language that the table writes identically)
** DIR defaults to $TOPONORM_GOLDEN_DIR, else tests/golden/translit.
*/
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* The letters a table of each language should cover (apostrophe included). */
static const char *const alphabet_uk = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'";
static const char *const alphabet_ru = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";

typedef struct golden_row {
    char *in, *expected;
    int line;
} golden_row;

/* A golden file: its lines (comments kept for --update) and parsed rows. */
typedef struct golden {
    char **lines;
    size_t n_lines;
    golden_row *rows;
    size_t n_rows;
} golden;

static void golden_free(golden *g)
{
    size_t i;
    for (i = 0; i < g->n_lines; i++)
        free(g->lines[i]);
    free(g->lines);
    for (i = 0; i < g->n_rows; i++) {
        free(g->rows[i].in);
        free(g->rows[i].expected);
    }
    free(g->rows);
    memset(g, 0, sizeof *g);
}

/* Read path; 0 ok, -1 missing, -2 malformed (message printed). */
static int golden_read(const char *path, golden *g)
{
    FILE *f = fopen(path, "r");
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int lineno = 0, rc = 0;

    memset(g, 0, sizeof *g);
    if (!f)
        return -1;
    while ((n = getline(&line, &cap, f)) >= 0) {
        char *tab, *copy;
        lineno++;
        if (n && line[n - 1] == '\n')
            line[--n] = '\0';
        copy = strdup(line);
        g->lines = realloc(g->lines, (g->n_lines + 1) * sizeof *g->lines);
        if (!copy || !g->lines) {
            fprintf(stderr, "toponorm check: out of memory\n");
            exit(EXIT_INPUT);
        }
        g->lines[g->n_lines++] = copy;
        if (line[0] == '#' || line[0] == '\0')
            continue;
        tab = strchr(line, '\t');
        if (!tab || strchr(tab + 1, '\t')) {
            fprintf(stderr, "%s:%d: a golden row is CYRILLIC<TAB>EXPECTED\n", path, lineno);
            rc = -2;
            continue;
        }
        *tab = '\0';
        g->rows = realloc(g->rows, (g->n_rows + 1) * sizeof *g->rows);
        if (!g->rows) {
            fprintf(stderr, "toponorm check: out of memory\n");
            exit(EXIT_INPUT);
        }
        g->rows[g->n_rows].in = strdup(line);
        g->rows[g->n_rows].expected = strdup(tab + 1);
        g->rows[g->n_rows].line = lineno;
        g->n_rows++;
    }
    free(line);
    fclose(f);
    return rc;
}

/* Transliterate s through table t; the result is malloc'ed (never NULL). */
static char *run(const toponorm_lexicon *lx, int t, const char *s)
{
    char *out;
    size_t n;
    if (toponorm_translit(lx, t, s, strlen(s), &out, &n) != 0) {
        fprintf(stderr, "toponorm check: out of memory\n");
        exit(EXIT_INPUT);
    }
    return out;
}

/* Write the golden file again with the current outputs, atomically. */
static int golden_update(const toponorm_lexicon *lx, int t, const char *path, golden *g,
                         int *changed)
{
    char tmp[4200];
    FILE *f;
    size_t i, r = 0;
    snprintf(tmp, sizeof tmp, "%.4000s.tmp", path);
    if (!(f = fopen(tmp, "w"))) {
        fprintf(stderr, "%s: cannot write: %s\n", tmp, strerror(errno));
        return -1;
    }
    *changed = 0;
    for (i = 0; i < g->n_lines; i++) {
        if (r < g->n_rows && g->rows[r].line == (int)i + 1) {
            char *got = run(lx, t, g->rows[r].in);
            *changed += strcmp(got, g->rows[r].expected) != 0;
            fprintf(f, "%s\t%s\n", g->rows[r].in, got);
            toponorm_free(got);
            r++;
        } else {
            fprintf(f, "%s\n", g->lines[i]);
        }
    }
    if (fclose(f) != 0 || rename(tmp, path) != 0) {
        fprintf(stderr, "%s: cannot write: %s\n", path, strerror(errno));
        remove(tmp);
        return -1;
    }
    return 0;
}

/* --report: letters without a rule, and names the table cannot tell apart. */
static void report(const toponorm_lexicon *lx, int t, const char *dir)
{
    char lang[16], path[4096];
    const char *alphabet, *p;
    int i, n = toponorm_translit_count(lx), missing = 0;
    size_t k, j, n_names = 0, groups = 0;
    struct name { char *in, *out; } *names = NULL;

    if (toponorm_translit_attr(lx, t, "lang", lang, sizeof lang) < 0)
        strcpy(lang, "?");
    alphabet = strcmp(lang, "uk") == 0 ? alphabet_uk : strcmp(lang, "ru") == 0 ? alphabet_ru : "";
    printf("%s: coverage of the %s alphabet:", toponorm_translit_name(lx, t), lang);
    for (p = alphabet; *p;) {
        char letter[8];
        size_t len = ((unsigned char)*p < 0x80) ? 1 : 2;
        char *got;
        memcpy(letter, p, len);
        letter[len] = '\0';
        got = run(lx, t, letter);
        if (strcmp(got, letter) == 0 && strcmp(letter, "'") != 0) {
            printf(" %s", letter);
            missing++;
        }
        toponorm_free(got);
        p += len;
    }
    printf(missing ? " have no rule\n" : " every letter has a rule\n");

    /* Every distinct name of the golden files of tables in the same language. */
    for (i = 0; i < n; i++) {
        char l2[16];
        golden g;
        if (toponorm_translit_attr(lx, i, "lang", l2, sizeof l2) < 0 || strcmp(l2, lang) != 0)
            continue;
        snprintf(path, sizeof path, "%s/%s.tsv", dir, toponorm_translit_name(lx, i));
        if (golden_read(path, &g) == -1)
            continue;
        for (k = 0; k < g.n_rows; k++) {
            for (j = 0; j < n_names && strcmp(names[j].in, g.rows[k].in) != 0; j++)
                ;
            if (j < n_names)
                continue;
            names = realloc(names, (n_names + 1) * sizeof *names);
            names[n_names].in = strdup(g.rows[k].in);
            names[n_names].out = run(lx, t, g.rows[k].in);
            n_names++;
        }
        golden_free(&g);
    }
    printf("%s: collisions among %zu distinct %s golden names:\n", toponorm_translit_name(lx, t),
           n_names, lang);
    for (k = 0; k < n_names; k++) {
        int first = 1;
        for (j = k + 1; j < n_names; j++) {
            if (strcmp(names[k].out, names[j].out) != 0 || !names[j].out[0])
                continue;
            if (first)
                printf("  %s <- %s", names[k].out, names[k].in), groups++;
            printf(", %s", names[j].in);
            names[j].out[0] = '\0';     /* reported once */
            first = 0;
        }
        if (!first)
            putchar('\n');
    }
    if (!groups)
        printf("  none\n");
    for (k = 0; k < n_names; k++) {
        free(names[k].in);
        toponorm_free(names[k].out);
    }
    free(names);
}

static void usage(FILE *f)
{
    fputs("usage: toponorm check [--golden DIR] [--update] [--report] [--lexicon FILE] [TABLE...]\n", f);
}

int cmd_check(int argc, char **argv)
{
    static const struct option opts[] = {
        {"golden", required_argument, NULL, 'g'}, {"update", no_argument, NULL, 'u'},
        {"report", no_argument, NULL, 'r'}, {"lexicon", required_argument, NULL, 'x'},
        {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0},
    };
    const char *dir = getenv("TOPONORM_GOLDEN_DIR"), *lexicon = NULL;
    int c, update = 0, do_report = 0, rc, i, n, *want, n_want = 0;
    long n_tables = 0, n_samples = 0, n_rows = 0, n_diff = 0, n_missing = 0;
    cli_analyzer ca;
    char path[4096], file[1024];

    if (!dir || !*dir)
        dir = "tests/golden/translit";
    optind = 1;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case 'g': dir = optarg; break;
        case 'u': update = 1; break;
        case 'r': do_report = 1; break;
        case 'x': lexicon = optarg; break;
        case 'h': usage(stdout); return EXIT_OK;
        default: usage(stderr); return EXIT_USAGE;
        }
    }
    if ((rc = cli_lexicon_open(&ca, lexicon)) != EXIT_OK)
        return rc;
    n = toponorm_translit_count(ca.lx);
    want = calloc((size_t)n + 1, sizeof *want);
    for (i = optind; i < argc; i++) {
        int t = toponorm_translit_find(ca.lx, argv[i]);
        if (t < 0) {
            fprintf(stderr, "toponorm check: no table '%s' (toponorm translit --list)\n", argv[i]);
            free(want);
            cli_analyzer_close(&ca);
            return EXIT_USAGE;
        }
        want[t] = 1;
        n_want++;
    }
    for (i = 0; i < n; i++) {
        const char *name = toponorm_translit_name(ca.lx, i);
        int k, ns = toponorm_translit_sample_count(ca.lx, i), g_rc;
        size_t r;
        golden g;
        if (n_want && !want[i])
            continue;
        n_tables++;
        if (toponorm_translit_attr(ca.lx, i, "file", file, sizeof file) < 0)
            strcpy(file, name);
        for (k = 0; k < ns; k++) {
            const char *in, *expected;
            int line;
            char *got;
            toponorm_translit_sample(ca.lx, i, k, &in, &expected, &line);
            got = run(ca.lx, i, in);
            n_samples++;
            if (strcmp(got, expected) != 0) {
                printf("%s:%d: %s: expected '%s', got '%s'\n", file, line, in, expected, got);
                n_diff++;
            }
            toponorm_free(got);
        }
        snprintf(path, sizeof path, "%s/%s.tsv", dir, name);
        g_rc = golden_read(path, &g);
        if (g_rc == -1) {
            printf("%s: no golden file for table %s\n", path, name);
            n_missing++;
            continue;
        }
        if (g_rc == -2)
            n_diff++;
        if (update) {
            int changed;
            if (golden_update(ca.lx, i, path, &g, &changed) == 0)
                printf("%s: updated, %d of %zu rows changed\n", path, changed, g.n_rows);
        } else {
            for (r = 0; r < g.n_rows; r++) {
                char *got = run(ca.lx, i, g.rows[r].in);
                n_rows++;
                if (strcmp(got, g.rows[r].expected) != 0) {
                    printf("%s:%d: %s: expected '%s', got '%s'\n", path, g.rows[r].line,
                           g.rows[r].in, g.rows[r].expected, got);
                    n_diff++;
                }
                toponorm_free(got);
            }
        }
        golden_free(&g);
        if (do_report)
            report(ca.lx, i, dir);
    }
    printf("check: %ld table%s, %ld samples, %ld golden rows: %ld difference%s%s\n", n_tables,
           n_tables == 1 ? "" : "s", n_samples, n_rows, n_diff, n_diff == 1 ? "" : "s",
           n_missing ? ", some golden files missing" : "");
    free(want);
    cli_analyzer_close(&ca);
    return n_diff || n_missing ? 1 : EXIT_OK;
}
