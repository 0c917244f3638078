/*
** sphinx_toponorm.c: toponorm as a Sphinx 2.2 index_token_filter.
**
**   common { plugin_dir = /usr/lib/x86_64-linux-gnu/toponorm }
**   index news { index_token_filter = toponorm_sphinx.so:toponorm:lang=uk ... }
**
** Sphinx has already split the text with its charset_table when it hands
** the filter one word at a time.  The table should keep case (README):
** capitals tell the analyzer a romanised place name from an ordinary word.
** The filter analyzes the word (TOPONORM_FOR_INDEX), indexes our folded
** surface in its place, and its other terms (keys, place ids, stems) follow
** as extra tokens at the same position (delta 0), spelled by sphx_word.c
** exactly as `toponorm analyze --query --format sphinx` spells them for the
** query.
**
** The ABI is Sphinx 2.2.11's (SPH_UDF_VERSION 8, userdata first); Debian
** ships no sphinxplugin.h, so the prototypes are written out below.  The
** host calls _begin_document and _get_extra_token without checking that
** they exist, and calls _init twice while indexing (first with no fields,
** ignoring its error, then with the schema): every function accepts a NULL
** userdata and does nothing harmful with it.
**
** Returned words stay in buffers the filter owns until its next call; they
** are writable and TN_SPHX_WORD_BYTES + 4 bytes long, because Sphinx's
** morphology stems words in place in buffers of that size.
*/
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "toponorm/toponorm_plugin.h"
#include "sphx_word.h"

#define SPH_UDF_VERSION 8       /* Sphinx 2.2.11's plugin ABI */
#define SPH_UDF_ERROR_LEN 256   /* bytes the host gives error_message */
#define SLOT (TN_SPHX_WORD_BYTES + 4)

#include "sphinx_abi.h"

typedef struct filter {
    const toponorm_plugin_v1 *api;
    toponorm_lexicon *lx;
    toponorm_analyzer *an;
    toponorm_scratch *sc;
    unsigned lang_hint;          /* TOPONORM_HINT_* from init's lang= */
    unsigned doc_hint;           /* the current document's lang=, or lang_hint */
    const char *token;           /* the token being analyzed */
    size_t token_len;
    struct word {                /* the current token's extra words */
        char text[SLOT];
        int compound;            /* from a hyphenated compound's joined form */
        int surface;             /* the first word's surface */
    } *extra;
    char surface[SLOT];          /* our surface, indexed instead of the token */
    size_t n_extra, cap_extra, next_extra;
    uint32_t position;           /* of the token's first term */
    int split, oom;              /* the analyzer found several words in it */
} filter;

int toponorm_sphinx_ver(void)
{
    return SPH_UDF_VERSION;
}

void toponorm_sphinx_reinit(void)
{
    /* No global state to reload: every filter instance owns its lexicon. */
}

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void set_error(char *error_message, const char *fmt, ...)
{
    va_list ap;
    if (!error_message)
        return;
    va_start(ap, fmt);
    vsnprintf(error_message, SPH_UDF_ERROR_LEN, fmt, ap);  /* cut to the host's buffer */
    va_end(ap);
}

/* TOPONORM_HINT_* for "uk", "ru", "en"; 0 for anything else. */
static unsigned hint_of(const char *lang)
{
    if (!strcmp(lang, "uk")) return TOPONORM_HINT_UK;
    if (!strcmp(lang, "ru")) return TOPONORM_HINT_RU;
    if (!strcmp(lang, "en")) return TOPONORM_HINT_EN;
    return 0;
}

