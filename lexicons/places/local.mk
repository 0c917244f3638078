## lexicons/places: the gazetteer's text files (format: lexicons/places/README.md).
## The generated ones are rewritten by tools/places/regenerate (maintainers only; the build
## needs no Python); the curated ones are edited by hand, one sourced fact per row.

# Shipped data, in load order: places before the names that refer to them, regions
# before the cities inside them.  The lexicon compiler reads this list.
PLACES_SRC = \
	lexicons/places/places-iso-codes.tsv \
	lexicons/places/places-geonames.tsv \
	lexicons/places/places-renames.tsv \
	lexicons/places/places-areas.tsv \
	lexicons/places/places-curated.tsv \
	lexicons/places/names-iso-codes.tsv \
	lexicons/places/names-geonames.tsv \
	lexicons/places/names-renames.tsv \
	lexicons/places/names-historical-en.tsv \
	lexicons/places/names-exonyms.tsv \
	lexicons/places/names-areas.tsv \
	lexicons/places/names-curated.tsv

EXTRA_DIST += $(PLACES_SRC) lexicons/places/README.md lexicons/places/renames.tsv \
	tools/places/regenerate tools/places/gen-places.py tools/places/geonames-dump.c

# For users with full GeoNames dumps: POSIX sh + awk, no Python.
# Its region map is installed beside the lexicon ($(pkgdatadir)/admin1-iso.tsv).
dist_bin_SCRIPTS = lexicons/places/toponorm-import-geonames
dist_pkgdata_DATA = lexicons/places/admin1-iso.tsv

include tests/places-data/local.mk
