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
# cluster (scripts/postgres.sh) with fsync off, stopped and removed on exit,
# whether the tests pass or not; unless KG_TEST_POSTGRES already names a
# server, where the tests create and drop databases of their own.
. scripts/postgres.sh
if [ -n "${KG_TEST_POSTGRES:-}" ]; then
	say "PostgreSQL for the tests: the server KG_TEST_POSTGRES names"
else
	trap stop_postgres EXIT
	trap 'exit 130' INT TERM
	start_postgres off
	export KG_TEST_POSTGRES="$pg_url/kg?sslmode=disable"
	say "PostgreSQL $("$pg_bin/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$pg_port for the tests"
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
