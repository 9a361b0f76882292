#!/usr/bin/env bash
# The figures of issue 6 in one run, for N copies of the FA-KES development
# corpus (default 1, 10 and 100):
#
#  1. loading, kgbuild against the real `cayley load` into bolt and
#     PostgreSQL (scripts/bench-load.sh, which prints its own tables);
#  2. for each size, a fresh kgbuild store in .cache/bench/scale-Nx.db
#     (kept for later questions): articles, sentences, extraction
#     sentences/s (per core: extraction time summed over the goroutines),
#     writing quads/s, the summaries kgbuild makes for queries, wall time,
#     peak RssAnon (memory kgbuild allocated; the mapped store file apart)
#     and the store's size;
#  3. on each store, kgquery's latency in process (go test -bench, the
#     store open): p50 and p95 of relations for an armed group, a state and
#     the busiest actor, and of between --hops 3 for five pairs.
#
# docs/benchmarks.md ("Scale") records a run.
#
# Usage: scripts/bench-scale.sh [N...]      KG_BENCH_SKIP_LOAD=1 skips part 1.
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=${KG_BENCH_CORPUS:-../shared/corpora/fakes-dev.csv}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 10 100)
runs=${KG_BENCH_RUNS:-20}

say() { printf 'bench-scale.sh: %s\n' "$*" >&2; }
[ -r "$corpus" ] || { say "no corpus at $corpus: set KG_BENCH_CORPUS"; exit 2; }
. scripts/corpus.sh

if [ -z "${KG_BENCH_SKIP_LOAD:-}" ]; then
	bash scripts/bench-load.sh "${sizes[@]}"
	echo
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/kgbuild" ./cmd/kgbuild

echo "kgbuild and kgquery by corpus size, $(nproc) CPUs, $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| size | articles | sentences | quads | extraction sentences/s per core | writing quads/s | summaries s | wall s | peak RssAnon MB | store MB |"
echo "|-----:|---------:|----------:|------:|--------------------------------:|----------------:|------------:|-------:|----------------:|---------:|"
for n in "${sizes[@]}"; do
	db=$PWD/.cache/bench/scale-${n}x.db
	mkdir -p .cache/bench
	rm -rf "$db"
	corpus_copies "$n" "$tmp/corpus.csv"
	start=$(date +%s%N)
	anon=$(peak_anon "$tmp/build.err" "$tmp/kgbuild" --stats --db "$db" --format csv "$tmp/corpus.csv")
	wall=$(( ($(date +%s%N) - start) / 1000000 ))
	summary=$(grep -m1 '^kgbuild: [0-9]* articles' "$tmp/build.err")
	stats=$(grep -m1 '^kgbuild: stats:' "$tmp/build.err")
	articles=$(sed -E 's/^kgbuild: ([0-9]+) articles.*/\1/' <<<"$summary")
	sentences=$(sed -E 's/.*, ([0-9]+) sentences,.*/\1/' <<<"$summary")
	quads=$(sed -E 's/.* for ([0-9]+) quads, ([0-9]+) quads\/s.*/\1/' <<<"$stats")
	qps=$(sed -E 's/.* for ([0-9]+) quads, ([0-9]+) quads\/s.*/\2/' <<<"$stats")
	sum=$(sed -E 's/.*summarising [0-9]+ entities for queries ([0-9.]+)(m?s).*/\1 \2/' <<<"$stats" | awk '{ print ($2 == "ms") ? $1 / 1000 : $1 }')
	extract=$(sed -E 's/.*extracting ([0-9hms.]+) summed.*/\1/' <<<"$stats")
	ext_s=$(awk -v d="$extract" 'BEGIN { s = 0; if (match(d, /[0-9.]+m[^s]/)) { s += substr(d, 1, index(d, "m") - 1) * 60; d = substr(d, index(d, "m") + 1) } if (d ~ /ms$/) s += d / 1000; else s += d + 0; print s }')
	size=$(du -m "$db/indexes.bolt" | cut -f1)
	printf '| %s× | %s | %s | %s | %.0f | %s | %.1f | %.1f | %s | %s |\n' "$n" "$articles" "$sentences" "$quads" \
		"$(awk -v s="$sentences" -v t="$ext_s" 'BEGIN { print (t > 0) ? s / t : 0 }')" "$qps" "$sum" "$(awk -v w="$wall" 'BEGIN { print w / 1000 }')" "$anon" "$size"
	KG_BENCH_DB=$db go test -run '^$' -bench 'BenchmarkRelations$|BenchmarkBetween' -benchtime "${runs}x" ./cmd/kgquery/ >"$tmp/q-$n.out" 2>&1 || { cat "$tmp/q-$n.out" >&2; exit 1; }
done

echo
echo "kgquery in process on each store (the store open; $runs runs each), p50 / p95 ms"
echo
header="| question |"
rule="|---|"
for n in "${sizes[@]}"; do header+=" ${n}× |"; rule+="---:|"; done
echo "$header"
echo "$rule"
for q in $(awk '$1 ~ /^Benchmark(Relations|Between)\// { sub(/-[0-9]+$/, "", $1); print $1 }' "$tmp/q-${sizes[0]}.out"); do
	row="| ${q#Benchmark} |"
	for n in "${sizes[@]}"; do
		row+=" $(awk -v q="$q" '{ name = $1; sub(/-[0-9]+$/, "", name) } name == q { for (i = 1; i < NF; i++) { if ($(i+1) == "p50-ms") p50 = $i; if ($(i+1) == "p95-ms") p95 = $i } printf "%s / %s", p50, p95 }' "$tmp/q-$n.out") |"
	done
	echo "$row"
done
