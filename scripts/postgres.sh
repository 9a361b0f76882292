# A throw-away PostgreSQL cluster for scripts/test.sh and
# scripts/bench-load.sh, which source this file: in a temp dir, listening on
# 127.0.0.1 on a free port only, run by an unprivileged user (initdb refuses
# root). PostgreSQL is installed from Debian when the machine lacks it.
#
#   trap stop_postgres EXIT     # first, so that a failed start cleans up too
#   start_postgres on|off       # fsync on (benchmarks) or off (tests)
#
# start_postgres sets pg_port, pg_bin (initdb, pg_ctl, createdb, psql), as_pg
# (the command prefix that runs them as the cluster's user), pg_pid (the
# postmaster) and pg_url (postgres://kg@127.0.0.1:PORT, no database), and
# creates the database kg. The caller sets the traps: bash keeps one EXIT
# trap, and the caller may have more to clean up.

# say and apt_install are the caller's when it has them.
declare -F say >/dev/null || say() { printf '%s: %s\n' "${0##*/}" "$*" >&2; }
declare -F apt_install >/dev/null || apt_install() {
	local sudo=""
	[ "$(id -u)" = 0 ] || sudo="sudo"
	say "installing $* with apt-get"
	$sudo apt-get update -qq >/dev/null
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

pg_bin() { # the directory holding initdb, pg_ctl and createdb
	local initdb
	initdb=$(command -v initdb || ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1)
	[ -n "$initdb" ] && dirname "$(readlink -f "$initdb")"
}

# start_postgres FSYNC: starts the cluster with fsync=FSYNC (on or off).
start_postgres() {
	local fsync=${1:?start_postgres: fsync on or off}
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
	"${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U kg --auth=trust -E UTF8 --locale=C --no-sync >"$pg_dir/initdb.log" 2>&1 ||
		{ say "initdb failed:"; cat "$pg_dir/initdb.log" >&2; exit 2; }
	pg_port=""
	local port
	for _ in 1 2 3 4 5 6 7 8 9 10; do
		port=$((20000 + RANDOM % 40000))
		(: </dev/tcp/127.0.0.1/$port) 2>/dev/null && continue # taken
		if "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 30 \
			-o "-c listen_addresses=127.0.0.1 -p $port -k $pg_dir -c fsync=$fsync" start >/dev/null 2>&1; then
			pg_port=$port
			break
		fi
	done
	[ -n "$pg_port" ] || { say "could not start PostgreSQL:"; cat "$pg_dir/server.log" >&2; exit 2; }
	pg_pid=$(head -1 "$pg_dir/data/postmaster.pid")
	pg_url="postgres://kg@127.0.0.1:$pg_port"
	"${as_pg[@]}" "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U kg kg
}

# stop_postgres: stops the cluster start_postgres started, if any, and
# removes its directory.
stop_postgres() {
	[ -n "${pg_dir:-}" ] || return 0
	if [ -f "$pg_dir/data/postmaster.pid" ]; then
		"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
	fi
	rm -rf "$pg_dir"
}
