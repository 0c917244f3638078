#!/bin/sh
# run-xapian.sh: `make bench-xapian` (see bench/local.mk for the knobs).
#
#   run-xapian.sh TOPONORM BASELINE XSEARCH CORPUS50 CORPUS5 CORPUS200 REPS OUT QUERIES
#
# Index: `toponorm index` vs xapian_baseline (TermGenerator, no stemmer) vs
# xapian_baseline --stem russian, the same JSON Lines corpus, 1000 documents
# per commit, REPS runs each in turn (interleaved, so load from other
# processes hits all three alike); medians of wall and CPU (user+sys) time,
# peak RSS, database size.  Peak RSS of `toponorm index` at 5, 50, 200 MB.
# Search over the 50 MB database: in-process (xsearch: analysis alone, and
# the whole query with snippets, median and p99 over the queries,
# each query's time the median of 5 runs) against a
# plain Xapian application over TermGenerator+Stem(russian)'s database
# (xsearch_baseline: QueryParser, same queries, same rounds), the CLI
# with --batch (one process, mean per query), and one process per query.
set -e
T=$1 B=$2 X=$3 C50=$4 C5=$5 C200=$6 REPS=$7 OUT=$8 QUERIES=$9
mkdir -p "$OUT"
res=$OUT/xapian.txt
db=$OUT/xdb
: >"$OUT/xapian-samples.txt"

