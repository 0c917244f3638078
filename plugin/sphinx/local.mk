## plugin/sphinx: the Sphinx 2.2 index_token_filter module (toponorm_sphinx.so,
## installed in $(pkglibdir): point Sphinx's plugin_dir there), the word
## encoding it shares with `toponorm analyze --query --format sphinx`, and
## its tests (a unit test of the ABI and real indexer/searchd runs).
sphinxplugindir = $(pkglibdir)
sphinxplugin_LTLIBRARIES = toponorm_sphinx.la
toponorm_sphinx_la_SOURCES = plugin/sphinx/sphinx_toponorm.c \
	plugin/sphinx/sphx_word.c plugin/sphinx/sphx_word.h
toponorm_sphinx_la_LDFLAGS = -module -avoid-version -no-undefined \
	-export-symbols-regex '^toponorm_'
toponorm_sphinx_la_CFLAGS = $(AM_CFLAGS)
toponorm_sphinx_la_LIBADD = libtoponorm.la
EXTRA_DIST += plugin/sphinx/sphinx.conf.example

toponorm_SOURCES += cli/sphinxq.c cli/sphinxq.h \
	plugin/sphinx/sphx_word.c plugin/sphinx/sphx_word.h

## The filter's functions called directly in the order the host calls them.
check_PROGRAMS += tests/sphinx/test_filter
tests_sphinx_test_filter_SOURCES = tests/sphinx/test_filter.c \
	plugin/sphinx/sphinx_toponorm.c plugin/sphinx/sphx_word.c
tests_sphinx_test_filter_CFLAGS = $(TEST_CFLAGS)
tests_sphinx_test_filter_LDADD = $(TEST_LDADD)
TESTS += tests/sphinx/test_filter

## The query expressions; the real hosts: indexer + searchd over the MySQL protocol, then a
## distributed index over two searchd.
TESTS += tests/sphinx/test_query.sh tests/sphinx/test_searchd.sh tests/sphinx/test_distributed.sh
EXTRA_DIST += tests/sphinx/lib.sh tests/sphinx/test_query.sh tests/sphinx/test_searchd.sh \
	tests/sphinx/test_distributed.sh tests/sphinx/docs.tsv
