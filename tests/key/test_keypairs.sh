#!/bin/sh
# Run the key-pair test over the data files (tests/data/).
exec "$top_builddir/tests/key/test_keypairs" "$top_srcdir/tests/data/key-meet.tsv" \
    "$top_srcdir/tests/data/key-distinct.tsv"
