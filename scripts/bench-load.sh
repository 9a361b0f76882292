#!/usr/bin/env bash
# Measures loading: kgbuild building N copies of the FA-KES development
# corpus into a fresh bolt store, against Cayley's own loader (`cayley load`
# v0.7.7, the real command, built here from the Go module proxy) loading
# exactly the same quads — kgquery's N-Quads export of kgbuild's store —
# into a fresh bolt store, side by side in one table.
#
# Columns: quads written (kgbuild: with the vocabulary, gazetteer and
# lexicon; the N-Quads export has as many); wall and CPU (user + system) s
# of the whole process; extract s, kgbuild's extraction summed over its
# goroutines; write s and write CPU s (see below); quads/s written, quads
# over write s; peak RSS; the size of the bolt file.
#
# kgbuild runs twice per size: with --jobs 1, so that its writing
# (kgbuild --stats: the time spent in store calls, wall and the loader
# thread's CPU) does not share the cores with its own extraction; and with
# the default --jobs (one per CPU), end to end. cayley load's time is the
# whole process: reading the N-Quads and writing them. Peak RSS comes from
# /usr/bin/time -v; store MB is the size of indexes.bolt.
#
# Each loader is one function, load_<name> SIZE, that prints one table row;
# LOADERS lists them (KG_BENCH_LOADERS="kgbuild_pg cayley_pg" runs some).
#
# PostgreSQL (a second table): kgbuild_pg is kgbuild --stats --jobs 1 into a
# fresh database, cayley_pg is cayley init and cayley load --db postgres of
# the same N-Quads as the bolt comparison into another fresh database; each
# database is dropped after its row. The server is a throw-away cluster
# (scripts/postgres.sh) with fsync on, as a real database runs, or the one
# KG_BENCH_POSTGRES names (postgres://USER@HOST:PORT/DB?sslmode=disable,
# a user that may create databases; the script creates kg_bench_* next to
# DB and drops them). Extra columns: server CPU s, the CPU time of the
# cluster's processes during the load (only for the throw-away cluster:
# the postmaster with the backends it reaped, and its live children), and
# database MB, pg_database_size. A cayley load that takes longer than
# KG_BENCH_CAYLEY_PG_LIMIT s (default 900) is stopped; its row then counts
# the quads its committed transactions stored in that time.
#
# cayley dump of kgbuild's store must equal kgquery's export of it: the
# store is in Cayley's layout. On PostgreSQL too; and the export of
# kgbuild's database equals the export of its bolt store.
#
# The cayley binary is built once into .cache/cayley-v0.7.7/ (never
# committed). docs/benchmarks.md records the results.
#
# With --memory it only builds each size with kgbuild, with the default
# --batch and with --batch 10000, sampling /proc/PID/status every 0.1 s:
# the peak of RssAnon (memory the process allocated) apart from RssFile
# (pages of the bolt file mapped in, which grow with the store).
#
# Usage: scripts/bench-load.sh [--memory] [N...]   (default: 1 10; copies of the corpus)
#        KG_BENCH_CORPUS=FILE.csv scripts/bench-load.sh   (another corpus, FA-KES layout)
set -euo pipefail
cd "$(dirname "$0")/.."

CAYLEY_VERSION=v0.7.7
corpus=${KG_BENCH_CORPUS:-../shared/corpora/fakes-dev.csv}
memory=false
if [ "${1:-}" = --memory ]; then
	memory=true
	shift
fi
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 10)
LOADERS=(kgbuild_jobs1 kgbuild cayley kgbuild_pg cayley_pg)
[ -z "${KG_BENCH_LOADERS:-}" ] || read -r -a LOADERS <<<"$KG_BENCH_LOADERS"
cayley_pg_limit=${KG_BENCH_CAYLEY_PG_LIMIT:-900}

say() { printf 'bench-load.sh: %s\n' "$*" >&2; }
[ -r "$corpus" ] || { say "no corpus at $corpus: set KG_BENCH_CORPUS to a CSV in the FA-KES layout"; exit 2; }
[ -x /usr/bin/time ] || { say "/usr/bin/time is missing (apt-get install time)"; exit 2; }

