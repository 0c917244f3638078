/*
** test_shim.c: the C API of libtoponorm-xapian (tn_xapian.h) on real
** databases: errors come back as codes and messages (missing, locked and
** corrupt databases, bad arguments), never as a C++ exception; documents
** are found by the caller's id; uncommitted changes are discarded on close;
** phrases of OR groups; several databases searched as one.
*/
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "tn_xapian.h"
#include "../tap.h"

static char dir[4096];

static const char *path(const char *name)
{
    static char buf[8][4200];
    static int k;
    k = (k + 1) % 8;
    snprintf(buf[k], sizeof buf[k], "%s/%s", dir, name);
    return buf[k];
}

/* Add a document: each word of text at positions 1.., plus "XK"+word. */
static int add(tnx_db *db, const char *id, const char *text)
{
    tnx_doc *doc = tnx_doc_new();
    char w[256], t[260];
    unsigned pos = 0;
    int rc;
    const char *p = text;
    while (*p) {
        size_t n = strcspn(p, " ");
        if (n && n < sizeof w) {
            memcpy(w, p, n);
            w[n] = '\0';
            pos++;
            tnx_doc_add_posting(doc, w, n, pos);
            snprintf(t, sizeof t, "XK%s", w);
            tnx_doc_add_posting(doc, t, strlen(t), pos);
        }
        p += n + (p[n] == ' ');
    }
    tnx_doc_set_data(doc, text, strlen(text));
    rc = tnx_replace(db, id, strlen(id), doc);
    tnx_doc_free(doc);
    return rc;
}

typedef struct hits {
    char ids[1024];
    unsigned n;
} hits;

static int on_hit(void *ctx, const tnx_hit *h)
{
    hits *hs = ctx;
    size_t l = strlen(hs->ids);
    snprintf(hs->ids + l, sizeof hs->ids - l, "%s%.*s", l ? " " : "", (int)h->id_len, h->id);
    hs->n++;
    return 0;
}

static const char *search(tnx_db *db, tnx_query *q)
{
    static hits hs;
    memset(&hs, 0, sizeof hs);
    if (tnx_search(db, q, 0, 100, on_hit, &hs, NULL) != TNX_OK)
        return "(error)";
    return hs.ids;
}

static tnx_query *term(const char *t)
{
    return tnx_query_term(t, strlen(t), 0);
}