# measure NAME CMD...: one run, stdin the corpus ($in); appends
# "NAME wall user+sys maxrss_kB" to the samples.
measure() {
    name=$1; shift
    rm -rf "$db"
    /usr/bin/time -f "%e %U %S %M" -o "$OUT/time.tmp" "$@" <"$in" >/dev/null
    awk -v n="$name" '{ printf "%s %.2f %.2f %d\n", n, $1, $2 + $3, $4 }' "$OUT/time.tmp" \
        | tee -a "$OUT/xapian-samples.txt" >&2
}
median() {  # median NAME FIELD
    awk -v n="$1" -v f="$2" '$1 == n { print $f }' "$OUT/xapian-samples.txt" | sort -g |
        awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

in=$C50
mb=$(awk '{ s += length($0) } END { printf "%.1f", s / 1e6 }' "$in" 2>/dev/null || echo "?")
ndocs=$(wc -l <"$in")
r=1
while [ $r -le "$REPS" ]; do
    measure toponorm "$T" index --quiet "$db"
    du -sk "$db" | awk '{ print "size toponorm", $1 }' >>"$OUT/xapian-sizes.tmp"
    measure plain "$B" "$db"
    du -sk "$db" | awk '{ print "size plain", $1 }' >>"$OUT/xapian-sizes.tmp"
    measure stem "$B" --stem russian "$db"
    du -sk "$db" | awk '{ print "size stem", $1 }' >>"$OUT/xapian-sizes.tmp"
    r=$((r + 1))
done
size() { awk -v n="$1" '$2 == n { print $3 }' "$OUT/xapian-sizes.tmp" | tail -1; }

# Peak RSS against corpus size (one run each; the 50 MB figure from above).
for c in "$C5" "$C200"; do
    in=$c; measure "rss-$(basename "$c")" "$T" index --quiet "$db"
done

# The 50 MB database again, for the search figures.
in=$C50; measure toponorm-search-db "$T" index --quiet "$db"
rm -rf "$db-base"
"$B" --stem russian "$db-base" <"$in" >/dev/null
# The two in-process searchers alternate, three rounds, so load hits both;
# the round with the median toponorm search p99 is reported.
: >"$OUT/xsearch-rounds.txt"
for r in 1 2 3; do
    "$X" "$db" <"$QUERIES" >"$OUT/xsearch.$r"
    "$(dirname "$B")/xsearch_baseline" "$db-base" <"$QUERIES" >"$OUT/xbase.$r"
    awk -v r="$r" '$1 == "search" { print $4, r }' "$OUT/xsearch.$r" >>"$OUT/xsearch-rounds.txt"
done
mid=$(sort -g "$OUT/xsearch-rounds.txt" | sed -n 2p | cut -d' ' -f2)
cp "$OUT/xsearch.$mid" "$OUT/xsearch.txt"
cp "$OUT/xbase.$mid" "$OUT/xbase.txt"
rm -f "$OUT"/xsearch.[123] "$OUT"/xbase.[123] "$OUT/xsearch-rounds.txt"
rm -rf "$db-base"
nq=$(wc -l <"$QUERIES")
/usr/bin/time -f "%e %U %S" -o "$OUT/time.tmp" "$T" search --batch "$db" <"$QUERIES" >"$OUT/batch.jsonl" 2>/dev/null ||
    test $? = 2     # a query with no searchable word is reported and skipped
batch_ms=$(tail -n 1 "$OUT/time.tmp" | awk -v n="$nq" '{ printf "%.2f", $1 * 1000 / n }')
# One process per query: the first 200 queries, each timed alone (bench/timeproc).
: >"$OUT/perproc.tmp"
head -n 200 "$QUERIES" | while IFS= read -r q; do
    "$(dirname "$B")/timeproc" /dev/null "$T" search --json "$db" -- "$q" >>"$OUT/perproc.tmp" \
        2>/dev/null || true     # timeproc prints nothing for a failed query
done
pp=$(sort -g "$OUT/perproc.tmp" | awk '{ v[NR] = $1 } END { printf "%.1f %.1f", v[int((NR + 1) / 2)] * 1000, v[(int(NR * 0.99) > 0) ? int(NR * 0.99) : 1] * 1000 }')

{
    echo "# make bench-xapian: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "# corpus $in: $ndocs documents, $(du -k "$in" | cut -f1) kB of JSON Lines; $REPS runs each, medians"
    echo "index (50 MB)           wall s   cpu s   peak RSS MB   DB MB"
    for n in toponorm plain stem; do
        printf '%-22s %7s %7s %12.1f %7.1f\n' "$n" "$(median $n 2)" "$(median $n 3)" \
            "$(echo "$(median $n 4)" | awk '{ print $1 / 1024 }')" \
            "$(echo "$(size $n)" | awk '{ print $1 / 1024 }')"
    done
    awk -v t="$(median toponorm 3)" -v s="$(median stem 3)" -v p="$(median plain 3)" \
        -v tw="$(median toponorm 2)" -v sw="$(median stem 2)" 'BEGIN {
        printf "toponorm / TermGenerator+Stem(russian): %.2fx CPU, %.2fx wall\n", t / s, tw / sw
        printf "toponorm / TermGenerator (no stemmer):  %.2fx CPU\n", t / p }'
    echo "peak RSS of toponorm index vs corpus size:"
    for c in "$C5" "$C50" "$C200"; do
        n=rss-$(basename "$c"); [ "$c" = "$C50" ] && n=toponorm
        printf '  %-20s %8.1f MB\n' "$(basename "$c")" "$(echo "$(median "$n" 4)" | awk '{ print $1 / 1024 }')"
    done
    echo "search over the 50 MB database, $nq queries (microseconds; N MEDIAN P99):"
    sed 's/^/  in-process /' "$OUT/xsearch.txt"
    sed 's/^/  plain Xapian (QueryParser + Stem(russian), hits'"'"' data), same round: /' "$OUT/xbase.txt"
    awk 'NR == FNR { if ($1 == "search") { m = $3; p = $4 } next }
         $1 == "search" && $3 > 0 && $4 > 0 {
             printf "  toponorm / plain Xapian search: median %.2fx, p99 %.2fx\n", m / $3, p / $4 }' \
        "$OUT/xsearch.txt" "$OUT/xbase.txt"
    echo "  CLI --batch: $batch_ms ms per query (mean, one process, output included)"
    echo "  CLI one process per query (200 queries): median, p99 ms: $pp"
} | tee "$res"
rm -f "$OUT/time.tmp" "$OUT/xapian-sizes.tmp" "$OUT/perproc.tmp"
rm -rf "$db"
