#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when it is missing and we may install.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ]; then
  echo "Installing chromium from Debian's packages for the browser tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
elif [ "${CI:-}" = "true" ]; then
  echo "chromium is missing and this CI user cannot install it" >&2
  exit 1
else
  echo "note: chromium is not installed; browser tests will be skipped (sudo apt-get install chromium)."
fi
