/*
** tn_xapian.cc: the C API of tn_xapian.h over Xapian's C++ API.
**
** Every extern "C" function catches everything (Xapian::Error,
** std::exception, ...) and turns it into a TNX_E* code plus a message: a C++
** exception unwinding into C code is undefined behaviour, and a database
** error must reach the user as a message, not as an abort.
**
** A writable database always has a Xapian transaction open: tnx_commit ends
** it (which commits) and opens the next one, and tnx_close cancels it.  So
** nothing is written but what the caller committed, even when the caller
** bails out between commits (Xapian's own destructor would commit instead).
*/
#include <xapian.h>

#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <vector>

#include "tn_xapian.h"

struct tnx_db {
    Xapian::Database *rd = nullptr;          /* reading (and searching) */
    Xapian::WritableDatabase *wr = nullptr;  /* the same object, when writable */
    bool in_txn = false;
    bool no_matched = false;                 /* tnx_set_matched(db, 0) */
    bool no_ids = false;                     /* tnx_set_hit_ids(db, 0) */
    std::string err;
    std::vector<std::string> matched;        /* scratch for tnx_search */
    std::vector<const char *> matched_p;
};

struct tnx_doc {
    Xapian::Document doc;
    std::string term;   /* reused for every posting: no allocation per term */
};

struct tnx_query {
    Xapian::Query q;
};

static thread_local std::string last_error;

/*
** The current exception as a code and "Class: message".  Called only from
** inside a catch block, where `throw;` re-raises what was caught.
*/
static int fail(std::string &msg)
{
    try {
        throw;
    } catch (const Xapian::DatabaseNotFoundError &e) {
        msg = e.get_type() + std::string(": ") + e.get_msg();
        return TNX_ENOTFOUND;
    } catch (const Xapian::DatabaseLockError &e) {
        msg = e.get_type() + std::string(": ") + e.get_msg();
        return TNX_ELOCK;
    } catch (const Xapian::DatabaseVersionError &e) {
        msg = e.get_type() + std::string(": ") + e.get_msg();
        return TNX_EVERSION;
    } catch (const Xapian::DatabaseCorruptError &e) {
        msg = e.get_type() + std::string(": ") + e.get_msg();
        return TNX_ECORRUPT;
    } catch (const Xapian::DatabaseOpeningError &e) {
        /* Something at the path, but not a database we can open. */
        msg = e.get_type() + std::string(": ") + e.get_msg();
        return TNX_ECORRUPT;
    } catch (const Xapian::DatabaseModifiedError &e) {
        msg = e.get_type() + std::string(": ") + e.get_msg();
        return TNX_EMODIFIED;
    } catch (const Xapian::NetworkError &e) {
        msg = e.get_type() + std::string(": ") + e.get_msg();
        return TNX_ENETWORK;
    } catch (const Xapian::InvalidArgumentError &e) {
        msg = e.get_type() + std::string(": ") + e.get_msg();
        return TNX_EINVAL;
    } catch (const Xapian::Error &e) {
        msg = e.get_type() + std::string(": ") + e.get_msg();
        if (!e.get_error_string() || !*e.get_error_string())
            return TNX_ERR;
        msg += std::string(" (") + e.get_error_string() + ")";
        return TNX_ERR;
    } catch (const std::bad_alloc &) {
        msg = "out of memory";
        return TNX_ENOMEM;
    } catch (const std::exception &e) {
        msg = e.what();
        return TNX_ERR;
    } catch (...) {
        msg = "unknown C++ exception";
        return TNX_ERR;
    }
}

/* fail() for the thread-local message; safe even when assigning throws. */
static int fail_global()
{
    try {
        return fail(last_error);
    } catch (...) {
        return TNX_ENOMEM;
    }
}

static int fail_db(tnx_db *db)
{
    try {
        return fail(db->err);
    } catch (...) {
        return TNX_ENOMEM;
    }
}

static int bad_arg(std::string &msg, const char *what)
{
    try {
        msg = what;
    } catch (...) {
    }
    return TNX_EINVAL;
}

