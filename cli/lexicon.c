/*
** lexicon.c: `toponorm lexicon show|compile`.
**
**   toponorm lexicon show [--lexicon FILE] NAME...
**       The place(s) NAME resolves to (NAME is analyzed as a query, so any
**       spelling, language or case form works), each with every name,
**       its language, type, year and source, and the spelling every shipped
**       transliteration table gives its Ukrainian and Russian official name.
**
**   toponorm lexicon compile [-o OUT] [--sources LIST] [FILE|DIR]...
**       Build a lexicon from the shipped sources plus the user's own files
**       (places*.tsv, names*.tsv, ambiguous*.tsv, or table sources; a DIR
**       stands for its *.tsv files).  With no FILE: the files in
**       $XDG_CONFIG_HOME/toponorm/places/ (~/.config/toponorm/places/).
**       OUT defaults to $XDG_DATA_HOME/toponorm/toponorm.lex
**       (~/.local/share/...); use it with TOPONORM_LEXICON=OUT or --lexicon.
**       LIST (the shipped sources, one path a line, relative to the list
**       or to $TOPONORM_SOURCES_DIR) defaults to $TOPONORM_SOURCES, then to
**       the installed sources.list.
*/
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "../tools/lexc.h"

#ifndef TOPONORM_PKGDATADIR
#define TOPONORM_PKGDATADIR "/usr/local/share/toponorm"
#endif

#define MAX_IDS 64

typedef struct ids {
    char id[MAX_IDS][64];
    int n;
} ids;

static int on_place(void *ctx, const toponorm_term *t)
{
    ids *x = ctx;
    int i;
    if (t->kind != TOPONORM_TERM_PLACE || t->len >= 64)
        return 0;
    for (i = 0; i < x->n; i++)
        if (strcmp(x->id[i], t->text) == 0)
            return 0;
    if (x->n < MAX_IDS)
        strcpy(x->id[x->n++], t->text);
    return 0;
}

/* Print s padded with spaces to w columns (code points, not bytes). */
static void pad(const char *s, int w)
{
    int n = 0;
    const char *p;
    for (p = s; *p; p++)
        n += ((unsigned char)*p & 0xC0) != 0x80;
    fputs(s, stdout);
    for (; n < w; n++)
        putchar(' ');
}

static const char *official(const toponorm_lexicon *lx, int pi, const char *lang)
{
    toponorm_place pl;
    toponorm_place_name nm;
    int k;
    toponorm_place_info(lx, pi, &pl);
    for (k = 0; k < pl.n_names; k++)
        if (toponorm_place_get_name(lx, pi, k, &nm) == 0 && strcmp(nm.lang, lang) == 0 &&
            strcmp(nm.type, "official") == 0)
            return nm.name;
    return NULL;
}

static void show_place(const toponorm_lexicon *lx, int pi)
{
    static const char *const langs[] = {"uk", "ru"};
    toponorm_place pl, rg;
    toponorm_place_name nm;
    int k, t, l;
    char year[8], lang[16];

    toponorm_place_info(lx, pi, &pl);
    printf("XP%s  %s  %s  %s", pl.id, pl.name, pl.kind, pl.country);
    if (pl.region >= 0 && toponorm_place_info(lx, pl.region, &rg) == 0)
        printf("  region %s (%s)", rg.id, rg.name);
    if (pl.population >= 0)
        printf("  population %ld", pl.population);
    printf("\n  %-30s %-5s %-12s %-5s %s\n", "name", "lang", "type", "year", "source");
    for (k = 0; k < pl.n_names; k++) {
        if (toponorm_place_get_name(lx, pi, k, &nm) != 0)
            continue;
        snprintf(year, sizeof year, "%d", nm.year);
        fputs("  ", stdout);
        pad(nm.name, 30);
        printf(" %-5s %-12s %-5s %s\n", nm.lang, nm.type, nm.year ? year : "-", nm.source);
    }
    for (l = 0; l < 2; l++) {
        const char *name = official(lx, pi, langs[l]);
        if (!name)
            continue;
        printf("  %s official name %s in every shipped %s table:\n", langs[l], name, langs[l]);
        for (t = 0; t < toponorm_translit_count(lx); t++) {
            char *out = NULL;
            size_t n;
            if (toponorm_translit_attr(lx, t, "lang", lang, sizeof lang) < 0 ||
                strcmp(lang, langs[l]) != 0 ||
                toponorm_translit(lx, t, name, strlen(name), &out, &n) != 0)
                continue;
            printf("    %-22s %s\n", toponorm_translit_name(lx, t), out);
            toponorm_free(out);
        }
    }
}