tmp=$(mktemp -d)
pg_admin="" # the URL of a database on the PostgreSQL server, for psql
cleanup() {
	if [ -n "$pg_admin" ]; then # the databases this run made (kg_bench_PID_*)
		for d in $(psql "$pg_admin" -Atqc "SELECT datname FROM pg_database WHERE datname LIKE 'kg\_bench\_$$\_%'" 2>/dev/null); do
			psql "$pg_admin" -qc "DROP DATABASE IF EXISTS $d" >/dev/null 2>&1 || true
		done
	fi
	declare -F stop_postgres >/dev/null && stop_postgres
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
go build -o "$tmp/kgbuild" ./cmd/kgbuild
go build -o "$tmp/kgquery" ./cmd/kgquery

# The baseline: the real cayley command of the version kg uses, from a
# module of its own outside the repository. cmd/cayley needs the old
# spelling of logrus.
cayley=.cache/cayley-$CAYLEY_VERSION/cayley
if ! $memory && [ ! -x "$cayley" ]; then
	say "building cayley $CAYLEY_VERSION into $(dirname "$cayley") (about a minute)"
	mod=$(mktemp -d)
	cat >"$mod/go.mod" <<EOF
module cayleybench

go 1.26

require github.com/cayleygraph/cayley $CAYLEY_VERSION

replace github.com/Sirupsen/logrus => github.com/Sirupsen/logrus v1.0.1
EOF
	mkdir -p "$(dirname "$cayley")"
	(cd "$mod" && GOFLAGS=-mod=mod go build -mod=mod -o "$OLDPWD/$cayley" github.com/cayleygraph/cayley/cmd/cayley) || { rm -rf "$mod"; say "building cayley failed"; exit 1; }
	rm -rf "$mod"
fi

. scripts/corpus.sh # corpus_copies

# timed FILE CMD...: runs CMD under /usr/bin/time -v, its stderr to FILE.err.
# Exit status 2 from kgbuild only says some records were bad.
timed() {
	local out=$1
	shift
	/usr/bin/time -v -o "$out.time" "$@" >/dev/null 2>"$out.err" || [ $? = 2 ]
}
wall() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$1"; }
cpu() { awk -F': ' '/(User|System) time \(seconds\)/ { s += $2 } END { print s }' "$1"; }
rss() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }
mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f", b / 1e6 }'; }
dur() { # a Go duration (2.1s, 812ms, 1m2.5s) in seconds
	awk -v d="$1" 'BEGIN {
		s = 0
		if (d ~ /^[0-9]+h/) { i = index(d, "h"); s += substr(d, 1, i - 1) * 3600; d = substr(d, i + 1) }
		if (d ~ /^[0-9]+m[0-9]/) { i = index(d, "m"); s += substr(d, 1, i - 1) * 60; d = substr(d, i + 1) }
		if (d ~ /ms$/) s += d / 1000; else if (d ~ /µs$/) s += d / 1e6; else if (d ~ /ns$/) s += d / 1e9; else s += d + 0
		printf "%.3f", s
	}'
}

# row SIZE LOADER QUADS WALL CPU EXTRACT WRITE_WALL WRITE_CPU RSS STORE
row() {
	awk -v size="$1" -v name="$2" -v q="$3" -v wall="$4" -v cpu="$5" -v ex="$6" -v ww="$7" -v wc="$8" -v rss="$9" -v store="${10}" 'BEGIN {
		printf "| %4s× | %-18s | %8d | %7.2f | %6.2f | %7s | %7.2f | %6.2f | %8.0f | %6s | %6s |\n", size, name, q, wall, cpu, ex, ww, wc, q / ww, rss, store
	}'
}

# kgbuild_row SIZE NAME JOBS: builds the corpus copies into a fresh store.
kgbuild_row() {
	local size=$1 name=$2 jobs=$3 db="$tmp/kg-$1-$3.db" out="$tmp/kgbuild-$1-$3"
	rm -rf "$db"
	timed "$out" "$tmp/kgbuild" --stats --jobs "$jobs" --db "$db" "$tmp/x$size.csv"
	local stats quads ww wc ex
	stats=$(grep '^kgbuild: stats:' "$out.err") || { cat "$out.err" >&2; exit 1; }
	# "writing 2.1s (1.9s CPU) for 336081 quads, ...; extracting 7.2s summed over 2 goroutines; ..."
	read -r ww wc quads ex < <(echo "$stats" | sed -E 's/.*writing ([^ ]+) \(([^ ]+) CPU\) for ([0-9]+) quads.*extracting ([^ ]+) summed.*/\1 \2 \3 \4/')
	grep -h '^kgbuild: [0-9]* articles' "$out.err" >&2
	echo "$stats" >&2
	row "$size" "$name" "$quads" "$(wall "$out.time")" "$(cpu "$out.time")" "$(dur "$ex")" "$(dur "$ww")" "$(dur "$wc")" "$(rss "$out.time")" "$(mb "$db/indexes.bolt")"
}

