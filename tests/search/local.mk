## tests/search: toponorm index, search and delete on real Xapian databases
## in temporary directories (included from plugin/xapian/local.mk).
TESTS += tests/search/test_search.sh tests/search/test_errors.sh tests/search/test_kill.sh \
	tests/search/test_cases.sh tests/search/test_shards.sh
EXTRA_DIST += tests/search/test_search.sh tests/search/test_errors.sh tests/search/test_kill.sh \
	tests/search/test_cases.sh tests/search/test_shards.sh \
	tests/search/docs.jsonl

## The shim's C API itself: error codes and messages, ids, transactions, queries.
check_PROGRAMS += tests/search/test_shim
tests_search_test_shim_SOURCES = tests/search/test_shim.c
tests_search_test_shim_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/plugin/xapian
tests_search_test_shim_LDADD = libtoponorm-xapian.la
nodist_EXTRA_tests_search_test_shim_SOURCES = dummy.cxx
TESTS += tests/search/test_shim

## Reading a stored document back, in the layouts of index formats 3 and 2.
check_PROGRAMS += tests/search/test_docdata
tests_search_test_docdata_SOURCES = tests/search/test_docdata.c cli/docdata.c
tests_search_test_docdata_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/cli -I$(top_srcdir)/plugin/xapian \
	-I$(top_srcdir)/tests $(JANSSON_CFLAGS)
tests_search_test_docdata_LDADD = libtoponorm.la $(JANSSON_LIBS)
TESTS += tests/search/test_docdata