static int cmd_show(int argc, char **argv)
{
    const char *lexicon = NULL;
    char text[4096] = "";
    cli_analyzer ca;
    ids found;
    int i, rc;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--lexicon") == 0 && i + 1 < argc)
            lexicon = argv[++i];
        else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "usage: toponorm lexicon show [--lexicon FILE] NAME...\n");
            return EXIT_USAGE;
        } else if (strlen(text) + strlen(argv[i]) + 2 < sizeof text) {
            if (*text)
                strcat(text, " ");
            strcat(text, argv[i]);
        }
    }
    if (!*text) {
        fprintf(stderr, "usage: toponorm lexicon show [--lexicon FILE] NAME...\n");
        return EXIT_USAGE;
    }
    if ((rc = cli_analyzer_open(&ca, lexicon)) != EXIT_OK)
        return rc;
    found.n = 0;
    toponorm_analyze(ca.an, ca.sc, text, strlen(text), TOPONORM_FOR_QUERY, on_place, &found);
    if (!found.n) {
        fprintf(stderr, "toponorm: no place in the lexicon is called '%s'%s\n", text,
                toponorm_place_count(ca.lx) ? "" : " (this lexicon has no gazetteer)");
        cli_analyzer_close(&ca);
        return EXIT_INPUT;
    }
    for (i = 0; i < found.n; i++) {
        int pi = toponorm_place_find(ca.lx, found.id[i]);
        if (pi >= 0) {
            if (i)
                putchar('\n');
            show_place(ca.lx, pi);
        }
    }
    cli_analyzer_close(&ca);
    return EXIT_OK;
}

/* ---- compile ----------------------------------------------------------- */

typedef struct argvec {
    char **v;
    int n, cap;
} argvec;

static void push(argvec *a, const char *s)
{
    if (a->n + 1 >= a->cap) {
        a->cap = a->cap ? a->cap * 2 : 64;
        a->v = realloc(a->v, (size_t)a->cap * sizeof *a->v);
        if (!a->v) {
            fprintf(stderr, "toponorm: out of memory\n");
            exit(EXIT_INPUT);
        }
    }
    a->v[a->n++] = strdup(s);
    a->v[a->n] = NULL;
}

static int str_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A directory's *.tsv files, sorted (so the result does not depend on readdir). */
static int push_dir(argvec *a, const char *dir, int quiet_missing)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    argvec names = {0};
    int i;
    char path[4096];
    if (!d) {
        if (quiet_missing && errno == ENOENT)
            return 0;
        fprintf(stderr, "toponorm: %s: %s\n", dir, strerror(errno));
        return -1;
    }
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n > 4 && strcmp(e->d_name + n - 4, ".tsv") == 0)
            push(&names, e->d_name);
    }
    closedir(d);
    if (names.n)
        qsort(names.v, (size_t)names.n, sizeof *names.v, str_cmp);
    for (i = 0; i < names.n; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names.v[i]);
        push(a, path);
        free(names.v[i]);
    }
    free(names.v);
    return 0;
}

static void mkdirs(const char *path)
{
    char buf[4096], *p;
    snprintf(buf, sizeof buf, "%s", path);
    for (p = buf + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            mkdir(buf, 0777);
            *p = '/';
        }
}

