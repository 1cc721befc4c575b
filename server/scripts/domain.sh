#!/usr/bin/env bash
# Prepares, starts, deploys to and stops a Payara Server domain for Merpati, with asadmin only.
# Used by ./merpati (the dev run) and by the integration tests (server/scripts/it-domain.sh).
#
#   domain.sh provision   create and configure the domain if it does not exist yet
#   domain.sh start       start the domain (in the background) and wait until it answers
#   domain.sh deploy EAR  deploy (or redeploy) the application as "merpati"
#   domain.sh stop        stop the domain; kill it if it does not stop
#
# Settings come from the environment (defaults are the dev run's); the merpati.* system properties
# below are the application settings of README.md's table (dev.merpati.settings.MailSettings):
#   PAYARA_HOME      the unpacked Payara Server (required)
#   DOMAIN_DIR       folder that holds the domain            (required)
#   DOMAIN_NAME      domain name                              [merpati]
#   PORTBASE         Payara port base; empty = Payara's defaults (admin 4848, HTTP 8080, JMS 7676)
#   DATA_DIR         where the H2 database lives              (required)
#   MAIL_HOSTNAME    the server's host name in greetings and headers [the machine's name]
#   SMTP_PORT POP3_PORT IMAP_PORT                             [2525 1110 1143]
#   SUBMISSION_PORT SMTPS_PORT  SMTP submission, implicit TLS [2587 2465]
#   POP3S_PORT       POP3 over implicit TLS                   [1995]
#   IMAPS_PORT       IMAP over implicit TLS                   [1993]
#   BIND_ADDRESS     address the mail listeners bind          [0.0.0.0]
#   RELAY_NETWORKS   clients that may relay without AUTH      [127.0.0.0/8,::1/128]
#   DEMO_ACCOUNTS    address:password,... created at start-up [none]
#   TLS_KEYSTORE     PKCS12 keystore with the mail servers' key and certificate
#                    [$DATA_DIR/tls/merpati.p12, made self-signed for MAIL_HOSTNAME if missing]
#   TLS_KEYSTORE_PASSWORD                                     [kept in $TLS_KEYSTORE.password]
#   HEAP             maximum heap                             [1g]
#   QUEUE_RETRY_SECONDS     seconds between delivery attempts of deferred mail [900]
#   QUEUE_LIFETIME_SECONDS  how long deferred mail is retried before it bounces [432000]
#   QUOTA_DEFAULT_BYTES     storage quota of accounts without their own (0: unlimited) [0]
#   RECIPIENT_DELIMITER     subaddress delimiter characters ("" or "none" turns it off) [+]
#   ADMINS           accounts allowed to use the admin REST API (comma separated) [none]
#   TRANSPORT_MAP    next hops for remote domains, domain=host:port,... [none: the domain, port 25]
#   SMTP_SESSION_LIMIT      remote delivery: SMTP client sessions at once (and the client pool size) [100]
#   SMTP_DESTINATION_CONCURRENCY_LIMIT  sessions at once to one destination domain [20]
#   SMTP_CLIENT_PROPERTIES  properties of the SMTP client connection pool, e.g. timeouts
#   WEB_PLAINTEXT_NETWORKS  clients that may use the webmail and admin API over plain HTTP [this machine]
#                    "connectTimeout=30:heloTimeout=300" (seconds), relay login
#                    "relayUsername=u:relayPassword=p", and the trust store the relay host's
#                    certificate is checked against before AUTH (':' and '=' escaped with '\')
#                    "relayTrustStore=/path/trust.p12:relayTrustStorePassword=p"
#                                                            [none: the defaults, the JVM's trust store]
#   RELAY_HOST       relay host (smarthost) for remote mail, [host]:port or name:port [none: MX lookup]
set -euo pipefail

