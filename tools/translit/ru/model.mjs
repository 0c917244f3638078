// model.mjs: a small model of toponorm's transliteration (plugin/core/translit.c
// and rules.c), for checking tables before they reach the C engine, and of the
// lexicon table syntax (lexicons/FORMAT.md) as far as translit tables use it.
//
//   node tools/translit/ru/model.mjs TABLE.tsv [GOLDEN.tsv]   # run samples (+ golden)
//
// The C engine is the reference; this model exists so that the generator
// (iuliia2tsv.mjs) can check its output, and a maintainer can try a table
// without a build.  Semantics modelled:
//   - a word is a run of Cyrillic letters (U+0400-U+0481, U+048A-U+052F),
//     with apostrophes (' ’ ʼ ʻ ` ´ ‘) between letters, read as U+0027;
//     everything else is copied unchanged;
//   - at each position the longest source wins, then the first rule in file
//     order whose context holds (initial, noninitial, final, nonfinal,
//     before=[..], after=[..], !before=[..], !after=[..]);
//   - case: a match starting with a capital gets a capital first letter; in a
//     word with at least two cased letters, all capitals, the whole output is
//     in capitals.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const isCyr = (c) => {
    const u = c.codePointAt(0);
    return (u >= 0x400 && u <= 0x481) || (u >= 0x48a && u <= 0x52f);
};
export const APOS = new Set(["'", "\u2019", "\u02bc", "\u02bb", "`", "\u00b4", "\u2018"]);

// Split text into [isWord, string] pieces the way plugin/core/translit.c does.
export function pieces(text) {
    const cs = [...text];
    const out = [];
    let i = 0;
    while (i < cs.length) {
        let j = i;
        if (!isCyr(cs[i])) {
            while (j < cs.length && !isCyr(cs[j])) j++;
            out.push([false, cs.slice(i, j).join("")]);
        } else {
            while (j < cs.length && (isCyr(cs[j]) || (APOS.has(cs[j]) && j + 1 < cs.length && isCyr(cs[j + 1])))) j++;
            out.push([true, cs.slice(i, j).join("")]);
        }
        i = j;
    }
    return out;
}

const isUpper = (c) => c !== c.toLowerCase() && c === c.toUpperCase();
const isLower = (c) => c !== c.toUpperCase() && c === c.toLowerCase();

function setOf(ctx, name) {
    const m = ctx.match(new RegExp(`^${name}=\\[(.*)\\]$`));
    return m ? [...m[1]] : null;
}

// rules: [{src, dst, ctx: ["initial", "before=[..]", ...]}] in file order.
export function compile(rules) {
    const byFirst = new Map();
    rules.forEach((r, k) => {
        const f = [...r.src][0];
        if (!byFirst.has(f)) byFirst.set(f, []);
        byFirst.get(f).push({ ...r, k, n: [...r.src].length });
    });
    for (const l of byFirst.values()) l.sort((a, b) => b.n - a.n || a.k - b.k);
    return byFirst;
}

function holds(r, low, i) {
    const end = i + r.n;
    if (end > low.length || low.slice(i, end).join("") !== r.src) return false;
    for (const c of r.ctx) {
        let s;
        if (c === "initial") { if (i !== 0) return false; }
        else if (c === "noninitial") { if (i === 0) return false; }
        else if (c === "final") { if (end !== low.length) return false; }
        else if (c === "nonfinal") { if (end === low.length) return false; }
        else if ((s = setOf(c, "before"))) { if (end === low.length || !s.includes(low[end])) return false; }
        else if ((s = setOf(c, "after"))) { if (i === 0 || !s.includes(low[i - 1])) return false; }
        else if ((s = setOf(c, "!before"))) { if (end < low.length && s.includes(low[end])) return false; }
        else if ((s = setOf(c, "!after"))) { if (i > 0 && s.includes(low[i - 1])) return false; }
        else throw new Error(`model: context ${c} not modelled`);
    }
    return true;
}

