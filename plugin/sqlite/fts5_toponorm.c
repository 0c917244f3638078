/*
** fts5_toponorm.c: the SQLite FTS5 tokenizer "toponorm", a loadable
** extension (toponorm.so, entry point sqlite3_toponorm_init).
**
**   .load /usr/local/lib/toponorm/toponorm
**   CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='toponorm');
**
** Every word becomes its toponorm terms at one FTS5 position: the folded
** surface form first (FTS5 takes highlight()/snippet() offsets from the
** first token at a position), then the match keys, place ids and stem as
** FTS5_TOKEN_COLOCATED tokens with the word's original byte offsets.
** Queries get the same term set; colocated query tokens are alternatives,
** so a query word in any spelling meets a document word in any other.
**
** Term spaces, so unrelated terms never meet: keys carry "XK", place ids
** "XP" (toponorm_term_prefix()).  Stems stay unprefixed, in the surface
** space: the analyzer omits a stem equal to the surface, so "Донецьк" (no
** stem) and "у Донецьку" (stem донецьк) meet only if the stem lives where
** the surface does.
**
** Prefix queries (донец*): the surface prefix, the key prefix and the
** stem prefix (when the typed part stems shorter), all as FTS5 prefixes, so
** донец* also finds Donetsk and Donets'k (key doneck), and воды* finds the
** word indexed by its stem вод (stem on); no place id, which means nothing
** for part of a word.
**
** Options (tokenize='toponorm lang uk lexicon /x.lex cache 4096'):
**   lang uk|ru|en   hint for Cyrillic words whose letters do not say uk or ru
**   lexicon PATH    a compiled lexicon instead of the default one
**   cache N         token cache slots per table (a multiple of 4; 0 = none)
**   stem on|both|off  on (the default): an ordinary word (no key, no place
**                   id) is indexed by its stem alone, as FTS5's porter
**                   tokenizer does, names by their form and stem (Донецьку
**                   meets Донецьк; about one term per word); both: every word
**                   by its form and stem (a query's exact form ranks first);
**                   off: no stems (inflected forms stop meeting)
**   keys names|all  names (the default): a document word gets match keys only
**                   when it can be a name (capitalised, or spelled like a known
**                   place; TOPONORM_KEYS_FOR_NAMES), about a third fewer
**                   tokens; all: every word, so that a romanised common word
**                   (bez wody) also finds its Cyrillic original (без воды)
** FTS5 replaces a tokenizer constructor's failure with its own "error in
** tokenizer constructor" (3.40 and every later version), so the reason goes
** to sqlite3_log() (the shell shows it after `.log stderr`) and to the SQL
** function toponorm_check(OPTIONS), which returns NULL or raises it.
**
** SQLite 3.46+ (fts5_api.iVersion >= 3) also gets the v2 tokenizer, whose
** per-row locale (fts5_locale()) overrides the lang option.
*/
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

#include "toponorm/toponorm_plugin.h"

#include "fts5_v2.h"

/* The token that holds the place of a word with no terms (longer than 240
** bytes), so phrases do not match across it; folded terms are never upper case. */
#define GAP_TOKEN "XG"

/* toponorm_check() opens files: not from triggers or views of a database. */
#ifdef SQLITE_DIRECTONLY
#define TN_DIRECTONLY SQLITE_DIRECTONLY
#else
#define TN_DIRECTONLY 0
#endif

typedef struct tn_tok {
    const toponorm_plugin_v1 *tp;
    toponorm_lexicon *lx;
    toponorm_analyzer *an;
    toponorm_scratch *sc;
    unsigned hint;             /* TOPONORM_HINT_* from the lang option */
    unsigned keys;             /* TOPONORM_KEYS_FOR_NAMES from the keys option */
    int stem_only;             /* stem on: ordinary document words by their stem */
    int busy;                  /* sc is in use (a nested call makes its own) */
} tn_tok;

typedef struct tn_opts {
    unsigned hint;
    int stem;                  /* 0: no stem terms; 1: on; 2: both */
    unsigned keys;             /* TOPONORM_KEYS_FOR_NAMES or 0 */
    const char *lexicon;
    long cache;                /* -1: the library default */
} tn_opts;

