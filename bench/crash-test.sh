#!/usr/bin/env bash
# Crash test: "250 means stored" across kill -9.
#   20 SMTP sessions send MESSAGES messages; midway Payara is killed with SIGKILL; the domain is
#   started again, and once the queue has drained the mailbox is counted over POP3: every message
#   that got its 250 must be there exactly once.
#   LOADER=smtp-source (default): Postfix's smtp-source -v, which prints every server reply the
#     moment it reads it. Its messages carry no id of their own (its Message-Id is built from its pid,
#     socket and a counter and is not unique), so a message is known by the queue id of its
#     "250 2.0.0 Ok: queued as ID" reply, which Merpati's Received header repeats ("id ID").
#   LOADER=python: bench/crash_load.py, which puts a unique id in each Subject and records it on 250.
# Needs a built tree (./merpati test or mvn package: server/target/payara6 and merpati.ear).
#   BENCH_PORTBASE  ports of the bench domain (SMTP +25, POP3 +10)  [31500]
#   MESSAGES        messages to send                                 [4000]
#   KILL_AFTER      kill when this many were acknowledged            [MESSAGES/2]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export PAYARA_HOME=$root/server/target/payara6
EAR=$root/server/target/merpati.ear
work=$root/bench/target/crash
base=${BENCH_PORTBASE:-31500}
MESSAGES=${MESSAGES:-4000}
LOADER=${LOADER:-smtp-source}
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

if [[ $LOADER == smtp-source ]]; then
    key=queue-id
    # smtp-source -v logs "<<< 250 2.0.0 Ok: queued as ID" once it has read the reply; the acked
    # file is the list of those ids. It stops at the first lost connection, i.e. at the kill.
    /usr/sbin/smtp-source -v -s 20 -m "$MESSAGES" -l 4096 -f load@example.org -t bench@merpati.test \
        -M client.example.org 127.0.0.1:"$SMTP_PORT" 2>"$work/smtp-source.log" &
    loader=$!
    acked_now() { grep -o 'queued as [0-9A-Za-z]*' "$work/smtp-source.log" | cut -d ' ' -f 3 >"$acked"; wc -l <"$acked"; }
else
    key=subject
    python3 "$root/bench/crash_load.py" send --port "$SMTP_PORT" --acked "$acked" --messages "$MESSAGES" --sessions 20 --run a &
    loader=$!
    acked_now() { wc -l <"$acked"; }
fi
while (( $(acked_now) < KILL_AFTER )); do
    kill -0 $loader 2>/dev/null || break
    sleep 0.2
done
pid=$(cat "$DOMAIN_DIR/merpati/config/pid")
echo "crash-test: $(acked_now) acknowledged; kill -9 $pid"
kill -9 "$pid"
wait $loader || true
echo "crash-test: $(acked_now) acknowledged in all before the crash"

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
python3 "$root/bench/crash_load.py" count --key "$key" --port "$POP3_PORT" --acked "$acked" || rc=$?
"$domain" stop
exit $rc
