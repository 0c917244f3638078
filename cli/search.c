/*
** search.c: `toponorm search [DB] QUERY...` and `--batch`.
**
** The query is parsed and analyzed by query.c; each hit's stored JSON gives
** its title and text, which snippet.c analyzes again to find the spellings
** that matched.  Output: human (rank, id, title, snippet; matches
** highlighted on a TTY) or JSON Lines through jsonout.c.
*/
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "jsonout.h"
#include "query.h"
#include "xdb.h"

typedef struct searcher {
    cli_analyzer ca;
    tnx_db *db;
    const char *dbpath;
    wbuf *out;
    int json, explain, color;
    unsigned limit, offset, flags;
    const char *lang;
    const cquery *cq;
    const char *batch_query;      /* the query of this hit in --batch, or NULL */
    size_t batch_query_len;
    int rc;
} searcher;

static const char *kind_name(int kind)
{
    const char *n = toponorm_term_kind_name(kind);
    return n ? n : "?";
}

/* A query term without its engine prefix, for people. */
static const char *bare_term(const qterm *qt)
{
    return qt->term + qt->plen;
}

static void put_score(wbuf *w, double score)
{
    char num[32];
    snprintf(num, sizeof num, "%.4f", score);
    wb_str(w, num);
}

static void write_json(searcher *s, const tnx_hit *h, const doc_fields *df, const hit_text *ht)
{
    wbuf *w = s->out;
    wb_putc(w, '{');
    if (s->batch_query) {
        wb_str(w, "\"query\":");
        json_string(w, s->batch_query, s->batch_query_len);
        wb_putc(w, ',');
    }
    wb_str(w, "\"id\":");
    json_string(w, h->id, h->id_len);
    wb_str(w, ",\"rank\":");
    wb_uint(w, h->rank);
    wb_str(w, ",\"score\":");
    put_score(w, h->score);
    if (df->title) {
        wb_str(w, ",\"title\":");
        json_string(w, df->title, df->title_len);
    }
    wb_str(w, ",\"matched\":[");
    for (size_t i = 0; i < ht->n_matched; i++) {
        if (i)
            wb_putc(w, ',');
        json_string(w, ht->matched[i], strlen(ht->matched[i]));
    }
    wb_str(w, "],\"snippet\":");
    json_string(w, ht->snippet, ht->snippet_len);
    if (s->explain) {
        wb_str(w, ",\"explain\":[");
        for (size_t i = 0; i < ht->n_why; i++) {
            const qterm *qt = ht->why[i].qt;
            if (i)
                wb_putc(w, ',');
            wb_str(w, "{\"spelling\":");
            json_string(w, ht->why[i].spelling, strlen(ht->why[i].spelling));
            wb_str(w, ",\"query\":");
            json_string(w, s->cq->words[qt->word], strlen(s->cq->words[qt->word]));
            wb_str(w, ",\"via\":\"");
            wb_str(w, kind_name(qt->kind));
            wb_str(w, "\",\"term\":");
            json_string(w, bare_term(qt), strlen(bare_term(qt)));
            wb_putc(w, '}');
        }
        wb_putc(w, ']');
    }
    wb_str(w, "}\n");
}

static void write_human(searcher *s, const tnx_hit *h, const doc_fields *df, const hit_text *ht)
{
    wbuf *w = s->out;
    size_t at = 0;
    wb_uint(w, h->rank);
    wb_str(w, ". ");
    wb_put(w, h->id, h->id_len);
    if (df->title) {
        wb_str(w, "  ");
        wb_put(w, df->title, df->title_len);
    }
    wb_str(w, "  (");
    put_score(w, h->score);
    wb_str(w, ")\n   ");
    for (size_t i = 0; i < ht->n_marks; i++) {
        size_t ms = ht->marks[2 * i], me = ht->marks[2 * i + 1];
        wb_put(w, ht->snippet + at, ms - at);
        if (s->color)
            wb_str(w, "\033[1;31m");
        wb_put(w, ht->snippet + ms, me - ms);
        if (s->color)
            wb_str(w, "\033[0m");
        at = me;
    }
    wb_put(w, ht->snippet + at, ht->snippet_len - at);
    wb_putc(w, '\n');
    /* --explain: one line per document spelling and query word, with every
    ** term that joined them: "matched Donets’k for Donetsk via surface
    ** donets'k, key doneck". */
    if (s->explain)
        for (size_t i = 0; i < ht->n_why; i++) {
            const why_match *wi = &ht->why[i];
            size_t j;
            for (j = 0; j < i; j++)
                if (ht->why[j].spelling == wi->spelling && ht->why[j].qt->word == wi->qt->word)
                    break;
            if (j < i)
                continue;                     /* already written with an earlier one */
            wb_str(w, "   matched ");
            wb_str(w, wi->spelling);
            wb_str(w, " for ");
            wb_str(w, s->cq->words[wi->qt->word]);
            wb_str(w, " via");
            for (j = i; j < ht->n_why; j++) {
                const qterm *qt = ht->why[j].qt;
                if (ht->why[j].spelling != wi->spelling || qt->word != wi->qt->word)
                    continue;
                wb_str(w, j == i ? " " : ", ");
                wb_str(w, kind_name(qt->kind));
                wb_putc(w, ' ');
                wb_str(w, bare_term(qt));
            }
            wb_putc(w, '\n');
        }
}

