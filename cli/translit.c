/*
** translit.c: `toponorm translit --scheme NAME | --list [--lexicon FILE]`:
** stdin to stdout through one transliteration table; everything that is
** not a Cyrillic word passes unchanged.  The text streams through in
** pieces that end at a newline (no word spans one), so memory stays small
** and output starts before the input ends.
*/
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/* The last newline in s[0..n), or NULL. */
static char *memrchr_nl(char *s, size_t n)
{
    while (n--)
        if (s[n] == '\n')
            return s + n;
    return NULL;
}

#define PIECE (1 << 16)   /* bytes read at a time; a longer line grows the buffer */

/* Transliterate text[0..len) to stdout; an error message and 0 on failure. */
static int put_piece(const toponorm_lexicon *lx, int t, const char *text, size_t len)
{
    char *out;
    size_t out_len;
    int rc = toponorm_translit(lx, t, text, len, &out, &out_len);
    if (rc) {
        fprintf(stderr, "toponorm translit: %s\n", toponorm_strerror(rc));
        return 0;
    }
    rc = fwrite(out, 1, out_len, stdout) == out_len;
    toponorm_free(out);
    if (!rc)
        fprintf(stderr, "toponorm translit: write error on stdout\n");
    return rc;
}

/* stdin to stdout, a piece ending at a newline at a time; the exit code. */
static int stream(const toponorm_lexicon *lx, int t)
{
    size_t cap = 2 * PIECE, n = 0, done;
    char *buf = malloc(cap);
    int eof = 0, rc = EXIT_OK;

    if (!buf) {
        fprintf(stderr, "toponorm translit: out of memory\n");
        return EXIT_INPUT;
    }
    while (!eof && rc == EXIT_OK) {
        ssize_t got;
        char *nl;
        if (cap - n < PIECE) {
            char *b = realloc(buf, cap * 2);
            if (!b) {
                fprintf(stderr, "toponorm translit: out of memory\n");
                rc = EXIT_INPUT;
                break;
            }
            buf = b;
            cap *= 2;
        }
        got = read(0, buf + n, cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            fprintf(stderr, "toponorm translit: cannot read stdin: %s\n", strerror(errno));
            rc = EXIT_INPUT;
            break;
        }
        eof = got == 0;
        /* Everything up to the last newline now (the bytes before this read
        ** hold none: they were left over), all that is left at the end. */
        nl = memrchr_nl(buf + n, (size_t)got);
        n += (size_t)got;
        done = eof ? n : nl ? (size_t)(nl - buf) + 1 : 0;
        if (done && !put_piece(lx, t, buf, done))
            rc = EXIT_INPUT;
        memmove(buf, buf + done, n - done);
        n -= done;
    }
    free(buf);
    if (rc == EXIT_OK && fflush(stdout) != 0) {
        fprintf(stderr, "toponorm translit: write error on stdout\n");
        rc = EXIT_INPUT;
    }
    return rc;
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
    rc = stream(ca.lx, t);
    cli_analyzer_close(&ca);
    return rc;
}
