/*
** tn_xapian.h: a C API over Xapian, for toponorm's index and search.
**
** Xapian has no hook for a custom tokenizer, so toponorm feeds it terms
** itself: the caller analyzes text with libtoponorm and hands each term and
** its position to a document here; queries are trees of those terms.  This
** header is plain C; the implementation (tn_xapian.cc) is the only C++ in
** toponorm and lives in its own library (libtoponorm-xapian), so the core
** and the other engine modules never pull in libstdc++.
**
** Handles are opaque and have explicit create/destroy pairs; destroyers
** accept NULL.  Functions that can fail return TNX_OK (0) or a negative
** TNX_E* code and never let a C++ exception out.  The message of a failure
** on a database is kept in the handle (tnx_db_error); a failure that has no
** database handle yet (opening, building a query or a document) sets a
** thread-local message (tnx_last_error).  Messages start with the Xapian
** error class, e.g. "DatabaseLockError: Unable to get write lock on ...".
**
** Documents carry the caller's own id as a unique boolean term "Q<id>" and
** in value slot TNX_SLOT_ID: Xapian's docids are an internal detail that
** differs between shards and after a rebuild, so nothing here exposes them
** as identities.
**
** Threads: a tnx_db is used by one thread at a time; queries and documents
** are plain values owned by their creator.
*/
#ifndef TN_XAPIAN_H
#define TN_XAPIAN_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Status codes. */
#define TNX_OK         0
#define TNX_ERR       -1  /* any other Xapian or C++ error */
#define TNX_ENOMEM    -2  /* out of memory */
#define TNX_EINVAL    -3  /* a bad argument (NULL, empty or too long term) */
#define TNX_ENOTFOUND -4  /* no database at that path */
#define TNX_ELOCK     -5  /* another process holds the write lock */
#define TNX_ECORRUPT  -6  /* the database is corrupt, or not a database */
#define TNX_EVERSION  -7  /* a database format this Xapian cannot read */
#define TNX_EMODIFIED -8  /* a reader fell too far behind a writer; reopen */
#define TNX_ENETWORK  -9  /* a remote shard could not be reached */

/* The longest term Xapian stores (its glass backend's limit, in bytes). */
#define TNX_MAX_TERM 245
/* Value slot that holds the caller's id of each document. */
#define TNX_SLOT_ID 0

/* The thread's last error without a handle ("" when none). */
const char *tnx_last_error(void);

/* ---- databases --------------------------------------------------------- */

typedef struct tnx_db tnx_db;

#define TNX_READ   0  /* read-only: a database directory or a stub file */
#define TNX_WRITE  1  /* writable: created (with missing parents: no) if absent */

/*
** Open the database at path.  TNX_READ accepts a database directory or a
** Xapian stub file (lines "auto PATH", "remote HOST:PORT", ...), so shards
** can be searched as one.  TNX_WRITE creates the database when path does not
** exist and takes the write lock: a second writer gets TNX_ELOCK.  On
** failure *out is NULL and tnx_last_error() says why.
*/
int tnx_open(const char *path, int mode, tnx_db **out);

/*
** Add another database (directory or stub file) to a TNX_READ handle: the
** handle then searches all of them as one, with merged ranking.
*/
int tnx_add_shard(tnx_db *db, const char *path);

/*
** Close a database.  NULL is fine.  Pending changes of a writable database
** that were not committed are discarded, never half written.
*/
void tnx_close(tnx_db *db);

/* The message of the last failure on db ("" when none; never NULL). */
const char *tnx_db_error(const tnx_db *db);

/* The number of documents. */
int tnx_doc_count(tnx_db *db, unsigned long *out);

/*
** The database's user metadata under key: up to cap - 1 bytes of it,
** NUL-terminated, in buf ("" when the key is not set); *len, when not NULL,
** gets its whole length.  Of the first shard when there are several.
*/
int tnx_get_metadata(tnx_db *db, const char *key, char *buf, size_t cap, size_t *len);

/* Set metadata key to value (a writable database; stored by the next commit). */
int tnx_set_metadata(tnx_db *db, const char *key, const char *value);

/*
** Call cb(ctx, term, len) for the first max terms of the database (all its
** shards, remote ones too) that start with prefix, in byte order; cb
** returns non-zero to stop early.  For vocabularies kept as terms.
*/
int tnx_terms_with_prefix(tnx_db *db, const char *prefix, size_t len, unsigned max,
                          int (*cb)(void *ctx, const char *term, size_t len), void *ctx);

/* ---- documents --------------------------------------------------------- */

typedef struct tnx_doc tnx_doc;

/* A new empty document; NULL when out of memory (tnx_last_error). */
tnx_doc *tnx_doc_new(void);
void tnx_doc_free(tnx_doc *doc);

/* Empty the document for reuse (keeps its memory). */
void tnx_doc_clear(tnx_doc *doc);

/*
** Index term (len bytes, no NUL needed) at position pos (from 1), weight
** wdf_inc; pos 0 adds the term without a position.  A term longer than
** TNX_MAX_TERM bytes is skipped (returns TNX_OK): no engine can store it.
*/
int tnx_doc_add_posting(tnx_doc *doc, const char *term, size_t len, unsigned pos);

