/*
** test_recall.c: for every place of the shipped gazetteer, each of its
** names, inflected forms and derived adjectives (as `lexc --dump-forms`
** lists them), and its uk/ru official names romanised by every shipped
** table of that language, put in running text, must yield the place's id.
** Prints recall per category (name kind x language, table) and fails
** below the floors set here; checks that uk/ru one-word names get at
** least 5 case forms each (the name and 4 inflected ones).
**
**   test_recall FORMS.tsv
*/
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tap.h"
#include "toponorm/toponorm.h"

#define MAX_CAT 96

typedef struct cat {
    char name[64];
    long total, hit;
    double floor;
    char miss[3][160];
    int n_miss;
} cat;

static cat cats[MAX_CAT];
static int n_cats;

static cat *category(const char *name, double floor)
{
    int i;
    for (i = 0; i < n_cats; i++)
        if (strcmp(cats[i].name, name) == 0)
            return &cats[i];
    if (n_cats == MAX_CAT)
        return &cats[MAX_CAT - 1];
    snprintf(cats[n_cats].name, sizeof cats[n_cats].name, "%s", name);
    cats[n_cats].floor = floor;
    return &cats[n_cats++];
}

typedef struct look {
    size_t at;
    const char *id;
    int found;
} look;

static int on_term(void *ctx, const toponorm_term *t)
{
    look *l = ctx;
    if (t->kind == TOPONORM_TERM_PLACE && t->start == l->at && strlen(l->id) == t->len &&
        memcmp(t->text, l->id, t->len) == 0)
        l->found = 1;
    return 0;
}

/* Does `before FORM after` give FORM's first word the place id? */
static int meets(toponorm_analyzer *an, toponorm_scratch *sc, const char *before,
                 const char *form, const char *after, const char *id)
{
    char text[1024];
    look l;
    int n = snprintf(text, sizeof text, "%s%s%s", before, form, after);
    if (n < 0 || (size_t)n >= sizeof text)
        return 0;
    l.at = strlen(before);
    l.id = id;
    l.found = 0;
    toponorm_analyze(an, sc, text, (size_t)n, TOPONORM_FOR_INDEX, on_term, &l);
    return l.found;
}

static void count(cat *c, int hit, const char *id, const char *form)
{
    c->total++;
    if (hit)
        c->hit++;
    else if (c->n_miss < 3)
        snprintf(c->miss[c->n_miss++], sizeof c->miss[0], "%s %s", id, form);
}

static int cyrillic(const char *s)
{
    return (unsigned char)s[0] >= 0xD0 && (unsigned char)s[0] <= 0xD3;
}

int main(int argc, char **argv)
{
    toponorm_lexicon *lx;
    toponorm_analyzer *an;
    toponorm_scratch *sc;
    toponorm_error err;
    FILE *f;
    char line[2048], name[128], last_key[128] = "";
    long groups = 0, groups_ok = 0, names_here = 0, forms_here = 0;
    int i, t;

    if (argc != 2 || !(f = fopen(argv[1], "r"))) {
        puts("Bail out! usage: test_recall FORMS.tsv");
        return 99;
    }
    if (toponorm_lexicon_open(NULL, &lx, &err) || toponorm_analyzer_new(lx, NULL, &an, &err) ||
        toponorm_scratch_new(an, &sc, &err)) {
        printf("Bail out! %s: %s\n", err.where, err.msg);
        return 99;
    }
    while (fgets(line, sizeof line, f)) {
        char *fld[7], *p = line, key[128];
        int n = 0, cyr, hit;
        line[strcspn(line, "\n")] = '\0';
        while (n < 7) {
            fld[n++] = p;
            if (!(p = strchr(p, '\t')))
                break;
            *p++ = '\0';
        }
        if (n != 7)
            continue;
        /* id lang type kind form population country */
        cyr = cyrillic(fld[4]);
        /* ≥ 5 inflected forms per uk/ru one-word name, counted per place and language */
        if (strcmp(fld[1], "uk") == 0 || strcmp(fld[1], "ru") == 0) {
            snprintf(key, sizeof key, "%s %s", fld[0], fld[1]);
            if (strcmp(key, last_key) != 0) {
                if (names_here) {
                    groups++;
                    groups_ok += forms_here >= 4 * names_here;
                }
                snprintf(last_key, sizeof last_key, "%s", key);
                names_here = forms_here = 0;
            }
            if (strcmp(fld[3], "name") == 0 && cyr && !strchr(fld[4], ' ') && !strchr(fld[4], '-'))
                names_here++;
            else if (strcmp(fld[3], "inflected") == 0)
                forms_here++;
        }
        snprintf(name, sizeof name, "%s %s", fld[3], fld[1]);
        hit = cyr ? meets(an, sc, "Ми писали про ", fld[4], " сьогодні.", fld[0])
                  : meets(an, sc, "We wrote about ", fld[4], " today.", fld[0]);
        count(category(name, strcmp(fld[3], "adjective") == 0 ? 0.95 : 0.97), hit, fld[0], fld[4]);
        /* the romanisations of uk/ru official names, by every table of that language */
        if (strcmp(fld[3], "name") == 0 && strcmp(fld[2], "official") == 0 && cyr &&
            (strcmp(fld[1], "uk") == 0 || strcmp(fld[1], "ru") == 0)) {
            for (t = 0; t < toponorm_translit_count(lx); t++) {
                char lang[8], *out = NULL, tname[64];
                size_t len;
                if (toponorm_translit_attr(lx, t, "lang", lang, sizeof lang) < 0 ||
                    strcmp(lang, fld[1]) != 0 ||
                    toponorm_translit(lx, t, fld[4], strlen(fld[4]), &out, &len) != 0)
                    continue;
                snprintf(tname, sizeof tname, "table %s", toponorm_translit_name(lx, t));
                count(category(tname, 0.90), meets(an, sc, "We wrote about ", out, " today.", fld[0]),
                      fld[0], out);
                toponorm_free(out);
            }
        }
    }
    if (names_here) {
        groups++;
        groups_ok += forms_here >= 4 * names_here;
    }
    fclose(f);
    for (i = 0; i < n_cats; i++) {
        cat *c = &cats[i];
        double r = c->total ? (double)c->hit / (double)c->total : 1.0;
        if (!ok(r >= c->floor, "recall %-28s %6ld/%-6ld %6.2f%% (floor %.0f%%)", c->name, c->hit,
                c->total, 100.0 * r, 100.0 * c->floor) || (r < 1.0 && c->n_miss)) {
            int k;
            for (k = 0; k < c->n_miss; k++)
                diag("  missed: %s", c->miss[k]);
        }
    }
    /* Донецьк/Донецк have 4 distinct oblique forms (Донецька, Донецьку,
    ** Донецьком, Донецькові): with the name, 5 case forms; most have more. */
    ok(groups_ok >= groups * 95 / 100,
       "uk/ru one-word names with the name and >= 4 more case forms each (>= 5 forms): "
       "%ld of %ld (place, language) pairs", groups_ok, groups);
    toponorm_scratch_free(sc);
    toponorm_analyzer_free(an);
    toponorm_lexicon_close(lx);
    return exit_status();
}
