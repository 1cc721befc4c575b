#!/usr/bin/env bash
# SMTP throughput, Merpati side by side with Postfix + Dovecot (../shared/anchors), alternating run
# by run: smtp-source -s SESS -m MSGS -l SIZE to one mailbox; prints accepted msg/s (until
# smtp-source is done) and accepted→in-mailbox msg/s (until the mailbox holds them all), the machine
# load at each run, and per pair of runs the ratio Merpati / Postfix (≥ 1.0 is the goal).
#
# Merpati: by default a domain of its own is made from the built tree (server/target/payara6,
# merpati.ear) on BENCH_PORTBASE; with SMTP_PORT and POP3_PORT set, an already running Merpati
# (e.g. the IT domain) is measured instead, delivering to RCPT / RCPT_PASSWORD.
# Postfix + Dovecot are measured when ANCHORS (default /work/shared/anchors) is set up (setup.sh)
# and started (start.sh).
#   RUNS [2]  MSGS [2000]  SESS [20]  SIZE [4096]  BENCH_PORTBASE [31500]  ANCHOR_USER [user37]
#   SMTP_PORT POP3_PORT  RCPT [bob@merpati.test]  RCPT_PASSWORD [bob-secret]
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${RUNS:-2} MSGS=${MSGS:-2000} SESS=${SESS:-20} SIZE=${SIZE:-4096}
ANCHORS=${ANCHORS:-/work/shared/anchors}
ANCHOR_USER=${ANCHOR_USER:-user37}
domain=$root/server/scripts/domain.sh
own_domain=0
if [[ -z ${SMTP_PORT:-} || -z ${POP3_PORT:-} ]]; then
    own_domain=1
    base=${BENCH_PORTBASE:-31500}
    work=$root/bench/target/throughput
    export PAYARA_HOME=$root/server/target/payara6
    export DOMAIN_DIR=$work/domains DATA_DIR=$work/data PORTBASE=$base
    export SMTP_PORT=$((base + 25)) POP3_PORT=$((base + 10)) IMAP_PORT=$((base + 43))
    export SUBMISSION_PORT=$((base + 87)) SMTPS_PORT=$((base + 65)) POP3S_PORT=$((base + 95)) IMAPS_PORT=$((base + 93))
    export MAIL_HOSTNAME=mail.merpati.test BIND_ADDRESS=127.0.0.1
    export DEMO_ACCOUNTS=bench@merpati.test:bench-secret
    RCPT=bench@merpati.test RCPT_PASSWORD=bench-secret
fi
RCPT=${RCPT:-bob@merpati.test} RCPT_PASSWORD=${RCPT_PASSWORD:-bob-secret}
now() { date +%s.%N; }
load() { cut -d ' ' -f 1-3 /proc/loadavg; }

pop3_count() {
    python3 - "$POP3_PORT" "$RCPT" "$RCPT_PASSWORD" <<'PY' 2>/dev/null || echo 0
import poplib, sys
p = poplib.POP3("127.0.0.1", int(sys.argv[1]), timeout=30)
p.user(sys.argv[2]); p.pass_(sys.argv[3]); print(p.stat()[0]); p.quit()
PY
}

# measure NAME PORT RECIPIENT COUNT-COMMAND: prints one line, sets ACCEPTED and DELIVERED (msg/s)
measure() {
    local name=$1 port=$2 rcpt=$3 count=$4 t0 t1 t2 n start rc before
    start=$(eval "$count")
    before=$(load)
    t0=$(now)
    /usr/sbin/smtp-source -s "$SESS" -m "$MSGS" -l "$SIZE" -f sender@example.org -t "$rcpt" -M client.example.org \
        127.0.0.1:"$port"
    rc=$?
    t1=$(now)
    while :; do
        n=$(( $(eval "$count") - start ))
        [[ $n -ge $MSGS ]] && break
        awk -v a="$t0" -v b="$(now)" 'BEGIN{exit !(b-a>900)}' && break
        sleep 0.2
    done
    t2=$(now)
    ACCEPTED=$(awk -v m="$MSGS" -v t0="$t0" -v t1="$t1" 'BEGIN{printf "%.1f", m/(t1-t0)}')
    DELIVERED=$(awk -v n="$n" -v t0="$t0" -v t2="$t2" 'BEGIN{printf "%.1f", n/(t2-t0)}')
    awk -v name="$name" -v m="$MSGS" -v n="$n" -v t0="$t0" -v t1="$t1" -v t2="$t2" -v rc="$rc" \
        -v l0="$before" -v l1="$(load)" 'BEGIN{
        printf "%s: smtp-source rc=%d accepted %d in %.1fs = %.1f msg/s; in mailbox %d in %.1fs = %.1f msg/s (load %s -> %s)\n",
            name, rc, m, t1-t0, m/(t1-t0), n, t2-t0, n/(t2-t0), l0, l1 }'
}

echo "# throughput $(date -u +%FT%TZ) cores=$(nproc) runs=$RUNS sessions=$SESS messages=$MSGS size=$SIZE"
if ((own_domain)); then
    "$domain" stop
    rm -rf "$work"
    "$domain" provision >/dev/null
    "$domain" start
    "$domain" deploy "$root/server/target/merpati.ear"
fi
# warm-up: the first message starts the JMS broker and loads the pipeline's classes
python3 -c "import smtplib; s=smtplib.SMTP('127.0.0.1', $SMTP_PORT); s.sendmail('w@example.org', ['$RCPT'], 'Subject: warm-up\r\n\r\nx\r\n'); s.quit()"
sleep 5

ratios=()
for r in $(seq 1 "$RUNS"); do
    measure "merpati run $r" "$SMTP_PORT" "$RCPT" pop3_count
    m_acc=$ACCEPTED m_del=$DELIVERED
    if [[ -x $ANCHORS/measure.sh ]] && ss -ltn | grep -q ':12525 '; then
        # a mailbox of its own (not bench@, which others measure with), counted, never emptied
        md=/tmp/anchors-mail/anchor.test/$ANCHOR_USER/Maildir
        measure "postfix+dovecot run $r" 12525 "$ANCHOR_USER@anchor.test" "find $md/new $md/cur -type f 2>/dev/null | wc -l"
        ratios+=("$(awk -v r="$r" -v a="$m_acc" -v b="$ACCEPTED" -v c="$m_del" -v d="$DELIVERED" 'BEGIN{
            printf "run %d: merpati/postfix accepted %.2fx, in mailbox %.2fx", r, a/b, c/d }')")
    else
        echo "postfix+dovecot run $r: skipped (anchors not started: $ANCHORS/setup.sh and start.sh)"
    fi
done
for line in "${ratios[@]}"; do echo "$line"; done
((own_domain)) && "$domain" stop
exit 0
