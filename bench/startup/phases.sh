#!/usr/bin/env bash
# Where a start goes: the time between the milestones of one start's server log (the run
# command's relais.log, or a bare Payara Micro's output), from the log's own timestamps. The JVM's
# own start, before the first line, is not in it: compare the total with the start's time to ready.
#
#   bench/startup/phases.sh <server log> [more logs ...]
set -euo pipefail

for log in "$@"; do
  echo "$log"
  # Payara colours its log on a terminal: the escapes go before matching.
  sed 's/\x1b\[[0-9;]*m//g' "$log" | awk '
    function at(line) { # milliseconds of the day, from "[2026-12-04T18:00:05.946+0000]"
      split(substr(line, 13, 12), t, /[:.]/)
      return ((t[1] * 60 + t[2]) * 60 + t[3]) * 1000 + t[4]
    }
    function mark(name) {
      now = at($0)
      if (start == "") { start = now; last = now; print "  boot begins"; return }
      printf "  %-58s %6d ms (at %6d ms)\n", name, now - last, now - start
      last = now
    }
    !/^\[20/ { next }
    start == "" { mark() }
    /startup services\(/ && !core++ { mark("Payara core up (Hazelcast, services)") }
    /WELD-000900/ && !weld++ { mark("archives read, web container made") }
    /was successfully deployed/ && !deployed++ { mark("CDI, EJB, persistence unit deployed") }
    /Successfully applied|is up to date|Successfully validated/ && !flyway++ {
      mark("application start: Flyway") }
    /Relais started version/ && !started++ { mark("demo data and the startup line") }
    /ACD recovered/ && !recovered++ { mark("engine recovery") }
    /Running on PrimeFaces/ && !faces++ { mark("web module: Faces, Soteria, PrimeFaces") }
    / ready in [0-9,]* \(ms\)/ && !ready++ { mark("web module loaded, Payara Micro ready") }
  '
done
