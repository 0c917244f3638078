// iuliia2tsv.mjs: turn every Russian schema of the iuliia npm package into a
// toponorm transliteration table, and write the golden files of those tables.
//
//   cd "$(mktemp -d)" && npm pack iuliia@0.8.2 && tar xzf iuliia-0.8.2.tgz
//   node tools/translit/ru/iuliia2tsv.mjs --iuliia "$PWD/package" [--top DIR]
//
// writes, under DIR (default: the source tree this script is in)
//   lexicons/translit/ru-<schema>.tsv         (schema name with _ -> -)
//   tests/golden/translit/ru-<schema>.tsv     (rows: tools/translit/ru/golden-names.txt)
// and prints a summary to stderr.  Other modes:
//   --samples        print every schema's own samples as
//                    schema<TAB>ru-<schema><TAB>input<TAB>output (iuliia's text,
//                    as shipped: tests/conformance/iuliia.sh reads this)
//   --list           print the table names, one a line
//
// The conversion (iuliia engine: dist/cjs/engine.js, schema.js, mapping.js):
//   iuliia reads a word letter by letter; for letter c between p and n it
//   takes prev_mapping[p+c], else next_mapping[c+n], else mapping[c]; p is ""
//   at the start of a word, so a one-letter prev_mapping key means
//   word-initial.  Words of more than two letters first try
//   ending_mapping[last two letters], which replaces both.
//   Our engine (lexicons/FORMAT.md): longest source first, then the first rule
//   in file order whose context holds.  So, per letter:
//     prev_mapping "ае" -> ye   =>  е<TAB>ye<TAB>after=[а...]  (keys merged by output)
//     prev_mapping "е"  -> ye   =>  е<TAB>ye<TAB>initial
//     next_mapping "ъа" -> y    =>  ъ<TAB>y<TAB>before=[а...]
//     mapping      "ч"  -> ch   =>  ч<TAB>ch
//     ending       "ий" -> y    =>  ий<TAB>y<TAB>final noninitial
//   written prev rules first, then next rules, then the plain rule.
//   One iuliia detail needs three-letter rules: once an ending is cut off,
//   the letter before it is read with no next letter, so its next_mapping
//   rule does not fire (wikipedia: -ьий -> "" + y, not y + y).  For each
//   next_mapping key c+x where x starts an ending x+z, the table gets
//   c+x+z rules (final) whose output is what iuliia produces.
//
// Normalisation: every output is put in NFC (lexc requires it; iuliia 0.8.2
// writes ж as z + U+030C in gost_16876, gost_779, iso_9_1954, iso_9_1968,
// scientific and ungegn_1987).  iuliia 0.8.2 also writes Cyrillic ё (U+0451) for ё in bgn_pcgn,
// bgn_pcgn_alt, ala_lc, bs_2979, gost_16876, gost_779, scientific and
// ungegn_1987 (mapping, prev_mapping and samples); the standards have Latin ë
// (U+00EB).  Every table, sample and golden value here has ë (Ë) instead.
//
// Oracle: samples and golden values are computed by iuliia's own translate(),
// applied to each Cyrillic word separately (our word: a run of Cyrillic
// letters, apostrophes between letters; iuliia's word also spans hyphens and
// punctuation such as «», so iuliia alone would not treat the letter after a
// hyphen as word-initial).  A golden row where that makes a difference gets a
// comment with iuliia's whole-string output.  Before writing, every sample
// and golden row is also run through a small model of our rule engine
// (model.mjs) over the generated rules; a mismatch stops the script.
import { createRequire } from "node:module";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { pieces, translit as ourTranslit } from "./model.mjs";

const ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";

