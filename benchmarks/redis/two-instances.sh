#!/usr/bin/env bash
# Publish-to-receipt latency across two API instances (issue 7): instance A and instance B share a private
# redis-server (Redis:Configuration), each with its own SQLite file and the same signing key. LoadClient
# (benchmarks/ws) opens SUBSCRIBERS subscriptions to `announcements` and publishes `announce` at RATE
# events/s for DURATION s; latency runs from the publishing instance's publishedAt to the client's receipt.
#   same instance: subscribers and publisher on A (A → Redis → A)
#   across:        subscribers on B, publisher on A (A → Redis → B)
# Target: p99 ≤ 20 ms across instances at 1,000 events/s. Knobs: RATE (1000), SUBSCRIBERS (10),
# DURATION (10), WARMUP (2), PRIME (3), SKIP_BUILD=1, OUT (logs; a temporary folder if unset).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
RATE=${RATE:-1000}
SUBSCRIBERS=${SUBSCRIBERS:-10}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-2}
PRIME=${PRIME:-3}
OUT=${OUT:-$(mktemp -d -t twoinstances.XXXXXX)}
mkdir -p "$OUT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'two-instances.sh: %s\n' "$*" >&2; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

pids=()
REDIS_PORT=$(free_port)
cleanup() {
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || true; done
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ ${SKIP_BUILD:-} != 1 ]]; then
  for project in "$ROOT/src/WebApi" "$ROOT/benchmarks/ws/LoadClient"; do
    log "Building $project (Release)"
    dotnet build "$project" -c Release -nologo -v q >&2
  done
fi
client=(dotnet "$ROOT/benchmarks/ws/LoadClient/bin/Release/net10.0/Voting.Benchmarks.WebSockets.LoadClient.dll")

log "Starting redis-server on 127.0.0.1:$REDIS_PORT"
redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --dir "$OUT" --daemonize yes \
  --pidfile "$OUT/redis.pid" --logfile "$OUT/redis.log"
for _ in $(seq 50); do [[ $(redis-cli -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]] && break; sleep 0.1; done

SIGNING_KEY=benchmark-only-signing-key-$(date +%s%N)
ADMIN_CITIZEN_ID=1100000000008
ADMIN_PASSWORD=benchmark-admin-password
start_instance() { # start_instance NAME PORT
  local name=$1 port=$2
  rm -f "$OUT/$name.db"*
  (cd "$ROOT/src/WebApi/bin/Release/net10.0" && exec env ASPNETCORE_URLS=http://127.0.0.1:$port ASPNETCORE_ENVIRONMENT=Production \
    Database__ConnectionString="Data Source=$OUT/$name.db" Serilog__MinimumLevel__Default=Warning \
    Jwt__SigningKey="$SIGNING_KEY" Accounts__InitialAdmin__CitizenId="$ADMIN_CITIZEN_ID" \
    Accounts__InitialAdmin__Phone=+66800000000 Accounts__InitialAdmin__Password="$ADMIN_PASSWORD" \
    Redis__Configuration="127.0.0.1:$REDIS_PORT" Redis__KeyPrefix="bench:" \
    setsid dotnet Voting.WebApi.dll) >"$OUT/$name.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 240); do
    curl -sS -f --max-time 2 "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  tail -n 30 "$OUT/$name.log" >&2
  die "$name does not report ready on port $port"
}
PORT_A=$(free_port)
PORT_B=$(free_port)
log "Starting instance A on $PORT_A and instance B on $PORT_B"
start_instance a "$PORT_A"
start_instance b "$PORT_B"

answer=$(curl -sS -f --max-time 10 -H 'Content-Type: application/json' \
  --data "{\"query\":\"mutation { login(citizenId: \\\"$ADMIN_CITIZEN_ID\\\", password: \\\"$ADMIN_PASSWORD\\\") { accessToken } }\"}" \
  "http://127.0.0.1:$PORT_A/graphql") || die "login failed"
[[ $answer =~ \"accessToken\":\"([^\"]+)\" ]] || die "no access token in: $answer"
TOKEN=${BASH_REMATCH[1]}

measure() { # measure LABEL SUBSCRIBE_PORT
  local label=$1 port=$2 line
  log "$label: $SUBSCRIBERS subscribers on 127.0.0.1:$port, publishing on A at $RATE/s"
  line=$("${client[@]}" fanout --url "ws://127.0.0.1:$port/graphql" --publish-url "ws://127.0.0.1:$PORT_A/graphql" \
    --subscribers "$SUBSCRIBERS" --rate "$RATE" --bound-ms 20 --warmup "$WARMUP" --duration "$DURATION" --prime "$PRIME" \
    --token "$TOKEN" 2> >(tee -a "$OUT/client.log" >&2) | grep '^RESULT' | tail -n 1) || true
  [[ -n $line ]] || die "no RESULT from LoadClient for $label (see $OUT/client.log)"
  printf '%s\t%s\n' "$label" "$line" >>"$OUT/results.tsv"
}
: >"$OUT/results.tsv"
measure "same instance (A → Redis → A)" "$PORT_A"
measure "across instances (A → Redis → B)" "$PORT_B"

printf '\n| path | rate/s | subscribers | p50 | p99 | max | delivered failures | p99 ≤ 20 ms |\n|---|---:|---:|---:|---:|---:|---:|---|\n'
while IFS=$'\t' read -r label result; do
  get() { [[ $result =~ (^|[[:space:]])$1=([^[:space:]]+) ]] && printf '%s' "${BASH_REMATCH[2]}"; }
  passed=$(get passed)
  printf '| %s | %s | %s | %s ms | %s ms | %s ms | %s | %s |\n' "$label" "$(get rate)" "$(get subscribers)" \
    "$(get p50_ms || echo —)" "$(get p99_ms || get next_p99_ms)" "$(get max_ms || echo —)" "$(get failures || echo —)" "$([[ $passed == 1 ]] && echo yes || echo no)"
done <"$OUT/results.tsv"
printf '\nload average: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
