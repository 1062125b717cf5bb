#!/usr/bin/env bash
# Pipelined INCR throughput (issue 7): our RESP client (IncrBench) against redis-benchmark on the same private
# redis-server in the same run. Two shapes:
#   1. redis-benchmark -P 16 -t incr -n N -q (its default 50 connections, 16 commands in flight on each) against ours
#      with CALLERS callers x 16 in flight sharing our one multiplexed connection;
#   2. one connection each: redis-benchmark -c 1 -P 16 against ours with 1 caller x 16 in flight.
# The four runs alternate for ROUNDS rounds so that load from other work on the machine falls on both sides alike;
# the table gives each round and the medians. Knobs: ROUNDS (3), DURATION (5 s per run of ours), REQUESTS (2000000
# for redis-benchmark with 50 connections, a quarter of it with one), CALLERS (50), DEPTH (16),
# VOTING_BENCH_REDIS=host:port to use a running server instead of a private one.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-5}
REQUESTS=${REQUESTS:-2000000}
CALLERS=${CALLERS:-50}
DEPTH=${DEPTH:-16}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1

log() { printf '==> %s\n' "$*" >&2; }

TMP=$(mktemp -d -t redisbench.XXXXXX)
REDIS_PID=
cleanup() {
  if [[ -n $REDIS_PID ]]; then
    redis-cli -h 127.0.0.1 -p "$PORT" shutdown nosave >/dev/null 2>&1 || kill "$REDIS_PID" 2>/dev/null || true
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT

if [[ -n ${VOTING_BENCH_REDIS:-} ]]; then
  HOST=${VOTING_BENCH_REDIS%:*}
  PORT=${VOTING_BENCH_REDIS##*:}
else
  HOST=127.0.0.1
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  log "Starting redis-server on $HOST:$PORT"
  redis-server --bind 127.0.0.1 --port "$PORT" --save '' --appendonly no --dir "$TMP" \
    --daemonize yes --pidfile "$TMP/redis.pid" --logfile "$TMP/redis.log"
  for _ in $(seq 60); do
    [[ $(redis-cli -h "$HOST" -p "$PORT" ping 2>/dev/null) == PONG ]] && break
    sleep 0.2
  done
  REDIS_PID=$(cat "$TMP/redis.pid")
fi

log "Building IncrBench (Release)"
dotnet build "$HERE/IncrBench" -c Release -nologo -v quiet >"$TMP/build.log" 2>&1 || { cat "$TMP/build.log"; exit 1; }
BENCH="$HERE/IncrBench/bin/Release/net10.0/Voting.Benchmarks.Redis.IncrBench.dll"

peer() { # args: redis-benchmark options; prints requests per second
  redis-benchmark -h "$HOST" -p "$PORT" -t incr -q "$@" | tr '\r' '\n' | sed -n 's/^INCR: \([0-9.]*\) requests per second.*/\1/p' | tail -1
}
ours() { # args: callers; prints ops/s
  dotnet "$BENCH" "$HOST:$PORT" "$DURATION" "$1" "$DEPTH" 3 | tee -a "$TMP/ours.log" | sed -n 's/^ours: \([0-9]*\) ops\/s.*/\1/p'
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
declare -a PEER_MANY OURS_MANY PEER_ONE OURS_ONE
for ((round = 1; round <= ROUNDS; round++)); do
  log "round $round/$ROUNDS: redis-benchmark -P $DEPTH -n $REQUESTS (50 connections)"
  PEER_MANY+=("$(peer -P "$DEPTH" -n "$REQUESTS")")
  log "round $round/$ROUNDS: ours, $CALLERS callers x $DEPTH in flight on one connection"
  OURS_MANY+=("$(ours "$CALLERS")")
  log "round $round/$ROUNDS: redis-benchmark -c 1 -P $DEPTH -n $((REQUESTS / 4))"
  PEER_ONE+=("$(peer -c 1 -P "$DEPTH" -n $((REQUESTS / 4)))")
  log "round $round/$ROUNDS: ours, 1 caller x $DEPTH in flight"
  OURS_ONE+=("$(ours 1)")
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { python3 -c "print(f'{$1 / $2 * 100:.0f}%')"; }
row() { printf '| %s | %s | %.0f | %.0f | %s |\n' "$1" "$2" "$3" "$4" "$(ratio "$4" "$3")"; }
echo
echo "| shape | round | redis-benchmark (req/s) | ours (ops/s) | ours / redis-benchmark |"
echo "|---|---|---:|---:|---:|"
MANY="-P $DEPTH: 50 connections vs $CALLERS callers on 1 connection"
ONE="-P $DEPTH: 1 connection vs 1 caller"
for ((i = 0; i < ROUNDS; i++)); do row "$MANY" "$((i + 1))" "${PEER_MANY[i]}" "${OURS_MANY[i]}"; done
row "$MANY" "**median**" "$(median "${PEER_MANY[@]}")" "$(median "${OURS_MANY[@]}")"
for ((i = 0; i < ROUNDS; i++)); do row "$ONE" "$((i + 1))" "${PEER_ONE[i]}" "${OURS_ONE[i]}"; done
row "$ONE" "**median**" "$(median "${PEER_ONE[@]}")" "$(median "${OURS_ONE[@]}")"
echo
echo "load average before: $LOAD_BEFORE, after: $LOAD_AFTER ($(nproc) cores); $(redis-server --version | cut -d' ' -f1-3)"
cat "$TMP/ours.log" >&2
