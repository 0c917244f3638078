/*
** query.h: toponorm's query language on top of the analyzer, for search.
**
**   Donetsk shelling        both words (AND is the default)
**   Donetsk OR Mariupol     either (OR binds tighter than the implicit AND)
**   "у Донецьку"            a phrase
**   -Mariupol  -"a b"       without
**
** Every query word goes through toponorm_analyze (TOPONORM_FOR_QUERY) and
** becomes a synonym group of its term set (surface, keys, place ids, stem),
** with the place id weighted highest and the exact surface next, so every
** spelling matches and the most certain matches rank first.
*/
#ifndef TN_CLI_QUERY_H
#define TN_CLI_QUERY_H

#include <stddef.h>

#include "cli.h"
#include "tn_xapian.h"

/* A term of the query (with its engine prefix), remembered for explaining hits. */
typedef struct qterm {
    char *term;        /* prefix + text, NUL-terminated */
    size_t plen;       /* bytes of the prefix (term + plen: the bare term) */
    int kind;          /* TOPONORM_TERM_* */
    int word;          /* index into cquery.words */
    int phrase;        /* 0, or the phrase (from 1) this term is one position of */
    unsigned ppos;     /* its position in that phrase, from 0 */
    unsigned plen_phrase; /* the phrase's length in positions */
    size_t len;        /* strlen(term): the snippet compares every document term */
} qterm;

typedef struct cquery {
    tnx_query *q;      /* the whole query */
    qterm *terms;      /* the terms of the words that are not excluded */
    size_t n_terms, cap_terms;
    char **words;      /* each query word as typed */
    size_t n_words, cap_words;
    int n_phrases;
    tnx_db *vocab;     /* the database whose vocabulary expands keys (vocab.c), or NULL */
} cquery;

/*
** Parse text (len bytes) into cq.  flags: TOPONORM_HINT_* for analysis.
** lang: restrict to documents in this language ("uk", "ru", "en") or NULL.
** On an input problem (no searchable word, only exclusions, unbalanced
** quote) writes a message to err and returns EXIT_INPUT; EXIT_OK on success.
** db, when not NULL, is searched for the indexed words that share a match
** key with a query word (vocab.c); they join that word's terms.
*/
int cquery_build(cquery *cq, const cli_analyzer *ca, tnx_db *db, const char *text, size_t len,
                 unsigned flags, const char *lang, char *err, size_t cap);

void cquery_free(cquery *cq);

/* The query term equal to term, or NULL. */
const qterm *cquery_find(const cquery *cq, const char *term, size_t len);

/* ---- a document's stored fields (docdata.c) --------------------------- */

typedef struct doc_fields {
    char *id, *title, *text, *lang;   /* NULL when absent; NUL-terminated copies */
    size_t id_len, title_len, text_len;
} doc_fields;

/* Parse the stored JSON of a document; -1 when it is not JSON. */
int doc_fields_parse(doc_fields *f, const char *data, size_t len);
void doc_fields_free(doc_fields *f);

/*
** A --batch line that is a JSON object: its "query" string, malloc'ed into
** *q (free it).  -1 with a reason in err when the line is not such an object.
*/
int batch_query_parse(const char *line, size_t len, char **q, size_t *qlen, char *err,
                      size_t cap);

/* ---- snippets (snippet.c) --------------------------------------------- */

/* Why a document matched: a spelling in it, the term it shares with the query. */
typedef struct why_match {
    char *spelling;    /* as written in the document */
    const qterm *qt;   /* the query term (kind, query word) */
} why_match;

typedef struct hit_text {
    char *snippet;     /* a window of the text around the matches, one line */
    size_t snippet_len;
    size_t *marks;     /* pairs of [start, end) byte offsets in snippet to highlight */
    size_t n_marks;
    char **matched;    /* distinct document spellings that matched */
    size_t n_matched;
    why_match *why;    /* distinct (spelling, term) pairs */
    size_t n_why;
} hit_text;

/*
** Re-analyze a hit's title and text (flags: TOPONORM_HINT_* of the document)
** and find the tokens whose terms are among matched (the query terms the
** document holds; NULL: all of the query's terms, which the re-analysis
** finds in the text anyway): they give the matched spellings, the
** explanation and the highlighted snippet.  Returns EXIT_OK, or EXIT_DB when out of memory.
*/
int hit_text_build(hit_text *ht, const cli_analyzer *ca, const cquery *cq, const char *title,
                   size_t title_len, const char *text, size_t text_len, unsigned flags,
                   const char *const *matched, size_t n_matched);

void hit_text_free(hit_text *ht);

#endif
