#!/usr/bin/env bash
# Runs every test kg has, on a fresh machine too: installs what the tests
# need and the machine lacks (Node.js, Raptor's rapper and Graphviz from
# Debian; N3.js and Oxigraph from npm into .cache/npm; PostgreSQL from Debian,
# run as a throw-away cluster), then vets and tests every package. .ci/run
# calls this.
set -euo pipefail
cd "$(dirname "$0")/.."

N3_VERSION=2.13.12
OXIGRAPH_VERSION=0.5.2

say() { printf 'test.sh: %s\n' "$*" >&2; }

apt_install() {
	local sudo=""
	[ "$(id -u)" = 0 ] || sudo="sudo"
	say "installing $* with apt-get"
	$sudo apt-get update -qq >/dev/null
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

command -v go >/dev/null || { say "go is not installed: install Go 1.26 or newer"; exit 2; }
command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
command -v rapper >/dev/null && command -v dot >/dev/null || apt_install raptor2-utils graphviz

npm_dir=.cache/npm
if [ "$(node -p "try{require('./$npm_dir/node_modules/n3/package.json').version}catch(e){''}" 2>/dev/null)" != "$N3_VERSION" ]; then
	say "installing n3@$N3_VERSION into $npm_dir"
	mkdir -p "$npm_dir"
	npm install --prefix "$npm_dir" --no-audit --no-fund --silent "n3@$N3_VERSION" >/dev/null
fi
if [ "$(node -p "try{require('./$npm_dir/node_modules/oxigraph/package.json').version}catch(e){''}" 2>/dev/null)" != "$OXIGRAPH_VERSION" ]; then
	say "installing oxigraph@$OXIGRAPH_VERSION into $npm_dir"
	mkdir -p "$npm_dir"
	npm install --prefix "$npm_dir" --no-audit --no-fund --silent "oxigraph@$OXIGRAPH_VERSION" >/dev/null
fi
export KG_NODE_MODULES="$PWD/$npm_dir/node_modules"

# PostgreSQL for the tests that run kg on it (KG_TEST_POSTGRES): a throw-away
# cluster in a temp dir, listening on 127.0.0.1 on a free port only, run by an
# unprivileged user (initdb refuses root) and stopped and removed on exit,
# whether the tests pass or not; unless KG_TEST_POSTGRES already names a
# server, where the tests create and drop databases of their own.
pg_bin() { # the directory holding initdb, pg_ctl and createdb
	local initdb
	initdb=$(command -v initdb || ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1)
	[ -n "$initdb" ] && dirname "$(readlink -f "$initdb")"
}
start_postgres() {
	if [ -z "$(pg_bin)" ]; then
		apt_install postgresql
		# Debian's package starts a cluster of its own where it can; stop it.
		if command -v pg_lsclusters >/dev/null; then
			pg_lsclusters -h | while read -r ver name _ status _; do
				[ "$status" = online ] && pg_ctlcluster "$ver" "$name" stop || true
			done
		fi
	fi
	pg_bin=$(pg_bin) || { say "PostgreSQL's initdb not found after installing postgresql"; exit 2; }
	as_pg=()
	if [ "$(id -u)" = 0 ]; then
		pg_dir=$(mktemp -d /tmp/kg-pg.XXXXXX) # under /tmp, which the user nobody can reach
		chown nobody "$pg_dir"
		as_pg=(runuser -u nobody --)
	else
		pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/kg-pg.XXXXXX")
	fi
	stop_pg() {
		if [ -f "$pg_dir/data/postmaster.pid" ]; then
			"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
		fi
		rm -rf "$pg_dir"
	}
	trap stop_pg EXIT
	trap 'exit 130' INT TERM
	"${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U kg --auth=trust -E UTF8 --locale=C --no-sync >"$pg_dir/initdb.log" 2>&1 ||
		{ say "initdb failed:"; cat "$pg_dir/initdb.log" >&2; exit 2; }
	pg_port=""
	for _ in 1 2 3 4 5 6 7 8 9 10; do
		port=$((20000 + RANDOM % 40000))
		(: </dev/tcp/127.0.0.1/$port) 2>/dev/null && continue # taken
		if "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 30 \
			-o "-c listen_addresses=127.0.0.1 -p $port -k $pg_dir -c fsync=off" start >/dev/null 2>&1; then
			pg_port=$port
			break
		fi
	done
	[ -n "$pg_port" ] || { say "could not start PostgreSQL:"; cat "$pg_dir/server.log" >&2; exit 2; }
	"${as_pg[@]}" "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U kg kg
	export KG_TEST_POSTGRES="postgres://kg@127.0.0.1:$pg_port/kg?sslmode=disable"
	say "PostgreSQL $("$pg_bin/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$pg_port for the tests"
}
if [ -n "${KG_TEST_POSTGRES:-}" ]; then
	say "PostgreSQL for the tests: the server KG_TEST_POSTGRES names"
else
	start_postgres
fi
# Tests that need these tools fail instead of skipping.
export KG_REQUIRE_TOOLS=1

unformatted=$(gofmt -l cmd internal schema)
if [ -n "$unformatted" ]; then
	say "gofmt would change: $unformatted"
	exit 1
fi
go vet ./...
go test -count=1 "$@" ./...
