/*
** lexc: compile toponorm lexicon sources (lexicons/FORMAT.md) into the
** binary lexicon the library maps (plugin/core/lexfmt.h).
**
**   lexc [--strict] [--check] [--dump-forms] -o OUT.lex FILE...
**
** Table sources (`#! toponorm-lexicon 1` header) and gazetteer files
** (places-*.tsv, names-*.tsv, ambiguous*.tsv: see placec.c) may come in any
** order; --dump-forms prints every gazetteer name form and its keys.
**
** Every problem is reported as `file:line: message` on stderr and makes the
** exit status 1; nothing is written then.  The output is deterministic (same
** sources, same bytes) and written to OUT.tmp, then renamed, so a failed or
** interrupted build never leaves a half-written lexicon behind.
**
** Source line states: the first line must be the `#!` header; after it each
** line is blank, a `#` comment, or a rule `SOURCE<TAB>TARGET[<TAB>CONTEXT...]`.
*/
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "attrs.h"
#include "lexc.h"
#include "lexfmt.h"
#include "placec.h"
#include "utf8.h"

#define MAX_FIELD 512

typedef struct rule {
    char *src, *dst, *before, *after;
    uint32_t ctx;
    int inherited;          /* copied from the base= table */
    const char *file;
    int line;
} rule;

typedef struct sample {
    char *in, *out;
    int line;
} sample;

typedef struct table {
    char *name, *attrs;
    uint32_t kind, script;
    rule *rules;
    size_t n, cap;
    sample *samples;
    size_t n_samples;
} table;

static int n_errors;

void lexc_complain(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s:%d: ", file, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    n_errors++;
}

#define complain lexc_complain

void *lexc_xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) {
        fprintf(stderr, "lexc: out of memory\n");
        exit(2);
    }
    return p;
}

#define xrealloc lexc_xrealloc

char *lexc_xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xrealloc(NULL, n), s, n);
}

#define xstrdup lexc_xstrdup

/* Is s NFC?  Sources must be, so the same letter is never two byte strings. */
int lexc_next_line(const char *file, FILE *fp, char **line, size_t *cap, ssize_t *len,
                   int *lineno)
{
    ssize_t n = getline(line, cap, fp);
    char *l = *line;
    size_t bad;

    if (n <= 0)
        return 0;
    ++*lineno;
    if (l[n - 1] != '\n') {
        lexc_complain(file, *lineno, "unterminated line (no newline at end of file)");
        return 0;
    }
    l[--n] = '\0';
    if (n && l[n - 1] == '\r')
        l[--n] = '\0';
    *len = n;
    if (memchr(l, '\0', (size_t)n)) {
        lexc_complain(file, *lineno, "NUL byte in line");
        return -1;
    }
    if (!tn_utf8_valid(l, (size_t)n, &bad)) {
        lexc_complain(file, *lineno, "invalid UTF-8 at byte %zu", bad + 1);
        return -1;
    }
    return 1;
}

int lexc_is_nfc(const char *s)
{
    UErrorCode e = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&e);
    UChar buf[MAX_FIELD * 2];
    int32_t n = 0;
    u_strFromUTF8(buf, MAX_FIELD * 2, &n, s, -1, &e);
    if (U_FAILURE(e))
        return 0;
    return unorm2_isNormalized(nfc, buf, n, &e) && U_SUCCESS(e);
}

/*
** Read one tab-separated field starting at *p; a field may be written in
** double quotes ("" is the empty string, """" a lone quote, as in CSV).
** Returns 0 on success.
*/
static int next_field(char **p, char *out, size_t cap)
{
    char *s = *p;
    size_t n = 0;
    if (*s == '"') {
        s++;
        while (*s && (*s != '"' || s[1] == '"')) {
            if (n + 1 >= cap)
                return -1;
            if (*s == '"')
                s++;                  /* "" inside quotes: one quote */
            out[n++] = *s++;
        }
        if (*s != '"')
            return -1;
        s++;
        if (*s && *s != '\t')
            return -1;
    } else {
        while (*s && *s != '\t') {
            if (n + 1 >= cap)
                return -1;
            out[n++] = *s++;
        }
    }
    out[n] = '\0';
    if (*s == '\t')
        s++;
    *p = s;
    return 0;
}

