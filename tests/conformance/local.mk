## The iuliia conformance check: every sample the iuliia npm package ships for
## its schemas, through the matching ru-* table (tests/conformance/iuliia.sh).
## `make check-conformance`; not part of `make check`: it needs node and npm
## (and the registry, the first time: iuliia is cached in the build tree under
## tests/conformance/iuliia-cache/).  Skipped, not failed, when those are
## missing (the script exits 77).
.PHONY: check-conformance
EXTRA_DIST += tests/conformance/iuliia.sh tests/conformance/iuliia-exclusions.tsv
check-conformance: toponorm$(EXEEXT) toponorm.lex
	@TOPONORM='$(abs_top_builddir)/toponorm$(EXEEXT)' \
	TOPONORM_LEXICON='$(abs_top_builddir)/toponorm.lex' \
	IULIIA_CACHE='$(abs_top_builddir)/tests/conformance/iuliia-cache' \
	$(SHELL) $(abs_top_srcdir)/tests/conformance/iuliia.sh '$(abs_top_srcdir)'; \
	rc=$$?; \
	if test $$rc -eq 77; then echo "check-conformance: SKIPPED"; exit 0; fi; \
	exit $$rc
