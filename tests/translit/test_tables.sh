#!/bin/sh
# Every shipped transliteration table passes its samples and its golden file
# (tests/golden/translit/NAME.tsv): one TAP case per table.
. "$top_srcdir/tests/tap.sh"
T=${TOPONORM:-toponorm}
golden="$top_srcdir/tests/golden/translit"
names=$("$T" translit --list | cut -d' ' -f1)
for name in $names; do
    out=$("$T" check --golden "$golden" "$name")
    ok $? "table $name: samples and golden file"
    printf '%s\n' "$out" | grep -v '^check: ' | sed 's/^/# /' | head -20
    printf '%s\n' "$out" | grep '^check: ' | sed 's/^/# /'
done
[ -n "$names" ] || diag "no transliteration tables in the lexicon"
done_testing
