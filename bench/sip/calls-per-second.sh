#!/usr/bin/env bash
# SIP calls per second through Relais: a trunk's caller calls a group's number, is queued, rung on
# an agent's phone that answers at once, talks for 2 s and hangs up (web's SIPp scenario
# trunk-talks.xml). At each rate, for the given seconds, SIPp's own loop runs first: the same
# caller calling the same phones' scenario directly, on this machine, in this run; then the same
# calls through Relais. Relais must be running with RELAIS_SWITCH=sip (bench/README.md).
#
#   bench/sip/calls-per-second.sh <relais-url> <operator-password> [rates] [seconds] [agents]
#
# rates: comma-separated calls per second (default 25,50,100,200); seconds per rate (default 20);
# agents: enough for every call in progress at the highest rate (default 600; a call holds one for
# about 2 s). For each rate and side it prints the calls placed, succeeded and failed, the
# retransmissions, the calls' mean length (2 s of talk, plus the wait for an answer), and for Relais
# its processor time per call, from /proc (Kamailio's and rtpengine's apart, printed too).
set -euo pipefail
exec </dev/null

base="${1:?the Relais URL, such as http://127.0.0.1:8080/}"
operator="${2:?the operator password}"
rates="${3:-25,50,100,200}"
seconds="${4:-20}"
agents="${5:-600}"
base="${base%/}/"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
caller="$here/../../web/src/test/resources/sipp/trunk-talks.xml"
address="${RELAIS_SIP_ADDRESS:-127.0.0.1}"
relais_sip="$address:${RELAIS_SIP_TRUNK_PORT:-5080}"
registrar="$address:${RELAIS_SIP_PORT:-5060}"
data="$(cd "${RELAIS_DATA:-$here/../../data}" && pwd)"

work="$(mktemp -d)"
cleanup() {
  kill "${phones_pids[@]}" 2>/dev/null || true
  rm -rf "$work"
}
phones_pids=()
trap cleanup EXIT

account="sipbench$(date +%s)"
admin="admin@$account"
password="bench-password-1"
sip_password="bench-sip-password"
number="+3319$((1000000 + $(date +%s) % 9000000))"

api() { # method path [json] [user] [password]
  curl -sf -o /dev/null -X "$1" -u "${4:-$admin}:${5:-$password}" \
    -H 'Content-Type: application/json' -d "${3:-}" "$base$2"
}

