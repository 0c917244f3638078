#!/bin/sh
# The index filter inside the real Sphinx 2.2: indexer builds an index of
# uk/ru/en documents through toponorm_sphinx.so, a real searchd serves it on
# 127.0.0.1, and queries written by `toponorm analyze --query --format
# sphinx` go over the MySQL protocol.  Every spelling of a place finds the
# documents written in the others.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sphinx/lib.sh"

port=$(free_port) && api=$(free_port) || { echo "Bail out! no free port"; exit 1; }
conf="$tmp/one.conf"
{ sphx_searchd one "$port" "$api"; sphx_index idx "$top_srcdir/tests/sphinx/docs.tsv"; sphx_rt_index rt; } > "$conf"

sphx_run_indexer "$conf" idx; rc=$?
is "$rc" 0 "indexer builds the index through the filter"
[ "$rc" -eq 0 ] || sed 's/^/# /' "$tmp/indexer.out"
grep -q 'collected 18 docs' "$tmp/indexer.out"; ok $? "indexer read the 18 documents"

# The extra words are in the dictionary, next to Sphinx's own.
"$(dirname "$SPHINX_INDEXER")/indextool" --config "$conf" --dumpdict idx > "$tmp/dict" 2>&1
grep -q '^xkdoneck,4,4,' "$tmp/dict"; ok $? "dictionary: key xkdoneck in the 4 documents that spell Донецьк in the nominative"
grep -q "^donets'k,1,1," "$tmp/dict"; ok $? "dictionary: Sphinx's own token donets'k stays (the apostrophe is in charset_table)"

# The README's example config, with this build's paths, indexes the same.
sed -e "s|plugin_dir = .*|plugin_dir = $plugin_dir|" \
    -e "s|tsvpipe_command = .*|tsvpipe_command = cat $top_srcdir/tests/sphinx/docs.tsv|" \
    -e "s|path = .*/news\$|path = $tmp/news|" \
    -e "s|:toponorm:lang=uk|:toponorm:lang=uk;lexicon=$TOPONORM_LEXICON|" \
    "$top_srcdir/plugin/sphinx/sphinx.conf.example" > "$tmp/example.conf"
sphx_run_indexer "$tmp/example.conf" news
ok $? "plugin/sphinx/sphinx.conf.example works as documented" || sed 's/^/# /' "$tmp/indexer.out"
"$(dirname "$SPHINX_INDEXER")/indextool" --config "$tmp/example.conf" --dumpdict news 2>&1 |
    grep -q '^xkdoneck,4,4,'; ok $? "... and its index has the extra words"

# Bad options stop the indexer with the filter's own message (before searchd
# starts: it locks the index).
bad() {  # bad OPTIONS EXPECTED-MESSAGE NAME
    sed "s|toponorm_sphinx.so:toponorm:lexicon=[^ ]*|toponorm_sphinx.so:toponorm:$1|" "$conf" > "$tmp/bad.conf"
    "$SPHINX_INDEXER" --config "$tmp/bad.conf" idx > "$tmp/bad.out" 2>&1
    grep -qF "$2" "$tmp/bad.out" || { sed 's/^/# /' "$tmp/bad.out"; false; }
    ok $? "$3"
}
bad "lang=de" "toponorm: lang takes uk, ru or en, not 'de'" "lang=de: the indexer says which languages"
bad "lexicon=$tmp/none.lex" "toponorm: $tmp/none.lex: " "a missing lexicon: the indexer names the file"
bad "colour=red" "toponorm: unknown option 'colour=red'" "an unknown option is named"

sphx_start one "$conf" "$port"; ok $? "searchd answers on 127.0.0.1:$port"
pid=$(cat "$tmp/one.pid" 2>/dev/null)

