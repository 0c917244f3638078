/*
** vocab.h: the vocabulary of ordinary words' match keys in a database
** (vocab.c explains why and how).
*/
#ifndef TN_CLI_VOCAB_H
#define TN_CLI_VOCAB_H

#include <stddef.h>

#include "cli.h"
#include "tn_xapian.h"

#define CLI_VOCAB_PREFIX "XV"

typedef struct cli_vocab cli_vocab;

/* NULL when out of memory.  lx must outlive the vocabulary. */
cli_vocab *cli_vocab_new(const toponorm_lexicon *lx);
void cli_vocab_free(cli_vocab *v);

/* Index side: every term of a document, in order; -1 when out of memory. */
int cli_vocab_term(cli_vocab *v, const toponorm_term *t);
/*
** After the document's terms: add the vocabulary terms of its words that
** got no key and are new to this run to doc (hint: the document's
** TOPONORM_HINT_*).  -1 on failure (tnx_last_error() for a Xapian one).
*/
int cli_vocab_flush(cli_vocab *v, unsigned hint, tnx_doc *doc);

/*
** Query side: cb(ctx, word, len) for up to max indexed words with match key
** key.  A TNX_* code.
*/
int cli_vocab_lookup(tnx_db *db, const char *key, size_t len, unsigned max,
                     int (*cb)(void *ctx, const char *word, size_t len), void *ctx);

#endif
