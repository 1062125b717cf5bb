#!/usr/bin/env bash
# Subscriptions over WebSockets (graphql-transport-ws): our real server (src/WebApi, Release) and the
# Node peer (graphql-ws's server on ws, node/server.mjs, the same announcements schema) on loopback,
# twice: on graphql 17.1.0 (node/, the version the other benchmarks pin) and on graphql 16.15.0
# (node-graphql16/, the same file linked, faster per event); the target is taken against the faster.
#
# 1. Fan-out: LoadClient opens SUBSCRIBERS subscriptions to `announcements`, publishes `announce`
#    mutations at a fixed rate over one more socket, and raises the rate until p99 from publish
#    (the server's publishedAt) to receipt passes BOUND_MS or a delivery fails; the highest rate that
#    held gives deliveries/s = rate x subscribers. Each server in turn, the others stopped.
# 2. Idle: on a fresh instance of each server, IDLE_CONNECTIONS subscriptions held open; the server's
#    VmRSS before and after gives memory per connection.
# A markdown table goes to stdout. Knobs: SUBSCRIBERS (1000), BOUND_MS (100), WARMUP (2), DURATION (5),
# START_RATE (2), FACTOR (1.5), IDLE_CONNECTIONS (10000), SETTLE (10), SKIP_IDLE=1, SKIP_FANOUT=1, SKIP_BUILD=1
# (use the last build), ONLY=one server's name,
# OUT (folder for logs and step tables; a temporary one if unset).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SUBSCRIBERS=${SUBSCRIBERS:-1000}
BOUND_MS=${BOUND_MS:-100}
WARMUP=${WARMUP:-2}
DURATION=${DURATION:-5}
START_RATE=${START_RATE:-2}
FACTOR=${FACTOR:-1.5}
IDLE_CONNECTIONS=${IDLE_CONNECTIONS:-10000}
SETTLE=${SETTLE:-10}
OUT=${OUT:-$(mktemp -d -t wsbench.XXXXXX)}
mkdir -p "$OUT"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
export NODE_ENV=production

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

# 10,000 sockets on each side need as many descriptors (the server inherits this limit).
ulimit -n "$(ulimit -Hn)"
(($(ulimit -n) > IDLE_CONNECTIONS + 500)) || die "ulimit -n is $(ulimit -n): too low for $IDLE_CONNECTIONS connections"

# --- Servers: one at a time, each in its own process group, stopped on any exit ------------------

server_pid=
stop_server() {
  [[ -n $server_pid ]] || return 0
  kill -- "-$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=
}
trap stop_server EXIT
trap 'exit 130' INT TERM

free_port() {
  node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

start_server() { # start_server NAME LOGNAME: starts it on a free port, sets port and server_pid
  local name=$1 logname=$2 tries
  port=$(free_port)
  log "Starting $name on 127.0.0.1:$port"
  case $name in
    voting)
      rm -f "$OUT/voting.db"*
      # Production refuses the default signing key; the initial admin (an official) may announce.
      # From its output folder, so it reads appsettings.json as a deployment would.
      (cd "$ROOT/src/WebApi/bin/Release/net10.0" && exec env ASPNETCORE_URLS=http://127.0.0.1:$port ASPNETCORE_ENVIRONMENT=Production \
        Database__ConnectionString="Data Source=$OUT/voting.db" Serilog__MinimumLevel__Default=Warning \
        Jwt__SigningKey="$BENCH_SIGNING_KEY" Accounts__InitialAdmin__CitizenId="$ADMIN_CITIZEN_ID" \
        Accounts__InitialAdmin__Phone=+66800000000 Accounts__InitialAdmin__Password="$ADMIN_PASSWORD" \
        setsid dotnet Voting.WebApi.dll) >"$OUT/$logname.log" 2>&1 &
      ;;
    graphql-ws) PORT=$port setsid node "$HERE/node/server.mjs" >"$OUT/$logname.log" 2>&1 & ;;
    # The linked server.mjs must resolve its imports from node-graphql16/node_modules, not from node/.
    graphql-ws-graphql16)
      PORT=$port setsid node --preserve-symlinks --preserve-symlinks-main "$HERE/node-graphql16/server.mjs" >"$OUT/$logname.log" 2>&1 &
      ;;
  esac
  server_pid=$! # setsid execs the server itself: this is the process whose memory is read
  for ((tries = 0; tries < 240; tries++)); do
    curl -sS -f --max-time 2 -H 'Content-Type: application/json' --data '{"query":"{ __typename }"}' \
      "http://127.0.0.1:$port/graphql" >/dev/null 2>&1 && return 0
    kill -0 "$server_pid" 2>/dev/null || { tail -n 30 "$OUT/$logname.log" >&2; die "$name exited (log: $OUT/$logname.log)"; }
    sleep 0.5
  done
  die "$name does not answer on port $port after 120 s"
}