# The gazetteer's place ids (when this lexicon has them) join more spellings
# and forms: check QUERY IDS [IDS-WITH-PLACE-IDS].
places=0
printf 'Kharkov\n' | "$TOPONORM" analyze | grep -q 'place:' && places=1
check() {
    got=$(sphx_query "$port" idx "$1")
    want=$2
    [ $places -eq 1 ] && [ $# -ge 3 ] && want=$3
    is "$got" "$want" "MATCH($(sphx_expr "$1")) <- '$1'"
}
# Донецьк in every spelling; the inflected uk/ru forms join through stems.
check "Донецьк" "1 3 4 11 12" "1 2 3 4 11 12"
check "Донецк" "2 3 4 11 12" "1 2 3 4 11 12"
check "Donetsk" "3 4 11 12" "1 2 3 4 11 12"
check "Donets'k" "3 4 11 12" "1 2 3 4 11 12"
check "Donets’k" "3 4 11 12" "1 2 3 4 11 12"
check "DONETSK" "3 4 11 12" "1 2 3 4 11 12"
check "у Донецьку" "1 11" "1 2 3 4 11 12"
# Слов'янськ with each apostrophe and without.
check "Slovyansk" "5 6 13" "5 6 13 15"
check "Слов'янськ" "5 6 13" "5 6 13 15"
check "Слов’янськ" "5 6 13" "5 6 13 15"
check "Словʼянськ" "5 6 13" "5 6 13 15"
check "Slovians'k" "5 6 13" "5 6 13 15"
# A hyphenated name: blended whole, it carries the compound's key, so the
# name written as one word meets it, both ways.
check "Ivanofrankivsk" "16 18"
check "Івано-Франківськ" "16 18" "16 17 18"
check "Ivano-Frankivsk" "16 18"
check "Івано-Франківська" "17"
check '"Ivano-Frankivsk airport"' "16"
# Different places stay apart.
check "Kyiv" "10"
check "Lviv" "10"
# Phrases keep word order and adjacency through the extra words; excludes.
check '"Donetsk city"' "4"
check '"city Donetsk"' ""
check '"Донецк Мариуполь"' ""
check '"Донецьк Маріуполь"' ""
check 'Донецьк -Маріуполь' "1 3 4" "1 2 3 4"
check 'Donetsk -"Mariupol"' "3 4" "1 2 3 4"
# Харків/Харьков/Kharkov differ in their keys: only the gazetteer's place id
# joins them (Kharkov capitalised: charset_table keeps case for the filter).
check "Kharkov" "7 14" "7 8 9 14"
check "Харків" "8 9" "7 8 9 14"
check "Slavyansk" "" "5 6 13 15"

# A real-time index: searchd loads the module itself; per-document options
# come through INSERT ... OPTION token_filter_options (the filter's
# begin_document).  Without a hint Донецьку gets the Russian stem донецьк;
# lang=uk gets none.
sphx_sql "$port" "INSERT INTO rt (id, body, gid) VALUES (1, 'Обстріл у Донецьку', 1), (2, 'Donets\\'k city council', 1)" > "$tmp/rt.out"
is "$(cat "$tmp/rt.out")" "" "RT: INSERT through the filter"
sphx_sql "$port" "INSERT INTO rt (id, body, gid) VALUES (3, 'Новости Донецка', 1), (4, 'Донецьку', 1) OPTION token_filter_options='lang=uk'" > "$tmp/rt.out"
is "$(cat "$tmp/rt.out")" "" "RT: INSERT ... OPTION token_filter_options='lang=uk'"
rt() {  # rt QUERY IDS [IDS-WITH-PLACE-IDS]
    want=$2
    [ $places -eq 1 ] && [ $# -ge 3 ] && want=$3
    is "$(sphx_query "$port" rt "$1")" "$want" "RT: MATCH($(sphx_expr "$1")) <- '$1'"
}
rt Donetsk "2" "1 2 3 4"
rt Донецьк "1 2" "1 2 3 4"          # no hint: Донецьку has the Russian stem донецьк
rt Донецьку "1 4" "1 2 3 4"         # lang=uk: document 4 has no Russian stem
sphx_sql "$port" "INSERT INTO rt (id, body, gid) VALUES (5, 'x', 1) OPTION token_filter_options='lang=de'" > "$tmp/rt.out"
grep -q "toponorm: lang takes uk, ru or en, not 'de'" "$tmp/rt.out"; ok $? "RT: a bad per-document option is the INSERT's error: $(tail -1 "$tmp/rt.out")"
is "$(sphx_sql "$port" "SHOW PLUGINS" | cut -f1-3 | tr '\t' ' ')" "index_token_filter toponorm toponorm_sphinx.so" \
   "SHOW PLUGINS lists the filter"

# searchd stops by its PID, and is gone.
kill "$pid" 2>/dev/null; ok $? "searchd stopped by its PID ($pid)"
i=0; while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
kill -0 "$pid" 2>/dev/null; is $? 1 "no searchd left running"
pgrep -f -- "$tmp/" > "$tmp/left"; is "$(cat "$tmp/left")" "" "no process of this test is left (pgrep)"
done_testing
