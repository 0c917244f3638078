#!/bin/sh
# toponorm lexicon show NAME and toponorm lexicon compile (the user's own
# places layered over the shipped sources).
. "$top_srcdir/tests/tap.sh"
T=${TOPONORM:-toponorm}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
if ! printf 'Харків\n' | "$T" analyze | grep -q 'place:'; then
    echo "1..0 # SKIP the lexicon has no gazetteer"
    exit 0
fi

# show: any spelling or form finds the place; every name with language,
# type and year; the spelling of every shipped table.
"$T" lexicon show 'у Харкові' > "$tmp/show"; is $? 0 "show 'у Харкові': exit 0"
head -1 "$tmp/show" | grep -q '^XP706483  Kharkiv  city  UA'; ok $? "the place: XP706483 Kharkiv, city, UA"
grep -q '^  Харків  *uk  *official' "$tmp/show"; ok $? "its uk official name"
grep -q '^  Kharkov  *en  *historical' "$tmp/show"; ok $? "its historical English spelling"
grep -q '^    uk-kmu-2010  *Kharkiv$' "$tmp/show"; ok $? "the uk official name by uk-kmu-2010"
grep -q '^    ru-bgn-pcgn  *Khar’kov$' "$tmp/show"; ok $? "the ru official name by ru-bgn-pcgn"
n=$(grep -c '^    uk-' "$tmp/show"); m=$("$T" translit --list | grep -c '^uk-')
is "$n" "$m" "one line per shipped uk table"
"$T" lexicon show Артемівськ | grep -q '^  Артемівськ  *uk  *former  *2016'
ok $? "show Артемівськ: Bakhmut, with its former name and the year of the rename"
"$T" lexicon show Донецк | grep -c '^XP' > "$tmp/n"; is "$(cat "$tmp/n")" 2 "show Донецк: both homonyms"
"$T" lexicon show Ніде 2>"$tmp/err"; is $? 2 "an unknown name: exit 2"
grep -q "no place in the lexicon is called 'Ніде'" "$tmp/err"; ok $? "...and says so"
"$T" lexicon show 2>/dev/null; is $? 1 "no name: usage, exit 1"

# compile: the shipped sources plus the user's directory.
export TOPONORM_SOURCES="$top_builddir/sources.list" TOPONORM_SOURCES_DIR="$top_srcdir"
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data"
mkdir -p "$XDG_CONFIG_HOME/toponorm/places"
printf '# my places\nx-my-village\tcity\tUA\tUA-14\t-\tMy Village\n' \
    > "$XDG_CONFIG_HOME/toponorm/places/places-mine.tsv"
printf 'x-my-village\tuk\tЗолотий Колодязь\tofficial\t-\tmine\n706483\tuk\tСлобожанська столиця\tvariant\t-\tmine\n' \
    > "$XDG_CONFIG_HOME/toponorm/places/names-mine.tsv"
"$T" lexicon compile 2>"$tmp/err"; is $? 0 "compile: shipped sources + ~/.config/toponorm/places"
lex="$XDG_DATA_HOME/toponorm/toponorm.lex"
test -s "$lex"; ok $? "the default output: \$XDG_DATA_HOME/toponorm/toponorm.lex"
got=$(printf 'До Золотого Колодязя і до Слобожанської столиці' |
      TOPONORM_LEXICON="$lex" "$T" analyze | grep -o 'place:[^ ]*' | tr '\n' ' ')
is "$got" "place:x-my-village place:706483 " "the user's place and the name added to a shipped one, inflected"
got=$(printf 'Харків' | TOPONORM_LEXICON="$lex" "$T" analyze | grep -o 'place:[^ ]*')
is "$got" "place:706483" "the shipped places are all still there"
TOPONORM_LEXICON="$lex" "$T" lexicon show 'Золотий Колодязь' | grep -q '^  Золотий Колодязь  *uk  *official  *-  *mine$'
ok $? "show on the user's lexicon lists the user's name and source"
# a bad user file: file:line: message, nothing written
printf 'x-other\tuk\tІнше\tofficial\t-\tmine\n' > "$tmp/names-bad.tsv"
"$T" lexicon compile -o "$tmp/bad.lex" "$tmp/names-bad.tsv" 2>"$tmp/err"; is $? 2 "compile with a bad file: exit 2"
grep -q "^$tmp/names-bad.tsv:1: unknown place id 'x-other'" "$tmp/err"; ok $? "...reported as file:line: message"
test ! -e "$tmp/bad.lex"; ok $? "...and nothing written"
"$T" lexicon compile --bogus 2>/dev/null; is $? 1 "compile --bogus: usage, exit 1"
done_testing
