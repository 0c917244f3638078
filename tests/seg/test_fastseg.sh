#!/bin/sh
# The fast segmenter against ICU, on generated text and the repository's real text.
exec "$top_builddir/tests/seg/test_fastseg" "$top_srcdir/sample/sentences.txt" \
    "$top_srcdir/tests/data/key-meet.tsv" "$top_srcdir/tests/data/key-distinct.tsv" \
    "$top_srcdir/README.md"
