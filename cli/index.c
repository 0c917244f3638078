/*
** index.c: `toponorm index` and `toponorm delete`.
**
**   toponorm index [DB] [FILE...]     files are documents (id = the path);
**                                     no FILE: JSON Lines on stdin
**   toponorm delete DB ID...
**
** Every document is analyzed once (TOPONORM_FOR_INDEX) and its terms go to
** Xapian with their positions and kind prefixes; the document's JSON object
** is stored as its data (the text, for snippets, and every other field),
** its id as the unique term Q<id>, so the same id indexed again replaces it.
**
** Atomicity: documents are committed in batches (tn_xapian keeps a
** transaction open between commits), and only documents that parsed
** completely are ever added.  A bad line is reported and skipped (or stops
** the run with --strict, after committing the good documents before it);
** a killed run leaves the database at its last commit, and running the same
** input again yields the same content, since ids replace.
*/
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "utf8.h"
#include "vocab.h"
#include "xdb.h"

/* Positions between the title and the text, so no phrase spans both. */
#define TITLE_GAP 100

typedef struct indexer {
    cli_analyzer ca;
    unsigned keys;                 /* TOPONORM_KEYS_FOR_NAMES or 0 (--keys) */
    cli_vocab *vocab;              /* with KEYS_FOR_NAMES: the keys left out (vocab.c) */
    tnx_db *db;
    const char *dbpath;
    tnx_doc *doc;
    unsigned pos_base, pos_max;   /* position offset of the field being analyzed */
    int term_err;                 /* a term could not be added */
    /* The token whose terms are arriving: its surface term, until we know
    ** whether the analyzer gave it a stem (stem_token). */
    uint32_t tok;
    int tok_open, tok_stem;
    size_t surf_len;
    char surf[TNX_MAX_TERM + 8];
    int strict, quiet, verbose, progress;
    unsigned long batch, in_batch;
    unsigned long docs, bad, other_shard;
    unsigned shard_k, shard_n;    /* --shard K/N: keep only shard K of N (n 0: all) */
    unsigned long long bytes, total;   /* bytes read; total input size (0: unknown) */
    double t0, shown;
    char term[TNX_MAX_TERM + 8];
} indexer;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The progress line (stderr, a TTY only): documents, MB, MB/s, ETA. */
static void progress(indexer *ix, int final)
{
    double t = now(), el = t - ix->t0, mb = ix->bytes / 1e6, rate;
    if (!ix->progress || (!final && t - ix->shown < 0.2))
        return;
    ix->shown = t;
    rate = el > 0 ? mb / el : 0;
    fprintf(stderr, "\r%lu documents, %.1f MB, %.1f MB/s", ix->docs, mb, rate);
    if (ix->total && rate > 0 && !final) {
        double left = (ix->total / 1e6 - mb) / rate;
        fprintf(stderr, ", ETA %.0f s", left > 0 ? left : 0);
    }
    fputs(final ? "\n" : "   ", stderr);
    fflush(stderr);
}

/*
** The analyzer leaves out a stem equal to the surface (файл has none,
** файла has файл).  The index stores it anyway, as Xapian's TermGenerator
** does: then the stem's list holds every document with any form of the
** word, and a query word reads that one list (query.c) rather than its
** surface, its stem and its stem as a surface.  Called when the token's
** terms are over.
*/
static int stem_token(indexer *ix)
{
    if (ix->tok_open && !ix->tok_stem && ix->surf_len && cli_word_has_zstem(ix->surf)) {
        memcpy(ix->term, "Z", 1);
        memcpy(ix->term + 1, ix->surf, ix->surf_len);
        if (tnx_doc_add_posting(ix->doc, ix->term, 1 + ix->surf_len, 0) != TNX_OK) {
            ix->term_err = 1;
            return 1;
        }
    }
    ix->tok_open = 0;
    return 0;
}

