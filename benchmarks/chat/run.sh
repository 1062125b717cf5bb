#!/usr/bin/env bash
# Chat fan-out (issue 8): one public room, SUBSCRIBERS members subscribed to roomEvents over graphql-transport-ws,
# spread evenly over two API instances (Release src/WebApi, Production) that share one private PostgreSQL and one
# private redis-server on 127.0.0.1; senders post sendMessage over HTTP at RATE messages/s, alternating the
# instances. Each text carries its send time, so every subscriber measures send-to-receipt latency; each checks
# the room's sequence (nothing lost, duplicated or out of order). Target: p99 ≤ 150 ms at 2,000 subscribers and
# 50 messages/s.
#
# Users are inserted with SQL (user n: ID 00000000-0000-4000-8000-<n in hex>, like benchmarks/vote) and their
# access tokens minted by the client with the instances' signing key; user 1 creates the room and the others join
# it through the API. Senders are SENDERS users more (the per-user send limit, 5 in 5 s, holds: each sends
# RATE / SENDERS a second).
#
# Knobs: SUBSCRIBERS (2000), RATE (50), SENDERS (2 × RATE), WARMUP (10), DURATION (30), BOUND_MS (150),
# PG_BIN (/usr/lib/postgresql/15/bin), SKIP_BUILD=1, PERF=1 (CPU samples of instance A into OUT/a.perf), OUT (logs; a temporary folder if unset). Run as root (the
# private PostgreSQL runs as the postgres user). Everything is stopped and removed on exit, Ctrl-C included.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SUBSCRIBERS=${SUBSCRIBERS:-2000}
RATE=${RATE:-50}
SENDERS=${SENDERS:-$(python3 -c "import math; print(max(10, math.ceil(2 * $RATE)))")}
WARMUP=${WARMUP:-10}
DURATION=${DURATION:-30}
BOUND_MS=${BOUND_MS:-150}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
OUT=${OUT:-$(mktemp -d -t chatbench.XXXXXX)}
mkdir -p "$OUT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'chat/run.sh: %s\n' "$*" >&2; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Each subscriber is a socket in the client and one in an instance; the instances also hold database and Redis
# connections. Raise the soft limit to the hard one (inherited by the servers started below).
ulimit -n "$(ulimit -Hn)"
(($(ulimit -n) > SUBSCRIBERS + 1000)) || die "ulimit -n is $(ulimit -n): too low for $SUBSCRIBERS subscribers"

pids=() PG_TMP= PG_STARTED=false REDIS_PORT=$(free_port)
cleanup() {
  trap '' INT TERM
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  if $PG_STARTED; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" stop -D "$PG_TMP/data" -m fast -w -t 30 >/dev/null 2>&1 ||
      runuser -u postgres -- "$PG_BIN/pg_ctl" stop -D "$PG_TMP/data" -m immediate -w >/dev/null 2>&1 || true
  fi
  [[ -n $PG_TMP ]] && rm -rf "$PG_TMP"
  return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ ${SKIP_BUILD:-} != 1 ]]; then
  for project in "$ROOT/src/WebApi" "$HERE/LoadClient"; do
    log "Building $project (Release)"
    dotnet build "$project" -c Release --nologo -v quiet >"$OUT/build.log" 2>&1 ||
      { tail -n 30 "$OUT/build.log" >&2; die "build of $project failed"; }
  done
fi
client=(dotnet "$HERE/LoadClient/bin/Release/net10.0/Voting.Benchmarks.Chat.LoadClient.dll")
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# --- PostgreSQL and Redis, private, on loopback ------------------------------------------------------

[[ -x $PG_BIN/initdb ]] || die "no PostgreSQL in $PG_BIN (apt-get install postgresql)"
PG_TMP=$(mktemp -d /tmp/voting-chat-bench.XXXXXXXX) # under /tmp: the postgres user must reach it
chmod 755 "$PG_TMP"
mkdir -p "$PG_TMP/data" "$PG_TMP/sockets"
chown -R postgres: "$PG_TMP"
chmod 700 "$PG_TMP/data"
PG_PORT=$(free_port)
log "Starting a private PostgreSQL on 127.0.0.1:$PG_PORT"
runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_TMP/data" -U postgres -A trust -E UTF8 --locale=C >"$OUT/initdb.log" 2>&1 ||
  { cat "$OUT/initdb.log" >&2; die "initdb failed"; }
PG_STARTED=true
runuser -u postgres -- "$PG_BIN/pg_ctl" start -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_TMP/sockets -c max_connections=300 -c shared_buffers=256MB -c shared_preload_libraries=pg_stat_statements" \
  >/dev/null || { cat "$PG_TMP/server.log" >&2; die "PostgreSQL did not start"; }
PG_PID=$(head -n 1 "$PG_TMP/data/postmaster.pid")
psql_on() { local db=$1; shift; "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$db" "$@"; }
psql_on postgres -c "CREATE DATABASE voting_chat" >/dev/null

log "Starting redis-server on 127.0.0.1:$REDIS_PORT"
redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --dir "$OUT" --daemonize yes \
  --pidfile "$OUT/redis.pid" --logfile "$OUT/redis.log"
