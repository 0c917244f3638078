/*
** test_newsjsonl.c: the demo corpus and its search expectations are well
** formed.
**
**   test_newsjsonl NEWS.jsonl SEARCH-CASES.tsv BAD.jsonl
**
** NEWS.jsonl (sample/news.jsonl) must be JSON Lines as `toponorm index`
** reads them: one object per line with string "id", "lang" (uk, ru or en),
** non-empty "text", "title", "source" and a YYYY-MM-DD "date"; ids unique
** and spelled LANG-NNN; at least 120 items with every language present.
** SEARCH-CASES.tsv (tests/data/search-cases.tsv) must only name ids that
** exist, once per row, with a known `via`.  BAD.jsonl is a fixture of broken
** lines: the same checker must report each of them as FILE:LINE: reason,
** which shows the checks above can fail.  jansson does the JSON parsing
** (and rejects ill-formed UTF-8).
*/
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "../tap.h"

#define MAX_PROBLEMS 64

/* What one pass over a corpus file found. */
typedef struct corpus {
    char **ids;            /* the ids of the good lines, in file order */
    size_t n_ids, cap_ids;
    size_t lines;          /* lines read */
    size_t per_lang[3];    /* good items per language: uk, ru, en */
    char *problems[MAX_PROBLEMS]; /* "FILE:LINE: reason", first ones only */
    size_t n_problems;
} corpus;

static const char *const LANGS[3] = {"uk", "ru", "en"};

static void *xmalloc(size_t n)
{
    void *p = malloc(n);
    if (!p) {
        puts("Bail out! out of memory");
        exit(99);
    }
    return p;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xmalloc(n), s, n);
}

/* Record a problem as "FILE:LINE: reason" (later ones are only counted). */
static void problem(corpus *c, const char *file, size_t line, const char *fmt,
                    const char *arg)
{
    char reason[256], buf[512];
    if (c->n_problems < MAX_PROBLEMS) {
        snprintf(reason, sizeof reason, fmt, arg ? arg : "");
        snprintf(buf, sizeof buf, "%s:%zu: %s", file, line, reason);
        c->problems[c->n_problems] = xstrdup(buf);
    }
    c->n_problems++;
}

static int has_id(const corpus *c, const char *id)
{
    for (size_t i = 0; i < c->n_ids; i++)
        if (strcmp(c->ids[i], id) == 0)
            return 1;
    return 0;
}

static int lang_index(const char *lang)
{
    for (int i = 0; i < 3; i++)
        if (strcmp(lang, LANGS[i]) == 0)
            return i;
    return -1;
}