static int on_term(void *ctx, const toponorm_term *t)
{
    indexer *ix = ctx;
    const char *pfx = toponorm_term_prefix(t->kind);
    size_t pl = strlen(pfx);
    if (!(t->flags & TOPONORM_TERM_COMPOUND) && (!ix->tok_open || t->token != ix->tok)) {
        if (stem_token(ix))
            return 1;
        ix->tok_open = 1;
        ix->tok = t->token;
        ix->tok_stem = 0;
        ix->surf_len = 0;
    }
    if (t->kind == TOPONORM_TERM_STEM)
        ix->tok_stem = 1;
    else if (t->kind == TOPONORM_TERM_SURFACE && !(t->flags & TOPONORM_TERM_COMPOUND) &&
             !ix->surf_len && 1 + t->len <= TNX_MAX_TERM) {
        memcpy(ix->surf, t->text, t->len);
        ix->surf_len = t->len;
    }
    /* Stems without positions, as Xapian's TermGenerator stores them: a
    ** phrase matches through the surfaces and place ids. */
    unsigned pos = t->kind == TOPONORM_TERM_STEM ? 0 : ix->pos_base + t->position;
    /* A word's keys go to the vocabulary (vocab.c), name or not: a query
    ** key finds the word's spellings (Donetsk, Donezk, Донецк) as surfaces
    ** there, and a query word reads its stem and those spellings, not one
    ** more positional list per key and reading (Linux: linux, linuks).  A
    ** place has its place id besides.  A hyphenated word's joined form is
    ** left out too: a query matches the word by the phrase of its parts,
    ** which are indexed (query.c). */
    if (ix->vocab && (t->kind == TOPONORM_TERM_KEY || (t->flags & TOPONORM_TERM_COMPOUND)))
        return 0;
    if (ix->vocab && cli_vocab_term(ix->vocab, t) != 0) {
        ix->term_err = 1;
        return 1;
    }
    if (pl + t->len > TNX_MAX_TERM)
        return 0;                          /* no engine stores such a term */
    memcpy(ix->term, pfx, pl);
    memcpy(ix->term + pl, t->text, t->len);
    if (tnx_doc_add_posting(ix->doc, ix->term, pl + t->len, pos) != TNX_OK) {
        ix->term_err = 1;
        return 1;
    }
    if (pos > ix->pos_max)
        ix->pos_max = pos;
    return 0;
}

/*
** With a vocabulary, the documents' words need no keys (on_term drops
** them): make the analyzer leave them out, which spares their work.  The
** analyzer still reads keys where it needs them to find places.
*/
static int no_keys(cli_analyzer *ca)
{
    toponorm_options opt;
    toponorm_error err;
    toponorm_analyzer *an;
    toponorm_scratch *sc;
    toponorm_options_init(&opt);
    opt.kinds = (1u << TOPONORM_TERM_SURFACE) | (1u << TOPONORM_TERM_STEM) |
                (1u << TOPONORM_TERM_PLACE);
    if (toponorm_analyzer_new(ca->lx, &opt, &an, &err) != TOPONORM_OK)
        return -1;
    if (toponorm_scratch_new(an, &sc, &err) != TOPONORM_OK) {
        toponorm_analyzer_free(an);
        return -1;
    }
    toponorm_scratch_free(ca->sc);
    toponorm_analyzer_free(ca->an);
    ca->an = an;
    ca->sc = sc;
    return 0;
}

static unsigned lang_hint(const char *lang)
{
    switch (lang ? toponorm_lang_from_name(lang) : -1) {
    case TOPONORM_LANG_UK: return TOPONORM_HINT_UK;
    case TOPONORM_LANG_RU: return TOPONORM_HINT_RU;
    case TOPONORM_LANG_EN: return TOPONORM_HINT_EN;
    default:               return 0;
    }
}

static int commit(indexer *ix)
{
    if (tnx_commit(ix->db) != TNX_OK) {
        cli_db_fail("index", ix->dbpath, ix->db);
        return EXIT_DB;
    }
    ix->in_batch = 0;
    return EXIT_OK;
}

