#!/usr/bin/env bash
# HTTP load benchmark: the same schema and data (schema.graphql, data.json) served on loopback by
# our server, graphql-yoga, graphql-http's Node handler, and a bare Kestrel endpoint that returns
# the answers' bytes; wrk posts queries/hello.json and queries/election.json at each in turn and a
# markdown table of requests/second, p50/p99 latency and ratios goes to stdout.
#
# Ours: VOTING_BENCH_URL=http://host:port/graphql measures a server already running; otherwise the
# benchmark host benchmarks/http/VotingServer is built and started like the bare Kestrel endpoint
# (PORT in its environment); without that project the peers alone are measured.
# Knobs: DURATION (10s), WARMUP (5s), OUT (folder for logs and wrk output; a temporary one if unset).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-5s}
THREADS=2
CONNECTIONS=64
QUERIES=(hello election)
OUT=${OUT:-$(mktemp -d -t httpbench.XXXXXX)}
mkdir -p "$OUT"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
export NODE_ENV=production ASPNETCORE_ENVIRONMENT=Production

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

# --- Servers: each in its own process group, all stopped on any exit --------------------------

declare -A url=()
servers=()
pids=()

stop_servers() {
  local pid
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop_servers EXIT
trap 'exit 130' INT TERM

free_port() {
  node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

post() { # post URL QUERY: prints the response body, fails on a non-2xx status
  curl -sS -f --max-time 5 -H 'Content-Type: application/json' -H 'Accept: application/json' \
    --data-binary "@$HERE/queries/$2.json" "$1"
}

wait_ready() { # wait_ready NAME [PID]
  local name=$1 pid=${2:-} tries
  for ((tries = 0; tries < 240; tries++)); do
    post "${url[$name]}" hello >/dev/null 2>&1 && return 0
    if [[ -n $pid ]] && ! kill -0 "$pid" 2>/dev/null; then
      tail -n 30 "$OUT/$name.log" >&2
      die "$name exited before answering (log: $OUT/$name.log)"
    fi
    sleep 0.5
  done
  die "$name does not answer at ${url[$name]} after 120 s (log: $OUT/$name.log)"
}

start() { # start NAME COMMAND...: runs COMMAND with PORT set to a free loopback port
  local name=$1 port
  shift
  port=$(free_port)
  log "Starting $name on 127.0.0.1:$port"
  PORT=$port setsid "$@" >"$OUT/$name.log" 2>&1 &
  pids+=("$!")
  url[$name]=http://127.0.0.1:$port/graphql
  servers+=("$name")
  wait_ready "$name" "$!"
}

start_dotnet() { # start_dotnet NAME PROJECT_DIR
  log "Building $2 (Release)"
  dotnet build "$2" -c Release --nologo -v quiet >"$OUT/$1.build.log" 2>&1 ||
    { tail -n 30 "$OUT/$1.build.log" >&2; die "build of $2 failed"; }
  start "$1" dotnet run --no-build --no-launch-profile -c Release --project "$2"
}

# --- Tools -------------------------------------------------------------------------------------

if ! command -v wrk >/dev/null; then
  log "Installing wrk"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
node_dir=$HERE/node
if [[ ! -f $node_dir/node_modules/.package-lock.json || $node_dir/package-lock.json -nt $node_dir/node_modules/.package-lock.json ]]; then
  log "Installing the Node peers (npm ci)"
  (cd "$node_dir" && npm ci --no-audit --no-fund --loglevel=error)
fi

# --- Start everything --------------------------------------------------------------------------

start_dotnet bare-kestrel "$HERE/BareKestrel"
if [[ -n ${VOTING_BENCH_URL:-} ]]; then
  url[voting]=$VOTING_BENCH_URL
  servers+=(voting)
  wait_ready voting
elif [[ -d $HERE/VotingServer ]]; then
  start_dotnet voting "$HERE/VotingServer"
else
  log "No VOTING_BENCH_URL and no benchmarks/http/VotingServer: measuring the peers only"
fi
# One Node process each, no cluster: the issue's figures are for single processes.
start graphql-yoga node "$node_dir/yoga-server.mjs"
start graphql-http node "$node_dir/graphql-http-server.mjs"

# --- Same answers everywhere, after JSON normalisation -----------------------------------------

# normalise [INDENT]: reads JSON, writes it again compact (or indented, to show a difference).
normalise() {
  node -e 'process.stdout.write(JSON.stringify(JSON.parse(require("fs").readFileSync(0, "utf8")), null, Number(process.argv[1] ?? 0)))' "$@"
}

for query in "${QUERIES[@]}"; do
  post "${url[bare-kestrel]}" "$query" | normalise >"$OUT/expected-$query.json"
  for name in "${servers[@]}"; do
    post "${url[$name]}" "$query" | normalise >"$OUT/$name-$query.json" ||
      die "$name gave no JSON answer to $query"
    cmp -s "$OUT/expected-$query.json" "$OUT/$name-$query.json" || {
      diff <(normalise 2 <"$OUT/expected-$query.json") <(normalise 2 <"$OUT/$name-$query.json") >&2 || true
      die "$name answers $query differently from bare Kestrel (files in $OUT)"
    }
  done
done
log "All ${#servers[@]} servers give the same answers to: ${QUERIES[*]}"

# --- Load --------------------------------------------------------------------------------------

results=$OUT/results.tsv
: >"$results"
for query in "${QUERIES[@]}"; do
  for name in "${servers[@]}"; do
    log "$query on $name: warm-up $WARMUP, then $DURATION"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$HERE/post.lua" "${url[$name]}" -- "$HERE/queries/$query.json" >/dev/null
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$HERE/post.lua" "${url[$name]}" \
      -- "$HERE/queries/$query.json" >"$OUT/wrk-$name-$query.txt"
    [[ $(grep '^RESULT ' "$OUT/wrk-$name-$query.txt") =~ rps=([0-9]+)\ p50_us=([0-9]+)\ p99_us=([0-9]+)\ .*errors=([0-9]+) ]] ||
      die "no RESULT line from wrk for $query on $name (see $OUT/wrk-$name-$query.txt)"
    printf '%s\t%s\t%s\n' "$query" "$name" "${BASH_REMATCH[*]:1}" | tr ' ' '\t' >>"$results"
  done
done

# --- Report ------------------------------------------------------------------------------------

echo
echo "HTTP load, $(date -u +%Y-%m-%dT%H:%MZ): wrk -t$THREADS -c$CONNECTIONS -d$DURATION after a $WARMUP warm-up, all on loopback;"
echo "$(nproc) cores shared by wrk and the server; load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)."
echo ".NET $(dotnet --version), Node $(node --version), $(wrk --version 2>&1 | head -n1 | cut -d' ' -f1-2); Node peers one process each."
echo
awk -F'\t' '
  { q[NR] = $1; s[NR] = $2; rps[NR] = $3; p50[NR] = $4; p99[NR] = $5; err[NR] = $6
    if ($2 == "bare-kestrel") floor[$1] = $3
    if ($2 == "voting") ours[$1] = $3 }
  function ms(us) { return sprintf("%.2f ms", us / 1000) }
  END {
    print "| query | server | req/s | p50 | p99 | errors | vs bare Kestrel | ours ÷ this |"
    print "|---|---|---:|---:|---:|---:|---:|---:|"
    for (i = 1; i <= NR; i++) {
      vs = floor[q[i]] ? sprintf("%.0f%%", 100 * rps[i] / floor[q[i]]) : "—"
      ratio = (q[i] in ours) && s[i] != "voting" ? sprintf("%.2f×", ours[q[i]] / rps[i]) : "—"
      printf "| %s | %s | %d | %s | %s | %d | %s | %s |\n", q[i], s[i], rps[i], ms(p50[i]), ms(p99[i]), err[i], vs, ratio
    }
    print ""
    for (i = 1; i <= NR; i++) {
      if (err[i] > 0) printf "Warning: %s on %s had %d socket or HTTP errors.\n", q[i], s[i], err[i]
      if (s[i] != "voting") continue
      met = rps[i] >= 0.6 * floor[q[i]] && p99[i] < 5000
      printf "Target for %s (>= 60%% of bare Kestrel, p99 < 5 ms): %.0f%%, p99 %s: %s.\n", q[i], 100 * rps[i] / floor[q[i]], ms(p99[i]), met ? "met" : "NOT met"
    }
  }' "$results"
echo
log "Logs and wrk output: $OUT"
