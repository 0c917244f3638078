## Benchmarks: `make bench [CORPUS=FILE]`.
##
## Measures `toponorm analyze` throughput (MB/s of input, MB = 10^6 bytes)
## against ICU word break (UTF-8 UText and UTF-16) and ICU transliteration
## (Any-Latin; Latin-ASCII; Lower) in the same run, median of 5 runs each, and
## instructions per input byte under callgrind when valgrind is installed.
## The table goes to stdout and bench/out/results.txt; samples and callgrind
## files go to bench/out/.  `make bench-clean` (also run by `make clean`)
## removes bench/out/.
##
## CORPUS is any UTF-8 text file (a relative name is taken from the top build
## directory).  With no CORPUS, a 20 MB corpus is made once with the maintainer tool
## ../shared/bench/make-corpus (it installs Debian manpages packages when they
## are missing) and cached as bench/out/corpus-20mb.txt.
##
## Knobs: BENCH_REPS (5), BENCH_TRANSLIT_BYTES (16000000: translit runs on
## at most that much of the Ukrainian lines; enough that the command's fixed
## start-up, reported on its own line, does not stand for its throughput),
## BENCH_SAMPLE_BYTES (1000000: the callgrind sample).
##
## The helper programs are EXTRA_PROGRAMS: only `make bench` builds them.

EXTRA_PROGRAMS = bench/icu_baseline bench/timeproc bench/inproc
bench_icu_baseline_SOURCES = bench/icu_baseline.c
bench_icu_baseline_CFLAGS = $(AM_CFLAGS) $(ICU_CFLAGS)
bench_icu_baseline_LDADD = $(ICU_LIBS)
bench_timeproc_SOURCES = bench/timeproc.c
bench_inproc_SOURCES = bench/inproc.c
bench_inproc_LDADD = libtoponorm.la
CLEANFILES += $(EXTRA_PROGRAMS)
EXTRA_DIST += bench/run-analyze.sh bench/run-translit.sh

BENCH_MAKE_CORPUS = $(abs_top_srcdir)/../shared/bench/make-corpus
BENCH_PYTHON3 = /usr/bin/python3
BENCH_CORPUS_MB = 20
BENCH_CORPUS_CACHE = bench/out/corpus-$(BENCH_CORPUS_MB)mb.txt
BENCH_REPS = 5
BENCH_TRANSLIT_BYTES = 16000000
BENCH_TRANSLIT_SCHEME = uk-kmu-2010
BENCH_SAMPLE_BYTES = 1000000

$(BENCH_CORPUS_CACHE):
	@if test ! -f '$(BENCH_MAKE_CORPUS)'; then \
	  echo "make bench: no corpus given and the corpus maker is absent:" >&2; \
	  echo "make bench:   $(BENCH_MAKE_CORPUS)" >&2; \
	  echo "make bench: pass any UTF-8 text file instead: make bench CORPUS=FILE" >&2; \
	  exit 1; \
	fi
	@$(MKDIR_P) bench/out
	$(AM_V_GEN)$(BENCH_PYTHON3) '$(BENCH_MAKE_CORPUS)' --plain --mb $(BENCH_CORPUS_MB) > $@.tmp \
	  && mv -f $@.tmp $@

## libtool --mode=execute swaps the ./toponorm wrapper script for the real
## binary (and sets the library path), so neither the timings nor callgrind
## see the wrapper's shell.
bench: toponorm$(EXEEXT) toponorm.lex $(EXTRA_PROGRAMS)
	@corpus='$(CORPUS)'; \
	if test -z "$$corpus"; then \
	  $(MAKE) $(AM_MAKEFLAGS) $(BENCH_CORPUS_CACHE) || exit 1; \
	  corpus='$(BENCH_CORPUS_CACHE)'; \
	fi; \
	$(MKDIR_P) bench/out && \
	TOPONORM_LEXICON='$(abs_top_builddir)/toponorm.lex' \
	$(LIBTOOL) --mode=execute $(SHELL) '$(srcdir)/bench/run-analyze.sh' \
	  --toponorm '$(abs_top_builddir)/toponorm$(EXEEXT)' \
	  --icu-baseline '$(abs_top_builddir)/bench/icu_baseline$(EXEEXT)' \
	  --timeproc '$(abs_top_builddir)/bench/timeproc$(EXEEXT)' \
	  --inproc '$(abs_top_builddir)/bench/inproc$(EXEEXT)' \
	  --valgrind '$(VALGRIND)' \
	  --awk '$(AWK)' \
	  --cflags '$(CFLAGS) $(SAN_CFLAGS)' \
	  --srcdir '$(abs_top_srcdir)' \
	  --reps '$(BENCH_REPS)' \
	  --translit-bytes '$(BENCH_TRANSLIT_BYTES)' \
	  --sample-bytes '$(BENCH_SAMPLE_BYTES)' \
	  --out bench/out \
	  --corpus "$$corpus" && \
	TOPONORM_LEXICON='$(abs_top_builddir)/toponorm.lex' \
	$(LIBTOOL) --mode=execute $(SHELL) '$(srcdir)/bench/run-translit.sh' \
	  '$(abs_top_builddir)/toponorm$(EXEEXT)' '$(abs_top_builddir)/bench/icu_baseline$(EXEEXT)' \
	  '$(abs_top_builddir)/bench/timeproc$(EXEEXT)' '$(abs_top_builddir)/bench/inproc$(EXEEXT)' \
	  "$$corpus" '$(BENCH_TRANSLIT_BYTES)' \
	  '$(BENCH_REPS)' bench/out '$(BENCH_TRANSLIT_SCHEME)' \
	  '$(abs_top_builddir)/lexc$(EXEEXT)' -o bench/out/compile-check.lex \
	  $(addprefix $(srcdir)/,$(LEXICON_SRC))

