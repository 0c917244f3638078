#!/bin/sh
# Kill -9 the indexer mid-run, three times: each time the database opens, at
# a commit (a whole number of batches); running the same input again then
# gives exactly the content of one uninterrupted run.
. "$top_srcdir/tests/tap.sh"
T=${TOPONORM:-toponorm}
DELVE=${XAPIAN_DELVE:-$(dirname "${XAPIAN_TCPSRV:-/usr/bin/xapian-tcpsrv}")/xapian-delve}
need_host "$DELVE" xapian-tools "xapian-delve"
tmp=$(mktemp -d) || exit 1
pid=
cleanup() { [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

# 30000 documents (about 9 MB), deterministic.
n=30000 batch=500
awk -v n=$n 'BEGIN {
    split("Донецьк Донецк Donetsk Маріуполь Mariupol Харків Kharkov Запоріжжя Odesa Одеса Херсон Kherson обстріл shelling вода water світло light місто city снаряди reported", w, " ")
    s = 12345
    for (i = 1; i <= n; i++) {
        t = ""
        for (j = 0; j < 25; j++) { s = (s * 1103515245 + 12345) % 2147483648; t = t " " w[int(s / 65536) % 24 + 1] }
        printf "{\"id\":\"n%d\",\"text\":\"%s marker%d\",\"lang\":\"uk\"}\n", i, t, i % 7
    }
}' >"$tmp/in.jsonl"
is "$(wc -l <"$tmp/in.jsonl" | tr -d ' ')" $n "the input has $n documents"

count() { "$DELVE" "$1" | sed -n 's/^number of documents = //p'; }

# Kill points are counted in commits (the database's revision), not in
# seconds, so the kill lands mid-run on a fast machine and on a slow one;
# the extra tenth of a second puts it inside a batch.
rev() { "$DELVE" "$1" 2>/dev/null | sed -n 's/^revision = //p'; }
db=$tmp/db
for k in 2 5 9; do
    r0=$(rev "$db"); r0=${r0:-0}
    "$T" index --quiet --batch-size $batch "$db" <"$tmp/in.jsonl" &
    pid=$!
    i=0
    while [ $i -lt 600 ]; do
        r=$(rev "$db"); [ "${r:-0}" -ge $((r0 + k)) ] && break
        sleep 0.05; i=$((i + 1))
    done
    sleep 0.1
    kill -9 "$pid" 2>/dev/null; killed=$?
    wait "$pid" 2>/dev/null; st=$?
    pid=
    ok $killed "the indexer was still running after $k commits and got SIGKILL"
    is $st 137 "... and died of it (status 137)"
    c=$(count "$db")
    ok $([ -n "$c" ] && [ $((c % batch)) -eq 0 ]; echo $?) "the database opens, at a commit: $c documents, a multiple of $batch"
    ok $([ -n "$c" ] && [ "$c" -lt $n ]; echo $?) "... fewer than the $n of the input (killed mid-run)"
    "$T" search --json --limit 1 "$db" Donetsk >/dev/null; is $? 0 "search works on it"
done

# Run the same input to the end, and once more into a fresh database.
"$T" index --quiet --batch-size $batch "$db" <"$tmp/in.jsonl"; is $? 0 "the re-run completes"
"$T" index --quiet --batch-size 7000 "$tmp/clean" <"$tmp/in.jsonl"; is $? 0 "an uninterrupted run into a fresh database"
is "$(count "$db")" $n "the re-run database holds every document once"
"$DELVE" -a -v "$db" >"$tmp/terms.resumed"
"$DELVE" -a -v "$tmp/clean" >"$tmp/terms.clean"
cmp -s "$tmp/terms.resumed" "$tmp/terms.clean"; ok $? "every term has the same document frequency in both"
for q in Donetsk marker3 '"Kharkov water"'; do
    a=$("$T" search --json --limit 20 "$db" -- "$q")
    b=$("$T" search --json --limit 20 "$tmp/clean" -- "$q")
    is "$a" "$b" "search $q: the same hits, scores and snippets"
done
done_testing
