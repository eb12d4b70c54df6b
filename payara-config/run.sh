#!/usr/bin/env bash
# Starts Relais on Payara Micro: builds what is missing, then serves on RELAIS_PORT.
#
#   RELAIS_PORT              HTTP port (default 8080)
#   RELAIS_DATA              folder of the embedded H2 database and of the runtime (default ./data)
#   RELAIS_DB                h2 (default) or postgres
#   RELAIS_DB_URL            with postgres: jdbc:postgresql://host:port/database (default
#                            jdbc:postgresql://127.0.0.1:5432/relais)
#   RELAIS_DB_USER, RELAIS_DB_PASSWORD   with postgres
#   RELAIS_DB_SCHEMA         with postgres: schema of the tables (default public)
#   RELAIS_DEMO              true (default) loads the demo account once and accepts its short
#                            passwords; false for production (new passwords need 12 characters)
#   RELAIS_DEMO_TRAFFIC      calls per minute placed in the demo groups by the simulated switch
#                            (default 0: none)
#   RELAIS_OPERATOR_PASSWORD password of the platform operator (default "operator" in demo mode;
#                            without it and without demo mode, the operator cannot log in)
#   RELAIS_SWITCH            simulated (default: in-process phones) or sip (real phones and trunks:
#                            starts Kamailio, with payara-config/telephony/kamailio.cfg, and
#                            rtpengine, which carries the calls' audio, as child processes, stopped
#                            with Relais; their logs are kamailio.log and rtpengine.log in RELAIS_DATA)
#   RELAIS_SIP_ADDRESS       with sip: the address Kamailio and Relais listen on (default 127.0.0.1)
#   RELAIS_SIP_PORT          with sip: Kamailio's UDP port, where agents' phones register as
#                            <extension>@<account> (default 5060)
#   RELAIS_SIP_RPC_PORT      with sip: Kamailio's JSON-RPC UDP port, where Relais reads the phones'
#                            registrations (default 5061)
#   RELAIS_SIP_TRUNK_PORT    with sip: Relais's own UDP port, where trunks send calls (default 5080)
#   RELAIS_SIP_TRUNKS        with sip: the trunks' source addresses, comma-separated (default
#                            127.0.0.1)
#   RELAIS_RTPENGINE_PORT    with sip: rtpengine's NG control port, UDP on RELAIS_SIP_ADDRESS (default
#                            2223; its command line takes the next port, and Relais hears the keys
#                            callers press, as rtpengine tells them, on the third); without rtpengine installed, the media is not anchored (phones
#                            and trunks send their audio to each other)
#   RELAIS_RTP_PORTS         with sip: the UDP ports rtpengine carries audio on, first-last (default
#                            30000-30999: two a call leg)
#   RELAIS_SIP_MEDIA         with sip: rtpengine (default: the calls' audio anchored in rtpengine where
#                            it is installed) or direct (rtpengine not started: phones and trunks
#                            send their audio to each other, with no prompts, music or recording)
#   RELAIS_JAVA_OPTIONS      options of the Java virtual machine (default: the ZGC collector, whose
#                            pauses stay under a millisecond where G1's young collections stop
#                            every call for tens of milliseconds; a heap of up to 1.5 GB that it
#                            keeps near 384 MB when it can, and memory unused for 30 s given back)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

port="${RELAIS_PORT:-8080}"
data="$(mkdir -p "${RELAIS_DATA:-./data}" && cd "${RELAIS_DATA:-./data}" && pwd)"
db="${RELAIS_DB:-h2}"
demo="${RELAIS_DEMO:-true}"
switch="${RELAIS_SWITCH:-simulated}"

war="web/target/relais.war"
micro="payara-config/target/runtime/payara-micro.jar"
if [[ ! -f "$war" || ! -f "$micro" ]]; then
  echo "Building Relais (first run)..."
  mvn -q -B -DskipTests package
fi

# Asadmin escapes ':' and '=' inside property values with a backslash.
escape() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/:/\\:/g' -e 's/=/\\=/g'; }

postboot="$data/postboot.asadmin"
extra=()
sysprops=(-Drelais.demo="$demo" -Drelais.switch="$switch")
case "$db" in
  h2)
    sysprops+=(-Drelais.h2.path="$data/relais")
    cp payara-config/src/main/config/h2.asadmin "$postboot"
    ;;
  postgres)
    url="${RELAIS_DB_URL:-jdbc:postgresql://127.0.0.1:5432/relais}"
    {
      printf 'create-jdbc-connection-pool --datasourceclassname=org.postgresql.ds.PGSimpleDataSource --restype=javax.sql.DataSource --steadypoolsize=4 --maxpoolsize=32 --property=URL="%s":user="%s":password="%s":currentSchema="%s" RelaisPool\n' \
        "$(escape "$url")" "$(escape "${RELAIS_DB_USER:-relais}")" "$(escape "${RELAIS_DB_PASSWORD:-}")" "$(escape "${RELAIS_DB_SCHEMA:-public}")"
      echo 'create-jdbc-resource --connectionpoolid=RelaisPool jdbc/relais'
    } > "$postboot"
    chmod 600 "$postboot"
    extra+=(--addlibs payara-config/target/runtime/postgresql.jar)
    ;;
  *)
    echo "RELAIS_DB must be h2 or postgres, not '$db'" >&2
    exit 2
    ;;
