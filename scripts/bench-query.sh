#!/usr/bin/env bash
# Measures kgquery on the benchmark graph (the FA-KES development corpus
# replicated to at least a million quads, built by
# cmd/kgquery/internal/benchgraph into .cache/bench/kg-1m.db and kept there)
# and asks Oxigraph (from npm, into .cache/npm) the same questions over
# kgquery's N-Quads export of the same graph, in one run, side by side.
#
# For each actor: the facts kgquery relations finds and the rows Oxigraph's
# SPARQL finds (the same facts: the actor as kg:subject or kg:object, with
# predicate, date, sentence and article); the median wall time of the
# kgquery process (start, open the store, answer, exit); kgquery's median
# in-process time (BenchmarkRelations, the store open); Oxigraph's median
# query time with its store loaded in memory, and once, the time Oxigraph
# takes to load the export. Then between A B --hops 3, when kgquery has it.
# docs/benchmarks.md records the results.
#
# Usage: scripts/bench-query.sh [RUNS]   (default 20 runs of each question)
#        KG_BENCH_UNION=1 also asks over the union of the graphs (slow)
set -euo pipefail
cd "$(dirname "$0")/.."

OXIGRAPH_VERSION=0.5.11
runs=${1:-20}
db=.cache/bench/kg-1m.db
nq=.cache/bench/kg-1m.nq
corpus=../shared/corpora/fakes-dev.csv
actors=("Jaish al-Islam" "Russia" "Syrian government")
pairs=("Jaish al-Islam|Russia" "Jaish al-Islam|Hezbollah" "Jaish al-Islam|United States" "Islamic State|Turkey" "Syrian government|Russia")

say() { printf 'bench-query.sh: %s\n' "$*" >&2; }
command -v node >/dev/null && command -v npm >/dev/null || { say "node and npm are needed (apt-get install nodejs npm)"; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/kgquery" ./cmd/kgquery
go build -o "$tmp/kgbuild" ./cmd/kgbuild

if [ ! -f "$db/indexes.bolt" ]; then
	[ -r "$corpus" ] || { say "no benchmark graph and no corpus at $corpus"; exit 2; }
	say "building $db (about two minutes)"
	mkdir -p "$(dirname "$db")"
	go run ./cmd/kgquery/internal/benchgraph -corpus "$corpus" -kgbuild "$tmp/kgbuild" -db "$db"
fi
if [ ! -f "$nq" ] || [ "$db/indexes.bolt" -nt "$nq" ]; then
	"$tmp/kgquery" export --db "$db" -o "$nq"
fi

npm_dir=.cache/npm
if [ "$(node -p "try{require('./$npm_dir/node_modules/oxigraph/package.json').version}catch(e){''}" 2>/dev/null)" != "$OXIGRAPH_VERSION" ]; then
	say "installing oxigraph@$OXIGRAPH_VERSION into $npm_dir"
	mkdir -p "$npm_dir"
	npm install --prefix "$npm_dir" --no-audit --no-fund --silent "oxigraph@$OXIGRAPH_VERSION" >/dev/null
fi

# median of the numbers on standard input
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else printf "%.2f", v[int((NR + 1) / 2)] }'; }
# ms runs a command and prints its wall time in milliseconds.
ms() {
	local s e
	s=$(date +%s%N)
	"$@" >/dev/null 2>&1 || [ $? = 1 ] # exit 1, no results, is an answer
	e=$(date +%s%N)
	echo $(((e - s) / 1000))e-3 | awk '{ printf "%.3f\n", $1 }'
}

# The actors' IRIs and fact counts, as kgquery resolves the names.
declare -A iri facts
for a in "${actors[@]}"; do
	"$tmp/kgquery" relations --db "$db" --json "$a" >"$tmp/r.json"
	iri[$a]=$(node -p "require('$tmp/r.json').actor.iri")
	facts[$a]=$(node -p "require('$tmp/r.json').facts.length")
done

