#!/usr/bin/env bash
# Restart to readiness, side by side: a bare Payara Micro 6 (no application) and Relais, started
# in turn, each killed with SIGKILL once ready, as a crash would. Prints each start's time to its
# first answer (bare) or to /health/ready answering 200 (Relais), the processor time it used until
# then, and the resident memory after a rest; then the medians, and the median of each start's
# ratios to the bare start of its round.
#
#   bench/startup/startup.sh [rounds] [rest-seconds] [other-checkout ...]
#
# Each other checkout (a built copy of Relais at another commit, say before a change) is started
# in the same rounds, with its own run command: before and after are measured in one run.
# RELAIS_DB=h2 (default: demo data in a data folder per checkout, kept between rounds, so that
# every start after the first is a restart) or postgres, with the run command's RELAIS_DB_*.
# The bare start uses RELAIS_JAVA_OPTIONS when set, else the JVM's defaults.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

rounds="${1:-5}"
rest="${2:-0}"
shift $(( $# > 2 ? 2 : $# ))
checkouts=("$PWD" "$@")
port="${BENCH_PORT:-8190}"
work="$(mktemp -d)"
trap 'pkill -9 -f -- "--port $port" || true; rm -rf "$work"' EXIT

for c in "${checkouts[@]}"; do
  [[ -f "$c/payara-config/target/runtime/payara-micro.jar" && -f "$c/web/target/relais.war" ]] \
    || (cd "$c" && mvn -q -B -DskipTests package)
done
micro="payara-config/target/runtime/payara-micro.jar"
read -r -a jvm <<< "${RELAIS_JAVA_OPTIONS:-}"

source bench/startup/lib.sh

bare() {
  local started; started=$(date +%s%N)
  java "${jvm[@]}" -jar "$micro" --nocluster --port "$port" --rootdir "$work/bare" \
    > "$work/bare.log" 2>&1 &
  # With no application, Payara Micro serves no health check: its first answer, a 404, is ready.
  echo "$(until_answers "$started" / any) $(cpu_seconds) $(rested_rss)"
  stop
}

relais() { # $1: checkout, $2: its index
  local started; started=$(date +%s%N)
  (cd "$1" && RELAIS_PORT=$port RELAIS_DATA="$work/relais$2" payara-config/run.sh) \
    > "$work/relais$2.out" 2>&1 &
  echo "$(until_answers "$started" /health/ready 200) $(cpu_seconds) $(rested_rss)"
  stop
}

# A first start of each creates its database and demo data, and warms the file cache.
bare > /dev/null
for i in "${!checkouts[@]}"; do relais "${checkouts[$i]}" "$i" > /dev/null; done

header="round bare_ms bare_cpu_s bare_rss/held_mb"
for i in "${!checkouts[@]}"; do header+=" relais${i}_ms relais${i}_cpu_s relais${i}_rss/held_mb"; done
echo "$header"
for ((r = 1; r <= rounds; r++)); do
  line="$r $(bare)"
  for i in "${!checkouts[@]}"; do line+=" $(relais "${checkouts[$i]}" "$i")"; done
  echo "$line" | tee -a "$work/results"
done

echo "medians (relais0 is ${checkouts[0]##*/}; then ${checkouts[*]:1})"
column() { awk -v c="$1" '{ print $c }' "$work/results" | median; }
held() { awk -v c="$1" '{ split($c, m, "/"); print m[2] }' "$work/results" | median; }
ratio() { awk -v c="$1" -v b="$2" '{ print $c / $b }' "$work/results" | median; }
echo "bare: $(column 2) ms, $(column 3) s of processor, $(held 4) MB held"
for i in "${!checkouts[@]}"; do
  ms_col=$(( 5 + 3 * i )); cpu_col=$(( 6 + 3 * i )); rss_col=$(( 7 + 3 * i ))
  echo "relais$i: $(column $ms_col) ms (median of the ratios to bare: $(ratio $ms_col 2)),"\
    "$(column $cpu_col) s of processor (ratios: $(ratio $cpu_col 3)), $(held $rss_col) MB held"
  grep -ho 'ACD recovered.*' "$work/relais$i/relais.log" | tail -1 || true
done
echo "phases of the last round's starts"
bench/startup/phases.sh "$work/bare.log" "$work"/relais*/relais.log
