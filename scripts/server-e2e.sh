#!/usr/bin/env bash
# The systemd-like path end to end: Debian's PostgreSQL started on a free 127.0.0.1 port in a
# temp folder, the admin CLI creating tokens against it (`npm run server`), the server started the
# way the unit starts it (the bundle dist/server/main.mjs, environment only), then push, re-push and pull with curl. Leaves nothing behind.
# Usage: npm run server:e2e   (exit 0 = every step held)
set -euo pipefail
cd "$(dirname "$0")/.."

PG_BIN="${PUMASI_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
if [[ -z "$PG_BIN" || ! -x "$PG_BIN/initdb" ]]; then
  echo "PostgreSQL binaries not found (install Debian's postgresql package)" >&2
  exit 1
fi
free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

TMP="$(mktemp -d /tmp/pumasi-e2e-XXXXXX)"
SERVER_PID=""
as_pg() { if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  as_pg "$PG_BIN/pg_ctl" -D "$TMP/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$TMP"
}
trap cleanup EXIT
[[ "$(id -u)" == 0 ]] && chown postgres "$TMP"

PG_PORT="$(free_port)"
as_pg "$PG_BIN/initdb" -D "$TMP/pg" -U postgres --auth=trust -E UTF8 --no-locale --no-sync >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$TMP/pg" -l "$TMP/pg.log" -w -t 120 \
  -o "-p $PG_PORT -k $TMP -c listen_addresses=127.0.0.1" start >/dev/null
as_pg "$PG_BIN/psql" -h "$TMP" -p "$PG_PORT" -U postgres -qc "CREATE DATABASE pumasi"
export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/pumasi"
echo "postgres on 127.0.0.1:$PG_PORT"

TEAM="$(npm run -s server -- token create --cluster gumi --role team --label e2e | tail -1)"
HQ="$(npm run -s server -- token create --role hq --label e2e | tail -1)"
npm run -s server -- token list | grep -q gumi

PORT="$(free_port)"
npm run -s build:server >/dev/null
PORT="$PORT" HOST=127.0.0.1 PUMASI_DATA_DIR="$TMP/unused" LOG_LEVEL=warn \
  node dist/server/main.mjs >"$TMP/server.log" 2>&1 &
SERVER_PID=$!
URL="http://127.0.0.1:$PORT"
for _ in $(seq 1 600); do curl -sf "$URL/health" >/dev/null && break; sleep 0.1; done
curl -sf "$URL/health" >/dev/null || { cat "$TMP/server.log" >&2; echo "no /health" >&2; exit 1; }
echo "server on $URL"

# a whole record, as a client creates it (the server refuses a partial one for a record it lacks)
STAMP="$(node -e "console.log(String(Date.now()).padStart(13,'0')+'-0000-E2EDEV')")"
BODY="{\"protocol\":1,\"deviceId\":\"E2EDEV\",\"mutations\":[{\"mutationId\":\"e2e-1\",\"change\":{\"entity\":\"resource\",\"id\":\"r1\",\"clusterId\":\"gumi\",\"fields\":{\"name\":{\"value\":\"3D 프린터\",\"hlc\":\"$STAMP\"},\"sharedWithNetwork\":{\"value\":true,\"hlc\":\"$STAMP\"},\"kind\":{\"value\":\"equipment\",\"hlc\":\"$STAMP\"},\"availability\":{\"value\":\"available\",\"hlc\":\"$STAMP\"},\"deleted\":{\"value\":0,\"hlc\":\"$STAMP\"}}}}]}"
push() { curl -sf -X POST "$URL/v1/sync/push" -H "authorization: Bearer $TEAM" -H 'content-type: application/json' -d "$BODY"; }
push | grep -q '"status":"applied"' || { echo "push not applied" >&2; exit 1; }
push | grep -q '"status":"duplicate"' || { echo "re-push applied twice" >&2; exit 1; }
curl -sf "$URL/v1/sync/pull?after=0" -H "authorization: Bearer $HQ" | grep -q '3D 프린터' \
  || { echo "hq pull misses the record" >&2; exit 1; }
curl -sf "$URL/v1/network/resources" -H "authorization: Bearer $HQ" | grep -q '"clusterId":"gumi"' \
  || { echo "network API misses the resource" >&2; exit 1; }
code="$(curl -s -o /dev/null -w '%{http_code}' "$URL/v1/sync/pull")"
[[ "$code" == 401 ]] || { echo "pull without token answered $code" >&2; exit 1; }
if grep -q "$TEAM" "$TMP/server.log"; then echo "token found in the log" >&2; exit 1; fi
echo "server e2e: ok"