cat >"$tmp/oxigraph.cjs" <<'EOF'
// oxigraph.cjs NQ RUNS IRI...: loads NQ into an in-memory Oxigraph store,
// then asks for each IRI the facts about it RUNS times. Prints
// "load MS QUADS" and "relations IRI ROWS MEDIAN-MS" lines.
const fs = require("fs");
const ox = require("oxigraph");
const [nq, runs, ...iris] = process.argv.slice(2);
let t = process.hrtime.bigint();
const store = new ox.Store();
store.load(fs.readFileSync(nq, "utf8"), { format: "application/n-quads", lenient: true, no_transaction: true });
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
console.log("load", ms(t).toFixed(0), store.size);
const kg = "https://conflictkg.org/ns#";
// The same question twice: over the union of the graphs (the simplest
// SPARQL), and with each pattern in the named graph kg writes it to (a fact
// in its sentence's graph, the sentence and article in the article's).
for (const iri of iris) {
  const union = `PREFIX kg: <${kg}>
SELECT ?fact ?s ?p ?o ?date ?text ?article ?title ?source WHERE {
  { ?fact kg:subject <${iri}> } UNION { ?fact kg:object <${iri}> }
  ?fact kg:subject ?s ; kg:predicate ?p ; kg:object ?o ; kg:inSentence ?sent .
  OPTIONAL { ?fact kg:date ?date }
  ?sent kg:text ?text ; kg:inArticle ?article .
  OPTIONAL { ?article kg:title ?title }
  OPTIONAL { ?article kg:source ?source }
} ORDER BY ?p DESC(?date)`;
  const graphs = `PREFIX kg: <${kg}>
SELECT ?fact ?s ?p ?o ?date ?text ?article ?title ?source WHERE {
  { GRAPH ?sent { ?fact kg:subject <${iri}> } } UNION { GRAPH ?sent { ?fact kg:object <${iri}> } }
  GRAPH ?sent { ?fact kg:subject ?s ; kg:predicate ?p ; kg:object ?o ; kg:inSentence ?sent .
    OPTIONAL { ?fact kg:date ?date } }
  GRAPH ?article { ?sent kg:text ?text ; kg:inArticle ?article .
    OPTIONAL { ?article kg:title ?title } OPTIONAL { ?article kg:source ?source } }
} ORDER BY ?p DESC(?date)`;
  const out = [];
  // Over the union graph Oxigraph took 19 s for the smallest actor
  // (docs/benchmarks.md): asked only with KG_BENCH_UNION=1.
  const variants = [[graphs, {}]];
  if (process.env.KG_BENCH_UNION === "1") variants.unshift([union, { use_default_graph_as_union: true }]);
  else out.push("-", "-");
  for (const [q, opts] of variants) {
    const times = [];
    let rows = 0;
    for (let i = 0; i < Number(runs); i++) {
      t = process.hrtime.bigint();
      rows = store.query(q, opts).length;
      times.push(ms(t));
    }
    times.sort((a, b) => a - b);
    out.push(rows, times[Math.floor((times.length - 1) / 2)].toFixed(2));
  }
  console.log("relations", iri, ...out);
}
EOF

say "asking Oxigraph (loads $(du -h "$nq" | cut -f1) of N-Quads first)"
oxi_iris=()
for a in "${actors[@]}"; do oxi_iris+=("${iri[$a]}"); done
NODE_PATH="$PWD/$npm_dir/node_modules" node --max-old-space-size=8192 "$tmp/oxigraph.cjs" "$nq" "$runs" "${oxi_iris[@]}" >"$tmp/oxigraph.out"

say "asking kgquery in-process (go test -bench BenchmarkRelations)"
KG_BENCH_DB="$PWD/$db" go test -run '^$' -bench '^BenchmarkRelations$' -benchtime "${runs}x" ./cmd/kgquery/ >"$tmp/bench.out"

quads=$(awk '$1 == "load" { print $3 }' "$tmp/oxigraph.out")
echo "kgquery and Oxigraph $OXIGRAPH_VERSION on $db ($quads quads), $runs runs each, $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'))"
echo "Oxigraph loads the export in $(awk '$1 == "load" { printf "%.1f", $2 / 1000 }' "$tmp/oxigraph.out") s (in memory, once)"
echo
echo "| question | kgquery facts | Oxigraph rows | kgquery process ms | kgquery in-process ms | Oxigraph ms, union graph | Oxigraph ms, named graphs |"
echo "|----------|--------------:|--------------:|-------------------:|----------------------:|-------------------------:|--------------------------:|"
for a in "${actors[@]}"; do
	proc=$(for _ in $(seq "$runs"); do ms "$tmp/kgquery" relations --db "$db" "$a"; done | median)
	inproc=$(awk -v n="BenchmarkRelations/${a// /_}-" 'index($1, n) == 1 { for (i = 1; i < NF; i++) if ($(i+1) == "p50-ms") print $i }' "$tmp/bench.out")
	read -r rows oxi rows2 oxi2 < <(awk -v iri="${iri[$a]}" '$1 == "relations" && $2 == iri { print $3, $4, $5, $6 }' "$tmp/oxigraph.out")
	[ "$rows" = "$rows2" ] || [ "$rows" = - ] || rows="$rows / $rows2"
	[ "$rows" != - ] || rows=$rows2
	echo "| relations \"$a\" | ${facts[$a]} | $rows | $proc | ${inproc:--} | $oxi | $oxi2 |"
done
if "$tmp/kgquery" between --help >/dev/null 2>&1; then
	for p in "${pairs[@]}"; do
		a=${p%%|*} b=${p#*|}
		proc=$(for _ in $(seq "$runs"); do ms "$tmp/kgquery" between --db "$db" --hops 3 "$a" "$b"; done | median)
		echo "| between \"$a\" \"$b\" --hops 3 | | | $proc | | | |"
	done
else
	say "kgquery has no between command yet: no between rows"
fi
