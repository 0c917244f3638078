#!/bin/sh
# Scale-out: the demo corpus indexed into two shards with `index --shard K/N`,
# each served by a real xapian-tcpsrv on 127.0.0.1, searched as one through
# a Xapian stub file with two `remote` lines (and with --db twice on the
# local shard directories), gives the same ids in the same order as one
# local database holding every document, for every query of
# tests/data/search-cases.tsv.  The servers are stopped by PID on any exit.
. "$top_srcdir/tests/tap.sh"
need_host "$XAPIAN_TCPSRV" xapian-tools "xapian-tcpsrv"
T=${TOPONORM:-toponorm}
tmp=$(mktemp -d) || exit 1
pids=
cleanup() {
    for p in $pids; do kill "$p" 2>/dev/null; done
    for p in $pids; do wait "$p" 2>/dev/null; done
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
corpus=$top_srcdir/sample/news.jsonl

# ---- sharding by id
"$T" index --quiet --shard 1/2 "$tmp/s1" "$corpus"; is $? 0 "index --shard 1/2"
"$T" index --quiet --shard 2/2 "$tmp/s2" "$corpus"; is $? 0 "index --shard 2/2"
"$T" index --quiet "$tmp/all" "$corpus"; is $? 0 "index everything into one database"
for bad in 0/2 3/2 1/0 2 1/2x -1/2 a/b; do
    "$T" index --quiet --shard "$bad" "$tmp/bad" "$corpus" 2>"$tmp/err"; st=$?
    is $st 1 "--shard $bad is a usage error"
done
test ! -e "$tmp/bad"; ok $? "a bad --shard creates no database"

# Ids land where FNV-1a 64 of their bytes mod 2, plus 1, puts them
# (computed outside toponorm: uk-001 -> 2, uk-002 -> 1); delete tells.
"$T" delete "$tmp/s1" uk-002; is $? 0 "uk-002 is in shard 1 (FNV-1a 64 of "uk-002" is even)"
"$T" delete "$tmp/s2" uk-001; is $? 0 "uk-001 is in shard 2 (FNV-1a 64 of "uk-001" is odd)"
"$T" delete "$tmp/s1" uk-001 2>/dev/null; is $? 2 "uk-001 is not in shard 1"
# put them back, so the shards again hold the whole corpus
grep -E '"id": ?"uk-00[12]"' "$corpus" >"$tmp/two.jsonl"
"$T" index --quiet --shard 1/2 "$tmp/s1" "$tmp/two.jsonl" &&
"$T" index --quiet --shard 2/2 "$tmp/s2" "$tmp/two.jsonl"; is $? 0 "re-index uk-001, uk-002"

# ---- two real xapian-tcpsrv, one per shard
start_srv() {   # start_srv DIR -> sets port; appends the PID to pids
    port=$(free_port) || return 1
    # Its own session: on SIGTERM xapian-tcpsrv signals its whole process
    # group (to stop its forked connection handlers), which would be ours.
    setsid "$XAPIAN_TCPSRV" --interface 127.0.0.1 --port "$port" --quiet "$1" \
        >"$tmp/srv-$port.log" 2>&1 &
    srv_pid=$!
    pids="$pids $srv_pid"
    printf 'remote 127.0.0.1:%s\n' "$port" >"$tmp/probe"
    i=0
    while [ $i -lt 100 ]; do        # up to 10 s for the server to listen
        "$T" search --json "$tmp/probe" -- Donetsk >/dev/null 2>&1 && return 0
        sleep 0.1; i=$((i + 1))
    done
    echo "# xapian-tcpsrv on port $port did not answer: $(cat "$tmp/srv-$port.log")"
    return 1
}
start_srv "$tmp/s1"; ok $? "xapian-tcpsrv serves shard 1"; p1=$port
start_srv "$tmp/s2"; ok $? "xapian-tcpsrv serves shard 2"; p2=$port pid2=$srv_pid
printf 'remote 127.0.0.1:%s\nremote 127.0.0.1:%s\n' "$p1" "$p2" >"$tmp/shards.stub"

# All queries in one --batch run per setup (a process per query would make
# this test slow); hits grouped per query as "QUERY: id id ...", in rank order.
grep -v '^#' "$top_srcdir/tests/data/search-cases.tsv" | grep -v '^[[:space:]]*$' |
    cut -f1 | sort -u >"$tmp/queries"
run() {  # run NAME DB-ARGS...: the ranked ids per query into $tmp/NAME
    name=$1; shift
    "$T" search --batch --limit 1000 "$@" <"$tmp/queries" >"$tmp/$name.json" 2>"$tmp/$name.err"
    st=$?
    sed 's/^{"query":"\(.*\)","id":"\([^"]*\)","rank".*/\1: \2/' "$tmp/$name.json" |
        awk -F': ' '$1 != q { if (NR > 1) print ""; q = $1; printf "%s:", q } { printf " %s", $2 }
                    END { if (NR) print "" }' >"$tmp/$name"
    return $st
}
run one "$tmp/all"; is $? 0 "search --batch, one database"
run remote "$tmp/shards.stub"; is $? 0 "search --batch, stub file with two remote shards"
run local --db "$tmp/s1" --db "$tmp/s2"; is $? 0 "search --batch, --db twice"
nq=$(wc -l <"$tmp/queries") nhit=$(wc -l <"$tmp/one.json") nres=$(wc -l <"$tmp/one")
test "$nres" -ge 40 && test "$nhit" -ge 200; ok $? "$nq queries, $nres with hits, $nhit hits compared"
for setup in remote local; do
    while IFS= read -r want; do
        q=${want%%:*}
        got=$(grep -F -x -e "$want" "$tmp/$setup")
        tap_n=$((tap_n + 1))
        if [ "$got" = "$want" ]; then
            echo "ok $tap_n - $setup shards: $want"
        else
            echo "not ok $tap_n - $setup shards differ from one database for $q"
            echo "#   one database: $want"
            echo "#   $setup shards: $(grep -F -e "$q:" "$tmp/$setup")"
            tap_failed=$((tap_failed + 1))
        fi
    done <"$tmp/one"
    is "$(wc -l <"$tmp/$setup")" "$nres" "$setup shards: no query has hits that one database lacks"
done

# A shard that goes away is a database error (exit 3), not silence.
diag "stopping shard 2's server, PID $pid2"
kill "$pid2"; wait "$pid2" 2>/dev/null
"$T" search --json "$tmp/shards.stub" -- Donetsk >/dev/null 2>"$tmp/err"; st=$?
is $st 3 "a stopped shard server: exit 3"
grep -q "Network" "$tmp/err"; ok $? "the message says the network failed: $(cat "$tmp/err")"

# Nothing left running.
all=$pids
cleanup; pids=
left=0
for p in $all; do kill -0 "$p" 2>/dev/null && left=1; done
pgrep -f "xapian-tcpsrv.*$tmp" >/dev/null && left=1
is $left 0 "no xapian-tcpsrv left running"
done_testing
