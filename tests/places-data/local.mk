## tests/places-data: the gazetteer data and its importer.
TESTS += tests/places-data/test_integrity.sh tests/places-data/test_import.sh
EXTRA_DIST += tests/places-data/test_integrity.sh tests/places-data/test_import.sh \
	tests/places-data/check-places.sh \
	tests/places-data/sample/UA.txt tests/places-data/sample/RU.txt \
	tests/places-data/sample/alternateNamesV2.txt \
	tests/places-data/sample/expected-places.tsv tests/places-data/sample/expected-names.tsv