/* Parse the tokenize arguments; 0, or SQLITE_ERROR with *msg (sqlite3_malloc). */
static int parse_opts(const char **az, int n, tn_opts *o, char **msg)
{
    int i;
    o->hint = 0;
    o->stem = 1;
    o->keys = TOPONORM_KEYS_FOR_NAMES;
    o->lexicon = NULL;
    o->cache = -1;
    for (i = 0; i < n; i += 2) {
        const char *k = az[i], *v = i + 1 < n ? az[i + 1] : NULL;
        if (strcmp(k, "lang") != 0 && strcmp(k, "lexicon") != 0 && strcmp(k, "cache") != 0 &&
            strcmp(k, "stem") != 0 && strcmp(k, "keys") != 0) {
            *msg = sqlite3_mprintf("toponorm: unknown tokenize option '%s' "
                                   "(known: lang, lexicon, cache, stem, keys)", k);
            return SQLITE_ERROR;
        }
        if (!v) {
            *msg = sqlite3_mprintf("toponorm: tokenize option '%s' needs a value", k);
            return SQLITE_ERROR;
        }
        if (strcmp(k, "lang") == 0) {
            if (strcmp(v, "uk") == 0)      o->hint = TOPONORM_HINT_UK;
            else if (strcmp(v, "ru") == 0) o->hint = TOPONORM_HINT_RU;
            else if (strcmp(v, "en") == 0) o->hint = TOPONORM_HINT_EN;
            else {
                *msg = sqlite3_mprintf("toponorm: tokenize option 'lang': '%s' is not "
                                       "uk, ru or en", v);
                return SQLITE_ERROR;
            }
        } else if (strcmp(k, "lexicon") == 0) {
            o->lexicon = v;
        } else if (strcmp(k, "keys") == 0) {
            if (strcmp(v, "names") == 0)     o->keys = TOPONORM_KEYS_FOR_NAMES;
            else if (strcmp(v, "all") == 0)  o->keys = 0;
            else {
                *msg = sqlite3_mprintf("toponorm: tokenize option 'keys': '%s' is not names or all", v);
                return SQLITE_ERROR;
            }
        } else if (strcmp(k, "stem") == 0) {
            if (strcmp(v, "on") == 0)        o->stem = 1;
            else if (strcmp(v, "both") == 0) o->stem = 2;
            else if (strcmp(v, "off") == 0)  o->stem = 0;
            else {
                *msg = sqlite3_mprintf("toponorm: tokenize option 'stem': '%s' is not on, both "
                                       "or off", v);
                return SQLITE_ERROR;
            }
        } else {
            char *end;
            long c = strtol(v, &end, 10);
            if (*v == '\0' || *end != '\0' || c < 0 || c > (1L << 24) || c % 4 != 0) {
                *msg = sqlite3_mprintf("toponorm: tokenize option 'cache': '%s' is not a "
                                       "multiple of 4 from 0 to 16777216", v);
                return SQLITE_ERROR;
            }
            o->cache = c;
        }
    }
    return SQLITE_OK;
}

static void tok_free(tn_tok *t)
{
    if (!t)
        return;
    t->tp->scratch_free(t->sc);
    t->tp->analyzer_free(t->an);
    t->tp->lexicon_close(t->lx);
    sqlite3_free(t);
}

/* Make a tokenizer for the options; 0, or an SQLite code with *msg set. */
static int tok_new(const toponorm_plugin_v1 *tp, const char **az, int n, tn_tok **out,
                   char **msg)
{
    toponorm_options opt;
    toponorm_error err;
    tn_opts o;
    tn_tok *t;
    int rc;

    *out = NULL;
    if ((rc = parse_opts(az, n, &o, msg)) != SQLITE_OK)
        return rc;
    if (!(t = sqlite3_malloc(sizeof *t)))
        return SQLITE_NOMEM;
    memset(t, 0, sizeof *t);
    t->tp = tp;
    t->hint = o.hint;
    t->keys = o.keys;
    t->stem_only = o.stem == 1;
    memset(&err, 0, sizeof err);
    tp->options_init(&opt);
    if (o.cache >= 0)
        opt.cache_slots = (uint32_t)o.cache;
    if (!o.stem)
        opt.kinds = (1u << TOPONORM_TERM_SURFACE) | (1u << TOPONORM_TERM_KEY) |
                    (1u << TOPONORM_TERM_PLACE);
    if (tp->lexicon_open(o.lexicon, &t->lx, &err) != TOPONORM_OK ||
        tp->analyzer_new(t->lx, &opt, &t->an, &err) != TOPONORM_OK ||
        tp->scratch_new(t->an, &t->sc, &err) != TOPONORM_OK) {
        *msg = sqlite3_mprintf("toponorm: %s%s%s", err.where, err.where[0] ? ": " : "",
                               err.msg[0] ? err.msg : tp->strerror(err.code));
        tok_free(t);
        return err.code == TOPONORM_ENOMEM ? SQLITE_NOMEM : SQLITE_ERROR;
    }
    *out = t;
    return SQLITE_OK;
}

