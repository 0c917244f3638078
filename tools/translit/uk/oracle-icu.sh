#!/bin/sh
# shellcheck disable=SC1112  # the typographic quotes are the point
# Independent oracles from ICU (Debian icu-devtools, uconv; ICU 72.1).
# Reads one name per line on stdin, writes its romanisation per line.
#
#   tools/translit/uk/oracle-icu.sh bgn < names    # for uk-bgn-pcgn-1965
#   tools/translit/uk/oracle-icu.sh iso < names    # for uk-iso-9
#
# bgn: ICU uk-uk_Latn/BGN (CLDR's BGN/PCGN 1965 rules).  Its filter reads
#      only U+2019 as the apostrophe, so every apostrophe form is first
#      mapped to U+2019; then ʹ (U+02B9) -> ’ (U+2019), ʺ (U+02BA) -> ”
#      (U+201D), and the disambiguating middle dot · is removed, as the
#      printed standard has it (reference §1-§2).
# iso: ICU Cyrillic-Latin, with its documented deviations from ISO 9:1995
#      mapped (reference §1): í -> ì, í̈ -> ï (i + U+0301 [+ U+0308] in NFD);
#      every apostrophe form -> ’ (U+2019; ICU passes apostrophes through).
#      The result is put in NFC.
set -eu
# Every apostrophe form toponorm accepts (' ’ ʼ ʻ ` ´ ‘) -> U+2019.  One
# expression per form: a bracket expression would split the multi-byte
# forms in a non-UTF-8 locale.
apos() {
    sed -e "s/'/’/g" -e 's/ʼ/’/g' -e 's/ʻ/’/g' -e 's/`/’/g' -e 's/´/’/g' -e 's/‘/’/g'
}
case ${1:-} in
bgn)
    apos | uconv -f utf-8 -t utf-8 -x 'uk-uk_Latn/BGN' |
        sed -e 's/ʹ/’/g' -e 's/ʺ/”/g' -e 's/·//g'
    ;;
iso)
    apos | uconv -f utf-8 -t utf-8 -x 'Cyrillic-Latin; NFD' |
        sed -e 's/i\xcc\x81\xcc\x88/ï/g' -e 's/I\xcc\x81\xcc\x88/Ï/g' \
            -e 's/i\xcc\x81/ì/g' -e 's/I\xcc\x81/Ì/g' |
        uconv -f utf-8 -t utf-8 -x 'NFC'
    ;;
*)
    echo "usage: $0 bgn|iso < names" >&2
    exit 2
    ;;
esac
