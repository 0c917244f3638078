#!/bin/sh
# toponorm analyze --query --format sphinx: the MATCH expressions, exactly
# (the words must be the ones the index filter writes: tests/sphinx/test_filter).
. "$top_srcdir/tests/tap.sh"
T=${TOPONORM:-toponorm}
q() { printf '%s\n' "$1" | "$T" analyze --query --format sphinx; }

is "$(q 'Донецьк')" "(донецьк | xkdoneck | xp565348 | xp709717)" "a word: the OR of its surface, key and place ids"
is "$(q 'у Донецьку')" "у (донецьку | xkdonecku | донецьк | xp565348 | xp709717)" "words AND; the stem joins the surface words"
is "$(q "Donets’k")" "(donets'k | xkdoneck | xp565348 | xp709717)" "apostrophes fold to U+27"
is "$(q 'Kyiv -Donetsk')" "(kyiv | xkkiv | xp703448) -(donetsk | xkdoneck | xp565348 | xp709717)" "-word excludes"
is "$(q 'Kyiv !Donetsk')" "(kyiv | xkkiv | xp703448) -(donetsk | xkdoneck | xp565348 | xp709717)" "!word excludes too"
is "$(q '"Kyiv Lviv"')" '("kyiv lviv" | "xkkiv lviv" | "xp703448 lviv" | "kyiv xklviv" | "xkkiv xklviv" | "xp703448 xklviv" | "kyiv xp702550" | "xkkiv xp702550" | "xp703448 xp702550")' \
   "a phrase: spelled out, one plain phrase per choice of words"
is "$(q '-"Kyiv Lviv" Odesa')" '-("kyiv lviv" | "xkkiv lviv" | "xp703448 lviv" | "kyiv xklviv" | "xkkiv xklviv" | "xp703448 xklviv" | "kyiv xp702550" | "xkkiv xp702550" | "xp703448 xp702550") (odesa | xkodesa | xp698740)' \
   "-\"phrase\" excludes a phrase"
is "$(q '"Київ"')" "(київ | xkkiv | xp703448)" "a one-word phrase is the word"
is "$(q '"Kyiv Lviv Odesa Kharkiv Dnipro Poltava Sumy"')" \
   "((kyiv | xkkiv | xp703448) << (lviv | xklviv | xp702550) << (odesa | xkodesa | xp698740) << (kharkiv | xkxarkiv | xp706483) << (dnipro | xkdnipro | xp709930) << (poltava | xkpoltava | xp696643) << (sumy | xksumi | sumi | xp692194))" \
   "over 64 phrases: the order operator instead"
is "$(q 'Івано-Франківськ')" "(((івано | xkivano | іван | xp707471) (франківськ | xkfrankivsk)) | xkivanofrankivsk)" \
   "a compound: its parts, or its joined key (| binds tighter than AND in Sphinx)"
is "$(q 'Kyiv -Івано-Франківськ')" "(kyiv | xkkiv | xp703448) -(((івано | xkivano | іван | xp707471) (франківськ | xkfrankivsk)) | xkivanofrankivsk)" \
   "an excluded compound"
case "$(q '"Івано-Франківськ airport"')" in
    '("івано франківськ airport" | "xkivano франківськ airport" | '*) r=0 ;;
    *) r=1 ;;
esac
ok $r "a compound in a phrase: its parts"
is "$(q 'a(b)|c "d')" "a b c d" "operator characters are not operators; an open quote ends at the line end"
is "$(q 'x@y ~z =w $v ^u /t')" '(x\@y | x\@i) z w v u t' "nor are the others; inside a word they are escaped"
long=$(printf 'д%.0s' $(seq 45))
is "$(q "$long")" "$(printf 'д%.0s' $(seq 42))" "a word over 42 letters: its surface only, cut like Sphinx cuts it"
is "$(printf 'Київ\n\n!!!\nLviv\n' | "$T" analyze --query --format sphinx | tr '\n' '/')" \
   "(київ | xkkiv | xp703448)//"'/(lviv | xklviv | xp702550)/' "one expression per line, an empty one for a line without words"
printf 'x\n' | "$T" analyze --format xml >/dev/null 2>&1; is $? 1 "--format xml: usage error"
is "$(printf 'Київ\n' | "$T" analyze --format json | head -c 9)" '{"text":"' "--format json is --json"
is "$(printf 'Київ\n' | "$T" analyze --format text)" "$(printf 'Київ\n' | "$T" analyze)" "--format text is the default"
is "$(printf 'Донецьку\n' | "$T" analyze --format sphinx --lang uk)" "(донецьку | xkdonecku | донецьк | xp565348 | xp709717)" \
   "--lang applies (uk: the place's name as stem, no Russian one), as the filter's lang= does"
done_testing
