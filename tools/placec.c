/*
** placec.c: compile the gazetteer (lexicons/places/, PLACES-FORMAT in
** lexicons/FORMAT.md) into the places section of the lexicon (lexfmt.h).
**
**   places*.tsv     id kind country region population name     one place a line
**   names*.tsv      id lang name type year source              one name a line
**   ambiguous*.tsv  word lang policy note                      ordinary words
**
** Every name becomes lookup strings: its words' folded spellings ("=" +
** surface; a Cyrillic word is found by its spelling only, since the match
** key is too coarse between distinct Cyrillic words: усі/Уси, інші/Инза)
** and their match keys (where romanisations meet), both computed by the
** library itself (so they are exactly what the analyzer computes on text),
** for the name as written and for every inflected form and derived
** adjective (morph.h).  A lookup string maps to postings: which place, and
** which word of which multi-word name.  Output is deterministic: places
** sorted by id, names by place then input order, strings bytewise.
*/
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lexfmt.h"
#include "morph.h"
#include "placec.h"
#include "toponorm/toponorm.h"
#include "utf8.h"

#define NFIELDS_MAX 8
#define ADJ_MIN_POP 150000     /* see name_forms */

typedef struct pc_place {
    char *id, *name, *region_id;
    uint32_t region, pop, seq, first_name, n_names;
    uint8_t kind;
    char country[3];
    const char *file;
    int line;
} pc_place;

typedef struct pc_name {
    char *id, *name, *source;
    uint32_t place, seq;
    uint16_t year;
    uint8_t lang, type;
    const char *file;
    int line;
} pc_name;

typedef struct pc_amb {
    char *word;
    uint8_t policy;           /* TN_POSTF_AMBIG or TN_POSTF_NEVER */
} pc_amb;

typedef struct pc_post {
    char *str, *lemma;
    uint32_t place, group;
    uint8_t wi, nw, flags;
} pc_post;

/* A set of strings with a value (interned pool offsets, ambiguous keys). */
typedef struct strmap {
    char **keys;
    uint32_t *vals;
    size_t n, cap;            /* cap: a power of two */
} strmap;

struct placec {
    pc_place *places;
    size_t n_places, cap_places;
    pc_name *names;
    size_t n_names, cap_names;
    pc_amb *ambs;
    size_t n_ambs;
    pc_post *posts;
    size_t n_posts, cap_posts;
    char **files;
    size_t n_files;
    uint32_t n_groups;
    strmap amb_keys;          /* lookup string -> policy flag */
    FILE *dump;
    /* the library, over the first-stage lexicon */
    toponorm_lexicon *lx;
    toponorm_analyzer *an;
    toponorm_scratch *sc;
};

#define complain lexc_complain
#define xrealloc lexc_xrealloc
#define xstrdup lexc_xstrdup

/* ---- small string map ------------------------------------------------- */

static uint32_t *strmap_slot(strmap *m, const char *k, int insert)
{
    size_t i;
    if (insert && (m->n + 1) * 2 > m->cap) {
        strmap old = *m;
        size_t j;
        m->cap = m->cap ? m->cap * 2 : 1024;
        m->keys = calloc(m->cap, sizeof *m->keys);
        m->vals = calloc(m->cap, sizeof *m->vals);
        if (!m->keys || !m->vals) {
            fprintf(stderr, "lexc: out of memory\n");
            exit(2);
        }
        m->n = 0;
        for (j = 0; j < old.cap; j++)
            if (old.keys[j]) {
                *strmap_slot(m, old.keys[j], 1) = old.vals[j];
                free(old.keys[j]);
            }
        free(old.keys);
        free(old.vals);
    }
    if (!m->cap)
        return NULL;
    for (i = tn_place_hash(k, strlen(k)) & (m->cap - 1); m->keys[i]; i = (i + 1) & (m->cap - 1))
        if (strcmp(m->keys[i], k) == 0)
            return &m->vals[i];
    if (!insert)
        return NULL;
    m->keys[i] = xstrdup(k);
    m->vals[i] = 0;
    m->n++;
    return &m->vals[i];
}

