/*
** xdb.h: what `toponorm index`, `search` and `delete` share: the default
** database and opening a database with a message a user can act on.
*/
#ifndef TN_CLI_XDB_H
#define TN_CLI_XDB_H

#include <stddef.h>

#include "tn_xapian.h"

/*
** The embedded default database: $XDG_DATA_HOME/toponorm/db, or
** ~/.local/share/toponorm/db when XDG_DATA_HOME is unset or empty.  Written
** to buf (cap bytes); returns buf, or NULL when neither variable is set.
*/
const char *cli_default_db(char *buf, size_t cap);

/* Create the parent directories of path (mkdir -p of its dirname). 0 on success. */
int cli_mkdir_parents(const char *path);

/*
** Open the database at path (TNX_READ or TNX_WRITE); on failure print
** "toponorm CMD: PATH: what happened" and return EXIT_DB, else EXIT_OK.
** The database's index format is checked (dbpath.c): one written by a
** toponorm that stored other terms is refused that way; a new one gets
** this format when opened for writing.
*/
int cli_db_open(const char *cmd, const char *path, int mode, tnx_db **db);

/* Open path for reading to check it as cli_db_open does, and close it. */
int cli_db_check(const char *cmd, const char *path);

/* Print "toponorm CMD: PATH: message" for a failure on an open database. */
void cli_db_fail(const char *cmd, const char *path, tnx_db *db);

/*
** Whether a word the analyzer gives no stem has the stem term Z<word>
** anyway, in the index (index.c) and in queries (query.c): not when it
** starts with an ASCII character other than a letter (2.13, _exit, 0x10),
** which Xapian's TermGenerator does not stem either; such a word is found
** by its surface, and its postings are not stored twice.
*/
static inline int cli_word_has_zstem(const char *w)
{
    unsigned char c = (unsigned char)w[0];
    return c >= 0x80 || (unsigned)((c | 0x20) - 'a') < 26u;
}

#endif
