#!/bin/sh
# golden-practical.sh: regenerate the golden files of the hand-written Russian
# tables, tests/golden/translit/ru-{de-duden,pl-pwn,fr-practical}.tsv, from
# tools/translit/ru/golden-names.txt.
#
#   tools/translit/ru/golden-practical.sh [TABLE...]    (default: the three)
#
# Run from the top of a built tree.  No independent oracle exists for these
# practical transcriptions, so the expected values are the table's own output
# (toponorm translit), frozen; the rows listed in handchecked.tsv were checked
# by hand against the rules (reference §3 and the sources named in each table).
# The golden file then guards the table against unintended changes: a changed
# rule shows up as a `toponorm check` failure, to be judged and regenerated.
# Environment: TOPONORM (default ./toponorm), TOPONORM_LEXICON (default
# ./toponorm.lex).
set -eu
here=$(dirname "$0")
T=${TOPONORM:-./toponorm}
TOPONORM_LEXICON=${TOPONORM_LEXICON:-$PWD/toponorm.lex}
export TOPONORM_LEXICON
out=tests/golden/translit
[ $# -gt 0 ] || set -- ru-de-duden ru-pl-pwn ru-fr-practical

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
# main names, then the supplement (after its comment line)
sed -n '/^# supplement/q;/^#/d;p' "$here/golden-names.txt" | cut -f1 > "$tmp/main"
sed -n '/^# supplement/,$p' "$here/golden-names.txt" | sed '/^#/d' | cut -f1 > "$tmp/supp"

for t in "$@"; do
    f="$out/$t.tsv"
    "$T" translit --scheme "$t" < "$tmp/main" > "$tmp/main.out"
    "$T" translit --scheme "$t" < "$tmp/supp" > "$tmp/supp.out"
    {
        echo "# Golden rows for lexicons/translit/$t.tsv (CYRILLIC<TAB>EXPECTED)."
        echo "# Names: tools/translit/ru/golden-names.txt = the Russian names of cities of Russia and"
        echo "#   Ukraine in Debian libgeonames-common 0.3.0-1 (/usr/share/locale/ru/LC_MESSAGES/geonames.mo),"
        echo "#   picked by tools/translit/ru/geonames-names.sh."
        echo "# Expected: the table's own output (toponorm translit --scheme $t), frozen; no"
        echo "#   independent oracle exists.  The rows of tools/translit/ru/handchecked.tsv for this"
        echo "#   table were checked by hand against the rules its header names."
        echo "# Regenerate: tools/translit/ru/golden-practical.sh $t (from a built tree)."
        paste "$tmp/main" "$tmp/main.out"
        echo "# Supplement: ъ, шч and тц occur in no Russian/Ukrainian city name of the catalogue;"
        echo "# these are Russian names of cities elsewhere, from the same catalogue."
        paste "$tmp/supp" "$tmp/supp.out"
    } > "$f.tmp"
    mv "$f.tmp" "$f"
    echo "$f: $(grep -vc '^#' "$f") rows" >&2
done
