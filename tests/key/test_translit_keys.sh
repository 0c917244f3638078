#!/bin/sh
# The match key meets every transliteration table on the golden names.
exec "$top_builddir/tests/key/test_translit_keys" "$top_srcdir/tests/golden/translit" \
    "$top_srcdir/tests/data/translit-key-exceptions.tsv"
