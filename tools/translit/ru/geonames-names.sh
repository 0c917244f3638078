#!/bin/sh
# geonames-names.sh: pick the Russian place names the golden files
# tests/golden/translit/ru-*.tsv are built from, and write them to stdout
# (the content of tools/translit/ru/golden-names.txt).
#
#   tools/translit/ru/geonames-names.sh > tools/translit/ru/golden-names.txt
#
# Source: the Debian packages of geonames 0.3.0 (UBports):
#   libgeonames0       the city table (geonameid, English name, country code),
#                      read through its C API (geonames_get_city)
#   libgeonames-dev    the header and pkg-config file for that
#   libgeonames-common /usr/share/locale/ru/LC_MESSAGES/geonames.mo: the
#                      Russian names; msgid = geonameid, msgstr = the name
#   gettext            msgunfmt, to read the .mo
# (apt-get install -y libgeonames0 libgeonames-dev libgeonames-common gettext)
#
# The cities of Russia (RU) and Ukraine (UA, whose entries in the ru catalogue
# are the Russian names: Харьков, Запорожье) are kept when the Russian name is
# made of Russian letters only (words joined by one space or hyphen); that
# drops the few entries the catalogue left in Latin or in Ukrainian spelling
# (Kadiyevka, Глухів).  select-names.mjs then picks the rows: see there.
# The output is a pure function of the two package versions (checked below).
set -eu
LC_ALL=C
export LC_ALL
here=$(cd "$(dirname "$0")" && pwd)
mo=/usr/share/locale/ru/LC_MESSAGES/geonames.mo
want=0.3.0-1

for p in libgeonames0 libgeonames-dev libgeonames-common gettext; do
    dpkg -s "$p" >/dev/null 2>&1 || { echo "$0: package $p is not installed" >&2; exit 1; }
done
for p in libgeonames0 libgeonames-common; do
    v=$(dpkg-query -W -f='${Version}' "$p")
    [ "$v" = "$want" ] || echo "$0: warning: $p is $v, the golden files were made with $want" >&2
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
cat > "$tmp/cities.c" <<'EOF'
/* Print geonameid, country code and English name of every city of libgeonames. */
#include <geonames/geonames.h>
#include <stdio.h>
int main(void)
{
    gint i, n = geonames_get_n_cities();
    for (i = 0; i < n; i++) {
        GeonamesCity *c = geonames_get_city(i);
        const gchar *id, *name, *cc;
        g_variant_get_child(c, 0, "&s", &id);      /* (sssssssudd): id, name, */
        g_variant_get_child(c, 1, "&s", &name);    /* admin1 code, admin1 name, */
        g_variant_get_child(c, 4, "&s", &cc);      /* country code, ... */
        printf("%s\t%s\t%s\n", id, cc, name);
        geonames_city_free(c);
    }
    return 0;
}
EOF
${CC:-cc} -o "$tmp/cities" "$tmp/cities.c" $(pkg-config --cflags --libs geonames)
"$tmp/cities" > "$tmp/cities.tsv"
msgunfmt --no-wrap "$mo" > "$tmp/ru.po"
node "$here/select-names.mjs" "$tmp/cities.tsv" "$tmp/ru.po" \
    "libgeonames0 $(dpkg-query -W -f='${Version}' libgeonames0), libgeonames-common $(dpkg-query -W -f='${Version}' libgeonames-common)"
