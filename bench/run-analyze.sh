#!/bin/sh
# run-analyze.sh: the driver behind `make bench` (see bench/local.mk).
#
# Measures, in one run over the same corpus:
#   - `toponorm analyze` as a whole process, corpus on stdin, output to
#     /dev/null (timed by timeproc), and the same on empty input, which is
#     the fixed cost of starting the process and opening the lexicon;
#   - ICU word break alone (icu_baseline wb-utf8, wb-utf16);
#   - ICU "Any-Latin; Latin-ASCII; Lower" on a prefix (icu_baseline translit).
# Each measurement runs REPS times; the rounds are interleaved (every
# measurement once per round) so a noisy neighbour hurts all of them alike,
# and the median is reported with every sample.  Then, when valgrind is
# installed, callgrind counts instructions per input byte on a 1 MB sample
# for toponorm analyze and for ICU word break (UTF-8).
#
# The table goes to stdout and OUT/results.txt; the raw samples to
# OUT/samples.txt; callgrind files to OUT/callgrind.*.
#
# Called by make with absolute paths; under `libtool --mode=execute`, so the
# --toponorm path is the real binary and its library path is set.
# Throughput is in MB/s of UTF-8 input, MB = 10^6 bytes.

set -u

me=run-analyze.sh
toponorm='' icu='' timeproc='' inproc='' valgrind='' awk=awk cflags='' srcdir='' reps=5
translit_bytes=2000000 sample_bytes=1000000 out=bench/out corpus=''

die() {
    echo "$me: $*" >&2
    exit 1
}

usage() {
    cat >&2 <<EOF
usage: $me --toponorm BIN --icu-baseline BIN --timeproc BIN [--inproc BIN] --corpus FILE
           [--out DIR] [--reps N] [--translit-bytes N] [--sample-bytes N]
           [--valgrind BIN] [--awk AWK] [--cflags FLAGS] [--srcdir DIR]
EOF
    exit 1
}

while test $# -gt 0; do
    test $# -ge 2 || usage
    case $1 in
    --toponorm) toponorm=$2 ;;
    --icu-baseline) icu=$2 ;;
    --timeproc) timeproc=$2 ;;
    --inproc) inproc=$2 ;;
    --valgrind) valgrind=$2 ;;
    --awk) awk=$2 ;;
    --cflags) cflags=$2 ;;
    --srcdir) srcdir=$2 ;;
    --reps) reps=$2 ;;
    --translit-bytes) translit_bytes=$2 ;;
    --sample-bytes) sample_bytes=$2 ;;
    --out) out=$2 ;;
    --corpus) corpus=$2 ;;
    *) usage ;;
    esac
    shift 2
done

if test -z "$toponorm" || test -z "$icu" || test -z "$timeproc" || test -z "$corpus"; then
    usage
fi
for n in "$reps" "$translit_bytes" "$sample_bytes"; do
    case $n in
    '' | *[!0-9]* | 0) die "--reps, --translit-bytes and --sample-bytes take a positive number, not '$n'" ;;
    esac
done
if test ! -f "$corpus" || test ! -r "$corpus"; then
    die "corpus '$corpus' is not a readable file"
fi
bytes=$(wc -c < "$corpus" | tr -d ' ')
test "$bytes" -gt 0 || die "corpus '$corpus' is empty"
for p in "$toponorm" "$icu" "$timeproc"; do
    test -x "$p" || die "'$p' is not built (run make bench from the top build directory)"
done
mkdir -p "$out" || die "cannot create $out"

samples=$out/samples.txt
results=$out/results.txt
table=$out/results.tmp
empty=$out/empty.txt
sample=$out/sample-1mb.txt
: > "$samples"
: > "$empty"

progress() {
    echo "bench: $*" >&2
}

# ---- describe the run ------------------------------------------------------
date=$(date -u '+%Y-%m-%d %H:%M:%S UTC')
cpus=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?')
model=
test -r /proc/cpuinfo && model=$(sed -n 's/^model name[[:space:]]*: *//p' /proc/cpuinfo | sed 1q)
load=
test -r /proc/loadavg && load=$(cut -d' ' -f1-3 /proc/loadavg)
lines=$(wc -l < "$corpus" | tr -d ' ')
icu_version=$("$icu" version) || die "$icu does not run"
tn_version=$("$toponorm" version 2>/dev/null | tr '\n' ';' | sed 's/;$//; s/;/, /g')
commit=
if test -n "$srcdir" && command -v git >/dev/null 2>&1; then
    commit=$(git -C "$srcdir" describe --always --dirty 2>/dev/null) || commit=
fi
case $cflags in
*-fsanitize*) sanitized=yes ;;
*) sanitized=no ;;
esac

