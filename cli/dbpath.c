/*
** dbpath.c: the default database and opening databases for the CLI.
*/
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "xdb.h"

const char *cli_default_db(char *buf, size_t cap)
{
    const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
    int n;
    if (xdg && *xdg)
        n = snprintf(buf, cap, "%s/toponorm/db", xdg);
    else if (home && *home)
        n = snprintf(buf, cap, "%s/.local/share/toponorm/db", home);
    else
        return NULL;
    return n > 0 && (size_t)n < cap ? buf : NULL;
}

int cli_mkdir_parents(const char *path)
{
    char buf[4096];
    size_t n = strlen(path);
    if (n >= sizeof buf)
        return -1;
    memcpy(buf, path, n + 1);
    /* Every prefix ending before a '/', except the root. */
    for (size_t i = 1; i < n; i++) {
        if (buf[i] != '/')
            continue;
        buf[i] = '\0';
        if (mkdir(buf, 0777) != 0 && errno != EEXIST)
            return -1;
        buf[i] = '/';
    }
    return 0;
}

/* A short explanation per code, before Xapian's own message. */
static const char *what(int rc)
{
    switch (rc) {
    case TNX_ENOTFOUND: return "no such database";
    case TNX_ELOCK:     return "the database is locked by another writer (is an index run still going?)";
    case TNX_ECORRUPT:  return "not a usable database (corrupt, or not a Xapian database)";
    case TNX_EVERSION:  return "a database format this Xapian cannot read";
    case TNX_ENETWORK:  return "a remote shard could not be reached";
    case TNX_ENOMEM:    return "out of memory";
    default:            return "database error";
    }
}

/*
** The database's index format: the terms `toponorm index` writes and
** `search` relies on.  2: every word has a stem term, also when it equals
** the surface (index.c; in format 3 a word that starts with a digit or '_'
** has none, and a query reads its surface, which format 2 has too), and
** ordinary words' match keys are in the vocabulary only (vocab.c); a query
** reads a word's stem in place of its forms, so a database of format 1
** would lose matches without an error.
** 3: the same terms; a document's text is stored apart from its other
** fields (docdata.c), which reads format 2's documents too.  So a format 2
** database is searched as it is, and writing to it makes it format 3 (an
** older toponorm could not read the new documents).  A database without
** documents takes the format of what writes it.
*/
#define DB_FORMAT_KEY "toponorm.format"
#define DB_FORMAT     "3"
#define DB_FORMAT_OLD "2"              /* still read; rewritten as 3 on write */

static int check_format(const char *cmd, const char *path, tnx_db *db, int mode)
{
    char v[64];
    unsigned long n;
    if (tnx_get_metadata(db, DB_FORMAT_KEY, v, sizeof v, NULL) != TNX_OK ||
        tnx_doc_count(db, &n) != TNX_OK) {
        cli_db_fail(cmd, path, db);
        return EXIT_DB;
    }
    if (strcmp(v, DB_FORMAT) == 0)
        return EXIT_OK;
    if (strcmp(v, DB_FORMAT_OLD) == 0 || (n == 0 && !*v)) {
        if (mode == TNX_WRITE && tnx_set_metadata(db, DB_FORMAT_KEY, DB_FORMAT) != TNX_OK) {
            cli_db_fail(cmd, path, db);
            return EXIT_DB;
        }
        return EXIT_OK;
    }
    fprintf(stderr,
            "toponorm %s: %s: index format %s, this toponorm reads formats %s and %s: index "
            "the documents again into a new database (or remove this one first)\n",
            cmd, path, *v ? v : "1", DB_FORMAT_OLD, DB_FORMAT);
    return EXIT_DB;
}

int cli_db_open(const char *cmd, const char *path, int mode, tnx_db **db)
{
    int rc = tnx_open(path, mode, db);
    if (rc != TNX_OK) {
        fprintf(stderr, "toponorm %s: %s: %s [%s]\n", cmd, path, what(rc), tnx_last_error());
        return EXIT_DB;
    }
    if ((rc = check_format(cmd, path, *db, mode)) != EXIT_OK) {
        tnx_close(*db);
        *db = NULL;
    }
    return rc;
}

int cli_db_check(const char *cmd, const char *path)
{
    tnx_db *db;
    int rc = cli_db_open(cmd, path, TNX_READ, &db);
    if (rc == EXIT_OK)
        tnx_close(db);
    return rc;
}

void cli_db_fail(const char *cmd, const char *path, tnx_db *db)
{
    fprintf(stderr, "toponorm %s: %s: %s\n", cmd, path, tnx_db_error(db));
}