function cased(s, mode) {
    if (mode === 2) return s.toUpperCase();
    let first = true, out = "";
    for (const c of s) {
        const u = mode === 1 && first && isLower(c) ? c.toUpperCase() : c;
        if (/\p{L}/u.test(u)) first = false;
        out += u;
    }
    return out;
}

export function translit(rules, text) {
    const byFirst = rules instanceof Map ? rules : compile(rules);
    return pieces(text)
        .map(([w, s]) => {
            if (!w) return s;
            const orig = [...s];
            const low = orig.map((c) => (APOS.has(c) ? "'" : c.toLowerCase()));
            const up = orig.filter(isUpper).length;
            const cs = orig.filter((c) => isUpper(c) || isLower(c)).length;
            const allCaps = cs >= 2 && up === cs;
            let out = "";
            for (let i = 0; i < low.length; ) {
                const r = (byFirst.get(low[i]) || []).find((r) => holds(r, low, i));
                const mode = isUpper(orig[i]) ? (allCaps ? 2 : 1) : 0;
                if (r) {
                    out += cased(r.dst, mode);
                    i += r.n;
                } else out += orig[i++];
            }
            return out;
        })
        .join("");
}

// One tab-separated field as lexc reads it: "..." quoted ("" empty; a doubled
// quote inside quotes is one quote - the extension these tables need, see
// iuliia2tsv.mjs), else up to the next tab.
function fields(line) {
    const out = [];
    let i = 0;
    while (i <= line.length) {
        let f = "";
        if (line[i] === '"') {
            i++;
            for (;;) {
                if (i >= line.length) throw new Error(`unterminated quote: ${line}`);
                if (line[i] === '"' && line[i + 1] === '"') { f += '"'; i += 2; }
                else if (line[i] === '"') { i++; break; }
                else f += line[i++];
            }
            if (i < line.length && line[i] !== "\t") throw new Error(`text after a closing quote: ${line}`);
        } else {
            while (i < line.length && line[i] !== "\t") f += line[i++];
        }
        out.push(f);
        i++;
    }
    return out;
}

export function parseTable(file) {
    const rules = [], samples = [];
    const lines = readFileSync(file, "utf8").split("\n");
    if (!lines[0].startsWith("#! toponorm-lexicon 1 ")) throw new Error(`${file}: no header`);
    lines.slice(1).forEach((line, k) => {
        if (!line || line.startsWith("#")) return;
        if (line.startsWith("@sample\t")) {
            const [i, o] = fields(line.slice(8));
            samples.push([i, o, k + 2]);
            return;
        }
        const [src, dst, ctx] = fields(line);
        rules.push({ src, dst, ctx: ctx ? ctx.split(" ").filter(Boolean) : [], line: k + 2 });
    });
    return { rules, samples };
}

export function parseGolden(file) {
    return readFileSync(file, "utf8").split("\n").flatMap((line, k) =>
        !line || line.startsWith("#") ? [] : [[...line.split("\t"), k + 1]]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const [table, golden] = process.argv.slice(2);
    if (!table) {
        console.error("usage: node model.mjs TABLE.tsv [GOLDEN.tsv]");
        process.exit(2);
    }
    const t = parseTable(table);
    const c = compile(t.rules);
    let bad = 0, n = 0;
    const rows = [...t.samples.map(([i, o, l]) => [i, o, `${table}:${l}`]),
        ...(golden ? parseGolden(golden).map(([i, o, l]) => [i, o, `${golden}:${l}`]) : [])];
    for (const [i, o, where] of rows) {
        n++;
        const got = translit(c, i);
        if (got !== o) {
            bad++;
            console.log(`${where}: ${i}: got ${got}, expected ${o}`);
        }
    }
    console.log(`${n - bad} passed, ${bad} failed`);
    process.exit(bad ? 1 : 0);
}
