#!/usr/bin/env bash
# Installs the Debian packages the tests use as real clients (nothing is installed by hand).
# Add a package here when a test starts using a new tool. Installs only what is missing.
set -euo pipefail

packages=(
    curl    # SMTP/POP3/IMAP client in tests and README examples
    swaks   # the SMTP test tool
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
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
