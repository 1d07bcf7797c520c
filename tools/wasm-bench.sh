#!/usr/bin/env bash
# Measures the simulator built for WebAssembly GC beside the same simulator built for JavaScript,
# both in headless Chromium from file:// (the wasm bytes embedded in the page, as a file:// page
# cannot fetch them). Prints: the weight of each build, whether every preset's trace is the same
# from both builds (the JavaScript build's traces equal the JVM's: NodeDeterminismTest), and the
# `bench` scenario's wall time, three runs of each, alternating. A measurement, not a test.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl sim-core,sim-js -Pwasm-gc package -DskipTests
out=sim-js/target/wasm-gc
cp sim-js/target/node/kthreadlab-node.js "$out/"
python3 tools/wasm-bench-page.py "$out"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
log="$dir/chromium.log"
chromium --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --disable-background-networking --disable-component-update --disable-sync --no-first-run \
    --user-data-dir="$dir" --enable-logging=stderr --v=0 "file://$PWD/$out/bench.html" > "$log" 2>&1 &
pid=$!
for _ in $(seq 900); do
    grep -aq 'FIG| DONE' "$log" && break
    kill -0 "$pid" 2> /dev/null || break
    sleep 1
done
kill "$pid" 2> /dev/null || true
wait "$pid" 2> /dev/null || true
grep -a 'FIG| ' "$log" | sed -e 's/.*FIG| //' -e 's/", source: .*//'