/*
** Parse "name=value;name=value" (spaces around items ignored).  Known names:
** lexicon=PATH (init only) and lang=uk|ru|en.  *lexicon gets a malloc'ed
** path or stays NULL.  Returns 0, or -1 with error_message filled.
*/
static int parse_options(const char *options, int allow_lexicon, char **lexicon,
                         unsigned *hint, char *error_message)
{
    const char *p = options ? options : "";
    while (*p) {
        const char *end = strchr(p, ';'), *eq;
        size_t n;
        char item[SPH_UDF_ERROR_LEN];
        if (!end)
            end = p + strlen(p);
        while (p < end && (*p == ' ' || *p == '\t'))
            p++;
        n = (size_t)(end - p);
        while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
            n--;
        if (n >= sizeof item) {
            set_error(error_message, "toponorm: option too long: '%.64s...'", p);
            return -1;
        }
        memcpy(item, p, n);
        item[n] = '\0';
        p = *end ? end + 1 : end;
        if (n == 0)
            continue;
        eq = strchr(item, '=');
        if (!eq || eq == item || !eq[1]) {
            set_error(error_message, "toponorm: option '%s' is not name=value "
                      "(options: lexicon=PATH;lang=uk|ru|en)", item);
            return -1;
        }
        if (eq - item == 4 && !strncmp(item, "lang", 4)) {
            if (!(*hint = hint_of(eq + 1))) {
                set_error(error_message, "toponorm: lang takes uk, ru or en, not '%s'",
                          eq + 1);
                return -1;
            }
        } else if (allow_lexicon && eq - item == 7 && !strncmp(item, "lexicon", 7)) {
            free(*lexicon);
            if (!(*lexicon = strdup(eq + 1))) {
                set_error(error_message, "toponorm: out of memory");
                return -1;
            }
        } else {
            set_error(error_message, "toponorm: unknown option '%s' (options: %s)", item,
                      allow_lexicon ? "lexicon=PATH;lang=uk|ru|en" : "lang=uk|ru|en");
            return -1;
        }
    }
    return 0;
}

void toponorm_deinit(void *userdata)
{
    filter *f = userdata;
    if (!f)
        return;
    if (f->api) {
        f->api->scratch_free(f->sc);
        f->api->analyzer_free(f->an);
        f->api->lexicon_close(f->lx);
    }
    free(f->extra);
    free(f);
}

/*
** Open the lexicon (lexicon= or the default) and an analyzer over it.  The
** field names are not needed: every field is analyzed the same way.
*/
int toponorm_init(void **userdata, int num_fields, const char **field_names,
                  const char *options, char *error_message)
{
    filter *f;
    char *lexicon = NULL;
    toponorm_error err;
    int rc;

    (void)num_fields;
    (void)field_names;
    if (!userdata) {
        set_error(error_message, "toponorm: init called without userdata");
        return 1;
    }
    *userdata = NULL;
    if (!(f = calloc(1, sizeof *f))) {
        set_error(error_message, "toponorm: out of memory");
        return 1;
    }
    if (parse_options(options, 1, &lexicon, &f->lang_hint, error_message) != 0)
        goto fail;
    f->doc_hint = f->lang_hint;
    if (!(f->api = toponorm_plugin_entry(TOPONORM_PLUGIN_ABI))) {
        set_error(error_message, "toponorm: libtoponorm does not offer plugin ABI 1");
        goto fail;
    }
    memset(&err, 0, sizeof err);
    if ((rc = f->api->lexicon_open(lexicon, &f->lx, &err)) != 0
        || (rc = f->api->analyzer_new(f->lx, NULL, &f->an, &err)) != 0
        || (rc = f->api->scratch_new(f->an, &f->sc, &err)) != 0) {
        if (err.where[0])
            set_error(error_message, "toponorm: %s: %s", err.where,
                      err.msg[0] ? err.msg : f->api->strerror(rc));
        else
            set_error(error_message, "toponorm: %s",
                      err.msg[0] ? err.msg : f->api->strerror(rc));
        goto fail;
    }
    free(lexicon);
    *userdata = f;
    return 0;
fail:
    free(lexicon);
    toponorm_deinit(f);
    return 1;
}

/* Per-document options (RT: INSERT ... OPTION token_filter_options='lang=ru'). */
int toponorm_begin_document(void *userdata, const char *options, char *error_message)
{
    filter *f = userdata;
    unsigned hint;
    if (!f)
        return 0;
    f->n_extra = f->next_extra = 0;
    hint = f->lang_hint;
    if (parse_options(options, 0, NULL, &hint, error_message) != 0)
        return 1;
    f->doc_hint = hint;
    return 0;
}

void toponorm_begin_field(void *userdata, int field_index)
{
    filter *f = userdata;
    (void)field_index;
    if (f)
        f->n_extra = f->next_extra = 0;
}