load_kgbuild_jobs1() { kgbuild_row "$1" "kgbuild --jobs 1" 1; }
load_kgbuild() { kgbuild_row "$1" "kgbuild --jobs $(nproc)" "$(nproc)"; }

# sorted_dump FILE: cayley dump's N-Quads, sorted, without the graph
# kg:summaries, which kgquery export leaves out (it derives from the others;
# schema.SummaryGraph).
sorted_dump() { grep -v ' <https://conflictkg.org/ns#summaries> \.$' "$1" | sort; }

# load_cayley SIZE: cayley load of kgbuild's quads, exported as N-Quads.
load_cayley() {
	local size=$1 db="$tmp/cayley-$1.db" out="$tmp/cayley-$1" nq="$tmp/x$1.nq"
	[ -f "$nq" ] || "$tmp/kgquery" export --db "$tmp/kg-$size-1.db" -o "$nq" 2>/dev/null
	local quads
	quads=$(wc -l <"$nq")
	rm -rf "$db"
	"$cayley" init --db bolt --dbpath "$db" 2>/dev/null
	timed "$out" "$cayley" load --db bolt --dbpath "$db" "$nq"
	# Cayley's store holds as many quads as the export.
	local stored
	stored=$("$tmp/kgquery" stats --db "$db" | awk '$1 == "quads" { print $2 }')
	[ "$stored" = "$quads" ] || { say "cayley load stored $stored quads of $quads"; cat "$out.err" >&2; exit 1; }
	# And Cayley reads kgbuild's store as kgquery does: its own dump of it
	# is the export, quad for quad.
	"$cayley" dump --db bolt --dbpath "$tmp/kg-$size-1.db" -o "$tmp/dump-$size.nq" >/dev/null 2>&1
	cmp -s <(sorted_dump "$tmp/dump-$size.nq") <(sort "$nq") || { say "cayley dump of kgbuild's store differs from kgquery export"; exit 1; }
	rm -f "$tmp/dump-$size.nq"
	local w
	w=$(wall "$out.time")
	row "$size" "cayley load" "$quads" "$w" "$(cpu "$out.time")" - "$w" "$(cpu "$out.time")" "$(rss "$out.time")" "$(mb "$db/indexes.bolt")"
}

# PostgreSQL: the server, fresh databases on it, and the server's CPU.
pg_server() {
	if [ -n "${KG_BENCH_POSTGRES:-}" ]; then
		pg_admin=$KG_BENCH_POSTGRES
		pg_pid=""
		say "PostgreSQL: the server KG_BENCH_POSTGRES names"
	else
		. scripts/postgres.sh
		start_postgres on
		pg_admin="$pg_url/kg?sslmode=disable"
		say "PostgreSQL $("$pg_bin/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$pg_port, fsync on"
	fi
	psql "$pg_admin" -Atqc 'SELECT 1' >/dev/null || { say "cannot connect to PostgreSQL"; exit 2; }
	echo "PostgreSQL $(psql "$pg_admin" -Atqc 'SHOW server_version'), fsync $(psql "$pg_admin" -Atqc 'SHOW fsync'), synchronous_commit $(psql "$pg_admin" -Atqc 'SHOW synchronous_commit'), shared_buffers $(psql "$pg_admin" -Atqc 'SHOW shared_buffers')" >"$tmp/pg.server"
}
# fresh_db NAME: drops and creates database NAME; prints its URL.
fresh_db() {
	local name=$1 rest q=""
	psql "$pg_admin" -qc "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $name" >/dev/null
	psql "$pg_admin" -qc "CREATE DATABASE $name" >/dev/null
	rest=${pg_admin#*://}
	[[ $rest != *\?* ]] || q="?${rest#*\?}"
	echo "${pg_admin%%://*}://${rest%%/*}/$name$q"
}
drop_db() { psql "$pg_admin" -qc "DROP DATABASE IF EXISTS $1" >/dev/null; }
db_mb() { psql "$pg_admin" -Atqc "SELECT round(pg_database_size('$1') / 1e6, 1)"; }
# server_cpu [DB]: CPU seconds of the throw-away cluster so far (the
# postmaster, the children it reaped, its live children); "" on another
# server. With DB it first waits for DB's backends to end, so that a backend
# that is exiting is not missed (read neither alive nor reaped).
server_cpu() {
	[ -n "${pg_pid:-}" ] || return 0
	if [ -n "${1:-}" ]; then
		local i
		for i in $(seq 1 100); do
			[ "$(psql "$pg_admin" -Atqc "SELECT count(*) FROM pg_stat_activity WHERE datname = '$1'")" = 0 ] && break
			sleep 0.1
		done
		sleep 0.3
	fi
	local ticks=0 p t
	for p in "$pg_pid" $(ps -o pid= --ppid "$pg_pid"); do
		# fields after "(comm) ": utime stime cutime cstime are 12-15
		t=$(sed 's/^.*) //' "/proc/$p/stat" 2>/dev/null | awk -v self=$([ "$p" = "$pg_pid" ] && echo 1 || echo 0) '{ print $12 + $13 + (self ? $14 + $15 : 0) }') || t=0
		ticks=$((ticks + ${t:-0}))
	done
	awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t / hz }'
}
cpu_diff() { [ -n "$1" ] && awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }' || echo -; }

