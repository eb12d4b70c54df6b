#!/usr/bin/env bash
# Does the restart grow with history? Two PostgreSQL databases with the same demo data, one of
# them also holding <calls> past calls and as many past agent state changes, spread over the last
# year. Relais is restarted on each in turn, killed with SIGKILL once ready as a crash would, and
# each start prints its time to /health/ready answering 200 and the engine's recovery time (its
# log line); then the medians and the median ratio of each round's two starts.
#
#   bench/startup/history.sh [rounds] [calls]
#
# RELAIS_BENCH_PSQL: how to reach PostgreSQL as a user that may create databases (default
# "psql -h 127.0.0.1 -U postgres"); the databases relais_bench_fresh and relais_bench_history are
# created anew, and dropped at the end.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

rounds="${1:-5}"
calls="${2:-1000000}"
rest=0
port="${BENCH_PORT:-8191}"
read -r -a psql <<< "${RELAIS_BENCH_PSQL:-psql -h 127.0.0.1 -U postgres}"
work="$(mktemp -d)"
databases=(relais_bench_fresh relais_bench_history)
sql() { "${psql[@]}" -v ON_ERROR_STOP=1 -q -X "$@"; }
cleanup() {
  pkill -9 -f -- "--port $port" || true
  for db in "${databases[@]}"; do sql -d postgres -c "DROP DATABASE IF EXISTS $db" || true; done
  rm -rf "$work"
}
trap cleanup EXIT

source bench/startup/lib.sh
[[ -f payara-config/target/runtime/payara-micro.jar && -f web/target/relais.war ]] \
  || mvn -q -B -DskipTests package

# Time to ready and the recovery's own milliseconds, for a start on database $1.
start() {
  local started; started=$(date +%s%N)
  RELAIS_PORT=$port RELAIS_DATA="$work/$1" RELAIS_DB=postgres \
    RELAIS_DB_URL="jdbc:postgresql://127.0.0.1:5432/$1" RELAIS_DB_USER=postgres \
    payara-config/run.sh >> "$work/$1.out" 2>&1 &
  local ready; ready=$(until_answers "$started" /health/ready 200)
  local recovered
  recovered=$(grep -ho 'ACD recovered from the database in [0-9]* ms' "$work/$1/relais.log" \
    | tail -1 | grep -o '[0-9]* ms' | grep -o '[0-9]*')
  echo "$ready $recovered"
  stop
}

for db in "${databases[@]}"; do
  sql -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  start "$db" > /dev/null # the schema and the demo data
done

# Past days: ended calls of the demo's first group, answered by its first agent or abandoned, one
# every 30 seconds back from now, and the state changes of that agent. Negative ids, so that they
# never meet the ids Relais draws from its sequence.
sql -d relais_bench_history <<SQL
INSERT INTO phone_call (id, account_id, group_id, group_name, direction, caller, status,
    arrived_at, offered_at, answered_at, ended_at, outcome, agent_id, offers, version)
SELECT -g, q.account_id, q.id, q.name, 'INBOUND', '+3361' || lpad((g % 10000000)::text, 8, '0'),
    'ENDED', now() - g * interval '30 seconds', now() - g * interval '30 seconds' + interval '20 s',
    CASE WHEN g % 5 = 0 THEN NULL ELSE now() - g * interval '30 seconds' + interval '25 s' END,
    now() - g * interval '30 seconds' + interval '3 minutes',
    CASE WHEN g % 5 = 0 THEN 'ABANDONED' ELSE 'ANSWERED' END,
    CASE WHEN g % 5 = 0 THEN NULL ELSE a.id END, 1, 1
FROM generate_series(1, $calls) g,
    (SELECT * FROM queue_group ORDER BY id LIMIT 1) q,
    (SELECT * FROM agent ORDER BY id LIMIT 1) a;
INSERT INTO agent_state_change (id, account_id, agent_id, changed_at, availability, activity)
SELECT -g, a.account_id, a.id, now() - g * interval '30 seconds', 'AVAILABLE',
    CASE WHEN g % 2 = 0 THEN 'TALKING' ELSE 'IDLE' END
FROM generate_series(1, $calls) g, (SELECT * FROM agent ORDER BY id LIMIT 1) a;
VACUUM ANALYZE;
SQL
echo "relais_bench_history: $(sql -d relais_bench_history -tA -c 'SELECT count(*) FROM phone_call') calls"

echo "round fresh_ready_ms fresh_recovery_ms history_ready_ms history_recovery_ms"
for ((r = 1; r <= rounds; r++)); do
  echo "$r $(start relais_bench_fresh) $(start relais_bench_history)" | tee -a "$work/results"
done

column() { awk -v c="$1" '{ print $c }' "$work/results" | median; }
echo "fresh: ready $(column 2) ms, recovery $(column 3) ms (medians)"
echo "history: ready $(column 4) ms, recovery $(column 5) ms (medians)"
echo "ready, history / fresh: $(awk '{ print $4 / $2 }' "$work/results" | median) (median of the rounds' ratios)"
echo "phases of the last round's starts"
bench/startup/phases.sh "$work/relais_bench_fresh/relais.log" "$work/relais_bench_history/relais.log"
