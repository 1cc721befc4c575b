#!/usr/bin/env bash
# IMAP, Merpati against Dovecot in the same run: ../shared/anchors/imap_bench.py (each process
# loops connect, LOGIN, SELECT INBOX, FETCH 1:* ENVELOPE, 20 random BODY.PEEK[], LOGOUT) alternately
# against each server (M, D, M, D, ...), RUNS times each, both INBOXes holding the same 500
# generated messages (gen_mbox.py, loaded by APPEND through imap_bench.py --seed-mbox). Prints each
# run with the machine's load, then the medians and the ratios Merpati / Dovecot.
#
#   bench/imap-compare.sh 35000        # a running Merpati domain on this port base (IT domain: +43 IMAP, +80 HTTP)
#
# Dovecot: the anchors (../shared/anchors: setup.sh once; start.sh is called here if IMAP 11143 is
# closed; stop.sh is left to you, others may use them). The Merpati account imapbench@merpati.test
# is made through the admin REST API as alice (the IT domain's admin) if missing.
#
# Env: RUNS [2], SECS [20], PROCS [4], MESSAGES [500], ANCHORS [../../shared/anchors],
#      ANCHORS_WORK [/tmp/anchors-work], DOVECOT_IMAP_PORT [11143], ADMIN [alice@merpati.test:alice-secret]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
base=${1:-${PORTBASE:-35000}}
anchors=${ANCHORS:-$here/../../shared/anchors}
runs=${RUNS:-2}; secs=${SECS:-20}; procs=${PROCS:-4}; messages=${MESSAGES:-500}
work=${ANCHORS_WORK:-/tmp/anchors-work}
merpati_port=$((base + 43)); dovecot_port=${DOVECOT_IMAP_PORT:-11143}
merpati_user=imapbench@merpati.test merpati_password=imapbench-secret
mbox=$work/data/imap-compare-$messages.mbox
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

if ! (exec 3<>"/dev/tcp/127.0.0.1/$dovecot_port") 2>/dev/null; then
    "$anchors/start.sh"
fi
mkdir -p "$work/data"
[[ -s $mbox ]] || python3 "$anchors/gen_mbox.py" "$messages" >"$mbox"
curl -s -o /dev/null -u "${ADMIN:-alice@merpati.test:alice-secret}" -X PUT -H 'Content-Type: text/plain' \
    --data-binary "$merpati_password" "http://127.0.0.1:$((base + 80))/admin/api/accounts/$merpati_user"

bench() { # name port user password [extra args]
    local name=$1 port=$2 user=$3 password=$4
    shift 4
    python3 "$anchors/imap_bench.py" --port "$port" --user "$user" --pass "$password" --procs "$procs" \
        --secs "$secs" "$@"
}
echo "# imap-compare $(date -u +%FT%TZ) cores=$(nproc) runs=$runs secs=$secs procs=$procs messages=$messages"
echo "# seeding both INBOXes with $mbox (APPEND, only if the count differs)"
bench merpati "$merpati_port" "$merpati_user" "$merpati_password" --secs 1 --procs 1 \
    --seed-mbox "$mbox" --seed-count "$messages" >/dev/null
bench dovecot "$dovecot_port" imapbench@anchor.test pass --secs 1 --procs 1 \
    --seed-mbox "$mbox" --seed-count "$messages" >/dev/null

for run in $(seq 1 "$runs"); do
    for server in merpati dovecot; do
        load=$(cut -d' ' -f1-3 /proc/loadavg)
        if [[ $server == merpati ]]; then
            bench merpati "$merpati_port" "$merpati_user" "$merpati_password" >"$out/$server.$run"
        else
            bench dovecot "$dovecot_port" imapbench@anchor.test pass >"$out/$server.$run"
        fi
        echo "== $server run $run [load before: $load]"
        cat "$out/$server.$run"
    done
done

# medians of: sessions/s, FETCH_BODY/s, and the mean latencies of LOGIN, SELECT, FETCH_ENV_ALL, FETCH_BODY
python3 - "$out" "$runs" <<'PY'
import re, statistics, sys
out, runs = sys.argv[1], int(sys.argv[2])
def figures(text):
    f = {"sessions/s": float(re.search(r"sessions=\d+ \(([\d.]+)/s\)", text).group(1))}
    for name in ("LOGIN", "SELECT", "FETCH_ENV_ALL", "FETCH_BODY"):
        m = re.search(r"%s\s+count=\s*\d+\s+([\d.]+)/s\s+mean=([\d.]+) ms" % name, text)
        if m:
            f[name + "/s"] = float(m.group(1))
            f[name + " ms"] = float(m.group(2))
    return f
med = {}
for server in ("merpati", "dovecot"):
    runs_f = [figures(open("%s/%s.%d" % (out, server, r)).read()) for r in range(1, runs + 1)]
    med[server] = {k: statistics.median(r[k] for r in runs_f) for k in runs_f[0]}
print("\n%-18s %10s %10s %14s" % ("median", "merpati", "dovecot", "merpati/dovecot"))
for k in ("sessions/s", "FETCH_BODY/s", "LOGIN ms", "SELECT ms", "FETCH_ENV_ALL ms", "FETCH_BODY ms"):
    m, d = med["merpati"].get(k), med["dovecot"].get(k)
    if m is not None and d:
        note = "(throughput: >1 is faster)" if k.endswith("/s") else "(latency: <1 is faster)"
        print("%-18s %10.2f %10.2f %10.2fx %s" % (k, m, d, m / d, note))
PY
