## plugin/sphinx: the Sphinx 2.2 index_token_filter module (toponorm_sphinx.so,
## installed in $(pkglibdir): point Sphinx's plugin_dir there), the word
## encoding it shares with `toponorm analyze --query --format sphinx`, and
## its tests (a unit test of the ABI and real indexer/searchd runs).
sphinxplugindir = $(pkglibdir)
sphinxplugin_LTLIBRARIES = toponorm_sphinx.la
toponorm_sphinx_la_SOURCES = plugin/sphinx/sphinx_toponorm.c plugin/sphinx/sphinx_abi.h \
	plugin/sphinx/sphx_word.c plugin/sphinx/sphx_word.h
# Only the ABI's functions are exported.
SPHINX_ABI_REGEX = '^toponorm_(sphinx_ver|sphinx_reinit|init|begin_document|begin_field|push_token|get_extra_token|end_field|deinit)$$'
toponorm_sphinx_la_LDFLAGS = -module -avoid-version -no-undefined \
	-export-symbols-regex $(SPHINX_ABI_REGEX)
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

## ASan's runtime must be the first library of a process, and Debian's indexer
## is not built with it: an instrumented module cannot load there (and the
## hosts hang at exit with ASan preloaded).  So a sanitizer build gives the
## host tests this copy of the module, without sanitizers and with the
## library linked in; the same code runs under ASan+UBSan in test_filter.
if SANITIZERS
check_LTLIBRARIES = tests/sphinx/host/toponorm_sphinx.la
tests_sphinx_host_toponorm_sphinx_la_SOURCES = $(toponorm_sphinx_la_SOURCES) \
	$(libtoponorm_la_SOURCES)
tests_sphinx_host_toponorm_sphinx_la_CFLAGS = $(STD_CFLAGS) $(WARN_CFLAGS) \
	$(ICU_CFLAGS) $(PTHREAD_CFLAGS)
tests_sphinx_host_toponorm_sphinx_la_LDFLAGS = -module -avoid-version -no-undefined \
	-rpath $(abs_builddir)/tests/sphinx/host -export-symbols-regex $(SPHINX_ABI_REGEX)
tests_sphinx_host_toponorm_sphinx_la_LIBADD = $(LIBTOPONORM_DEPLIBS) $(PTHREAD_LIBS)
endif

## The query expressions; the real hosts: indexer + searchd over the MySQL protocol, then a
## distributed index over two searchd.
TESTS += tests/sphinx/test_query.sh tests/sphinx/test_searchd.sh tests/sphinx/test_distributed.sh
EXTRA_DIST += tests/sphinx/lib.sh tests/sphinx/test_query.sh tests/sphinx/test_searchd.sh \
	tests/sphinx/test_distributed.sh tests/sphinx/docs.tsv