int main(void)
{
    tnx_db *db = NULL, *db2 = NULL, *rd = NULL;
    tnx_query *q, *a, *b, *v[3];
    unsigned long n = 0;
    int found = -1;
    const char *tmp = getenv("TMPDIR");

    snprintf(dir, sizeof dir, "%s/tnx-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        printf("Bail out! mkdtemp failed\n");
        return 1;
    }

    /* Missing database: a code and a thread-local message, no handle. */
    is_int(tnx_open(path("missing"), TNX_READ, &db), TNX_ENOTFOUND, "open a missing database: TNX_ENOTFOUND");
    ok(db == NULL, "... and no handle");
    ok(strstr(tnx_last_error(), "DatabaseNotFoundError") != NULL, "... message: %s", tnx_last_error());
    is_int(tnx_open(NULL, TNX_READ, &db), TNX_EINVAL, "open NULL: TNX_EINVAL");
    is_int(tnx_open("x", TNX_READ, NULL), TNX_EINVAL, "open with out NULL: TNX_EINVAL");

    /* Create, add, commit. */
    is_int(tnx_open(path("db"), TNX_WRITE, &db), TNX_OK, "create a writable database");
    ok(add(db, "a", "donetsk water") == TNX_OK && add(db, "b", "mariupol port water") == TNX_OK &&
       add(db, "c", "water donetsk") == TNX_OK, "add three documents");
    is_int(tnx_commit(db), TNX_OK, "commit");

    /* A second writer on the same database: locked. */
    is_int(tnx_open(path("db"), TNX_WRITE, &db2), TNX_ELOCK, "a second writer: TNX_ELOCK");
    ok(strstr(tnx_last_error(), "DatabaseLockError") != NULL, "... message: %s", tnx_last_error());

    /* Replace by id, delete by id. */
    ok(add(db, "a", "kharkiv metro") == TNX_OK, "the same id again replaces");
    is_int(tnx_doc_count(db, &n), TNX_OK, "doc count");
    is_int((long long)n, 3, "still three documents");
    is_int(tnx_delete(db, "c", 1, &found), TNX_OK, "delete c");
    is_int(found, 1, "... it was there");
    is_int(tnx_delete(db, "zz", 2, &found), TNX_OK, "delete an unknown id");
    is_int(found, 0, "... reported as not found");
    is_int(tnx_replace(db, "", 0, NULL), TNX_EINVAL, "replace with an empty id: TNX_EINVAL");
    ok(*tnx_db_error(db) != '\0', "... with a message: %s", tnx_db_error(db));
    {
        char longid[300];
        tnx_doc *d = tnx_doc_new();
        memset(longid, 'x', sizeof longid);
        is_int(tnx_replace(db, longid, sizeof longid, d), TNX_EINVAL, "an id of 300 bytes: TNX_EINVAL");
        is_int(tnx_doc_add_posting(d, longid, sizeof longid, 1), TNX_OK, "a term of 300 bytes is skipped, not an error");
        tnx_doc_free(d);
    }
    is_int(tnx_commit(db), TNX_OK, "commit");

    /* Uncommitted changes are discarded on close. */
    ok(add(db, "d", "odesa port") == TNX_OK, "add d, not committed");
    tnx_close(db);
    db = NULL;
    is_int(tnx_open(path("db"), TNX_READ, &rd), TNX_OK, "open read-only");
    is_int(tnx_doc_count(rd, &n), TNX_OK, "doc count");
    is_int((long long)n, 2, "two documents: d was never committed, c is deleted");
    is_str(search(rd, q = term("odesa")), "", "d is not there");
    tnx_query_free(q);
    is_str(search(rd, q = term("metro")), "a", "a has its new text");
    tnx_query_free(q);
    is_str(search(rd, q = term("donetsk")), "", "... and not its old one");
    tnx_query_free(q);
    is_int(tnx_replace(rd, "x", 1, NULL), TNX_EINVAL, "replace on a read-only handle: TNX_EINVAL");
    is_int(tnx_commit(rd), TNX_EINVAL, "commit on a read-only handle: TNX_EINVAL");

    /* Queries: AND, OR, AND_NOT, phrase of OR groups, synonym, scale. */
    is_int(tnx_open(path("db"), TNX_WRITE, &db), TNX_OK, "reopen writable");
    ok(add(db, "e", "shelling in central donetsk") == TNX_OK &&
       add(db, "f", "central square of donetsk") == TNX_OK && tnx_commit(db) == TNX_OK,
       "add two more and commit");
    tnx_close(db);
    db = NULL;
    tnx_close(rd);
    is_int(tnx_open(path("db"), TNX_READ, &rd), TNX_OK, "reopen read-only");
    a = term("central");
    v[0] = term("donetsk");
    v[1] = term("XKdonetsk");
    b = tnx_query_combine(TNX_OP_OR, v, 2);
    tnx_query *ph[2] = {a, b};
    q = tnx_query_combine(TNX_OP_PHRASE, ph, 2);
    is_str(search(rd, q), "e", "phrase (central, donetsk|XKdonetsk): only the adjacent one");
    tnx_query_free(q);
    q = tnx_query_combine(TNX_OP_AND, ph, 2);
    {
        const char *got = search(rd, q);
        ok(strcmp(got, "e f") == 0 || strcmp(got, "f e") == 0, "AND: both (%s)", got);
    }
    tnx_query_free(q);
    v[2] = term("water");
    tnx_query *an[2] = {v[2], a};
    q = tnx_query_combine(TNX_OP_AND_NOT, an, 2);
    is_str(search(rd, q), "b", "AND_NOT: water without central");
    tnx_query_free(q);
    q = tnx_query_combine(TNX_OP_SYNONYM, v, 3);
    {
        hits hs;
        memset(&hs, 0, sizeof hs);
        tnx_search(rd, q, 0, 100, on_hit, &hs, NULL);
        is_int(hs.n, 3, "SYNONYM of donetsk, XKdonetsk, water: b, e, f");
    }
    tnx_query_free(q);
    q = tnx_query_scale(b, 3.0);
    ok(q != NULL, "scale a query");
    {
        char *d = tnx_query_describe(q);
        ok(d && strstr(d, "3 *"), "describe: %s", d ? d : "(null)");
        free(d);
    }
    tnx_query_free(q);
    ok(tnx_query_combine(99, v, 1) == NULL, "an unknown operator: NULL");
    ok(strstr(tnx_last_error(), "unknown operator") != NULL, "... message: %s", tnx_last_error());
    ok(tnx_query_term("", 0, 0) == NULL, "an empty term: NULL");
    ok(tnx_query_scale(NULL, 1) == NULL, "scale NULL: NULL");
    is_int(tnx_search(rd, NULL, 0, 10, on_hit, NULL, NULL), TNX_EINVAL, "search NULL: TNX_EINVAL");

    /* Several databases as one. */
    is_int(tnx_open(path("db2"), TNX_WRITE, &db2), TNX_OK, "a second database");
    ok(add(db2, "g", "donetsk station") == TNX_OK && tnx_commit(db2) == TNX_OK, "add g there");
    tnx_close(db2);
    db2 = NULL;
    is_int(tnx_add_shard(rd, path("db2")), TNX_OK, "add it as a shard");
    {
        hits hs;
        memset(&hs, 0, sizeof hs);
        tnx_search(rd, v[0], 0, 100, on_hit, &hs, NULL);
        ok(hs.n == 3 && strstr(hs.ids, "g"), "donetsk over both: e, f and g (%s)", hs.ids);
    }
    is_int(tnx_add_shard(rd, path("missing")), TNX_ENOTFOUND, "add a missing shard: TNX_ENOTFOUND");
    ok(strstr(tnx_db_error(rd), "DatabaseNotFoundError") != NULL, "... message: %s", tnx_db_error(rd));
    tnx_close(rd);
    rd = NULL;
    for (int i = 0; i < 3; i++)
        tnx_query_free(v[i]);
    tnx_query_free(a);
    tnx_query_free(b);

    /* Corrupt database: every table overwritten. */
    {
        const char *tables[] = {"postlist.glass", "termlist.glass", "docdata.glass", "position.glass"};
        for (size_t i = 0; i < sizeof tables / sizeof *tables; i++) {
            char p[4300];
            struct stat st;
            FILE *f;
            snprintf(p, sizeof p, "%s/%s", path("db"), tables[i]);
            if (stat(p, &st) != 0 || !(f = fopen(p, "r+b")))
                continue;
            for (off_t k = 0; k < st.st_size; k++)
                fputc(0xAA, f);
            fclose(f);
        }
    }
    {
        int rc = tnx_open(path("db"), TNX_READ, &rd);
        if (rc == TNX_OK) {
            /* Some corruption only shows when a table is read. */
            q = term("donetsk");
            rc = tnx_search(rd, q, 0, 10, on_hit, &(hits){{0}, 0}, NULL);
            diag("search on the corrupt database: %s", tnx_db_error(rd));
            tnx_query_free(q);
            tnx_close(rd);
            rd = NULL;
        }
        is_int(rc, TNX_ECORRUPT, "a corrupt database: TNX_ECORRUPT");
        diag("%s", tnx_last_error());
    }
    {
        char p[4300];
        FILE *f;
        snprintf(p, sizeof p, "%s/iamglass", path("db"));
        f = fopen(p, "wb");
        if (f) {
            fputs("not glass", f);
            fclose(f);
        }
        int rc = tnx_open(path("db"), TNX_WRITE, &db);
        ok(rc == TNX_ECORRUPT || rc == TNX_EVERSION, "a broken version file: TNX_ECORRUPT or TNX_EVERSION (%d)", rc);
        ok(db == NULL, "... no handle");
    }

    tnx_close(NULL);
    tnx_doc_free(NULL);
    tnx_query_free(NULL);
    ok(1, "destroyers accept NULL");
    {
        char cmd[4200];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
        if (system(cmd) != 0)
            diag("could not remove %s", dir);
    }
    return exit_status();
}
