## The demo corpus (sample/news.jsonl) and its search expectations
## (tests/data/search-cases.tsv) are well formed; jansson parses the JSON.
check_PROGRAMS += tests/corpus/test_newsjsonl
tests_corpus_test_newsjsonl_SOURCES = tests/corpus/test_newsjsonl.c
tests_corpus_test_newsjsonl_CFLAGS = $(AM_CFLAGS) $(JANSSON_CFLAGS)
tests_corpus_test_newsjsonl_LDADD = $(JANSSON_LIBS)
TESTS += tests/corpus/test_newsjsonl.sh
EXTRA_DIST += tests/corpus/test_newsjsonl.sh tests/corpus/bad-news.jsonl
