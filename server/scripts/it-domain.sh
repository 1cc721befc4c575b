#!/usr/bin/env bash
# The integration tests' Payara domain: fresh for every run, in the build folder, on its own ports
# (IT_PORTBASE), so it never touches the dev run's domain or data. Called by Maven around
# the integration-test phase.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

export DOMAIN_DIR=$IT_DIR/domains DATA_DIR=$IT_DIR/data PORTBASE=$IT_PORTBASE
export SMTP_PORT=${IT_SMTP_PORT:-} POP3_PORT=${IT_POP3_PORT:-} IMAP_PORT=${IT_IMAP_PORT:-}
export MAIL_HOSTNAME=mail.merpati.test BIND_ADDRESS=127.0.0.1
export DEMO_ACCOUNTS='alice@merpati.test:alice-secret,bob@merpati.test:bob-secret'

case "$1" in
    start)
        "$here/domain.sh" stop
        rm -rf "$IT_DIR"
        "$here/domain.sh" provision
        "$here/domain.sh" start
        "$here/domain.sh" deploy "$EAR"
        ;;
    stop)
        "$here/domain.sh" stop
        ;;
esac
