/*
** translit.c: `toponorm translit --scheme NAME | --list [--lexicon FILE]`:
** stdin to stdout through one transliteration table; everything that is
** not a Cyrillic word passes unchanged.
*/
#define _POSIX_C_SOURCE 200809L
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void usage(FILE *f)
{
    fputs("usage: toponorm translit --scheme NAME [--lexicon FILE]   (stdin -> stdout)\n"
          "       toponorm translit --list [--lexicon FILE]\n", f);
}

/* One line per table: name, language, purpose, standard. */
static void list(const toponorm_lexicon *lx)
{
    int i, n = toponorm_translit_count(lx);
    char lang[16], purpose[32], standard[256];
    for (i = 0; i < n; i++) {
        if (toponorm_translit_attr(lx, i, "lang", lang, sizeof lang) < 0) strcpy(lang, "?");
        if (toponorm_translit_attr(lx, i, "purpose", purpose, sizeof purpose) < 0) strcpy(purpose, "?");
        if (toponorm_translit_attr(lx, i, "standard", standard, sizeof standard) < 0) standard[0] = '\0';
        printf("%-24s %-3s %-12s %s\n", toponorm_translit_name(lx, i), lang, purpose, standard);
    }
}

int cmd_translit(int argc, char **argv)
{
    static const struct option opts[] = {
        {"scheme", required_argument, NULL, 's'}, {"list", no_argument, NULL, 'L'},
        {"lexicon", required_argument, NULL, 'x'}, {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *scheme = NULL, *lexicon = NULL;
    int c, do_list = 0, rc, t;
    cli_analyzer ca;
    char *text, *out;
    size_t len, out_len;

    optind = 1;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case 's': scheme = optarg; break;
        case 'L': do_list = 1; break;
        case 'x': lexicon = optarg; break;
        case 'h': usage(stdout); return EXIT_OK;
        default: usage(stderr); return EXIT_USAGE;
        }
    }
    if (optind < argc || (!scheme && !do_list)) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if ((rc = cli_lexicon_open(&ca, lexicon)) != EXIT_OK)
        return rc;
    if (do_list) {
        list(ca.lx);
        cli_analyzer_close(&ca);
        return EXIT_OK;
    }
    if ((t = toponorm_translit_find(ca.lx, scheme)) < 0) {
        fprintf(stderr, "toponorm translit: no scheme '%s' (toponorm translit --list shows them)\n",
                scheme);
        cli_analyzer_close(&ca);
        return EXIT_USAGE;
    }
    if (!(text = cli_slurp(stdin, &len))) {
        fprintf(stderr, "toponorm translit: cannot read stdin\n");
        cli_analyzer_close(&ca);
        return EXIT_INPUT;
    }
    rc = toponorm_translit(ca.lx, t, text, len, &out, &out_len);
    free(text);
    if (rc) {
        fprintf(stderr, "toponorm translit: %s\n", toponorm_strerror(rc));
        cli_analyzer_close(&ca);
        return EXIT_INPUT;
    }
    if (fwrite(out, 1, out_len, stdout) != out_len || fflush(stdout) != 0) {
        fprintf(stderr, "toponorm translit: write error on stdout\n");
        rc = EXIT_INPUT;
    }
    toponorm_free(out);
    cli_analyzer_close(&ca);
    return rc ? EXIT_INPUT : EXIT_OK;
}
