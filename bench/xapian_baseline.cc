/*
** xapian_baseline.cc: the reference indexer for `make bench-xapian`.
**
**   xapian_baseline [--stem LANG] [--batch-size N] DB < corpus.jsonl
**
** Indexes the same JSON Lines documents the way a plain Xapian application
** would: jansson parses each line, Xapian's TermGenerator indexes "text"
** (with Stem(LANG) and STEM_SOME when --stem is given, no stemmer otherwise),
** the line itself is the document data (as toponorm stores its JSON), the
** id goes in as the unique term Q<id>, replace_document by that term, and a
** commit every N documents (1000, toponorm's default).  Prints
** "docs SECONDS" (wall time of the indexing loop) on stdout.
*/
#include <jansson.h>
#include <xapian.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <iostream>
#include <string>

static double now()
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    const char *stem = nullptr, *path = nullptr;
    unsigned long batch = 1000, docs = 0;
    bool bad = false;
    for (int i = 1; i < argc; i++) {
        if (!std::strcmp(argv[i], "--stem") && i + 1 < argc)
            stem = argv[++i];
        else if (!std::strcmp(argv[i], "--batch-size") && i + 1 < argc)
            batch = std::strtoul(argv[++i], nullptr, 10);
        else if (argv[i][0] == '-' || path)
            bad = true;                    /* an unknown option (--help) is not a DB to create */
        else
            path = argv[i];
    }
    if (bad || !path || batch == 0) {
        std::fprintf(stderr, "usage: xapian_baseline [--stem LANG] [--batch-size N] DB < corpus.jsonl\n");
        return 1;
    }
    try {
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
        Xapian::TermGenerator tg;
        if (stem) {
            tg.set_stemmer(Xapian::Stem(stem));
            tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
        }
        double t0 = now();
        std::string line;
        while (std::getline(std::cin, line)) {
            json_error_t err;
            json_t *obj = json_loadb(line.data(), line.size(), 0, &err);
            json_t *id = json_object_get(obj, "id"), *text = json_object_get(obj, "text");
            if (!json_is_string(id) || !json_is_string(text)) {
                std::fprintf(stderr, "xapian_baseline: line %lu: no id or text\n", docs + 1);
                json_decref(obj);
                return 1;
            }
            Xapian::Document doc;
            tg.set_document(doc);
            tg.index_text(std::string(json_string_value(text), json_string_length(text)));
            doc.set_data(line);
            std::string q = std::string("Q") + json_string_value(id);
            doc.add_boolean_term(q);
            db.replace_document(q, doc);
            json_decref(obj);
            if (++docs % batch == 0)
                db.commit();
        }
        db.commit();
        std::printf("%lu %.3f\n", docs, now() - t0);
    } catch (const Xapian::Error &e) {
        std::fprintf(stderr, "xapian_baseline: %s\n", e.get_description().c_str());
        return 1;
    }
    return 0;
}
