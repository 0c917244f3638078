#!/usr/bin/python3
"""Extract the Ukrainian place-name list for the uk-* transliteration golden files.

    tools/translit/uk/extract-names.py > tools/translit/uk/names.tsv

Output: one row per name, NAME<TAB>WHERE-FROM, after # comment lines.  The
same list feeds every tests/golden/translit/uk-*.tsv (gen-golden.sh).

Sources (Debian packages; run as root: apt-get install -y libgeonames0
libgeonames-common iso-codes gettext python3-gi libglib2.0-bin;
run with Debian's /usr/bin/python3, which has the gi module):

1. libgeonames0 0.3.0-1 embeds the GeoNames cities (population >= 15000) as
   the GResource /com/lomiri/geonames/cities.compiled, a GVariant of type
   a(sssssssudd): (geonameid, name, admin1 code, admin1 name, country code,
   country, timezone, population, latitude, longitude).  We keep country
   code UA.
2. libgeonames-common 0.3.0-1 ships the Ukrainian names as the gettext
   catalogue /usr/share/locale/uk/LC_MESSAGES/geonames.mo, keyed by the
   geonameid ("702550" -> "Львів"; admin1 names are keyed "UA.15").  A
   missing translation comes back as the English (or Russian-based) name in
   Latin letters ("Yasinovataya", "Starobil’s’k"), so only msgstrs written
   wholly in Ukrainian Cyrillic are kept.
3. iso-codes 4.15.0-1: the UA-* subdivisions of
   /usr/share/iso-codes/json/iso_3166-2.json, translated through
   /usr/share/locale/uk/LC_MESSAGES/iso_3166-2.mo, which is keyed by the
   English name ("Lvivska oblast" -> "Львівська область").
4. No place in Ukraine in (1)-(3) is written with ґ, щ or зг, which every
   golden file must cover, so the list adds the Ukrainian names that
   geonames.mo gives to the cities of Poland (country code PL) containing
   one of those: real names in Ukrainian spelling (Білґорай, Щецин, Згеж).

Rejected, deterministically:
- any character outside the Ukrainian alphabet, apostrophes, hyphen and
  space (Latin fall-backs; ы э ъ ё would mean a Russian form);
- the uk entries that carry a former name the 2016 decommunisation acts
  replaced (FORMER_2016 below; geonames.mo predates them for these ids),
  a Russian form (Ровно for Рівне) and a misspelling (Пятихатки for
  П'ятихатки): see REJECT;
- duplicates (two Городок, two Первомайськ; the cities Київ and
  Севастополь again as ISO subdivisions): the first is kept.

Order: section 1+3 (Ukraine) then section 4 (Poland), each sorted in
Ukrainian alphabetical order (apostrophe, hyphen and space sort first).
Apostrophes are kept as the catalogues have them (U+0027 and U+2019), so
the golden files exercise both.
"""
import json
import re
import subprocess
import sys

from gi.repository import GLib

LIB = "/usr/lib/x86_64-linux-gnu/libgeonames.so.0"
GEONAMES_MO = "/usr/share/locale/uk/LC_MESSAGES/geonames.mo"
ISO_JSON = "/usr/share/iso-codes/json/iso_3166-2.json"
ISO_MO = "/usr/share/locale/uk/LC_MESSAGES/iso_3166-2.mo"

ALPHABET = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
APOSTROPHES = "'\u2019\u02bc"
OK = re.compile("^[" + ALPHABET + ALPHABET.upper() + APOSTROPHES + " -]+$")

