#!/bin/sh
# toponorm index + search on a real Xapian database: every spelling finds
# every document, the query language, replace and delete by id, --json,
# --explain, --batch.
. "$top_srcdir/tests/tap.sh"
T=${TOPONORM:-toponorm}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
db=$tmp/db
docs=$top_srcdir/tests/search/docs.jsonl

# ids QUERY...: the ids found, sorted, on one line
ids() { "$T" search --json --limit 100 "$db" -- "$@" | sed 's/^{"id":"\([^"]*\)".*/\1/' | sort | tr '\n' ' '; }
# first QUERY...: the best hit's id
first() { "$T" search --json --limit 1 "$db" -- "$@" | sed 's/^{"id":"\([^"]*\)".*/\1/'; }

"$T" index "$db" "$docs"; is $? 0 "index a JSON Lines file: exit 0"

# Every spelling of Донецьк finds the documents in every other spelling.
all='de-1 en-1 en-2 pl-1 ru-1 uk-1 '
for q in Donetsk Донецьк Донецк "Donets'k" "Donets’k" Donezk Donieck DONETSK; do
    is "$(ids "$q")" "$all" "$q finds the Ukrainian, Russian, English, German and Polish documents"
done
# The document written in the query's own spelling ranks first.
is "$(first Донецк)" ru-1 "Донецк: the Russian document ranks first"
is "$(first Donezk)" de-1 "Donezk: the German document ranks first"
is "$(first "Donets'k")" en-2 "Donets'k: the document that writes Donets'k ranks first"
# Inflected forms meet through the stem: Мариуполь finds «Мариуполя».
is "$(ids Мариуполь)" "en-3 ru-2 uk-2 " "Мариуполь finds Mariupol, Мариуполя and Маріуполь"
is "$(ids Kharkiv)" "en-3 " "Kharkiv finds only the document that names it"
is "$(ids Харків)" "en-3 " "Харків (Cyrillic) finds the Latin Kharkiv"

# Query language.
is "$(ids Donetsk water)" "en-2 " "words are ANDed: Donetsk water"
is "$(ids Mariupol OR Kharkiv)" "en-3 ru-2 uk-2 " "OR: Mariupol OR Kharkiv (the place ids join every language)"
is "$(ids Kharkiv OR Мариуполя)" "en-3 ru-2 uk-2 " "OR: Kharkiv OR Мариуполя"
is "$(ids '"central Donetsk"')" "en-1 " "a phrase: \"central Donetsk\""
is "$(ids '"центральний Донецьк"')" "" "a phrase of words not adjacent in any document finds nothing"
is "$(ids '"місті Donetsk"')" "uk-1 " "a phrase in a mix of spellings: \"місті Donetsk\" finds «місті Донецьк»"
is "$(ids Donetsk -water)" "de-1 en-1 pl-1 ru-1 uk-1 " "-word excludes: Donetsk -water"
is "$(ids Donetsk -Donezk)" "" "-word excludes every spelling: Donetsk -Donezk finds nothing"
is "$(ids Donetsk -'"без воды"' -water)" "de-1 en-1 uk-1 " "-\"phrase\" excludes a phrase in any spelling (без воды, bez wody)"
is "$(ids "$(printf 'Донецьк')" --lang uk 2>/dev/null)" "" "options after -- are query words (no match for --lang)"
# Without --: an excluded word is still a query word, options stay options
# wherever they are (--limit 100 after the query, its value apart).
nodash() { "$T" search "$@" | sed 's/^{"id":"\([^"]*\)".*/\1/' | sort | tr '\n' ' '; }
is "$(nodash --json "$db" Donetsk -water --limit 100)" "de-1 en-1 pl-1 ru-1 uk-1 " \
    "-word excludes without --: Donetsk -water --limit 100"
is "$(nodash --json --lim=2 "$db" Donetsk -води | wc -w | tr -d ' ')" 2 "... an abbreviated option with = too: --lim=2 Donetsk -води"
"$T" search "$db" Donetsk -x >/dev/null 2>&1; is $? 1 "a one-letter -x is still an unknown option: exit 1"
got=$("$T" search --json --lang ru "$db" Donetsk | sed 's/^{"id":"\([^"]*\)".*/\1/' | tr '\n' ' ')
is "$got" "ru-1 " "--lang ru keeps only Russian documents"