static int x_create(void *ud, const char **az, int n, Fts5Tokenizer **out)
{
    tn_tok *t = NULL;
    char *msg = NULL;
    int rc = tok_new((const toponorm_plugin_v1 *)ud, az, n, &t, &msg);
    if (msg) {
        sqlite3_log(rc, "%s", msg);
        sqlite3_free(msg);
    }
    *out = (Fts5Tokenizer *)t;
    return rc;
}

static void x_delete(Fts5Tokenizer *p)
{
    tok_free((tn_tok *)p);
}

/* One xTokenize call: what the term callback needs. */
typedef struct tn_call {
    void *ctx;
    int (*xToken)(void *, int, const char *, int, int, int);
    int prefix;                /* FTS5_TOKENIZE_PREFIX: surface, keys and stem only */
    int stem_only;             /* a document word with a stem and no key or place:
                                  its stem alone (see stem on) */
    uint32_t pos;              /* position of the last token passed to FTS5 */
    int last_end;
    /* The surface term just read, held until the next term says whether
    ** the word goes in by its stem alone (stem_only). */
    int held;
    uint32_t hpos;
    int hstart, hend;
    size_t hlen;
    char htext[256];           /* a surface is at most 240 bytes */
} tn_call;

/* Pass one term to FTS5 at position pos (colocated when pos is the last one). */
static int put(tn_call *c, uint32_t pos, const char *p, size_t n, int start, int end)
{
    int rc, colocated = pos == c->pos;
    /* Words with no terms still take a position. */
    while (!colocated && c->pos + 1 < pos) {
        if ((rc = c->xToken(c->ctx, 0, GAP_TOKEN, 2, c->last_end, c->last_end)) != SQLITE_OK)
            return rc;
        c->pos++;
    }
    if (n > INT_MAX)
        return SQLITE_OK;
    rc = c->xToken(c->ctx, colocated ? FTS5_TOKEN_COLOCATED : 0, p, (int)n, start, end);
    c->pos = pos;
    c->last_end = end;
    return rc;
}

/* Pass the held surface on, if any. */
static int flush(tn_call *c)
{
    if (!c->held)
        return SQLITE_OK;
    c->held = 0;
    return put(c, c->hpos, c->htext, c->hlen, c->hstart, c->hend);
}

