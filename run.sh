#!/usr/bin/env bash
# Builds the site into web-ui/target/dist and serves it on http://localhost:8000 (PORT=... to change).
set -euo pipefail
cd "$(dirname "$0")"
echo "run.sh: building… (about a minute)"
./mvnw -q -B install -DskipTests
exec java tools/Serve.java web-ui/target/dist "${PORT:-8000}"
