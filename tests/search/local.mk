## tests/search: toponorm index, search and delete on real Xapian databases
## in temporary directories (included from plugin/xapian/local.mk).
TESTS += tests/search/test_search.sh tests/search/test_errors.sh tests/search/test_kill.sh \
	tests/search/test_cases.sh
EXTRA_DIST += tests/search/test_search.sh tests/search/test_errors.sh tests/search/test_kill.sh \
	tests/search/test_cases.sh \
	tests/search/docs.jsonl
