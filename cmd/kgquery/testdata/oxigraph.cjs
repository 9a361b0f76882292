// Loads an N-Quads file into an Oxigraph store and runs SPARQL SELECT
// queries over it. Usage: node oxigraph.cjs FILE [QUERY...]  (NODE_PATH
// names the folder holding node_modules/oxigraph). Prints one JSON document:
// {"quads": N, "results": [[{VAR: VALUE, ...}, ...], ...]}, a list of
// solutions per query, each value an IRI or a literal's lexical form.
// Exits 1 with the reason when the file does not load or a query fails.
'use strict';
const fs = require('fs');
const zlib = require('zlib');
const oxigraph = require('oxigraph');

const [file, ...queries] = process.argv.slice(2);
let text = fs.readFileSync(file);
if (file.endsWith('.gz')) text = zlib.gunzipSync(text);
const store = new oxigraph.Store();
try {
  store.load(text.toString('utf8'), { format: 'application/n-quads' });
} catch (e) {
  console.error(`${file}: Oxigraph: ${e.message || e}`);
  process.exit(1);
}
const results = [];
for (const q of queries) {
  let solutions;
  try {
    solutions = store.query(q);
  } catch (e) {
    console.error(`query failed: ${e.message || e}\n${q}`);
    process.exit(1);
  }
  const rows = [];
  for (const s of solutions) {
    const row = {};
    for (const [name, term] of s) row[name] = term.value;
    rows.push(row);
  }
  results.push(rows);
}
console.log(JSON.stringify({ quads: store.size, results }));
