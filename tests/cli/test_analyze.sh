#!/bin/sh
# toponorm analyze: the CLI contract (../shared/DESIGN.md) and its errors.
. "$top_srcdir/tests/tap.sh"
T=${TOPONORM:-toponorm}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# The DESIGN.md example, byte for byte.
got=$(printf 'Живу в Донецьку' | "$T" analyze --json | sed -n 3p)
is "$got" '{"text":"Донецьку","start":12,"end":28,"position":3,"terms":[{"term":"донецьку","kind":"surface"},{"term":"donecku","kind":"key"},{"term":"донецьк","kind":"stem"},{"term":"565348","kind":"place"},{"term":"709717","kind":"place"}]}' \
   "--json: one object per token with text, start, end, position, terms"

# One key for the spellings of Донецьк (README demo claim).
keys=$(printf '%s\n' "Донецьк Донецк Donetsk Donets'k Donetsk' Donets’k Doneck Donec'k Doneczk Donezk Donieck Donetsʹk" |
       "$T" analyze | awk -F'\t' '{print $3}' | tr ' ' '\n' | grep '^key:' | sort -u | tr '\n' ' ')
case "$keys" in *key:doneck*) r=0 ;; *) r=1 ;; esac
ok $r "every spelling of Донецьк has key doneck"
n=$(printf '%s\n' "Донецьк Донецк Donetsk Donets'k Donetsk' Donets’k Doneck Donec'k Donieck Donetsʹk" |
    "$T" analyze | grep -c 'key:doneck')
is "$n" 10 "each of 10 spellings carries that key"

# --lines: one object per input line, N from 1, offsets from the line start.
out=$(printf 'Київ\n\nKyiv Донецьк\n' | "$T" analyze --json --lines)
is "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 3 "--lines: one object per line, empty lines included"
is "$(printf '%s\n' "$out" | sed -n 2p)" '{"line":2,"tokens":[]}' "--lines: an empty line has no tokens"
case "$(printf '%s\n' "$out" | sed -n 3p)" in
  '{"line":3,"tokens":[{"text":"Kyiv","start":0,"end":4,"position":1,'*'{"text":"Донецьк","start":5,"end":19,"position":2,'*) r=0 ;;
  *) r=1 ;;
esac
ok $r "--lines: offsets and positions restart on each line"
is "$(printf 'a\r\nb\r\n' | "$T" analyze --lines | sed -n 1p)" \
   '{"line":1,"tokens":[{"text":"a","start":0,"end":1,"position":1,"lang":"en","terms":[{"term":"a","kind":"surface"}]}]}' \
   "--lines: CRLF line ends are not part of the text"

# Numbers of every width (the writer puts two digits at a time): positions
# 1..1200 in order, offsets 11 bytes apart (слово + space).
awk 'BEGIN { for (i = 0; i < 1200; i++) printf "слово " }' > "$tmp/many"
"$T" analyze < "$tmp/many" | cut -f1 > "$tmp/pos"
seq 1 1200 > "$tmp/want"
cmp -s "$tmp/pos" "$tmp/want"; ok $? "positions 1..1200 written in order"
case "$("$T" analyze --json < "$tmp/many" | sed -n 1200p)" in
  '{"text":"слово","start":13189,"end":13199,"position":1200,'*) r=0 ;;
  *) r=1 ;;
esac
ok $r "--json: offsets and position of the 1200th token"

# Input of several megabytes, which analyze reads in pieces of about 1 MB:
# positions and offsets run on over the whole input, from a pipe as from a
# file; a line with no break in it (3 MB) is read whole.
awk 'BEGIN { for (i = 0; i < 120000; i++) printf "Донецьк, Kyiv.\n" }' > "$tmp/big"
size=$(wc -c < "$tmp/big" | tr -d ' ')
want="{\"text\":\"Kyiv\",\"start\":$((size - 6)),\"end\":$((size - 2)),\"position\":240000,"
case "$(cat "$tmp/big" | "$T" analyze --json | tail -n 1)" in "$want"*) r=0 ;; *) r=1 ;; esac
ok $r "2.6 MB from a pipe: the last token at position 240000, offsets from the start"
cat "$tmp/big" | "$T" analyze > "$tmp/pipe.out"
"$T" analyze < "$tmp/big" > "$tmp/file.out"
cmp -s "$tmp/pipe.out" "$tmp/file.out"; ok $? "the same output from a pipe and from the file"
is "$(grep -c 'place:' "$tmp/file.out")" 240000 "every Донецьк and Kyiv found as a place"
awk 'BEGIN { for (i = 0; i < 300000; i++) printf "слово " }' | "$T" analyze | tail -n 1 | cut -f1 > "$tmp/last"
is "$(cat "$tmp/last")" 300000 "a 3.3 MB line with no line break: 300000 positions"

