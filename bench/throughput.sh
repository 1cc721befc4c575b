#!/usr/bin/env bash
# SMTP throughput, Merpati side by side with Postfix + Dovecot (../shared/anchors), alternating:
# smtp-source -s SESS -m MSGS -l SIZE to one mailbox; prints accepted msg/s (until smtp-source is
# done) and accepted→in-mailbox msg/s (until the mailbox holds them all), and the ratios.
# Needs a built tree (server/target/payara6, merpati.ear). Postfix + Dovecot are measured when
# ANCHORS (default /work/shared/anchors) is set up (its setup.sh) and started (its start.sh).
#   RUNS [2]  MSGS [2000]  SESS [20]  SIZE [4096]  BENCH_PORTBASE [31500]  ANCHOR_USER [user37]
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export PAYARA_HOME=$root/server/target/payara6
EAR=$root/server/target/merpati.ear
RUNS=${RUNS:-2} MSGS=${MSGS:-2000} SESS=${SESS:-20} SIZE=${SIZE:-4096}
base=${BENCH_PORTBASE:-31500}
ANCHORS=${ANCHORS:-/work/shared/anchors}
ANCHOR_USER=${ANCHOR_USER:-user37}
work=$root/bench/target/throughput
export DOMAIN_DIR=$work/domains DATA_DIR=$work/data PORTBASE=$base
export SMTP_PORT=$((base + 25)) POP3_PORT=$((base + 10)) IMAP_PORT=$((base + 43))
export MAIL_HOSTNAME=mail.merpati.test BIND_ADDRESS=127.0.0.1
accounts=""
for r in $(seq 1 "$RUNS"); do accounts+="bench$r@merpati.test:bench-secret,"; done
export DEMO_ACCOUNTS=${accounts%,}
domain=$root/server/scripts/domain.sh
now() { date +%s.%N; }

pop3_count() { # user
    python3 - "$POP3_PORT" "$1" <<'PY' 2>/dev/null || echo 0
import poplib, sys
p = poplib.POP3("127.0.0.1", int(sys.argv[1]), timeout=30)
p.user(sys.argv[2]); p.pass_("bench-secret"); print(p.stat()[0]); p.quit()
PY
}

measure() { # name port recipient count-command
    local name=$1 port=$2 rcpt=$3 count=$4 t0 t1 t2 n base
    base=$(eval "$count")
    t0=$(now)
    /usr/sbin/smtp-source -s "$SESS" -m "$MSGS" -l "$SIZE" -f sender@example.org -t "$rcpt" -M client.example.org \
        127.0.0.1:"$port"
    t1=$(now)
    while :; do
        n=$(( $(eval "$count") - base ))
        [[ $n -ge $MSGS ]] && break
        awk -v a="$t0" -v b="$(now)" 'BEGIN{exit !(b-a>900)}' && break
        sleep 0.2
    done
    t2=$(now)
    awk -v name="$name" -v m="$MSGS" -v n="$n" -v t0="$t0" -v t1="$t1" -v t2="$t2" 'BEGIN{
        printf "%s: accepted %d in %.1fs = %.1f msg/s; in mailbox %d in %.1fs = %.1f msg/s\n",
            name, m, t1-t0, m/(t1-t0), n, t2-t0, n/(t2-t0) }'
}

"$domain" stop
rm -rf "$work"
"$domain" provision >/dev/null
"$domain" start
"$domain" deploy "$EAR"
python3 -c "import smtplib; s=smtplib.SMTP('127.0.0.1', $SMTP_PORT); s.sendmail('w@example.org', ['bench$RUNS@merpati.test'], 'Subject: warm-up\r\n\r\nx\r\n'); s.quit()"
sleep 5

for r in $(seq 1 "$RUNS"); do
    measure "merpati run $r" "$SMTP_PORT" "bench$r@merpati.test" "pop3_count bench$r@merpati.test"
    if [[ -x $ANCHORS/measure.sh ]] && ss -ltn | grep -q ':12525 '; then
        # a mailbox of its own (not bench@, which others measure with), counted, never emptied
        md=/tmp/anchors-mail/anchor.test/$ANCHOR_USER/Maildir
        measure "postfix+dovecot run $r" 12525 "$ANCHOR_USER@anchor.test" "find $md/new $md/cur -type f 2>/dev/null | wc -l"
    else
        echo "postfix+dovecot run $r: skipped (anchors not started: $ANCHORS/setup.sh and start.sh)"
    fi
done
"$domain" stop
