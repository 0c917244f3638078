#!/bin/sh
# The FTS5 tokenizer inside the real sqlite3 shell: every spelling of a place
# finds the rows written in the others, highlight() marks the right words,
# phrases, NEAR and prefix queries work, bad options say what is wrong, and
# a 1 MB row, invalid UTF-8 and NUL bytes go through.
. "$top_srcdir/tests/tap.sh"
need_host "$SQLITE3_SHELL" sqlite3 "the sqlite3 shell"
mod=${TOPONORM_SQLITE_MODULE:?}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
db=$tmp/news.db

# An ASan-built module needs the ASan runtime first in the uninstrumented shell.
sql() {
    if [ -n "${TOPONORM_SQLITE_PRELOAD:-}" ]; then
        LD_PRELOAD=$TOPONORM_SQLITE_PRELOAD ASAN_OPTIONS=detect_leaks=0 \
            "$SQLITE3_SHELL" -batch "$db" ".load $mod" "$@"
    else
        "$SQLITE3_SHELL" -batch "$db" ".load $mod" "$@"
    fi
}
# rows QUERY: the rowids MATCH finds, space-separated
rows() {
    sql "SELECT group_concat(rowid, ' ') FROM (SELECT rowid FROM docs WHERE docs MATCH '$1' ORDER BY rowid)"
}

sql "CREATE VIRTUAL TABLE docs USING fts5(body, tokenize='toponorm')" \
    "INSERT INTO docs(rowid, body) VALUES
      (1, 'Місто Донецьк'), (2, 'Город Донецк'), (3, 'News from Donets''k today'),
      (4, 'Donetsk Oblast'), (5, 'Doneck, Ukraina'), (6, 'Обстріл у Донецьку вночі'),
      (7, 'Взрывы в Донецке'), (8, 'Слов''янськ: новини'), (9, 'Slovyansk and Kramatorsk'),
      (10, 'Славянск сегодня'), (11, 'Sloviansk railway station'), (12, 'Харків і Львів'),
      (13, 'Kharkov in 1990'), (14, 'Kharkiv today'), (15, 'Харьков вчера'),
      (16, 'Москва и Moscow'), (17, 'Івано-Франківськ вітає')"
ok $? "CREATE VIRTUAL TABLE ... tokenize='toponorm' and INSERT"

# Every spelling of Donetsk finds every nominative (the key) and, through
# the place id (issue 4), every inflected form in either language.
is "$(rows 'Донецьк')" "1 2 3 4 5 6 7" "Донецьк finds uk/ru/en/pl spellings, у Донецьку, в Донецке"
is "$(rows 'Донецк')" "1 2 3 4 5 6 7" "Донецк finds every spelling, у Донецьку, в Донецке"
is "$(rows 'Donetsk')" "1 2 3 4 5 6 7" "Donetsk finds Донецьк, Донецк, Donets'k, Doneck"
is "$(rows '"Donets''k"')" "1 2 3 4 5 6 7" "\"Donets'k\" (apostrophe, quoted) finds the same"
is "$(rows 'DONECK')" "1 2 3 4 5 6 7" "DONECK (case) finds the same"
is "$(rows 'Донецьку')" "1 2 3 6 7" \
   "Донецьку finds the city (not Doneck opening a row: met by key only; nor Donetsk Oblast, the region)"
is "$(rows 'Donetsk')" "1 2 3 4 5 6 7" "Donetsk finds у Донецьку and в Донецке"
is "$(rows 'Slovyansk')" "8 9 10 11" "Slovyansk finds Слов'янськ and Sloviansk"
is "$(rows '"Слов''янськ"')" "8 9 11" "\"Слов'янськ\" (quoted) finds Slovyansk and Sloviansk"
is "$(rows 'Слов’янськ')" "8 9 10 11" "Слов’янськ (U+2019, a bareword) finds the same"
is "$(rows 'Slovyansk')" "8 9 10 11" "Slovyansk finds Славянск"
is "$(rows 'Харків')" "12 13 14 15" "Харків finds Kharkiv"
is "$(rows 'Kharkov')" "12 13 14 15" "Kharkov finds Харьков"
is "$(rows 'Kharkov')" "12 13 14 15" "Kharkov finds Харків and Kharkiv"
is "$(rows 'Харків')" "12 13 14 15" "Харків finds Харьков and Kharkov"
is "$(rows 'Moscow')" "16" "Moscow finds only its own row"
is "$(rows 'Donetsk OR Moscow')" "1 2 3 4 5 6 7 16" "OR still works"

# Phrases, NEAR, prefixes and column filters.
is "$(rows '"from Donetsk today"')" "3" "phrase \"from Donetsk today\" finds Donets'k"
is "$(rows '"today Донецк"')" "" "phrase in the wrong order finds nothing"
is "$(rows 'NEAR(Донецк today, 2)')" "3" "NEAR(Донецк today, 2)"
is "$(rows '"Ivano-Frankivsk"')" "17" "\"Ivano-Frankivsk\" finds Івано-Франківськ"
is "$(rows 'донец*')" "1 2 3 4 5 6 7" "донец* finds every script (surface and key prefixes)"
is "$(rows 'slov*')" "8 9 11" "slov* finds Слов'янськ"
is "$(rows 'харк*')" "12 13 14 15" "харк* finds Kharkiv and Kharkov (key prefix xark)"
is "$(rows 'body:Donetsk')" "1 2 3 4 5 6 7" "column filter body:Donetsk"