# Our announce mutation is for officials: the publisher signs in as the initial admin and sends the
# access token in its connection_init. The Node peer asks for none.
BENCH_SIGNING_KEY=benchmark-only-signing-key-$(date +%s%N)
ADMIN_CITIZEN_ID=1100000000008
ADMIN_PASSWORD=benchmark-admin-password
publisher_token() { # publisher_token NAME: prints --token JWT for our server, nothing for a peer
  [[ $1 == voting ]] || return 0
  local answer
  answer=$(curl -sS -f --max-time 10 -H 'Content-Type: application/json' \
    --data "{\"query\":\"mutation { login(citizenId: \\\"$ADMIN_CITIZEN_ID\\\", password: \\\"$ADMIN_PASSWORD\\\") { accessToken } }\"}" \
    "http://127.0.0.1:$port/graphql") || die "login as the initial admin failed"
  [[ $answer =~ \"accessToken\":\"([^\"]+)\" ]] || die "no access token in: $answer"
  printf -- '--token %s' "${BASH_REMATCH[1]}"
}

# --- Build --------------------------------------------------------------------------------------

for node_dir in "$HERE/node" "$HERE/node-graphql16"; do
  if [[ ! -f $node_dir/node_modules/.package-lock.json || $node_dir/package-lock.json -nt $node_dir/node_modules/.package-lock.json ]]; then
    log "Installing the Node peer in $node_dir (npm ci)"
    (cd "$node_dir" && npm ci --no-audit --no-fund --loglevel=error >&2)
  fi
done
for project in "$ROOT/src/WebApi" "$HERE/LoadClient"; do
  [[ ${SKIP_BUILD:-0} == 1 ]] && break
  log "Building $project (Release)"
  dotnet build "$project" -c Release --nologo -v quiet >"$OUT/build.log" 2>&1 ||
    { tail -n 30 "$OUT/build.log" >&2; die "build of $project failed"; }
done
client=(dotnet "$HERE/LoadClient/bin/Release/net10.0/Voting.Benchmarks.WebSockets.LoadClient.dll")

servers=(voting graphql-ws graphql-ws-graphql16)
[[ -n ${ONLY:-} ]] && servers=("$ONLY")
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# --- Fan-out ------------------------------------------------------------------------------------

declare -A fanout=() idle=()
for name in "${servers[@]}"; do
  [[ ${SKIP_FANOUT:-0} == 1 ]] && break
  start_server "$name" "$name-fanout"
  log "Fan-out on $name: $SUBSCRIBERS subscribers, rate from $START_RATE/s x$FACTOR until p99 > $BOUND_MS ms"
  token=$(publisher_token "$name")
  # shellcheck disable=SC2086 # $token is "--token JWT" or nothing
  fanout[$name]=$("${client[@]}" fanout --url "ws://127.0.0.1:$port/graphql" --server-pid "$server_pid" $token --subscribers "$SUBSCRIBERS" \
    --bound-ms "$BOUND_MS" --warmup "$WARMUP" --duration "$DURATION" --start-rate "$START_RATE" --factor "$FACTOR" \
    --steps-out "$OUT/steps-$name.tsv" | grep '^RESULT ')
  stop_server
done

# --- Idle connections ---------------------------------------------------------------------------

if [[ ${SKIP_IDLE:-0} != 1 ]]; then
  for name in "${servers[@]}"; do
    start_server "$name" "$name-idle"
    log "Idle on $name: $IDLE_CONNECTIONS subscriptions, RSS read before and after ${SETTLE} s idle"
    token=$(publisher_token "$name")
    # shellcheck disable=SC2086
    idle[$name]=$("${client[@]}" idle --url "ws://127.0.0.1:$port/graphql" --server-pid "$server_pid" $token \
      --connections "$IDLE_CONNECTIONS" --settle "$SETTLE" | grep '^RESULT ') || true
    stop_server
  done
fi

# --- Report -------------------------------------------------------------------------------------

field() { [[ " $1 " =~ \ $2=([^ ]+)\  ]] && printf '%s' "${BASH_REMATCH[1]}" || printf '—'; }

echo
echo "Subscriptions over WebSockets, $(date -u +%Y-%m-%dT%H:%MZ): graphql-transport-ws on loopback, one server at a time;"
echo "$(nproc) cores shared by the load client and the server; load average before the run: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)."
echo ".NET $(dotnet --version), Node $(node --version); steps of ${WARMUP} s warm-up + ${DURATION} s measured."
ours=$(field "${fanout[voting]:-}" deliveries_per_s)
if ((${#fanout[@]} > 0)); then
  echo
  echo "Fan-out: $SUBSCRIBERS subscribers on one topic, highest publish rate with p99 (publish to receipt) <= $BOUND_MS ms and no failure."
  echo
  echo "| server | events/s | deliveries/s | p50 | p99 | max | failures | next step (p99) | server CPU per delivery | ours ÷ this |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for name in "${servers[@]}"; do
    r=${fanout[$name]}
    d=$(field "$r" deliveries_per_s)
    ratio=—
    [[ $name != voting && $ours != — && $d != — ]] && ratio=$(awk -v a="$ours" -v b="$d" 'BEGIN { printf "%.2f×", a / b }')
    printf '| %s | %s | %s | %s ms | %s ms | %s ms | %s | %s/s (%s ms) | %s µs | %s |\n' "$name" "$(field "$r" rate)" "$d" \
      "$(field "$r" p50_ms)" "$(field "$r" p99_ms)" "$(field "$r" max_ms)" "$(field "$r" failures)" \
      "$(field "$r" next_rate)" "$(field "$r" next_p99_ms)" "$(field "$r" cpu_us_per_delivery)" "$ratio"
  done
  echo
  for name in "${servers[@]}"; do
    echo "Steps on $name (rate, subscribers, deliveries/s, p50, p99, max ms, received, expected, failures, server CPU µs per delivery, publisher kept, verdict):"
    sed 's/^/    /' "$OUT/steps-$name.tsv"
  done
fi
if ((${#idle[@]} > 0)); then
  echo
  echo "Idle: $IDLE_CONNECTIONS subscriptions held ${SETTLE} s; server VmRSS before (after a 300-connection warm-up) and after."
  echo
  echo "| server | live subscriptions | RSS before | RSS after | per connection |"
  echo "|---|---:|---:|---:|---:|"
  for name in "${servers[@]}"; do
    r=${idle[$name]:-}
    printf '| %s | %s | %s MB | %s MB | %s bytes |\n' "$name" "$(field "$r" live)" \
      "$(awk -v k="$(field "$r" rss_before_kb)" 'BEGIN { printf "%.0f", k / 1024 }')" \
      "$(awk -v k="$(field "$r" rss_after_kb)" 'BEGIN { printf "%.0f", k / 1024 }')" "$(field "$r" bytes_per_connection)"
  done
fi
echo
# The target is taken against the Node peer that delivered most.
best_peer= peer=—
for name in graphql-ws graphql-ws-graphql16; do
  d=$(field "${fanout[$name]:-}" deliveries_per_s)
  [[ $d != — ]] && { [[ $peer == — ]] || ((d > peer)); } && { peer=$d; best_peer=$name; }
done
# CPU time per delivery hardly moves with other work on the machine, unlike latency: compared at the
# highest rate that passed on both servers (steps TSV: rate, ..., column 10 CPU µs, column 12 verdict).
for name in graphql-ws graphql-ws-graphql16; do
  [[ -f $OUT/steps-voting.tsv && -f $OUT/steps-$name.tsv ]] || continue
  awk -F'\t' -v n="$name" '
    FNR == NR { if ($12 == "pass") ours[$1] = $10; next }
    $12 == "pass" && ($1 in ours) && $1 + 0 > best + 0 { best = $1; a = ours[$1]; b = $10 }
    END { if (best) printf "Server CPU per delivery at %s events/s (the highest rate both passed): voting %.1f µs, %s %.1f µs: %.2fx less for ours.\n", best, a, n, b, b / a }
  ' "$OUT/steps-voting.tsv" "$OUT/steps-$name.tsv"
done
if [[ $ours != — && $peer != — ]]; then
  awk -v a="$ours" -v b="$peer" -v n="$best_peer" \
    'BEGIN { printf "Target fan-out (at least 3x the best graphql-ws, %s, at the same p99 bound): %.2fx: %s.\n", n, a / b, (a >= 3 * b ? "met" : "NOT met") }'
elif [[ -n ${fanout[voting]:-} ]]; then
  echo "Target fan-out: no ratio, a server passed no step (start lower: START_RATE)."
fi
if [[ -n ${idle[voting]:-} ]]; then
  awk -v b="$(field "${idle[voting]}" bytes_per_connection)" \
    'BEGIN { printf "Target idle (at most 16 KB per connection): %.1f KB: %s.\n", b / 1024, (b <= 16384 ? "met" : "NOT met") }'
fi
log "Logs and step tables: $OUT"
