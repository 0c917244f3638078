## plugin/sqlite: the FTS5 tokenizer "toponorm", a loadable SQLite extension.
## Installed as $(pkglibdir)/toponorm.so: SQLite derives the entry point
## sqlite3_toponorm_init from the file name.  It gets SQLite's API through
## sqlite3_api, so it must not link -lsqlite3.
pkglib_LTLIBRARIES = plugin/sqlite/toponorm.la
plugin_sqlite_toponorm_la_SOURCES = plugin/sqlite/fts5_toponorm.c plugin/sqlite/fts5_v2.h
plugin_sqlite_toponorm_la_CFLAGS = $(AM_CFLAGS) $(SQLITE3_CFLAGS)
plugin_sqlite_toponorm_la_LIBADD = libtoponorm.la
plugin_sqlite_toponorm_la_LDFLAGS = -module -avoid-version -shared -no-undefined \
	-export-symbols-regex '^sqlite3_toponorm_init$$'

## Tests: the real sqlite3 shell, and a C host that loads the module with
## sqlite3_load_extension.  The uninstalled module is used; an ASan build's
## module needs the ASan runtime preloaded into the uninstrumented shell.
AM_TESTS_ENVIRONMENT += \
	TOPONORM_SQLITE_MODULE='$(abs_top_builddir)/plugin/sqlite/.libs/toponorm'; \
	export TOPONORM_SQLITE_MODULE;
if SANITIZERS
AM_TESTS_ENVIRONMENT += \
	TOPONORM_SQLITE_PRELOAD=`$(CC) -print-file-name=libasan.so`; \
	export TOPONORM_SQLITE_PRELOAD;
endif
check_PROGRAMS += tests/sqlite/host
tests_sqlite_host_SOURCES = tests/sqlite/host.c
tests_sqlite_host_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/plugin/sqlite
tests_sqlite_host_CFLAGS = $(AM_CFLAGS) $(SQLITE3_CFLAGS) $(PTHREAD_CFLAGS)
tests_sqlite_host_LDADD = $(SQLITE3_LIBS) $(PTHREAD_LIBS)
TESTS += tests/sqlite/test_shell.sh tests/sqlite/test_host.sh
EXTRA_DIST += tests/sqlite/test_shell.sh tests/sqlite/test_host.sh

## `make bench-fts5` (also run by `make bench`): FTS5 insert speed, index
## size and MATCH latency with tokenize='toponorm' against 'unicode61
## remove_diacritics 2' on the same corpus in the same run (bench/fts5_bench.c).
## FTS5_CORPUS=FILE, or a 50 MB corpus made once with ../shared/bench/make-corpus;
## BENCH_FTS5_REPS runs (median), BENCH_FTS5_LINES corpus lines per row;
## FTS5_BENCH_TOKENIZE (environment) replaces 'toponorm', e.g. 'toponorm stem off'.
EXTRA_PROGRAMS += bench/fts5_bench
bench_fts5_bench_SOURCES = bench/fts5_bench.c
bench_fts5_bench_CFLAGS = $(AM_CFLAGS) $(SQLITE3_CFLAGS)
bench_fts5_bench_LDADD = $(SQLITE3_LIBS)
BENCH_FTS5_MB = 50
BENCH_FTS5_CACHE = bench/out/corpus-$(BENCH_FTS5_MB)mb.txt
BENCH_FTS5_REPS = 3
BENCH_FTS5_LINES = 1

$(BENCH_FTS5_CACHE):
	@test -f '$(BENCH_MAKE_CORPUS)' || { \
	  echo "make bench-fts5: no corpus maker at $(BENCH_MAKE_CORPUS): pass FTS5_CORPUS=FILE" >&2; \
	  exit 1; }
	@$(MKDIR_P) bench/out
	$(AM_V_GEN)$(BENCH_PYTHON3) '$(BENCH_MAKE_CORPUS)' --plain --mb $(BENCH_FTS5_MB) > $@.tmp \
	  && mv -f $@.tmp $@

bench-fts5: plugin/sqlite/toponorm.la toponorm.lex bench/fts5_bench$(EXEEXT)
	@corpus='$(FTS5_CORPUS)'; \
	if test -z "$$corpus"; then \
	  $(MAKE) $(AM_MAKEFLAGS) $(BENCH_FTS5_CACHE) || exit 1; \
	  corpus='$(BENCH_FTS5_CACHE)'; \
	fi; \
	$(MKDIR_P) bench/out && \
	TOPONORM_LEXICON='$(abs_top_builddir)/toponorm.lex' ./bench/fts5_bench$(EXEEXT) \
	  '$(abs_top_builddir)/plugin/sqlite/.libs/toponorm' "$$corpus" bench/out \
	  '$(BENCH_FTS5_REPS)' '$(BENCH_FTS5_LINES)' > bench/out/fts5.txt && cat bench/out/fts5.txt

bench: bench-fts5
.PHONY: bench-fts5
