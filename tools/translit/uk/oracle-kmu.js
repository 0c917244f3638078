// Independent oracle for uk-kmu-2010: the npm package cyrillic-to-translit-js
// (preset 'uk', which implements the 2010 national system).  Reads one name
// per line on stdin, writes its romanisation per line on stdout.
//
//   node tools/translit/uk/oracle-kmu.js DIR < names > romanised
//
// DIR holds node_modules/cyrillic-to-translit-js and node_modules/lodash.invert
// (unpacked from `npm pack` tarballs, outside the repository; gen-golden.sh
// makes it).  Checked against all 50 examples of reference §4: no difference.
// Known deviations of the package, none exercised by names.tsv (gen-golden.sh
// reports every row where the package and the table differ):
//  - only a space starts a word: after a hyphen є ї й ю я get the medial
//    form (the resolution, and uk-kmu-2010, treat each part as a word);
//  - in words of capitals only the first letter of a digraph is upper case
//    (ЩАСТЯ -> ShchASTIa; the table writes SHCHASTIA).
'use strict';
const path = require('path');
const dir = process.argv[2];
if (!dir) {
    process.stderr.write('usage: node oracle-kmu.js DIR < names\n');
    process.exit(2);
}
const ctt = require(path.resolve(dir, 'node_modules', 'cyrillic-to-translit-js'));
const uk = ctt({ preset: 'uk' });
const input = require('fs').readFileSync(0, 'utf8');
const lines = input.split('\n');
if (lines[lines.length - 1] === '') lines.pop();
process.stdout.write(lines.map((l) => uk.transform(l)).join('\n') + '\n');
