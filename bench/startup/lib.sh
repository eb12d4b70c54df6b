# What the startup benchmarks share: waiting for an answer, reading the memory held, stopping.
# Sourced with $port set (the server's HTTP port) and $rest (seconds to rest before reading memory).

# Milliseconds since $1 (nanoseconds) when $2 first answers $3 (an HTTP status, or "any").
until_answers() {
  local status
  while :; do
    status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$2" || true)
    [[ $status == "$3" || ($3 == any && $status != 000) ]] && break
    sleep 0.05
  done
  echo $(( ($(date +%s%N) - $1) / 1000000 ))
}

# Processor seconds (user and system, all threads) the server has used since it started: on a
# shared machine, where another load stretches the time to ready, the work a start does.
cpu_seconds() {
  local pid; pid=$(pgrep -f -- "--port $port" | tail -1)
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$pid/stat"
}

# Resident memory of the server after the rest, in MB: what the kernel counts (VmRSS), which
# counts ZGC's heap three times (it maps each page at three addresses on Java 17), and the
# memory it really holds: the private pages, plus the shared ones (the heap, with ZGC) once.
rested_rss() {
  [[ $rest -gt 0 ]] && sleep "$rest"
  local pid; pid=$(pgrep -f -- "--port $port" | tail -1)
  awk -v zgc="$(tr '\0' ' ' < "/proc/$pid/cmdline" | grep -c UseZGC)" '
    /VmRSS/ { rss = $2 } /RssAnon/ { anon = $2 } /RssFile/ { file = $2 } /RssShmem/ { shm = $2 }
    END { held = anon + file + (zgc ? shm / 3 : shm); printf "%d/%d", rss / 1024, held / 1024 }' \
    "/proc/$pid/status"
}

stop() { pkill -9 -f -- "--port $port" || true; sleep 1; }

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