# --limit, --offset, ranks.
is "$("$T" search --json --limit 2 "$db" Donetsk | wc -l | tr -d ' ')" 2 "--limit 2 gives 2 hits"
r=$("$T" search --json --limit 2 --offset 2 "$db" Donetsk | sed 's/.*"rank":\([0-9]*\).*/\1/' | tr '\n' ' ')
is "$r" "3 4 " "--offset 2: ranks 3 and 4"
a=$("$T" search --json --limit 6 "$db" Donetsk | sed -n 3,4p | sed 's/"rank".*//')
b=$("$T" search --json --limit 2 --offset 2 "$db" Donetsk | sed 's/"rank".*//')
is "$b" "$a" "--offset 2 gives hits 3 and 4 of the full list"

# --json field shapes.
line=$("$T" search --json --limit 1 "$db" Донецьк)
case "$line" in
  '{"id":"uk-1","rank":1,"score":'[0-9]*',"title":"Обстріл Донецька","matched":["Донецька","Донецьк"],"snippet":"'*'"}') r=0 ;;
  *) r=1; diag "$line" ;;
esac
ok $r "--json: id, rank, score, title, matched, snippet in that order"
line=$("$T" search --json "$db" "Donets'k" | grep '"id":"en-2"')
case "$line" in *'"matched":["Donets'"'"'k"]'*) r=0 ;; *) r=1; diag "$line" ;; esac
ok $r "--json matched: the spelling as the document writes it"
line=$("$T" search --json "$db" Donetsk | grep '"id":"uk-1"')
case "$line" in *'"matched":["Донецька","Донецьк"]'*) r=0 ;; *) r=1; diag "$line" ;; esac
ok $r "--json matched: a Latin query reports the Cyrillic spellings it found (Донецька by place id)"
case "$line" in *'"title"'*) r=0 ;; *) r=1 ;; esac; ok $r "title present when the document has one"
line=$("$T" search --json "$db" Donetsk | grep '"id":"en-2"')
case "$line" in *'"title"'*) r=1 ;; *) r=0 ;; esac; ok $r "no title when the document has none"
line=$("$T" search --json "$db" Kharkiv)
case "$line" in *'"snippet":"The port of Mariupol was damaged; Kharkiv also reported strikes."'*) r=0 ;;
  *) r=1; diag "$line" ;; esac
ok $r "snippet: the stored text around the match"

# In a phrase, only the words of its occurrences are matched spellings.
printf '{"id":"ph","text":"Water in Donetsk. The water of Donets%sk is back."}\n' "'" | "$T" index "$tmp/db3"
line=$("$T" search --json "$tmp/db3" '"water of Donetsk"')
case "$line" in *'"matched":["water","of","Donets'"'"'k"]'*) r=0 ;; *) r=1; diag "$line" ;; esac
ok $r "a phrase's matched spellings are those of its occurrence, not every Water and Donetsk"

# --explain says which spelling matched and how.
line=$("$T" search --json --explain "$db" Donetsk | grep '"id":"uk-1"')
case "$line" in *'{"spelling":"Донецьк","query":"Donetsk","via":"key","term":"doneck"}'*) r=0 ;;
  *) r=1; diag "$line" ;; esac
ok $r "--explain --json: Донецьк matched Donetsk via key doneck"
out=$("$T" search --explain "$db" Мариуполь | grep 'matched Мариуполя')
case "$out" in *"matched Мариуполя for Мариуполь via "*"place 701822"*) r=0 ;; *) r=1; diag "$out" ;; esac
ok $r "--explain (human): Мариуполя matched via the place id"
# Each reason once: the key term and the vocabulary word found by it
# (XKdoneck, doneck) are one reason, not two.
printf '{"id":"iso-1","text":"Catalogues using ISO 9 write Doneck for the city."}\n' |
    "$T" index "$tmp/explain-db"
out=$("$T" search --explain "$tmp/explain-db" "Donets'k" | grep 'matched Doneck')
case "$out" in *"matched Doneck for Donets'k via key doneck, place"*) r=0 ;; *) r=1; diag "$out" ;; esac
ok $r "--explain (human): Doneck via key doneck, once"
n=$("$T" search --json --explain "$tmp/explain-db" "Donets'k" | grep -o '"via":"key","term":"doneck"' | wc -l)
is "$n" 1 "--explain --json: one key reason for Doneck"
# A word that starts with a digit or '_' has no stem term (as in Xapian's
# TermGenerator): index and query agree that its surface finds it.
printf '{"id":"num-1","text":"Release 2.13 fixed _exit and 0x10."}\n' | "$T" index "$tmp/explain-db"
for q in 2.13 _exit 0x10 "fixed 2.13"; do
    is "$("$T" search --json "$tmp/explain-db" -- "$q" | sed 's/^{"id":"\([^"]*\)".*/\1/')" num-1 "$q finds its document"
done

# Human output: rank, id, title, snippet; no escape codes when piped.
out=$("$T" search "$db" Donezk)
case "$out" in "1. de-1  ("*")"*"In Donezk fiel erneut der Strom aus."*) r=0 ;; *) r=1; diag "$out" ;; esac
ok $r "human output: rank, id, score, snippet"
case "$out" in *"$(printf '\033')"*) r=1 ;; *) r=0 ;; esac
ok $r "no escape codes when stdout is not a TTY"
if command -v script >/dev/null 2>&1; then
    out=$(TERM=xterm script -qec "'$T' search '$db' Donezk" /dev/null 2>/dev/null)
    case "$out" in *"$(printf '\033[1;31m')Donezk$(printf '\033[0m')"*) r=0 ;; *) r=1; diag "$out" ;; esac
    ok $r "on a TTY the matched word is highlighted"
