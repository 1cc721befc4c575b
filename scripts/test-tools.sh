#!/usr/bin/env bash
# Installs the Debian packages the tests use as real clients (nothing is installed by hand).
# Add a package here when a test starts using a new tool. Installs only what is missing.
set -euo pipefail

packages=(
    curl    # SMTP/POP3/IMAP client in tests and README examples
    swaks   # the SMTP test tool
    libnet-ssleay-perl libio-socket-ssl-perl # swaks --tls (recommended by swaks, not pulled in here)
    postfix # only for its load generator /usr/sbin/smtp-source (bench/smtp-accept.sh); its daemon stays off
    isync   # mbsync: an IMAP client that syncs a mailbox both ways
    fetchmail  # POP3 client in the integration tests (download-and-delete and keep/UIDL modes)
)

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "merpati: installing test tools: ${missing[*]}"
sudo=""
[[ $(id -u) -eq 0 ]] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
# Postfix is wanted for its tools only: no configuration, and its daemon must not start on port 25.
echo "postfix postfix/main_mailer_type select No configuration" | $sudo debconf-set-selections
made_policy=0
if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null
    $sudo chmod 755 /usr/sbin/policy-rc.d
    made_policy=1
fi
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
[[ $made_policy -eq 1 ]] && $sudo rm -f /usr/sbin/policy-rc.d
if [[ -d /run/systemd/system ]]; then
    $sudo systemctl disable --now postfix >/dev/null 2>&1 || true
fi
