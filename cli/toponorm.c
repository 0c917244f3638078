/*
** toponorm.c: the `toponorm` command: dispatch to a subcommand.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static char outbuf[1 << 16];

static int open_lexicon(cli_analyzer *ca, const char *lexicon, int analyzer,
                        const toponorm_options *opt)
{
    toponorm_error err;
    memset(ca, 0, sizeof *ca);
    memset(&err, 0, sizeof err);
    if (toponorm_lexicon_open(lexicon, &ca->lx, &err) != TOPONORM_OK ||
        (analyzer && (toponorm_analyzer_new(ca->lx, opt, &ca->an, &err) != TOPONORM_OK ||
                      toponorm_scratch_new(ca->an, &ca->sc, &err) != TOPONORM_OK))) {
        if (err.line)
            fprintf(stderr, "toponorm: %s:%d: %s\n", err.where, err.line, err.msg);
        else
            fprintf(stderr, "toponorm: %s: %s\n", err.where, err.msg);
        cli_analyzer_close(ca);
        return EXIT_INPUT;
    }
    return EXIT_OK;
}

int cli_analyzer_open(cli_analyzer *ca, const char *lexicon)
{
    return open_lexicon(ca, lexicon, 1, NULL);
}

int cli_analyzer_open_with(cli_analyzer *ca, const char *lexicon, const toponorm_options *opt)
{
    return open_lexicon(ca, lexicon, 1, opt);
}

int cli_lexicon_open(cli_analyzer *ca, const char *lexicon)
{
    return open_lexicon(ca, lexicon, 0, NULL);
}

void cli_analyzer_close(cli_analyzer *ca)
{
    toponorm_scratch_free(ca->sc);
    toponorm_analyzer_free(ca->an);
    toponorm_lexicon_close(ca->lx);
    memset(ca, 0, sizeof *ca);
}

int cli_keys_option(const char *cmd, const char *arg, unsigned *flags)
{
    if (!strcmp(arg, "names")) {
        *flags |= TOPONORM_KEYS_FOR_NAMES;
        return EXIT_OK;
    }
    if (!strcmp(arg, "all")) {
        *flags &= ~TOPONORM_KEYS_FOR_NAMES;
        return EXIT_OK;
    }
    fprintf(stderr, "toponorm %s: --keys takes names or all, not '%s'\n", cmd, arg);
    return EXIT_USAGE;
}

char *cli_slurp(FILE *in, size_t *len)
{
    size_t cap = 1 << 20, n = 0, got;
    char *buf = malloc(cap);
    if (!buf)
        return NULL;
    while ((got = fread(buf + n, 1, cap - n, in)) > 0) {
        n += got;
        if (n == cap) {
            char *p = realloc(buf, cap * 2);
            if (!p) {
                free(buf);
                return NULL;
            }
            buf = p;
            cap *= 2;
        }
    }
    if (ferror(in)) {
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

static void usage(FILE *f)
{
    fputs("usage: toponorm COMMAND [OPTIONS]\n"
          "commands:\n"
          "  analyze   text on stdin -> tokens and their index terms (see toponorm analyze --help)\n"
          "  translit  text on stdin -> romanised by one standard (--scheme NAME, --list)\n"
          "  check     regression-test transliteration tables against samples and golden files\n"
          "  index     index documents into a Xapian database (see toponorm index --help)\n"
          "  search    search it in any spelling (see toponorm search --help)\n"
          "  delete    remove documents by id: toponorm delete DB ID...\n"
          "  lexicon   show NAME: the places a name resolves to; compile: add your own places\n"
          "  version   print the library and lexicon versions\n"
          "index/search: DB is the first argument (or --db DB); with none, the default\n"
          "database $XDG_DATA_HOME/toponorm/db (~/.local/share/toponorm/db): `index` uses it\n"
          "when given no argument at all, `search` when its first argument is not an existing\n"
          "path and has no '/'.\n", f);
}

int main(int argc, char **argv)
{
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (strcmp(argv[1], "analyze") == 0)
        return cmd_analyze(argc - 1, argv + 1);
    if (strcmp(argv[1], "translit") == 0)
        return cmd_translit(argc - 1, argv + 1);
    if (strcmp(argv[1], "check") == 0)
        return cmd_check(argc - 1, argv + 1);
    if (strcmp(argv[1], "index") == 0)
        return cmd_index(argc - 1, argv + 1);
    if (strcmp(argv[1], "search") == 0)
        return cmd_search(argc - 1, argv + 1);
    if (strcmp(argv[1], "delete") == 0)
        return cmd_delete(argc - 1, argv + 1);
    if (strcmp(argv[1], "lexicon") == 0)
        return cmd_lexicon(argc - 1, argv + 1);
    if (strcmp(argv[1], "version") == 0 || strcmp(argv[1], "--version") == 0) {
        cli_analyzer ca;
        printf("toponorm %s\n", toponorm_version());
        if (cli_analyzer_open(&ca, NULL) == EXIT_OK) {
            printf("lexicon %s (%s)\n", toponorm_lexicon_data_version(ca.lx),
                   toponorm_default_lexicon_path());
            cli_analyzer_close(&ca);
        }
        return EXIT_OK;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        usage(stdout);
        return EXIT_OK;
    }
    fprintf(stderr, "toponorm: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return EXIT_USAGE;
}
