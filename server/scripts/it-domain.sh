#!/usr/bin/env bash
# The integration tests' Payara domain: fresh for every run, in the build folder, on its own ports,
# so it never touches the dev run's domain or data. Called by Maven around the integration-test phase.
#
# Ports are offsets from IT_PORTBASE (the tests' TestServer uses the same offsets):
#   Payara: admin +48, HTTP +80, JMS +76 (Payara's own portbase scheme), Hazelcast +90/+91
#   mail:   SMTP +25, remote SMTP peer +30 (closed: +31, never answering: +32, relay host +33, closed until a test listens: +34), POP3 +10, IMAP +43, IMAPS +93, POP3S +95, submission +87, SMTPS +65
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
base=${IT_PORTBASE:?IT_PORTBASE is not set}

export DOMAIN_DIR=$IT_DIR/domains DATA_DIR=$IT_DIR/data PORTBASE=$base
export SMTP_PORT=$((base + 25)) POP3_PORT=$((base + 10)) IMAP_PORT=$((base + 43))
export SUBMISSION_PORT=$((base + 87)) SMTPS_PORT=$((base + 65))
export POP3S_PORT=$((base + 95)) IMAPS_PORT=$((base + 93))
export MAIL_HOSTNAME=mail.merpati.test BIND_ADDRESS=127.0.0.1
# Only 127.0.0.1 may relay: a test client that binds 127.0.0.2 plays an outside client.
export RELAY_NETWORKS=127.0.0.1/32 WEB_PLAINTEXT_NETWORKS=127.0.0.1/32
export DEMO_ACCOUNTS='alice@merpati.test:alice-secret,bob@merpati.test:bob-secret'
# Deferred mail: retried every 5 s, returned after 25 s; alice may use the admin REST API.
# Remote delivery: remote.test goes to the SMTP peer RemoteDeliveryIT runs on +30; remote.invalid
# to +31, where nothing listens (mail to it stays deferred without leaving the machine).
# stuck.test to +32, where DeliveryIsolationIT accepts connections and never answers; reopened.test
# to +34, closed until QueueAdminIT starts a peer there (a destination that comes back).
export TRANSPORT_MAP="remote.test=127.0.0.1:$((base + 30)),remote.invalid=[127.0.0.1]:$((base + 31)),stuck.test=127.0.0.1:$((base + 32)),reopened.test=[127.0.0.1]:$((base + 34))"
# Every other remote domain goes to the relay host on +33 (RelayHostIT listens there; closed
# otherwise), logging in as relay-user: no test mail ever looks up or reaches a real MX host.
export RELAY_HOST="[127.0.0.1]:$((base + 33))"
# The relay host's key: made here with keytool (self-signed for relay.test and 127.0.0.1), used by
# RelayHostIT's peer (TestServer.RELAY_HOST_KEYSTORE, password TestKeystore.PASSWORD); the domain
# checks the relay host's certificate against a trust store that holds only its certificate.
RELAY_TLS_DIR=$IT_DIR/relay-host
RELAY_TLS_PASSWORD=test-secret
# A silent server is given up after 30 s (instead of Postfix's 5 minutes).
# (asadmin splits --property values on ':' and '=': escape them in the path.)
export SMTP_CLIENT_PROPERTIES="connectTimeout=30:heloTimeout=30:relayUsername=relay-user:relayPassword=relay-secret:relayTrustStore=$(sed -e 's/[:=]/\\&/g' <<<"$RELAY_TLS_DIR/trust.p12"):relayTrustStorePassword=$RELAY_TLS_PASSWORD"
export QUEUE_RETRY_SECONDS=5 QUEUE_LIFETIME_SECONDS=25 ADMINS=alice@merpati.test

# The relay host's key and the domain's trust store for it (relayTrustStore).
make_relay_host_keys() {
    local log=$RELAY_TLS_DIR/keytool.log
    mkdir -p "$RELAY_TLS_DIR"
    keytool -genkeypair -alias merpati -keyalg EC -groupname secp256r1 -validity 30 \
        -dname CN=relay.test -ext SAN=dns:relay.test,ip:127.0.0.1 \
        -storetype PKCS12 -keystore "$RELAY_TLS_DIR/relay.p12" -storepass "$RELAY_TLS_PASSWORD" >>"$log" 2>&1 &&
    keytool -exportcert -rfc -alias merpati -keystore "$RELAY_TLS_DIR/relay.p12" \
        -storepass "$RELAY_TLS_PASSWORD" -file "$RELAY_TLS_DIR/relay.pem" >>"$log" 2>&1 &&
    keytool -importcert -noprompt -alias relay.test -file "$RELAY_TLS_DIR/relay.pem" \
        -storetype PKCS12 -keystore "$RELAY_TLS_DIR/trust.p12" -storepass "$RELAY_TLS_PASSWORD" >>"$log" 2>&1 ||
    { echo "it-domain: keytool failed:" >&2; cat "$log" >&2; exit 1; }
}

case "$1" in
    start)
        "$here/domain.sh" stop
        rm -rf "$IT_DIR"
        make_relay_host_keys
        "$here/domain.sh" provision
        "$here/domain.sh" start
        "$here/domain.sh" deploy "$EAR"
        ;;
    stop)
        "$here/domain.sh" stop
        ;;
esac
