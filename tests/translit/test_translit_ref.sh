#!/bin/sh
# The compiled transliteration tables agree with the reference rule engine.
exec "$top_builddir/tests/translit/test_translit_ref" "$top_srcdir/tests/golden/translit"
