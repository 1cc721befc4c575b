#!/usr/bin/env bash
# SMTP acceptance rate of Merpati (and of the Postfix anchor, when it runs) with Postfix's smtp-source,
# in one run on the same machine. Merpati must be running (./merpati run, or the IT domain).
#
#   bench/smtp-accept.sh            # 20 sessions x 1000 messages each, 4 KiB, to bob@merpati.test
#   SESS=20 MSGS=20000 SIZE=4096 SMTP_PORT=2525 POP3_PORT=1110 bench/smtp-accept.sh
#
# Reports accepted messages per second (smtp-source's run time) and waits until every message has
# reached bob's mailbox (POP3 STAT), so "no error and every message delivered" is checked too.
# The Postfix anchor (../shared/anchors: setup.sh, start.sh) is measured the same way when its
# smtpd answers on ANCHOR_PORT.
set -uo pipefail
SESS=${SESS:-20}; MSGS=${MSGS:-20000}; SIZE=${SIZE:-4096}
HOST=${HOST:-127.0.0.1}; SMTP_PORT=${SMTP_PORT:-2525}; POP3_PORT=${POP3_PORT:-1110}
RCPT=${RCPT:-bob@merpati.test}; RCPT_PASSWORD=${RCPT_PASSWORD:-bob-secret}; SENDER=${SENDER:-alice@merpati.test}
ANCHOR_PORT=${ANCHOR_PORT:-12525}; DELIVERY_TIMEOUT=${DELIVERY_TIMEOUT:-900}
SOURCE=/usr/sbin/smtp-source
[[ -x $SOURCE ]] || { echo "smtp-source missing: run scripts/test-tools.sh" >&2; exit 2; }

now() { date +%s.%N; }
# How many messages RCPT's mailbox holds (POP3 STAT); retried while another session holds the maildrop.
stat_count() {
    python3 - "$HOST" "$POP3_PORT" "$RCPT" "$RCPT_PASSWORD" <<'PY'
import poplib, sys, time
for attempt in range(30):
    try:
        p = poplib.POP3(sys.argv[1], int(sys.argv[2]), timeout=60)
        p.user(sys.argv[3]); p.pass_(sys.argv[4])
        print(p.stat()[0]); p.quit()
        break
    except poplib.error_proto:
        time.sleep(1)
else:
    sys.exit(1)
PY
}

echo "# smtp-accept $(date -u +%FT%TZ) cores=$(nproc) sessions=$SESS messages=$MSGS size=$SIZE"
before=$(stat_count) || { echo "cannot log in to POP3 on $POP3_PORT" >&2; exit 2; }
t0=$(now)
load0=$(cut -d ' ' -f 1-3 /proc/loadavg)
"$SOURCE" -s "$SESS" -m "$MSGS" -l "$SIZE" -f "$SENDER" -t "$RCPT" -M merpati.test "$HOST:$SMTP_PORT"
rc=$?
t1=$(now)
delivered=0
while :; do
    count=$(stat_count) && delivered=$((count - before))
    [[ $delivered -ge $MSGS ]] && break
    awk -v a="$t0" -v b="$(now)" -v t="$DELIVERY_TIMEOUT" 'BEGIN{exit !(b-a>t)}' && break
    sleep 1
done
t2=$(now)
awk -v m="$MSGS" -v n="$delivered" -v t0="$t0" -v t1="$t1" -v t2="$t2" -v rc="$rc" \
    -v l0="$load0" -v l1="$(cut -d ' ' -f 1-3 /proc/loadavg)" 'BEGIN{
    printf "merpati: smtp-source rc=%d accepted %d msgs in %.1fs = %.0f msg/s; delivered %d/%d in %.1fs = %.0f msg/s end-to-end (load %s -> %s)\n",
        rc, m, t1-t0, m/(t1-t0), n, m, t2-t0, n/(t2-t0), l0, l1 }'
status=0
if [[ $rc -ne 0 || $delivered -ne $MSGS ]]; then
    status=1
    echo "FAIL: smtp-source rc=$rc, $delivered of $MSGS messages in the mailbox" >&2
else
    echo "PASS: smtp-source completed without error and all $MSGS messages reached $RCPT"
fi

if (exec 3<>/dev/tcp/127.0.0.1/"$ANCHOR_PORT") 2>/dev/null; then
    t0=$(now)
    "$SOURCE" -s "$SESS" -m "$MSGS" -l "$SIZE" -f sender@anchor.test -t bench@anchor.test -M anchor.test \
        127.0.0.1:"$ANCHOR_PORT"
    arc=$?
    t1=$(now)
    awk -v m="$MSGS" -v t0="$t0" -v t1="$t1" -v rc="$arc" 'BEGIN{
        printf "postfix: smtp-source rc=%d accepted %d msgs in %.1fs = %.0f msg/s\n", rc, m, t1-t0, m/(t1-t0) }'
else
    echo "postfix anchor not running on $ANCHOR_PORT (see ../shared/anchors/start.sh): not measured"
fi
exit $status