# --query and --lang are accepted; --lang must be uk, ru or en.
printf 'Донецьк\n' | "$T" analyze --query >/dev/null; ok $? "--query runs"
printf 'Донецьк\n' | "$T" analyze --lang uk >/dev/null; ok $? "--lang uk runs"
printf 'x\n' | "$T" analyze --lang de >/dev/null 2>"$tmp/err"; is $? 1 "--lang de is a usage error (exit 1)"
grep -q "uk, ru or en" "$tmp/err"; ok $? "the message says which languages"
printf 'x\n' | "$T" analyze --bogus >/dev/null 2>&1; is $? 1 "unknown option: exit 1"
printf 'x\n' | "$T" analyze extra >/dev/null 2>&1; is $? 1 "stray argument: exit 1"
"$T" >/dev/null 2>&1; is $? 1 "no command: exit 1"
"$T" frobnicate >/dev/null 2>&1; is $? 1 "unknown command: exit 1"

# --keys names: what `toponorm index` stores.  A capitalised word and a
# known place in lower case keep their keys; an ordinary lower-case word
# keeps surface and stem only.  --keys all (the default) keys every word.
keys_of() { printf '%s\n' "$2" | "$T" analyze $1 | awk -F'\t' -v w="$2" '$2 == w { print $3 }'; }
is "$(keys_of '--keys names' 'метро')" "surface:метро stem:метр" "--keys names: no key for an ordinary lower-case word"
is "$(keys_of '--keys all' 'метро')" "surface:метро key:metro stem:метр" "--keys all: the same word keyed"
is "$(keys_of '' 'метро')" "surface:метро key:metro stem:метр" "analyze keys every word by default"
case "$(keys_of '--keys names' 'Метро')" in *key:metro*) r=0 ;; *) r=1 ;; esac
ok $r "--keys names: a capitalised word keeps its key"
case "$(keys_of '--keys names' 'донецьку')" in *key:donecku*place:709717*) r=0 ;; *) r=1 ;; esac
ok $r "--keys names: a place name in lower case keeps its key (донецьку)"
case "$(keys_of '--keys names --query' 'метро')" in *key:metro*) r=0 ;; *) r=1 ;; esac
ok $r "--keys names does not apply to a query"
printf 'x\n' | "$T" analyze --keys some >/dev/null 2>"$tmp/err"; is $? 1 "--keys some: usage error"
grep -q "names or all" "$tmp/err"; ok $? "the message says which values"

# Lexicon errors name the file and exit 2.
printf 'x' | "$T" analyze --lexicon "$tmp/none.lex" >/dev/null 2>"$tmp/err"; is $? 2 "missing lexicon: exit 2"
grep -q "$tmp/none.lex: cannot open" "$tmp/err"; ok $? "missing lexicon: the message names the file"
head -c 100 "$TOPONORM_LEXICON" > "$tmp/trunc.lex"
printf 'x' | "$T" analyze --lexicon "$tmp/trunc.lex" >/dev/null 2>"$tmp/err"; is $? 2 "truncated lexicon: exit 2"
grep -q "trunc.lex: truncated or padded lexicon" "$tmp/err"; ok $? "truncated lexicon: says so, names the file"
printf 'x' | TOPONORM_LEXICON="$tmp/none.lex" "$T" analyze >/dev/null 2>&1; is $? 2 "TOPONORM_LEXICON is honoured"

# Bad input: no crash, valid output.
printf 'Київ\200\377Донецьк\000Odesa\355\240\200x' | "$T" analyze > "$tmp/out"; is $? 0 "invalid UTF-8 and NUL: exit 0"
is "$(cut -f2 "$tmp/out" | tr '\n' ' ')" "Київ Донецьк Odesa x " "invalid bytes and NUL separate words"
printf '' | "$T" analyze > "$tmp/out"; is "$?:$(wc -c < "$tmp/out" | tr -d ' ')" "0:0" "empty input: no output"
done_testing
