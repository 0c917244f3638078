## plugin/sqlite: the FTS5 tokenizer "toponorm", a loadable SQLite extension.
## Installed as $(pkglibdir)/toponorm.so: SQLite derives the entry point
## sqlite3_toponorm_init from the file name.  It gets SQLite's API through
## sqlite3_api, so it must not link -lsqlite3.
pkglib_LTLIBRARIES = plugin/sqlite/toponorm.la
plugin_sqlite_toponorm_la_SOURCES = plugin/sqlite/fts5_toponorm.c
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
tests_sqlite_host_CFLAGS = $(AM_CFLAGS) $(SQLITE3_CFLAGS) $(PTHREAD_CFLAGS)
tests_sqlite_host_LDADD = $(SQLITE3_LIBS) $(PTHREAD_LIBS)
TESTS += tests/sqlite/test_shell.sh tests/sqlite/test_host.sh
EXTRA_DIST += tests/sqlite/test_shell.sh tests/sqlite/test_host.sh