/*
** The stored document (docdata.c reads it): its JSON object without
** "text", a newline, then the text's bytes as they are.  A JSON object
** written compactly has no raw newline, so the first one ends it.  search
** reads a hit's fields from the small object and takes the text without
** decoding JSON, which was most of its time per hit.
*/
static int set_doc_data(indexer *ix, json_t *obj, json_t *jtext)
{
    size_t tlen = json_string_length(jtext), hlen;
    char *head, *buf;
    int rc = 1;                        /* 1: out of memory before the shim is called */
    json_incref(jtext);
    json_object_del(obj, "text");
    if ((head = json_dumps(obj, JSON_COMPACT)) != NULL) {
        hlen = strlen(head);
        if ((buf = malloc(hlen + 1 + tlen)) != NULL) {
            memcpy(buf, head, hlen);
            buf[hlen] = '\n';
            memcpy(buf + hlen + 1, json_string_value(jtext), tlen);
            rc = tnx_doc_set_data(ix->doc, buf, hlen + 1 + tlen);
            free(buf);
        }
        free(head);
    }
    json_object_set_new(obj, "text", jtext);
    return rc;
}

/*
** Analyze and store one document: obj is its JSON object (id, text, and
** optional title, lang, other fields), already validated.
*/
static int add_doc(indexer *ix, json_t *obj)
{
    json_t *jid = json_object_get(obj, "id"), *jtext = json_object_get(obj, "text");
    json_t *jtitle = json_object_get(obj, "title"), *jlang = json_object_get(obj, "lang");
    const char *lang = json_is_string(jlang) ? json_string_value(jlang) : NULL;
    unsigned flags = TOPONORM_FOR_INDEX | ix->keys | lang_hint(lang);
    int rc;

    if (ix->shard_n &&
        cli_shard_of(json_string_value(jid), json_string_length(jid), ix->shard_n) != ix->shard_k) {
        ix->other_shard++;              /* another shard's document: not ours to store */
        return EXIT_OK;
    }
    tnx_doc_clear(ix->doc);
    ix->pos_base = ix->pos_max = 0;
    ix->term_err = 0;
    ix->tok_open = 0;
    if (json_is_string(jtitle)) {
        rc = toponorm_analyze(ix->ca.an, ix->ca.sc, json_string_value(jtitle),
                              json_string_length(jtitle), flags, on_term, ix);
        if (rc == 0)
            stem_token(ix);
        if (rc != 0 && !ix->term_err) {
            fprintf(stderr, "toponorm index: %s\n", toponorm_strerror(rc));
            return EXIT_INPUT;
        }
        ix->pos_base = ix->pos_max + TITLE_GAP;
    }
    if (!ix->term_err) {
        rc = toponorm_analyze(ix->ca.an, ix->ca.sc, json_string_value(jtext),
                              json_string_length(jtext), flags, on_term, ix);
        if (rc == 0)
            stem_token(ix);
        if (rc != 0 && !ix->term_err) {
            fprintf(stderr, "toponorm index: %s\n", toponorm_strerror(rc));
            return EXIT_INPUT;
        }
    }
    if (!ix->term_err && ix->vocab &&
        cli_vocab_flush(ix->vocab, lang_hint(lang), ix->doc) != 0)
        ix->term_err = 1;
    if (ix->term_err) {
        fprintf(stderr, "toponorm index: %s\n", tnx_last_error());
        return EXIT_DB;
    }
    if (lang && toponorm_lang_from_name(lang) >= 0) {
        char lt[8];
        snprintf(lt, sizeof lt, "XL%s", lang);
        if (tnx_doc_add_boolean(ix->doc, lt, strlen(lt)) != TNX_OK) {
            fprintf(stderr, "toponorm index: %s\n", tnx_last_error());
            return EXIT_DB;
        }
    }
    rc = set_doc_data(ix, obj, jtext);
    if (rc != TNX_OK) {
        fprintf(stderr, "toponorm index: %s\n", rc > 0 ? "out of memory" : tnx_last_error());
        return EXIT_DB;
    }
    /* The vocabulary entries the old version carried stay in the database
    ** (vocab.c), on this version or on another document with the word. */
    if ((ix->vocab && tnx_move_terms(ix->db, json_string_value(jid), json_string_length(jid),
                                     CLI_VOCAB_PREFIX, sizeof CLI_VOCAB_PREFIX - 1,
                                     ix->doc) != TNX_OK) ||
        tnx_replace(ix->db, json_string_value(jid), json_string_length(jid), ix->doc) != TNX_OK) {
        cli_db_fail("index", ix->dbpath, ix->db);
        return EXIT_DB;
    }
    ix->docs++;
    if (ix->verbose)
        fprintf(stderr, "indexed %s\n", json_string_value(jid));
    if (++ix->in_batch >= ix->batch)
        return commit(ix);
    return EXIT_OK;
}