static void strmap_free(strmap *m)
{
    size_t i;
    for (i = 0; i < m->cap; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

/* ---- reading the files ------------------------------------------------ */

placec *placec_new(void)
{
    placec *pc = calloc(1, sizeof *pc);
    if (!pc) {
        fprintf(stderr, "lexc: out of memory\n");
        exit(2);
    }
    return pc;
}

void placec_free(placec *pc)
{
    size_t i;
    if (!pc)
        return;
    for (i = 0; i < pc->n_places; i++) {
        free(pc->places[i].id);
        free(pc->places[i].name);
        free(pc->places[i].region_id);
    }
    for (i = 0; i < pc->n_names; i++) {
        free(pc->names[i].id);
        free(pc->names[i].name);
        free(pc->names[i].source);
    }
    for (i = 0; i < pc->n_ambs; i++)
        free(pc->ambs[i].word);
    for (i = 0; i < pc->n_posts; i++) {
        free(pc->posts[i].str);
        free(pc->posts[i].lemma);
    }
    for (i = 0; i < pc->n_files; i++)
        free(pc->files[i]);
    free(pc->places);
    free(pc->names);
    free(pc->ambs);
    free(pc->posts);
    free(pc->files);
    strmap_free(&pc->amb_keys);
    toponorm_scratch_free(pc->sc);
    toponorm_analyzer_free(pc->an);
    toponorm_lexicon_close(pc->lx);
    free(pc);
}

static int lookup(const char *const *list, int n, const char *s)
{
    int i;
    for (i = 0; i < n; i++)
        if (strcmp(list[i], s) == 0)
            return i;
    return -1;
}

static int all_digits(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return 0;
    return 1;
}

/* A place id: a GeoNames number, an ISO 3166-2 code (ISO 3166-1 alpha-2
** for a country), or x-<slug>. */
static int valid_id(const char *s)
{
    size_t n = strlen(s), i;
    if (n == 0 || n > 64)
        return 0;
    if (n == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z')
        return 1;
    if (all_digits(s))
        return s[0] != '0';
    if (n >= 4 && n <= 6 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' &&
        s[2] == '-') {
        for (i = 3; i < n; i++)
            if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9')))
                return 0;
        return 1;
    }
    if (n >= 3 && s[0] == 'x' && s[1] == '-') {
        for (i = 2; i < n; i++)
            if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
                return 0;
        return 1;
    }
    return 0;
}

/* Split line at tabs into at most max fields; returns the count (max+1: too many). */
static int split(char *line, char **f, int max)
{
    int n = 0;
    char *p = line;
    for (;;) {
        char *t = strchr(p, '\t');
        if (n == max)
            return max + 1;
        f[n++] = p;
        if (!t)
            return n;
        *t = '\0';
        p = t + 1;
    }
}

enum { F_PLACES, F_NAMES, F_AMBIG };

static void read_places(placec *pc, char **f, const char *file, int line)
{
    pc_place p;
    int k;
    memset(&p, 0, sizeof p);
    if (!valid_id(f[0])) {
        complain(file, line, "bad place id '%s' (a GeoNames number, an ISO 3166-2 code "
                 "like UA-14, a country code like UA, or x-<lower-case slug>)", f[0]);
        return;
    }
    if ((k = lookup(tn_place_kinds, TN_PK_MAX + 1, f[1])) <= 0) {
        complain(file, line, "unknown kind '%s' (city, region, area or country)", f[1]);
        return;
    }
    if (strlen(f[2]) != 2 || f[2][0] < 'A' || f[2][0] > 'Z' || f[2][1] < 'A' || f[2][1] > 'Z') {
        complain(file, line, "bad country '%s' (ISO 3166-1 alpha-2, e.g. UA)", f[2]);
        return;
    }
    if (strcmp(f[3], "-") != 0 && !valid_id(f[3])) {
        complain(file, line, "bad region id '%s' (a place id or -)", f[3]);
        return;
    }
    if (strcmp(f[4], "-") != 0 && (!all_digits(f[4]) || strlen(f[4]) > 9)) {
        complain(file, line, "bad population '%s' (digits or -)", f[4]);
        return;
    }
    if (!*f[5] || strcmp(f[5], "-") == 0) {
        complain(file, line, "empty display name");
        return;
    }
    p.id = xstrdup(f[0]);
    p.kind = (uint8_t)k;
    memcpy(p.country, f[2], 3);
    p.region_id = strcmp(f[3], "-") ? xstrdup(f[3]) : NULL;
    p.region = TN_NO_INDEX;
    p.pop = strcmp(f[4], "-") ? (uint32_t)strtoul(f[4], NULL, 10) : TN_NO_INDEX;
    p.name = xstrdup(f[5]);
    p.file = file;
    p.line = line;
    p.seq = (uint32_t)pc->n_places;
    if (pc->n_places == pc->cap_places) {
        pc->cap_places = pc->cap_places ? pc->cap_places * 2 : 256;
        pc->places = xrealloc(pc->places, pc->cap_places * sizeof *pc->places);
    }
    pc->places[pc->n_places++] = p;
}

static void read_name(placec *pc, char **f, const char *file, int line)
{
    pc_name nm;
    int lang, type;
    memset(&nm, 0, sizeof nm);
    if (!valid_id(f[0])) {
        complain(file, line, "bad place id '%s'", f[0]);
        return;
    }
    if ((lang = lookup(tn_name_langs, TN_NL_MAX + 1, f[1])) < 0) {
        complain(file, line, "unknown language '%s' (uk ru en de pl fr be, or -)", f[1]);
        return;
    }
    if (!*f[2] || strcmp(f[2], "-") == 0) {
        complain(file, line, "empty name");
        return;
    }
    if ((type = lookup(tn_name_types, TN_NT_MAX + 1, f[3])) <= 0) {
        complain(file, line, "unknown name type '%s' (official, former, historical, exonym, "
                 "region-form, variant)", f[3]);
        return;
    }
    if (strcmp(f[4], "-") != 0 && (!all_digits(f[4]) || strlen(f[4]) != 4)) {
        complain(file, line, "bad year '%s' (four digits or -)", f[4]);
        return;
    }
    if (!*f[5] || strcmp(f[5], "-") == 0) {
        complain(file, line, "empty source (name the source tag from the file's header)");
        return;
    }
    nm.id = xstrdup(f[0]);
    nm.lang = (uint8_t)lang;
    nm.name = xstrdup(f[2]);
    nm.type = (uint8_t)type;
    nm.year = strcmp(f[4], "-") ? (uint16_t)atoi(f[4]) : 0;
    nm.source = xstrdup(f[5]);
    nm.file = file;
    nm.line = line;
    nm.seq = (uint32_t)pc->n_names;
    if (pc->n_names == pc->cap_names) {
        pc->cap_names = pc->cap_names ? pc->cap_names * 2 : 1024;
        pc->names = xrealloc(pc->names, pc->cap_names * sizeof *pc->names);
    }
    pc->names[pc->n_names++] = nm;
}

static void read_ambiguous(placec *pc, char **f, const char *file, int line)
{
    pc_amb a;
    if (!*f[0] || strchr(f[0], ' ')) {
        complain(file, line, "the word must be one word");
        return;
    }
    if (lookup(tn_name_langs, TN_NL_MAX + 1, f[1]) < 0) {
        complain(file, line, "unknown language '%s'", f[1]);
        return;
    }
    if (strcmp(f[2], "capital") == 0)
        a.policy = TN_POSTF_AMBIG;
    else if (strcmp(f[2], "never") == 0)
        a.policy = TN_POSTF_NEVER;
    else {
        complain(file, line, "unknown policy '%s' (capital: a place only when capitalised "
                 "mid-sentence; never: only inside a longer name)", f[2]);
        return;
    }
    a.word = xstrdup(f[0]);
    pc->ambs = xrealloc(pc->ambs, (pc->n_ambs + 1) * sizeof *pc->ambs);
    pc->ambs[pc->n_ambs++] = a;
}

int placec_read(placec *pc, const char *path)
{
    const char *base = strrchr(path, '/');
    static const int nfields[] = {6, 6, 4};
    FILE *fp;
    char *line = NULL, *f[NFIELDS_MAX + 1];
    const char *file;
    size_t cap = 0;
    ssize_t len;
    int kind, lineno = 0, n, got;

    base = base ? base + 1 : path;
    if (strncmp(base, "places", 6) == 0)
        kind = F_PLACES;
    else if (strncmp(base, "names", 5) == 0)
        kind = F_NAMES;
    else if (strncmp(base, "ambiguous", 9) == 0)
        kind = F_AMBIG;
    else
        return 0;
    pc->files = xrealloc(pc->files, (pc->n_files + 1) * sizeof *pc->files);
    file = pc->files[pc->n_files++] = xstrdup(path);
    if (!(fp = fopen(path, "rb"))) {
        complain(file, 0, "cannot open: %s", strerror(errno));
        return 1;
    }
    while ((got = lexc_next_line(file, fp, &line, &cap, &len, &lineno)) != 0) {
        if (got < 0)
            continue;
        if (len == 0 || line[0] == '#')
            continue;
        if (!lexc_is_nfc(line)) {
            complain(file, lineno, "not in Unicode NFC (normalise the file first)");
            continue;
        }
        n = split(line, f, NFIELDS_MAX);
        if (n != nfields[kind]) {
            complain(file, lineno, "%d column%s, a %s line has %d (tab-separated; - for empty)",
                     n > NFIELDS_MAX ? NFIELDS_MAX + 1 : n, n == 1 ? "" : "s",
                     kind == F_PLACES ? "places" : kind == F_NAMES ? "names" : "ambiguous",
                     nfields[kind]);
            continue;
        }
        if (kind == F_PLACES)
            read_places(pc, f, file, lineno);
        else if (kind == F_NAMES)
            read_name(pc, f, file, lineno);
        else
            read_ambiguous(pc, f, file, lineno);
    }
    if (ferror(fp))
        complain(file, lineno, "read error");
    fclose(fp);
    free(line);
    return 1;
}

static int place_cmp(const void *a, const void *b)
{
    const pc_place *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    return c ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

static int name_cmp(const void *a, const void *b)
{
    const pc_name *x = a, *y = b;
    if (x->place != y->place)
        return x->place < y->place ? -1 : 1;
    return (x->seq > y->seq) - (x->seq < y->seq);
}

static uint32_t find_place(const placec *pc, const char *id)
{
    size_t lo = 0, hi = pc->n_places;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(pc->places[mid].id, id);
        if (c == 0)
            return (uint32_t)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return TN_NO_INDEX;
}

void placec_resolve(placec *pc)
{
    size_t i, j;
    if (pc->n_places)   /* a lexicon without a gazetteer: qsort must not get NULL */
        qsort(pc->places, pc->n_places, sizeof *pc->places, place_cmp);
    /* A place defined again adds nothing (user files layer names only);
    ** within one file it is a mistake. */
    for (i = j = 0; i < pc->n_places; i++) {
        if (j && strcmp(pc->places[j - 1].id, pc->places[i].id) == 0) {
            if (pc->places[j - 1].file == pc->places[i].file)
                complain(pc->places[i].file, pc->places[i].line,
                         "place id '%s' defined twice (first at line %d)", pc->places[i].id,
                         pc->places[j - 1].line);
            free(pc->places[i].id);
            free(pc->places[i].name);
            free(pc->places[i].region_id);
            continue;
        }
        pc->places[j++] = pc->places[i];
    }
    pc->n_places = j;
    for (i = 0; i < pc->n_places; i++) {
        pc_place *p = &pc->places[i];
        if (p->region_id && (p->region = find_place(pc, p->region_id)) == TN_NO_INDEX)
            complain(p->file, p->line, "unknown region id '%s' (no places file defines it)",
                     p->region_id);
    }
    for (i = 0; i < pc->n_names; i++) {
        pc_name *nm = &pc->names[i];
        if ((nm->place = find_place(pc, nm->id)) == TN_NO_INDEX)
            complain(nm->file, nm->line, "unknown place id '%s' (no places file defines it)",
                     nm->id);
    }
    if (pc->n_names)
        qsort(pc->names, pc->n_names, sizeof *pc->names, name_cmp);
    /* the same name twice (e.g. in a user file and a shipped one): once */
    for (i = j = 0; i < pc->n_names; i++) {
        size_t k;
        int dup = 0;
        for (k = j; k-- > 0 && pc->names[k].place == pc->names[i].place && !dup;)
            dup = pc->names[k].lang == pc->names[i].lang &&
                  pc->names[k].type == pc->names[i].type &&
                  strcmp(pc->names[k].name, pc->names[i].name) == 0;
        if (dup) {
            free(pc->names[i].id);
            free(pc->names[i].name);
            free(pc->names[i].source);
            continue;
        }
        pc->names[j++] = pc->names[i];
    }
    pc->n_names = j;
    for (i = 0; i < pc->n_names; i++) {
        pc_place *p = &pc->places[pc->names[i].place];
        if (pc->names[i].place == TN_NO_INDEX)
            continue;
        if (!p->n_names)
            p->first_name = (uint32_t)i;
        p->n_names++;
    }
}

int placec_has_places(const placec *pc)
{
    return pc->n_places > 0;
}

/* ---- keys, through the library --------------------------------------- */

#define MAX_WORDS 8
#define MAX_STRS  10      /* keys of one word (the analyzer yields at most 8) */

/* The tokens of a text: per position its span, surface and keys. */
typedef struct word {
    size_t start, end;
    char surface[256];
    char exact[258];              /* "=" and the surface: the spelling's lookup string */
    char strs[MAX_STRS][256];     /* its match keys (romanisations meet there) */
    int n_strs;
} word;

typedef struct words {
    word w[MAX_WORDS];
    int n;
    uint32_t last_pos;
    int overflow;
} words;

static void copy_term(char *dst, const toponorm_term *t)
{
    size_t n = t->len < 255 ? t->len : 255;
    memcpy(dst, t->text, n);
    dst[n] = '\0';
}

static int on_term(void *ctx, const toponorm_term *t)
{
    words *ws = ctx;
    word *w;
    if (t->flags & TOPONORM_TERM_COMPOUND)
        return 0;
    if (t->position != ws->last_pos) {
        if (ws->n == MAX_WORDS) {
            ws->overflow = 1;
            return 0;
        }
        w = &ws->w[ws->n++];
        memset(w, 0, sizeof *w);
        w->start = t->start;
        w->end = t->end;
        ws->last_pos = t->position;
    } else if (ws->overflow) {
        return 0;
    }
    w = &ws->w[ws->n - 1];
    if (t->kind == TOPONORM_TERM_SURFACE) {
        copy_term(w->surface, t);
        w->exact[0] = '=';
        copy_term(w->exact + 1, t);
    } else if (t->kind == TOPONORM_TERM_KEY && w->n_strs < MAX_STRS) {
        copy_term(w->strs[w->n_strs++], t);
    }
    return 0;
}

static int analyze(placec *pc, const char *text, words *ws)
{
    memset(ws, 0, sizeof *ws);
    if (toponorm_analyze(pc->an, pc->sc, text, strlen(text), TOPONORM_FOR_QUERY, on_term, ws))
        return -1;
    return 0;
}

/* ---- postings --------------------------------------------------------- */

typedef struct form_ctx {
    placec *pc;
    const pc_name *nm;
    uint32_t place, group;
    uint8_t wi, nw, extra;         /* extra flags: TN_POSTF_REGION */
    uint8_t xlang;                 /* TN_POSTF_XLANG for its key postings, or 0 */
    const char *lemma;             /* NULL: the form's own surface (adjectives) */
    char adj_lemma[256];
} form_ctx;

static void add_post(placec *pc, const char *str, uint32_t place, uint32_t group, uint8_t wi,
                     uint8_t nw, uint8_t flags, const char *lemma)
{
    pc_post *p;
    if (pc->n_posts == pc->cap_posts) {
        pc->cap_posts = pc->cap_posts ? pc->cap_posts * 2 : 4096;
        pc->posts = xrealloc(pc->posts, pc->cap_posts * sizeof *pc->posts);
    }
    p = &pc->posts[pc->n_posts++];
    p->str = xstrdup(str);
    p->lemma = xstrdup(lemma);
    p->place = place;
    p->group = group;
    p->wi = wi;
    p->nw = nw;
    p->flags = flags;
}

static const char *form_kind(unsigned flags)
{
    return flags & TN_POSTF_ADJ ? "adjective" : flags & TN_POSTF_FORM ? "inflected" : "name";
}

/* --dump-forms: id lang type kind form population country (tests/places,
** tools/ambiguous/regenerate) */
static void dump_form(placec *pc, uint32_t place, const pc_name *nm, const char *kind,
                      const char *form)
{
    const pc_place *p = &pc->places[place];
    fprintf(pc->dump, "%s\t%s\t%s\t%s\t%s\t", p->id, tn_name_langs[nm->lang],
            tn_name_types[nm->type], kind, form);
    if (p->pop == TN_NO_INDEX)
        fprintf(pc->dump, "-\t%s\n", p->country);
    else
        fprintf(pc->dump, "%u\t%s\n", (unsigned)p->pop, p->country);
}

/* One form of word wi: key it and post every lookup string. */
static void on_form(void *ctx, const char *form, unsigned flags)
{
    form_ctx *fc = ctx;
    placec *pc = fc->pc;
    words ws;
    const char *lemma;
    int k;
    if (analyze(pc, form, &ws) != 0 || ws.n != 1)
        return;                         /* not one token: not a form we can meet */
    if ((flags & TN_POSTF_ADJ) && !fc->adj_lemma[0])
        strcpy(fc->adj_lemma, ws.w[0].surface);   /* the first form is the lemma */
    lemma = flags & TN_POSTF_ADJ ? fc->adj_lemma : fc->lemma;
    add_post(pc, ws.w[0].exact, fc->place, fc->group, fc->wi, fc->nw,
             (uint8_t)(flags | fc->extra), lemma);
    /* Its romanisations, through the key; ambiguity is about the spelling.
    ** Not for derived adjectives: romanised text writes the name, and their
    ** keys were a fifth of the lexicon (and of its open time). */
    for (k = 0; k < ws.w[0].n_strs && !(flags & TN_POSTF_ADJ); k++)
        add_post(pc, ws.w[0].strs[k], fc->place, fc->group, fc->wi, fc->nw,
                 (uint8_t)((flags | fc->extra | TN_POSTF_KEY | fc->xlang) &
                           ~(TN_POSTF_AMBIG | TN_POSTF_NEVER)), lemma);
    if (pc->dump && fc->nw == 1)
        dump_form(pc, fc->place, fc->nm, form_kind(flags), form);
}

/*
** The stem term of a place's one-word forms: one per place, so Харків,
** Харкова, Харьков and Харькове share it: the uk official name, else the
** ru one, else the first Cyrillic one-word name.
*/
static void place_lemma(placec *pc, uint32_t place, char *out, size_t cap)
{
    const pc_place *p = &pc->places[place];
    static const uint8_t prefer[] = {1, 2, 0};     /* uk, ru, any */
    size_t k, j;
    words ws;
    *out = '\0';
    for (j = 0; j < sizeof prefer; j++)
        for (k = p->first_name; k < p->first_name + p->n_names; k++) {
            const pc_name *nm = &pc->names[k];
            if ((prefer[j] && (nm->lang != prefer[j] || nm->type != TN_NT_OFFICIAL)) ||
                analyze(pc, nm->name, &ws) != 0 || ws.n != 1 ||
                !((unsigned char)ws.w[0].surface[0] >= 0xD0 &&
                  (unsigned char)ws.w[0].surface[0] <= 0xD3))
                continue;
            snprintf(out, cap, "%s", ws.w[0].surface);
            return;
        }
}

static int has_lang(const placec *pc, uint32_t place, uint8_t lang)
{
    const pc_place *p = &pc->places[place];
    uint32_t k;
    for (k = p->first_name; k < p->first_name + p->n_names; k++)
        if (pc->names[k].lang == lang)
            return 1;
    return 0;
}

static void name_forms(placec *pc, const pc_name *nm)
{
    const pc_place *p = &pc->places[nm->place];
    const char *lang = tn_name_langs[nm->lang];
    words ws;
    form_ctx fc;
    char lemma[256];
    int i;

    if (analyze(pc, nm->name, &ws) != 0 || ws.n == 0)
        return;
    if (ws.overflow) {
        complain(nm->file, nm->line, "name has more than %d words", MAX_WORDS);
        return;
    }
    memset(&fc, 0, sizeof fc);
    fc.pc = pc;
    fc.nm = nm;
    fc.place = nm->place;
    fc.group = ws.n > 1 ? pc->n_groups++ : TN_NO_INDEX;
    fc.nw = (uint8_t)ws.n;
    fc.extra = nm->type == TN_NT_REGION ? TN_POSTF_REGION : 0;
    /* uk and ru are the languages whose words inflect and whose spellings
    ** differ; a place named in only one of them is met by key from the other */
    if ((nm->lang == 1 || nm->lang == 2) && !has_lang(pc, nm->place, nm->lang == 1 ? 2 : 1))
        fc.xlang = TN_POSTF_XLANG;
    /* A name that is an ordinary word has ordinary forms too (Мир: Миру). */
    if (ws.n == 1) {
        uint32_t *pol;
        if ((pol = strmap_slot(&pc->amb_keys, ws.w[0].exact, 0)))
            fc.extra |= (uint8_t)*pol;
        place_lemma(pc, nm->place, lemma, sizeof lemma);
    }
    if (pc->dump && ws.n > 1)
        dump_form(pc, nm->place, nm, "name", nm->name);
    for (i = 0; i < ws.n; i++) {
        char raw[256];
        size_t n = ws.w[i].end - ws.w[i].start;
        uint8_t extra = fc.extra;
        if (n >= sizeof raw)
            continue;
        memcpy(raw, nm->name + ws.w[i].start, n);
        raw[n] = '\0';
        /* the adjective that opens a region phrase (Донецька область) */
        if (ws.n > 1 && i == 0 && nm->type == TN_NT_REGION && morph_is_adjective(lang, raw))
            fc.extra |= TN_POSTF_ADJ;
        fc.wi = (uint8_t)i;
        fc.lemma = ws.n == 1 && *lemma ? lemma : ws.w[i].surface;
        on_form(&fc, raw, 0);
        morph_word(lang, raw, i, ws.n, on_form, &fc);
        fc.extra = extra;
    }
    /* Derived adjectives name a city; not from names that are also
    ** ordinary words (Бар -> барский "lordly", Мир -> мирский "secular"),
    ** and only for cities of ADJ_MIN_POP people or more: a small town's
    ** adjective is more often another word's (Славянск -> славянский
    ** "Slavic", Армянск -> армянский, Балтийск -> балтийский). */
    if (ws.n == 1 && p->kind == TN_PK_CITY && nm->type != TN_NT_REGION &&
        p->pop != TN_NO_INDEX && p->pop >= ADJ_MIN_POP &&
        nm->type != TN_NT_EXONYM && !(fc.extra & (TN_POSTF_AMBIG | TN_POSTF_NEVER))) {
        char raw[256];
        size_t n = ws.w[0].end - ws.w[0].start;
        if (n < sizeof raw) {
            memcpy(raw, nm->name + ws.w[0].start, n);
            raw[n] = '\0';
            fc.wi = 0;
            fc.adj_lemma[0] = '\0';
            morph_adjectives(lang, raw, on_form, &fc);
        }
    }
}

static int post_cmp(const void *a, const void *b)
{
    const pc_post *x = a, *y = b;
    int c = strcmp(x->str, y->str);
    if (c)
        return c;
    if (x->place != y->place)
        return x->place < y->place ? -1 : 1;
    if (x->group != y->group)
        return x->group < y->group ? -1 : 1;
    if (x->wi != y->wi)
        return x->wi < y->wi ? -1 : 1;
    if ((x->flags & TN_POSTF_FORM) != (y->flags & TN_POSTF_FORM))
        return (x->flags & TN_POSTF_FORM) ? 1 : -1;   /* the name as written first */
    if ((x->flags & TN_POSTF_ADJ) != (y->flags & TN_POSTF_ADJ))
        return (x->flags & TN_POSTF_ADJ) ? 1 : -1;
    return strcmp(x->lemma, y->lemma);
}

int placec_build(placec *pc, const char *stage_path, FILE *dump)
{
    toponorm_error err;
    toponorm_options opt;
    size_t i, j;

    pc->dump = dump;
    toponorm_options_init(&opt);
    opt.kinds = (1u << TOPONORM_TERM_SURFACE) | (1u << TOPONORM_TERM_KEY);
    opt.min_key_len = 3;              /* the analyzer's default: see places.c */
    if (toponorm_lexicon_open(stage_path, &pc->lx, &err) ||
        toponorm_analyzer_new(pc->lx, &opt, &pc->an, &err) ||
        toponorm_scratch_new(pc->an, &pc->sc, &err)) {
        fprintf(stderr, "%s:%d: %s\n", err.where, err.line, err.msg);
        return 1;
    }
    for (i = 0; i < pc->n_ambs; i++) {
        words ws;
        if (analyze(pc, pc->ambs[i].word, &ws) != 0 || ws.n != 1)
            continue;
        *strmap_slot(&pc->amb_keys, ws.w[0].exact, 1) |= pc->ambs[i].policy;
    }
    for (i = 0; i < pc->n_names; i++)
        name_forms(pc, &pc->names[i]);
    /* ambiguity belongs to the spelling: the analyzer sees only that */
    for (i = 0; i < pc->n_posts; i++) {
        uint32_t *pol;
        if (pc->posts[i].nw == 1 && !(pc->posts[i].flags & TN_POSTF_KEY) &&
            (pol = strmap_slot(&pc->amb_keys, pc->posts[i].str, 0)))
            pc->posts[i].flags |= (uint8_t)*pol;
    }
    if (pc->n_posts)
        qsort(pc->posts, pc->n_posts, sizeof *pc->posts, post_cmp);
    /* one posting per (string, place, group, word): the name as written wins */
    for (i = j = 0; i < pc->n_posts; i++) {
        pc_post *a = j ? &pc->posts[j - 1] : NULL, *b = &pc->posts[i];
        if (a && strcmp(a->str, b->str) == 0 && a->place == b->place && a->group == b->group &&
            a->wi == b->wi) {
            uint8_t keep = TN_POSTF_AMBIG | TN_POSTF_NEVER | TN_POSTF_REGION | TN_POSTF_XLANG;
            a->flags = (uint8_t)((a->flags & b->flags) | ((a->flags | b->flags) & keep));
            free(b->str);
            free(b->lemma);
            continue;
        }
        pc->posts[j++] = *b;
    }
    pc->n_posts = j;
    return 0;
}

/* ---- the section ------------------------------------------------------ */

static uint32_t intern(strmap *m, lexc_pool *sp, const char *s)
{
    uint32_t *v = strmap_slot(m, s, 1);
    if (!*v)
        *v = lexc_pool_add(sp, s) + 1;    /* stored + 1: 0 means new */
    return *v - 1;
}

unsigned char *placec_section(placec *pc, lexc_pool *sp, uint32_t base, size_t *size)
{
    size_t n_entries = 0, i, j, nslots = 1, off;
    size_t o_places, o_names, o_slots, o_entries, o_post, o_tags;
    unsigned char *s;
    strmap pool_ix = {0};

    for (i = 0; i < pc->n_posts; i++)
        if (i == 0 || strcmp(pc->posts[i].str, pc->posts[i - 1].str) != 0)
            n_entries++;
    while (nslots < n_entries * 2)
        nslots *= 2;
    o_places = TN_P_HEADER_SIZE;
    o_names = o_places + pc->n_places * TN_PLACE_SIZE;
    o_slots = o_names + pc->n_names * TN_NAME_SIZE;
    o_entries = o_slots + nslots * 4;
    o_post = o_entries + n_entries * TN_ENTRY_SIZE;
    o_tags = o_post + pc->n_posts * TN_POST_SIZE;
    *size = o_tags + nslots;
    s = xrealloc(NULL, *size);
    memset(s, 0, *size);
    tn_wr32(s + TN_P_NPLACES, (uint32_t)pc->n_places);
    tn_wr32(s + TN_P_PLACES, (uint32_t)(base + o_places));
    tn_wr32(s + TN_P_NNAMES, (uint32_t)pc->n_names);
    tn_wr32(s + TN_P_NAMES, (uint32_t)(base + o_names));
    tn_wr32(s + TN_P_NSLOTS, (uint32_t)nslots);
    tn_wr32(s + TN_P_SLOTS, (uint32_t)(base + o_slots));
    tn_wr32(s + TN_P_NENTRIES, (uint32_t)n_entries);
    tn_wr32(s + TN_P_ENTRIES, (uint32_t)(base + o_entries));
    tn_wr32(s + TN_P_NPOST, (uint32_t)pc->n_posts);
    tn_wr32(s + TN_P_POST, (uint32_t)(base + o_post));
    tn_wr32(s + TN_P_NGROUPS, pc->n_groups);
    tn_wr32(s + TN_P_TAGS, (uint32_t)(base + o_tags));
    for (i = 0; i < pc->n_places; i++) {
        const pc_place *p = &pc->places[i];
        unsigned char *r = s + o_places + i * TN_PLACE_SIZE;
        tn_wr32(r + 0, intern(&pool_ix, sp, p->id));
        tn_wr16(r + 4, (uint16_t)strlen(p->id));
        tn_wr16(r + 6, (uint16_t)strlen(p->name));
        tn_wr32(r + 8, intern(&pool_ix, sp, p->name));
        tn_wr32(r + 12, p->region);
        tn_wr32(r + 16, p->pop);
        tn_wr32(r + 20, p->n_names ? p->first_name : 0);
        tn_wr32(r + 24, p->n_names);
        r[28] = p->kind;
        r[29] = (unsigned char)p->country[0];
        r[30] = (unsigned char)p->country[1];
    }
    for (i = 0; i < pc->n_names; i++) {
        const pc_name *nm = &pc->names[i];
        unsigned char *r = s + o_names + i * TN_NAME_SIZE;
        tn_wr32(r + 0, nm->place);
        tn_wr32(r + 4, intern(&pool_ix, sp, nm->name));
        tn_wr32(r + 8, intern(&pool_ix, sp, nm->source));
        tn_wr16(r + 12, (uint16_t)strlen(nm->name));
        tn_wr16(r + 14, (uint16_t)strlen(nm->source));
        tn_wr16(r + 16, nm->year);
        r[18] = nm->lang;
        r[19] = nm->type;
    }
    for (i = 0, j = 0, off = 0; i < pc->n_posts; i = off) {
        const char *str = pc->posts[i].str;
        unsigned char *e = s + o_entries + j * TN_ENTRY_SIZE;
        size_t h;
        uint32_t hash;
        for (off = i; off < pc->n_posts && strcmp(pc->posts[off].str, str) == 0; off++) {
            const pc_post *p = &pc->posts[off];
            unsigned char *r = s + o_post + off * TN_POST_SIZE;
            tn_wr32(r + 0, p->place);
            tn_wr32(r + 4, p->group);
            tn_wr32(r + 8, intern(&pool_ix, sp, p->lemma));
            r[12] = (unsigned char)strlen(p->lemma);   /* < 256: copy_term */
            r[13] = p->wi;
            r[14] = p->nw;
            r[15] = p->flags;
        }
        tn_wr32(e + 0, intern(&pool_ix, sp, str));
        tn_wr16(e + 4, (uint16_t)strlen(str));
        tn_wr16(e + 6, (uint16_t)(off - i < 0xFFFF ? off - i : 0xFFFF));
        tn_wr32(e + 8, (uint32_t)i);
        hash = tn_place_hash(str, strlen(str));
        for (h = hash & (nslots - 1); tn_rd32(s + o_slots + h * 4); h = (h + 1) & (nslots - 1))
            ;
        tn_wr32(s + o_slots + h * 4, (uint32_t)j + 1);
        s[o_tags + h] = tn_place_tag(hash);
        j++;
    }
    strmap_free(&pool_ix);
    return s;
}