static int on_hit(void *ctx, const tnx_hit *hit)
{
    searcher *s = ctx;
    doc_fields df;
    unsigned flags = 0;
    hit_text ht;
    tnx_hit with_id = *hit, *h = &with_id;
    doc_fields_parse(&df, hit->data, hit->data_len);   /* not JSON: no title, no text */
    /* The id from the stored document, which index always writes as JSON
    ** with it (tnx_set_hit_ids(db, 0) below: no value read per hit). */
    if (!h->id) {
        h->id = df.id ? df.id : "";
        h->id_len = df.id ? df.id_len : 0;
    }
    switch (df.lang ? toponorm_lang_from_name(df.lang) : -1) {
    case TOPONORM_LANG_UK: flags = TOPONORM_HINT_UK; break;
    case TOPONORM_LANG_RU: flags = TOPONORM_HINT_RU; break;
    case TOPONORM_LANG_EN: flags = TOPONORM_HINT_EN; break;
    default: break;
    }
    if (hit_text_build(&ht, &s->ca, s->cq, df.title, df.title_len, df.text ? df.text : "",
                       df.text_len, flags, h->matched, h->n_matched) != EXIT_OK) {
        doc_fields_free(&df);
        fputs("toponorm search: out of memory\n", stderr);
        s->rc = EXIT_DB;
        return 1;
    }
    if (s->json)
        write_json(s, h, &df, &ht);
    else
        write_human(s, h, &df, &ht);
    hit_text_free(&ht);
    doc_fields_free(&df);
    return 0;
}

/* Run one query string; returns an exit status (EXIT_OK also with no hits). */
static int run_query(searcher *s, const char *q, size_t len)
{
    cquery cq;
    char err[300];
    int rc = cquery_build(&cq, &s->ca, s->db, q, len, s->flags, s->lang, err, sizeof err);
    if (rc != EXIT_OK) {
        fprintf(stderr, "toponorm search: %s\n", err);
        return rc;
    }
    if (getenv("TOPONORM_DEBUG_QUERY")) {
        char *d = tnx_query_describe(cq.q);
        fprintf(stderr, "%s\n", d ? d : "?");
        free(d);
    }
    s->cq = &cq;
    s->rc = EXIT_OK;
    rc = tnx_search(s->db, cq.q, s->offset, s->limit, on_hit, s, NULL);
    if (rc < 0) {
        cli_db_fail("search", s->dbpath, s->db);
        rc = EXIT_DB;
    } else {
        rc = s->rc;
    }
    s->cq = NULL;
    cquery_free(&cq);
    return rc;
}

/*
** --batch: one query per stdin line, plain or a JSON object with "query".
** A bad line is reported as stdin:LINE and skipped; the status is then 2.
*/
static int run_batch(searcher *s)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    unsigned long lineno = 0;
    int rc = EXIT_OK;
    while ((n = getline(&line, &cap, stdin)) >= 0) {
        char *jq = NULL, err[300];
        const char *q = line;
        size_t ql;
        int r;
        lineno++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            n--;
        ql = (size_t)n;
        if (ql == 0 || strspn(line, " \t") == ql)
            continue;
        if (line[strspn(line, " \t")] == '{') {
            if (batch_query_parse(line, ql, &jq, &ql, err, sizeof err) != 0) {
                fprintf(stderr, "stdin:%lu: %s\n", lineno, err);
                rc = EXIT_INPUT;
                continue;
            }
            q = jq;
        }
        s->batch_query = q;
        s->batch_query_len = ql;
        r = run_query(s, q, ql);
        free(jq);
        if (r == EXIT_INPUT) {
            fprintf(stderr, "stdin:%lu: (the query above was skipped)\n", lineno);
            rc = EXIT_INPUT;
        } else if (r != EXIT_OK) {
            rc = r;
            break;
        }
        wb_flush(s->out);
    }
    free(line);
    return rc;
}