/*
** Check a parsed JSON Lines object; on a problem, write the reason to why
** and return 0.  An integer id is accepted and stored as its decimal string.
*/
static int valid_doc(json_t *obj, char *why, size_t cap)
{
    json_t *id, *text, *title, *lang;
    if (!json_is_object(obj)) {
        snprintf(why, cap, "not a JSON object");
        return 0;
    }
    id = json_object_get(obj, "id");
    if (json_is_integer(id)) {
        char num[32];
        snprintf(num, sizeof num, "%lld", (long long)json_integer_value(id));
        json_object_set_new(obj, "id", json_string(num));
        id = json_object_get(obj, "id");
    }
    if (!id) {
        snprintf(why, cap, "missing \"id\"");
        return 0;
    }
    if (!json_is_string(id) || json_string_length(id) == 0) {
        snprintf(why, cap, "\"id\" must be a non-empty string");
        return 0;
    }
    if (json_string_length(id) >= TNX_MAX_TERM - 1 ||
        memchr(json_string_value(id), '\0', json_string_length(id))) {
        snprintf(why, cap, "\"id\" must be at most %d bytes, without NUL", TNX_MAX_TERM - 2);
        return 0;
    }
    text = json_object_get(obj, "text");
    if (!text) {
        snprintf(why, cap, "missing \"text\"");
        return 0;
    }
    if (!json_is_string(text)) {
        snprintf(why, cap, "\"text\" must be a string");
        return 0;
    }
    title = json_object_get(obj, "title");
    if (title && !json_is_string(title) && !json_is_null(title)) {
        snprintf(why, cap, "\"title\" must be a string");
        return 0;
    }
    lang = json_object_get(obj, "lang");
    if (lang && !json_is_string(lang) && !json_is_null(lang)) {
        snprintf(why, cap, "\"lang\" must be a string");
        return 0;
    }
    return 1;
}

/* Report a bad line; returns the exit status to stop with, or EXIT_OK to go on. */
static int bad_line(indexer *ix, const char *name, unsigned long line, const char *why)
{
    if (ix->progress)
        fputc('\n', stderr);
    fprintf(stderr, "%s:%lu: %s\n", name, line, why);
    ix->bad++;
    if (ix->strict) {
        int rc = commit(ix);
        return rc != EXIT_OK ? rc : EXIT_INPUT;
    }
    return EXIT_OK;
}