// Per schema: version (the year iuliia.ru gives), purpose, our title.
// purpose: `publication` = a romanisation issued by a standards body, a
// government body or an international organisation (ISO, GOST, BGN/PCGN,
// UNGEGN, ALA-LC, BS, ICAO, the Russian ministries' instructions MVD 310/782
// and the Minsvyaz telegram instruction) or the fixed scholarly system
// (scientific: the system of Slavic studies publications, the parent of ISO/R
// 9 and GOST 16876 - not press practice, so not `practical`).
// `practical` = a convention of a publisher or company, with no issuing body:
// Wikipedia, Yandex Maps / Yandex Money, the Moscow Metro map.
const META = {
    ala_lc: ["1997", "publication", "ALA-LC Romanization Tables: Russian (Library of Congress, 1997), with diacritics and tie bars"],
    ala_lc_alt: ["1997", "publication", "ALA-LC Romanization Tables: Russian (1997), variant without diacritics or tie bars"],
    bgn_pcgn: ["1947", "publication", "BGN/PCGN 1947 romanization of Russian, with the optional middle dot (t·s, y·a, ·e)"],
    bgn_pcgn_alt: ["1947", "publication", "BGN/PCGN 1947 romanization of Russian, without the optional middle dot"],
    bs_2979: ["1958", "publication", "British Standard 2979:1958, Russian, with diacritics (Oxford University Press usage: ы = ȳ)"],
    bs_2979_alt: ["1958", "publication", "British Standard 2979:1958, Russian, variant without diacritics"],
    gost_16876: ["1971", "publication", "GOST 16876-71 (GOST 1983, ST SEV 1362-78), table 1: one Latin letter with diacritics per Cyrillic letter"],
    gost_16876_alt: ["1971", "publication", "GOST 16876-71 (GOST 1983, ST SEV 1362-78), table 2: Latin letter combinations"],
    gost_52290: ["2004", "publication", "GOST R 52290-2004 (road signs), transliteration of Russian proper names"],
    gost_52535: ["2006", "publication", "GOST R 52535.1-2006 (machine-readable travel documents), transliteration of names"],
    gost_7034: ["2014", "publication", "GOST R 7.0.34-2014, simplified transliteration of Russian for libraries and publishers (first of each letter's alternatives)"],
    gost_779: ["2000", "publication", "GOST 7.79-2000 system A (= ISO 9:1995)"],
    gost_779_alt: ["2000", "publication", "GOST 7.79-2000 system B (ASCII)"],
    icao_doc_9303: ["2015", "publication", "ICAO Doc 9303 (7th edition, 2015), transliteration of Cyrillic for machine-readable travel documents (Russian passports since 2013-2014)"],
    iso_9_1954: ["1954", "publication", "ISO/R 9:1954"],
    iso_9_1968: ["1968", "publication", "ISO/R 9:1968"],
    iso_9_1968_alt: ["1968", "publication", "ISO/R 9:1968, alternative (English-style digraph) column"],
    mosmetro: ["2013", "practical", "Moscow Metro map transliteration (Studio Lebedev, 2013; not published as a rule set)"],
    mvd_310: ["1997", "publication", "MVD of Russia order 310 (1997), passports for travel abroad"],
    mvd_310_fr: ["1997", "publication", "MVD of Russia order 310 (1997), French-style variant (without the s -> ss between vowels rule)"],
    mvd_782: ["2000", "publication", "MVD of Russia order 782 (2000), driving licences"],
    scientific: ["1898", "publication", "Scientific (scholarly) transliteration of Russian"],
    telegram: ["2001", "publication", "Minsvyaz of Russia instruction on international telegrams (2001)"],
    ungegn_1987: ["1987", "publication", "UNGEGN 1987, UN resolution V/18 (the GOST 16876-71 table)"],
    wikipedia: ["2005", "practical", "English Wikipedia romanization of Russian (modified BGN/PCGN)"],
    yandex_maps: ["2015", "practical", "Yandex Maps transliteration of addresses"],
    yandex_money: ["2013", "practical", "Yandex Money transliteration of card holder names"],
};

const WHY = {
    publication: "issued by a standards body, government body or international organisation, or (scientific) the fixed scholarly system",
    practical: "a company's or publisher's convention, with no issuing body",
};

// Real Russian place names added to every table's samples (after the
// schema's own); they exercise initial е/ё, ё, й, ъ, ь, э, ы, ц, щ, -ий/-ый,
// кс, тс, г+е/и, -ин and hyphens.
const PLACES = [
    "Москва", "Санкт-Петербург", "Екатеринбург", "Нижний Новгород", "Ростов-на-Дону",
    "Петропавловск-Камчатский", "Орёл", "Щёлково", "Объячево", "Ульяновск",
    "Череповец", "Ессентуки", "Энгельс", "Сыктывкар", "Улан-Удэ", "Братск",
    "Аксай", "Сергиев Посад", "Геленджик", "Пушкин", "Великий Устюг", "Красноярск",
];