bench-clean:
	-rm -rf bench/out

clean-local: bench-clean

.PHONY: bench bench-clean

## The gazetteer's cost (bench/places_bench.c): lexicon size and open time,
## analyzer throughput with place terms on and off in the same run.
EXTRA_PROGRAMS += bench/places_bench
bench_places_bench_SOURCES = bench/places_bench.c
bench_places_bench_LDADD = libtoponorm.la
bench: bench-places
bench-places: toponorm.lex bench/places_bench$(EXEEXT)
	@corpus='$(CORPUS)'; \
	if test -z "$$corpus"; then \
	  $(MAKE) $(AM_MAKEFLAGS) $(BENCH_CORPUS_CACHE) || exit 1; \
	  corpus='$(BENCH_CORPUS_CACHE)'; \
	fi; \
	$(MKDIR_P) bench/out && \
	TOPONORM_LEXICON='$(abs_top_builddir)/toponorm.lex' \
	$(LIBTOOL) --mode=execute ./bench/places_bench$(EXEEXT) --reps '$(BENCH_REPS)' "$$corpus" \
	  | tee bench/out/places.txt
.PHONY: bench-places

## `make bench-xapian [BENCH_XAPIAN_MB=50]`: index and search figures of the
## Xapian side (bench/run-xapian.sh): toponorm index vs a plain Xapian
## TermGenerator indexer and one with Stem("russian") (bench/xapian_baseline.cc,
## same documents, same commit batches), BENCH_XAPIAN_REPS runs each, medians;
## peak RSS at 5, 50, 200 MB; database sizes; search latency in-process
## (bench/xsearch.c, with the CLI's query and snippet code), through
## `search --batch` and one process per query.  Results: bench/out/xapian.txt.
## The queries: tests/data/search-cases.tsv plus words and word pairs drawn
## from the corpus (every 37th document), 1000 in all.
EXTRA_PROGRAMS += bench/xapian_baseline bench/xsearch bench/xsearch_baseline
bench_xapian_baseline_SOURCES = bench/xapian_baseline.cc
bench_xapian_baseline_CXXFLAGS = $(WARN_CXXFLAGS) $(XAPIAN_CFLAGS) $(JANSSON_CFLAGS)
bench_xapian_baseline_LDADD = $(XAPIAN_LIBS) $(JANSSON_LIBS)
bench_xsearch_baseline_SOURCES = bench/xsearch_baseline.cc
bench_xsearch_baseline_CXXFLAGS = $(WARN_CXXFLAGS) $(XAPIAN_CFLAGS)
bench_xsearch_baseline_LDADD = $(XAPIAN_LIBS)
bench_xsearch_SOURCES = bench/xsearch.c cli/query.c cli/docdata.c cli/snippet.c cli/vocab.c cli/shard.c
bench_xsearch_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/cli -I$(top_srcdir)/plugin/xapian \
	$(JANSSON_CFLAGS)
bench_xsearch_LDADD = libtoponorm-xapian.la libtoponorm.la $(JANSSON_LIBS)
nodist_EXTRA_bench_xsearch_SOURCES = dummy.cxx
EXTRA_DIST += bench/run-xapian.sh

BENCH_XAPIAN_REPS = 3
bench/out/corpus-5mb.jsonl bench/out/corpus-50mb.jsonl bench/out/corpus-200mb.jsonl:
	@$(MKDIR_P) bench/out
	$(AM_V_GEN)mb=`echo $@ | sed 's/.*corpus-//; s/mb.jsonl//'` && \
	  $(BENCH_PYTHON3) '$(BENCH_MAKE_CORPUS)' --mb $$mb > $@.tmp && mv -f $@.tmp $@

bench/out/xapian-queries.txt: bench/out/corpus-50mb.jsonl $(srcdir)/tests/data/search-cases.tsv
	$(AM_V_GEN){ grep -v '^#' '$(srcdir)/tests/data/search-cases.tsv' | cut -f1 | grep -v '^ *$$'; \
	  awk 'NR % 37 == 0' bench/out/corpus-50mb.jsonl | sed 's/.*"text": "//; s/\\[nt]/ /g' | \
	  tr -s ' .,;:()[]"' '\n' | awk 'length($$0) >= 5 && $$0 !~ /[\\0-9=<>\/*{}|$$]/' | \
	  awk 'NR % 7 == 1 { print } NR % 7 == 4 { w = $$0 } NR % 7 == 5 { print w, $$0 }'; } | \
	  head -n 1000 > $@.tmp && mv -f $@.tmp $@

bench-xapian: toponorm$(EXEEXT) toponorm.lex bench/xapian_baseline$(EXEEXT) bench/xsearch$(EXEEXT) \
	bench/xsearch_baseline$(EXEEXT) \
	bench/timeproc$(EXEEXT) \
	bench/out/corpus-5mb.jsonl bench/out/corpus-50mb.jsonl bench/out/corpus-200mb.jsonl \
	bench/out/xapian-queries.txt
	TOPONORM_LEXICON='$(abs_top_builddir)/toponorm.lex' \
	$(LIBTOOL) --mode=execute $(SHELL) '$(srcdir)/bench/run-xapian.sh' \
	  '$(abs_top_builddir)/toponorm$(EXEEXT)' '$(abs_top_builddir)/bench/xapian_baseline$(EXEEXT)' \
	  '$(abs_top_builddir)/bench/xsearch$(EXEEXT)' \
	  bench/out/corpus-50mb.jsonl bench/out/corpus-5mb.jsonl bench/out/corpus-200mb.jsonl \
	  '$(BENCH_XAPIAN_REPS)' bench/out bench/out/xapian-queries.txt

.PHONY: bench-xapian