# ---- timings -----------------------------------------------------------------
# record NAME SECONDS BYTES COUNT: append one sample.
record() {
    echo "$1 $2 $3 $4" >> "$samples"
}

# time_toponorm NAME INPUT INPUT_BYTES
time_toponorm() {
    t=$("$timeproc" "$2" "$toponorm" analyze) || die "toponorm analyze failed on $2"
    record "$1" "$t" "$3" -
}

# time_icu NAME MODE [--prefix N]: icu_baseline prints "MODE BYTES SECONDS COUNT".
time_icu() {
    name=$1 mode=$2
    shift 2
    line=$("$icu" "$@" "$mode" "$corpus") || die "icu_baseline $mode failed"
    # shellcheck disable=SC2086 # split the four fields; they hold no glob characters
    set -- $line
    test $# -eq 4 || die "icu_baseline $mode printed '$line'"
    record "$name" "$3" "$2" "$4"
}

cat "$corpus" > /dev/null   # into the page cache before the first round
progress "corpus $corpus: $bytes bytes; $reps interleaved rounds"
r=1
while test "$r" -le "$reps"; do
    progress "round $r/$reps"
    time_toponorm empty "$empty" 0
    time_toponorm toponorm "$corpus" "$bytes"
    if test -n "$inproc"; then
        line=$("$inproc" "$corpus") || die "inproc failed"
        # shellcheck disable=SC2086 # four fields, no glob characters
        set -- $line
        record lib "$3" "$2" "$4"
    fi
    time_icu wb8 wb-utf8
    time_icu wb16 wb-utf16
    time_icu translit translit --prefix "$translit_bytes"
    r=$((r + 1))
done

# ---- callgrind: instructions per input byte ---------------------------------
# Ir of the whole process (start-up included) on the sample and on empty
# input; "net" subtracts the latter.
cg_note=
if test -z "$valgrind" || test ! -x "$valgrind"; then
    valgrind=$(command -v valgrind 2>/dev/null) || valgrind=''
fi
if test "$sanitized" = yes; then
    cg_note="skipped: sanitizer build (valgrind cannot run it)"
elif test -z "$valgrind"; then
    cg_note="skipped: valgrind is not installed (Debian package valgrind)"
fi

