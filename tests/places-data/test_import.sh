#!/bin/sh
# toponorm-import-geonames on a small sample in the GeoNames dump formats
# (sample/UA.txt, sample/RU.txt with CRLF line ends, sample/alternateNamesV2.txt): the
# places and names a user gets, the rows it must ignore, malformed rows reported as
# FILE:LINE and skipped, and nothing half-written when it fails.
. "$top_srcdir/tests/tap.sh"
imp="$top_srcdir/lexicons/places/toponorm-import-geonames"
s="$top_srcdir/tests/places-data/sample"
tmp=$(mktemp -d) || exit 1
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
mkdir "$tmp/o"

(cd "$s" && sh "$imp" -o "$tmp/o" -r "$top_srcdir/lexicons/places/admin1-iso.tsv" \
	-a alternateNamesV2.txt UA.txt RU.txt) 2> "$tmp/err"
is $? 0 "imports the sample"
P="$tmp/o/places-geonames-dump.tsv" N="$tmp/o/names-geonames-dump.tsv"
# name ID LANG NAME: the type and year the import gave that name
name() { awk -F'\t' -v i="$1" -v l="$2" -v n="$3" '$1 == i && $2 == l && $3 == n { print $4, $5 }' "$N"; }
place() { awk -F'\t' -v i="$1" '$1 == i { print $2, $3, $4, $5, $6 }' "$P"; }

is "$(place 706483)" "city UA UA-63 1430885 Kharkiv" "Kharkiv: a city in Kharkiv oblast (region mapped by -r)"
is "$(place 565348)" "city RU RU-ROS 50850 Donetsk" "Donetsk RU from a CRLF file: Rostov oblast"
is "$(place 709717)" "city UA UA-14 929063 Donetsk" "Donetsk UA stays a place of its own"
is "$(place 709716)" "" "an ADM1 row (feature class A) is no city"
is "$(grep -vc '^#' "$P")" 7 "7 populated places"
is "$(name 706483 uk Харків)" "official -" "preferred uk name: official"
is "$(name 706483 en Kharkov)" "historical -" "isHistoric=1 without a year: historical"
is "$(name 713174 uk Артемівськ)" "former 2016" "isHistoric=1 with to=2016: former 2016"
is "$(name 713174 ru Артёмовск)" "former 2016" "ru former name, year from the to column"
is "$(name 498817 ru Питер)" "variant -" "isColloquial=1: variant"
is "$(name 498817 ru Ленинград)" "former 1991" "Leningrad: former 1991"
is "$(name 709717 uk Донецьк)" "official -" "a plain name, no preferred one in that language: official"
is "$(name 697592 uk Первомайськ)" "former 2024" "Pervomaisk (Luhansk oblast) renamed 2024"
is "$(name 697593 uk Первомайськ)" "official -" "... while Pervomaisk (Mykolaiv oblast) keeps the name"
is "$(name 709717 uk Donetsk)" "" "a Latin name under uk is dropped"
is "$(name 706483 ru Харків)" "" "a Ukrainian name labelled ru is dropped"
is "$(name 709716 uk 'Донецька область')" "" "a name of a place not imported is dropped"
is "$(grep -v '^#' "$N" | grep -Ec 'https?:|Q42193|61000|BKH')" 0 "link, wkdt, post and abbr rows are ignored"
grep -q "^UA.txt:5: malformed geoname row: 4 fields, want 19; row skipped$" "$tmp/err"
ok $? "a malformed geoname row is reported as FILE:LINE and skipped"
grep -q "^alternateNamesV2.txt:14: malformed alternate name row: 5 fields, want 10; row skipped$" "$tmp/err"
ok $? "a malformed alternate name row is reported as FILE:LINE and skipped"
diff "$s/expected-places.tsv" "$P" > "$tmp/d" && diff "$s/expected-names.tsv" "$N" >> "$tmp/d"
ok $? "output equals the reviewed expected files"
[ -s "$tmp/d" ] && sed 's/^/# /' "$tmp/d" | head -20
"$top_srcdir/tests/places-data/check-places.sh" "$top_srcdir/lexicons/places/places-iso-codes.tsv" "$P" "$N" > "$tmp/c"
ok $? "the output is valid gazetteer data ($(tail -1 "$tmp/c"))"
grep -q 'CC BY 4.0' "$P" && grep -q 'CC BY 4.0' "$N"; ok $? "both files carry the GeoNames attribution"

# Without -a: places and their main names only; -m keeps the big ones
mkdir "$tmp/o2"
sh "$imp" -o "$tmp/o2" -m 1000000 "$s/UA.txt" "$s/RU.txt" 2>/dev/null
is "$(grep -v '^#' "$tmp/o2/places-geonames-dump.tsv" | cut -f1 | tr '\n' ' ')" "498817 706483 " "-m 1000000: only the cities of a million"
is "$(grep -v '^#' "$tmp/o2/names-geonames-dump.tsv" | cut -f2 | sort -u)" "-" "without -a only the main names"

# Failures leave nothing behind
sh "$imp" -o "$tmp/o2" -a "$tmp/missing.txt" "$s/UA.txt" 2>"$tmp/err"; is $? 1 "a missing alternate names file is an error"
grep -q "missing.txt: cannot read" "$tmp/err"; ok $? "... naming the file"
echo old > "$tmp/o2/places-geonames-dump.tsv"; echo old > "$tmp/o2/names-geonames-dump.tsv"
printf 'UA.05 UA-14\n' > "$tmp/badmap.tsv"
sh "$imp" -o "$tmp/o2" -r "$tmp/badmap.tsv" "$s/UA.txt" 2>"$tmp/err"; is $? 1 "a malformed region map is an error"
grep -q "badmap.tsv:1: want CC.admin1<TAB>region" "$tmp/err"; ok $? "... reported as FILE:LINE"
is "$(cat "$tmp/o2/places-geonames-dump.tsv" "$tmp/o2/names-geonames-dump.tsv" | tr '\n' ' ')" "old old " \
   "... and the previous output files are left as they were"
is "$(ls -A "$tmp/o2" | grep -c '^\.')" 0 "... with no temporary file left behind"
sh "$imp" -o "$tmp/o2/places-geonames-dump.tsv" "$s/UA.txt" 2>/dev/null; is $? 1 "an output path that is no directory is an error"
sh "$imp" 2>/dev/null; is $? 2 "no input: usage error"
done_testing
