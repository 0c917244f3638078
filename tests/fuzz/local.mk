## Fuzzing.  tests/fuzz/fuzz_analyze.c and fuzz_lexicon.c are libFuzzer
## targets (LLVMFuzzerTestOneInput); fuzz_main.c is a standalone driver, so
## `make check` replays the seed corpora (tests/fuzz/corpus/analyze/ and
## lexicon/) as TAP tests, one case per file, without clang.
## `make fuzz` (not part of check) builds real libFuzzer binaries with clang
## and runs each for FUZZ_TIME seconds.

FUZZ_SOURCES_COMMON = tests/fuzz/fuzz_main.c tests/fuzz/fuzz_check.h

check_PROGRAMS += tests/fuzz/replay_analyze
tests_fuzz_replay_analyze_SOURCES = $(FUZZ_SOURCES_COMMON) tests/fuzz/fuzz_analyze.c
tests_fuzz_replay_analyze_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_CORPUS='"analyze"'
tests_fuzz_replay_analyze_CFLAGS = $(TEST_CFLAGS)
tests_fuzz_replay_analyze_LDADD = $(TEST_LDADD)
TESTS += tests/fuzz/replay_analyze

check_PROGRAMS += tests/fuzz/replay_lexicon
tests_fuzz_replay_lexicon_SOURCES = $(FUZZ_SOURCES_COMMON) tests/fuzz/fuzz_lexicon.c
tests_fuzz_replay_lexicon_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_CORPUS='"lexicon"'
tests_fuzz_replay_lexicon_CFLAGS = $(TEST_CFLAGS)
tests_fuzz_replay_lexicon_LDADD = $(TEST_LDADD)
TESTS += tests/fuzz/replay_lexicon

## The corpora are directories (libFuzzer adds files to its working copy,
## never to these); the seed generator and the tiny lexicon sources go too.
EXTRA_DIST += tests/fuzz/corpus tests/fuzz/analyze.dict \
	tests/fuzz/seed/make_corpus.py tests/fuzz/seed/tiny-cyrl.tsv \
	tests/fuzz/seed/tiny-latn.tsv

## ---- make fuzz -------------------------------------------------------------
## FUZZ_CC must accept -fsanitize=fuzzer (clang; Debian: apt-get install
## clang).  Each target runs FUZZ_TIME seconds over a working copy of its
## corpus in $(FUZZ_WORK); crashes, leaks, timeouts and OOMs land there as
## crash-*, leak-*, timeout-*, oom-* and make the target fail.  Add a
## reproducer to tests/fuzz/corpus/KIND/ once the bug is fixed.
FUZZ_CC = clang
FUZZ_TIME = 60
FUZZ_CFLAGS = -g -O1 -fno-omit-frame-pointer \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
FUZZ_ARGS = -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
FUZZ_WORK = tests/fuzz/work
CLEANFILES += tests/fuzz/fuzz_analyze_lf tests/fuzz/fuzz_lexicon_lf tests/fuzz/probe_lf
.PHONY: fuzz fuzz-build
clean-local: clean-fuzz-work
.PHONY: clean-fuzz-work
clean-fuzz-work:
	-rm -rf $(FUZZ_WORK)

fuzz-build: toponorm.lex
	@$(MKDIR_P) tests/fuzz
	@if ! printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n)\n{ (void)d; (void)n; return 0; }\n' \
	    | $(FUZZ_CC) -fsanitize=fuzzer -x c - -o tests/fuzz/probe_lf >/dev/null 2>&1; then \
	  echo "fuzz: '$(FUZZ_CC)' cannot build with -fsanitize=fuzzer; install clang (apt-get install clang) or set FUZZ_CC"; \
	  exit 1; \
	fi
	@rm -f tests/fuzz/probe_lf
	$(AM_V_CC)for t in analyze lexicon; do \
	  $(FUZZ_CC) $(STD_CFLAGS) $(FUZZ_CFLAGS) $(AM_CPPFLAGS) $(CPPFLAGS) $(ICU_CFLAGS) \
	    -o tests/fuzz/fuzz_$${t}_lf $(srcdir)/tests/fuzz/fuzz_$$t.c \
	    $(addprefix $(srcdir)/,$(filter %.c,$(libtoponorm_la_SOURCES))) \
	    $(LIBTOPONORM_DEPLIBS) $(PTHREAD_LIBS) || exit 1; \
	done

fuzz: fuzz-build
	@status=0; \
	for t in analyze lexicon; do \
	  case $$t in \
	    analyze) extra="-max_len=4096 -dict=$(srcdir)/tests/fuzz/analyze.dict";; \
	    lexicon) extra="-max_len=24576";; \
	  esac; \
	  mkdir -p $(FUZZ_WORK)/$$t $(FUZZ_WORK)/$$t-artifacts; \
	  echo "fuzz: fuzz_$$t for $(FUZZ_TIME) s (log: $(FUZZ_WORK)/$$t.log)"; \
	  TOPONORM_LEXICON='$(abs_top_builddir)/toponorm.lex' \
	  ./tests/fuzz/fuzz_$${t}_lf $(FUZZ_ARGS) $$extra -max_total_time=$(FUZZ_TIME) \
	    -artifact_prefix=$(FUZZ_WORK)/$$t-artifacts/ \
	    $(FUZZ_WORK)/$$t $(srcdir)/tests/fuzz/corpus/$$t >$(FUZZ_WORK)/$$t.log 2>&1; \
	  rc=$$?; \
	  grep -E '^(Done|stat::)|cov:.*DONE' $(FUZZ_WORK)/$$t.log | tail -n 4 | sed "s/^/fuzz: $$t: /"; \
	  found=`ls $(FUZZ_WORK)/$$t-artifacts 2>/dev/null`; \
	  if test $$rc -ne 0 || test -n "$$found"; then \
	    status=1; \
	    echo "fuzz: $$t FOUND A PROBLEM (exit $$rc):"; \
	    for f in $$found; do echo "fuzz:   $(FUZZ_WORK)/$$t-artifacts/$$f"; done; \
	    grep -E '^(==[0-9]+==ERROR|SUMMARY|fuzz check failed)' $(FUZZ_WORK)/$$t.log | head -n 5 | sed 's/^/fuzz:   /'; \
	  fi; \
	done; \
	exit $$status
