## The gazetteer: places, names, morphology, precision (tests/places/).
TESTS += tests/places/test_places.sh
EXTRA_DIST += tests/places/test_places.sh tests/places/cases-fixture.tsv \
	tests/places/places-fixture.tsv tests/places/names-fixture.tsv \
	tests/places/ambiguous-fixture.tsv