# callgrind NAME INPUT COMMAND...: print the instructions (Ir) it executed.
callgrind() {
    name=$1 input=$2
    shift 2
    cgout=$out/callgrind.$name.out
    "$valgrind" --tool=callgrind --callgrind-out-file="$cgout" "$@" \
        < "$input" > /dev/null 2> "$out/callgrind.$name.log" ||
        die "callgrind failed for $name; see $out/callgrind.$name.log"
    ir=$($awk '/^summary:/ { print $2; found = 1; exit }
               /^totals:/  { t = $2 }
               END { if (!found && t != "") print t }' "$cgout")
    test -n "$ir" || die "no summary:/totals: line in $cgout"
    echo "$ir"
}

sample_size=0
if test -z "$cg_note"; then
    "$icu" --prefix "$sample_bytes" prefix "$corpus" > "$sample" || die "cannot cut $sample"
    sample_size=$(wc -c < "$sample" | tr -d ' ')
    progress "callgrind on $sample ($sample_size bytes)"
    ir_tn=$(callgrind toponorm "$sample" "$toponorm" analyze) || exit 1
    ir_tn0=$(callgrind toponorm-empty "$empty" "$toponorm" analyze) || exit 1
    ir_wb=$(callgrind icu-wb-utf8 "$empty" "$icu" wb-utf8 "$sample") || exit 1
    ir_wb0=$(callgrind icu-wb-utf8-empty "$empty" "$icu" wb-utf8 "$empty") || exit 1
fi

# ---- the table -----------------------------------------------------------------
{
    echo "toponorm benchmark: toponorm analyze vs ICU"
    echo
    echo "date      $date"
    echo "corpus    $corpus"
    echo "size      $bytes bytes, $lines lines"
    echo "machine   nproc $cpus${model:+, $model}${load:+; load average $load at start}"
    echo "versions  $tn_version; ICU $icu_version${commit:+; source $commit}"
    echo "build     CFLAGS $cflags"
    test "$sanitized" = yes && echo "WARNING   sanitizer build: these timings do not describe a release build"
    echo "method    $reps interleaved rounds; median (samples in run order); MB = 10^6 bytes of input"
    echo
    $awk -v reps="$reps" -v cg_note="$cg_note" -v sample="$sample" -v sample_size="$sample_size" \
        -v ir_tn="${ir_tn:-}" -v ir_tn0="${ir_tn0:-}" -v ir_wb="${ir_wb:-}" -v ir_wb0="${ir_wb0:-}" '
    function median(a, n,    i, j, x, s) {
        for (i = 1; i <= n; i++) s[i] = a[i]
        for (i = 2; i <= n; i++) {         # insertion sort: n is small
            x = s[i]
            for (j = i - 1; j >= 1 && s[j] > x; j--) s[j + 1] = s[j]
            s[j + 1] = x
        }
        return n % 2 ? s[(n + 1) / 2] : (s[n / 2] + s[n / 2 + 1]) / 2
    }
    {
        k = $1; n[k]++
        sec[k, n[k]] = $2; bytes[k] = $3; count[k] = $4
        if ($2 > 0) mbs[k, n[k]] = $3 / 1e6 / $2
    }
    function stat(k,    i, v, list) {
        list = ""
        for (i = 1; i <= n[k]; i++) { v[i] = mbs[k, i]; list = list sprintf(" %.2f", v[i]) }
        med[k] = median(v, n[k])
        smp[k] = list
    }
    function row(label, k) {
        printf "%-40s %8.2f %10.2f  %s\n", label, bytes[k] / 1e6, med[k], smp[k]
    }
    function ratio(label, k) {
        x = med["toponorm"] / med[k]
        printf "  %-38s %7.3f   (%s %.1fx faster)\n", label, x,
            x < 1 ? "ICU" : "toponorm", x < 1 ? 1 / x : x
    }
    END {
        stat("toponorm"); stat("wb8"); stat("wb16"); stat("translit")
        if (n["lib"]) stat("lib")
        for (i = 1; i <= n["empty"]; i++) { e[i] = sec["empty", i] * 1000; el = el sprintf(" %.1f", e[i]) }
        emed = median(e, n["empty"])
        for (i = 1; i <= n["toponorm"]; i++) t[i] = sec["toponorm", i]
        tmed = median(t, n["toponorm"])

        printf "%-40s %8s %10s  %s\n", "throughput", "input MB", "median MB/s", "samples MB/s"
        row("toponorm analyze (whole process)", "toponorm")
        if (n["lib"]) row("toponorm library in-process (no output)", "lib")
        row("ICU word break, UTF-8 UText", "wb8")
        row("ICU word break, UTF-16 incl. conversion", "wb16")
        row("ICU Any-Latin; Latin-ASCII; Lower", "translit")
        printf "%-40s %8s %10.1f  %s\n", "toponorm process start, empty input", "0", emed, el " (ms)"
        if (tmed > emed / 1000)
            printf "%-40s %8.2f %10.2f\n", "toponorm analyze, start-up subtracted",
                bytes["toponorm"] / 1e6, bytes["toponorm"] / 1e6 / (tmed - emed / 1000)
        printf "\nword segments: ICU UTF-8 %s, UTF-16 %s; translit output %s bytes\n",
            count["wb8"], count["wb16"], count["translit"]

        print "\nratios: toponorm MB/s / ICU MB/s (below 1: toponorm is slower)"
        ratio("toponorm / ICU word break UTF-8", "wb8")
        ratio("toponorm / ICU word break UTF-16", "wb16")
        ratio("toponorm / ICU Any-Latin", "translit")
        if (n["lib"]) {
            x = med["lib"] / med["wb8"]
            printf "  %-38s %7.3f   (%s %.1fx faster)\n", "library in-process / ICU word break UTF-8", x,
                x < 1 ? "ICU" : "toponorm", x < 1 ? 1 / x : x
            x = med["lib"] / med["translit"]
            printf "  %-38s %7.3f\n", "library in-process / ICU Any-Latin", x
        }

        print "\ninstructions per input byte (callgrind, whole process; net = minus the empty-input run)"
        if (cg_note != "") { print "  " cg_note; exit }
        printf "  sample %s, %d bytes\n", sample, sample_size
        printf "  %-30s %14s %12s %9s %9s\n", "", "Ir", "Ir empty", "Ir/byte", "net"
        printf "  %-30s %14.0f %12.0f %9.1f %9.1f\n", "toponorm analyze", ir_tn, ir_tn0,
            ir_tn / sample_size, (ir_tn - ir_tn0) / sample_size
        printf "  %-30s %14.0f %12.0f %9.1f %9.1f\n", "ICU word break, UTF-8", ir_wb, ir_wb0,
            ir_wb / sample_size, (ir_wb - ir_wb0) / sample_size
        printf "  %-30s %24s %9.1f %9.1f\n", "Ir ratio toponorm / ICU", "",
            ir_tn / ir_wb, (ir_tn - ir_tn0) / (ir_wb - ir_wb0)
    }' "$samples"
} > "$table" || die "cannot write the table"

mv -f "$table" "$results" || die "cannot write $results"
cat "$results"
echo
echo "(also in $results; samples in $samples)"
