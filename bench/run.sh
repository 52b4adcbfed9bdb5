#!/usr/bin/env bash
# Passage against the engines a newsroom would pick instead, on one machine, in one run:
#   bench/run.sh [STORIES]            (default 100000; needs root for apt and PostgreSQL)
# Generates the corpus, imports it with the full pipeline, serves it and measures search over
# HTTP with wrk (one client, then 16), times a publication until it is searchable while 16
# clients search, then loads the same corpus into raw Tantivy, SQLite FTS5
# and PostgreSQL and asks them the same queries. Results go to bench-data/N/results.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
WORK=bench-data/$N
PORT=8089
DURATION=${DURATION:-20s}
mkdir -p "$WORK"
RESULTS=$WORK/results.txt
: > "$RESULTS"
say() { echo "$*" | tee -a "$RESULTS"; }

need=()
command -v wrk >/dev/null || need+=(wrk)
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}"
fi
python3 -c "import psycopg2" 2>/dev/null || pip install -q psycopg2-binary

cargo build --release -q
PASSAGE=target/release/passage
say "# Passage benchmark, $N stories, $(date -u +%FT%TZ)"
say "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"

if [ ! -f "$WORK/corpus/queries.tsv" ]; then
  $PASSAGE bench corpus --n "$N" --out "$WORK/corpus"
fi
BYTES=$(python3 -c "
import json, pathlib, sys
print(sum(len(s['title'].encode()) + len(s['body'].encode()) for p in sorted(pathlib.Path(sys.argv[1]).glob('stories-*.jsonl')) for s in map(json.loads, p.open())))" "$WORK/corpus")
say "corpus: $N stories, $((BYTES / 1000000)) MB of text, $(($(wc -l < "$WORK/corpus/queries.tsv") - 1)) queries"

# Import: validation, redaction, encryption, store and index, in one pass.
# SKIP_IMPORT=1 keeps the archive of an earlier run (to measure search again).
if [ -z "${SKIP_IMPORT:-}" ]; then
rm -rf "$WORK/data" "$WORK/index"
started=$(date +%s.%N)
RUST_LOG=warn $PASSAGE --data "$WORK/data" --index "$WORK/index" import "$WORK/corpus" --publish | tail -1
imported=$(date +%s.%N)
python3 - "$started" "$imported" "$N" "$BYTES" <<'PY' | tee -a "$RESULTS"
import sys
start, imported, n, size = map(float, sys.argv[1:])
total = imported - start
print(f"passage import: {total:.1f} s to import, publish and index; "
      f"{n / total:.0f} stories/s, {size / total / 1e6:.1f} MB/s")
PY
fi

# Serve the imported archive; start-up is timed to the first answered search.
python3 -c "
import sys, urllib.parse
for line in list(open(sys.argv[1], encoding='utf-8'))[1:]:
    print(urllib.parse.quote(line.rstrip('\n').split('\t', 1)[1]))" "$WORK/corpus/queries.tsv" > "$WORK/queries.urls"
# A moderator for the publication round below (an earlier run may have added it).
MODERATOR_PASSWORD=bench-moderator-password
PASSAGE_PASSWORD=$MODERATOR_PASSWORD $PASSAGE --data "$WORK/data" --index "$WORK/index" \
  user add --role moderator bench-moderator >/dev/null 2>&1 || true
started=$(date +%s.%N)
RUST_LOG=warn $PASSAGE --data "$WORK/data" --index "$WORK/index" serve --bind 127.0.0.1:$PORT &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/api/v1/search?q=a"; do sleep 0.02; done
say "passage start-up on the existing index: $(python3 -c "import sys,time; print(f'{time.time() - float(sys.argv[1]):.2f} s')" "$started")"
export QUERIES=$WORK/queries.urls
say "passage search over HTTP (/api/v1/search: top 10, snippets, facets, total), one client:"
wrk -t1 -c1 -d5s -s bench/search.lua "http://127.0.0.1:$PORT" >/dev/null   # warm-up
wrk -t1 -c1 -d"$DURATION" -s bench/search.lua "http://127.0.0.1:$PORT" | grep '^wrk:' | tee -a "$RESULTS"
say "passage search over HTTP, 16 clients:"
wrk -t2 -c16 -d"$DURATION" -s bench/search.lua "http://127.0.0.1:$PORT" | grep '^wrk:' | tee -a "$RESULTS"
say "passage publication under search load (16 clients searching meanwhile):"
wrk -t2 -c16 -d120s -s bench/search.lua "http://127.0.0.1:$PORT" >/dev/null &
LOAD=$!
sleep 2
python3 bench/publish.py "http://127.0.0.1:$PORT" bench-moderator "$MODERATOR_PASSWORD" 20 | tee -a "$RESULTS"
kill $LOAD 2>/dev/null || true; wait $LOAD 2>/dev/null || true
say "passage server memory: $(grep -E '^(VmRSS|RssAnon|RssFile)' /proc/$SERVER/status | tr -s ' \t' ' ' | paste -sd, -) (RssFile is mostly the index's mapped files)"
kill $SERVER; wait $SERVER 2>/dev/null || true
trap - EXIT

# PASSAGE_ONLY=1 stops here (at a million stories the other engines take an hour more).
if [ -n "${PASSAGE_ONLY:-}" ]; then
  echo "results: $RESULTS"
  exit 0
fi

$PASSAGE bench tantivy --corpus "$WORK/corpus" --out "$WORK/raw-tantivy" | tee -a "$RESULTS"
python3 bench/engines.py sqlite "$WORK/corpus" "$WORK/fts5.db" | tee -a "$RESULTS"

# PostgreSQL on loopback, in a cluster of its own that is removed afterwards.
PGDIR=$(mktemp -d /tmp/passage-bench-pg.XXXXXX)
chown postgres "$PGDIR"
PG=/usr/lib/postgresql/15/bin
runuser -u postgres -- $PG/initdb -D "$PGDIR/data" --auth=trust -U postgres >/dev/null
runuser -u postgres -- $PG/pg_ctl -D "$PGDIR/data" -l "$PGDIR/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p 54329 -k $PGDIR -c shared_buffers=2GB -c maintenance_work_mem=1GB" start >/dev/null
trap 'runuser -u postgres -- $PG/pg_ctl -D "$PGDIR/data" -m fast stop >/dev/null; rm -rf "$PGDIR"' EXIT
python3 bench/engines.py postgres "$WORK/corpus" "host=127.0.0.1 port=54329 user=postgres dbname=postgres" | tee -a "$RESULTS"
echo "results: $RESULTS"