: "${PAYARA_HOME:?PAYARA_HOME is not set}"
: "${DOMAIN_DIR:?DOMAIN_DIR is not set}"
DOMAIN_NAME=${DOMAIN_NAME:-merpati}
PORTBASE=${PORTBASE:-}
MAIL_HOSTNAME=${MAIL_HOSTNAME:-$(hostname -f 2>/dev/null || hostname)}
SMTP_PORT=${SMTP_PORT:-2525}
SUBMISSION_PORT=${SUBMISSION_PORT:-2587}
SMTPS_PORT=${SMTPS_PORT:-2465}
POP3_PORT=${POP3_PORT:-1110}
POP3S_PORT=${POP3S_PORT:-1995}
IMAPS_PORT=${IMAPS_PORT:-1993}
IMAP_PORT=${IMAP_PORT:-1143}
BIND_ADDRESS=${BIND_ADDRESS:-0.0.0.0}
RELAY_NETWORKS=${RELAY_NETWORKS:-127.0.0.0/8,::1/128}
DEMO_ACCOUNTS=${DEMO_ACCOUNTS:-}
HEAP=${HEAP:-1g}
QUEUE_RETRY_SECONDS=${QUEUE_RETRY_SECONDS:-900}
QUEUE_LIFETIME_SECONDS=${QUEUE_LIFETIME_SECONDS:-432000}
QUOTA_DEFAULT_BYTES=${QUOTA_DEFAULT_BYTES:-0}
RECIPIENT_DELIMITER=${RECIPIENT_DELIMITER-+}
ADMINS=${ADMINS:-}
TRANSPORT_MAP=${TRANSPORT_MAP:-}
SMTP_SESSION_LIMIT=${SMTP_SESSION_LIMIT:-100}
SMTP_DESTINATION_CONCURRENCY_LIMIT=${SMTP_DESTINATION_CONCURRENCY_LIMIT:-20}
SMTP_CLIENT_PROPERTIES=${SMTP_CLIENT_PROPERTIES:-}
WEB_PLAINTEXT_NETWORKS=${WEB_PLAINTEXT_NETWORKS:-}
RELAY_HOST=${RELAY_HOST:-}

APP_NAME=merpati
RAR_MODULE=merpati-connector
RA_POOL=merpati-ra-pool

if [[ -n $PORTBASE ]]; then ADMIN_PORT=$((PORTBASE + 48)); else ADMIN_PORT=4848; fi
if [[ -n $PORTBASE ]]; then HTTPS_PORT=$((PORTBASE + 81)); else HTTPS_PORT=8181; fi

LOG=$DOMAIN_DIR/asadmin.log

# Runs a local asadmin command; its chatter goes to $LOG, shown only when the command fails.
asadmin_local() {
    mkdir -p "$DOMAIN_DIR"
    echo "+ asadmin $*" >>"$LOG"
    if ! "$PAYARA_HOME/bin/asadmin" --interactive=false "$@" >>"$LOG" 2>&1; then
        echo "merpati: asadmin $* failed; the end of $LOG:" >&2
        tail -n 20 "$LOG" >&2
        return 1
    fi
}

# Runs asadmin against this domain's running server.
asadmin() { asadmin_local --port "$ADMIN_PORT" "$@"; }

# Keeps a secret in the domain's password alias store (referred to as ${ALIAS=name}); the value goes
# through a file only asadmin reads, never on a command line or into domain.xml.
password_alias() {
    local name=$1 value=$2 file
    file=$(mktemp)
    chmod 600 "$file"
    printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$value" >"$file"
    if ! asadmin --passwordfile "$file" create-password-alias "$name"; then
        rm -f "$file"
        return 1
    fi
    rm -f "$file"
}

domain_exists() { [[ -f $DOMAIN_DIR/$DOMAIN_NAME/config/domain.xml ]]; }

STAMP_FILE=$DOMAIN_DIR/$DOMAIN_NAME/merpati-provisioned

# What a domain is made from: this script and the settings it reads. A domain made from anything
# else (an older script, other ports) is made again; the domain is generated, the mail is in DATA_DIR.
provision_stamp() {
    local script=${BASH_SOURCE[0]} name
    {
        cat "$script"
        for name in $(grep -oE '^[A-Z_0-9]+=\$\{' "$script" | tr -d '=${') DATA_DIR TLS_KEYSTORE TLS_KEYSTORE_PASSWORD; do
            echo "$name=${!name:-}"
        done
    } | sha256sum | cut -d ' ' -f 1
}

