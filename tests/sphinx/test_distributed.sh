#!/bin/sh
# Scale-out: a `type = distributed` index on one searchd whose agent is a
# second searchd, each node holding half of the documents (indexed through
# the toponorm filter on its own).  For every query the merged answer must
# equal the answer of one index over all documents, and must need both
# nodes.
. "$top_srcdir/tests/tap.sh"
. "$top_srcdir/tests/sphinx/lib.sh"

pa=$(free_port) && aa=$(free_port) && pb=$(free_port) && ab=$(free_port) ||
    { echo "Bail out! no free port"; exit 1; }
docs="$top_srcdir/tests/sphinx/docs.tsv"
awk -F'\t' '$1 % 2 == 1' "$docs" > "$tmp/odd.tsv"
awk -F'\t' '$1 % 2 == 0' "$docs" > "$tmp/even.tsv"

# Node a: its half, the reference index of everything, and the distributed
# index; node b: the other half.
{
    sphx_searchd a "$pa" "$aa"
    sphx_index half_a "$tmp/odd.tsv"
    sphx_index all "$docs"
    printf 'index dist\n{\n    type = distributed\n    local = half_a\n    agent = 127.0.0.1:%s:half_b\n}\n' "$ab"
} > "$tmp/a.conf"
{ sphx_searchd b "$pb" "$ab"; sphx_index half_b "$tmp/even.tsv"; } > "$tmp/b.conf"

sphx_run_indexer "$tmp/a.conf" half_a all; ok $? "node a: indexer builds its half and the reference"
sphx_run_indexer "$tmp/b.conf" half_b; ok $? "node b: indexer builds the other half"
sphx_start b "$tmp/b.conf" "$pb"; ok $? "node b: searchd on 127.0.0.1:$pb (agent port $ab)"
sphx_start a "$tmp/a.conf" "$pa"; ok $? "node a: searchd on 127.0.0.1:$pa"

both=0
for q in "Донецьк" "Донецк" "Donetsk" "Donets'k" "у Донецьку" "Slovyansk" "Слов’янськ" "Ivano-Frankivsk" \
         "Kharkov" "Харків" "Kharkiv" '"Donetsk city"' "Донецьк -Маріуполь" "metro"; do
    want=$(sphx_query "$pa" all "$q")
    got=$(sphx_query "$pa" dist "$q")
    case "$want" in *[!0-9\ ]*|"") want="(the single index failed: $want)" ;; esac
    is "$got" "$want" "distributed = single index for '$q' ($want)"
    odd=0; even=0
    for id in $got; do
        if [ $((id % 2)) -eq 1 ]; then odd=1; else even=1; fi
    done
    [ $odd -eq 1 ] && [ $even -eq 1 ] && both=$((both + 1))
done
[ "$both" -ge 5 ]; ok $? "$both queries merged hits from both nodes"
test -s "$tmp/b.query.log" && grep -q 'xkdoneck' "$tmp/b.query.log"
ok $? "node b's query log shows the sub-queries from node a"
want="4 12"                     # with the gazetteer, в Донецке too
printf 'Kharkov\n' | "$TOPONORM" analyze | grep -q 'place:' && want="2 4 12"
is "$(sphx_query "$pb" half_b "Donetsk")" "$want" "node b alone finds only its half"

for n in a b; do
    p=$(cat "$tmp/$n.pid")
    kill "$p"; ok $? "node $n stopped by its PID ($p)"
    i=0; while kill -0 "$p" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
    kill -0 "$p" 2>/dev/null; is $? 1 "node $n is gone"
done
pgrep -f -- "$tmp/" > "$tmp/left"; is "$(cat "$tmp/left")" "" "no process of this test is left (pgrep)"
done_testing