/*
** The analyzer gives a word's surface first, then its keys, its stem and
** its place ids.  With stem_only, an ordinary word of a document (no key,
** no place id) that has a stem goes into FTS5 as its stem alone, as FTS5's
** porter tokenizer does: the query word's stem meets it, and the index
** holds about one term per word instead of 1.4.  So the surface waits for
** the next term: a key or place id lets it through, a stem replaces it.
** (With TOPONORM_KEYS_FOR_NAMES a word with a place id always has a key,
** and keys come before the stem.)
*/
static int on_term(void *vc, const toponorm_term *tm)
{
    tn_call *c = vc;
    char buf[512], *p;
    const char *pre = "";
    size_t np, n;
    int rc;

    switch (tm->kind) {
    case TOPONORM_TERM_KEY:   pre = "XK"; np = 2; break;
    case TOPONORM_TERM_PLACE: pre = "XP"; np = 2; break;
    case TOPONORM_TERM_STEM:  np = 0; break;      /* the surface space: see the top */
    case TOPONORM_TERM_SURFACE: np = 0; break;
    default: return 0;
    }
    if (c->prefix && tm->kind == TOPONORM_TERM_PLACE)
        return 0;
    if (c->held) {
        if (tm->kind == TOPONORM_TERM_STEM && tm->position == c->hpos) {
            c->held = 0;                          /* the stem alone */
            return put(c, tm->position, tm->text, tm->len, (int)tm->start, (int)tm->end);
        }
        if ((rc = flush(c)) != SQLITE_OK)
            return rc;
    }
    if (c->stem_only && tm->kind == TOPONORM_TERM_SURFACE && tm->len <= sizeof c->htext &&
        !(tm->flags & TOPONORM_TERM_COMPOUND)) {
        memcpy(c->htext, tm->text, tm->len);
        c->hlen = tm->len;
        c->hpos = tm->position;
        c->hstart = (int)tm->start;
        c->hend = (int)tm->end;
        c->held = 1;
        return SQLITE_OK;
    }
    if (np == 0)
        return put(c, tm->position, tm->text, tm->len, (int)tm->start, (int)tm->end);
    n = np + tm->len;
    p = n <= sizeof buf ? buf : sqlite3_malloc64(n);
    if (!p)
        return SQLITE_NOMEM;
    memcpy(p, pre, np);
    memcpy(p + np, tm->text, tm->len);
    rc = put(c, tm->position, p, n, (int)tm->start, (int)tm->end);
    if (p != buf)
        sqlite3_free(p);
    return rc;
}

/* A language hint from an FTS5 locale ("uk", "ru_RU", "en-GB"); 0 for others. */
static unsigned locale_hint(const char *loc, int n)
{
    if (!loc || n < 2 || (n > 2 && loc[2] != '_' && loc[2] != '-'))
        return 0;
    if (loc[0] == 'u' && loc[1] == 'k') return TOPONORM_HINT_UK;
    if (loc[0] == 'r' && loc[1] == 'u') return TOPONORM_HINT_RU;
    if (loc[0] == 'e' && loc[1] == 'n') return TOPONORM_HINT_EN;
    return 0;
}

static int tokenize(tn_tok *t, void *ctx, int flags, const char *text, int len,
                    unsigned hint, int (*xToken)(void *, int, const char *, int, int, int))
{
    toponorm_scratch *sc = t->sc, *own = NULL;
    tn_call c;
    int rc;

    if (len <= 0)
        return SQLITE_OK;
    if (t->busy) {
        /* Called from inside our own callback: never share the scratch. */
        if (t->tp->scratch_new(t->an, &own, NULL) != TOPONORM_OK)
            return SQLITE_NOMEM;
        sc = own;
    }
    c.ctx = ctx;
    c.xToken = xToken;
    c.prefix = (flags & FTS5_TOKENIZE_PREFIX) != 0;
    c.stem_only = t->stem_only && !(flags & FTS5_TOKENIZE_QUERY);
    c.pos = c.hpos = 0;
    c.last_end = 0;
    c.held = 0;
    if (!own)
        t->busy = 1;
    rc = t->tp->analyze(t->an, sc, text, (size_t)len,
                        ((flags & FTS5_TOKENIZE_QUERY) ? TOPONORM_FOR_QUERY
                                                       : TOPONORM_FOR_INDEX | t->keys) |
                            hint,
                        on_term, &c);
    if (rc == 0)
        rc = flush(&c);
    if (own)
        t->tp->scratch_free(own);
    else
        t->busy = 0;
    if (rc > 0)
        return rc;            /* FTS5's own code, from xToken */
    if (rc == TOPONORM_ENOMEM)
        return SQLITE_NOMEM;
    return rc ? SQLITE_ERROR : SQLITE_OK;
}

static int x_tokenize(Fts5Tokenizer *p, void *ctx, int flags, const char *text, int len,
                      int (*xToken)(void *, int, const char *, int, int, int))
{
    tn_tok *t = (tn_tok *)p;
    return tokenize(t, ctx, flags, text, len, t->hint, xToken);
}

