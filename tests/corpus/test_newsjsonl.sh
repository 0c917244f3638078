#!/bin/sh
# The demo corpus, its search expectations, and the checker on broken lines.
exec "$top_builddir/tests/corpus/test_newsjsonl" "$top_srcdir/sample/news.jsonl" \
    "$top_srcdir/tests/data/search-cases.tsv" "$top_srcdir/tests/corpus/bad-news.jsonl"