/* Keep a term as an extra word unless it is the token itself or a repeat. */
static int on_term(void *ctx, const toponorm_term *t)
{
    filter *f = ctx;
    char word[SLOT];
    size_t n = tn_sphx_word(t->kind, t->text, t->len, word), i;

    if (t->token == 0 && !(t->flags & TOPONORM_TERM_COLOCATED))
        f->position = t->position;
    else if (t->position != f->position)
        f->split = 1;
    if (n == 0 || (n == f->token_len && !memcmp(word, f->token, n)))
        return 0;
    for (i = 0; i < f->n_extra; i++)
        if (!strcmp(f->extra[i].text, word))
            return 0;
    if (f->n_extra == f->cap_extra) {
        size_t cap = f->cap_extra ? f->cap_extra * 2 : 8;
        struct word *grown = realloc(f->extra, cap * sizeof *grown);
        if (!grown) {
            f->oom = 1;
            return 1;
        }
        f->extra = grown;
        f->cap_extra = cap;
    }
    memcpy(f->extra[f->n_extra].text, word, n + 1);
    f->extra[f->n_extra].compound = (t->flags & TOPONORM_TERM_COMPOUND) != 0;
    f->extra[f->n_extra++].surface = t->token == 0 && t->kind == TOPONORM_TERM_SURFACE
                                     && !(t->flags & TOPONORM_TERM_COLOCATED);
    return 0;
}

/*
** A Sphinx word the analyzer reads as a hyphenated compound is a blended
** token (blend_chars = -: Sphinx indexes Івано-Франківськ whole, then its
** parts as tokens of their own), so only the joined form's terms (the
** compound's key and place id) stay with it.  Any other word the analyzer
** splits (charset_table let '.' or '@' in) keeps all its terms.
*/
static void keep_compound_only(filter *f)
{
    size_t i, j;
    for (i = 0; i < f->n_extra && !f->extra[i].compound; i++)
        ;
    if (i == f->n_extra)
        return;
    for (i = j = 0; i < f->n_extra; i++)
        if (f->extra[i].compound)
            f->extra[j++] = f->extra[i];
    f->n_extra = j;
}

/*
** Analyze one Sphinx token.  It is returned unchanged (Sphinx's surface),
** or replaced by our surface when that differs (case, apostrophes); *extra
** says whether its other terms follow through get_extra_token.  A
** token of TN_SPHX_WORD_CHARS codepoints or more may have been cut by
** Sphinx, so its terms would not be the word's: it gets no extras (the
** query side does the same).
*/
char *toponorm_push_token(void *userdata, char *token, int *extra, int *delta)
{
    filter *f = userdata;
    (void)delta;                 /* the host's position delta stands */
    if (extra)
        *extra = 0;
    if (!f || !token)
        return token;
    f->n_extra = f->next_extra = 0;
    f->token = token;
    f->token_len = strlen(token);
    if (f->token_len == 0 || tn_sphx_chars(token, f->token_len) >= TN_SPHX_WORD_CHARS)
        return token;
    f->oom = f->split = 0;
    if (f->api->analyze(f->an, f->sc, token, f->token_len,
                        TOPONORM_FOR_INDEX | f->doc_hint, on_term, f) != 0 || f->oom)
        f->n_extra = 0;          /* index the token alone rather than half its terms */
    else if (f->split)
        keep_compound_only(f);
    else if (f->n_extra && f->extra[0].surface) {
        /* One word whose surface is not Sphinx's token (a charset_table that
        ** keeps case, so the analyzer sees Slovyansk, not slovyansk): index
        ** our surface in its place, as the query side writes it. */
        memcpy(f->surface, f->extra[0].text, sizeof f->surface);
        memmove(f->extra, f->extra + 1, --f->n_extra * sizeof *f->extra);
        token = f->surface;
    }
    if (extra)
        *extra = f->n_extra > 0;
    return token;
}

char *toponorm_get_extra_token(void *userdata, int *delta)
{
    filter *f = userdata;
    if (!f || f->next_extra >= f->n_extra)
        return NULL;
    if (delta)
        *delta = 0;
    return f->extra[f->next_extra++].text;
}

/* Every extra is handed out right after its token, so none is pending. */
int toponorm_end_field(void *userdata)
{
    filter *f = userdata;
    if (f)
        f->n_extra = f->next_extra = 0;
    return 0;
}
