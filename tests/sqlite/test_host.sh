#!/bin/sh
# The C host (tests/sqlite/host.c) loads the extension with sqlite3_load_extension.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
"$top_builddir/tests/sqlite/host" "${TOPONORM_SQLITE_MODULE:?}" "$tmp"