# highlight() and snippet() mark the original words, whatever term matched.
is "$(sql "SELECT highlight(docs, 0, '[', ']') FROM docs WHERE docs MATCH 'Донецк' AND rowid = 3")" \
   "News from [Donets'k] today" "highlight marks Donets'k for Донецк"
is "$(sql "SELECT highlight(docs, 0, '[', ']') FROM docs WHERE docs MATCH 'Донецьк' AND rowid = 6")" \
   "Обстріл у [Донецьку] вночі" "highlight marks Донецьку (multibyte offsets)"
is "$(sql "SELECT highlight(docs, 0, '<', '>') FROM docs WHERE docs MATCH '\"Ivano-Frankivsk\"'")" \
   "<Івано-Франківськ> вітає" "highlight marks the hyphenated compound"
is "$(sql "SELECT snippet(docs, 0, '[', ']', '…', 3) FROM docs WHERE docs MATCH 'Slovyansk' AND rowid = 8")" \
   "[Слов'янськ]: новини" "snippet marks Слов'янськ"

# Options.
sql "CREATE VIRTUAL TABLE ukdocs USING fts5(body, tokenize='toponorm lang uk')" \
    "INSERT INTO ukdocs VALUES ('Донецьк'), ('Київ')"
is "$(sql "SELECT count(*) FROM ukdocs WHERE ukdocs MATCH 'Donetsk'")" "1" "tokenize='toponorm lang uk' works"
sql "CREATE VIRTUAL TABLE lexdocs USING fts5(body, tokenize='toponorm lexicon ''$TOPONORM_LEXICON'' cache 0')" \
    "INSERT INTO lexdocs VALUES ('Донецьк')"
is "$(sql "SELECT count(*) FROM lexdocs WHERE lexdocs MATCH 'Donetsk'")" "1" "lexicon PATH and cache 0 options"
sql "CREATE VIRTUAL TABLE nostem USING fts5(body, tokenize='toponorm stem off')" \
    "INSERT INTO nostem(rowid, body) VALUES (1, 'Донецк: взрыв'), (2, 'Взрывы и новини')"
is "$(sql "SELECT group_concat(rowid, ' ') FROM nostem WHERE nostem MATCH 'взрыв'")" "1" \
   "stem off: взрыв no longer finds Взрывы"
is "$(sql "SELECT group_concat(rowid, ' ') FROM docs WHERE docs MATCH 'взрыв'")" "7" \
   "stem on (the default): взрыв finds Взрывы"
is "$(sql "SELECT group_concat(rowid, ' ') FROM nostem WHERE nostem MATCH 'Donetsk'")" "1" \
   "stem off: keys still join the spellings"
# keys names (the default): lower-case common words get no key in a
# document, so a romanised one (metro) finds only its own spelling; keys all
# keys every word (FTS5 has no vocabulary to look the keys up in at query time).
sql "CREATE VIRTUAL TABLE allkeys USING fts5(body, tokenize='toponorm keys all')" \
    "INSERT INTO allkeys(rowid, body) VALUES (1, 'нове метро'), (2, 'the metro'), (3, 'Метро')" \
    "CREATE VIRTUAL TABLE namekeys USING fts5(body, tokenize='toponorm')" \
    "INSERT INTO namekeys(rowid, body) VALUES (1, 'нове метро'), (2, 'the metro'), (3, 'Метро')"
is "$(sql "SELECT group_concat(rowid, ' ') FROM allkeys WHERE allkeys MATCH 'metro'")" "1 2 3" \
   "keys all: metro finds метро, metro and Метро"
is "$(sql "SELECT group_concat(rowid, ' ') FROM namekeys WHERE namekeys MATCH 'metro'")" "2 3" \
   "keys names: metro finds metro and the capitalised Метро, not lower-case метро"
# stem on (the default): an ordinary word is indexed by its stem alone, so
# each form finds the others, highlight() marks the word as written, a
# prefix longer than the stem still finds it, and the index holds one term
# per ordinary word; stem both keeps the form too.
sql "CREATE VIRTUAL TABLE forms USING fts5(body, tokenize='toponorm')" \
    "INSERT INTO forms(rowid, body) VALUES (1, 'Донецк остался без света'), (2, 'светом и теплом'), (3, 'темно')" \
    "CREATE VIRTUAL TABLE formsv USING fts5vocab(forms, 'row')" \
    "CREATE VIRTUAL TABLE both_ USING fts5(body, tokenize='toponorm stem both')" \
    "INSERT INTO both_(rowid, body) VALUES (1, 'Донецк остался без света'), (2, 'светом и теплом')" \
    "CREATE VIRTUAL TABLE bothv USING fts5vocab(both_, 'row')"