/* Parse and index one JSON Lines line (len bytes, no newline). */
static int one_line(indexer *ix, const char *name, unsigned long lineno, const char *s,
                    size_t len)
{
    char why[300];
    size_t bad, i;
    json_error_t jerr;
    json_t *obj;
    int rc;

    for (i = 0; i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'); i++)
        ;
    if (i == len)
        return EXIT_OK;                       /* blank lines are allowed */
    if (!tn_utf8_valid(s, len, &bad)) {
        snprintf(why, sizeof why, "not UTF-8 (byte %zu of the line)", bad + 1);
        return bad_line(ix, name, lineno, why);
    }
    obj = json_loadb(s, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &jerr);
    if (!obj) {
        snprintf(why, sizeof why, "invalid JSON: %s (column %d)", jerr.text, jerr.column);
        return bad_line(ix, name, lineno, why);
    }
    if (!valid_doc(obj, why, sizeof why)) {
        json_decref(obj);
        return bad_line(ix, name, lineno, why);
    }
    rc = add_doc(ix, obj);
    json_decref(obj);
    return rc;
}

/* Index JSON Lines from f, named name in messages. */
static int index_jsonl(indexer *ix, FILE *f, const char *name)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    unsigned long lineno = 0;
    int rc = EXIT_OK;
    while (rc == EXIT_OK && (n = getline(&line, &cap, f)) >= 0) {
        lineno++;
        ix->bytes += (unsigned long long)n;
        if (n > 0 && line[n - 1] == '\n')
            n--;
        rc = one_line(ix, name, lineno, line, (size_t)n);
        progress(ix, 0);
    }
    if (rc == EXIT_OK && ferror(f)) {
        fprintf(stderr, "toponorm index: %s: read error: %s\n", name, strerror(errno));
        rc = EXIT_INPUT;
    }
    free(line);
    return rc;
}

static int has_suffix(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcmp(s + n - m, suf) == 0;
}

/*
** Does the file look like JSON Lines?  By name (.jsonl, .ndjson), or when
** its first line is a JSON object with a "text" member (a feed saved
** without the extension).  Anything else is plain text, one document.
*/
static int looks_jsonl(const char *path, FILE *f)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int yes = 0;
    if (has_suffix(path, ".jsonl") || has_suffix(path, ".ndjson"))
        return 1;
    if ((n = getline(&line, &cap, f)) > 0 && line[strspn(line, " \t")] == '{') {
        json_t *obj = json_loadb(line, (size_t)n, JSON_ALLOW_NUL, NULL);
        yes = json_is_object(obj) && json_object_get(obj, "text") != NULL;
        json_decref(obj);
    }
    free(line);
    rewind(f);
    return yes;
}