static int cmd_compile(int argc, char **argv)
{
    const char *out = NULL, *list = getenv("TOPONORM_SOURCES"), *base = getenv("TOPONORM_SOURCES_DIR");
    const char *home = getenv("HOME"), *xdg;
    char def_out[4096], def_dir[4096], dir[4096], line[4096], path[8192];
    argvec a = {0};
    FILE *f;
    int i, n_user = 0, rc;

    if (!list || !*list)
        list = TOPONORM_PKGDATADIR "/sources.list";
    push(&a, "lexc");
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
            out = argv[++i];
        else if (strcmp(argv[i], "--sources") == 0 && i + 1 < argc)
            list = argv[++i];
        else if (argv[i][0] == '-') {
            fprintf(stderr, "usage: toponorm lexicon compile [-o OUT] [--sources LIST] [FILE|DIR]...\n");
            return EXIT_USAGE;
        }
    }
    if (!out) {
        xdg = getenv("XDG_DATA_HOME");
        if (xdg && *xdg)
            snprintf(def_out, sizeof def_out, "%s/toponorm/toponorm.lex", xdg);
        else
            snprintf(def_out, sizeof def_out, "%s/.local/share/toponorm/toponorm.lex",
                     home ? home : ".");
        mkdirs(def_out);
        out = def_out;
    }
    push(&a, "--data-version");
    push(&a, "user");
    push(&a, "-o");
    push(&a, out);
    /* the shipped sources, in their order */
    if (!(f = fopen(list, "r"))) {
        fprintf(stderr, "toponorm: %s: %s (the list of shipped lexicon sources; set "
                "TOPONORM_SOURCES or --sources)\n", list, strerror(errno));
        return EXIT_INPUT;
    }
    if (base && *base)
        snprintf(dir, sizeof dir, "%s", base);
    else {
        const char *slash = strrchr(list, '/');
        snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - list) : 1, slash ? list : ".");
    }
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (!*line || *line == '#')
            continue;
        if (*line == '/')
            snprintf(path, sizeof path, "%s", line);
        else
            snprintf(path, sizeof path, "%s/%s", dir, line);
        push(&a, path);
    }
    fclose(f);
    /* the user's files */
    for (i = 1; i < argc; i++) {
        struct stat st;
        if (strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--sources") == 0) {
            i++;
            continue;
        }
        n_user++;
        if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            if (push_dir(&a, argv[i], 0) != 0)
                return EXIT_INPUT;
        } else {
            push(&a, argv[i]);
        }
    }
    if (!n_user) {
        xdg = getenv("XDG_CONFIG_HOME");
        if (xdg && *xdg)
            snprintf(def_dir, sizeof def_dir, "%s/toponorm/places", xdg);
        else
            snprintf(def_dir, sizeof def_dir, "%s/.config/toponorm/places", home ? home : ".");
        if (push_dir(&a, def_dir, 1) != 0)
            return EXIT_INPUT;
    }
    rc = lexc_main(a.n, a.v);
    for (i = 0; i < a.n; i++)
        free(a.v[i]);
    free(a.v);
    if (rc == 0)
        fprintf(stderr, "toponorm: wrote %s (use it with TOPONORM_LEXICON=%s or --lexicon)\n",
                out, out);
    return rc == 0 ? EXIT_OK : rc == 2 ? EXIT_USAGE : EXIT_INPUT;
}

int cmd_lexicon(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "show") == 0)
        return cmd_show(argc - 1, argv + 1);
    if (argc >= 2 && strcmp(argv[1], "compile") == 0)
        return cmd_compile(argc - 1, argv + 1);
    fprintf(stderr, "usage: toponorm lexicon show [--lexicon FILE] NAME...\n"
                    "       toponorm lexicon compile [-o OUT] [--sources LIST] [FILE|DIR]...\n");
    return EXIT_USAGE;
}