// ---------------------------------------------------------------- arguments
const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : dflt;
};
const iuliiaDir = opt("--iuliia", process.env.IULIIA_DIR);
const top = resolve(opt("--top", join(here, "..", "..", "..")));
if (!iuliiaDir) {
    console.error("usage: node iuliia2tsv.mjs --iuliia DIR/package [--top DIR] [--samples|--list]");
    process.exit(2);
}
const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(join(iuliiaDir, "package.json"), "utf8"));
const iuliia = require(join(resolve(iuliiaDir), "dist", "cjs", "index.js"));
const genDir = join(resolve(iuliiaDir), "dist", "cjs", "generated");
const schemaNames = [...iuliia.Schemas.names()].sort();
const tableName = (s) => "ru-" + s.replace(/_/g, "-");

if (args.includes("--list")) {
    for (const s of schemaNames) console.log(tableName(s));
    process.exit(0);
}
if (args.includes("--samples")) {
    for (const s of schemaNames) {
        const def = require(join(genDir, s + ".js")).default;
        for (const [i, o] of def.samples) console.log(`${s}\t${tableName(s)}\t${i}\t${o}`);
    }
    process.exit(0);
}

// ---------------------------------------------------------------- helpers
const latinE = (s) => s.replace(/ё/g, "ë").replace(/Ё/g, "Ë").normalize("NFC");
// The oracle: iuliia on each of our words, ё normalised.
function oracle(schema, text) {
    return latinE(pieces(text).map(([w, s]) => (w ? iuliia.translate(s, schema) : s)).join(""));
}

// ---------------------------------------------------------------- conversion
function convert(def) {
    const map = def.mapping, prev = def.prev_mapping || {}, next = def.next_mapping || {};
    const ending = def.ending_mapping || {};
    const rules = [];
    const notes = [];
    const push = (src, dst, ctx, why) => rules.push({ src, dst: latinE(dst), ctx, why });
    for (const k of Object.keys(map))
        if (!ALPHABET.includes(k)) throw new Error(`${def.name}: mapping key ${k} outside the alphabet`);
    for (const k of [...Object.keys(prev), ...Object.keys(next), ...Object.keys(ending)])
        for (const c of k)
            if (!ALPHABET.includes(c)) throw new Error(`${def.name}: context key ${k} outside the alphabet`);

    // prev_mapping groups for letter c: [{ctx, dst}], merged by output
    const prevGroups = (c) => {
        const initial = [], after = new Map();
        for (const [k, v] of Object.entries(prev)) {
            if (k.length === 1 && k === c) initial.push(v);
            else if (k.length === 2 && k[1] === c) {
                if (!after.has(v)) after.set(v, []);
                after.get(v).push(k[0]);
            }
        }
        const g = [];
        for (const v of initial) g.push({ ctx: ["initial"], dst: v, why: `prev_mapping "${c}" (word-initial)` });
        for (const [v, ls] of after)
            g.push({ ctx: [`after=[${ls.join("")}]`], dst: v, why: `prev_mapping ${ls.map((l) => `"${l}${c}"`).join(" ")}` });
        return g;
    };
    const nextGroups = (c) => {
        const before = new Map();
        for (const [k, v] of Object.entries(next))
            if (k[0] === c) {
                if (!before.has(v)) before.set(v, []);
                before.get(v).push(k[1]);
            }
        return [...before].map(([v, ls]) => ({
            ctx: [`before=[${ls.join("")}]`], dst: v, why: `next_mapping ${ls.map((l) => `"${c}${l}"`).join(" ")}`,
        }));
    };

    for (const c of ALPHABET) {
        if (!(c in map)) throw new Error(`${def.name}: no mapping for ${c}`);
        // the letter before an ending that a next_mapping rule would misread
        for (const [e, eo] of Object.entries(ending)) {
            if (!(c + e[0] in next)) continue;
            const src = c + e;
            for (const g of prevGroups(c)) push(src, g.dst + eo, ["final", ...g.ctx], `iuliia: ${c} before the ending ${e} sees no next letter (${g.why})`);
            push(src, map[c] + eo, ["final"], `iuliia: ${c} before the ending ${e} sees no next letter`);
            notes.push(`${src}: ${c} before the ending -${e} is read without its next_mapping rule "${c}${e[0]}", as iuliia does`);
        }
        for (const [e, eo] of Object.entries(ending))
            if (e[0] === c) push(e, eo, ["final", "noninitial"], `ending_mapping "${e}" (words of 3+ letters)`);
        for (const g of prevGroups(c)) push(c, g.dst, g.ctx, g.why);
        for (const g of nextGroups(c)) push(c, g.dst, g.ctx, g.why);
        push(c, map[c], [], "mapping");
    }
    for (const m of [map, prev, next, ending])
        for (const [k, v] of Object.entries(m))
            if (v.normalize("NFC") !== v)
                notes.push(`iuliia's output for ${k} is not in NFC (${[...v].map((c) => "U+" + c.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")).join(" ")}); this table has its NFC form ${v.normalize("NFC")}`);
    return { rules, notes };
}

