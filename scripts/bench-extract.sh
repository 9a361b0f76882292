#!/usr/bin/env bash
# Measures extraction: kgbuild --dry-run over the FA-KES development corpus
# and over ten copies of it (with unique ids), with --jobs 1 and 2, under
# /usr/bin/time -v, then the Go benchmarks of internal/triples. Peak RSS
# should not grow with the corpus. Seconds are wall clock for the whole
# process; CPU s is user plus system time, which says what one core does
# when others share the machine. docs/benchmarks.md records the results.
#
# Usage: scripts/bench-extract.sh [CORPUS.csv]   (default ../shared/corpora/fakes-dev.csv)
set -euo pipefail
[ $# -gt 0 ] && corpus=$(realpath -- "$1") # before the cd, so that it is relative to where we were
cd "$(dirname "$0")/.."

corpus=${corpus:-../shared/corpora/fakes-dev.csv}
say() { printf 'bench-extract.sh: %s\n' "$*" >&2; }
[ -r "$corpus" ] || { say "no corpus at $corpus: pass a CSV in the FA-KES layout"; exit 2; }
[ -x /usr/bin/time ] || { say "/usr/bin/time is missing (apt-get install time)"; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/kgbuild" ./cmd/kgbuild

# The corpus ten times over (corpus_copies: ids prefixed per copy).
. scripts/corpus.sh
x10="$tmp/corpus-x10.csv"
corpus_copies 10 "$x10"

# run JOBS CSV NAME: one kgbuild run, one row of the table.
run() {
	local jobs=$1 csv=$2 name=$3
	# Exit status 2 only says some records were bad; the summary still counts the rest.
	/usr/bin/time -v -o "$tmp/time" "$tmp/kgbuild" --dry-run --jobs "$jobs" "$csv" >/dev/null 2>"$tmp/err" || true
	local summary secs cpu rss bytes
	summary=$(grep '^kgbuild: [0-9]* articles' "$tmp/err") || { cat "$tmp/err" >&2; exit 1; }
	secs=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$tmp/time")
	cpu=$(awk -F': ' '/(User|System) time \(seconds\)/ { s += $2 } END { print s }' "$tmp/time")
	rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$tmp/time")
	bytes=$(wc -c <"$csv")
	echo "$summary" | awk -v jobs="$jobs" -v name="$name" -v secs="$secs" -v cpu="$cpu" -v rss="$rss" -v bytes="$bytes" '{
		for (i = 1; i <= NF; i++) {
			if ($(i+1) == "articles") articles = $i
			if ($(i+1) ~ /^sentences,?$/) sentences = $i
		}
		printf "| %4s | %-10s | %8d | %9d | %7.2f | %11.0f | %5.2f | %11s | %5.2f | %15.0f |\n",
			jobs, name, articles, sentences, secs, sentences / secs, bytes / 1e6 / secs, rss, cpu, sentences / cpu
	}'
}

mb() { awk -v b="$(wc -c <"$1")" 'BEGIN { printf "%.1f MB", b / 1e6 }'; }
echo "kgbuild --dry-run, $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'))"
echo
echo "| jobs | corpus     | articles | sentences | seconds | sentences/s |  MB/s | peak RSS MB | CPU s | sentences/CPU s |"
echo "|-----:|------------|---------:|----------:|--------:|------------:|------:|------------:|------:|----------------:|"
for jobs in 1 2; do
	run "$jobs" "$corpus" "1× $(mb "$corpus")"
	run "$jobs" "$x10" "10× $(mb "$x10")"
done
echo
echo "go test -run '^\$' -bench BenchmarkExtract -benchmem ./internal/triples/"
go test -run '^$' -bench BenchmarkExtract -benchmem ./internal/triples/