/* A boolean term (no position, no weight): filters such as a language. */
int tnx_doc_add_boolean(tnx_doc *doc, const char *term, size_t len);

/* The document's stored data (opaque bytes; toponorm stores JSON). */
int tnx_doc_set_data(tnx_doc *doc, const char *data, size_t len);

/*
** Store doc under the caller's id (1..TNX_MAX_TERM-1 bytes): the document
** already indexed with that id, if any, is replaced.  The id goes in as the
** unique term "Q<id>" and in value slot TNX_SLOT_ID.  The change becomes
** durable at the next tnx_commit.
*/
int tnx_replace(tnx_db *db, const char *id, size_t id_len, tnx_doc *doc);

/*
** Before the document with this id is replaced by next, or deleted (next
** NULL): move each of its terms that starts with prefix and ends in
** " <word>" to a document that keeps <word> as a term: next when it has it,
** else another document of the database; one that no document has any
** more is dropped.  For terms that record a fact about a word once per
** database rather than once per document (toponorm's vocabulary), so that
** they outlive the document that happened to carry them.  Costs one lookup
** when the id is new.
*/
int tnx_move_terms(tnx_db *db, const char *id, size_t id_len, const char *prefix, size_t plen,
                   tnx_doc *next);

/* Delete the document with this id; *found says whether there was one. */
int tnx_delete(tnx_db *db, const char *id, size_t id_len, int *found);

/*
** Make every change since the last commit durable, atomically: a process
** killed at any moment leaves the database at its last commit.
*/
int tnx_commit(tnx_db *db);

/* ---- queries ----------------------------------------------------------- */

typedef struct tnx_query tnx_query;

/* Operators for tnx_query_combine. */
#define TNX_OP_AND      0
#define TNX_OP_OR       1
#define TNX_OP_AND_NOT  2  /* the first subquery without any of the others */
#define TNX_OP_PHRASE   3  /* subqueries (terms, or ORs of terms) in order, adjacent */
#define TNX_OP_SYNONYM  4  /* one term: the subqueries' statistics merged */
#define TNX_OP_FILTER   5  /* the first subquery, restricted to docs matching all others */

/*
** A query for one term (with its prefix).  pos is its position in the
** query (from 1; 0 for none).  NULL on failure (tnx_last_error).
*/
tnx_query *tnx_query_term(const char *term, size_t len, unsigned pos);

/*
** Combine n subqueries with op.  The subqueries are copied: the caller still
** owns and frees them.  n 0 gives the query that matches nothing.
*/
tnx_query *tnx_query_combine(int op, tnx_query *const *subs, size_t n);

/*
** The subqueries in order within a window of `window` positions (>= n):
** a phrase some of whose words stand for several positions in a document
** (a place id stands for its whole name).  NULL on failure.
*/
tnx_query *tnx_query_phrase(tnx_query *const *subs, size_t n, unsigned window);

/* q with its weight multiplied by factor (>= 0). */
tnx_query *tnx_query_scale(const tnx_query *q, double factor);

/* Xapian's description of q, for debugging (a malloc'ed string to free()). */
char *tnx_query_describe(const tnx_query *q);

void tnx_query_free(tnx_query *q);

/* ---- search ------------------------------------------------------------ */

/* One hit, valid only during the callback. */
typedef struct tnx_hit {
    unsigned     rank;      /* 1-based, over the whole result list (offset included) */
    double       score;     /* Xapian's BM25 weight */
    int          percent;   /* Xapian's percentage score */
    const char  *id;        /* the caller's id (value slot TNX_SLOT_ID); NULL
                               after tnx_set_hit_ids(db, 0) */
    size_t       id_len;
    const char  *data;      /* the stored data */
    size_t       data_len;
    const char *const *matched; /* the query terms this document contains; NULL
                               after tnx_set_matched(db, 0) */
    size_t       n_matched;
} tnx_hit;

/* Called once per hit, best first; non-zero stops the search (returned). */
typedef int (*tnx_hit_cb)(void *ctx, const tnx_hit *hit);

/*
** Whether hits carry their matched terms (the default).  Xapian finds them by
** reading each hit's term list, tens of microseconds for a long document; a
** caller that re-analyzes the hit's text anyway can find them there.
*/
void tnx_set_matched(tnx_db *db, int want);

/*
** Whether hits carry their ids (the default).  The id is a value slot, one
** more B-tree read per hit; a caller whose stored data holds the id, and
** which reads the data anyway, can take it from there.
*/
void tnx_set_hit_ids(tnx_db *db, int want);

/*
** Run q on db and call cb for hits offset+1 .. offset+limit.  *estimate
** (may be NULL) gets Xapian's estimate of the total number of matches.
*/
int tnx_search(tnx_db *db, const tnx_query *q, unsigned offset, unsigned limit,
               tnx_hit_cb cb, void *ctx, unsigned long *estimate);

#ifdef __cplusplus
}
#endif

#endif /* TN_XAPIAN_H */
