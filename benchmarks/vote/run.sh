#!/usr/bin/env bash
# castVote end to end on PostgreSQL (issue 6), durable (fsync and synchronous_commit on), against the
# PostgreSQL ceiling measured in the same run on the same server:
#
# 1. Ceiling: pgbench, PGBENCH_CLIENTS clients for PGBENCH_DURATION s, each transaction one durable
#    single-row INSERT into votes_ceiling, which has the same unique (election, voter) constraint as
#    "Participations"; every insert from a new voter (a sequence).
# 2. Ours: the real server (src/WebApi, Release) on a database its own migrations create; one open
#    election made through the API by the initial admin; VOTERS voters inserted with SQL (registering
#    them through the API would cost a PBKDF2 hash each); LoadClient casts one vote per request from
#    CLIENTS keep-alive connections, every request from a different voter, WARMUP s then DURATION s.
# 3. Audit: acknowledged votes against the rows in the database: lost, duplicated, ballot sequences.
#
# A markdown report goes to stdout. Knobs: CLIENTS (64), WARMUP (45), DURATION (20), VOTERS (300000),
# PGBENCH_CLIENTS (32), PGBENCH_DURATION (20), OUT (logs, acks; a temporary folder if unset),
# VOTING_BENCH_POSTGRES=HOST:PORT to use a running server (user PGUSER or postgres, PGPASSWORD if
# needed; two databases are created and dropped) instead of a private one. PROFILE=1 also records a
# dotnet-trace (dotnet-sampled-thread-time) of the server over the measured window into OUT; PERF=1 instead
# samples the server's CPU with perf (JIT symbols from /tmp/perf-PID.map; W^X off so that perf can use them) into OUT/server.perf, read with
# `perf report -i OUT/server.perf --no-children --sort symbol`. LOG_SQL=1
# logs every database command the server sends (EF Core's "Executed DbCommand", one per round trip) and
# counts them per vote: run it with few clients and a short DURATION, as logging slows the server.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
CLIENTS=${CLIENTS:-64}
# 45 s: on a busy 2-core machine the JIT still recompiles hot methods (tiered compilation) ~30 s after the
# server starts, at up to a quarter of its CPU; the window measures the sustained rate, after that.
WARMUP=${WARMUP:-45}
DURATION=${DURATION:-20}
VOTERS=${VOTERS:-300000}
PGBENCH_CLIENTS=${PGBENCH_CLIENTS:-32}
PGBENCH_DURATION=${PGBENCH_DURATION:-20}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
OUT=${OUT:-$(mktemp -d -t votebench.XXXXXX)}
mkdir -p "$OUT"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

# --- PostgreSQL: private (as test.sh starts it, but durable) or VOTING_BENCH_POSTGRES -------------

PG_TMP= PG_STARTED=false server_pid= trace_pid=
CEILING_DB=votes_ceiling_$$
API_DB=voting_bench_$$
PG_USER=${PGUSER:-postgres}

