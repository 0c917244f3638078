#!/bin/sh
# run-translit.sh: `toponorm translit --scheme SCHEME` against ICU's
# uk-uk_Latn/BGN on the same text in the same run (median of REPS
# interleaved rounds), and the lexicon compile time of all tables.  The
# command is timed as a whole process (start-up and lexicon load included);
# the library call toponorm_translit is also timed in process (bench/inproc),
# as ICU's utrans is.
# The text is the corpus lines with a Ukrainian-only letter (і ї є ґ), up to
# BYTES: transliteration is for Ukrainian text, and on mixed text ICU's
# filtered transform skips the Latin two thirds almost for free.
#
#   run-translit.sh TOPONORM ICU_BASELINE TIMEPROC INPROC CORPUS BYTES REPS OUTDIR SCHEME LEXC_CMD...
set -eu
toponorm=$1 icu=$2 timeproc=$3 inproc=$4 corpus=$5 bytes=$6 reps=$7 out=$8 scheme=$9
shift 9
if ! "$toponorm" translit --list | cut -d' ' -f1 | grep -qx "$scheme"; then
    echo "translit: no scheme $scheme in the lexicon; skipped"
    exit 0
fi
prefix=$out/translit-prefix.txt
LC_ALL=C grep -E 'і|ї|є|ґ|І|Ї|Є|Ґ' "$corpus" > "$out/translit-uk.txt" || true
"$icu" --prefix "$bytes" prefix "$out/translit-uk.txt" > "$prefix"
size=$(wc -c < "$prefix" | tr -d ' ')
samples=$out/translit-samples.txt
: > "$samples"
r=1
while [ "$r" -le "$reps" ]; do
    t=$("$timeproc" "$prefix" "$toponorm" translit --scheme "$scheme")
    echo "toponorm $t" >> "$samples"
    t=$("$timeproc" /dev/null "$toponorm" translit --scheme "$scheme")
    echo "startup $t" >> "$samples"
    line=$("$icu" translit-bgn "$prefix")
    echo "icu $(echo "$line" | cut -d' ' -f3)" >> "$samples"
    line=$("$inproc" --translit "$scheme" "$prefix")
    echo "lib $(echo "$line" | cut -d' ' -f3)" >> "$samples"
    t=$("$timeproc" /dev/null "$@")
    echo "lexc $t" >> "$samples"
    r=$((r + 1))
done
awk -v size="$size" -v scheme="$scheme" '
function median(a, n,    i, j, x) {
    for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
{ n[$1]++; v[$1, n[$1]] = $2 }
END {
    for (k in n) { for (i = 1; i <= n[k]; i++) s[i] = v[k, i]; med[k] = median(s, n[k]) }
    printf "\ntransliteration, %d bytes of Ukrainian lines, median of %d (MB = 10^6 bytes)\n", size, n["toponorm"]
    printf "  toponorm translit --scheme %-16s %8.2f MB/s (whole process)\n", scheme, size / 1e6 / med["toponorm"]
    printf "    of which start-up (empty input)           %8.4f s\n", med["startup"]
    printf "  toponorm_translit (library, in process)     %8.2f MB/s\n", size / 1e6 / med["lib"]
    printf "  ICU uk-uk_Latn/BGN (utrans, in process)     %8.2f MB/s\n", size / 1e6 / med["icu"]
    printf "  ratio toponorm / ICU                        %8.1fx\n", med["icu"] / med["toponorm"]
    printf "  ratio library / ICU                         %8.1fx\n", med["icu"] / med["lib"]
    printf "  lexicon compile, all tables (lexc)          %8.3f s\n", med["lexc"]
}' "$samples" | tee -a "$out/results.txt"