extern "C" const char *tnx_last_error(void)
{
    return last_error.c_str();
}

extern "C" const char *tnx_db_error(const tnx_db *db)
{
    return db ? db->err.c_str() : "no database";
}

extern "C" int tnx_open(const char *path, int mode, tnx_db **out)
{
    if (!out)
        return bad_arg(last_error, "tnx_open: out is NULL");
    *out = nullptr;
    if (!path || !*path)
        return bad_arg(last_error, "tnx_open: empty database path");
    tnx_db *db = nullptr;
    try {
        db = new tnx_db;
        if (mode == TNX_WRITE) {
            db->wr = new Xapian::WritableDatabase(
                path, Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
            db->rd = db->wr;
            db->wr->begin_transaction(true);
            db->in_txn = true;
        } else {
            db->rd = new Xapian::Database(path);
        }
        *out = db;
        return TNX_OK;
    } catch (...) {
        int rc = fail_global();
        if (db) {
            try {
                delete db->rd;
            } catch (...) {
            }
            delete db;
        }
        return rc;
    }
}

extern "C" int tnx_add_shard(tnx_db *db, const char *path)
{
    if (!db)
        return bad_arg(last_error, "tnx_add_shard: no database");
    if (db->wr)
        return bad_arg(db->err, "a writable database cannot take shards");
    if (!path || !*path)
        return bad_arg(db->err, "empty database path");
    try {
        db->rd->add_database(Xapian::Database(path));
        return TNX_OK;
    } catch (...) {
        return fail_db(db);
    }
}

extern "C" void tnx_close(tnx_db *db)
{
    if (!db)
        return;
    try {
        if (db->wr && db->in_txn)
            db->wr->cancel_transaction();
    } catch (...) {
    }
    try {
        db->rd->close();
    } catch (...) {
    }
    try {
        delete db->rd;
    } catch (...) {
    }
    delete db;
}

extern "C" int tnx_doc_count(tnx_db *db, unsigned long *out)
{
    if (!db || !out)
        return bad_arg(last_error, "tnx_doc_count: NULL argument");
    try {
        *out = db->rd->get_doccount();
        return TNX_OK;
    } catch (...) {
        return fail_db(db);
    }
}

extern "C" int tnx_get_metadata(tnx_db *db, const char *key, char *buf, size_t cap, size_t *len)
{
    if (!db || !key || !buf || cap == 0)
        return bad_arg(last_error, "tnx_get_metadata: NULL argument");
    try {
        std::string v = db->rd->get_metadata(key);
        size_t n = v.size() < cap - 1 ? v.size() : cap - 1;
        memcpy(buf, v.data(), n);
        buf[n] = '\0';
        if (len)
            *len = v.size();
        return TNX_OK;
    } catch (...) {
        return fail_db(db);
    }
}

extern "C" int tnx_set_metadata(tnx_db *db, const char *key, const char *value)
{
    if (!db || !key || !value)
        return bad_arg(last_error, "tnx_set_metadata: NULL argument");
    if (!db->wr)
        return bad_arg(db->err, "tnx_set_metadata: the database is open for reading");
    try {
        db->wr->set_metadata(key, value);
        return TNX_OK;
    } catch (...) {
        return fail_db(db);
    }
}

extern "C" int tnx_terms_with_prefix(tnx_db *db, const char *prefix, size_t len, unsigned max,
                                     int (*cb)(void *ctx, const char *term, size_t len),
                                     void *ctx)
{
    if (!db || (!prefix && len) || !cb)
        return bad_arg(last_error, "tnx_terms_with_prefix: NULL argument");
    try {
        std::string p(prefix ? prefix : "", len);
        unsigned n = 0;
        for (Xapian::TermIterator t = db->rd->allterms_begin(p); t != db->rd->allterms_end(p) &&
                                                                 n < max; ++t, ++n) {
            const std::string &term = *t;
            if (cb(ctx, term.data(), term.size()))
                break;
        }
        return TNX_OK;
    } catch (...) {
        return fail_db(db);
    }
}

extern "C" tnx_doc *tnx_doc_new(void)
{
    try {
        return new tnx_doc;
    } catch (...) {
        fail_global();
        return nullptr;
    }
}

extern "C" void tnx_doc_free(tnx_doc *doc)
{
    delete doc;
}

extern "C" void tnx_doc_clear(tnx_doc *doc)
{
    if (!doc)
        return;
    try {
        doc->doc = Xapian::Document();
    } catch (...) {
    }
}

extern "C" int tnx_doc_add_posting(tnx_doc *doc, const char *term, size_t len, unsigned pos)
{
    if (!doc || !term || !len)
        return bad_arg(last_error, "tnx_doc_add_posting: NULL document or empty term");
    if (len > TNX_MAX_TERM)
        return TNX_OK;
    try {
        doc->term.assign(term, len);
        if (pos)
            doc->doc.add_posting(doc->term, pos);
        else
            doc->doc.add_term(doc->term);
        return TNX_OK;
    } catch (...) {
        return fail_global();
    }
}

extern "C" int tnx_doc_add_boolean(tnx_doc *doc, const char *term, size_t len)
{
    if (!doc || !term || !len)
        return bad_arg(last_error, "tnx_doc_add_boolean: NULL document or empty term");
    if (len > TNX_MAX_TERM)
        return bad_arg(last_error, "term too long");
    try {
        doc->doc.add_boolean_term(std::string(term, len));
        return TNX_OK;
    } catch (...) {
        return fail_global();
    }
}

extern "C" int tnx_doc_set_data(tnx_doc *doc, const char *data, size_t len)
{
    if (!doc || (!data && len))
        return bad_arg(last_error, "tnx_doc_set_data: NULL argument");
    try {
        doc->doc.set_data(std::string(data ? data : "", len));
        return TNX_OK;
    } catch (...) {
        return fail_global();
    }
}

static std::string id_term(const char *id, size_t len)
{
    std::string t("Q");
    t.append(id, len);
    return t;
}

extern "C" int tnx_replace(tnx_db *db, const char *id, size_t id_len, tnx_doc *doc)
{
    if (!db)
        return bad_arg(last_error, "tnx_replace: no database");
    if (!db->wr)
        return bad_arg(db->err, "the database is open read-only");
    if (!doc || !id || !id_len || id_len >= TNX_MAX_TERM)
        return bad_arg(db->err, "the id must be 1 to 244 bytes");
    try {
        std::string idt = id_term(id, id_len);
        doc->doc.add_boolean_term(idt);
        doc->doc.add_value(TNX_SLOT_ID, std::string(id, id_len));
        db->wr->replace_document(idt, doc->doc);
        return TNX_OK;
    } catch (...) {
        return fail_db(db);
    }
}

/* Does the (unsaved) document have term t? */
static bool doc_has(const Xapian::Document &d, const std::string &t)
{
    Xapian::TermIterator i = d.termlist_begin();
    i.skip_to(t);
    return i != d.termlist_end() && *i == t;
}

extern "C" int tnx_move_terms(tnx_db *db, const char *id, size_t id_len, const char *prefix,
                              size_t plen, tnx_doc *next)
{
    if (!db)
        return bad_arg(last_error, "tnx_move_terms: no database");
    if (!db->wr)
        return bad_arg(db->err, "the database is open read-only");
    if (!id || !id_len || id_len >= TNX_MAX_TERM || (!prefix && plen))
        return bad_arg(db->err, "tnx_move_terms: bad id or prefix");
    try {
        std::string idt = id_term(id, id_len), p(prefix ? prefix : "", plen);
        Xapian::PostingIterator it = db->wr->postlist_begin(idt);
        if (it == db->wr->postlist_end(idt))
            return TNX_OK;
        Xapian::docid did = *it;
        std::vector<std::string> moving;
        Xapian::TermIterator t = db->wr->termlist_begin(did);
        for (t.skip_to(p); t != db->wr->termlist_end(did) && (*t).compare(0, plen, p) == 0; ++t)
            moving.push_back(*t);
        for (const std::string &m : moving) {
            std::string::size_type sp = m.rfind(' ');
            if (sp == std::string::npos || sp + 1 == m.size())
                continue;
            std::string word = m.substr(sp + 1);
            if (next && doc_has(next->doc, word)) {
                next->doc.add_boolean_term(m);
                continue;
            }
            for (Xapian::PostingIterator q = db->wr->postlist_begin(word);
                 q != db->wr->postlist_end(word); ++q) {
                if (*q == did)
                    continue;
                Xapian::Document h = db->wr->get_document(*q);
                h.add_boolean_term(m);
                db->wr->replace_document(*q, h);
                break;
            }
        }
        return TNX_OK;
    } catch (...) {
        return fail_db(db);
    }
}

extern "C" int tnx_delete(tnx_db *db, const char *id, size_t id_len, int *found)
{
    if (!db)
        return bad_arg(last_error, "tnx_delete: no database");
    if (!db->wr)
        return bad_arg(db->err, "the database is open read-only");
    if (!id || !id_len || id_len >= TNX_MAX_TERM)
        return bad_arg(db->err, "the id must be 1 to 244 bytes");
    try {
        std::string idt = id_term(id, id_len);
        bool there = db->wr->term_exists(idt);
        if (there)
            db->wr->delete_document(idt);
        if (found)
            *found = there;
        return TNX_OK;
    } catch (...) {
        return fail_db(db);
    }
}

extern "C" int tnx_commit(tnx_db *db)
{
    if (!db)
        return bad_arg(last_error, "tnx_commit: no database");
    if (!db->wr)
        return bad_arg(db->err, "the database is open read-only");
    try {
        if (db->in_txn) {
            db->in_txn = false;
            db->wr->commit_transaction();
        }
        db->wr->begin_transaction(true);
        db->in_txn = true;
        return TNX_OK;
    } catch (...) {
        return fail_db(db);
    }
}

extern "C" tnx_query *tnx_query_term(const char *term, size_t len, unsigned pos)
{
    if (!term || !len) {
        bad_arg(last_error, "tnx_query_term: empty term");
        return nullptr;
    }
    try {
        tnx_query *q = new tnx_query;
        q->q = Xapian::Query(std::string(term, len), 1, pos);
        return q;
    } catch (...) {
        fail_global();
        return nullptr;
    }
}

/* subs[0..n) into v; false (and last_error set, naming fn) on a NULL. */
static bool sub_queries(tnx_query *const *subs, size_t n, const char *fn,
                        std::vector<Xapian::Query> &v)
{
    if (n && !subs) {
        bad_arg(last_error, (std::string(fn) + ": NULL subqueries").c_str());
        return false;
    }
    v.reserve(n);
    for (size_t i = 0; i < n; i++) {
        if (!subs[i]) {
            bad_arg(last_error, (std::string(fn) + ": NULL subquery").c_str());
            return false;
        }
        v.push_back(subs[i]->q);
    }
    return true;
}

extern "C" tnx_query *tnx_query_combine(int op, tnx_query *const *subs, size_t n)
{
    Xapian::Query::op xop;
    switch (op) {
    case TNX_OP_AND:     xop = Xapian::Query::OP_AND; break;
    case TNX_OP_OR:      xop = Xapian::Query::OP_OR; break;
    case TNX_OP_AND_NOT: xop = Xapian::Query::OP_AND_NOT; break;
    case TNX_OP_PHRASE:  xop = Xapian::Query::OP_PHRASE; break;
    case TNX_OP_SYNONYM: xop = Xapian::Query::OP_SYNONYM; break;
    case TNX_OP_FILTER:  xop = Xapian::Query::OP_FILTER; break;
    default:
        bad_arg(last_error, "tnx_query_combine: unknown operator");
        return nullptr;
    }
    if (op == TNX_OP_PHRASE && n > 0)
        return tnx_query_phrase(subs, n, (unsigned)n);   /* its words adjacent */
    try {
        std::vector<Xapian::Query> v;
        if (!sub_queries(subs, n, "tnx_query_combine", v))
            return nullptr;
        tnx_query *q = new tnx_query;
        if (n == 0)
            q->q = Xapian::Query::MatchNothing;
        else
            q->q = Xapian::Query(xop, v.begin(), v.end());
        return q;
    } catch (...) {
        fail_global();
        return nullptr;
    }
}

extern "C" tnx_query *tnx_query_phrase(tnx_query *const *subs, size_t n, unsigned window)
{
    if (n == 0 || window < n) {
        bad_arg(last_error, "tnx_query_phrase: no subqueries, or a window shorter than them");
        return nullptr;
    }
    try {
        std::vector<Xapian::Query> v;
        if (!sub_queries(subs, n, "tnx_query_phrase", v))
            return nullptr;
        tnx_query *q = new tnx_query;
        q->q = Xapian::Query(Xapian::Query::OP_PHRASE, v.begin(), v.end(), window);
        return q;
    } catch (...) {
        fail_global();
        return nullptr;
    }
}

extern "C" tnx_query *tnx_query_scale(const tnx_query *sub, double factor)
{
    if (!sub) {
        bad_arg(last_error, "tnx_query_scale: NULL query");
        return nullptr;
    }
    try {
        tnx_query *q = new tnx_query;
        q->q = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, sub->q, factor);
        return q;
    } catch (...) {
        fail_global();
        return nullptr;
    }
}

