#!/usr/bin/env bash
# POP3 retrieval, Merpati against Dovecot in the same run: ../shared/anchors/pop3_bench.py (one
# session, RETR of every message) alternately against each server, RUNS times.
#
# Fill both maildrops first, e.g. 5,000 messages of 4 KiB each:
#   smtp-source -s 10 -m 5000 -l 4096 -f alice@merpati.test -t bob@merpati.test 127.0.0.1:2525
#   smtp-source -s 10 -m 5000 -l 4096 -f alice@anchor.test -t bench@anchor.test 127.0.0.1:12525
# (the anchors: ../shared/anchors/setup.sh once, start.sh before, stop.sh after).
#
# Env: RUNS [3], ANCHORS [../../shared/anchors], MERPATI_POP3_PORT [1110],
#      MERPATI_USER [bob@merpati.test], MERPATI_PASSWORD [bob-secret], DOVECOT_POP3_PORT [11110]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
anchors=${ANCHORS:-$here/../../shared/anchors}
runs=${RUNS:-3}
merpati_port=${MERPATI_POP3_PORT:-1110}
dovecot_port=${DOVECOT_POP3_PORT:-11110}

for run in $(seq 1 "$runs"); do
    echo "run $run, load $(cut -d' ' -f1-3 /proc/loadavg)"
    printf '  merpati  '
    python3 "$anchors/pop3_bench.py" 127.0.0.1 "$merpati_port" "${MERPATI_USER:-bob@merpati.test}" \
        "${MERPATI_PASSWORD:-bob-secret}"
    printf '  dovecot  '
    python3 "$anchors/pop3_bench.py" 127.0.0.1 "$dovecot_port" bench@anchor.test pass
done