/* Index one regular file: JSON Lines (looks_jsonl), else one document. */
static int index_file(indexer *ix, const char *path)
{
    FILE *f = fopen(path, "rb");
    char *text, why[300];
    size_t len, bad;
    json_t *obj;
    int rc;

    if (!f) {
        fprintf(stderr, "toponorm index: %s: %s\n", path, strerror(errno));
        ix->bad++;
        return ix->strict ? EXIT_INPUT : EXIT_OK;
    }
    if (looks_jsonl(path, f)) {
        rc = index_jsonl(ix, f, path);
        fclose(f);
        return rc;
    }
    text = cli_slurp(f, &len);
    fclose(f);
    if (!text) {
        fprintf(stderr, "toponorm index: %s: cannot read\n", path);
        ix->bad++;
        return ix->strict ? EXIT_INPUT : EXIT_OK;
    }
    ix->bytes += len;
    if (!tn_utf8_valid(text, len, &bad)) {
        unsigned long line = 1;
        for (size_t i = 0; i < bad; i++)
            line += text[i] == '\n';
        free(text);
        snprintf(why, sizeof why, "not UTF-8 (byte %zu of the file)", bad + 1);
        return bad_line(ix, path, line, why);
    }
    obj = json_pack("{s:s, s:s%}", "id", path, "text", text, len);
    free(text);
    if (!obj || strlen(path) >= TNX_MAX_TERM - 1) {
        json_decref(obj);
        return bad_line(ix, path, 1, "path too long to be an id");
    }
    rc = add_doc(ix, obj);
    json_decref(obj);
    progress(ix, 0);
    return rc;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Index a path: a file, or with -r a directory walked in name order (dot files skipped). */
static int index_path(indexer *ix, const char *path, int recursive)
{
    struct stat st;
    if (strcmp(path, "-") == 0)
        return index_jsonl(ix, stdin, "stdin");
    if (stat(path, &st) != 0) {
        fprintf(stderr, "toponorm index: %s: %s\n", path, strerror(errno));
        ix->bad++;
        return ix->strict ? EXIT_INPUT : EXIT_OK;
    }
    if (!S_ISDIR(st.st_mode))
        return index_file(ix, path);
    if (!recursive) {
        fprintf(stderr, "toponorm index: %s: is a directory (use -r)\n", path);
        ix->bad++;
        return ix->strict ? EXIT_INPUT : EXIT_OK;
    }
    DIR *d = opendir(path);
    struct dirent *e;
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = EXIT_OK;
    if (!d) {
        fprintf(stderr, "toponorm index: %s: %s\n", path, strerror(errno));
        ix->bad++;
        return ix->strict ? EXIT_INPUT : EXIT_OK;
    }
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            char **p = realloc(names, (cap = cap ? cap * 2 : 64) * sizeof *names);
            if (!p) {
                rc = EXIT_INPUT;
                break;
            }
            names = p;
        }
        size_t len = strlen(path) + strlen(e->d_name) + 2;
        names[n] = malloc(len);
        if (!names[n]) {
            rc = EXIT_INPUT;
            break;
        }
        snprintf(names[n], len, "%s%s%s", path, has_suffix(path, "/") ? "" : "/", e->d_name);
        n++;
    }
    closedir(d);
    if (names)
        qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        if (rc == EXIT_OK)
            rc = index_path(ix, names[i], recursive);
        free(names[i]);
    }
    free(names);
    return rc;
}

static void usage(FILE *f)
{
    char buf[4096];
    const char *def = cli_default_db(buf, sizeof buf);
    fprintf(f,
            "usage: toponorm index [OPTIONS] [DB [FILE...]]\n"
            "       toponorm index [OPTIONS] --db DB [FILE...]\n"
            "  Index documents into the Xapian database DB (created when missing).\n"
            "  Each FILE is a document with the file's path as its id, except JSON Lines\n"
            "  (*.jsonl, *.ndjson, or a first line that is an object with \"text\"), '-' and\n"
            "  stdin (when no FILE is given): one document per line,\n"
            "  {\"id\": \"...\", \"text\": \"...\", \"title\"?, \"lang\"?: uk|ru|en, ...}.\n"
            "  The same id indexed again replaces the document.\n"
            "  The first argument is always DB, unless --db names it; with no argument at\n"
            "  all, stdin goes into the default database (%s).\n"
            "options:\n"
            "  -r, --recursive   index the files under directories\n"
            "  --strict          stop at the first bad line (after committing the documents before it)\n"
            "  --batch-size N    documents per commit (default 1000)\n"
            "  --shard K/N       keep only the documents of shard K (1..N): those whose id\n"
            "                    hashes to it, FNV-1a 64 of the id's bytes mod N, plus 1\n"
            "  -q, --quiet       no progress line;   -v, --verbose  name each document\n"
            "  --keys names|all  names (default): the words' match keys once per word in the\n"
            "                    vocabulary; all: key terms at every use of every word\n"
            "  --lexicon FILE    the compiled lexicon (default: $TOPONORM_LEXICON or the installed one)\n"
            "A bad line is reported as FILE:LINE: reason (stdin:LINE for stdin) and skipped;\n"
            "the exit status is then 2.  Exit: 0 ok, 1 usage, 2 input error, 3 database error.\n",
            def ? def : "$XDG_DATA_HOME/toponorm/db");
}