fi

# Hyphenated names and phrases of several words.  Stems carry no
# positions, so an inflected name in a phrase matches through its place id
# (which stands for all its words) or its joined form.
db2=$tmp/db2
printf '%s\n' '{"id":"if-1","text":"Колона з Івано-Франківська рушила з-за міста."}' \
    '{"id":"nk-1","text":"У Новій Каховці знову немає світла."}' \
    '{"id":"x-1","text":"Нова школа відкрилася в Каховці."}' \
    '{"id":"m-1","text":"Please send e-mail now."}' '{"id":"m-2","text":"Please send email now."}' \
    | "$T" index "$db2"
ids2() { "$T" search --json --limit 100 "$db2" -- "$@" | sed 's/^{"id":"\([^"]*\)".*/\1/' | sort | tr '\n' ' '; }
for q in Івано-Франківськ Ivano-Frankivsk "Ivano Frankivsk" '"з Ivano-Frankivsk рушила"'; do
    is "$(ids2 "$q")" "if-1 " "$q finds «Івано-Франківська» (inflected hyphenated name)"
done
for q in '"Нова Каховка"' '"Nova Kakhovka"' '"Новая Каховка"'; do
    is "$(ids2 "$q")" "nk-1 " "the phrase $q finds «у Новій Каховці», not «Нова школа ... в Каховці»"
done
for q in e-mail '"send e-mail now"'; do
    is "$(ids2 "$q")" "m-1 m-2 " "$q finds «send e-mail now» and «send email now» (a solid spelling)"
done
is "$(ids2 '"send e-mail later"')" "" "... but not the phrase \"send e-mail later\""
case "$("$T" search --json "$db2" -- '"Nova Kakhovka"')" in *'"matched":["Новій"]'*) r=0 ;; *) r=1 ;; esac
ok $r "a phrase that is a place name (\"Nova Kakhovka\") reports the document's spelling as matched"
is "$(ids2 '"з Івано-Франківська села"')" "" \
    "a phrase with a hyphenated word still needs its other words (з Івано-Франківська села)"
out=$("$T" search "$db2" з-за); r=$?
case "$r $out" in "0 1. if-1  ("*"рушила з-за міста."*) r=0 ;; *) r=1; diag "$r $out" ;; esac
ok $r "human output of a hyphenated query (з-за: matched whole and by parts)"
if command -v script >/dev/null 2>&1; then
    out=$(TERM=xterm script -qec "'$T' search '$db2' '\"рушила з-за міста\"'" /dev/null 2>/dev/null)
    e=$(printf '\033')
    case "$out" in *"$e[1;31mрушила$e[0m $e[1;31mз-за$e[0m $e[1;31mміста$e[0m"*) r=0 ;;
        *) r=1; diag "$out" ;; esac
    ok $r "on a TTY a phrase with a hyphenated word is highlighted word by word, once"
fi

# Every form of an ordinary word finds every other, the bare form too
# (the index stores a stem for every word, also one equal to the word).
db4=$tmp/db4
printf '%s\n' '{"id":"f-1","text":"Файл открыт."}' '{"id":"f-2","text":"Размер файла велик."}' \
    '{"id":"f-3","text":"Все файлы удалены."}' '{"id":"f-4","text":"Фаина пришла."}' | "$T" index "$db4"
