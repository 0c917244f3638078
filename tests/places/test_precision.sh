#!/bin/sh
# Ordinary words that are also place names, in sentences (test_precision.c).
. "$top_srcdir/tests/tap.sh"
if ! printf 'Харків\n' | "${TOPONORM:?}" analyze | grep -q 'place:'; then
    echo "1..0 # SKIP the lexicon has no gazetteer"
    exit 0
fi
exec "$top_builddir/tests/places/test_precision" "$top_srcdir/tests/places/ordinary-sentences.tsv"
