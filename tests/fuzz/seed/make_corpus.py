#!/usr/bin/env python3
"""Regenerate the seed corpora in tests/fuzz/corpus/ (a maintainer tool;
the build never runs it).

    python3 tests/fuzz/seed/make_corpus.py LEXC

LEXC is the built lexicon compiler; it compiles tests/fuzz/seed/tiny-*.tsv
into a small lexicon whose truncations and corruptions seed the lexicon
corpus.  Inputs found by fuzzing live in the same directories under names
starting with "crash-" (fixed) or "todo-crash-" (known, not fixed yet; the
replay reports them as TODO) and are left alone.
"""
import os
import struct
import subprocess
import sys
import tempfile

import xxhash  # Debian python3-xxhash: the lexicon checksum is XXH3-64

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(os.path.dirname(HERE), "corpus")
# A small gazetteer, so the seeds have a places section to corrupt.
PLACES = os.path.join(os.path.dirname(os.path.dirname(HERE)), "places")

# fuzz_analyze: byte 0 = flags (see fuzz_analyze.c), the rest is the text.
QUERY, UK, RU, EN = 0x01, 0x02, 0x04, 0x06
SURF, MINKEY, KEYSTEM = 0x08, 0x10, 0x18


def stop(k):
    return 0x20 | ((k - 1) << 6)


ANALYZE = {
    "mixed-uk-ru-en": (0, "Київ — столиця України. Москва — столица России. Kyiv, Kiev; Kharkiv."),
    "mixed-paragraphs": (QUERY, "Донецьк (Donetsk, Donec'k)\n\nАртёмовск → Бахмут\r\nLviv/Lwów/Lemberg\t1941"),
    "hint-uk": (UK, "Москва Донецьк Одеса Суми"),
    "hint-ru": (RU, "Москва Донецьк Одеса Суми"),
    "hint-en": (EN | QUERY, "Moskva Donetsk Odesa Sumy"),
    "surface-only": (SURF, "Слов'янськ Івано-Франківськ Kyiv"),
    "min-key-0": (MINKEY, "Я я І і Ї ї a b"),
    "keys-stems-only": (KEYSTEM, "объединение городов Kharkiv's streets"),
    "stop-1": (stop(1), "Київ Харків"),
    "stop-4": (stop(4) | QUERY, "Івано-Франківськ Слов'янськ"),
    "combining-stress": (0, "Доне\u0301цьк Ки\u0301їв Донѐцьк Ѐлка Ѝрпінь"),
    "combining-many": (0, "Київ" + "\u0301" * 200 + " " + "\u0308\u0327\u0483" * 50 + "Донецьк"),
    "combining-decomposed": (0, "Киі\u0308в Краи\u0306 Арте\u0308мовск и\u0306"),
    "apostrophes-all": (0, " ".join("Слов%sянськ" % a for a in
                                     "'\u2019\u02bc\u02bb`\u00b4\u2018\u2032\u02b9\u02ba\u2033\u201d")),
    "apostrophes-latin": (0, "Slov’yans’k Donets`k Donec``k Pid”yachi D'Arcy o'clock Donetsk'"),
    "apostrophes-runs": (0, "Київ''''Донецьк ''''' ``` ’’’ а'б'в'г'д"),
    "invalid-utf8-bytes": (0, b"\xd0\x9a\xd0\xb8\xd1\x97\xd0\xb2\x80\xd0\x94\xff\xfe\xc0\xaf\xe0\x80\xaf"),
    "invalid-utf8-surrogates": (0, b"Kyiv\xed\xa0\x80\xed\xbf\xbfLviv\xf4\x90\x80\x80\xf5"),
    "invalid-utf8-truncated": (0, b"\xd0\x9a\xd0\xb8\xd1\x97\xd0\xb2 \xd0\x94\xd0"),
    "invalid-utf8-truncated4": (QUERY, b"Donetsk \xf0\x9f\x98"),
    "invalid-in-word": (0, b"\xd0\x9a\xd0\xb8\xd1\xd0\xb2 Ky\x80iv \xd0\x94\xe2\x80\xd0\xbe"),
    "nul-bytes": (0, b"\xd0\x9a\xd0\xb8\x00\xd1\x97\xd0\xb2\x00\x00Donetsk\x00"),
    "nul-only": (0, b"\x00\x00\x00\x00"),
    "hyphen-chain": (0, "-".join(["аб"] * 40) + " Ростов-на-Дону Івано‐Франківськ Північно‑Західний"),
    "hyphen-runs": (0, "Київ----Донецьк -- - ‐‐ ‑ Kyiv-"),
    "hyphen-apostrophe-mix": (0, "Кам'янець-Подільський Слов'янськ-на-Донці Д'Артаньян-Ґ'ю"),
    "lookalikes-cyr": (0, "Kиїв Xарків Донeцьк Mосквa KИЇB Марiуполь Iвано Kиïв"),
    "lookalikes-lat": (0, "Kyіv Kуiv Оdesa Chеrnihiv Хаrkiv"),
    "invisible": (0, "Доне\u00adцьк Доне\u200dцьк Доне\u200cцьк Доне\ufeffцьк Доне\u2060цьк Доне\u200bцьк"),
    "yo-and-friends": (RU, "Артёмовск АРТЁМОВСК Ёлка ёжик Щёлково Объединение съезд"),
    "digits-and-numbers": (0, "1941–1945 2014-го 5-й 10km 3.14 ١٢٣ ४२"),
    "long-token-240": (0, "k" * 240 + " " + "ж" * 120 + " Kyiv"),
    "long-token-241": (0, "k" * 241 + " Донецьк"),
    "long-token-fdfa": (0, "\ufdfa" * 60 + " Донецьк"),
    "other-scripts": (0, "東京 Αθήνα ירושלים القاهرة ᐃᓄᒃᑎᑐᑦ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ﬁnland Ǆemal ß ẞ İstanbul"),
    "emoji-zwj": (0, "👨‍👩‍👧 Київ🇺🇦Kyiv 😀Донецьк"),
    "empty-after-flags": (0, ""),
    "cyrillic-extended": (0, "Ѳеодосія Ѣ ѣ Ґ ґ Ў ў Ђ Љ Њ Ћ Џ Ӂ ӂ Ԁ ԯ ᲀ"),
    "ascii-noise": (0, "!@#$%^&*()_+{}|:\"<>?~`-=[]\\;',./ \t\r\n\x0b\x0c"),
    "cache-collisions": (0, " ".join(("слово%d Word%d" % (i, i)) for i in range(200))),
}


