## Test harness: every test speaks TAP through automake's driver, so each
## case is reported and a failure never hides the cases after it.
LOG_DRIVER = env AM_TAP_AWK='$(AWK)' $(SHELL) $(top_srcdir)/build-aux/tap-driver.sh
SH_LOG_DRIVER = $(LOG_DRIVER)
TEST_EXTENSIONS = .sh
AM_TESTS_ENVIRONMENT = \
	TOPONORM_LEXICON='$(abs_top_builddir)/toponorm.lex'; export TOPONORM_LEXICON; \
	top_srcdir='$(abs_top_srcdir)'; export top_srcdir; \
	top_builddir='$(abs_top_builddir)'; export top_builddir; \
	TOPONORM='$(abs_top_builddir)/toponorm'; export TOPONORM; \
	SQLITE3_SHELL='$(SQLITE3_SHELL)'; export SQLITE3_SHELL; \
	XAPIAN_TCPSRV='$(XAPIAN_TCPSRV)'; export XAPIAN_TCPSRV; \
	SPHINX_SEARCHD='$(SPHINX_SEARCHD)'; export SPHINX_SEARCHD; \
	SPHINX_INDEXER='$(SPHINX_INDEXER)'; export SPHINX_INDEXER; \
	MYSQL_CLIENT='$(MYSQL_CLIENT)'; export MYSQL_CLIENT;
# `make check RUN=valgrind` runs every C test under valgrind's memcheck.
LOG_COMPILER = $(LIBTOOL) --mode=execute $(RUN)
EXTRA_DIST += tests/tap.h tests/tap.sh tests/u8check.h
# A free port on 127.0.0.1 for the tests that start real servers.
check_PROGRAMS += tests/freeport
tests_freeport_SOURCES = tests/freeport.c

TEST_CFLAGS = $(AM_CFLAGS) $(ICU_CFLAGS) $(PTHREAD_CFLAGS)
TEST_LDADD = libtoponorm.la $(ICU_LIBS) $(PTHREAD_LIBS) $(XXHASH_LIBS)

## Match key: precision and recall on pairs from the standards.
check_PROGRAMS += tests/key/test_keypairs
tests_key_test_keypairs_SOURCES = tests/key/test_keypairs.c
tests_key_test_keypairs_CFLAGS = $(TEST_CFLAGS)
tests_key_test_keypairs_LDADD = $(TEST_LDADD)
TESTS += tests/key/test_keypairs.sh
EXTRA_DIST += tests/key/test_keypairs.sh tests/data/key-meet.tsv tests/data/key-distinct.tsv

## The toponorm command.
TESTS += tests/cli/test_analyze.sh
EXTRA_DIST += tests/cli/test_analyze.sh

## Segmentation: the fast path must equal ICU's word break, segment for segment.
check_PROGRAMS += tests/seg/test_fastseg
tests_seg_test_fastseg_SOURCES = tests/seg/test_fastseg.c plugin/icu/segment.c \
	plugin/icu/fastseg.c plugin/core/utf8.c
tests_seg_test_fastseg_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/plugin/icu
tests_seg_test_fastseg_CFLAGS = $(TEST_CFLAGS)
tests_seg_test_fastseg_LDADD = $(ICU_LIBS)
TESTS += tests/seg/test_fastseg.sh
EXTRA_DIST += tests/seg/test_fastseg.sh

## Transliteration tables: every table against its samples and golden file,
## and the check/translit commands themselves.
TESTS += tests/translit/test_tables.sh tests/translit/test_check.sh
EXTRA_DIST += tests/translit/test_tables.sh tests/translit/test_check.sh \
	tests/translit/fixture-kmu.tsv

## The compiled translit tables against the reference rule engine.
check_PROGRAMS += tests/translit/test_translit_ref
tests_translit_test_translit_ref_SOURCES = tests/translit/test_translit_ref.c \
	plugin/core/rules.c plugin/core/buf.c plugin/core/utf8.c
tests_translit_test_translit_ref_CFLAGS = $(TEST_CFLAGS)
tests_translit_test_translit_ref_LDADD = $(TEST_LDADD)
TESTS += tests/translit/test_translit_ref.sh
EXTRA_DIST += tests/translit/test_translit_ref.sh

## The key meets every transliteration table on the golden names.
check_PROGRAMS += tests/key/test_translit_keys
tests_key_test_translit_keys_SOURCES = tests/key/test_translit_keys.c
tests_key_test_translit_keys_CFLAGS = $(TEST_CFLAGS)
tests_key_test_translit_keys_LDADD = $(TEST_LDADD)
TESTS += tests/key/test_translit_keys.sh
EXTRA_DIST += tests/key/test_translit_keys.sh tests/data/translit-key-exceptions.tsv

## The token cache never changes the terms.
## UTF-8 validation: the fast paths against RFC 3629 read byte by byte.
check_PROGRAMS += tests/unit/test_utf8
tests_unit_test_utf8_SOURCES = tests/unit/test_utf8.c plugin/core/utf8.c
tests_unit_test_utf8_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/plugin/core
TESTS += tests/unit/test_utf8

check_PROGRAMS += tests/unit/test_cache
tests_unit_test_cache_SOURCES = tests/unit/test_cache.c tests/unit/termsig.h
tests_unit_test_cache_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_cache_LDADD = $(TEST_LDADD)
TESTS += tests/unit/test_cache