# pgrow SIZE LOADER QUADS WALL CPU SERVER_CPU EXTRACT WRITE_WALL WRITE_CPU RSS DB_MB
pgrow() {
	awk -v size="$1" -v name="$2" -v q="$3" -v wall="$4" -v cpu="$5" -v scpu="$6" -v ex="$7" -v ww="$8" -v wc="$9" -v rss="${10}" -v store="${11}" 'BEGIN {
		printf "| %4s× | %-28s | %8d | %7.2f | %6.2f | %6s | %7s | %7.2f | %6s | %8.0f | %6s | %7s |\n", size, name, q, wall, cpu, scpu, ex, ww, wc, q / ww, rss, store
	}'
}

# load_kgbuild_pg SIZE: kgbuild --jobs 1 into a fresh database.
load_kgbuild_pg() {
	local size=$1 out="$tmp/kgbuild-pg-$1" name="kg_bench_$$_${1}_kgbuild" url c0 c1
	url=$(fresh_db "$name")
	c0=$(server_cpu)
	timed "$out" "$tmp/kgbuild" --stats --jobs 1 --db "$url" "$tmp/x$size.csv"
	c1=$(server_cpu "$name")
	local stats quads ww wc ex
	stats=$(grep '^kgbuild: stats:' "$out.err") || { cat "$out.err" >&2; exit 1; }
	read -r ww wc quads ex < <(echo "$stats" | sed -E 's/.*writing ([^ ]+) \(([^ ]+) CPU\) for ([0-9]+) quads.*extracting ([^ ]+) summed.*/\1 \2 \3 \4/')
	grep -h '^kgbuild: [0-9]* articles' "$out.err" >&2
	echo "$stats" >&2
	# Cayley reads kgbuild's database as kgquery does, and it holds the
	# quads kgbuild's bolt store holds: the N-Quads cayley_pg loads.
	"$tmp/kgquery" export --db "$url" -o "$tmp/xpg$size.nq" 2>/dev/null
	"$cayley" dump --db postgres --dbpath "$url" -o "$tmp/dump-pg-$size.nq" >/dev/null 2>&1
	cmp -s <(sorted_dump "$tmp/dump-pg-$size.nq") <(sort "$tmp/xpg$size.nq") || { say "cayley dump of kgbuild's database differs from kgquery export"; exit 1; }
	say "$size×: cayley dump of kgbuild's database equals kgquery export ($(wc -l <"$tmp/xpg$size.nq") quads)"
	if [ -f "$tmp/x$size.nq" ]; then
		cmp -s <(sort "$tmp/x$size.nq") <(sort "$tmp/xpg$size.nq") || { say "kgbuild's database and its bolt store export different quads"; exit 1; }
		say "$size×: kgbuild's database exports the quads of its bolt store"
	fi
	rm -f "$tmp/dump-pg-$size.nq"
	pgrow "$size" "kgbuild --jobs 1" "$quads" "$(wall "$out.time")" "$(cpu "$out.time")" "$(cpu_diff "$c0" "$c1")" "$(dur "$ex")" "$(dur "$ww")" "$(dur "$wc")" "$(rss "$out.time")" "$(db_mb "$name")"
	drop_db "$name"
}