def u32(v):
    return struct.pack("<I", v & 0xFFFFFFFF)


HEADER = 80  # TN_LEX_HEADER_SIZE


def fix(img):
    """Repair the file size and checksum fields of a lexicon image
    (tn_lex_sum: XXH3-64 of the whole image, checksum field read as zero,
    low 32 bits)."""
    img = bytearray(img)
    img[16:20] = u32(len(img))
    img[20:24] = u32(0)
    img[20:24] = u32(xxhash.xxh3_64_intdigest(bytes(img)))
    return bytes(img)


def write(kind, name, data):
    d = os.path.join(CORPUS, kind)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    lexc = sys.argv[1]
    for name, (flags, text) in ANALYZE.items():
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        write("analyze", name, bytes([flags]) + data)
    write("analyze", "zero-bytes", b"")

    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "tiny.lex")
        subprocess.check_call([lexc, "--strict", "--data-version", "tiny-1", "-o", out,
                               os.path.join(HERE, "tiny-cyrl.tsv"),
                               os.path.join(HERE, "tiny-latn.tsv"),
                               os.path.join(PLACES, "places-fixture.tsv"),
                               os.path.join(PLACES, "names-fixture.tsv")])
        lex = open(out, "rb").read()
    n = len(lex)
    ntab, toff = struct.unpack_from("<II", lex, 24)
    nrul, roff, soff, sn = struct.unpack_from("<IIII", lex, 32)
    lexicon = {
        "intact": lex,
        "empty": b"",
        "magic-only": b"TOPONLEX",
        "header-only": lex[:HEADER],
        "trunc-79": lex[:HEADER - 1],
        "trunc-100": lex[:100],
        "trunc-half": lex[: n // 2],
        "trunc-minus-1": lex[:-1],
        "padded": lex + b"\0",
        "bad-magic": b"TOPONLEY" + lex[8:],
        "format-2": lex[:8] + u32(2) + lex[12:],
        "fixed-places-off": fix(lex[:64] + u32(0xFFFFFF00) + lex[68:]),
        "fixed-places-len": fix(lex[:68] + u32(0xFFFFFFFF) + lex[72:]),
        "bad-crc": lex[:20] + u32(0) + lex[24:],
        "fixed-ntables-big": fix(lex[:24] + u32(ntab + 1) + lex[28:]),
        "fixed-nrules-small": fix(lex[:32] + u32(nrul - 1) + lex[36:]),
        "fixed-pool-short": fix(lex[:44] + u32(sn - 1) + lex[48:]),
        "fixed-version-off": fix(lex[:48] + u32(sn) + lex[52:]),
        "fixed-rule-src-off": fix(lex[:roff] + u32(0xFFFFFF00) + lex[roff + 4:]),
        "fixed-rule-ctx-bad": fix(lex[:roff + 24] + u32(0x100) + lex[roff + 28:]),
        "fixed-rule-len-long": fix(lex[:roff + 16] + b"\xff\x00" + lex[roff + 18:]),
        "fixed-table-range": fix(lex[:toff + 20] + u32(nrul + 1) + lex[toff + 24:]),
        "fixed-last-nul": fix(lex[:-1] + b"x"),
        "fixed-table-kind": fix(lex[:toff + 8] + u32(7) + lex[toff + 12:]),
        "fixed-no-cyrl": fix(lex[:toff + 12] + u32(2) + lex[toff + 16:]),
        "fixed-bad-utf8": fix(lex[:soff + 1] + b"\xff" + lex[soff + 2:]),
    }
    for name, data in lexicon.items():
        write("lexicon", name, data)


if __name__ == "__main__":
    main()