/* Value of attribute `key` in the header attrs, copied into out; NULL if absent. */
static char *attr(const char *attrs, const char *key, char *out, size_t cap)
{
    return tn_attr(attrs, key, out, cap) < 0 ? NULL : out;
}

/* Resolve a context set: `[chars]` or a class named in the header. */
static char *context_set(const table *t, const char *v, const char *file, int line)
{
    char buf[MAX_FIELD], key[64];
    size_t n = strlen(v);
    if (n >= 2 && v[0] == '[' && v[n - 1] == ']') {
        memcpy(buf, v + 1, n - 2);
        buf[n - 2] = '\0';
        return xstrdup(buf);
    }
    if (strcmp(v, "apostrophe") == 0)
        return xstrdup("'");
    snprintf(key, sizeof key, "%ss", v);  /* vowel -> vowels= in the header */
    if (attr(t->attrs, key, buf, sizeof buf))
        return xstrdup(buf);
    complain(file, line, "unknown letter class '%s' (write [letters], or define %s= in the header)", v, key);
    return xstrdup("");
}

static void parse_context(table *t, rule *r, const char *tok, const char *file, int line)
{
    static const struct { const char *name; uint32_t bit; } flags[] = {
        {"initial", TN_CTX_INITIAL}, {"noninitial", TN_CTX_NONINITIAL},
        {"final", TN_CTX_FINAL}, {"nonfinal", TN_CTX_NONFINAL},
    };
    size_t i;
    for (i = 0; i < sizeof flags / sizeof flags[0]; i++)
        if (strcmp(tok, flags[i].name) == 0) {
            r->ctx |= flags[i].bit;
            return;
        }
    if (strncmp(tok, "before=", 7) == 0 || strncmp(tok, "!before=", 8) == 0) {
        int neg = tok[0] == '!';
        free(r->before);
        r->before = context_set(t, tok + 7 + neg, file, line);
        r->ctx |= neg ? TN_CTX_NOTBEFORE : TN_CTX_BEFORE;
        return;
    }
    if (strncmp(tok, "after=", 6) == 0 || strncmp(tok, "!after=", 7) == 0) {
        int neg = tok[0] == '!';
        free(r->after);
        r->after = context_set(t, tok + 6 + neg, file, line);
        r->ctx |= neg ? TN_CTX_NOTAFTER : TN_CTX_AFTER;
        return;
    }
    complain(file, line, "unknown context '%s' (initial, noninitial, final, nonfinal, "
             "before=SET, after=SET, !before=SET, !after=SET)", tok);
}

static void free_rule(rule *r)
{
    free(r->src);
    free(r->dst);
    free(r->before);
    free(r->after);
}

static void free_tables(table *tabs, size_t ntabs)
{
    size_t i, k;
    for (i = 0; i < ntabs; i++) {
        for (k = 0; k < tabs[i].n; k++)
            free_rule(&tabs[i].rules[k]);
        free(tabs[i].rules);
        for (k = 0; k < tabs[i].n_samples; k++) {
            free(tabs[i].samples[k].in);
            free(tabs[i].samples[k].out);
        }
        free(tabs[i].samples);
        free(tabs[i].name);
        free(tabs[i].attrs);
    }
    free(tabs);
}

static int same_rule(const rule *a, const rule *b)
{
    return strcmp(a->src, b->src) == 0 && a->ctx == b->ctx &&
           strcmp(a->before, b->before) == 0 && strcmp(a->after, b->after) == 0;
}

static void add_rule(table *t, rule r, int override)
{
    size_t i;
    for (i = 0; i < t->n; i++)
        if (same_rule(&t->rules[i], &r)) {
            if (override) {
                free(t->rules[i].dst);
                t->rules[i].dst = r.dst;
                t->rules[i].inherited = 0;
                t->rules[i].file = r.file;
                t->rules[i].line = r.line;
                free(r.src);
                free(r.before);
                free(r.after);
                return;
            }
            complain(r.file, r.line, "duplicate rule for '%s' (first at %s:%d)",
                     r.src, t->rules[i].file, t->rules[i].line);
            free_rule(&r);
            return;
        }
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 64;
        t->rules = xrealloc(t->rules, t->cap * sizeof *t->rules);
    }
    t->rules[t->n++] = r;
}

