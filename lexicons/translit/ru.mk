## The Russian transliteration tables (included by Makefile.am), their golden
## files and the maintainer scripts that make them (tools/translit/ru/).
## Explicit lists, in a fixed order: the tables generated from the iuliia
## schemas (tools/translit/ru/iuliia2tsv.mjs, schema order), then the three
## written by hand.
##
TRANSLIT_RU = \
	lexicons/translit/ru-ala-lc.tsv \
	lexicons/translit/ru-bgn-pcgn.tsv \
	lexicons/translit/ru-bgn-pcgn-alt.tsv \
	lexicons/translit/ru-bs-2979.tsv \
	lexicons/translit/ru-gost-16876.tsv \
	lexicons/translit/ru-gost-52290.tsv \
	lexicons/translit/ru-gost-52535.tsv \
	lexicons/translit/ru-gost-7034.tsv \
	lexicons/translit/ru-gost-779.tsv \
	lexicons/translit/ru-gost-779-alt.tsv \
	lexicons/translit/ru-icao-doc-9303.tsv \
	lexicons/translit/ru-iso-9-1968.tsv \
	lexicons/translit/ru-iso-9-1968-alt.tsv \
	lexicons/translit/ru-mosmetro.tsv \
	lexicons/translit/ru-mvd-310-fr.tsv \
	lexicons/translit/ru-mvd-782.tsv \
	lexicons/translit/ru-scientific.tsv \
	lexicons/translit/ru-telegram.tsv \
	lexicons/translit/ru-ungegn-1987.tsv \
	lexicons/translit/ru-wikipedia.tsv \
	lexicons/translit/ru-yandex-maps.tsv \
	lexicons/translit/ru-yandex-money.tsv \
	lexicons/translit/ru-de-duden.tsv \
	lexicons/translit/ru-pl-pwn.tsv \
	lexicons/translit/ru-fr-practical.tsv \
	lexicons/translit/ru-ala-lc-alt.tsv \
	lexicons/translit/ru-bs-2979-alt.tsv \
	lexicons/translit/ru-gost-16876-alt.tsv \
	lexicons/translit/ru-iso-9-1954.tsv \
	lexicons/translit/ru-mvd-310.tsv


EXTRA_DIST += $(TRANSLIT_RU) \
	tests/golden/translit/ru-ala-lc.tsv \
	tests/golden/translit/ru-ala-lc-alt.tsv \
	tests/golden/translit/ru-bgn-pcgn.tsv \
	tests/golden/translit/ru-bgn-pcgn-alt.tsv \
	tests/golden/translit/ru-bs-2979.tsv \
	tests/golden/translit/ru-bs-2979-alt.tsv \
	tests/golden/translit/ru-gost-16876.tsv \
	tests/golden/translit/ru-gost-16876-alt.tsv \
	tests/golden/translit/ru-gost-52290.tsv \
	tests/golden/translit/ru-gost-52535.tsv \
	tests/golden/translit/ru-gost-7034.tsv \
	tests/golden/translit/ru-gost-779.tsv \
	tests/golden/translit/ru-gost-779-alt.tsv \
	tests/golden/translit/ru-icao-doc-9303.tsv \
	tests/golden/translit/ru-iso-9-1954.tsv \
	tests/golden/translit/ru-iso-9-1968.tsv \
	tests/golden/translit/ru-iso-9-1968-alt.tsv \
	tests/golden/translit/ru-mosmetro.tsv \
	tests/golden/translit/ru-mvd-310.tsv \
	tests/golden/translit/ru-mvd-310-fr.tsv \
	tests/golden/translit/ru-mvd-782.tsv \
	tests/golden/translit/ru-scientific.tsv \
	tests/golden/translit/ru-telegram.tsv \
	tests/golden/translit/ru-ungegn-1987.tsv \
	tests/golden/translit/ru-wikipedia.tsv \
	tests/golden/translit/ru-yandex-maps.tsv \
	tests/golden/translit/ru-yandex-money.tsv \
	tests/golden/translit/ru-de-duden.tsv \
	tests/golden/translit/ru-pl-pwn.tsv \
	tests/golden/translit/ru-fr-practical.tsv \
	tools/translit/ru/iuliia2tsv.mjs \
	tools/translit/ru/model.mjs \
	tools/translit/ru/geonames-names.sh \
	tools/translit/ru/select-names.mjs \
	tools/translit/ru/golden-names.txt \
	tools/translit/ru/golden-practical.sh \
	tools/translit/ru/handchecked.tsv