# uk names that the 2016 decommunisation acts replaced (reference sec. 6):
# geonames.mo still gives them for these ids.
FORMER_2016 = {
    "Артемівськ", "Дзержинськ", "Красний Лиман", "Іллічівськ",
    "Красноармійськ", "Димитров", "Котовськ", "Щорс", "Торез",
    "Кіровське", "Комсомольське", "Тельманове", "Кіровськ", "Красний Луч",
    "Краснодон", "Свердловськ", "Стаханов", "Вахрушеве", "Петровське",
    "Дніпропетровськ", "Дніпродзержинськ", "Комсомольськ", "Кузнецовськ",
    "Цюрупинськ", "Артемове", "Ульяновка", "Кіровоград", "Орджонікідзе",
    # Crimea: renamed Яни Капу by the Verkhovna Rada in 2016 (not in the
    # reference's sec. 6; geonames' own name for id 704362 is Yany Kapu):
    "Красноперекопськ",
}
REJECT = {
    "Ровно": "Russian form; the Ukrainian name is Рівне",
    "Пятихатки": "misspelt; the Ukrainian name is П'ятихатки",
}


def catalogue(mo):
    po = subprocess.run(["msgunfmt", "--no-wrap", mo], check=True,
                        capture_output=True).stdout.decode("utf-8")
    return {m.group(1): m.group(2)
            for m in re.finditer(r'^msgid "(.*)"\nmsgstr "(.*)"$', po, re.M)}


def cities():
    # The resource is linked into the library: read it with gresource(1).
    data = subprocess.run(["gresource", "extract", LIB,
                           "/com/lomiri/geonames/cities.compiled"],
                          check=True, capture_output=True).stdout
    v = GLib.Variant.new_from_bytes(GLib.VariantType.new("a(sssssssudd)"),
                                    GLib.Bytes.new(data), False)
    return [v.get_child_value(i).unpack() for i in range(v.n_children())]


def sort_key(name):
    order = " -'\u2019\u02bc" + ALPHABET
    return [order.index(c) if c in order else 1000 + ord(c)
            for c in name.lower()]


def main():
    sys.stdout.reconfigure(encoding="utf-8", newline="\n")
    geo = catalogue(GEONAMES_MO)
    iso = catalogue(ISO_MO)
    rows = cities()
    seen = set()
    dropped = []

    def take(section, name, where):
        if name is None:
            dropped.append((where, "(no translation)"))
            return
        if not OK.match(name):
            dropped.append((where, name + " (not Ukrainian Cyrillic)"))
            return
        if name in FORMER_2016:
            dropped.append((where, name + " (pre-2016 name)"))
            return
        if name in REJECT:
            dropped.append((where, name + " (" + REJECT[name] + ")"))
            return
        if name in seen:
            return
        seen.add(name)
        section.append((name, where))

    ukraine, poland = [], []
    for r in rows:
        if r[4] == "UA":
            take(ukraine, geo.get(r[0]), "geonames:" + r[0])
    for e in json.load(open(ISO_JSON, encoding="utf-8"))["3166-2"]:
        if e["code"].startswith("UA-"):
            take(ukraine, iso.get(e["name"]), "iso_3166-2:" + e["code"])
    for r in rows:
        name = geo.get(r[0])
        if r[4] == "PL" and name and re.search("ґ|щ|зг", name.lower()):
            take(poland, name, "geonames:" + r[0] + ":PL")

    w = sys.stdout.write
    w("# Ukrainian place names for tests/golden/translit/uk-*.tsv.\n")
    w("# Generated by tools/translit/uk/extract-names.py (see its docstring)\n")
    w("# from Debian libgeonames0/libgeonames-common 0.3.0-1 (GeoNames ids\n")
    w("# with country UA, Ukrainian names from geonames.mo) and iso-codes\n")
    w("# 4.15.0-1 (ISO 3166-2 UA-*, iso_3166-2.mo); then Polish cities whose\n")
    w("# Ukrainian name has ґ, щ or зг.  NAME<TAB>SOURCE.\n")
    for name, where in sorted(ukraine, key=lambda t: sort_key(t[0])):
        w(name + "\t" + where + "\n")
    w("# Cities of Poland, Ukrainian spelling (for ґ, щ, зг)\n")
    for name, where in sorted(poland, key=lambda t: sort_key(t[0])):
        w(name + "\t" + where + "\n")
    for where, why in dropped:
        sys.stderr.write("dropped " + where + ": " + why + "\n")


if __name__ == "__main__":
    main()
