#!/bin/sh
# iuliia.sh: conformance of the ru-* transliteration tables with the samples
# the iuliia package ships for each of its schemas (make check-conformance).
#
#   tests/conformance/iuliia.sh [TOP_SRCDIR]
#
# Gets iuliia (npm pack iuliia@$IULIIA_VERSION, cached in $IULIIA_CACHE),
# lists every sample of every schema (tools/translit/ru/iuliia2tsv.mjs
# --samples), runs each sample input through `toponorm translit --scheme
# ru-<schema>` and compares with the sample output byte for byte.  Samples in
# tests/conformance/iuliia-exclusions.tsv (schema, input, reason) are known to
# differ: wrong upstream, or a documented design choice of ours; an excluded
# sample that passes is an error too (the list must not go stale).
# Output: TAP, one case per sample, per-schema counts, and a last line
# "N passed, N failed".  Exit: 0 all pass, 1 a failure, 77 iuliia or node
# unavailable (skip).
#
# Environment: TOPONORM (default: ./toponorm), TOPONORM_LEXICON (the lexicon
# to test, default ./toponorm.lex), IULIIA_VERSION (default 0.8.2),
# IULIIA_CACHE (default ./tests/conformance/iuliia-cache), NPM, NODE.
set -u
top_srcdir=${1:-${top_srcdir:-.}}
T=${TOPONORM:-./toponorm}
TOPONORM_LEXICON=${TOPONORM_LEXICON:-$PWD/toponorm.lex}
export TOPONORM_LEXICON
ver=${IULIIA_VERSION:-0.8.2}
cache=${IULIIA_CACHE:-$PWD/tests/conformance/iuliia-cache}
NPM=${NPM:-npm}
NODE=${NODE:-node}
excl="$top_srcdir/tests/conformance/iuliia-exclusions.tsv"
gen="$top_srcdir/tools/translit/ru/iuliia2tsv.mjs"

skip() { echo "1..0 # SKIP $*"; echo "iuliia conformance skipped: $*" >&2; exit 77; }

command -v "$NODE" >/dev/null 2>&1 || skip "node not found ($NODE)"
pkg="$cache/iuliia-$ver/package"
if [ ! -f "$pkg/package.json" ]; then
    command -v "$NPM" >/dev/null 2>&1 || skip "npm not found ($NPM)"
    mkdir -p "$cache/iuliia-$ver" || skip "cannot create $cache"
    if ! log=$(cd "$cache/iuliia-$ver" && "$NPM" pack --loglevel=error "iuliia@$ver" 2>&1); then
        skip "npm pack iuliia@$ver failed: $(printf '%s' "$log" | tail -3 | tr '\n' ' ')"
    fi
    tar xzf "$cache/iuliia-$ver/iuliia-$ver.tgz" -C "$cache/iuliia-$ver" ||
        skip "cannot unpack iuliia-$ver.tgz"
fi
[ -x "$T" ] || [ -f "$T" ] || { echo "Bail out! no toponorm at $T"; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
"$NODE" "$gen" --iuliia "$pkg" --samples > "$tmp/samples" ||
    { echo "Bail out! cannot list the iuliia samples"; exit 1; }
"$T" translit --list | cut -d' ' -f1 > "$tmp/tables" ||
    { echo "Bail out! toponorm translit --list failed"; exit 1; }
grep -v '^#' "$excl" | grep . > "$tmp/excl" || : > "$tmp/excl"

# Our output for every sample, table by table (one toponorm run per table).
cut -f2 "$tmp/samples" | uniq > "$tmp/schemas"
: > "$tmp/ours"
while read -r table; do
    awk -F'\t' -v t="$table" '$2 == t { print $3 }' "$tmp/samples" > "$tmp/in"
    if grep -qx "$table" "$tmp/tables"; then
        if ! "$T" translit --scheme "$table" < "$tmp/in" > "$tmp/out" ||
            [ "$(wc -l < "$tmp/out")" -ne "$(wc -l < "$tmp/in")" ]; then
            sed 's/.*/(toponorm translit failed)/' "$tmp/in" > "$tmp/out"
        fi
    else
        sed 's/.*/\x01 not in the lexicon/' "$tmp/in" > "$tmp/out"
    fi
    cat "$tmp/out" >> "$tmp/ours"
done < "$tmp/schemas"

# Judge: TAP lines, then per-schema counts and the total.
paste "$tmp/samples" "$tmp/ours" | awk -F'\t' -v exclfile="$tmp/excl" '
BEGIN {
    while ((getline line < exclfile) > 0) {
        split(line, f, "\t")
        reason[f[1] "\t" f[2]] = f[3]
    }
}
{
    schema = $1; table = $2; input = $3; want = $4; got = $5
    n++
    key = schema "\t" input
    label = table ": " input
    if (!(schema in seen)) { seen[schema] = 1; order[++ns] = schema }
    if (substr(got, 1, 1) == "\001") {
        printf "ok %d - %s # SKIP %s is not in the lexicon\n", n, label, table
        skipped[schema]++; tskip++
    } else if (key in reason) {
        used[key] = 1
        if (got == want) {
            printf "not ok %d - %s: excluded (%s) but passes: remove it from iuliia-exclusions.tsv\n", n, label, reason[key]
            failed[schema]++; tfail++
        } else {
            printf "ok %d - %s # SKIP excluded: %s\n", n, label, reason[key]
            printf "#   iuliia: %s\n#   ours:   %s\n", want, got
            excluded[schema]++; texcl++
        }
    } else if (got == want) {
        printf "ok %d - %s\n", n, label
        passed[schema]++; tpass++
    } else {
        printf "not ok %d - %s\n#   iuliia: %s\n#   ours:   %s\n", n, label, want, got
        failed[schema]++; tfail++
    }
}
END {
    for (k in reason)
        if (!(k in used)) {
            split(k, f, "\t")
            printf "not ok %d - exclusion %s / %s matches no sample: remove it\n", ++n, f[1], f[2]
            tfail++
        }
    printf "1..%d\n", n
    for (i = 1; i <= ns; i++) {
        s = order[i]
        printf "# %-16s %2d passed, %2d failed, %2d excluded, %2d skipped\n", s,
            passed[s], failed[s], excluded[s], skipped[s]
    }
    printf "%d passed, %d failed (%d excluded, %d skipped)\n", tpass, tfail, texcl, tskip
    exit (tfail > 0 ? 1 : 0)
}'