# load_cayley_pg SIZE: cayley load of the N-Quads the bolt comparison loads
# (or, without it, of kgbuild's database exported) into a fresh database.
load_cayley_pg() {
	local size=$1 out="$tmp/cayley-pg-$1" name="kg_bench_$$_${1}_cayley" nq="$tmp/x$1.nq" url c0 c1
	[ -f "$nq" ] || nq="$tmp/xpg$size.nq"
	[ -f "$nq" ] || { say "cayley_pg needs the N-Quads of cayley or kgbuild_pg: list one of them before it"; exit 2; }
	local quads
	quads=$(wc -l <"$nq")
	url=$(fresh_db "$name")
	"$cayley" init --db postgres --dbpath "$url" 2>/dev/null
	c0=$(server_cpu "$name")
	local status=0
	timed "$out" timeout "$cayley_pg_limit" "$cayley" load --db postgres --dbpath "$url" -i "$nq" || status=$?
	c1=$(server_cpu "$name")
	local stored label="cayley load"
	stored=$(psql "$url" -Atqc 'SELECT count(*) FROM quads')
	if [ "$status" = 0 ]; then
		[ "$stored" = "$quads" ] || { say "cayley load stored $stored quads of $quads"; cat "$out.err" >&2; exit 1; }
	elif grep -q 'Command exited with non-zero status 124' "$out.time"; then
		label="cayley load, stopped at ${cayley_pg_limit} s"
		say "$size×: cayley load stopped after $cayley_pg_limit s with $stored of $quads quads stored"
	else
		say "cayley load failed:"
		cat "$out.err" >&2
		exit 1
	fi
	local w
	w=$(wall "$out.time")
	pgrow "$size" "$label" "$stored" "$w" "$(cpu "$out.time")" "$(cpu_diff "$c0" "$c1")" - "$w" "$(cpu "$out.time")" "$(rss "$out.time")" "$(db_mb "$name")"
	drop_db "$name"
}

# memory_row SIZE BATCH: peak anonymous and file-backed RSS of one build.
memory_row() {
	local size=$1 batch=$2 db="$tmp/mem.db" anon=0 file=0 a f pid
	rm -rf "$db"
	"$tmp/kgbuild" --batch "$batch" --db "$db" "$tmp/x$size.csv" >/dev/null 2>&1 &
	pid=$!
	while kill -0 "$pid" 2>/dev/null; do
		read -r a f < <(awk '/^RssAnon/ { a = $2 } /^RssFile/ { f = $2 } END { print a + 0, f + 0 }' "/proc/$pid/status" 2>/dev/null || echo 0 0)
		[ "$a" -gt "$anon" ] && anon=$a
		[ "$f" -gt "$file" ] && file=$f
		sleep 0.1
	done
	wait "$pid" || [ $? = 2 ]
	printf '| %4s× | %7s | %8d | %8d | %7s |\n' "$size" "$batch" $((anon / 1024)) $((file / 1024)) "$(mb "$db/indexes.bolt")"
}

if $memory; then
	echo "kgbuild peak memory, $(nproc) CPUs, $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
	echo
	echo "| size | --batch | RssAnon MB | RssFile MB | store MB |"
	echo "|-----:|--------:|-----------:|-----------:|---------:|"
	for size in "${sizes[@]}"; do
		corpus_copies "$size" "$tmp/x$size.csv"
		memory_row "$size" 100000
		memory_row "$size" 10000
	done
	exit 0
fi

machine="$(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'))"
for l in "${LOADERS[@]}"; do
	[[ $l != *_pg ]] || { pg_server; break; }
done
started="$(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
say "$started"
# Rows go to stderr as they come and into the tables at the end.
for size in "${sizes[@]}"; do
	corpus_copies "$size" "$tmp/x$size.csv"
	for l in "${LOADERS[@]}"; do
		if [[ $l == *_pg ]]; then
			"load_$l" "$size" | tee -a "$tmp/pg.rows" >&2
		else
			"load_$l" "$size" | tee -a "$tmp/bolt.rows" >&2
		fi
	done
done
echo "started $started"
echo
if [ -f "$tmp/bolt.rows" ]; then
	echo "Loading into bolt, $machine"
	echo
	echo "| size | loader | quads | wall s | CPU s | extract s | write s | write CPU s | quads/s written | peak RSS MB | store MB |"
	echo "|-----:|--------|------:|-------:|------:|----------:|--------:|------------:|----------------:|------------:|---------:|"
	cat "$tmp/bolt.rows"
	echo
fi
if [ -f "$tmp/pg.rows" ]; then
	echo "Loading into PostgreSQL, $machine; $(cat "$tmp/pg.server")"
	echo
	echo "| size | loader | quads | wall s | CPU s | server CPU s | extract s | write s | write CPU s | quads/s written | peak RSS MB | database MB |"
	echo "|-----:|--------|------:|-------:|------:|-------------:|----------:|--------:|------------:|----------------:|------------:|------------:|"
	cat "$tmp/pg.rows"
	echo
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