static void usage(FILE *f)
{
    char buf[4096];
    const char *def = cli_default_db(buf, sizeof buf);
    fprintf(f,
            "usage: toponorm search [OPTIONS] [DB] [--] QUERY...\n"
            "       toponorm search [OPTIONS] --batch [DB] < queries\n"
            "  Search the Xapian database DB.  DB is the first argument when it names an\n"
            "  existing file or directory or contains a '/'; otherwise (and with --db) every\n"
            "  argument is a query word and DB is the default database (%s).\n"
            "query: words are ANDed; a OR b; \"a phrase\"; -word excludes it.\n"
            "  Every spelling of a word matches (Donetsk finds Донецьк, Донецк, Donets'k).\n"
            "options:\n"
            "  --db DB          the database (repeat to search several as one)\n"
            "  --limit N        hits to show (default 10);  --offset N  skip the first N\n"
            "  --lang uk|ru|en  only documents in this language\n"
            "  --json           JSON Lines: {id, rank, score, title?, matched, snippet}\n"
            "  --explain        say why each hit matched (spelling, query word, via key/place/stem/surface)\n"
            "  --batch          queries on stdin, one per line (plain, or JSON with \"query\");\n"
            "                   results as JSON Lines with a \"query\" field\n"
            "  --lexicon FILE   the compiled lexicon\n"
            "Exit: 0 ok (also with no hits), 1 usage, 2 input error, 3 database error.\n",
            def ? def : "$XDG_DATA_HOME/toponorm/db");
}

static int parse_uint(const char *opt, const char *arg, unsigned *out)
{
    char *end;
    unsigned long v;
    errno = 0;
    v = strtoul(arg, &end, 10);
    if (errno || *end || !*arg || arg[0] == '-' || v > 1000000000ul) {
        fprintf(stderr, "toponorm search: %s takes a number, not '%s'\n", opt, arg);
        return 0;
    }
    *out = (unsigned)v;
    return 1;
}

/*
** Put the options first, then "--", then the other arguments in their
** order, so that an excluded word (Kharkov -metro) needs no "--" before
** it.  The one short option is -h: any other argument of one '-' and two or
** more characters is a query word; a long option's separate value (--limit
** 5) stays with it.  A lone "-X" is left to getopt, which rejects it.
*/
static char **options_first(int argc, char **argv, const struct option *opts, int *nargc)
{
    char **v = calloc((size_t)argc + 2, sizeof *v);
    int n = 1, rest = 0, i;
    char **pos = calloc((size_t)argc + 1, sizeof *pos);
    if (!v || !pos) {
        free(v);
        free(pos);
        return NULL;
    }
    v[0] = argv[0];
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) {
            while (++i < argc)
                pos[rest++] = argv[i];
            break;
        }
        if (a[0] == '-' && a[1] == '-') {
            size_t len = strcspn(a + 2, "=");
            const struct option *o = NULL;
            int matches = 0;
            v[n++] = argv[i];
            for (const struct option *k = opts; k->name; k++)
                if (strncmp(k->name, a + 2, len) == 0) {
                    o = k;
                    if (strlen(k->name) == len) {
                        matches = 1;     /* an exact name wins over prefixes */
                        break;
                    }
                    matches++;           /* an abbreviation counts if it is unique */
                }
            if (matches == 1 && o->has_arg == required_argument && !a[2 + len] && i + 1 < argc)
                v[n++] = argv[++i];
        } else if (a[0] == '-' && a[1] && a[1] != '-' && !a[2]) {
            v[n++] = argv[i];            /* -h, or a short option getopt rejects */
        } else {
            pos[rest++] = argv[i];
        }
    }
    v[n++] = "--";
    for (i = 0; i < rest; i++)
        v[n++] = pos[i];
    v[n] = NULL;
    *nargc = n;
    free(pos);
    return v;
}

