#!/bin/sh
# The shipped gazetteer data (lexicons/places/*-*.tsv): every file valid, every name's id
# a place, no Latin name under uk/ru, and the places and names a user relies on present.
. "$top_srcdir/tests/tap.sh"
d="$top_srcdir/lexicons/places"
chk="$top_srcdir/tests/places-data/check-places.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

"$chk" "$d"/places-*.tsv "$d"/names-*.tsv > "$tmp/out"; rc=$?
ok $rc "check-places: every shipped file is valid ($(tail -1 "$tmp/out"))"
[ $rc -eq 0 ] || sed 's/^/# /' "$tmp/out" | head -20

cat "$d"/names-*.tsv | grep -v '^#' > "$tmp/names"
cat "$d"/places-*.tsv | grep -v '^#' > "$tmp/places"
# has ID LANG NAME TYPE [YEAR]: the names files say it
has() {
	awk -F'\t' -v id="$1" -v l="$2" -v n="$3" -v t="$4" -v y="${5:--}" \
	    '$1 == id && $2 == l && $3 == n && $4 == t && $5 == y { f = 1 } END { exit !f }' "$tmp/names"
	ok $? "$1 has $2 $4 name $3${5:+ ($5)}"
}
# ids LANG NAME: the places a name resolves to, as "id:country:kind" lines
ids() {
	awk -F'\t' -v l="$1" -v n="$2" 'NR == FNR { if ($2 == l && $3 == n) want[$1] = 1; next }
		$1 in want { print $1 ":" $3 ":" $2 }' "$tmp/names" "$tmp/places" | LC_ALL=C sort -u
}

# Kharkiv in every language people write it
for x in "uk Харків official" "ru Харьков official" "en Kharkiv official" \
         "en Kharkov historical" "de Charkiw official" "pl Charków official"; do
	set -- $x; has 706483 "$1" "$2" "$3"
done
# Bakhmut and its former name, which is also Kypuche's
has 713174 uk Бахмут official
for x in "uk Артемівськ" "ru Артемовск" "ru Артёмовск" "en Artemivsk" "en Artemovsk"; do
	set -- $x; has 713174 "$1" "$2" former 2016
done
is "$(ids uk Артемівськ | wc -l | tr -d ' ')" 2 "Артемівськ is the former name of two places (Бахмут, Кипуче)"
has x-kypuche uk Кипуче official
# Dnipro, Kropyvnytskyi, Pokrovsk: renamed in 2016; the catalogs' stale names are typed former
has 709930 uk Дніпро official
has 709930 uk Дніпропетровськ former 2016
has 709930 ru Днепропетровск former 2016
has 705812 uk Кіровоград former 2016
has 691999 uk Сіверськодонецьк official
has 691999 en "Syeverodonets'k" former 2024
has 691999 uk Сєвєродонецьк former 2024
has 704422 uk Покровськ official
has 704422 uk Красноармійськ former 2016
awk -F'\t' '$4 == "official" || $4 == "former" { k = $1 SUBSEP $2 SUBSEP $3
	if ((k, ($4 == "official" ? "former" : "official")) in seen) print $1, $2, $3; seen[k, $4] = 1 }' \
	"$tmp/names" > "$tmp/both"
is "$(head -3 "$tmp/both")" "" "no name is both official and former for one place (stale catalog names are typed former)"
# Homonyms stay distinct places
is "$(ids uk Донецьк | grep :city)" "$(printf '565348:RU:city\n709717:UA:city')" \
   "Донецьк: the Ukrainian city and the one in Rostov oblast, two ids"
is "$(ids ru Донецк | grep -c :city)" 2 "Донецк: two cities"
is "$(awk -F'\t' '$1 == "565348" { print $4 }' "$tmp/places")" RU-ROS "Donetsk RU lies in Rostov oblast"
is "$(awk -F'\t' '$1 == "709717" { print $4 }' "$tmp/places")" UA-14 "Donetsk UA lies in Donetsk oblast"
n=$(ids uk Первомайськ | wc -l | tr -d ' ')
[ "$n" -ge 2 ]; ok $? "Первомайськ names $n places (Mykolaiv and Luhansk oblasts)"
# Regions and the forms people write
for x in "uk|Донецька область|official" "ru|Донецкая область|official" "en|Donetsk Oblast|region-form" \
         "en|Donetsk region|region-form" "-|Donetska oblast|region-form" "uk|Донеччина|region-form" \
         "uk|Донецька обл.|region-form"; do
	IFS='|'; set -- $x; unset IFS; has UA-14 "$1" "$2" "$3"