/* Parse the `#!` header line into t; returns 0 when usable. */
static int parse_header(table *t, table *tabs, size_t ntabs, char *line,
                        const char *file)
{
    char v[MAX_FIELD];
    size_t i;
    if (strncmp(line, "#! toponorm-lexicon 1 ", 22) != 0) {
        complain(file, 1, "first line must be '#! toponorm-lexicon 1 kind=... name=...'");
        return -1;
    }
    {   /* the source file goes into the attributes, for file:line reports */
        size_t n = strlen(line + 22) + strlen(file) + 16;
        t->attrs = xrealloc(NULL, n);
        snprintf(t->attrs, n, "%s file=\"%s\"", line + 22, file);
    }
    if (!attr(t->attrs, "name", v, sizeof v) || !*v) {
        complain(file, 1, "header has no name=");
        return -1;
    }
    t->name = xstrdup(v);
    for (i = 0; i < ntabs; i++)
        if (strcmp(tabs[i].name, t->name) == 0) {
            complain(file, 1, "table name '%s' used twice", t->name);
            return -1;
        }
    if (!attr(t->attrs, "kind", v, sizeof v)) {
        complain(file, 1, "header has no kind= (key or translit)");
        return -1;
    }
    if (strcmp(v, "key") == 0)
        t->kind = TN_KIND_KEY;
    else if (strcmp(v, "translit") == 0)
        t->kind = TN_KIND_TRANSLIT;
    else if (strcmp(v, "keybase") == 0)
        t->kind = TN_KIND_KEYBASE;
    else {
        complain(file, 1, "unknown kind '%s' (key, keybase or translit)", v);
        return -1;
    }
    if (!attr(t->attrs, "script", v, sizeof v) ||
        (strcmp(v, "Cyrl") != 0 && strcmp(v, "Latn") != 0)) {
        complain(file, 1, "header needs script=Cyrl or script=Latn (the script the table reads)");
        return -1;
    }
    t->script = strcmp(v, "Cyrl") == 0 ? TN_SCRIPT_CYRL : TN_SCRIPT_LATN;
    if (attr(t->attrs, "base", v, sizeof v)) {
        for (i = 0; i < ntabs && strcmp(tabs[i].name, v) != 0; i++)
            ;
        if (i == ntabs) {
            complain(file, 1, "base table '%s' must be listed before this one", v);
            return -1;
        }
        for (size_t k = 0; k < tabs[i].n; k++) {
            rule r = tabs[i].rules[k];    /* a copy: each table owns its strings */
            r.inherited = 1;
            r.src = xstrdup(r.src);
            r.dst = xstrdup(r.dst);
            r.before = xstrdup(r.before);
            r.after = xstrdup(r.after);
            add_rule(t, r, 0);
        }
    }
    return 0;
}

/* Check that every letter of alphabet= has a rule (translit tables). */
static void check_alphabet(const table *t, const char *file)
{
    char v[MAX_FIELD];
    const unsigned char *s;
    size_t used, k;
    if (!attr(t->attrs, "alphabet", v, sizeof v))
        return;
    for (s = (const unsigned char *)v; *s; s += used) {
        uint32_t cp = tn_utf8_decode(s, strlen((const char *)s), &used);
        char u[5] = {0};
        int found = 0;
        tn_utf8_encode(cp, u);
        for (k = 0; k < t->n && !found; k++)
            found = strncmp(t->rules[k].src, u, strlen(u)) == 0;
        if (!found)
            complain(file, 1, "letter '%s' of alphabet= has no rule", u);
    }
}

