#!/usr/bin/env bash
# Heap and RSS of Payara with 10,000 IMAP sessions in IDLE (issue 6: <= 1 GiB heap), and an SMTP
# delivery waking the IDLE sessions of one account. Against a running domain, e.g. the IT domain:
#   PAYARA_HOME=server/target/payara6 IT_DIR=server/target/it EAR=server/target/merpati.ear \
#     IT_PORTBASE=35000 server/scripts/it-domain.sh start
#   bench/imap-idle-heap.sh 35000
# (then it-domain.sh stop). The accounts idle1..idleN@merpati.test are made through the admin REST
# API as alice (the IT domain's admin). Each side holds one socket per session: the client's and
# Payara's open-file limits (ulimit -n, inherited by Payara from the shell that started it) must
# exceed CONNS plus a few hundred.
#
# Env: CONNS [10000], ACCOUNTS [20], PARALLEL [64] (logins in flight), PID [the Payara of the port base]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
base=${1:-${PORTBASE:-35000}}
conns=${CONNS:-10000}
# the Payara that listens on the IMAP port
pid=${PID:-$(ss -ltnpH "sport = :$((base + 43))" | grep -oE 'pid=[0-9]+' | head -1 | cut -d= -f2)}
: "${pid:?no Payara listening on port $((base + 43))}"
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
need=$((conns + 200))
for p in self "$pid"; do
    limit=$(awk '/Max open files/ {print $4}' "/proc/$p/limits")
    if ((limit < need)); then
        echo "open-file limit of $p is $limit, below $need: raise it (ulimit -n) before starting" >&2
        exit 1
    fi
done
echo "# imap-idle-heap $(date -u +%FT%TZ) pid=$pid conns=$conns load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $(tr '\0' '\n' <"/proc/$pid/cmdline" | grep -E -- '^-Xmx|^-XX:\+Use.*GC' | tr '\n' ' ')"
python3 "$here/imap_idle_heap.py" --pid "$pid" --imap-port $((base + 43)) --smtp-port $((base + 25)) \
    --admin-url "http://127.0.0.1:$((base + 80))/admin/api" --accounts "${ACCOUNTS:-20}" --conns "$conns" \
    --parallel "${PARALLEL:-64}"