done
has UA-63 uk Харківщина region-form
has UA-51 uk Одещина region-form
has UA-23 uk Запоріжчина region-form
has UA-43 uk Крим region-form
n=$(awk -F'\t' '$1 ~ /^UA-/ && $2 == "uk" && $4 == "official" && $3 ~ / область$/' "$tmp/names" | cut -f1 | sort -u | wc -l)
is "$(echo $n)" 24 "all 24 Ukrainian oblasts have their uk name"
n=$(awk -F'\t' '$1 ~ /^UA-/ && $2 == "en" && $3 ~ / region$/' "$tmp/names" | cut -f1 | sort -u | wc -l)
is "$(echo $n)" 24 "all 24 oblasts have an English \"X region\""
# Areas
for x in "uk Донбас" "ru Донбасс" "en Donbas"; do set -- $x; has x-donbas "$1" "$2" region-form; done
has x-donbas en Donbass variant
# Ukrainian names the uk catalog lacks (it gives the English name): from hunspell-uk by key
for x in "707292 Ізюм" "713716 Алчевськ" "688373 Ясинувата" "692832 Старобільськ" \
         "713259 Антрацит" "695357 Курахове" "710229 Дебальцеве"; do
	set -- $x; has "$1" uk "$2" official
done
# ... but not a look-alike the key joins: Доброполье's Ukrainian name is Добропілля
awk -F'\t' '$1 == "709900" && $2 == "uk" && $3 == "Доброполе" { f = 1 } END { exit f }' "$tmp/names"
ok $? "709900 (Dobropillia) has no uk name Доброполе"
# Chervonopartyzansk, renamed 2016; Vuhledar, a curated place libgeonames lacks
has 710548 uk Вознесенівка official
has 710548 uk Червонопартизанськ former 2016
has x-vuhledar uk Вугледар official
has x-vuhledar ru Угледар official
is "$(awk -F'\t' '$1 == "x-vuhledar" && $2 == "city" && $4 == "UA-14"' "$tmp/places" | wc -l | tr -d ' ')" 1 "Vuhledar is a city of Donetsk oblast"

# Coverage: every UA and RU city libgeonames has; every UA city in an oblast
is "$(awk -F'\t' '$3 == "UA" && $2 == "city" && $1 ~ /^[0-9]+$/' "$d/places-geonames.tsv" | wc -l | tr -d ' ')" 254 "254 Ukrainian cities"
is "$(awk -F'\t' '$3 == "RU" && $2 == "city"' "$d/places-geonames.tsv" | wc -l | tr -d ' ')" 971 "971 Russian cities"
is "$(awk -F'\t' '$3 == "UA" && $2 == "city" && $4 == "-"' "$tmp/places" | wc -l | tr -d ' ')" 0 "every Ukrainian city has its region"

# The checker itself fails on bad data and says where
bad() {  # bad NAME EXPECTED-MESSAGE-REGEX: check a tampered names file
	"$chk" "$d"/places-*.tsv "$tmp/names-bad.tsv" > "$tmp/out"; rc=$?
	is $rc 1 "check-places rejects $1"
	grep -Eq "$2" "$tmp/out"; ok $? "... and says $(echo "$2" | tr -d '\\^$')"
	[ $? -eq 0 ] || sed 's/^/# /' "$tmp/out" | head -5
}
hdr='# test\n# Sources:\n#   t  test\n'
printf "$hdr"'999999999\tuk\tНіде\tofficial\t-\tt\n' > "$tmp/names-bad.tsv"
bad "an unknown id" "names-bad.tsv:4: id 999999999 is no place"
printf "$hdr"'706483\tuk\tKharkiv\tofficial\t-\tt\n' > "$tmp/names-bad.tsv"
bad "a Latin uk name" "names-bad.tsv:4: Latin letters in a uk name"
printf "$hdr"'707758\tru\tГлухів\tofficial\t-\tt\n' > "$tmp/names-bad.tsv"
bad "a ru name with Ukrainian letters (the uk name copied)" "names-bad.tsv:4: Ukrainian letters in a ru name"
printf "$hdr"'695594\tuk\tРовны\tofficial\t-\tt\n' > "$tmp/names-bad.tsv"
bad "a uk name with Russian letters" "names-bad.tsv:4: Russian letters in a uk name"
printf "$hdr"'706483\tuk\tХарків\tformer\t-\tt\n' > "$tmp/names-bad.tsv"
bad "a former name without a year" "names-bad.tsv:4: a former name needs the year"
printf "$hdr"'706483\tuk\tХарків\tofficial\t-\tt\n706483\tru\tХарьков\tofficial\t-\tt\n' > "$tmp/names-bad.tsv"
bad "an unsorted file" "names-bad.tsv:5: not sorted"
printf "$hdr"'706483\tuk\tХарків\tofficial\t-\n' > "$tmp/names-bad.tsv"
bad "a short row" "names-bad.tsv:4: has 5 fields, want 6"
printf "$hdr"'706483\tuk\tХарків\tofficial\t-\tnope\n' > "$tmp/names-bad.tsv"
bad "an unexplained source" "names-bad.tsv:4: source .nope. is not explained"
done_testing