static void compile_file(const char *file, table **tabs, size_t *ntabs)
{
    FILE *f = fopen(file, "rb");
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int lineno = 0, got;
    table t = {0};

    if (!f) {
        fprintf(stderr, "%s:0: cannot open: %s\n", file, strerror(errno));
        n_errors++;
        return;
    }
    while ((got = lexc_next_line(file, f, &line, &cap, &len, &lineno)) != 0) {
        char *p, src[MAX_FIELD], dst[MAX_FIELD], ctx[MAX_FIELD];
        rule r = {0};
        if (got < 0) {
            if (lineno == 1)
                break;            /* no usable header: nothing after it can be read */
            continue;
        }
        if (lineno == 1) {
            if (parse_header(&t, *tabs, *ntabs, line, file) != 0)
                break;
            continue;
        }
        if (line[0] == '\0' || line[0] == '#')
            continue;
        if (strncmp(line, "@sample\t", 8) == 0) {
            sample sm;
            p = line + 8;
            if (next_field(&p, src, sizeof src) || next_field(&p, dst, sizeof dst) || *p ||
                !*src) {
                complain(file, lineno, "a sample is @sample<TAB>INPUT<TAB>EXPECTED");
                continue;
            }
            if (t.kind != TN_KIND_TRANSLIT) {
                complain(file, lineno, "@sample belongs in kind=translit tables");
                continue;
            }
            sm.in = xstrdup(src);
            sm.out = xstrdup(dst);
            sm.line = lineno;
            t.samples = xrealloc(t.samples, (t.n_samples + 1) * sizeof *t.samples);
            t.samples[t.n_samples++] = sm;
            continue;
        }
        if (line[0] == '@') {
            complain(file, lineno, "unknown directive (only @sample)");
            continue;
        }
        p = line;
        if (next_field(&p, src, sizeof src) || next_field(&p, dst, sizeof dst)) {
            complain(file, lineno, "bad field (unterminated quote or longer than %d bytes)", MAX_FIELD);
            continue;
        }
        if (!*src) {
            complain(file, lineno, "empty source");
            continue;
        }
        if (strchr(line, '\t') == NULL) {
            complain(file, lineno, "rule needs SOURCE<TAB>TARGET");
            continue;
        }
        if (!lexc_is_nfc(src) || !lexc_is_nfc(dst)) {
            complain(file, lineno, "not in Unicode NFC (normalise the file first)");
            continue;
        }
        {
            size_t used, k, n = strlen(src), cps = 0;
            for (k = 0; k < n; k += used, cps++)
                tn_utf8_decode((const unsigned char *)src + k, n - k, &used);
            if (cps > 8) {
                complain(file, lineno, "source longer than 8 letters");
                continue;
            }
        }
        r.src = xstrdup(src);
        r.dst = xstrdup(dst);
        r.before = xstrdup("");
        r.after = xstrdup("");
        r.file = file;
        r.line = lineno;
        while (*p) {
            char *tok;
            if (next_field(&p, ctx, sizeof ctx)) {
                complain(file, lineno, "bad context field");
                break;
            }
            for (tok = strtok(ctx, " "); tok; tok = strtok(NULL, " "))
                parse_context(&t, &r, tok, file, lineno);
        }
        add_rule(&t, r, t.n && attr(t.attrs, "base", ctx, sizeof ctx) != NULL);
    }
    if (ferror(f))
        complain(file, lineno, "read error");
    if (lineno == 0)
        complain(file, 1, "empty file (needs the '#! toponorm-lexicon 1' header)");
    fclose(f);
    free(line);
    if (!t.name) {           /* the header was bad: drop the table */
        for (size_t k = 0; k < t.n; k++)
            free_rule(&t.rules[k]);
        free(t.rules);
        for (size_t k = 0; k < t.n_samples; k++) {
            free(t.samples[k].in);
            free(t.samples[k].out);
        }
        free(t.samples);
        free(t.attrs);
        return;
    }
    if (t.kind == TN_KIND_TRANSLIT)
        check_alphabet(&t, file);
    if (t.n) {   /* A table's own rules outrank what it inherits (stable partition). */
        rule *sorted = xrealloc(NULL, t.n * sizeof *sorted);
        size_t k, m = 0;
        for (k = 0; k < t.n; k++)
            if (!t.rules[k].inherited)
                sorted[m++] = t.rules[k];
        for (k = 0; k < t.n; k++)
            if (t.rules[k].inherited)
                sorted[m++] = t.rules[k];
        memcpy(t.rules, sorted, t.n * sizeof *sorted);
        free(sorted);
    }
    *tabs = xrealloc(*tabs, (*ntabs + 1) * sizeof **tabs);
    (*tabs)[(*ntabs)++] = t;
}

/* Append a NUL-terminated string to the pool; return its offset. */
uint32_t lexc_pool_add(lexc_pool *p, const char *s)
{
    size_t n = strlen(s) + 1;
    uint32_t off = (uint32_t)p->n;
    if (p->n + n > p->cap) {
        p->cap = (p->n + n) * 2;
        p->p = xrealloc(p->p, p->cap);
    }
    memcpy(p->p + p->n, s, n);
    p->n += n;
    return off;
}

