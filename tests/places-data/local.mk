## tests/places-data: the gazetteer data and its tools.
TESTS += tests/places-data/test_integrity.sh
EXTRA_DIST += tests/places-data/test_integrity.sh tests/places-data/check-places.sh
