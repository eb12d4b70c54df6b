#!/usr/bin/env bash
# Heap per queued call: against a running Relais in demo mode (the run command, demo data, no
# agent connected), measures the live heap, places N simulated calls in
# the demo group Administratif (they all wait: nobody is there to take them), measures again, and
# prints the difference per call. The calls stay queued until their callers hang up or the server
# restarts.
#
#   bench/startup/queued-calls.sh [calls] [base-url]
set -euo pipefail

calls="${1:-5000}"
url="${2:-http://127.0.0.1:8080/}"
port=$(sed -E 's#.*:([0-9]+)/?.*#\1#' <<< "$url")
pid=$(pgrep -f -- "--port $port" | tail -1)

# Bytes of live objects: the class histogram collects the heap first, then counts what is left.
live_bytes() { jcmd "$pid" GC.class_histogram | awk '/^Total/ { print $3 }'; }

# A token of its own: a password would cost a key derivation per request.
token=$(curl -sf -u admin@demo:admin -H 'Content-Type: application/json' \
  -d "{\"name\":\"bench-$$\",\"role\":\"admin\"}" "${url}api/v1/tokens" \
  | sed -E 's/.*"token":"([^"]+)".*/\1/')

before=$(live_bytes)
# A call the server could not take (a refused connection under the load) is counted out.
queued=$(seq -f "06%08g" 1 "$calls" \
  | xargs -P 8 -I{} curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' \
    -d '{"group":"Administratif","caller":"{}"}' "${url}api/v1/sim/calls" \
  | grep -c '^201$' || true)
after=$(live_bytes)
echo "live heap: $(( before / 1048576 )) MB before, $(( after / 1048576 )) MB after ${queued} queued calls (of ${calls} placed)"
echo "per queued call: $(( (after - before) / queued )) bytes"