# A free UDP port on this machine.
free_port() {
  python3 -c 'import socket; s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Processor seconds (user and system) the processes of pids $@ have used, together.
cpu() {
  (($# > 0)) || { echo 0; return; }
  local pid
  for pid in "$@"; do cat "/proc/$pid/stat" 2>/dev/null || true; done |
    awk -v hz="$(getconf CLK_TCK)" '{ s += $14 + $15 } END { printf "%.2f", s / hz }'
}

relais_pid="$(pgrep -f -- '-Drelais.switch=sip' | head -1)"
[[ -n $relais_pid ]] || { echo "no Relais runs with RELAIS_SWITCH=sip" >&2; exit 1; }
# Kamailio's work is done in its children, which share its command line.
mapfile -t kamailio_pids < <(pgrep -f -- "$data/kamailio/kamailio.pid" || true)
mapfile -t rtpengine_pids < <(cat "$data/rtpengine.pid" 2>/dev/null || true)

echo "account $account, group number $number, $agents agents"
api POST api/v1/accounts \
  "{\"name\":\"$account\",\"admin\":{\"login\":\"admin\",\"password\":\"$password\"}}" \
  operator "$operator"
api POST api/v1/groups \
  "{\"name\":\"Bench\",\"numbers\":[\"$number\"],\"ringTimeout\":10,\"penalty\":0,\"wrapUp\":0}"
# Agent a<i> has extension 2000<i>.
create_agent() {
  api POST api/v1/agents "{\"login\":\"a$1\",\"name\":\"a$1\",\"password\":\"$password\",\
\"extension\":\"2000$1\",\"sipPassword\":\"$sip_password\",\"groups\":[{\"name\":\"Bench\"}]}"
}
connect_agent() {
  api POST api/v1/me/session '' "a$1@$account" "$password" &&
    api PUT api/v1/me/availability '{"available":true}' "a$1@$account" "$password"
}
export -f api create_agent connect_agent
export base admin password sip_password account
seq 0 $((agents - 1)) | xargs -P 8 -I{} bash -c 'create_agent {}'

# One SIPp answers for every agent's phone: all register the same contact.
phones_port="$(free_port)"
sipp -sf "$here/phones.xml" -i 127.0.0.1 -p "$phones_port" -mp "$(free_port)" -nostdin \
  -trace_err -error_file "$work/phones-errors.log" > /dev/null 2>&1 &
phones_pids+=($!)
{
  echo SEQUENTIAL
  for ((i = 0; i < agents; i++)); do
    echo "2000$i;$account;[authentication username=2000$i password=$sip_password]"
  done
} > "$work/phones.csv"
sipp -sf "$here/register.xml" -inf "$work/phones.csv" -key contact_port "$phones_port" \
  -i 127.0.0.1 -p "$(free_port)" -m "$agents" -r 200 -nostdin -timeout 120s -timeout_error \
  "$registrar" > /dev/null 2>&1 || { echo "the phones did not all register" >&2; exit 1; }

seq 0 $((agents - 1)) | xargs -P 8 -I{} bash -c 'connect_agent {}'
echo "agents connected, phones registered"

# The raw loop's called party: the same phones' scenario, called directly.
raw_port="$(free_port)"
sipp -sf "$here/phones.xml" -i 127.0.0.1 -p "$raw_port" -mp "$(free_port)" -nostdin \
  > /dev/null 2>&1 &
phones_pids+=($!)

# Runs the caller at $1 calls/s for $seconds s towards $2, calling $3, and prints placed,
# succeeded, failed, retransmissions and the calls' mean length, from SIPp's statistics file.
calls() {
  local stats="$work/stats-$RANDOM.csv"
  sipp -sf "$caller" -key caller 0611223344 -s "$3" -i 127.0.0.1 -p "$(free_port)" \
    -mp "$(free_port)" -r "$1" -m $(($1 * seconds)) -l $(($1 * 10)) -nostdin \
    -recv_timeout 30000 -timeout $((seconds + 90))s \
    -trace_stat -stf "$stats" -fd 1 "$2" > /dev/null 2>&1 || true
  awk -F';' '
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    { last = $0 }
    END {
      split(last, v, ";")
      printf "%d %d %d %d %s\n", v[col["OutgoingCall(C)"]], v[col["SuccessfulCall(C)"]],
        v[col["FailedCall(C)"]], v[col["Retransmissions(C)"]], v[col["CallLength(C)"]]
    }' "$stats"
}

printf '%-6s %-7s %7s %7s %7s %8s %14s %15s %s\n' rate side placed ok failed retrans \
  "mean length" "relais ms/call" "kamailio, rtpengine ms/call"
IFS=, read -ra steps <<< "$rates"
for rate in "${steps[@]}"; do
  read -r placed ok failed retrans length <<< "$(calls "$rate" "127.0.0.1:$raw_port" raw)"
  printf '%-6s %-7s %7d %7d %7d %8d %14s\n' "$rate" raw "$placed" "$ok" "$failed" "$retrans" "$length"
  before="$(cpu "$relais_pid")"
  edge_before="$(cpu "${kamailio_pids[@]}") $(cpu "${rtpengine_pids[@]}")"
  read -r placed ok failed retrans length <<< "$(calls "$rate" "$relais_sip" "$number")"
  after="$(cpu "$relais_pid")"
  edge_after="$(cpu "${kamailio_pids[@]}") $(cpu "${rtpengine_pids[@]}")"
  printf '%-6s %-7s %7d %7d %7d %8d %14s %15s %s\n' "$rate" relais "$placed" "$ok" "$failed" \
    "$retrans" "$length" \
    "$(awk -v a="$after" -v b="$before" -v n="$placed" 'BEGIN { printf "%.2f", n ? (a - b) * 1000 / n : 0 }')" \
    "$(awk -v a="$edge_after" -v b="$edge_before" -v n="$placed" 'BEGIN {
        split(a, x, " "); split(b, y, " ");
        printf "%.2f, %.2f", n ? (x[1] - y[1]) * 1000 / n : 0, n ? (x[2] - y[2]) * 1000 / n : 0 }')"
done