/*
** Write the lexicon image: header, tables, rules, samples, the places
** section (when pc is not NULL), string pool.  Written to OUT.tmp, then
** renamed, so a failure never leaves a half-written lexicon.
*/
static int write_lexicon(const char *out, table *tabs, size_t ntabs, const char *version,
                         placec *pc)
{
    size_t nrules = 0, nsamples = 0, i, k, size, si = 0, places_off = 0, places_n = 0;
    unsigned char *img, *tp, *rp, *smp, *places = NULL;
    lexc_pool sp = {0};
    uint32_t voff, roff = 0;
    char tmp[4096];
    FILE *f;
    int rc;

    for (i = 0; i < ntabs; i++) {
        nrules += tabs[i].n;
        nsamples += tabs[i].n_samples;
    }
    voff = lexc_pool_add(&sp, version);
    size = TN_LEX_HEADER_SIZE + ntabs * TN_LEX_TABLE_SIZE + nrules * TN_LEX_RULE_SIZE +
           nsamples * TN_LEX_SAMPLE_SIZE;
    if (pc) {
        places_off = size;
        places = placec_section(pc, &sp, (uint32_t)places_off, &places_n);
        size += places_n;
    }
    img = xrealloc(NULL, size);
    memset(img, 0, size);
    if (places)
        memcpy(img + places_off, places, places_n);
    free(places);
    tp = img + TN_LEX_HEADER_SIZE;
    rp = tp + ntabs * TN_LEX_TABLE_SIZE;
    smp = rp + nrules * TN_LEX_RULE_SIZE;
    for (i = 0; i < ntabs; i++) {
        unsigned char *t = tp + i * TN_LEX_TABLE_SIZE;
        tn_wr32(t + 0, lexc_pool_add(&sp, tabs[i].name));
        tn_wr32(t + 4, (uint32_t)strlen(tabs[i].name));
        tn_wr32(t + 8, tabs[i].kind);
        tn_wr32(t + 12, tabs[i].script);
        tn_wr32(t + 16, roff);
        tn_wr32(t + 20, (uint32_t)tabs[i].n);
        tn_wr32(t + 24, lexc_pool_add(&sp, tabs[i].attrs));
        tn_wr32(t + 28, (uint32_t)strlen(tabs[i].attrs));
        for (k = 0; k < tabs[i].n; k++, roff++) {
            unsigned char *r = rp + (size_t)roff * TN_LEX_RULE_SIZE;
            const rule *ru = &tabs[i].rules[k];
            tn_wr32(r + 0, lexc_pool_add(&sp, ru->src));
            tn_wr32(r + 4, lexc_pool_add(&sp, ru->dst));
            tn_wr32(r + 8, lexc_pool_add(&sp, ru->before));
            tn_wr32(r + 12, lexc_pool_add(&sp, ru->after));
            tn_wr16(r + 16, (uint16_t)strlen(ru->src));
            tn_wr16(r + 18, (uint16_t)strlen(ru->dst));
            tn_wr16(r + 20, (uint16_t)strlen(ru->before));
            tn_wr16(r + 22, (uint16_t)strlen(ru->after));
            tn_wr32(r + 24, ru->ctx);
        }
        for (k = 0; k < tabs[i].n_samples; k++, si++) {
            unsigned char *q = smp + si * TN_LEX_SAMPLE_SIZE;
            tn_wr32(q + 0, (uint32_t)i);
            tn_wr32(q + 4, (uint32_t)tabs[i].samples[k].line);
            tn_wr32(q + 8, lexc_pool_add(&sp, tabs[i].samples[k].in));
            tn_wr32(q + 12, lexc_pool_add(&sp, tabs[i].samples[k].out));
            tn_wr16(q + 16, (uint16_t)strlen(tabs[i].samples[k].in));
            tn_wr16(q + 18, (uint16_t)strlen(tabs[i].samples[k].out));
        }
    }
    img = xrealloc(img, size + sp.n);
    memcpy(img + size, sp.p, sp.n);
    memcpy(img, TN_LEX_MAGIC, 8);
    tn_wr32(img + TN_H_FORMAT, TN_LEX_FORMAT);
    tn_wr32(img + TN_H_HSIZE, TN_LEX_HEADER_SIZE);
    tn_wr32(img + TN_H_FSIZE, (uint32_t)(size + sp.n));
    tn_wr32(img + TN_H_NTABLES, (uint32_t)ntabs);
    tn_wr32(img + TN_H_TABLES, TN_LEX_HEADER_SIZE);
    tn_wr32(img + TN_H_NRULES, (uint32_t)nrules);
    tn_wr32(img + TN_H_RULES, (uint32_t)(TN_LEX_HEADER_SIZE + ntabs * TN_LEX_TABLE_SIZE));
    tn_wr32(img + TN_H_STRINGS, (uint32_t)size);
    tn_wr32(img + TN_H_NSTRINGS, (uint32_t)sp.n);
    tn_wr32(img + TN_H_VERSION, voff);
    tn_wr32(img + TN_H_VERSLEN, (uint32_t)strlen(version));
    tn_wr32(img + TN_H_NSAMPLES, (uint32_t)nsamples);
    tn_wr32(img + TN_H_SAMPLES, (uint32_t)(TN_LEX_HEADER_SIZE + ntabs * TN_LEX_TABLE_SIZE +
                                           nrules * TN_LEX_RULE_SIZE));
    tn_wr32(img + TN_H_PLACES, (uint32_t)places_off);
    tn_wr32(img + TN_H_PLACESLEN, (uint32_t)places_n);
    size += sp.n;
    tn_wr32(img + TN_H_SUM, tn_lex_sum(img, size));

    snprintf(tmp, sizeof tmp, "%s.tmp", out);
    f = fopen(tmp, "wb");
    rc = 0;
    if (!f || fwrite(img, 1, size, f) != size || fclose(f) != 0) {
        fprintf(stderr, "%s:0: cannot write: %s\n", tmp, strerror(errno));
        remove(tmp);
        rc = 1;
    } else if (rename(tmp, out) != 0) {
        fprintf(stderr, "%s:0: cannot rename: %s\n", out, strerror(errno));
        remove(tmp);
        rc = 1;
    }
    free(img);
    free(sp.p);
    return rc;
}

