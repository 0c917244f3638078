#!/bin/sh
# shellcheck disable=SC1111  # the typographic quotes in messages are the point
# Regenerate the golden files tests/golden/translit/uk-*.tsv from
# tools/translit/uk/names.tsv (made by extract-names.py).
#
#   tools/translit/uk/gen-golden.sh [SCHEME...]     (SCHEME: kmu-2010, iso-9, ...; default all)
#
# Run from the top of a built tree.  Expected values:
#   uk-kmu-2010       npm cyrillic-to-translit-js 3.2.1, preset 'uk' (oracle-kmu.js)
#   uk-bgn-pcgn-1965  ICU uk-uk_Latn/BGN, marks as printed (oracle-icu.sh bgn)
#   uk-iso-9          ICU Cyrillic-Latin, deviations mapped (oracle-icu.sh iso)
#   the others        no independent oracle exists: the table's own output
#                     (toponorm translit), with the names of handchecked.txt
#                     checked by hand against the reference tables.
# For the oracle tables the script also runs the table and lists every row
# where oracle and table differ (the golden file keeps the oracle's value;
# `toponorm check` then fails until the table or the oracle is judged).
#
# Environment: TOPONORM (default ./toponorm), TOPONORM_LEXICON (default
# ./toponorm.lex), CTT_DIR (a directory with node_modules/cyrillic-to-translit-js
# and node_modules/lodash.invert; default: unpacked from `npm pack` into a
# temporary directory).  Needs node/npm and uconv (Debian icu-devtools).
set -eu
here=$(dirname "$0")
T=${TOPONORM:-./toponorm}
export TOPONORM_LEXICON="${TOPONORM_LEXICON:-$PWD/toponorm.lex}"
out=tests/golden/translit
all="kmu-2010 bgn-pcgn-1965 iso-9 gost-779-b ala-lc ala-lc-plain scholarly bs-2979 de-duden pl-pwn fr-practical"
# shellcheck disable=SC2086  # split the list into arguments
[ $# -gt 0 ] || set -- $all

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
grep -v '^#' "$here/names.tsv" | cut -f1 > "$tmp/names"
n=$(wc -l < "$tmp/names")

ctt_dir() {
    if [ -n "${CTT_DIR:-}" ]; then
        echo "$CTT_DIR"
        return
    fi
    d="$tmp/npm"
    mkdir -p "$d/node_modules/cyrillic-to-translit-js" "$d/node_modules/lodash.invert"
    (cd "$d" && npm pack --silent cyrillic-to-translit-js@3.2.1 lodash.invert@4.3.0 >/dev/null)
    tar xzf "$d/cyrillic-to-translit-js-3.2.1.tgz" -C "$d/node_modules/cyrillic-to-translit-js" --strip-components=1
    tar xzf "$d/lodash.invert-4.3.0.tgz" -C "$d/node_modules/lodash.invert" --strip-components=1
    echo "$d"
}

names_note="# Names: tools/translit/uk/names.tsv ($n names, the same for every uk-* golden file):
#   the Ukrainian names of the cities of Ukraine in Debian libgeonames0/libgeonames-common
#   0.3.0-1 (GeoNames ids with country UA; /usr/share/locale/uk/LC_MESSAGES/geonames.mo),
#   the UA-* subdivisions of iso-codes 4.15.0-1 (iso_3166-2.json, uk/iso_3166-2.mo), then
#   the Ukrainian names of Polish cities with ґ, щ or зг; picked by
#   tools/translit/uk/extract-names.py (see its docstring for what it rejects)."

for s in "$@"; do
    f="$out/uk-$s.tsv"
    case $s in
    kmu-2010)
        node "$here/oracle-kmu.js" "$(ctt_dir)" < "$tmp/names" > "$tmp/exp"
        expected="# Expected: independent oracle, the npm package cyrillic-to-translit-js 3.2.1, preset 'uk'
#   (tools/translit/uk/oracle-kmu.js), which implements the 2010 national system; it
#   reproduces all 50 examples of the resolution (reference §4).  Its known deviations
#   (hyphen is no word start; capitals-only words) are not exercised by these names." ;;
    bgn-pcgn-1965)
        "$here/oracle-icu.sh" bgn < "$tmp/names" > "$tmp/exp"
        expected="# Expected: independent oracle, ICU 72.1 uk-uk_Latn/BGN (uconv, Debian icu-devtools) via
#   tools/translit/uk/oracle-icu.sh bgn: apostrophes fed as U+2019, then ʹ -> ’, ʺ -> ”
#   and the middle dot removed, as the printed 1965 table has it." ;;
    iso-9)
        "$here/oracle-icu.sh" iso < "$tmp/names" > "$tmp/exp"
        expected="# Expected: independent oracle, ICU 72.1 Cyrillic-Latin (uconv, Debian icu-devtools) via
#   tools/translit/uk/oracle-icu.sh iso, with ICU's deviations from ISO 9:1995 mapped
#   (í -> ì for і, í̈ -> ï for ї) and every apostrophe written ’ (U+2019)." ;;
    gost-779-b|ala-lc|ala-lc-plain|scholarly|bs-2979|de-duden|pl-pwn|fr-practical)
        "$T" translit --scheme "uk-$s" < "$tmp/names" > "$tmp/exp"
        expected="# Expected: no independent oracle exists for this standard: the output of
#   lexicons/translit/uk-$s.tsv (toponorm translit --scheme uk-$s).
#   These $(grep -vc '^#' "$here/handchecked.txt") rows were checked by hand, letter by letter, against the
#   reference's letter tables (shared/reference/transliteration.md §2; the list is
#   tools/translit/uk/handchecked.txt):
$(grep -v '^#' "$here/handchecked.txt" |
    awk '{ a[NR] = $0 }
         END { for (i = 1; i <= NR; i++) {
                   printf "%s%s%s", (i % 6 == 1 ? "#     " : " "), a[i], (i < NR ? "," : ".")
                   if (i % 6 == 0 || i == NR) print ""
               } }')"
        [ "$s" != gost-779-b ] || expected="$expected
# UNVERIFIED standard: the reference's GOST 7.79-2000 B column is from memory."
        ;;
    *)
        echo "gen-golden.sh: unknown scheme '$s' (one of: $all)" >&2
        exit 2 ;;
    esac
    [ "$(wc -l < "$tmp/exp")" -eq "$n" ] || { echo "gen-golden.sh: $s: row count differs" >&2; exit 1; }
    {
        echo "# Golden rows for lexicons/translit/uk-$s.tsv (CYRILLIC<TAB>EXPECTED)."
        echo "$names_note"
        echo "$expected"
        echo "# Regenerate: tools/translit/uk/gen-golden.sh $s   (top of a built tree)"
        paste "$tmp/names" "$tmp/exp"
    } > "$f.tmp"
    mv "$f.tmp" "$f"
    case $s in
    kmu-2010|bgn-pcgn-1965|iso-9)
        "$T" translit --scheme "uk-$s" < "$tmp/names" > "$tmp/got"
        d=$(paste "$tmp/names" "$tmp/exp" "$tmp/got" | awk -F'\t' '$2 != $3' | wc -l)
        echo "$f: $n rows from the oracle; $d differ from the table"
        paste "$tmp/names" "$tmp/exp" "$tmp/got" | awk -F'\t' '$2 != $3 { print "  " $1 ": oracle " $2 ", table " $3 }'
        ;;
    *)
        echo "$f: $n rows from the table" ;;
    esac
done