esac

case "$switch" in
  simulated) ;;
  sip)
    kamailio="$(PATH="$PATH:/usr/sbin:/sbin" command -v kamailio || true)"
    if [[ -z "$kamailio" ]]; then
      echo "RELAIS_SWITCH=sip needs Kamailio: install the Debian package kamailio" >&2
      exit 2
    fi
    sip_address="${RELAIS_SIP_ADDRESS:-127.0.0.1}"
    sip_port="${RELAIS_SIP_PORT:-5060}"
    sip_rpc="$sip_address:${RELAIS_SIP_RPC_PORT:-5061}"
    mkdir -p "$data/kamailio"
    # -DD: in the foreground, its workers forked all the same (-D alone forks none, and serves no
    # TCP).
    "$kamailio" -f payara-config/telephony/kamailio.cfg -DD -E -l "udp:$sip_address:$sip_port" \
      -l "tcp:$sip_address:$sip_port" \
      -A "RPC_SOCKET=\"udp:$sip_rpc\"" -A "RELAIS=\"$sip_address:${RELAIS_SIP_TRUNK_PORT:-5080}\"" \
      -P "$data/kamailio/kamailio.pid" -Y "$data/kamailio" -m 32 -M 4 >> "$data/kamailio.log" 2>&1 &
    children=($!)
    trap 'kill "${children[@]}" 2>/dev/null || true' EXIT
    sleep 1
    if ! kill -0 "${children[0]}" 2>/dev/null; then
      echo "Kamailio did not start: see $data/kamailio.log" >&2
      exit 1
    fi
    echo "Kamailio (agents' phones) on $sip_address:$sip_port, UDP and TCP"
    rtpengine="$(PATH="$PATH:/usr/sbin:/sbin" command -v rtpengine || true)"
    case "${RELAIS_SIP_MEDIA:-rtpengine}" in
      rtpengine) ;;
      direct) rtpengine="" ;;
      *)
        echo "RELAIS_SIP_MEDIA must be rtpengine or direct, not '$RELAIS_SIP_MEDIA'" >&2
        exit 2
        ;;
    esac
    if [[ -n "$rtpengine" ]]; then
      rtpengine_ng="$sip_address:${RELAIS_RTPENGINE_PORT:-2223}"
      rtp_ports="${RELAIS_RTP_PORTS:-30000-30999}"
      # Userspace (no kernel module, table -1), in the foreground as Kamailio is, with none of the
      # system's configuration (Debian's opens an HTTP listener on 2225, which a second rtpengine on
      # the machine cannot bind: it would exit). Its command line socket on the next port, not on
      # 2224, where a system rtpengine may be. The keys callers press go to Relais on the third port
      # after the NG one (the second, 2225 by default, is a system rtpengine's HTTP listener).
      rtpengine_port="${RELAIS_RTPENGINE_PORT:-2223}"
      dtmf="$sip_address:$((rtpengine_port + 3))"
      "$rtpengine" --config-file=none --foreground --log-stderr --table=-1 --interface="$sip_address" \
        --listen-ng="$rtpengine_ng" --listen-cli="$sip_address:$((rtpengine_port + 1))" \
        --dtmf-log-dest="$dtmf" --port-min="${rtp_ports%-*}" --port-max="${rtp_ports#*-}" \
        --recording-method=pcap --recording-dir="$data/rtpengine-recordings" \
        --pidfile="$data/rtpengine.pid" >> "$data/rtpengine.log" 2>&1 &
      children+=($!)
      sleep 1
      if ! kill -0 "${children[1]}" 2>/dev/null; then
        echo "rtpengine did not start: see $data/rtpengine.log" >&2
        exit 1
      fi
      echo "rtpengine (calls' audio) controlled on $rtpengine_ng/udp, audio on ports $rtp_ports"
      sysprops+=(-Drelais.sip.rtpengine="$rtpengine_ng"
        -Drelais.sip.prompts="$root/payara-config/telephony/prompts"
        -Drelais.sip.recordings="$data/rtpengine-recordings" -Drelais.sip.dtmf="$dtmf")
    elif [[ ${RELAIS_SIP_MEDIA:-rtpengine} == direct ]]; then
      echo "RELAIS_SIP_MEDIA=direct: the calls' audio is not anchored, phones and trunks send it" \
        "to each other"
    else
      echo "rtpengine is not installed (Debian package rtpengine-daemon): the calls' audio is not" \
        "anchored, phones and trunks send it to each other" >&2
    fi
    sysprops+=(-Drelais.sip.address="$sip_address" -Drelais.sip.port="${RELAIS_SIP_TRUNK_PORT:-5080}"
      -Drelais.sip.registrar="$sip_address:$sip_port" -Drelais.sip.registrar-rpc="$sip_rpc"
      -Drelais.sip.trunks="${RELAIS_SIP_TRUNKS:-127.0.0.1}")
    if [[ -n "${RELAIS_SIP_OUTBOUND_TRUNK:-}" ]]; then
      sysprops+=(-Drelais.sip.outbound-trunk="$RELAIS_SIP_OUTBOUND_TRUNK")
    fi
    ;;
  *)
    echo "RELAIS_SWITCH must be simulated or sip, not '$switch'" >&2
    exit 2
    ;;