/* A string member, or NULL when it is missing or not a string. */
static const char *member(json_t *obj, const char *name)
{
    json_t *v = json_object_get(obj, name);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* "uk-001": the language, a dash, three digits. */
static int id_matches_lang(const char *id, const char *lang)
{
    return strncmp(id, lang, 2) == 0 && id[2] == '-' && isdigit((unsigned char)id[3])
        && isdigit((unsigned char)id[4]) && isdigit((unsigned char)id[5]) && id[6] == '\0';
}

static int is_date(const char *s)
{
    static const char pat[] = "dddd-dd-dd";
    if (strlen(s) != sizeof pat - 1)
        return 0;
    for (size_t i = 0; pat[i]; i++)
        if (pat[i] == 'd' ? !isdigit((unsigned char)s[i]) : s[i] != pat[i])
            return 0;
    return 1;
}

/* Check one line; returns 1 when it is a good item (its id is then kept). */
static int check_item(corpus *c, const char *file, size_t ln, const char *line, size_t len)
{
    json_error_t err;
    json_t *obj = json_loadb(line, len, 0, &err);
    int good = 0;
    if (!obj) {
        problem(c, file, ln, "invalid JSON: %s", err.text);
        return 0;
    }
    if (!json_is_object(obj)) {
        problem(c, file, ln, "not a JSON object", NULL);
        goto done;
    }
    const char *id = member(obj, "id"), *lang = member(obj, "lang");
    const char *text = member(obj, "text");
    if (!id || !*id) {
        problem(c, file, ln, "missing id", NULL);
        goto done;
    }
    if (!lang || lang_index(lang) < 0) {
        problem(c, file, ln, "lang must be uk, ru or en (id %s)", id);
        goto done;
    }
    if (!text || !*text) {
        problem(c, file, ln, "missing or empty text (id %s)", id);
        goto done;
    }
    if (!id_matches_lang(id, lang)) {
        problem(c, file, ln, "id %s is not LANG-NNN for its lang", id);
        goto done;
    }
    for (const char *const *f = (const char *const[]){"title", "source", NULL}; *f; f++)
        if (!member(obj, *f) || !*member(obj, *f)) {
            problem(c, file, ln, "missing %s", *f);
            goto done;
        }
    if (!member(obj, "date") || !is_date(member(obj, "date"))) {
        problem(c, file, ln, "date must be YYYY-MM-DD (id %s)", id);
        goto done;
    }
    if (has_id(c, id)) {
        problem(c, file, ln, "duplicate id %s", id);
        goto done;
    }
    if (c->n_ids == c->cap_ids) {
        c->cap_ids = c->cap_ids ? 2 * c->cap_ids : 256;
        char **grown = realloc(c->ids, c->cap_ids * sizeof *c->ids);
        if (!grown) {
            puts("Bail out! out of memory");
            exit(99);
        }
        c->ids = grown;
    }
    c->ids[c->n_ids++] = xstrdup(id);
    c->per_lang[lang_index(lang)]++;
    good = 1;
done:
    json_decref(obj);
    return good;
}

/* Read a JSON Lines file into c; returns 0, or -1 when it cannot be read. */
static int load_corpus(corpus *c, const char *path)
{
    FILE *fp = fopen(path, "rb");
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    if (!fp)
        return -1;
    while ((n = getline(&line, &cap, fp)) > 0) {
        c->lines++;
        if (line[n - 1] != '\n')
            problem(c, path, c->lines, "last line has no newline", NULL);
        else
            n--;
        check_item(c, path, c->lines, line, (size_t)n);
    }
    free(line);
    fclose(fp);
    return 0;
}

static void free_corpus(corpus *c)
{
    for (size_t i = 0; i < c->n_ids; i++)
        free(c->ids[i]);
    free(c->ids);
    for (size_t i = 0; i < c->n_problems && i < MAX_PROBLEMS; i++)
        free(c->problems[i]);
}

static void show_problems(const corpus *c)
{
    for (size_t i = 0; i < c->n_problems && i < MAX_PROBLEMS; i++)
        diag("%s", c->problems[i]);
    if (c->n_problems > MAX_PROBLEMS)
        diag("... and %zu more", c->n_problems - MAX_PROBLEMS);
}

/*
** Check the search cases against the corpus: every row is
** query<TAB>ids<TAB>via[<TAB>note], ids comma-separated, each optionally
** prefixed with ! (must not be found) or ? (not asserted), each an id of the
** corpus and named once per row.  Problems go to `bad`; returns the number
** of rows, or -1 when the file cannot be read.
*/
static long check_cases(const corpus *news, corpus *bad, const char *path)
{
    static const char *const VIA[] = {"surface", "key", "stem", "place", NULL};
    FILE *fp = fopen(path, "rb");
    char *line = NULL;
    size_t cap = 0, ln = 0;
    ssize_t n;
    long rows = 0;
    if (!fp)
        return -1;
    while ((n = getline(&line, &cap, fp)) > 0) {
        ln++;
        if (line[n - 1] == '\n')
            line[--n] = '\0';
        if (n == 0 || line[0] == '#')
            continue;
        char *field[5] = {0};
        int nf = 0;
        for (char *p = line; p && nf < 5; nf++) {
            field[nf] = p;
            p = strchr(p, '\t');
            if (p)
                *p++ = '\0';
        }
        if (nf < 3 || nf > 4 || !*field[0]) {
            problem(bad, path, ln, "want query, ids, via and an optional note", NULL);
            continue;
        }
        int via_ok = 0;
        for (int i = 0; VIA[i]; i++)
            via_ok |= strcmp(field[2], VIA[i]) == 0;
        if (!via_ok)
            problem(bad, path, ln, "unknown via '%s'", field[2]);
        char *seen[256];
        size_t n_seen = 0;
        for (char *tok = strtok(field[1], ","); tok; tok = strtok(NULL, ",")) {
            char *id = (*tok == '!' || *tok == '?') ? tok + 1 : tok;
            if (!has_id(news, id))
                problem(bad, path, ln, "no document %s in the corpus", id);
            for (size_t i = 0; i < n_seen; i++)
                if (strcmp(seen[i], id) == 0)
                    problem(bad, path, ln, "%s listed twice", id);
            if (n_seen < sizeof seen / sizeof *seen)
                seen[n_seen++] = id;
        }
        if (n_seen == 0)
            problem(bad, path, ln, "no ids", NULL);
        rows++;
    }
    free(line);
    fclose(fp);
    return rows;
}

/* The broken lines of the fixture and the reason each must get. */
static const struct {
    size_t line;
    const char *reason;
} BAD_EXPECT[] = {
    {2, "invalid JSON"},
    {3, "duplicate id uk-001"},
    {4, "missing id"},
    {5, "lang must be uk, ru or en"},
    {6, "invalid JSON"},  /* ill-formed UTF-8 */
    {7, "missing or empty text"},
    {8, "not a JSON object"},
    {9, "id en-1 is not LANG-NNN"},
    {10, "date must be YYYY-MM-DD"},
    {11, "last line has no newline"},
};

int main(int argc, char **argv)
{
    corpus news = {0}, cases = {0}, bad = {0};
    if (argc != 4) {
        fprintf(stderr, "usage: %s NEWS.jsonl SEARCH-CASES.tsv BAD.jsonl\n", argv[0]);
        return 2;
    }

    /* The corpus. */
    if (!ok(load_corpus(&news, argv[1]) == 0, "%s opens", argv[1]))
        return exit_status();
    if (!ok(news.n_problems == 0, "every line of %s is a good item", argv[1]))
        show_problems(&news);
    is_int((long long)news.n_ids, (long long)news.lines, "no line is lost");
    if (!ok(news.n_ids >= 120, "at least 120 items (%zu)", news.n_ids))
        diag("the demo needs at least 120 items");
    for (int i = 0; i < 3; i++)
        ok(news.per_lang[i] >= news.n_ids / 5, "%s: %zu items, at least a fifth", LANGS[i],
           news.per_lang[i]);

    /* The search expectations. */
    long rows = check_cases(&news, &cases, argv[2]);
    ok(rows >= 0, "%s opens", argv[2]);
    if (!ok(cases.n_problems == 0, "every row of %s names real ids", argv[2]))
        show_problems(&cases);
    ok(rows >= 40, "at least 40 search cases (%ld)", rows);

    /* The checker catches broken lines, each with its file and line. */
    ok(load_corpus(&bad, argv[3]) == 0, "%s opens", argv[3]);
    is_int((long long)bad.n_ids, 2, "the fixture has two good items");
    is_int((long long)bad.n_problems, sizeof BAD_EXPECT / sizeof *BAD_EXPECT,
           "every broken line is reported once");
    for (size_t i = 0; i < sizeof BAD_EXPECT / sizeof *BAD_EXPECT; i++) {
        char want[512];
        int found = 0;
        snprintf(want, sizeof want, "%s:%zu: %s", argv[3], BAD_EXPECT[i].line,
                 BAD_EXPECT[i].reason);
        for (size_t j = 0; j < bad.n_problems && j < MAX_PROBLEMS; j++)
            found |= strncmp(bad.problems[j], want, strlen(want)) == 0;
        if (!ok(found, "line %zu: %s", BAD_EXPECT[i].line, BAD_EXPECT[i].reason))
            show_problems(&bad);
    }

    free_corpus(&news);
    free_corpus(&cases);
    free_corpus(&bad);
    return exit_status();
}