for q in файл файла файлы Файлы; do
    is "$("$T" search --json --limit 100 "$db4" -- "$q" | sed 's/^{"id":"\([^"]*\)".*/\1/' | sort | tr '\n' ' ')" \
        "f-1 f-2 f-3 " "$q finds «Файл», «файла» and «файлы», not «Фаина»"
done

# No hits is not an error.
"$T" search "$db" Львів >"$tmp/out"; is $? 0 "no hits: exit 0"
is "$(wc -c <"$tmp/out" | tr -d ' ')" 0 "no hits: no output"

# Other JSON fields are stored with the document.
"$T" search --json "$db" Kharkiv >/dev/null; ok $? "a document with extra fields is searchable"

# The same id replaces the document; delete removes it.
printf '{"id":"en-1","text":"Kramatorsk station was hit.","lang":"en"}\n' | "$T" index "$db"
is $? 0 "index from stdin"
is "$(ids Donetsk)" "de-1 en-2 pl-1 ru-1 uk-1 " "re-indexed en-1 no longer matches its old text"
is "$(ids Краматорськ)" "en-1 " "re-indexed en-1 matches its new text"
is "$(ids Kramatorsk station)" "en-1 " "... once (the id is unique)"
"$T" delete "$db" en-1 ru-2; is $? 0 "delete two ids: exit 0"
is "$(ids Kramatorsk)" "" "a deleted document is gone"
is "$(ids Мариуполь)" "en-3 uk-2 " "the other deleted one too"
"$T" delete "$db" no-such-id 2>"$tmp/err"; is $? 2 "delete an unknown id: exit 2"
grep -q "no-such-id: no such document" "$tmp/err"; ok $? "... saying which id"
"$T" delete "$tmp/nodb" x 2>"$tmp/err"; is $? 3 "delete from a missing database: exit 3"
test ! -e "$tmp/nodb"; ok $? "... without creating it"

# Files are documents with their path as id; -r walks directories.
mkdir -p "$tmp/files/sub"
printf 'Вибухи: Запоріжжя вночі.\n' >"$tmp/files/a.txt"
printf 'Explosions in Zaporizhzhia overnight.\n' >"$tmp/files/sub/b.txt"
printf '{"id":"j1","text":"Zaporozhye again"}\n' >"$tmp/files/sub/c.jsonl"
printf '{"id":"j2","text":"Berdyansk port"}\n{"id":"j3","text":"Berdiansk beach"}\n' >"$tmp/files/sub/feed"
printf '{ braces in a plain text file about Berdyansk\n' >"$tmp/files/sub/plain"
"$T" index "$tmp/db2" "$tmp/files/a.txt"; is $? 0 "index a plain text file"
"$T" index "$tmp/db2" "$tmp/files" 2>"$tmp/err"; is $? 2 "a directory without -r: exit 2"
grep -q "is a directory (use -r)" "$tmp/err"; ok $? "... saying to use -r"
"$T" index -r "$tmp/db2" "$tmp/files"; is $? 0 "index -r a directory"
got=$("$T" search --json "$tmp/db2" Запоріжжя | sed 's/^{"id":"\([^"]*\)".*/\1/' | sort | tr '\n' ' ')
is "$got" "$tmp/files/a.txt $tmp/files/sub/b.txt j1 " \
   "files found by path id, across scripts (Запоріжжя / Zaporizhzhia / Zaporozhye)"
is "$("$T" search --json "$tmp/db2" Zaporozhye | sed 's/^{"id":"\([^"]*\)".*/\1/' | grep -v /)" j1 \
   "a .jsonl file under -r is JSON Lines"
got=$("$T" search --json "$tmp/db2" Бердянськ | sed 's/^{"id":"\([^"]*\)".*/\1/' | sort | tr '\n' ' ')
is "$got" "$tmp/files/sub/plain j2 j3 " "a file whose first line is an object with text is JSON Lines; one starting with { otherwise is text"
n=$("$T" search --json "$tmp/db2" '"Вибухи Запоріжжя"' | wc -l | tr -d ' ')
is "$n" 1 "the file indexed twice is one document"

# --batch: one query per line, plain or JSON; results carry the query.
printf 'Donezk\n{"query":"Kharkiv"}\n\nЛьвів\n' | "$T" search --batch --limit 1 "$db" >"$tmp/out"
is $? 0 "--batch: exit 0"
is "$(sed 's/"rank".*//' "$tmp/out" | tr '\n' ' ')" \
   '{"query":"Donezk","id":"de-1", {"query":"Kharkiv","id":"en-3", ' "--batch: JSON Lines with a query field"
printf 'Donezk\n{"query":\n{"q":"x"}\nKharkiv\n' | "$T" search --batch --limit 1 "$db" >"$tmp/out" 2>"$tmp/err"
is $? 2 "--batch with bad lines: exit 2"
is "$(wc -l <"$tmp/out" | tr -d ' ')" 2 "... the good queries still run"
grep -q '^stdin:2: invalid JSON' "$tmp/err"; ok $? "... stdin:2: invalid JSON"
grep -q '^stdin:3: missing "query"' "$tmp/err"; ok $? "... stdin:3: missing query"

printf '{"id":"deep","text":"x"}\n' | "$T" index "$tmp/new/dirs/db"; is $? 0 "index creates the database's missing parent directories"

# Several databases searched as one: --db repeated, or a Xapian stub file.
printf '{"id":"s1","text":"Донецьк"}\n' | "$T" index "$tmp/s1"
printf '{"id":"s2","text":"Donetsk"}\n{"id":"s3","text":"Kharkiv"}\n' | "$T" index "$tmp/s2"
is "$("$T" search --json --db "$tmp/s1" --db "$tmp/s2" Donetsk | sed 's/^{"id":"\([^"]*\)".*/\1/' | tr '\n' ' ')" \
   "s2 s1 " "--db twice: both databases, one ranking"
printf 'auto %s\nauto %s\n' "$tmp/s1" "$tmp/s2" >"$tmp/both.stub"
is "$("$T" search --json "$tmp/both.stub" Donetsk | sed 's/^{"id":"\([^"]*\)".*/\1/' | tr '\n' ' ')" \
   "s2 s1 " "a stub file listing both: the same"
"$T" search --db "$tmp/s1" --db "$tmp/none" Donetsk 2>/dev/null; is $? 3 "a missing second database: exit 3"

# The default database: $XDG_DATA_HOME/toponorm/db when no DB is given.
printf '{"id":"x1","text":"Бахмут"}\n' | XDG_DATA_HOME=$tmp/xdg "$T" index
is $? 0 "index with no DB: the default database"
test -d "$tmp/xdg/toponorm/db"; ok $? "... created under \$XDG_DATA_HOME/toponorm/db"
is "$(XDG_DATA_HOME=$tmp/xdg "$T" search --json Bakhmut | sed 's/^{"id":"\([^"]*\)".*/\1/')" x1 \
   "search with no DB uses it"
is "$(HOME=$tmp/home XDG_DATA_HOME= "$T" search Bakhmut 2>&1 >/dev/null; echo $?)" \
   "toponorm search: $tmp/home/.local/share/toponorm/db: no such database [DatabaseNotFoundError: Couldn't stat '$tmp/home/.local/share/toponorm/db']
3" "without XDG_DATA_HOME: ~/.local/share/toponorm/db (missing: exit 3)"

# Ordinary lower-case words are indexed without key terms (--keys names, the
# default); the database's vocabulary of their keys lets any spelling still
# find them: "bez wody" (Polish) finds «без воды», in a phrase too.
db=$tmp/names
"$T" index --quiet "$db" "$docs"
is "$(ids 'bez wody')" "pl-1 ru-1 " "bez wody finds без воды through the vocabulary"
is "$(ids '"без воды"')" "pl-1 ru-1 " "the phrase \"без воды\" finds bez wody"
"$T" index --quiet --keys all "$tmp/all" "$docs"; is $? 0 "index --keys all: exit 0"
for q in 'bez wody' '"без воды"' Donetsk 'Mariupol OR Kharkiv' '"central Donetsk"' 'снова Donieck'; do
    is "$("$T" search --json --limit 100 "$tmp/all" -- "$q" | sed 's/^{"id":"\([^"]*\)".*/\1/' | sort | tr '\n' ' ')" \
       "$(ids "$q")" "--keys all and --keys names find the same for $q"
done
"$T" index --keys every "$tmp/x" "$docs" 2>"$tmp/err"; is $? 1 "index --keys every: usage error"
grep -q "names or all" "$tmp/err"; ok $? "the message says which values"

# A word's vocabulary entry sits on the first document of a run that uses
# it; deleting or replacing that document moves the entry to another
# document with the word, so metro keeps finding the others' метро.
db=$tmp/vocab
printf '%s\n' '{"id":"a","text":"нове метро"}' '{"id":"b","text":"старе метро"}' \
    '{"id":"c","text":"метро на лівому березі"}' | "$T" index --quiet "$db"
is "$(ids metro)" "a b c " "metro finds every метро"
printf '%s\n' '{"id":"a","text":"нове депо"}' | "$T" index --quiet "$db"
is "$(ids metro)" "b c " "a replaced by a version without метро: metro still finds b and c"
"$T" delete "$db" b
is "$(ids metro)" "c " "b deleted: metro still finds c"
is "$(ids depo)" "a " "the replacing version's own words are in the vocabulary (depo finds депо)"

done_testing