is "$(sql "SELECT group_concat(rowid, ' ') FROM forms WHERE forms MATCH 'свет'")" "1 2" "stem on: свет finds света, светом"
is "$(sql "SELECT highlight(forms, 0, '[', ']') FROM forms WHERE forms MATCH 'светом*'")" \
   "Донецк остался без [света]
[светом] и теплом" "stem on: светом* (longer than the stem свет) finds света and светом, marked as written"
is "$(sql "SELECT group_concat(rowid, ' ') FROM forms WHERE forms MATCH '\"без света\"'")" "1" \
   "stem on: a phrase of ordinary words"
is "$(sql "SELECT count(*) FROM formsv WHERE term IN ('света', 'светом')")" "0" \
   "stem on: the forms света, светом are not in the index (their stem is)"
is "$(sql "SELECT group_concat(term, ' ') FROM (SELECT term FROM bothv WHERE term IN ('света', 'светом', 'свет') ORDER BY term)")" \
   "свет света светом" "stem both: the forms and the stem are in the index"
for bad in "keys some|tokenize option 'keys': 'some' is not names or all" \
           "lang xx|tokenize option 'lang': 'xx' is not uk, ru or en" \
           "stem maybe|tokenize option 'stem': 'maybe' is not on, both or off" \
           "colour red|unknown tokenize option 'colour'" \
           "lang|tokenize option 'lang' needs a value" \
           "cache 3|tokenize option 'cache': '3' is not a multiple of 4" \
           "lexicon ''$tmp/none.lex''|$tmp/none.lex: cannot open"; do
    opt=${bad%%|*}; want=${bad#*|}
    out=$(sql ".log stdout" "CREATE VIRTUAL TABLE bad USING fts5(body, tokenize='toponorm $opt')" 2>&1)
    st=$?
    case $out in *"$want"*) r=0 ;; *) r=1; diag "$out" ;; esac
    ok $(( r || ! st )) "bad option '$opt' fails and .log names it: $want"
    out=$(sql "SELECT toponorm_check('$opt')" 2>&1)
    case $out in *"$want"*) r=0 ;; *) r=1; diag "$out" ;; esac
    ok $r "toponorm_check('$opt') says: $want"
done
is "$(sql "SELECT quote(toponorm_check('toponorm lang ru'))")" "NULL" "toponorm_check of good options is NULL"
is "$(sql "SELECT count(*) FROM sqlite_master WHERE name = 'bad'")" "0" "no table is left behind"

# A 1 MB row, invalid UTF-8 and NUL bytes.
awk 'BEGIN { for (i = 0; i < 50000; i++) printf "Слово word %d ", i; printf "наприкінці Donetsk" }' > "$tmp/big.txt"
sql "INSERT INTO docs(rowid, body) VALUES (100, CAST(readfile('$tmp/big.txt') AS TEXT))"
ok $? "insert a $(wc -c < "$tmp/big.txt")-byte row"
is "$(rows 'наприкінці')" "100" "the 1 MB row's last words are found"
is "$(sql "SELECT substr(h, instr(h, '[')) FROM (SELECT highlight(docs, 0, '[', ']') h FROM docs WHERE docs MATCH '\"наприкінці Донецьк\"' AND rowid = 100)")" \
   "[наприкінці Donetsk]" "highlight at the end of the 1 MB row"
sql "INSERT INTO docs(rowid, body) VALUES (101, CAST(X'446F6E65FF74736B20C328D094D0BED0BDD0B5D186D18CD0BA20ED9FBF' AS TEXT)),
       (102, CAST(X'4D6F73636F77004B6861726B6976' AS TEXT)), (103, CAST(X'C0AFE080AFF880808080' AS TEXT))"
ok $? "insert rows with invalid UTF-8 and NUL bytes"
is "$(sql "SELECT group_concat(rowid, ' ') FROM docs WHERE docs MATCH 'Донецк' AND rowid > 100")" "101" \
   "the word after invalid bytes is found"
is "$(sql "SELECT group_concat(rowid, ' ') FROM docs WHERE docs MATCH 'Kharkiv' AND rowid > 100")" "102" \
   "a word after a NUL byte is found"
is "$(rows 'tsk')" "101" "an invalid byte separates words (Done<FF>tsk)"
long=$(awk 'BEGIN { for (i = 0; i < 300; i++) printf "a" }')
sql "INSERT INTO docs(rowid, body) VALUES (104, 'Донецьк $long Slovyansk')"
is "$(sql "SELECT group_concat(rowid, ' ') FROM docs WHERE docs MATCH 'Donetsk AND Sloviansk'")" "104" \
   "both words around a 300-letter word are indexed"
is "$(rows '"Donetsk Sloviansk"')" "" "a phrase does not match across a word too long to index"
is "$(sql "SELECT count(*) FROM docs WHERE docs MATCH 'NEAR(Donetsk Sloviansk, 1)' AND rowid = 104")" "1" \
   "NEAR counts the long word as one position"
sql "INSERT INTO docs(docs) VALUES ('integrity-check')"
ok $? "FTS5 integrity-check passes over every row"
done_testing