extern "C" char *tnx_query_describe(const tnx_query *q)
{
    if (!q)
        return nullptr;
    try {
        std::string s = q->q.get_description();
        char *r = static_cast<char *>(std::malloc(s.size() + 1));
        if (r)
            std::memcpy(r, s.c_str(), s.size() + 1);
        return r;
    } catch (...) {
        fail_global();
        return nullptr;
    }
}

extern "C" void tnx_query_free(tnx_query *q)
{
    delete q;
}

extern "C" void tnx_set_matched(tnx_db *db, int want)
{
    if (db)
        db->no_matched = !want;
}

extern "C" void tnx_set_hit_ids(tnx_db *db, int want)
{
    if (db)
        db->no_ids = !want;
}

extern "C" int tnx_search(tnx_db *db, const tnx_query *q, unsigned offset, unsigned limit,
                          tnx_hit_cb cb, void *ctx, unsigned long *estimate)
{
    if (!db)
        return bad_arg(last_error, "tnx_search: no database");
    if (!q || !cb)
        return bad_arg(db->err, "tnx_search: NULL query or callback");
    try {
        Xapian::Enquire enq(*db->rd);
        enq.set_query(q->q);
        Xapian::MSet ms = enq.get_mset(offset, limit);
        if (estimate)
            *estimate = ms.get_matches_estimated();
        for (Xapian::MSetIterator it = ms.begin(); it != ms.end(); ++it) {
            Xapian::Document d = it.get_document();
            std::string id = db->no_ids ? std::string() : d.get_value(TNX_SLOT_ID);
            std::string data = d.get_data();
            db->matched.clear();
            db->matched_p.clear();
            if (!db->no_matched)
                for (Xapian::TermIterator t = enq.get_matching_terms_begin(it);
                     t != enq.get_matching_terms_end(it); ++t)
                    db->matched.push_back(*t);
            for (const std::string &s : db->matched)
                db->matched_p.push_back(s.c_str());
            tnx_hit h;
            h.rank = it.get_rank() + 1;
            h.score = it.get_weight();
            h.percent = it.get_percent();
            h.id = db->no_ids ? nullptr : id.data();
            h.id_len = id.size();
            h.data = data.data();
            h.data_len = data.size();
            h.matched = db->no_matched ? nullptr : db->matched_p.data();
            h.n_matched = db->matched_p.size();
            int rc = cb(ctx, &h);
            if (rc)
                return rc;
        }
        return TNX_OK;
    } catch (...) {
        return fail_db(db);
    }
}
