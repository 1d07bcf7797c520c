#!/usr/bin/env bash
# Runs every test: the simulator's JUnit tests and the real-browser tests in headless Chromium.
# Installs Debian's chromium + chromium-driver when they are missing and this runs as root.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "test.sh: installing chromium and chromium-driver (Debian packages)"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver
  else
    echo "test.sh: the browser tests need /usr/bin/chromium and /usr/bin/chromedriver." >&2
    echo "test.sh: install them first, as root: apt-get install -y chromium chromium-driver" >&2
    exit 1
  fi
fi
exec ./mvnw -B verify "$@"