# A self-signed certificate for development: made once, kept with the data so clients that
# accepted it keep trusting it across rebuilds. Production configures its own keystore.
make_dev_keystore() {
    local keystore=$1 password_file=$1.password
    [[ -f $keystore && -f $password_file ]] && return 0
    mkdir -p "$(dirname "$keystore")"
    head -c 24 /dev/urandom | base64 | tr -d '/+=' >"$password_file"
    chmod 600 "$password_file"
    rm -f "$keystore"
    keytool -genkeypair -alias merpati -keyalg EC -groupname secp256r1 -validity 3650 \
        -dname "CN=$MAIL_HOSTNAME" -ext "SAN=dns:$MAIL_HOSTNAME,dns:localhost,ip:127.0.0.1" \
        -storetype PKCS12 -keystore "$keystore" -storepass "$(cat "$password_file")" >>"$LOG" 2>&1
    echo "merpati: made a self-signed TLS certificate for $MAIL_HOSTNAME in $keystore"
}

# The webmail and the admin API answer HTTPS (Payara's http-listener-2) with the certificate of the
# mail ports: its key is copied into the domain's keystore (kept with the master password) under
# the nickname merpati-mail. Replacing the mail keystore and making the domain again renews both.
https_certificate() {
    local keystore=$1 password=$2 alias
    alias=$(keytool -list -keystore "$keystore" -storepass "$password" 2>/dev/null \
        | awk -F, '/PrivateKeyEntry/ { print $1; exit }')
    [[ -n $alias ]] || { echo "merpati: no private key in $keystore" >&2; return 1; }
    keytool -importkeystore -noprompt -srckeystore "$keystore" -srcstorepass "$password" -srcalias "$alias" \
        -destkeystore "$DOMAIN_DIR/$DOMAIN_NAME/config/keystore.p12" -deststoretype PKCS12 \
        -deststorepass changeit -destalias merpati-mail >>"$LOG" 2>&1
    asadmin set configs.config.server-config.network-config.protocols.protocol.http-listener-2.ssl.cert-nickname=merpati-mail
}

# asadmin splits --property values on ':' and '='; escape them inside a value.
escape_property() { sed -e 's/[:=]/\\&/g' <<<"$1"; }

