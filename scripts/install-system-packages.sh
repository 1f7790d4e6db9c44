#!/usr/bin/env bash
# Install the Debian packages listed in system-packages.txt that are not installed yet.
# Runs as root (as CI does) or through sudo; does nothing when all are present.
set -euo pipefail
list="$(dirname "$0")/../system-packages.txt"
mapfile -t wanted < <(grep -v '^\s*\(#\|$\)' "$list")
missing=()
for package in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
((${#missing[@]})) || exit 0
echo "installing Debian packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