#define USAGE "usage: lexc [--strict] [--check] [--data-version V] [--dump-forms] -o OUT FILE...\n"

int lexc_main(int argc, char **argv)
{
    const char *out = NULL, *version = "dev";
    table *tabs = NULL;
    size_t ntabs = 0;
    int i, check_only = 0, dump_forms = 0, nfiles = 0, rc;
    placec *pc = placec_new();

    n_errors = 0;
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
            out = argv[++i];
        else if (strcmp(argv[i], "--data-version") == 0 && i + 1 < argc)
            version = argv[++i];
        else if (strcmp(argv[i], "--strict") == 0)
            ;   /* accepted for compatibility: every problem is already an error */
        else if (strcmp(argv[i], "--check") == 0)
            check_only = 1;
        else if (strcmp(argv[i], "--dump-forms") == 0)
            dump_forms = 1;
        else if (argv[i][0] == '-') {
            fputs(USAGE, stderr);
            placec_free(pc);
            return 2;
        } else {
            /* Gazetteer files are told apart by name (PLACES-FORMAT.md). */
            if (!placec_read(pc, argv[i]))
                compile_file(argv[i], &tabs, &ntabs);
            nfiles++;
        }
    }
    if (!nfiles || (!out && !check_only && !dump_forms)) {
        fputs(USAGE, stderr);
        free_tables(tabs, ntabs);
        placec_free(pc);
        return 2;
    }
    if (!n_errors)
        placec_resolve(pc);
    if (!n_errors && placec_has_places(pc)) {
        /* The gazetteer's lookup strings are the analyzer's own match keys,
        ** so they come from the library itself over the tables just read:
        ** write those to a first image, open it, key every name form. */
        char stage[4096];
        snprintf(stage, sizeof stage, "%s.stage1", out ? out : "lexc-check.lex");
        rc = write_lexicon(stage, tabs, ntabs, version, NULL);
        if (rc == 0)
            rc = placec_build(pc, stage, dump_forms ? stdout : NULL);
        remove(stage);
        if (rc)
            n_errors++;
    }
    if (n_errors) {
        fprintf(stderr, "lexc: %d error%s, no lexicon written\n", n_errors, n_errors == 1 ? "" : "s");
        free_tables(tabs, ntabs);
        placec_free(pc);
        return 1;
    }
    rc = check_only || !out ? 0 :
         write_lexicon(out, tabs, ntabs, version, placec_has_places(pc) ? pc : NULL);
    free_tables(tabs, ntabs);
    placec_free(pc);
    return rc;
}
