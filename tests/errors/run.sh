#!/bin/sh
# tests/errors/run.sh: lexicon SOURCE errors.  For every tests/errors/NAME.tsv
# run `lexc --strict -o OUT NAME.tsv` (from $top_srcdir, so messages name
# tests/errors/NAME.tsv) and check: exit status 1, stderr equal to
# NAME.stderr, and no output file (neither OUT nor OUT.tmp).
#
# NAME.todo, when present, holds the reason a case is a known bug: its
# failures are reported as TAP "# TODO" (not counted); when it passes the
# driver reports XPASS, and the .todo file should go.
#
# Runs from the top build directory; $top_srcdir and $top_builddir come from
# AM_TESTS_ENVIRONMENT.  Outputs go to a mktemp directory (distcheck's
# srcdir is read-only).
: "${top_srcdir:=.}" "${top_builddir:=.}"
. "$top_srcdir/tests/tap.sh"

lexc="$top_builddir/lexc"
if [ ! -x "$lexc" ]; then
    echo "Bail out! $lexc is not built"
    exit 99
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/toponorm-errors.XXXXXX") || { echo "Bail out! mktemp"; exit 99; }
trap 'rm -rf "$tmp"' EXIT INT TERM

# A TODO case: reported, never counted as a failure.
todo() {  # todo COND_STATUS NAME REASON
    tap_n=$((tap_n + 1))
    if [ "$1" -eq 0 ]; then echo "ok $tap_n - $2 # TODO $3"
    else echo "not ok $tap_n - $2 # TODO $3"; fi
}

check() {  # check STATUS NAME TODO_REASON
    if [ -n "$3" ]; then todo "$1" "$2" "$3"; else ok "$1" "$2"; fi
}

n=0
for src in "$top_srcdir"/tests/errors/*.tsv; do
    name=$(basename "$src" .tsv)
    rel="tests/errors/$name.tsv"
    golden="$top_srcdir/tests/errors/$name.stderr"
    reason=
    [ -f "$top_srcdir/tests/errors/$name.todo" ] && reason=$(cat "$top_srcdir/tests/errors/$name.todo")
    n=$((n + 1))
    out="$tmp/$name.lex"
    (cd "$top_srcdir" && exec "$lexc" --strict -o "$out" "$rel") >"$tmp/$name.stdout" 2>"$tmp/$name.stderr"
    status=$?
    # (under ASan a crash also exits with 1: look for its report too)
    crashed=$(grep -c -e 'Sanitizer' -e 'runtime error' "$tmp/$name.stderr")
    check "$([ "$status" -eq 1 ] && [ "$crashed" -eq 0 ]; echo $?)" \
        "$name: lexc exits with status 1, no crash" "$reason"
    [ "$status" -eq 1 ] || diag "exit status $status"
    [ "$crashed" -eq 0 ] || grep -m 3 -e 'Sanitizer' -e 'runtime error' "$tmp/$name.stderr" | sed 's/^/# /'
    if [ -f "$golden" ]; then
        if diff -u "$golden" "$tmp/$name.stderr" >"$tmp/$name.diff" 2>&1; then
            check 0 "$name: stderr as in $name.stderr" "$reason"
        else
            check 1 "$name: stderr as in $name.stderr" "$reason"
            sed 's/^/# /' "$tmp/$name.diff"
        fi
    else
        ok 1 "$name: no golden $name.stderr"
    fi
    ok "$([ ! -e "$out" ] && [ ! -e "$out.tmp" ]; echo $?)" "$name: no output file written"
    ok "$([ ! -s "$tmp/$name.stdout" ]; echo $?)" "$name: nothing on stdout"
done
ok "$([ "$n" -ge 11 ]; echo $?)" "$n error cases found in $top_srcdir/tests/errors"

# The same sources together: every error of every file, one summary line.
(cd "$top_srcdir" && exec "$lexc" --strict -o "$tmp/all.lex" \
    tests/errors/duplicate-rule.tsv tests/errors/unknown-context.tsv \
    tests/errors/missing-tab.tsv) >/dev/null 2>"$tmp/all.stderr"
status=$?
ok "$([ "$status" -eq 1 ]; echo $?)" "three bad files at once: exit status 1"
is "$(tail -n 1 "$tmp/all.stderr")" "lexc: 3 errors, no lexicon written" "three bad files at once: three errors counted"
ok "$([ ! -e "$tmp/all.lex" ] && [ ! -e "$tmp/all.lex.tmp" ]; echo $?)" "three bad files at once: no output"

# A good source after a bad one still writes nothing.
printf '#! toponorm-lexicon 1 kind=key name=good script=Cyrl\n\320\260\ta\n' >"$tmp/good.tsv"
(cd "$top_srcdir" && exec "$lexc" --strict -o "$tmp/mixed.lex" tests/errors/bad-header.tsv "$tmp/good.tsv") \
    >/dev/null 2>&1
status=$?
ok "$([ "$status" -eq 1 ] && [ ! -e "$tmp/mixed.lex" ]; echo $?)" "a bad and a good file: status 1, no output"
# ...and the good one alone compiles (the harness itself works).
"$lexc" --strict -o "$tmp/good.lex" "$tmp/good.tsv" 2>"$tmp/good.stderr"
status=$?
ok "$([ "$status" -eq 0 ] && [ -s "$tmp/good.lex" ] && [ ! -s "$tmp/good.stderr" ]; echo $?)" \
    "the good file alone compiles, silently"

done_testing
