## The Ukrainian transliteration tables (included by Makefile.am), their
## golden files and the maintainer scripts that make the golden files
## (tools/translit/uk/gen-golden.sh).  Explicit lists, in a fixed order.
TRANSLIT_UK = \
	lexicons/translit/uk-kmu-2010.tsv \
	lexicons/translit/uk-bgn-pcgn-1965.tsv \
	lexicons/translit/uk-iso-9.tsv \
	lexicons/translit/uk-gost-779-b.tsv \
	lexicons/translit/uk-ala-lc.tsv \
	lexicons/translit/uk-ala-lc-plain.tsv \
	lexicons/translit/uk-scholarly.tsv \
	lexicons/translit/uk-bs-2979.tsv \
	lexicons/translit/uk-de-duden.tsv \
	lexicons/translit/uk-pl-pwn.tsv \
	lexicons/translit/uk-fr-practical.tsv

EXTRA_DIST += $(TRANSLIT_UK) \
	tests/golden/translit/uk-kmu-2010.tsv \
	tests/golden/translit/uk-bgn-pcgn-1965.tsv \
	tests/golden/translit/uk-iso-9.tsv \
	tests/golden/translit/uk-gost-779-b.tsv \
	tests/golden/translit/uk-ala-lc.tsv \
	tests/golden/translit/uk-ala-lc-plain.tsv \
	tests/golden/translit/uk-scholarly.tsv \
	tests/golden/translit/uk-bs-2979.tsv \
	tests/golden/translit/uk-de-duden.tsv \
	tests/golden/translit/uk-pl-pwn.tsv \
	tests/golden/translit/uk-fr-practical.tsv \
	tools/translit/uk/extract-names.py \
	tools/translit/uk/names.tsv \
	tools/translit/uk/oracle-kmu.js \
	tools/translit/uk/oracle-icu.sh \
	tools/translit/uk/handchecked.txt \
	tools/translit/uk/gen-golden.sh