cleanup() {
  trap '' INT TERM
  if [[ -n $trace_pid ]]; then kill "$trace_pid" 2>/dev/null || true; wait "$trace_pid" 2>/dev/null || true; fi
  if [[ -n $server_pid ]]; then kill -- "-$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if $PG_STARTED; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" stop -D "$PG_TMP/data" -m fast -w -t 30 >/dev/null 2>&1 ||
      runuser -u postgres -- "$PG_BIN/pg_ctl" stop -D "$PG_TMP/data" -m immediate -w >/dev/null 2>&1 || true
  elif [[ -n ${PG_HOST:-} ]]; then
    for db in "$CEILING_DB" "$API_DB"; do psql_admin -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true; done
  fi
  [[ -n $PG_TMP ]] && rm -rf "$PG_TMP"
  return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

if [[ -n ${VOTING_BENCH_POSTGRES:-} ]]; then
  PG_HOST=${VOTING_BENCH_POSTGRES%:*}
  PG_PORT=${VOTING_BENCH_POSTGRES##*:}
  log "Using PostgreSQL at $PG_HOST:$PG_PORT"
else
  [[ -x $PG_BIN/initdb ]] || die "no PostgreSQL in $PG_BIN (apt-get install postgresql, or set VOTING_BENCH_POSTGRES)"
  # Under /tmp, whatever TMPDIR says: the postgres user must reach it.
  PG_TMP=$(mktemp -d /tmp/voting-vote-bench.XXXXXXXX)
  chmod 755 "$PG_TMP"
  mkdir -p "$PG_TMP/data" "$PG_TMP/sockets"
  chown -R postgres: "$PG_TMP"
  chmod 700 "$PG_TMP/data"
  PG_HOST=127.0.0.1
  PG_PORT=$(free_port)
  log "Starting a private PostgreSQL on 127.0.0.1:$PG_PORT (fsync and synchronous_commit on)"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_TMP/data" -U postgres -A trust -E UTF8 --locale=C >"$OUT/initdb.log" 2>&1 ||
    { cat "$OUT/initdb.log" >&2; die "initdb failed"; }
  PG_STARTED=true
  # Durable, as in production: the ceiling and our figure both pay for every commit's WAL flush.
  # pg_stat_statements counts the statements each vote costs.
  runuser -u postgres -- "$PG_BIN/pg_ctl" start -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_TMP/sockets -c max_connections=300 -c fsync=on -c synchronous_commit=on -c full_page_writes=on -c shared_buffers=256MB -c shared_preload_libraries=pg_stat_statements" \
    >/dev/null || { cat "$PG_TMP/server.log" >&2; die "PostgreSQL did not start"; }
fi
export PGPASSWORD=${PGPASSWORD:-}
psql_on() { local db=$1; shift; "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$db" "$@"; }
psql_admin() { psql_on postgres "$@"; }
psql_admin -tA -c "SHOW fsync" | grep -qx on || die "fsync is off on this PostgreSQL: the figures would not be durable"
psql_admin -tA -c "SHOW synchronous_commit" | grep -qx on || die "synchronous_commit is not on: the figures would not be durable"
pg_version=$(psql_admin -tA -c "SHOW server_version")

# --- Build --------------------------------------------------------------------------------------

for project in "$ROOT/src/WebApi" "$HERE/LoadClient"; do
  log "Building $project (Release)"
  dotnet build "$project" -c Release --nologo -v quiet >"$OUT/build.log" 2>&1 ||
    { tail -n 30 "$OUT/build.log" >&2; die "build of $project failed"; }
done
client=(dotnet "$HERE/LoadClient/bin/Release/net10.0/Voting.Benchmarks.Votes.LoadClient.dll")
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# --- 1. The ceiling: pgbench ----------------------------------------------------------------------

log "Ceiling: pgbench, $PGBENCH_CLIENTS clients, ${PGBENCH_DURATION} s of single-row durable inserts"
psql_admin -c "CREATE DATABASE $CEILING_DB" >/dev/null
psql_on "$CEILING_DB" >/dev/null <<'SQL'
CREATE TABLE votes_ceiling (
  id uuid PRIMARY KEY,
  election_id uuid NOT NULL,
  voter_id uuid NOT NULL,
  voted_at timestamptz NOT NULL,
  CONSTRAINT votes_ceiling_election_voter UNIQUE (election_id, voter_id));
CREATE SEQUENCE voter_numbers;
SQL
cat >"$OUT/ceiling.sql" <<'SQL'
INSERT INTO votes_ceiling (id, election_id, voter_id, voted_at) VALUES (gen_random_uuid(), '6e0c1d9a-0000-4000-8000-000000000001', ('00000000-0000-4000-8000-' || lpad(to_hex(nextval('voter_numbers')), 12, '0'))::uuid, now());
SQL
"$PG_BIN/pgbench" -n -M prepared -c "$PGBENCH_CLIENTS" -j 2 -T "$PGBENCH_DURATION" -f "$OUT/ceiling.sql" \
  -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$CEILING_DB" >"$OUT/pgbench.log" 2>&1 ||
  { cat "$OUT/pgbench.log" >&2; die "pgbench failed"; }
ceiling_tps=$(sed -nE 's/^tps = ([0-9.]+) \(without initial connection time\)/\1/p' "$OUT/pgbench.log")
ceiling_latency=$(sed -nE 's/^latency average = ([0-9.]+) ms/\1/p' "$OUT/pgbench.log")
ceiling_rows=$(psql_on "$CEILING_DB" -tA -c "SELECT count(*) FROM votes_ceiling")
[[ -n $ceiling_tps ]] || { cat "$OUT/pgbench.log" >&2; die "no tps in pgbench's output"; }
psql_admin -c "DROP DATABASE $CEILING_DB" >/dev/null

# --- 2. Ours: the server, one open election, VOTERS voters, castVote under load -------------------

BENCH_SIGNING_KEY=benchmark-only-signing-key-$(date +%s%N)
ADMIN_CITIZEN_ID=1100000000008
ADMIN_PASSWORD=benchmark-admin-password
psql_admin -c "CREATE DATABASE $API_DB" >/dev/null
port=$(free_port)
log "Starting the server on 127.0.0.1:$port (PostgreSQL database $API_DB, migrations on start-up)"
# From its output folder, which is the content root: appsettings.json is read as in production (from
# another folder the server would start without it, logging nothing). env: the logging override's
# name holds dots, which a shell assignment does not allow.
cd "$ROOT/src/WebApi/bin/Release/net10.0"
env ASPNETCORE_URLS=http://127.0.0.1:$port ASPNETCORE_ENVIRONMENT=Production \
  Database__Provider=Postgres Database__MigrateOnStartup=true \
  Database__ConnectionString="Host=$PG_HOST;Port=$PG_PORT;Username=$PG_USER;Password=$PGPASSWORD;Database=$API_DB" \
  Serilog__MinimumLevel__Default=Warning Jwt__SigningKey="$BENCH_SIGNING_KEY" \
  Accounts__InitialAdmin__CitizenId="$ADMIN_CITIZEN_ID" Accounts__InitialAdmin__Phone=+66800000000 \
  Accounts__InitialAdmin__Password="$ADMIN_PASSWORD" \
  DOTNET_PerfMapEnabled=$([[ ${PERF:-0} == 1 ]] && echo 1 || echo 0) DOTNET_EnableWriteXorExecute=$([[ ${PERF:-0} == 1 ]] && echo 0 || echo 1) \
  "Serilog__MinimumLevel__Override__Microsoft.EntityFrameworkCore.Database.Command=$([[ ${LOG_SQL:-0} == 1 ]] && echo Information || echo Warning)" \
  setsid dotnet Voting.WebApi.dll >"$OUT/server.log" 2>&1 &
server_pid=$!
cd "$ROOT"
for ((tries = 0; ; tries++)); do
  curl -sS -f --max-time 2 -H 'Content-Type: application/json' --data '{"query":"{ __typename }"}' \
    "http://127.0.0.1:$port/graphql" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { tail -n 30 "$OUT/server.log" >&2; die "the server exited (log: $OUT/server.log)"; }
  ((tries < 240)) || die "the server does not answer after 120 s"
  sleep 0.5
done

log "Election through the API as the initial admin"
election_line=$("${client[@]}" setup --url "http://127.0.0.1:$port/graphql" \
  --admin-citizen-id "$ADMIN_CITIZEN_ID" --admin-password "$ADMIN_PASSWORD" | grep '^ELECTION ')
read -r _ election_id candidate_ids <<<"$election_line"

# Voter n: the user ID of LoadClient's Voters.WriteId(n), citizen ID 5 + n on eleven digits + the mod-11
# check digit (src/Domain/Users/CitizenId.cs), a phone, a hash no password matches, role Voter (4).
log "Inserting $VOTERS voters with SQL"
psql_on "$API_DB" -v voters="$VOTERS" >/dev/null <<'SQL'
INSERT INTO "Users" ("Id", "CitizenId", "Phone", "PasswordHash", "Roles", "RegisteredAt")
SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid,
       p || (11 - (SELECT sum(substr(p, i, 1)::int * (14 - i)) FROM generate_series(1, 12) i) % 11) % 10,
       '+669' || lpad(n::text, 8, '0'),
       'benchmark-voter-without-password',
       4,
       now()
FROM generate_series(1, :voters) n, LATERAL (SELECT '5' || lpad(n::text, 11, '0') AS p) digits;
VACUUM ANALYZE "Users";
SQL
# Counts the statements each vote costs (where the server preloads pg_stat_statements).
psql_on "$API_DB" -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset()" >/dev/null 2>&1 || true
log_lines_before=$(wc -l <"$OUT/server.log")
commits_before=$(psql_admin -tA -c "SELECT xact_commit FROM pg_stat_database WHERE datname = '$API_DB'")

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# PostgreSQL's CPU: every process of the cluster, plus what the postmaster collected from children that exited.
pg_postmaster=$(head -n 1 "${PG_TMP:-/nonexistent}/data/postmaster.pid" 2>/dev/null || true)
pg_cpu_ticks() {
  [[ -n $pg_postmaster ]] || { echo 0; return; }
  # A backend may exit between pgrep and the read: its ticks then move to the postmaster's children total.
  { awk '{ print $16 + $17 }' "/proc/$pg_postmaster/stat" 2>/dev/null || true
    for pid in $pg_postmaster $(pgrep -P "$pg_postmaster" || true); do awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || true; done
  } | awk '{ t += $1 } END { print t + 0 }'
}
server_cpu_before=$(cpu_ticks "$server_pid")
pg_cpu_before=$(pg_cpu_ticks)
if [[ ${PROFILE:-0} == 1 ]]; then
  # Over the measured window only: starts when the warm-up ends.
  (sleep "$WARMUP" && exec ~/.dotnet/tools/dotnet-trace collect -p "$server_pid" --profile dotnet-sampled-thread-time \
    --duration "00:00:00:$(printf '%02d' "$DURATION")" -o "$OUT/server.nettrace" >"$OUT/trace.log" 2>&1) &
  trace_pid=$!
elif [[ ${PERF:-0} == 1 ]]; then
  # CPU samples (not thread time: a waiting thread costs nothing here) of the server over the measured window.
  (sleep "$WARMUP" && exec perf record -e cpu-clock -F 999 -g -p "$server_pid" -o "$OUT/server.perf" -- sleep "$DURATION" \
    >"$OUT/perf.log" 2>&1) &
  trace_pid=$!
fi
log "castVote: $CLIENTS clients, ${WARMUP} s warm-up + ${DURATION} s measured"
result=$("${client[@]}" cast --url "http://127.0.0.1:$port/graphql" --election "$election_id" --candidates "$candidate_ids" \
  --signing-key "$BENCH_SIGNING_KEY" --voters "$VOTERS" --clients "$CLIENTS" --warmup "$WARMUP" --duration "$DURATION" \
  --acks "$OUT/acks.tsv" --unanswered "$OUT/unanswered.txt" --server-pid "$server_pid" | grep '^RESULT ')
server_cpu_after=$(cpu_ticks "$server_pid")
pg_cpu_after=$(pg_cpu_ticks)
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
if [[ -n $trace_pid ]]; then wait "$trace_pid" || true; trace_pid=; fi
# Stop the server before the audit: whatever it had in flight has committed or rolled back by then.
kill -- "-$server_pid" 2>/dev/null || true
wait "$server_pid" 2>/dev/null || true
server_pid=

# --- 3. Audit -----------------------------------------------------------------------------------

field() { [[ " $1 " =~ \ $2=([^ ]+)\  ]] && printf '%s' "${BASH_REMATCH[1]}" || printf '—'; }
commits=$(($(psql_admin -tA -c "SELECT xact_commit FROM pg_stat_database WHERE datname = '$API_DB'") - commits_before))
log "Audit of election $election_id"
psql_on "$API_DB" -c "CREATE TABLE acks (voter uuid, sequence bigint, receipt text); CREATE TABLE unanswered (voter uuid)"
psql_on "$API_DB" -c "\\copy acks FROM '$OUT/acks.tsv'"
psql_on "$API_DB" -c "\\copy unanswered FROM '$OUT/unanswered.txt'"
# Indexed and analysed, and every membership test written as a (hash) semi- or anti-join: a NOT IN over a
# subquery of a quarter of a million rows is planned as a nested loop and ran for more than nine minutes.
psql_on "$API_DB" -c "CREATE INDEX ON acks (voter); CREATE INDEX ON acks (sequence); CREATE INDEX ON unanswered (voter);
  ANALYZE acks; ANALYZE unanswered; ANALYZE \"Participations\"; ANALYZE \"Ballots\""
audit=$(psql_on "$API_DB" -tA -F ' ' -v election="$election_id" <<'SQL'
SET work_mem = '256MB';
CREATE TEMP TABLE p AS SELECT "VoterId" FROM "Participations" WHERE "ElectionId" = :'election';
CREATE TEMP TABLE b AS SELECT "Sequence", "ReceiptHash" FROM "Ballots" WHERE "ElectionId" = :'election';
CREATE INDEX ON p ("VoterId"); CREATE INDEX ON b ("Sequence"); ANALYZE p; ANALYZE b;
-- An acknowledged ballot: the sequence it was given, holding the hash of the receipt it was given.
CREATE TEMP TABLE matched AS
  SELECT a.voter FROM acks a JOIN b ON b."Sequence" = a.sequence
  AND b."ReceiptHash" = encode(sha256(convert_to(replace(a.receipt, '-', ''), 'UTF8')), 'hex');
SELECT (SELECT count(*) FROM acks) AS acknowledged,
       (SELECT count(DISTINCT voter) FROM acks) AS acknowledged_voters,
       (SELECT count(*) FROM p) AS participations,
       (SELECT count(*) FROM b) AS ballots,
       (SELECT count(*) FROM acks a WHERE NOT EXISTS (SELECT 1 FROM p WHERE p."VoterId" = a.voter)) AS lost_participations,
       (SELECT count(*) FROM acks) - (SELECT count(*) FROM matched) AS lost_ballots,
       (SELECT count(*) FROM (SELECT "VoterId" FROM p GROUP BY "VoterId" HAVING count(*) > 1) twice) AS voters_twice,
       -- Rows beyond the acknowledged votes that no unanswered request explains.
       (SELECT count(*) FROM p WHERE NOT EXISTS (SELECT 1 FROM acks a WHERE a.voter = p."VoterId")
                                 AND NOT EXISTS (SELECT 1 FROM unanswered u WHERE u.voter = p."VoterId")) AS extra_participations,
       greatest(0, (SELECT count(*) FROM b) - (SELECT count(*) FROM matched) - (SELECT count(*) FROM unanswered)) AS extra_ballots,
       (SELECT count(*) FROM p WHERE EXISTS (SELECT 1 FROM unanswered u WHERE u.voter = p."VoterId")) AS unanswered_committed,
       (SELECT coalesce(min("Sequence"), 0) FROM b) AS min_sequence,
       (SELECT coalesce(max("Sequence"), 0) FROM b) AS max_sequence,
       (SELECT count(DISTINCT "Sequence") FROM b) AS distinct_sequences,
       (SELECT coalesce(max("LastSequence"), 0) FROM "BallotSequences" WHERE "ElectionId" = :'election') AS last_sequence,
       -- A batch's votes are one VotesCast row (ADR 0035); a VoteCast row is one vote (as stored before).
       (SELECT count(*) FILTER (WHERE "Type" = 'VoteCast')
               + coalesce(sum(json_array_length("Payload"::json -> 'candidates')) FILTER (WHERE "Type" = 'VotesCast'), 0)
        FROM "OutboxMessages") AS vote_cast_events,
       (SELECT count(*) FROM "OutboxMessages" WHERE "Type" IN ('VoteCast', 'VotesCast')) AS vote_rows;
SQL
)
read -r acknowledged acknowledged_voters participations ballots lost_participations lost_ballots voters_twice \
  extra_participations extra_ballots unanswered_committed min_sequence max_sequence distinct_sequences last_sequence \
  vote_cast_events vote_rows <<<"$audit"
statements=$(psql_on "$API_DB" -tA -F $'\t' -c "
  SELECT calls, round(total_exec_time::numeric / calls, 3), round(total_exec_time::numeric * 1000 / $acknowledged, 1),
         regexp_replace(left(query, 110), '\s+', ' ', 'g')
  FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '$API_DB')
  ORDER BY total_exec_time DESC LIMIT 12" 2>/dev/null || true)

# --- Report -------------------------------------------------------------------------------------

votes_per_s=$(field "$result" votes_per_s)
hz=$(getconf CLK_TCK)
echo
echo "castVote on PostgreSQL $pg_version, $(date -u +%Y-%m-%dT%H:%MZ): durable (fsync, synchronous_commit and full_page_writes on),"
echo "server, load client, pgbench and PostgreSQL on one machine with $(nproc) cores; load average before: $load_before, after the castVote run: $load_after."
echo ".NET $(dotnet --version); pgbench $PGBENCH_CLIENTS clients ${PGBENCH_DURATION} s; castVote $CLIENTS clients, ${WARMUP} s warm-up + ${DURATION} s measured."
echo
echo "| measurement | clients | per second | p50 | p99 | max | errors | ÷ ceiling |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
printf '| pgbench ceiling: one durable INSERT per transaction, unique (election, voter) | %s | %.0f | — | — | — | %s rows | 100%% |\n' \
  "$PGBENCH_CLIENTS" "$ceiling_tps" "$ceiling_rows"
printf '| castVote through the API (HTTP keep-alive, JWT, GraphQL, EF Core) | %s | %s | %s ms | %s ms | %s ms | %s | %s |\n' \
  "$CLIENTS" "$votes_per_s" "$(field "$result" p50_ms)" "$(field "$result" p99_ms)" "$(field "$result" max_ms)" \
  "$(field "$result" errors)" "$(awk -v a="$votes_per_s" -v b="$ceiling_tps" 'BEGIN { printf "%.1f%%", 100 * a / b }')"
echo
echo "pgbench average latency ${ceiling_latency} ms. castVote errors by code in the window: $(field "$result" error_codes);"
echo "$(field "$result" votes) votes answered in $(field "$result" seconds) s; voters used $(field "$result" voters_used) of $VOTERS (exhausted: $(field "$result" exhausted))."
awk -v c="$((server_cpu_after - server_cpu_before))" -v hz="$hz" -v n="$acknowledged" -v t="$commits" \
  'BEGIN { if (n > 0) printf "Server CPU per acknowledged vote (warm-up included): %.0f µs; PostgreSQL commits per vote: %.2f.\n", c / hz * 1e6 / n, t / n }'
[[ -n $pg_postmaster ]] && awk -v c="$((pg_cpu_after - pg_cpu_before))" -v hz="$hz" -v n="$acknowledged" \
  'BEGIN { if (n > 0) printf "PostgreSQL CPU per acknowledged vote (warm-up included, all its processes): %.0f µs.\n", c / hz * 1e6 / n }'
echo "Over the measured window only: server CPU $(field "$result" server_cpu_us_per_vote) µs per answered vote, load client CPU $(field "$result" client_cpu_us_per_vote) µs."
echo
echo "Audit (every vote of the run, warm-up included):"
echo
echo "| acknowledged | voters | participations | ballots | lost | duplicated | voters with two participations | sequences | unanswered (committed) | votes in outbox rows (rows) |"
echo "|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|"
gapless=no
((min_sequence == 1 && max_sequence == ballots && distinct_sequences == ballots && last_sequence == ballots)) && gapless=yes
[[ $ballots == 0 ]] && gapless="none"
printf '| %s | %s | %s | %s | %s | %s | %s | %s..%s, gapless: %s | %s (%s) | %s |\n' "$acknowledged" "$acknowledged_voters" \
  "$participations" "$ballots" "$((lost_participations > lost_ballots ? lost_participations : lost_ballots))" \
  "$((extra_participations > extra_ballots ? extra_participations : extra_ballots))" "$voters_twice" \
  "$min_sequence" "$max_sequence" "$gapless" "$(field "$result" unanswered)" "$unanswered_committed" "$vote_cast_events ($vote_rows)"
if [[ ${LOG_SQL:-0} == 1 ]]; then
  round_trips=$(tail -n "+$((log_lines_before + 1))" "$OUT/server.log" | grep -c 'Executed DbCommand' || true)
  echo
  awk -v r="$round_trips" -v n="$acknowledged" 'BEGIN { if (n > 0) printf "Database round trips (EF Core commands) per acknowledged vote, outbox dispatcher included: %.2f.\n", r / n }'
fi
if [[ -n $statements ]]; then
  echo
  echo "Statements by total execution time (pg_stat_statements: calls per acknowledged vote, mean ms, µs per vote, statement):"
  echo
  awk -F'\t' -v n="$acknowledged" '{ printf "    %.3f  %7s ms  %6s µs  %s\n", $1 / n, $2, $3, $4 }' <<<"$statements"
fi
echo
awk -v a="$votes_per_s" -v b="$ceiling_tps" \
  'BEGIN { printf "Target (at least 50%% of the pgbench ceiling): %.1f%%: %s.\n", 100 * a / b, (a >= 0.5 * b ? "met" : "NOT met") }'
ok=$((lost_participations + lost_ballots + extra_participations + extra_ballots + voters_twice))
if ((ok == 0)) && [[ $gapless != no ]]; then echo "Audit: zero lost, zero duplicated, sequences gapless."; else echo "Audit: FAILED (see the table)."; fi
log "Logs, acks and pgbench output: $OUT"
