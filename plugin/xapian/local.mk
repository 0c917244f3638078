## plugin/xapian: the C shim over Xapian (the only C++ in toponorm, in its own
## library so the core and the other engine modules never need libstdc++),
## and the `toponorm index/search/delete` commands built on it.
lib_LTLIBRARIES += libtoponorm-xapian.la
pkginclude_HEADERS += plugin/xapian/tn_xapian.h
libtoponorm_xapian_la_SOURCES = plugin/xapian/tn_xapian.cc plugin/xapian/tn_xapian.h
libtoponorm_xapian_la_CXXFLAGS = $(WARN_CXXFLAGS) $(SAN_CFLAGS) $(XAPIAN_CFLAGS)
libtoponorm_xapian_la_LIBADD = $(XAPIAN_LIBS)
libtoponorm_xapian_la_LDFLAGS = -version-info 0:0:0 -no-undefined \
	-export-symbols-regex '^tnx_'

toponorm_SOURCES += cli/index.c cli/search.c cli/query.c cli/query.h cli/snippet.c \
	cli/dbpath.c cli/xdb.h cli/docdata.c cli/shard.c cli/vocab.c cli/vocab.h
toponorm_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/plugin/xapian $(JANSSON_CFLAGS)
toponorm_LDADD += libtoponorm-xapian.la $(JANSSON_LIBS)
# The CLI links a C++ library: link it with the C++ driver, so static builds
# get libstdc++ too (hosts.md §3).
nodist_EXTRA_toponorm_SOURCES = dummy.cxx

include tests/search/local.mk