int cmd_search(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, NULL, 'd'}, {"limit", required_argument, NULL, 'n'},
        {"offset", required_argument, NULL, 'o'}, {"lang", required_argument, NULL, 'l'},
        {"json", no_argument, NULL, 'j'}, {"explain", no_argument, NULL, 'e'},
        {"batch", no_argument, NULL, 'b'}, {"lexicon", required_argument, NULL, 'x'},
        {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0},
    };
    static wbuf out;
    searcher s;
    const char *lexicon = NULL, **dbs = NULL;
    char defbuf[4096], *q = NULL;
    size_t ndb = 0, qlen = 0;
    int c, batch = 0, rc, argi;
    char **args = NULL;

    memset(&s, 0, sizeof s);
    s.limit = 10;
    dbs = calloc((size_t)argc + 1, sizeof *dbs);
    if (!dbs || !(args = options_first(argc, argv, opts, &argc))) {
        free(dbs);
        fputs("toponorm search: out of memory\n", stderr);
        return EXIT_DB;
    }
    argv = args;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'd': dbs[ndb++] = optarg; break;
        case 'n': if (!parse_uint("--limit", optarg, &s.limit)) goto usage_err; break;
        case 'o': if (!parse_uint("--offset", optarg, &s.offset)) goto usage_err; break;
        case 'l':
            if (toponorm_lang_from_name(optarg) < 0) {
                fprintf(stderr, "toponorm search: --lang takes uk, ru or en, not '%s'\n", optarg);
                goto usage_err;
            }
            s.lang = optarg;
            break;
        case 'j': s.json = 1; break;
        case 'e': s.explain = 1; break;
        case 'b': batch = 1; break;
        case 'x': lexicon = optarg; break;
        case 'h': usage(stdout); free(dbs); free(args); return EXIT_OK;
        default: usage(stderr); goto usage_err;
        }
    }
    argi = optind;
    if (ndb == 0 && argi < argc) {
        struct stat st;
        if (stat(argv[argi], &st) == 0 || strchr(argv[argi], '/') ||
            (batch && argi + 1 == argc))
            dbs[ndb++] = argv[argi++];
    }
    if (ndb == 0) {
        if (!(dbs[0] = cli_default_db(defbuf, sizeof defbuf))) {
            fputs("toponorm search: no DB given, and neither XDG_DATA_HOME nor HOME is set\n",
                  stderr);
            goto usage_err;
        }
        ndb = 1;
    }
    if (batch ? argi != argc : argi == argc) {
        fputs(batch ? "toponorm search: --batch reads the queries on stdin, not as arguments\n"
                    : "toponorm search: no query\n", stderr);
        usage(stderr);
        goto usage_err;
    }
    for (int i = argi; i < argc; i++)
        qlen += strlen(argv[i]) + 1;
    if (!batch) {
        if (!(q = malloc(qlen + 1))) {
            free(dbs);
            free(args);
            return EXIT_DB;
        }
        qlen = 0;
        for (int i = argi; i < argc; i++) {
            size_t n = strlen(argv[i]);
            memcpy(q + qlen, argv[i], n);
            q[qlen + n] = ' ';
            qlen += n + 1;
        }
        q[qlen] = '\0';
    }

    if ((rc = cli_analyzer_open(&s.ca, lexicon)) != EXIT_OK)
        goto done;
    s.dbpath = dbs[0];
    if ((rc = cli_db_open("search", dbs[0], TNX_READ, &s.db)) != EXIT_OK)
        goto done;
    tnx_set_matched(s.db, 0);          /* the snippet's re-analysis finds them */
    tnx_set_hit_ids(s.db, 0);          /* on_hit reads the id from the document */
    for (size_t i = 1; i < ndb; i++) {
        if ((rc = cli_db_check("search", dbs[i])) != EXIT_OK)
            goto done;
        if (tnx_add_shard(s.db, dbs[i]) != TNX_OK) {
            s.dbpath = dbs[i];
            cli_db_fail("search", dbs[i], s.db);
            rc = EXIT_DB;
            goto done;
        }
    }
    wb_init(&out, stdout);
    s.out = &out;
    s.color = !s.json && isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
    if (batch) {
        s.json = 1;
        rc = run_batch(&s);
    } else {
        rc = run_query(&s, q, qlen);
    }
    wb_flush(&out);
    fflush(stdout);
    if (out.err || ferror(stdout)) {
        fputs("toponorm search: write error\n", stderr);
        if (rc == EXIT_OK)
            rc = EXIT_INPUT;
    }
done:
    tnx_close(s.db);
    cli_analyzer_close(&s.ca);
    free(q);
    free(dbs);
    free(args);
    return rc;
usage_err:
    free(dbs);
    free(args);
    return EXIT_USAGE;
}
