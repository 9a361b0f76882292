#!/usr/bin/env bash
# Draws a reproducible random sample of the facts kgbuild extracts from the
# FA-KES development corpus, for judging by hand (docs/quality.md records
# the verdicts, docs/quality-fakes-sample.tsv the judged sample).
#
# Builds kgbuild from this tree, runs
#   kgbuild --dry-run --format csv [--jobs 1] CORPUS
# (--jobs only when this kgbuild has it), numbers the facts in output order,
# picks N of them with a fixed seed and prints them, in output order, as TSV:
#   n  fact  article  subject  predicate  object  negated  hedged  asserted_by  relation  sentence
# n is the rank in the sample, fact the fact's line in kgbuild's output;
# subject and object are the last path segment of their IRI, predicate the
# local name of kg:PREDICATE; asserted_by is empty when kgbuild does not say.
#
# Usage: scripts/sample-facts.sh [N]        (default 50)
# Environment:
#   FAKES  the corpus (default ../shared/corpora/fakes-dev.csv from the repo root)
#   SEED   the seed of the sample (default kg); same seed, corpus and
#          extractor give the same sample
set -euo pipefail
cd "$(dirname "$0")/.."

n=${1:-50}
corpus=${FAKES:-../shared/corpora/fakes-dev.csv}
seed=${SEED:-kg}

say() { printf 'sample-facts.sh: %s\n' "$*" >&2; }
[[ $n =~ ^[1-9][0-9]*$ ]] || { say "N must be a positive number, not '$n'"; exit 2; }
[ -r "$corpus" ] || { say "no corpus at $corpus: set FAKES to a CSV in the FA-KES layout"; exit 2; }
for tool in go jq shuf openssl; do
	command -v "$tool" >/dev/null || { say "$tool is not installed"; exit 2; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/kgbuild" ./cmd/kgbuild

args=(--dry-run --format csv)
if "$tmp/kgbuild" --help 2>&1 | grep -q -- '--jobs'; then
	args+=(--jobs 1)
fi
say "kgbuild ${args[*]} $corpus"
"$tmp/kgbuild" "${args[@]}" "$corpus" >"$tmp/facts.jsonl"
total=$(wc -l <"$tmp/facts.jsonl")
say "$total facts; sampling $n with seed '$seed'"
[ "$total" -ge "$n" ] || { say "only $total facts, fewer than $n"; exit 1; }

# A fixed stream of pseudo-random bytes: AES-256-CTR of zeros under a key
# derived from the seed (digest given, so that OpenSSL versions agree).
random() { openssl enc -aes-256-ctr -pass "pass:$seed" -nosalt -md sha256 </dev/zero 2>/dev/null; }

printf 'n\tfact\tarticle\tsubject\tpredicate\tobject\tnegated\thedged\tasserted_by\trelation\tsentence\n'
seq 1 "$total" | shuf -n "$n" --random-source=<(random) | sort -n >"$tmp/picked"
awk 'NR == FNR { want[$1] = 1; next } FNR in want { print FNR "\t" $0 }' "$tmp/picked" "$tmp/facts.jsonl" |
	while IFS=$'\t' read -r line json; do
		printf '%s\n' "$json" | jq -r --arg line "$line" '
			def tsv: tostring | gsub("[\t\r\n]+"; " ");
			def slug: split("/") | last | split("#") | last;
			[$line, .article, (.subject.iri | slug), (.predicate | slug), (.object.iri | slug),
			 .negated, (.hedged // false), (.asserted_by | if type == "object" then (.text // .iri // "") else (. // "") end),
			 .relation.text, .sentence_text] | map(tsv) | @tsv'
	done | awk 'BEGIN { OFS = FS = "\t" } { print NR, $0 }'