// A field of a table line: "" for empty; a field starting with a double quote
// is written quoted with the quote doubled ("""" = one "), see the note in
// the table and the report: lexc reads "" as the empty string.
const field = (s) => (s === "" ? '""' : s.startsWith('"') ? '"' + s.replace(/"/g, '""') + '"' : s);

function tableText(sname, def, conv, samples) {
    const [version, purpose, standard] = META[sname];
    const name = tableName(sname);
    const url = def.url;
    const L = [];
    L.push(
        `#! toponorm-lexicon 1 kind=translit name=${name} script=Cyrl lang=ru purpose=${purpose} ` +
            `version=${version} standard="${standard}" source="iuliia ${pkg.version} schema ${sname}, ${url}" ` +
            `alphabet=${ALPHABET}`,
    );
    L.push(`# ${standard}.`);
    L.push(`# Generated from the iuliia ${pkg.version} npm package, schema ${sname} (= nalgeon/iuliia`);
    L.push(`# ${sname}.json), by tools/translit/ru/iuliia2tsv.mjs; do not edit, regenerate:`);
    L.push(`#   node tools/translit/ru/iuliia2tsv.mjs --iuliia DIR/package   (see the script)`);
    L.push(`# purpose=${purpose}: ${WHY[purpose]}.`);
    L.push(
        sname.startsWith("gost_779")
            ? "# version: the year of GOST 7.79-2000 (iuliia.ru gives ISO 9's 1995)."
            : "# version: the standard's year as iuliia.ru gives it.",
    );
    if ((def.comments || []).length) {
        L.push("# iuliia's comments on the schema:");
        for (const c of def.comments) L.push(`#   ${c}`);
    }
    const outputs = [def.mapping, def.prev_mapping || {}, def.next_mapping || {}, def.ending_mapping || {}]
        .flatMap((m) => Object.values(m))
        .concat(def.samples.map((x) => x[1]));
    if (outputs.some((v) => /[ёЁ]/.test(v)))
        L.push("# iuliia writes Cyrillic ё (U+0451) for ё here; this table has Latin ë (U+00EB),", "# as the standard does, in rules and samples alike.");
    if (conv.rules.some((r) => r.dst.startsWith('"')))
        L.push(
            "# An output that starts with a double quote is written quoted with the quote doubled",
            '# ("""" is one ", as in CSV; "" is the empty output).  tools/lexc.c does not read this',
            "# yet: until it does, this table is in TRANSLIT_RU_QUOTE (lexicons/translit/ru.mk),",
            "# shipped but not compiled.",
        );
    for (const n of conv.notes) L.push(`# ${n}.`);
    L.push("# Design differences from iuliia (tests/conformance/iuliia-exclusions.tsv): our words");
    L.push("# are runs of Cyrillic letters, so the letter after a hyphen or other punctuation is");
    L.push("# word-initial; in a word of capitals only the whole output is in capitals (ЩИ -> SHCHI,");
    L.push("# iuliia ShchI).");
    L.push("# Per letter: rules with after=/initial (iuliia prev_mapping), then before= (next_mapping),");
    L.push("# then the plain rule (mapping); endings (ending_mapping) are `final noninitial`.");
    // one block per letter; a blank line around the letters with several rules
    const first = (r) => [...r.src][0];
    const count = (c) => conv.rules.filter((x) => first(x) === c).length;
    let last = null;
    for (const r of conv.rules) {
        const c = first(r);
        if (last !== null && c !== last && (count(c) > 1 || count(last) > 1)) L.push("");
        last = c;
        L.push([r.src, field(r.dst), ...(r.ctx.length ? [r.ctx.join(" ")] : [])].join("\t"));
    }
    L.push("");
    L.push(`# Samples: the schema's own (where our word rules give iuliia's output), then place names;`);
    L.push(`# expected values computed by iuliia ${pkg.version} itself, ё written ë.`);
    for (const [i, o] of samples) L.push(`@sample\t${i}\t${field(o)}`);
    return L.join("\n") + "\n";
}

// ---------------------------------------------------------------- golden names
function goldenNames() {
    const rows = [];
    let section = "main";
    for (const line of readFileSync(join(top, "tools", "translit", "ru", "golden-names.txt"), "utf8").split("\n")) {
        if (line.startsWith("# supplement")) section = "supplement";
        if (!line || line.startsWith("#")) continue;
        rows.push({ name: line.split("\t")[0], section });
    }
    return rows;
}

function goldenText(sname, schema, rules) {
    const name = tableName(sname);
    const L = [];
    L.push(`# Golden rows for lexicons/translit/${name}.tsv (CYRILLIC<TAB>EXPECTED).`);
    L.push("# Names: tools/translit/ru/golden-names.txt = the Russian names of cities of Russia and");
    L.push("#   Ukraine in Debian libgeonames-common 0.3.0-1 (/usr/share/locale/ru/LC_MESSAGES/geonames.mo),");
    L.push("#   picked by tools/translit/ru/geonames-names.sh.");
    L.push(`# Expected: the iuliia ${pkg.version} engine (npm iuliia, schema ${sname}), run on each`);
    L.push("#   Cyrillic word; its output put in NFC, Cyrillic ё written ë.");
    L.push("# Regenerate: node tools/translit/ru/iuliia2tsv.mjs --iuliia DIR/package (npm pack iuliia@0.8.2).");
    let section = "main";
    const diffs = [];
    for (const { name: n, section: sec } of goldenNames()) {
        if (sec !== section) {
            section = sec;
            L.push("# Supplement: ъ, шч and тц occur in no Russian/Ukrainian city name of the catalogue;");
            L.push("# these are Russian names of cities elsewhere, from the same catalogue.");
        }
        const exp = oracle(schema, n);
        const whole = latinE(iuliia.translate(n, schema));
        if (whole !== exp) L.push(`# iuliia on the whole name: ${whole} (our words start after a hyphen)`);
        const got = ourTranslit(rules, n);
        if (got !== exp) diffs.push(`${n}: table ${got}, iuliia ${exp}`);
        L.push(`${n}\t${exp}`);
    }
    return { text: L.join("\n") + "\n", diffs, rows: goldenNames().length };
}

// ---------------------------------------------------------------- main
let failed = 0;
mkdirSync(join(top, "lexicons", "translit"), { recursive: true });
mkdirSync(join(top, "tests", "golden", "translit"), { recursive: true });
for (const sname of schemaNames) {
    if (!META[sname]) throw new Error(`schema ${sname} has no META entry: add one`);
    const def = require(join(genDir, sname + ".js")).default;
    const schema = iuliia.Schemas.get(sname);
    const conv = convert(def);
    const samples = [];
    const skipped = [];
    const seen = new Set();
    for (const [input, output] of def.samples) {
        const exp = oracle(schema, input);
        const ours = ourTranslit(conv.rules, input);
        if (exp === latinE(output) && ours === exp) {
            samples.push([input, exp]);
            seen.add(input);
        } else skipped.push(`${input} (iuliia sample ${output}, per word ${exp}, table ${ours})`);
    }
    for (const p of PLACES) {
        if (seen.has(p)) continue;
        const exp = oracle(schema, p);
        const ours = ourTranslit(conv.rules, p);
        if (ours !== exp) {
            console.error(`${sname}: place ${p}: table ${ours}, iuliia ${exp}`);
            failed++;
        }
        samples.push([p, exp]);
        seen.add(p);
    }
    const name = tableName(sname);
    writeFileSync(join(top, "lexicons", "translit", name + ".tsv"), tableText(sname, def, conv, samples));
    const g = goldenText(sname, schema, conv.rules);
    for (const d of g.diffs) console.error(`${sname}: golden ${d}`);
    failed += g.diffs.length;
    writeFileSync(join(top, "tests", "golden", "translit", name + ".tsv"), g.text);
    console.error(
        `${name}: ${conv.rules.length} rules, ${samples.length} samples` +
            (skipped.length ? ` (${skipped.length} of iuliia's left out: ${skipped.join("; ")})` : "") +
            `, golden ${g.rows} rows`,
    );
}
if (failed) {
    console.error(`${failed} mismatches between the tables and iuliia`);
    process.exit(1);
}
