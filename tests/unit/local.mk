## Unit tests (TAP, tests/tap.h), the lexc error goldens (tests/errors/)
## and `make check-tsan`.

check_PROGRAMS += tests/unit/test_badinput
tests_unit_test_badinput_SOURCES = tests/unit/test_badinput.c tests/unit/termcheck.h
tests_unit_test_badinput_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_badinput_LDADD = $(TEST_LDADD)
TESTS += tests/unit/test_badinput

check_PROGRAMS += tests/unit/test_threads
tests_unit_test_threads_SOURCES = tests/unit/test_threads.c
tests_unit_test_threads_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_threads_LDADD = $(TEST_LDADD)
TESTS += tests/unit/test_threads

check_PROGRAMS += tests/unit/test_fold
tests_unit_test_fold_SOURCES = tests/unit/test_fold.c tests/unit/termcheck.h
tests_unit_test_fold_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_fold_LDADD = $(TEST_LDADD)
TESTS += tests/unit/test_fold

## The stem term's one-byte Snowball stemmers against the UTF-8 ones.
check_PROGRAMS += tests/unit/test_stem
tests_unit_test_stem_SOURCES = tests/unit/test_stem.c plugin/stem/stem.c plugin/stem/stem_uk.c
tests_unit_test_stem_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/plugin/stem
tests_unit_test_stem_LDADD = $(STEMMER_LIBS)
TESTS += tests/unit/test_stem

check_PROGRAMS += tests/unit/test_lexicon
tests_unit_test_lexicon_SOURCES = tests/unit/test_lexicon.c tests/unit/termcheck.h
tests_unit_test_lexicon_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_lexicon_LDADD = $(TEST_LDADD)
TESTS += tests/unit/test_lexicon

## lexc on bad lexicon sources: tests/errors/NAME.tsv, the expected stderr
## NAME.stderr, and NAME.todo for known bugs (see run.sh).
TESTS += tests/errors/run.sh
EXTRA_DIST += tests/errors/run.sh \
	tests/errors/bad-header.stderr \
	tests/errors/bad-header.tsv \
	tests/errors/duplicate-rule.stderr \
	tests/errors/duplicate-rule.tsv \
	tests/errors/empty-source.stderr \
	tests/errors/empty-source.tsv \
	tests/errors/empty.stderr \
	tests/errors/empty.tsv \
	tests/errors/header-invalid-utf8.stderr \
	tests/errors/header-invalid-utf8.tsv \
	tests/errors/header-nul-byte.stderr \
	tests/errors/header-nul-byte.tsv \
	tests/errors/invalid-utf8.stderr \
	tests/errors/invalid-utf8.tsv \
	tests/errors/long-source.stderr \
	tests/errors/long-source.tsv \
	tests/errors/missing-base.stderr \
	tests/errors/missing-base.tsv \
	tests/errors/missing-tab.stderr \
	tests/errors/missing-tab.tsv \
	tests/errors/no-script.stderr \
	tests/errors/no-script.tsv \
	tests/errors/non-nfc.stderr \
	tests/errors/non-nfc.tsv \
	tests/errors/nul-byte.stderr \
	tests/errors/nul-byte.tsv \
	tests/errors/unknown-class.stderr \
	tests/errors/unknown-class.tsv \
	tests/errors/unknown-context.stderr \
	tests/errors/unknown-context.tsv \
	tests/errors/unknown-kind.stderr \
	tests/errors/unknown-kind.tsv \
	tests/errors/unterminated-line.stderr \
	tests/errors/unterminated-line.tsv \
	tests/errors/unterminated-quote.stderr \
	tests/errors/unterminated-quote.tsv

## `make check-tsan`: test_threads and the library sources built together
## with ThreadSanitizer (not part of `make check`).  gcc's TSan cannot map
## its shadow memory on kernels with high mmap ASLR entropy ("unexpected
## memory mapping", "FATAL: ThreadSanitizer"); the run is then repeated
## under `setarch -R`, which turns ASLR off for that process.
TSAN_CC = $(CC)
TSAN_CFLAGS = -fsanitize=thread -g -O1 -fno-omit-frame-pointer
TSAN_BIN = tests/unit/test_threads_tsan
CLEANFILES += $(TSAN_BIN) $(TSAN_BIN).log
.PHONY: check-tsan
check-tsan: toponorm.lex
	@$(MKDIR_P) tests/unit
	$(AM_V_CC)$(TSAN_CC) $(STD_CFLAGS) $(TSAN_CFLAGS) $(AM_CPPFLAGS) $(CPPFLAGS) \
	  $(ICU_CFLAGS) $(PTHREAD_CFLAGS) -o $(TSAN_BIN) \
	  $(addprefix $(srcdir)/,$(filter %.c,$(libtoponorm_la_SOURCES))) \
	  $(srcdir)/tests/unit/test_threads.c \
	  $(LIBTOPONORM_DEPLIBS) $(PTHREAD_LIBS) -lpthread
	@tsan_run() { \
	  TOPONORM_LEXICON='$(abs_top_builddir)/toponorm.lex' \
	  TSAN_OPTIONS="halt_on_error=1 $$TSAN_OPTIONS" "$$@" ./$(TSAN_BIN) \
	    >$(TSAN_BIN).log 2>&1; }; \
	if tsan_run; then rc=0; else rc=$$?; fi; \
	if test $$rc -ne 0 && grep -q -e 'unexpected memory mapping' \
	    -e 'FATAL: ThreadSanitizer' $(TSAN_BIN).log; then \
	  echo "check-tsan: TSan cannot map its memory with ASLR on; retrying under setarch -R"; \
	  if tsan_run setarch `uname -m` -R; then rc=0; else rc=$$?; fi; \
	fi; \
	cat $(TSAN_BIN).log; \
	if test $$rc -ne 0 || grep -q 'WARNING: ThreadSanitizer' $(TSAN_BIN).log; then \
	  echo "check-tsan: FAILED (exit status $$rc; log in $(TSAN_BIN).log)"; exit 1; \
	fi; \
	echo "check-tsan: PASS (ThreadSanitizer reported nothing)"

## A text analyzed in pieces (toponorm_cut, toponorm_analyze_from) as whole.
check_PROGRAMS += tests/unit/test_pieces
tests_unit_test_pieces_SOURCES = tests/unit/test_pieces.c tests/unit/termsig.h
tests_unit_test_pieces_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_pieces_LDADD = $(TEST_LDADD)
TESTS += tests/unit/test_pieces

## toponorm_analyze_tokens against toponorm_analyze_from, term for term.
check_PROGRAMS += tests/unit/test_tokens
tests_unit_test_tokens_SOURCES = tests/unit/test_tokens.c tests/unit/termsig.h
tests_unit_test_tokens_CFLAGS = $(TEST_CFLAGS)
tests_unit_test_tokens_LDADD = $(TEST_LDADD)
TESTS += tests/unit/test_tokens