int cmd_index(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, NULL, 'd'}, {"recursive", no_argument, NULL, 'r'},
        {"strict", no_argument, NULL, 's'}, {"batch-size", required_argument, NULL, 'b'},
        {"quiet", no_argument, NULL, 'q'}, {"verbose", no_argument, NULL, 'v'},
        {"lexicon", required_argument, NULL, 'x'}, {"help", no_argument, NULL, 'h'},
        {"shard", required_argument, NULL, 'S'}, {"keys", required_argument, NULL, 'k'},
        {NULL, 0, NULL, 0},
    };
    indexer ix;
    const char *lexicon = NULL, *dbopt = NULL;
    char defbuf[4096], *end;
    int c, recursive = 0, rc = EXIT_OK, argi;

    memset(&ix, 0, sizeof ix);
    ix.batch = 1000;
    ix.keys = TOPONORM_KEYS_FOR_NAMES;
    optind = 1;
    while ((c = getopt_long(argc, argv, "rqvh", opts, NULL)) != -1) {
        switch (c) {
        case 'd': dbopt = optarg; break;
        case 'r': recursive = 1; break;
        case 's': ix.strict = 1; break;
        case 'q': ix.quiet = 1; break;
        case 'v': ix.verbose = 1; break;
        case 'x': lexicon = optarg; break;
        case 'k':
            if (cli_keys_option("index", optarg, &ix.keys) != EXIT_OK)
                return EXIT_USAGE;
            break;
        case 'S':
            if (cli_shard_parse(optarg, &ix.shard_k, &ix.shard_n) != 0) {
                fprintf(stderr, "toponorm index: --shard takes K/N with 1 <= K <= N, not '%s'\n",
                        optarg);
                return EXIT_USAGE;
            }
            break;
        case 'b':
            errno = 0;
            ix.batch = strtoul(optarg, &end, 10);
            if (errno || *end || ix.batch == 0) {
                fprintf(stderr, "toponorm index: --batch-size takes a positive number, not '%s'\n",
                        optarg);
                return EXIT_USAGE;
            }
            break;
        case 'h': usage(stdout); return EXIT_OK;
        default: usage(stderr); return EXIT_USAGE;
        }
    }
    argi = optind;
    if (dbopt)
        ix.dbpath = dbopt;
    else if (argi < argc)
        ix.dbpath = argv[argi++];
    else if (!(ix.dbpath = cli_default_db(defbuf, sizeof defbuf))) {
        fputs("toponorm index: no DB given, and neither XDG_DATA_HOME nor HOME is set\n", stderr);
        return EXIT_USAGE;
    }
    if (!*ix.dbpath) {
        fputs("toponorm index: empty database path\n", stderr);
        return EXIT_USAGE;
    }
    ix.progress = !ix.quiet && isatty(STDERR_FILENO);
    if (argi == argc) {
        struct stat st;
        if (fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode))
            ix.total = (unsigned long long)st.st_size;
    } else {
        for (int i = argi; i < argc; i++) {
            struct stat st;
            if (stat(argv[i], &st) == 0 && S_ISREG(st.st_mode))
                ix.total += (unsigned long long)st.st_size;
        }
    }
    if ((rc = cli_analyzer_open(&ix.ca, lexicon)) != EXIT_OK)
        return rc;
    if (cli_mkdir_parents(ix.dbpath) != 0) {       /* like mkdir -p: a new DB anywhere */
        fprintf(stderr, "toponorm index: %s: cannot create its directory: %s\n", ix.dbpath,
                strerror(errno));
        cli_analyzer_close(&ix.ca);
        return EXIT_DB;
    }
    if ((rc = cli_db_open("index", ix.dbpath, TNX_WRITE, &ix.db)) != EXIT_OK) {
        cli_analyzer_close(&ix.ca);
        return rc;
    }
    if (!(ix.doc = tnx_doc_new()) ||
        (ix.keys & TOPONORM_KEYS_FOR_NAMES &&
         (!(ix.vocab = cli_vocab_new(ix.ca.lx)) || no_keys(&ix.ca)))) {
        fputs("toponorm index: out of memory\n", stderr);
        rc = EXIT_DB;
    }
    ix.t0 = now();
    if (rc == EXIT_OK && argi == argc)
        rc = index_jsonl(&ix, stdin, "stdin");
    for (int i = argi; rc == EXIT_OK && i < argc; i++)
        rc = index_path(&ix, argv[i], recursive);
    /* Commit what was indexed unless the database itself failed. */
    if (rc != EXIT_DB) {
        int crc = commit(&ix);
        if (crc != EXIT_OK)
            rc = crc;
    }
    progress(&ix, 1);
    if (ix.verbose || (ix.progress && rc == EXIT_OK)) {
        fprintf(stderr, "%lu documents indexed into %s", ix.docs, ix.dbpath);
        if (ix.shard_n)
            fprintf(stderr, " (shard %u/%u; %lu for other shards)", ix.shard_k, ix.shard_n,
                    ix.other_shard);
        fputs(ix.bad ? "" : "\n", stderr);
    }
    if (ix.bad) {
        if (ix.verbose || ix.progress)
            fprintf(stderr, ", %lu bad input%s skipped\n", ix.bad, ix.bad == 1 ? "" : "s");
        if (rc == EXIT_OK)
            rc = EXIT_INPUT;
    }
    tnx_doc_free(ix.doc);
    cli_vocab_free(ix.vocab);
    tnx_close(ix.db);
    cli_analyzer_close(&ix.ca);
    return rc;
}

