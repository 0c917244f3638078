## The iuliia conformance check (make check-conformance), filled in with the Russian tables.
.PHONY: check-conformance
