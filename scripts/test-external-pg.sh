#!/usr/bin/env bash
# Runs the API tests against a throwaway cluster of Debian's PostgreSQL 15 (or PG_BIN), as a
# stand-in for an operator's external server: proves the migrations and queries work on 15.
set -euo pipefail
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
[ -x "$PG_BIN/postgres" ] || { echo "external-pg: no PostgreSQL at $PG_BIN"; exit 1; }
dir=$(mktemp -d /tmp/jishi-pg15-XXXXXX)
chmod 755 "$dir"
chown postgres "$dir" 2>/dev/null || true
port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
cleanup() { as_pg "$PG_BIN/pg_ctl -D $dir/data -m fast stop" >/dev/null 2>&1 || true; rm -rf "$dir"; }
trap cleanup EXIT
as_pg "$PG_BIN/initdb -D $dir/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
as_pg "$PG_BIN/pg_ctl -D $dir/data -l $dir/log -o '-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200' -w start" >/dev/null
echo "external-pg: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on port $port"
TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres" npx vitest run --project api
