#!/usr/bin/env bash
# Installs the Debian packages that some tests use: Chromium (HTML report screenshots) and
# PostgreSQL (the shared store). Skips what is present; needs root (CI runs as root).
set -euo pipefail
want=()
command -v chromium >/dev/null 2>&1 || want+=(chromium)
[ -x "$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)/initdb" ] 2>/dev/null || want+=(postgresql)
if [ ${#want[@]} -eq 0 ]; then
  echo "system packages present"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "not root: cannot install ${want[*]}; tests that need them will say they skipped"
  exit 0
fi
echo "installing ${want[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null
