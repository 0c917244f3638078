#!/bin/sh
# The place term on a fixture gazetteer: every kind of name, romanisation,
# inflected form, multi-word name and region phrase meets at its place id;
# ordinary words stay ordinary (cases-fixture.tsv).  Also the compiler's
# errors on bad gazetteer files, and a lexicon without places.
. "$top_srcdir/tests/tap.sh"
T=${TOPONORM:-toponorm}
LEXC="$top_builddir/lexc"
F="$top_srcdir/tests/places"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# The shipped tables (no shipped places) plus the fixture.
srcs=$(sed -n '/^lexicons\/\(key\|translit\)\//p' "$top_builddir/sources.list" |
       sed "s|^|$top_srcdir/|")
# shellcheck disable=SC2086
"$LEXC" -o "$tmp/p.lex" $srcs "$F/places-fixture.tsv" "$F/names-fixture.tsv" \
    "$F/ambiguous-fixture.tsv" 2>"$tmp/err"
ok $? "lexc compiles the tables and the fixture gazetteer"
cat "$tmp/err" | sed 's/^/# /'

# The place ids of a text, in order of position.
places() {  # places TEXT MODE
    if [ "$2" = query ]; then q=--query; else q=; fi
    printf '%s\n' "$1" | TOPONORM_LEXICON="$tmp/p.lex" "$T" analyze $q |
        grep -o 'place:[^ ]*' | sed 's/place://' | tr '\n' ' ' | sed 's/ $//'
}

while IFS='	' read -r text mode want; do
    case "$text" in '#'*|'') continue ;; esac
    got=$(places "$text" "$mode")
    [ "$want" = - ] && want=
    is "$got" "$want" "$mode: $text -> ${want:-no place}"
done < "$F/cases-fixture.tsv"

# A multi-word name: the id at the first word's position, once.
out=$(printf 'у Кривому Розі' | TOPONORM_LEXICON="$tmp/p.lex" "$T" analyze)
is "$(printf '%s\n' "$out" | grep -c 'place:')" 1 "Кривому Розі: one place term"
is "$(printf '%s\n' "$out" | grep 'place:' | cut -f1)" 2 "...at the position of Кривому"
# colocated: the place term comes with the word's other terms, same token
is "$(printf 'Харків' | TOPONORM_LEXICON="$tmp/p.lex" "$T" analyze --json | grep -c '"kind":"place"')" 1 \
   "--json: the place term is one of the token's terms"
# Snowball mis-stems place names (Харьков -> харьк, Харькова -> харьков);
# every form of a place, uk or ru, stems to one name instead
stems=$(printf 'Харьков Харькова Харькове Харьковом Харкова Харкові' |
        TOPONORM_LEXICON="$tmp/p.lex" "$T" analyze | grep -o 'stem:[^ ]*' | sort -u | tr '\n' ' ')
is "$stems" "stem:харків " "the forms of Харьков and Харків share the stem харків (Snowball: харьк, харьков)"

# The light Ukrainian stemmer (plugin/stem/stem_uk.c): case forms of one
# ordinary word share a stem; different words keep apart.
stems=$(printf 'книга книги книгою обстрілу обстріли обстрілом' |
        TOPONORM_LEXICON="$tmp/p.lex" "$T" analyze --lang uk | grep -o 'stem:[^ ]*' | tr '\n' ' ')
is "$stems" "stem:книг stem:книг stem:книг stem:обстріл stem:обстріл stem:обстріл " \
   "uk stems: книга/книги/книгою -> книг, обстрілу/обстріли/обстрілом -> обстріл"

# A lexicon without places: no place terms, the other terms unchanged.
# shellcheck disable=SC2086
"$LEXC" -o "$tmp/np.lex" $srcs 2>/dev/null
a=$(printf 'у Харкові, Kharkov' | TOPONORM_LEXICON="$tmp/np.lex" "$T" analyze)
b=$(printf 'у Харкові, Kharkov' | TOPONORM_LEXICON="$tmp/p.lex" "$T" analyze --json |
    grep -c '"kind":"place"')
is "$(printf '%s\n' "$a" | grep -c 'place:')" 0 "a lexicon without places: no place term"
is "$b" 2 "...and with the fixture, both words get one"

# lexc errors: file:line: message, nothing written.
bad() {  # bad NAME FILE-CONTENT EXPECTED-MESSAGE-PART
    printf '%b' "$2" > "$tmp/$1"
    rm -f "$tmp/bad.lex"
    # shellcheck disable=SC2086
    "$LEXC" -o "$tmp/bad.lex" $srcs "$F/places-fixture.tsv" "$tmp/$1" 2>"$tmp/err"
    rc=$?
    ok $([ $rc -eq 1 ] && [ ! -e "$tmp/bad.lex" ]; echo $?) "lexc: $3: exit 1, nothing written"
    grep -q "^$tmp/$1:[0-9]*: .*$3" "$tmp/err"
    ok $? "lexc: $3: reported as file:line: message" || sed 's/^/# /' "$tmp/err"
}
bad places-bad-id.tsv '# c\n12ab\tcity\tUA\t-\t-\tX\n' "bad place id"
bad places-bad-kind.tsv 'x-a\ttown\tUA\t-\t-\tX\n' "unknown kind"
bad places-columns.tsv 'x-a\tcity\tUA\t-\tX\n' "5 columns"
bad names-columns.tsv '706483\tuk\tХарків\tofficial\t-\n' "5 columns"
bad names-utf8.tsv '706483\tuk\tХар\377ків\tofficial\t-\tsrc\n' "invalid UTF-8"
bad names-unknown-id.tsv '999999\tuk\tНіде\tofficial\t-\tsrc\n' "unknown place id"
bad names-type.tsv '706483\tuk\tХарків\tcapital\t-\tsrc\n' "unknown name type"
bad names-lang.tsv '706483\txx\tХарків\tofficial\t-\tsrc\n' "unknown language"
bad places-region.tsv 'x-a\tcity\tUA\tUA-99\t-\tX\n' "unknown region id"
bad names-year.tsv '706483\tuk\tХарків\tformer\t19\tsrc\n' "bad year"
bad places-dup.tsv 'x-a\tcity\tUA\t-\t-\tX\nx-a\tcity\tUA\t-\t-\tY\n' "defined twice"
bad ambiguous-policy.tsv 'сума\tuk\tsometimes\tx\n' "unknown policy"

# Deterministic: the same sources give the same bytes.
# shellcheck disable=SC2086
"$LEXC" -o "$tmp/p2.lex" $srcs "$F/places-fixture.tsv" "$F/names-fixture.tsv" \
    "$F/ambiguous-fixture.tsv" 2>/dev/null
cmp -s "$tmp/p.lex" "$tmp/p2.lex"; ok $? "lexc output is deterministic"

done_testing
