#!/usr/bin/env bash
# Builds the solution and runs every test suite against throwaway PostgreSQL and Redis
# servers on loopback. The last line is always "N passed, N failed"; exit 0 only when
# nothing failed and something passed. Works as root on a fresh machine, without stdin.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
REPO=$(pwd)

PG_BIN=/usr/lib/postgresql/15/bin
CONFIGURATION=Release
WEBAPI_DLL="$REPO/src/WebApi/bin/$CONFIGURATION/net10.0/Voting.WebApi.dll"
E2E_DIR="$REPO/tests/e2e"
ORACLE_DIR="$REPO/tests/oracle"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Leave no idle MSBuild worker nodes behind after the run.
export MSBUILDDISABLENODEREUSE=1

passed=0
failed=0
finished=false

log() { printf '==> %s\n' "$*"; }

# --- Machine packages ------------------------------------------------------------

install_services() {
  local missing=()
  [[ -x $PG_BIN/postgres && -x $PG_BIN/initdb ]] || missing+=(postgresql)
  command -v redis-server >/dev/null && command -v redis-cli >/dev/null || missing+=(redis-server)
  # tests/e2e/browser.test.mjs drives Debian's Chromium with playwright-core (which talks to it
  # directly: no chromium-driver, and no browser download, which fails on these machines).
  [[ -x /usr/bin/chromium ]] || missing+=(chromium)
  ((${#missing[@]} == 0)) && return
  log "Installing ${missing[*]}"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
}

# Installs the npm packages of one Node test folder, from its lock file when there is one; skips
# the work when node_modules is newer than package.json and package-lock.json.
install_node_packages() {
  local dir=$1 label=$2
  [[ -f $dir/package.json ]] || return 0
  local stamp=$dir/node_modules/.package-lock.json
  if [[ -f $stamp && ! $dir/package.json -nt $stamp &&
        ! ( -f $dir/package-lock.json && $dir/package-lock.json -nt $stamp ) ]]; then
    return 0
  fi
  log "Installing $label packages"
  if [[ -f $dir/package-lock.json ]]; then
    (cd "$dir" && npm ci --no-audit --no-fund)
  else
    (cd "$dir" && npm install --no-audit --no-fund)
  fi
}

# tests/e2e for the live-server suites; tests/oracle for graphql-js, which the GraphQL language
# tests compare the parser and printer with (they fail, not skip, without it).
install_e2e_packages() {
  install_node_packages "$E2E_DIR" e2e
  install_node_packages "$ORACLE_DIR" oracle
}

# --- Throwaway services -------------------------------------------------------------

# Under /tmp, whatever TMPDIR says: the postgres user must reach its directories inside.
TMP=$(mktemp -d /tmp/voting-test.XXXXXXXX)
chmod 755 "$TMP"
PG_DATA=$TMP/pg/data
PG_SOCKETS=$TMP/pg/sockets
REDIS_DIR=$TMP/redis
PG_STARTED=false
REDIS_PORT=

wait_for_exit() {
  local pid=$1 i
  for ((i = 0; i < 100; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
}

# Runs on every exit: stops the services, removes $TMP and prints the final line.
cleanup() {
  local status=$? pid
  trap '' INT TERM
  trap - EXIT
  if $PG_STARTED && [[ -f $PG_DATA/postmaster.pid ]]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" stop -D "$PG_DATA" -m fast -w -t 30 >/dev/null 2>&1 ||
      runuser -u postgres -- "$PG_BIN/pg_ctl" stop -D "$PG_DATA" -m immediate -w >/dev/null 2>&1 || true
  fi
  if [[ -f $REDIS_DIR/redis.pid ]]; then
    pid=$(cat "$REDIS_DIR/redis.pid")
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || kill "$pid" 2>/dev/null || true
    wait_for_exit "$pid"
  fi
  rm -rf "$TMP"
  if ! $finished; then
    echo "test.sh stopped early (exit code $status)"
    ((failed > 0)) || failed=1
    echo "$passed passed, $failed failed"
    exit "$status"
  fi
  echo "$passed passed, $failed failed"
  if ((failed == 0 && passed > 0)); then exit 0; fi
  exit 1
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_ports() {
  python3 -c '
import socket, sys
socks = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in socks: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))' "$1"
}

start_postgres() {
  local port=$1
  mkdir -p "$PG_DATA" "$PG_SOCKETS"
  chown -R postgres: "$TMP/pg"
  chmod 700 "$PG_DATA"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 \
    --locale=C --no-sync >"$TMP/initdb.log" 2>&1 || { cat "$TMP/initdb.log"; return 1; }
  PG_STARTED=true
  # Durability settings are off: the cluster is deleted after the run.
  runuser -u postgres -- "$PG_BIN/pg_ctl" start -D "$PG_DATA" -l "$TMP/pg/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_SOCKETS -c max_connections=500 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    >/dev/null || { cat "$TMP/pg/server.log"; return 1; }
  local i
  for ((i = 0; i < 60; i++)); do
    "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres && return 0
    sleep 0.5
  done
  cat "$TMP/pg/server.log"
  return 1
}

start_redis() {
  local port=$1
  mkdir -p "$REDIS_DIR"
  redis-server --bind 127.0.0.1 --port "$port" --dir "$REDIS_DIR" --save '' --appendonly no \
    --daemonize yes --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log"
  local i
  for ((i = 0; i < 60; i++)); do
    [[ $(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null) == PONG ]] && return 0
    sleep 0.5
  done
  cat "$REDIS_DIR/redis.log"
  return 1
}

# --- Build and tests ------------------------------------------------------------------

build() {
  log "Building Voting.sln ($CONFIGURATION)"
  local started=$SECONDS
  if dotnet build Voting.sln -c "$CONFIGURATION" -nologo -v minimal >"$TMP/build.log" 2>&1; then
    log "Build succeeded in $((SECONDS - started)) s"
    return 0
  fi
  echo "Build failed:"
  if ! grep -E ': error ' "$TMP/build.log" | sort -u; then
    tail -n 60 "$TMP/build.log"
  fi
  return 1
}

# Prints "<passed> <failed>" then one line per failed test (name and message) from a TRX.
read_trx() {
  python3 - "$1" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
root = ET.parse(sys.argv[1]).getroot()
c = root.find("t:ResultSummary/t:Counters", ns)
print(int(c.get("passed", 0)), int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0)))
for r in root.iterfind(".//t:UnitTestResult", ns):
    if r.get("outcome") not in ("Passed", "NotExecuted"):
        msg = (r.findtext("t:Output/t:ErrorInfo/t:Message", "", ns) or "").strip().splitlines()
        stack = (r.findtext("t:Output/t:ErrorInfo/t:StackTrace", "", ns) or "").strip().splitlines()
        print(f"  FAILED {r.get('testName')}")
        for line in msg[:15] + (["... (message cut)"] if len(msg) > 15 else []) + stack[:5]:
            print(f"      {line.rstrip()}")
PY
}

run_dotnet_tests() {
  local project name trx code summary p f
  for project in tests/*/*.Tests.csproj; do
    name=$(basename "$project" .csproj)
    trx=$TMP/results/$name.trx
    log "Testing $name"
    code=0
    dotnet test "$project" -c "$CONFIGURATION" --no-build --nologo \
      --logger "trx;LogFileName=$name.trx" --results-directory "$TMP/results" \
      --blame-hang-timeout 300s --blame-hang-dump-type none >"$TMP/$name.log" 2>&1 || code=$?
    if [[ ! -s $trx ]] || ! summary=$(read_trx "$trx" 2>&1); then
      tail -n 40 "$TMP/$name.log"
      echo "$name: no test results (exit code $code), counted as 1 failed"
      failed=$((failed + 1))
      continue
    fi
    read -r p f <<<"$(head -1 <<<"$summary")"
    if ((code != 0 && f == 0)); then
      # The run failed outside any test (crash, hang, bad setup).
      tail -n 40 "$TMP/$name.log"
      f=1
    fi
    echo "$name: $p passed, $f failed"
    tail -n +2 <<<"$summary"
    passed=$((passed + p))
    failed=$((failed + f))
  done
}

run_e2e_tests() {
  local files=()
  [[ -d $E2E_DIR ]] &&
    mapfile -t files < <(cd "$E2E_DIR" && find . -name node_modules -prune -o -name '*.test.mjs' -print | sort)
  ((${#files[@]} > 0)) || return 0
  log "Running e2e tests"
  local tap=$TMP/e2e.tap code=0 p f c
  (cd "$E2E_DIR" && VOTING_WEBAPI_DLL=$WEBAPI_DLL node --test --test-timeout=120000 \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$tap" "${files[@]}") || code=$?
  p=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$tap" 2>/dev/null | tail -1)
  f=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$tap" 2>/dev/null | tail -1)
  c=$(sed -n 's/^# cancelled \([0-9]*\)$/\1/p' "$tap" 2>/dev/null | tail -1)
  if [[ -z $p || -z $f ]]; then
    echo "e2e: no TAP summary (exit code $code), counted as 1 failed"
    failed=$((failed + 1))
    return
  fi
  f=$((f + ${c:-0}))
  ((code != 0 && f == 0)) && f=1
  echo "e2e: $p passed, $f failed"
  passed=$((passed + p))
  failed=$((failed + f))
}

main() {
  install_services
  install_e2e_packages

  local ports pg_port
  ports=$(free_ports 2)
  read -r pg_port REDIS_PORT <<<"$ports"
  log "Starting PostgreSQL on 127.0.0.1:$pg_port and Redis on 127.0.0.1:$REDIS_PORT"
  start_postgres "$pg_port"
  start_redis "$REDIS_PORT"
  export VOTING_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=postgres;Database=postgres;Pooling=true;Maximum Pool Size=200"
  export VOTING_TEST_REDIS="127.0.0.1:$REDIS_PORT"

  if build; then
    run_dotnet_tests
    run_e2e_tests
  else
    failed=1
  fi
  finished=true
}

main