esac

if [[ -z "${RELAIS_OPERATOR_PASSWORD:-}" && "$demo" == "true" ]]; then
  export RELAIS_OPERATOR_PASSWORD=operator
fi

demo_warning() {
  if [[ "$demo" == "true" ]]; then
    echo "*** DEMO MODE is on: demo account with short passwords, passwords of 4 characters accepted."
    echo "*** Not for production. Turn it off with: RELAIS_DEMO=false RELAIS_OPERATOR_PASSWORD=<12+ characters> $0"
  fi
}
demo_warning

mkdir -p "$data/tmp"
read -r -a jvm <<< "${RELAIS_JAVA_OPTIONS:--XX:+UseZGC -Xms64m -Xmx1536m -XX:SoftMaxHeapSize=384m -XX:ZUncommitDelay=30}"
# Relais keeps nothing in Payara's data grid (its timers are not persistent, its sessions live in
# memory): Hazelcast is not started at all.
micro_options=(--nohazelcast "${extra[@]}")

# Payara Micro's runtime folder is prepared once, then reused by every start (Payara's
# "separating configuration from production run"): the runtime's jars unpacked with a launcher,
# the data source made, the application deployed, and a class data sharing archive of the classes
# a start loads. A restart then neither unpacks, configures nor expands anything, and maps the
# archived classes instead of reading and verifying them again. The preparation is one start of
# Relais (it runs and stops), made again whenever the application, the runtime, the settings or
# the Java runtime change. The database lives apart from it.
runtime="$data/payara"
prepared=$( {
  sha256sum "$war" "$micro" "$postboot"
  printf '%s\n' "${jvm[@]}" "${sysprops[@]}" "${micro_options[@]}"
  java -version 2>&1
} | sha256sum | cut -d' ' -f1)
if [[ ! -f "$runtime/launch-micro.jar" || "$(cat "$runtime/prepared" 2>/dev/null)" != "$prepared" ]]; then
  echo "Preparing the runtime (first start after a build or a change of settings)..."
  rm -rf "$runtime"
  java -jar "$micro" --rootdir "$runtime" --outputlauncher > "$data/prepare.log" 2>&1
  # A warm-up that does not stop by itself within 15 minutes is taken as failed.
  timeout 900 java "${jvm[@]}" -XX:ArchiveClassesAtExit="$runtime/classes.jsa" -Djava.io.tmpdir="$data/tmp" \
    "${sysprops[@]}" -jar "$runtime/launch-micro.jar" "${micro_options[@]}" \
    --port "$port" --postbootcommandfile "$postboot" --deploy "$war:/" --warmup >> "$data/prepare.log" 2>&1 || true
  if [[ ! -f "$runtime/classes.jsa" ]] || ! grep -q '<application ' "$runtime/config/domain.xml" \
      || grep -q "Exception while loading the app\|Exception while deploying\|deployment failed" \
        "$data/prepare.log"; then
    echo "Relais could not be prepared: see $data/prepare.log" >&2
    rm -rf "$runtime"
    exit 1
  fi
  echo "$prepared" > "$runtime/prepared"
fi

java "${jvm[@]}" -XX:SharedArchiveFile="$runtime/classes.jsa" -Djava.io.tmpdir="$data/tmp" \
  "${sysprops[@]}" -jar "$runtime/launch-micro.jar" "${micro_options[@]}" \
  --port "$port" 2>&1 | tee "$data/relais.log" | while IFS= read -r line; do
    printf '%s\n' "$line"
    if [[ "$line" == *"Payara Micro"*"ready in"* ]]; then
      if grep -q "Exception while loading the app\|Exception while deploying\|deployment failed" "$data/relais.log"; then
        echo "Relais failed to deploy: see $data/relais.log" >&2
      else
        echo
        echo "Relais is ready: http://localhost:$port/"
        if [[ "$demo" == "true" ]]; then
          echo "Demo logins (account 'demo'): admin/admin, superviseur/superviseur, agent1..agent3/agent; operator/operator (API)"
          demo_warning
        fi
        echo "Stop with Ctrl-C."
      fi
    fi
  done