static void delete_usage(FILE *f)
{
    fputs("usage: toponorm delete [--db] DB ID...\n"
          "  Remove the documents with these ids.  Exit: 0 ok, 1 usage,\n"
          "  2 an id was not in the database (the others are removed), 3 database error.\n", f);
}

int cmd_delete(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, NULL, 'd'}, {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *dbpath = NULL;
    tnx_db *db;
    int c, rc, argi, missing = 0;

    optind = 1;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'd': dbpath = optarg; break;
        case 'h': delete_usage(stdout); return EXIT_OK;
        default: delete_usage(stderr); return EXIT_USAGE;
        }
    }
    argi = optind;
    if (!dbpath && argi < argc)
        dbpath = argv[argi++];
    if (!dbpath || argi == argc) {
        delete_usage(stderr);
        return EXIT_USAGE;
    }
    /* Deleting from a database that is not there is an error, not a creation. */
    {
        struct stat st;
        if (stat(dbpath, &st) != 0) {
            fprintf(stderr, "toponorm delete: %s: no such database\n", dbpath);
            return EXIT_DB;
        }
    }
    if ((rc = cli_db_open("delete", dbpath, TNX_WRITE, &db)) != EXIT_OK)
        return rc;
    for (int i = argi; i < argc; i++) {
        int found = 0;
        /* Its vocabulary entries move to another document with the word. */
        if (tnx_move_terms(db, argv[i], strlen(argv[i]), CLI_VOCAB_PREFIX,
                           sizeof CLI_VOCAB_PREFIX - 1, NULL) != TNX_OK ||
            tnx_delete(db, argv[i], strlen(argv[i]), &found) != TNX_OK) {
            if (strlen(argv[i]) == 0 || strlen(argv[i]) >= TNX_MAX_TERM - 1) {
                fprintf(stderr, "toponorm delete: %s: not a valid id\n", argv[i]);
                missing = 1;
                continue;
            }
            cli_db_fail("delete", dbpath, db);
            tnx_close(db);
            return EXIT_DB;
        }
        if (!found) {
            fprintf(stderr, "toponorm delete: %s: no such document\n", argv[i]);
            missing = 1;
        }
    }
    if (tnx_commit(db) != TNX_OK) {
        cli_db_fail("delete", dbpath, db);
        tnx_close(db);
        return EXIT_DB;
    }
    tnx_close(db);
    return missing ? EXIT_INPUT : EXIT_OK;
}