provision() {
    local stamp
    stamp=$(provision_stamp)
    if domain_exists; then
        [[ $(cat "$STAMP_FILE" 2>/dev/null) == "$stamp" ]] && return 0
        echo "merpati: the domain was made by another version of this script or other settings; making it again (the mail in ${DATA_DIR:-DATA_DIR} is kept)"
        stop
        rm -rf "${DOMAIN_DIR:?}/$DOMAIN_NAME"
    fi
    : "${DATA_DIR:?DATA_DIR is not set}"
    mkdir -p "$DOMAIN_DIR" "$DATA_DIR"
    echo "merpati: creating Payara domain $DOMAIN_NAME in $DOMAIN_DIR"
    local portbase_args=()
    # Hazelcast's ports follow the port base too, so two domains can run side by side.
    [[ -n $PORTBASE ]] && portbase_args=(--portbase "$PORTBASE"
        --hazelcastdasport $((PORTBASE + 90)) --hazelcaststartport $((PORTBASE + 91)))
    asadmin_local create-domain --nopassword "${portbase_args[@]}" --domaindir "$DOMAIN_DIR" "$DOMAIN_NAME"

    start
    echo "merpati: configuring the domain"
    # The mail data: an H2 file database outside the build folder, so a rebuild keeps the mail.
    # WRITE_DELAY=0: a committed transaction is on disk before the commit returns (250 means stored).
    local url="jdbc:h2:file:$DATA_DIR/merpati;WRITE_DELAY=0;LOCK_TIMEOUT=10000"
    # One connection per transaction (the body store uses the persistence context's): at most the
    # connector's 64 threads (merpati-ra-pool) + the JMS consumers' bean pools (16 + 16 + 16 + 8, and
    # smtp delivery's up to 32) + timers and web requests may hold one at once; a pool smaller than that
    # makes stages wait for each other under load (RAR5117 after max-wait).
    # Passwords live in the domain's password alias store, never in domain.xml.
    password_alias merpati-db-password merpati
    asadmin create-jdbc-connection-pool --datasourceclassname org.h2.jdbcx.JdbcDataSource \
        --restype javax.sql.DataSource --steadypoolsize 8 --maxpoolsize 160 \
        --property "URL=$(escape_property "$url"):user=merpati:password=\${ALIAS=merpati-db-password}" merpati-pool
    asadmin create-jdbc-resource --connectionpoolid merpati-pool jdbc/merpati
    # Every stage commits the database (last agent) and a JMS send (XA) in one transaction. Mail does
    # not depend on XA recovery: the database is the queue of record, every stage is idempotent and
    # the sweeper re-sends a stage message lost in a crash. Without the transaction log those commits
    # no longer queue for a forced write of one log file, which serialised the whole pipeline.
    asadmin set configs.config.server-config.transaction-service.property.disable-distributed-transaction-logging=true

    # The pipeline's JMS queues on the built-in OpenMQ broker.
    local queue jndi
    for queue in maildrop:maildrop incoming:incoming local_delivery:localDelivery deferred:deferred \
        smtp_delivery:smtpDelivery; do
        jndi=${queue#*:}
        queue=${queue%%:*}
        asadmin create-jmsdest --desttype queue "$queue"
        asadmin create-jms-resource --restype jakarta.jms.Queue --property "Name=$queue" "jms/$jndi"
    done

    local keystore=${TLS_KEYSTORE:-$DATA_DIR/tls/merpati.p12} keystore_password=${TLS_KEYSTORE_PASSWORD:-}
    if [[ -z $keystore_password ]]; then
        make_dev_keystore "$keystore"
        keystore_password=$(cat "$keystore.password")
    fi
    password_alias merpati-tls-password "$keystore_password"
    https_certificate "$keystore" "$keystore_password"

    # The connector's own thread pool (not the ORB pool that delivers JMS to the MDBs) and its settings.
    asadmin create-threadpool --minthreadpoolsize 8 --maxthreadpoolsize 64 --maxqueuesize 4096 "$RA_POOL"
    asadmin create-resource-adapter-config --threadpoolid "$RA_POOL" --property \
        "hostName=$(escape_property "$MAIL_HOSTNAME"):bindAddress=$(escape_property "$BIND_ADDRESS"):relayNetworks=$(escape_property "$RELAY_NETWORKS"):tlsKeystore=$(escape_property "$keystore"):tlsKeystorePassword=\${ALIAS=merpati-tls-password}:smtpPort=$SMTP_PORT:submissionPort=$SUBMISSION_PORT:smtpsPort=$SMTPS_PORT:pop3Port=$POP3_PORT:pop3sPort=$POP3S_PORT:imapPort=$IMAP_PORT:imapsPort=$IMAPS_PORT" \
        "$APP_NAME#$RAR_MODULE"

    asadmin create-system-properties "merpati.hostname=$(escape_property "$MAIL_HOSTNAME")"
    asadmin create-system-properties "merpati.web.httpsPort=$HTTPS_PORT"
    if [[ -n $WEB_PLAINTEXT_NETWORKS ]]; then
        asadmin create-system-properties "merpati.web.plaintextNetworks=$(escape_property "$WEB_PLAINTEXT_NETWORKS")"
    fi
    asadmin create-system-properties "merpati.queue.retrySeconds=$QUEUE_RETRY_SECONDS"
    asadmin create-system-properties "merpati.queue.lifetimeSeconds=$QUEUE_LIFETIME_SECONDS"
    asadmin create-system-properties "merpati.quota.defaultBytes=$QUOTA_DEFAULT_BYTES"
    # An empty value is no value to MicroProfile Config: "none" turns subaddressing off.
    asadmin create-system-properties "merpati.recipientDelimiter=$(escape_property "${RECIPIENT_DELIMITER:-none}")"
    if [[ -n $ADMINS ]]; then
        asadmin create-system-properties "merpati.admins=$(escape_property "$ADMINS")"
    fi
    if [[ -n $TRANSPORT_MAP ]]; then
        asadmin create-system-properties "merpati.transportMap=$(escape_property "$TRANSPORT_MAP")"
    fi
    asadmin create-system-properties "merpati.smtp.sessionLimit=$SMTP_SESSION_LIMIT"
    asadmin create-system-properties "merpati.smtp.destinationConcurrencyLimit=$SMTP_DESTINATION_CONCURRENCY_LIMIT"
    if [[ -n $RELAY_HOST ]]; then
        asadmin create-system-properties "merpati.relayHost=$(escape_property "$RELAY_HOST")"
    fi
    if [[ -n $DEMO_ACCOUNTS ]]; then
        asadmin create-system-properties "merpati.demo.accounts=$(escape_property "$DEMO_ACCOUNTS")"
    fi
    asadmin set configs.config.server-config.security-service.activate-default-principal-to-role-mapping=true
    asadmin delete-jvm-options -Xmx512m
    asadmin create-jvm-options "-Xmx$HEAP"
    # A resource adapter's thread pool is taken up only at domain start.
    stop
    echo "$stamp" >"$STAMP_FILE"
}

start() {
    if "$PAYARA_HOME/bin/asadmin" list-domains --domaindir "$DOMAIN_DIR" 2>/dev/null | grep -q "^$DOMAIN_NAME running"; then
        return 0
    fi
    asadmin_local start-domain --domaindir "$DOMAIN_DIR" "$DOMAIN_NAME"
}

deploy() {
    local ear=${1:?usage: domain.sh deploy EAR}
    asadmin deploy --force=true --name "$APP_NAME" "$ear"
    # The connector's outbound connection through which the mail store wakes idling IMAP sessions.
    # Its pool names the embedded resource adapter, so it can only be created once the EAR is deployed.
    if ! "$PAYARA_HOME/bin/asadmin" --port "$ADMIN_PORT" list-connector-resources 2>/dev/null \
            | grep -q '^eis/merpati/mailboxChanges$'; then
        asadmin create-connector-connection-pool --raname "$APP_NAME#$RAR_MODULE" \
            --connectiondefinition dev.merpati.connector.api.MailboxChangeSignalFactory \
            --steadypoolsize 1 --maxpoolsize 64 --transactionsupport NoTransaction merpati-mailbox-changes-pool
        asadmin create-connector-resource --poolname merpati-mailbox-changes-pool eis/merpati/mailboxChanges
    fi
    # The connector's SMTP client for remote delivery (same constraint).
    if ! "$PAYARA_HOME/bin/asadmin" --port "$ADMIN_PORT" list-connector-resources 2>/dev/null \
            | grep -q '^eis/merpati/smtp$'; then
        local client_properties=() properties=$SMTP_CLIENT_PROPERTIES
        # The relay host's password and its trust store's go to the password alias store; the pool
        # names the aliases.
        local secret alias
        for secret in relayPassword:merpati-relay-password relayTrustStorePassword:merpati-relay-truststore-password; do
            alias=${secret#*:}
            secret=${secret%%:*}
            if [[ $properties =~ (^|:)$secret=([^:]*) ]]; then
                password_alias "$alias" "${BASH_REMATCH[2]}"
                properties=${properties/$secret=${BASH_REMATCH[2]}/$secret=\$\{ALIAS=$alias\}}
            fi
        done
        [[ -n $properties ]] && client_properties=(--property "$properties")
        asadmin create-connector-connection-pool --raname "$APP_NAME#$RAR_MODULE" \
            --connectiondefinition dev.merpati.connector.api.SmtpClientConnectionFactory \
            --steadypoolsize 0 --maxpoolsize "$SMTP_SESSION_LIMIT" --transactionsupport NoTransaction \
            "${client_properties[@]}" merpati-smtp-client-pool
        asadmin create-connector-resource --poolname merpati-smtp-client-pool eis/merpati/smtp
    fi
}

stop() {
    "$PAYARA_HOME/bin/asadmin" --interactive=false stop-domain --domaindir "$DOMAIN_DIR" "$DOMAIN_NAME" >/dev/null 2>&1 \
        || "$PAYARA_HOME/bin/asadmin" --interactive=false stop-domain --kill --domaindir "$DOMAIN_DIR" "$DOMAIN_NAME" >/dev/null 2>&1 \
        || true
}

case "${1:-}" in
    provision) provision ;;
    start) start ;;
    deploy) deploy "${2:-}" ;;
    stop) stop ;;
    admin-port) echo "$ADMIN_PORT" ;;
    *) echo "usage: domain.sh provision|start|deploy EAR|stop|admin-port" >&2; exit 2 ;;
esac
