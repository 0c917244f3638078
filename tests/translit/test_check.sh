#!/bin/sh
# toponorm translit and toponorm check themselves, on a fixture table
# (tests/translit/fixture-kmu.tsv, a subset of KMU 2010) compiled with lexc.
. "$top_srcdir/tests/tap.sh"
T=${TOPONORM:-toponorm}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fx="$top_srcdir/tests/translit/fixture-kmu.tsv"
"$top_builddir/lexc" -o "$tmp/t.lex" "$top_srcdir/lexicons/key/key-cyrl.tsv" "$fx"
ok $? "lexc compiles the fixture"

# translit: case rules and untouched non-Cyrillic text
is "$(printf 'Щастя ЩАСТЯ щастя, Kyiv 2024 Знам’янка Згорани\n' | "$T" translit --lexicon "$tmp/t.lex" --scheme fixture-kmu)" \
   "Shchastia SHCHASTIA shchastia, Kyiv 2024 Znamianka Zghorany" "translit: Title, ALL CAPS, lower case; other text kept"
is "$(printf 'Ростов-на-Дону' | "$T" translit --lexicon "$tmp/t.lex" --scheme fixture-kmu)" "Rostov-na-Donu" "translit: hyphens kept"
is "$(printf 'a\377б' | "$T" translit --lexicon "$tmp/t.lex" --scheme fixture-kmu | od -An -c | tr -s ' ')" " a 377 b" "translit: ill-formed bytes copied"
"$T" translit --lexicon "$tmp/t.lex" --scheme nope </dev/null 2>"$tmp/err"; is $? 1 "translit: unknown scheme is a usage error"
grep -q "no scheme 'nope'" "$tmp/err"; ok $? "translit: the message names the scheme"

# translit streams its input in pieces ending at a newline: many lines, a
# line longer than a piece (no newline inside), and no newline at the end.
awk 'BEGIN { for (i = 0; i < 5000; i++) print "Щастя Знам’янка"
             for (i = 0; i < 20000; i++) printf "ЩАСТЯ Згорани "
             printf "\nЄнакієве" }' > "$tmp/big"
awk 'BEGIN { for (i = 0; i < 5000; i++) print "Shchastia Znamianka"
             for (i = 0; i < 20000; i++) printf "SHCHASTIA Zghorany "
             printf "\nYenakiieve" }' > "$tmp/big.want"
"$T" translit --lexicon "$tmp/t.lex" --scheme fixture-kmu < "$tmp/big" > "$tmp/big.got"
ok $? "translit: 675 KB in, with a 520 KB line"
cmp -s "$tmp/big.got" "$tmp/big.want"; ok $? "translit: the same output piece by piece as line by line"

# check: a passing golden file, a wrong row, a missing file, --update
mkdir "$tmp/g"
printf '# fixture\nКиїв\tKyiv\nЄнакієве\tYenakiieve\n' > "$tmp/g/fixture-kmu.tsv"
"$T" check --lexicon "$tmp/t.lex" --golden "$tmp/g" > "$tmp/out"; is $? 0 "check: all samples and golden rows pass"
is "$(tail -1 "$tmp/out")" "check: 1 table, 5 samples, 2 golden rows: 0 differences" "check: summary line"
printf '# fixture\nКиїв\tKiev\nЄнакієве\tYenakiieve\n' > "$tmp/g/fixture-kmu.tsv"
"$T" check --lexicon "$tmp/t.lex" --golden "$tmp/g" > "$tmp/out"; is $? 1 "check: a wrong golden row exits 1"
is "$(head -1 "$tmp/out")" "$tmp/g/fixture-kmu.tsv:2: Київ: expected 'Kiev', got 'Kyiv'" "check: FILE:LINE: input: expected, got"
"$T" check --lexicon "$tmp/t.lex" --golden "$tmp/g" --update > "$tmp/out"; is $? 0 "check --update runs"
is "$(cat "$tmp/g/fixture-kmu.tsv")" "$(printf '# fixture\nКиїв\tKyiv\nЄнакієве\tYenakiieve')" "check --update rewrites the row, keeps comments and order"
rm "$tmp/g/fixture-kmu.tsv"
"$T" check --lexicon "$tmp/t.lex" --golden "$tmp/g" > "$tmp/out"; is $? 1 "check: a missing golden file fails"
grep -q "no golden file for table fixture-kmu" "$tmp/out"; ok $? "check: says which golden file is missing"
"$T" check --lexicon "$tmp/t.lex" --golden "$tmp/g" nope >/dev/null 2>&1; is $? 1 "check: unknown table is a usage error"

# a sample that fails names the table file and line
sed 's/^@sample\tЩастя\tShchastia$/@sample\tЩастя\tShchastya/' "$fx" > "$tmp/bad.tsv"
"$top_builddir/lexc" -o "$tmp/b.lex" "$top_srcdir/lexicons/key/key-cyrl.tsv" "$tmp/bad.tsv"
printf 'Київ\tKyiv\n' > "$tmp/g/fixture-kmu.tsv"
"$T" check --lexicon "$tmp/b.lex" --golden "$tmp/g" > "$tmp/out"; is $? 1 "check: a failing sample exits 1"
grep -q "^$tmp/bad.tsv:[0-9]*: Щастя: expected 'Shchastya', got 'Shchastia'$" "$tmp/out"; ok $? "check: the sample's file:line"

# --report: coverage and collisions
printf 'Київ\tKyiv\nКиів\tKyiv\n' > "$tmp/g/fixture-kmu.tsv"
"$T" check --lexicon "$tmp/t.lex" --golden "$tmp/g" --report > "$tmp/out"
grep -q "every letter has a rule" "$tmp/out"; ok $? "check --report: coverage"
grep -q "^  Kyiv <- Київ, Киів$" "$tmp/out"; ok $? "check --report: names the table writes alike"
done_testing
