# corpus.sh: sourced by the benchmark scripts.

# corpus_copies N FILE: the corpus ($corpus) N times over. Each copy
# prefixes the ids with its number ("c7-1914947530", as
# cmd/kgquery/internal/benchgraph does), so that no article is skipped as a
# repeat; quoted fields span lines, so a line starts a record only when the
# quotes before it balance.
corpus_copies() {
	local n=$1 k
	for k in $(seq 1 "$n"); do
		awk -v k="$k" '
			NR == 1 { if (k == 1) print; next }
			{
				line = $0
				if (!inside) line = "c" k "-" line
				print line
				n = gsub(/"/, "\"", $0)
				if (n % 2) inside = !inside
			}' "$corpus"
	done >"$2"
}

# peak_anon FILE CMD...: runs CMD, its stderr to FILE, sampling
# /proc/PID/status every 0.1 s, and prints the peak of RssAnon in MB: the
# memory the process allocated, apart from the pages of the store file it
# maps (RssFile), which grow with the store.
peak_anon() {
	local err=$1 pid peak=0 a
	shift
	"$@" >/dev/null 2>"$err" &
	pid=$!
	while kill -0 "$pid" 2>/dev/null; do
		a=$(awk '/^RssAnon/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
		if [ -n "$a" ] && [ "$a" -gt "$peak" ]; then peak=$a; fi
		sleep 0.1
	done
	wait "$pid"
	echo $((peak / 1024))
}
