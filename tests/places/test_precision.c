/*
** test_precision.c: ordinary words that are also forms of gazetteer names
** (ordinary-sentences.tsv, made from lexicons/places/ambiguous.tsv) against
** the shipped lexicon, in running text:
**
**   lower   сума / мир / бар / луга mid-sentence, lower case   -> no place id
**   start   the word capitalised, opening a sentence            -> no place id
**   name    the word capitalised mid-sentence (a name)          -> its place id(s)
**
**   test_precision FILE
*/
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "toponorm/toponorm.h"

typedef struct got {
    size_t at;             /* byte offset of the word in the sentence */
    char ids[512];         /* its place ids, space-separated, in order */
} got;

static int on_term(void *ctx, const toponorm_term *t)
{
    got *g = ctx;
    if (t->kind == TOPONORM_TERM_PLACE && t->start == g->at &&
        strlen(g->ids) + t->len + 2 < sizeof g->ids) {
        if (*g->ids)
            strcat(g->ids, " ");
        strncat(g->ids, t->text, t->len);
    }
    return 0;
}

int main(int argc, char **argv)
{
    toponorm_lexicon *lx;
    toponorm_analyzer *an;
    toponorm_scratch *sc;
    toponorm_error err;
    FILE *f;
    char line[4096];
    /* per case: total, right */
    static const char *const cases[] = {"lower", "start", "name"};
    long total[3] = {0}, right[3] = {0};
    int shown = 0, c;

    if (argc != 2 || !(f = fopen(argv[1], "r"))) {
        puts("Bail out! usage: test_precision ordinary-sentences.tsv");
        return 99;
    }
    if (toponorm_lexicon_open(NULL, &lx, &err) || toponorm_analyzer_new(lx, NULL, &an, &err) ||
        toponorm_scratch_new(an, &sc, &err)) {
        printf("Bail out! %s: %s\n", err.where, err.msg);
        return 99;
    }
    while (fgets(line, sizeof line, f)) {
        char *fld[6], *p = line, *hit;
        int n = 0;
        got g;
        line[strcspn(line, "\n")] = '\0';
        if (*line == '#' || !*line)
            continue;
        while (n < 6) {
            fld[n++] = p;
            if (!(p = strchr(p, '\t')))
                break;
            *p++ = '\0';
        }
        if (n != 6)
            continue;
        for (c = 0; c < 3 && strcmp(fld[2], cases[c]) != 0; c++)
            ;
        if (c == 3 || !(hit = strstr(fld[5], fld[4])))
            continue;
        memset(&g, 0, sizeof g);
        g.at = (size_t)(hit - fld[5]);
        toponorm_analyze(an, sc, fld[5], strlen(fld[5]), TOPONORM_FOR_INDEX, on_term, &g);
        total[c]++;
        if (strcmp(g.ids, strcmp(fld[3], "-") == 0 ? "" : fld[3]) == 0)
            right[c]++;
        else if (shown++ < 12)
            diag("%s %s: '%s' got '%s', want '%s'", fld[2], fld[1], fld[5], g.ids, fld[3]);
    }
    fclose(f);
    diag("ordinary words in running text: %ld lower case, %ld opening a sentence, %ld as names",
         total[0], total[1], total[2]);
    ok(total[0] >= 150 && total[1] >= 150, "at least 150 ambiguous words in each kind of sentence");
    ok(right[0] == total[0], "lower case mid-sentence: no place id (%ld/%ld)", right[0], total[0]);
    ok(right[1] == total[1], "capitalised, opening a sentence: no place id (%ld/%ld)", right[1],
       total[1]);
    ok(right[2] == total[2], "capitalised mid-sentence: the place id(s) (%ld/%ld)", right[2],
       total[2]);
    toponorm_scratch_free(sc);
    toponorm_analyzer_free(an);
    toponorm_lexicon_close(lx);
    return exit_status();
}
