#!/usr/bin/env bash
# Runs tests/webkit/smoke.mjs: the release build served on 127.0.0.1, WebKit driven through
# Debian's WebKitWebDriver under a virtual X display (its MiniBrowser has no working
# headless mode). Everything it starts is stopped on the way out.
set -euo pipefail
cd "$(dirname "$0")/.."
APP_PORT=4176
DRIVER_PORT=4446
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  pkill -f "WebKitWebDriver --port=$DRIVER_PORT" 2>/dev/null || true
}
trap cleanup EXIT
node tests/e2e/serve.mjs dist "$APP_PORT" >/dev/null 2>&1 &
pids+=($!)
xvfb-run -a WebKitWebDriver --port="$DRIVER_PORT" >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$DRIVER_PORT/status" >/dev/null && curl -sf "http://127.0.0.1:$APP_PORT/" >/dev/null && break
  sleep 0.1
done
timeout 300 node tests/webkit/smoke.mjs "http://127.0.0.1:$APP_PORT/" "http://127.0.0.1:$DRIVER_PORT"