for _ in $(seq 50); do [[ $(redis-cli -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]] && break; sleep 0.1; done
REDIS_PID=$(cat "$OUT/redis.pid")

# --- Two API instances ---------------------------------------------------------------------------------

SIGNING_KEY=benchmark-only-signing-key-$(date +%s%N)
declare -A PID_OF
start_instance() { # start_instance NAME PORT
  local name=$1 port=$2
  # From the output folder, the content root: appsettings.json applies as in production.
  (cd "$ROOT/src/WebApi/bin/Release/net10.0" && exec env ASPNETCORE_URLS=http://127.0.0.1:$port ASPNETCORE_ENVIRONMENT=Production \
    Database__Provider=Postgres Database__MigrateOnStartup=true \
    Database__ConnectionString="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=voting_chat;Maximum Pool Size=100" \
    Serilog__MinimumLevel__Default=Warning Jwt__SigningKey="$SIGNING_KEY" \
    Redis__Configuration="127.0.0.1:$REDIS_PORT" Redis__KeyPrefix="chatbench:" \
    DOTNET_PerfMapEnabled=$([[ ${PERF:-0} == 1 ]] && echo 1 || echo 0) DOTNET_EnableWriteXorExecute=$([[ ${PERF:-0} == 1 ]] && echo 0 || echo 1) \
    setsid dotnet Voting.WebApi.dll) >"$OUT/$name.log" 2>&1 &
  pids+=($!)
  PID_OF[$name]=$!
  for _ in $(seq 240); do
    curl -sS -f --max-time 2 "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "${PID_OF[$name]}" 2>/dev/null || break
    sleep 0.5
  done
  tail -n 30 "$OUT/$name.log" >&2
  die "$name does not report ready on port $port"
}
PORT_A=$(free_port)
PORT_B=$(free_port)
log "Starting instance A on $PORT_A, then B on $PORT_B (A migrates the database)"
start_instance a "$PORT_A"
start_instance b "$PORT_B"
URLS="http://127.0.0.1:$PORT_A/graphql,http://127.0.0.1:$PORT_B/graphql"

USERS=$((SUBSCRIBERS + SENDERS))
log "Inserting $USERS users with SQL"
psql_on voting_chat -v users="$USERS" >/dev/null <<'SQL'
INSERT INTO "Users" ("Id", "CitizenId", "Phone", "PasswordHash", "Roles", "RegisteredAt")
SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid,
       p || (11 - (SELECT sum(substr(p, i, 1)::int * (14 - i)) FROM generate_series(1, 12) i) % 11) % 10,
       '+669' || lpad(n::text, 8, '0'),
       'benchmark-user-without-password',
       4,
       now()
FROM generate_series(1, :users) n, LATERAL (SELECT '5' || lpad(n::text, 11, '0') AS p) digits;
VACUUM ANALYZE "Users";
SQL

log "One public room, joined by all $USERS users through the API"
room_line=$("${client[@]}" setup --urls "$URLS" --signing-key "$SIGNING_KEY" --users "$USERS" | grep '^ROOM ')
ROOM=${room_line#ROOM }

# Database transactions per message over the fan-out phase: a subscriber that reads the log (to fill a gap
# in what it was sent) shows here, one or two per subscriber and gap.
pg_commits() { psql_on postgres -tA -c "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = 'voting_chat'"; }
commits_before=$(pg_commits)
psql_on voting_chat -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset()" >/dev/null 2>&1 || true
perf_pid=
if [[ ${PERF:-0} == 1 ]]; then
  # CPU samples of instance A over the measured window (the subscribers open first: about SUBSCRIBERS / 200 s).
  (sleep "$((WARMUP + SUBSCRIBERS / 200 + 2))" && exec perf record -e cpu-clock -F 999 -g -p "${PID_OF[a]}" -o "$OUT/a.perf" -- sleep "$DURATION" \
    >"$OUT/perf.log" 2>&1) &
  perf_pid=$!
fi
log "Fan-out: $SUBSCRIBERS subscribers, $RATE messages/s from $SENDERS senders, ${WARMUP} s warm-up + ${DURATION} s measured"
"${client[@]}" run --urls "$URLS" --signing-key "$SIGNING_KEY" --room "$ROOM" --subscribers "$SUBSCRIBERS" --senders "$SENDERS" \
  --rate "$RATE" --warmup "$WARMUP" --duration "$DURATION" --bound-ms "$BOUND_MS" \
  --pids "a=${PID_OF[a]},b=${PID_OF[b]},redis=$REDIS_PID,postgres=$PG_PID" >"$OUT/report.md" 2> >(tee "$OUT/client.log" >&2) ||
  die "the load client failed (see $OUT/client.log)"

commits_after=$(pg_commits)
if [[ -n $perf_pid ]]; then wait "$perf_pid" || true; fi
statements=$(psql_on voting_chat -tA -F $'\t' -c "
  SELECT calls, round(total_exec_time::numeric / calls, 3), regexp_replace(left(query, 110), '\s+', ' ', 'g')
  FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'voting_chat')
  ORDER BY total_exec_time DESC LIMIT 12" 2>/dev/null || true)
result=$(grep '^RESULT' "$OUT/report.md")
[[ $result =~ (^|[[:space:]])sent=([0-9]+) ]] && sent=${BASH_REMATCH[2]} || sent=0

printf '\n## Chat fan-out: %s subscribers over two instances, %s messages/s\n\n' "$SUBSCRIBERS" "$RATE"
grep -v '^RESULT' "$OUT/report.md"
printf '\nPostgreSQL transactions during the fan-out: %s for %s messages sent (%s per message)\n' \
  "$((commits_after - commits_before))" "$sent" "$( ((sent > 0)) && python3 -c "print(round($((commits_after - commits_before)) / $sent, 1))" || echo —)"
if [[ -n $statements && $sent -gt 0 ]]; then
  printf '\nStatements by total execution time (pg_stat_statements: calls per message sent, mean ms, statement):\n\n'
  awk -F'\t' -v n="$sent" '{ printf "    %.2f  %7s ms  %s\n", $1 / n, $2, $3 }' <<<"$statements"
fi
printf '\nload average: %s before, %s after; logs in %s\n' "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)" "$OUT"
printf '%s\n' "$result"
