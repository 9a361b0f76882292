// Parses N-Quads files strictly with N3.js and checks that every IRI is
// absolute. Usage: node n3check.cjs FILE...  (NODE_PATH names the folder
// holding node_modules/n3). Prints "FILE: N quads" per file; exits 1 on the
// first problem, with the reason.
'use strict';
const fs = require('fs');
const zlib = require('zlib');
const N3 = require('n3');

const absolute = /^[A-Za-z][A-Za-z0-9+.-]*:/;
let failed = false;
for (const file of process.argv.slice(2)) {
  let text = fs.readFileSync(file);
  if (file.endsWith('.gz')) text = zlib.gunzipSync(text);
  let quads;
  try {
    quads = new N3.Parser({ format: 'N-Quads' }).parse(text.toString('utf8'));
  } catch (e) {
    console.error(`${file}: ${e.message}`);
    failed = true;
    continue;
  }
  for (const q of quads) {
    for (const t of [q.subject, q.predicate, q.object, q.graph]) {
      const iri = t.termType === 'NamedNode' ? t.value : t.termType === 'Literal' ? t.datatype.value : null;
      if (iri !== null && !absolute.test(iri)) {
        console.error(`${file}: relative IRI <${iri}>`);
        failed = true;
      }
    }
  }
  console.log(`${file}: ${quads.length} quads`);
}
process.exit(failed ? 1 : 0);