static int x_tokenize_v2(Fts5Tokenizer *p, void *ctx, int flags, const char *text, int len,
                         const char *loc, int nloc,
                         int (*xToken)(void *, int, const char *, int, int, int))
{
    tn_tok *t = (tn_tok *)p;
    unsigned hint = locale_hint(loc, nloc);
    return tokenize(t, ctx, flags, text, len, hint ? hint : t->hint, xToken);
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/*
** Split off the next word of a tokenize value in place, as FTS5 does: a
** bareword, or '...', "...", `...` (a doubled quote stands for one) or [...].
** Returns where to go on, or NULL at the end.
*/
static char *next_word(char *s, const char **word)
{
    char q, *out;
    while (is_space(*s))
        s++;
    if (!*s)
        return NULL;
    q = *s == '[' ? ']' : (*s == '\'' || *s == '"' || *s == '`') ? *s : 0;
    if (!q) {
        *word = s;
        while (*s && !is_space(*s))
            s++;
        if (*s)
            *s++ = '\0';
        return s;
    }
    *word = out = ++s;
    for (; *s; s++) {
        if (*s == q) {
            if (q == ']' || s[1] != q)
                break;
            s++;
        }
        *out++ = *s;
    }
    if (*s)
        s++;
    *out = '\0';
    return s;
}

/* toponorm_check(OPTIONS): NULL when the tokenize options work, else the
** error FTS5 cannot show. */
static void fn_check(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const toponorm_plugin_v1 *tp = sqlite3_user_data(ctx);
    const char *s = argc > 0 ? (const char *)sqlite3_value_text(argv[0]) : NULL;
    char *copy, *msg = NULL, *w;
    const char *az[64];
    int n = 0, rc;
    tn_tok *t = NULL;

    if (!(copy = sqlite3_mprintf("%s", s ? s : ""))) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    for (w = copy; n < 64 && (w = next_word(w, &az[n])) != NULL; n++)
        ;
    if (n > 0 && strcmp(az[0], "toponorm") == 0)
        rc = tok_new(tp, az + 1, n - 1, &t, &msg);
    else
        rc = tok_new(tp, az, n, &t, &msg);
    tok_free(t);
    if (rc == SQLITE_OK)
        sqlite3_result_null(ctx);
    else if (msg)
        sqlite3_result_error(ctx, msg, -1);
    else
        sqlite3_result_error_code(ctx, rc);
    sqlite3_free(msg);
    sqlite3_free(copy);
}

/* The fts5_api of db, or NULL when SQLite has no FTS5. */
static fts5_api *get_fts5(sqlite3 *db)
{
    fts5_api *api = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
        sqlite3_step(st);
    }
    sqlite3_finalize(st);
    return api;
}

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_toponorm_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi);

int sqlite3_toponorm_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi)
{
    static fts5_tokenizer v1 = {x_create, x_delete, x_tokenize};
    static tn_fts5_tokenizer_v2 v2 = {2, x_create, x_delete, x_tokenize_v2};
    const toponorm_plugin_v1 *tp;
    fts5_api *api;
    int rc;

    SQLITE_EXTENSION_INIT2(pApi);
    if (!(tp = toponorm_plugin_entry(TOPONORM_PLUGIN_ABI))) {
        *pzErrMsg = sqlite3_mprintf("toponorm: libtoponorm does not offer plugin ABI %u",
                                    TOPONORM_PLUGIN_ABI);
        return SQLITE_ERROR;
    }
    if (!(api = get_fts5(db)) || api->iVersion < 2) {
        *pzErrMsg = sqlite3_mprintf("toponorm: this SQLite has no FTS5 (or one older than 3.20)");
        return SQLITE_ERROR;
    }
    /* pUserData is the library's static, immutable entry struct: nothing to destroy. */
    rc = api->xCreateTokenizer(api, "toponorm", (void *)tp, &v1, NULL);
    if (rc == SQLITE_OK && api->iVersion >= 3) {
        /* Registered later, the v2 tokenizer is the one FTS5 finds by name. */
        tn_fts5_api_v3 *api3 = (tn_fts5_api_v3 *)(void *)api;
        rc = api3->xCreateTokenizer_v2(api, "toponorm", (void *)tp, &v2, NULL);
    }
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function(db, "toponorm_check", 1, SQLITE_UTF8 | TN_DIRECTONLY,
                                     (void *)tp,
                                     fn_check, NULL, NULL);
    if (rc != SQLITE_OK)
        *pzErrMsg = sqlite3_mprintf("toponorm: cannot register the FTS5 tokenizer (%s)",
                                    sqlite3_errstr(rc));
    return rc;
}
