/*
** xsearch_baseline.cc: search latency of a plain Xapian application, the
** reference for bench/xsearch in `make bench-xapian`.
**
**   xsearch_baseline DB [LIMIT [REPS]] < queries      one query per line
**
** Over a database that bench/xapian_baseline built with --stem russian, each
** query goes through Xapian's QueryParser (Stem("russian"), STEM_SOME, AND
** by default, phrases, boolean operators and +/-), then get_mset(0, LIMIT)
** and each hit's document data, as toponorm search reads its hits.  One
** untimed pass warms the caches, then REPS timed passes (default 5), each
** query's median taken.  Prints, over the queries, in microseconds,
** "analysis N MEDIAN P99" (QueryParser alone) and "search N MEDIAN P99"
** (parse, match, hits' data), and "hits TOTAL".
*/
#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <string>
#include <vector>

static double now_us()
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static void report(const char *what, std::vector<double> &v)
{
    std::sort(v.begin(), v.end());
    size_t n = v.size();
    std::printf("%s %zu %.1f %.1f\n", what, n, n ? v[n / 2] : 0.0, n ? v[(n * 99) / 100] : 0.0);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: xsearch_baseline DB [LIMIT [REPS]] < queries\n");
        return 1;
    }
    unsigned limit = argc > 2 ? (unsigned)std::strtoul(argv[2], nullptr, 10) : 10;
    std::vector<std::string> qs;
    std::string line;
    while (std::getline(std::cin, line))
        if (!line.empty())
            qs.push_back(line);
    try {
        Xapian::Database db(argv[1]);
        Xapian::QueryParser qp;
        qp.set_database(db);
        qp.set_stemmer(Xapian::Stem("russian"));
        qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        qp.set_default_op(Xapian::Query::OP_AND);
        unsigned flags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                         Xapian::QueryParser::FLAG_LOVEHATE;
        unsigned reps = argc > 3 ? (unsigned)std::strtoul(argv[3], nullptr, 10) : 5;
        if (reps < 1 || reps > 9)
            reps = 5;
        std::vector<std::vector<double>> sa(qs.size()), ss(qs.size());
        std::vector<double> ta, ts;
        const char *perq_path = std::getenv("XSEARCH_PER_QUERY");
        FILE *perq = perq_path ? std::fopen(perq_path, "w") : nullptr;
        unsigned long hits = 0;
        /* Pass 0 warms up; passes 1..reps are timed: a query's figure is
        ** its median over them, as bench/xsearch.c takes it. */
        for (unsigned pass = 0; pass <= reps; pass++) {
            for (size_t i = 0; i < qs.size(); i++) {
                double t0 = now_us(), t1;
                Xapian::Query query;
                try {
                    query = qp.parse_query(qs[i], flags);
                } catch (const Xapian::QueryParserError &) {
                    continue;             /* not a query for QueryParser */
                }
                t1 = now_us();
                Xapian::Enquire enq(db);
                enq.set_query(query);
                Xapian::MSet ms = enq.get_mset(0, limit);
                for (Xapian::MSetIterator it = ms.begin(); it != ms.end(); ++it) {
                    std::string data = it.get_document().get_data();
                    hits += pass == reps && !data.empty();
                }
                if (pass > 0) {
                    sa[i].push_back(t1 - t0);
                    ss[i].push_back(now_us() - t0);
                }
            }
        }
        for (size_t i = 0; i < qs.size(); i++) {
            if (sa[i].empty())
                continue;
            std::sort(sa[i].begin(), sa[i].end());
            std::sort(ss[i].begin(), ss[i].end());
            ta.push_back(sa[i][sa[i].size() / 2]);
            ts.push_back(ss[i][ss[i].size() / 2]);
            if (perq)
                std::fprintf(perq, "%.0f %s\n", ts.back(), qs[i].c_str());
        }
        if (perq)
            std::fclose(perq);
        report("analysis", ta);
        report("search", ts);
        std::printf("hits %lu\n", hits);
    } catch (const Xapian::Error &e) {
        std::fprintf(stderr, "xsearch_baseline: %s\n", e.get_description().c_str());
        return 1;
    }
    return 0;
}
