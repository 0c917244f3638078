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
