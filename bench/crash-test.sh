#!/usr/bin/env bash
# Crash test: "250 means stored" across kill -9.
#   20 SMTP sessions send 2000 messages with unique ids (bench/crash_load.py records every id that
#   got 250 the moment it got it); midway Payara is killed with SIGKILL; the domain is started
#   again, and once the queue has drained the mailbox is counted over POP3: every acknowledged
#   message must be there exactly once.
# Needs a built tree (./merpati test or mvn package: server/target/payara6 and merpati.ear).
#   BENCH_PORTBASE  ports of the bench domain (SMTP +25, POP3 +10)  [31500]
#   MESSAGES        messages to send                                 [2000]
#   KILL_AFTER      kill when this many were acknowledged            [MESSAGES/2]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export PAYARA_HOME=$root/server/target/payara6
EAR=$root/server/target/merpati.ear
work=$root/bench/target/crash
base=${BENCH_PORTBASE:-31500}
MESSAGES=${MESSAGES:-2000}
KILL_AFTER=${KILL_AFTER:-$((MESSAGES / 2))}
[[ -x $PAYARA_HOME/bin/asadmin && -f $EAR ]] || { echo "build first: ./merpati test (or mvn package)"; exit 2; }

export DOMAIN_DIR=$work/domains DATA_DIR=$work/data PORTBASE=$base
export SMTP_PORT=$((base + 25)) POP3_PORT=$((base + 10)) IMAP_PORT=$((base + 43))
export MAIL_HOSTNAME=mail.merpati.test BIND_ADDRESS=127.0.0.1
export DEMO_ACCOUNTS='bench@merpati.test:bench-secret'
# a short grace period, so the sweeper re-drives what lost its JMS message soon after the restart
export QUEUE_RETRY_SECONDS=10
domain=$root/server/scripts/domain.sh

"$domain" stop
rm -rf "$work"
mkdir -p "$work"
"$domain" provision
"$domain" start
"$PAYARA_HOME/bin/asadmin" --port $((base + 48)) create-system-properties merpati.queue.sweepGraceSeconds=20 >/dev/null
"$PAYARA_HOME/bin/asadmin" --port $((base + 48)) create-system-properties merpati.queue.sweepSeconds=10 >/dev/null
"$domain" deploy "$EAR"
acked=$work/acked.txt
: >"$acked"

python3 "$root/bench/crash_load.py" send --port "$SMTP_PORT" --acked "$acked" --messages "$MESSAGES" --sessions 20 --run a &
loader=$!
while (( $(wc -l <"$acked") < KILL_AFTER )); do
    kill -0 $loader 2>/dev/null || break
    sleep 0.2
done
pid=$(cat "$DOMAIN_DIR/merpati/config/pid")
echo "crash-test: $(wc -l <"$acked") acknowledged; kill -9 $pid"
kill -9 "$pid"
wait $loader || true
echo "crash-test: $(wc -l <"$acked") acknowledged in all before the crash"

"$domain" start
echo "crash-test: restarted; waiting for the queue to drain"
last=-1 stable=0
for _ in $(seq 1 120); do
    n=$(python3 - "$POP3_PORT" <<'PY'
import poplib, sys
p = poplib.POP3("127.0.0.1", int(sys.argv[1]), timeout=30)
p.user("bench@merpati.test"); p.pass_("bench-secret")
print(p.stat()[0]); p.quit()
PY
    ) || n=-1
    if (( n >= $(wc -l <"$acked") && n == last )); then
        stable=$((stable + 1))
        (( stable >= 6 )) && break
    else
        stable=0
    fi
    last=$n
    sleep 5
done
rc=0
python3 "$root/bench/crash_load.py" count --port "$POP3_PORT" --acked "$acked" || rc=$?
"$domain" stop
exit $rc
