## The gazetteer: places, names, morphology, precision (tests/places/).
TESTS += tests/places/test_places.sh tests/places/test_lexicon_cli.sh
EXTRA_DIST += tests/places/test_places.sh tests/places/test_lexicon_cli.sh tests/places/cases-fixture.tsv \
	tests/places/places-fixture.tsv tests/places/names-fixture.tsv \
	tests/places/ambiguous-fixture.tsv

## Precision and recall on the shipped gazetteer.
check_PROGRAMS += tests/places/test_precision tests/places/test_recall
tests_places_test_precision_SOURCES = tests/places/test_precision.c
tests_places_test_precision_CFLAGS = $(TEST_CFLAGS)
tests_places_test_precision_LDADD = $(TEST_LDADD)
tests_places_test_recall_SOURCES = tests/places/test_recall.c
tests_places_test_recall_CFLAGS = $(TEST_CFLAGS)
tests_places_test_recall_LDADD = $(TEST_LDADD)
TESTS += tests/places/test_precision.sh tests/places/test_recall.sh
EXTRA_DIST += tests/places/test_precision.sh tests/places/test_recall.sh \
	tests/places/ordinary-sentences.tsv tools/ambiguous/make-sentences
