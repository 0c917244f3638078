#!/bin/sh
# check-places.sh FILE...: validate gazetteer files (lexicons/places/README.md format).
# Files named places-*.tsv hold places, names-*.tsv names; every names row's id must be a
# place of one of the given places files.  Prints FILE:LINE: PROBLEM for each problem and
# exits 1 if there is one; on success prints "N places, M names".
# POSIX sh + awk, no Python: it runs in `make check`.
if [ $# -eq 0 ]; then echo "usage: check-places.sh FILE..." >&2; exit 2; fi
for f in "$@"; do
	[ -r "$f" ] || { echo "$f: cannot read" >&2; exit 1; }
done
# Places files first (names refer to them), each file read once.
set -- $(for f in "$@"; do case ${f##*/} in places-*) echo "$f";; esac; done) \
       $(for f in "$@"; do case ${f##*/} in places-*) ;; *) echo "$f";; esac; done)
LC_ALL=C exec ${AWK:-awk} -F'\t' '
function err(msg) {
	if (++bad <= 50) printf "%s:%d: %s\n", FILENAME, FNR, msg
	else if (bad == 51) print "(more problems not shown)"
}
FNR == 1 {
	base = FILENAME; sub(/.*\//, "", base)
	if (base ~ /^places-.*\.tsv$/) what = "places"
	else if (base ~ /^names-.*\.tsv$/) what = "names"
	else { what = "?"; err("not a places-*.tsv or names-*.tsv file") }
	prev = ""; hdr = " "; seenrow = 0; nfiles++
}
/^#/ {
	if (!seenrow) { h = $0; gsub(/[^A-Za-z0-9_.+-]+/, " ", h); hdr = hdr h " " }
	next
}
/^$/ { err("empty line"); next }
{
	seenrow++
	if (seenrow == 1 && hdr !~ / [Ss]ources? /)
		err("no header comment naming the sources")
	if ($0 < prev || $0 == prev)
		err($0 == prev ? "duplicate line" : "not sorted (byte order of the whole line)")
	prev = $0
	if (NF != 6) { err("has " NF " fields, want 6"); next }
	for (i = 1; i <= 6; i++)
		if ($i == "" || $i ~ /^ | $/) { err("field " i " is empty or has outer spaces"); next }
}
what == "places" {
	if ($1 !~ /^([0-9]+|[A-Z][A-Z]|[A-Z][A-Z]-[0-9A-Z]+|x-[a-z0-9]+(-[a-z0-9]+)*)$/)
		err("bad place id \"" $1 "\"")
	if ($2 !~ /^(city|region|area|country)$/) err("bad kind \"" $2 "\"")
	if ($3 !~ /^[A-Z][A-Z]$/) err("bad country \"" $3 "\"")
	if ($5 != "-" && $5 !~ /^[0-9]+$/) err("bad population \"" $5 "\"")
	if ($1 in kind) err("place " $1 " defined again (first at " where[$1] ")")
	kind[$1] = $2; where[$1] = FILENAME ":" FNR
	if ($4 != "-") { reg[$1] = $4; regwhere[$1] = FILENAME ":" FNR }
	places++
	next
}
what == "names" {
	if (!($1 in kind)) err("id " $1 " is no place of the places files")
	if ($2 !~ /^(uk|ru|en|de|pl|fr|be|-)$/) err("bad lang \"" $2 "\"")
	if ($4 !~ /^(official|former|historical|exonym|region-form|variant)$/) err("bad type \"" $4 "\"")
	if ($4 == "former" && $5 !~ /^[12][0-9][0-9][0-9]$/) err("a former name needs the year it stopped being official")
	if ($4 != "former" && $5 != "-") err("year is only for former names")
	if ($2 ~ /^(uk|ru|be)$/ && $3 ~ /[A-Za-z]|[\303-\311]/) err("Latin letters in a " $2 " name: " $3)
	if ($2 ~ /^(en|de|pl|fr)$/ && $3 ~ /[\320-\323]/) err("Cyrillic letters in a " $2 " name: " $3)
	# і ї є ґ (and capitals) are not Russian letters; ы э ъ ё are not Ukrainian ones
	if ($2 == "ru" && $3 ~ /\321\226|\321\227|\321\224|\322\221|\320\206|\320\207|\320\204|\322\220/)
		err("Ukrainian letters in a ru name: " $3)
	if ($2 == "uk" && $3 ~ /\321\213|\321\215|\321\212|\321\221|\320\253|\320\255|\320\252|\320\201/)
		err("Russian letters in a uk name: " $3)
	if (index(hdr, " " $6 " ") == 0) err("source \"" $6 "\" is not explained in the header")
	names++
	next
}
END {
	for (id in reg)
		if (!(reg[id] in kind) || kind[reg[id]] != "region") {
			printf "%s: region %s of %s is no region\n", regwhere[id], reg[id], id; bad++
		}
	if (bad) exit 1
	printf "%d places, %d names\n", places, names
}' "$@"
