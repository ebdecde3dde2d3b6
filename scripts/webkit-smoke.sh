#!/usr/bin/env bash
# Runs the WebKit flows (tests/webkit/smoke.mjs, with Selenium): Debian's WebKitWebDriver and
# its MiniBrowser under a virtual X display (MiniBrowser has no working headless mode), the
# release build in dist/ served on 127.0.0.1 by the test itself (it stops the server for the
# offline check). MiniBrowser saves downloads, without asking, in the folder named by
# XDG_DOWNLOAD_DIR in $XDG_CONFIG_HOME/user-dirs.dirs: a fresh folder here, which the summary
# check reads. Everything it starts is stopped on the way out.
set -euo pipefail
cd "$(dirname "$0")/.."
APP_PORT=4176
DRIVER_PORT=4446

for port in "$APP_PORT" "$DRIVER_PORT"; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    echo "webkit-smoke: something already listens on 127.0.0.1:$port (an earlier run still going?)" >&2
    exit 1
  fi
done

work=$(mktemp -d)
xvfb_pid=
cleanup() {
  if [ -n "$xvfb_pid" ]; then
    # Stopping WebKitWebDriver lets xvfb-run stop its X server and exit.
    pkill -P "$xvfb_pid" -x WebKitWebDriver 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$xvfb_pid" 2>/dev/null || break; sleep 0.1; done
    kill "$xvfb_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/config" "$work/downloads"
printf 'XDG_DOWNLOAD_DIR="%s"\n' "$work/downloads" >"$work/config/user-dirs.dirs"
XDG_CONFIG_HOME="$work/config" xvfb-run -a WebKitWebDriver --port="$DRIVER_PORT" >"$work/driver.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$DRIVER_PORT/status" >/dev/null && break
  sleep 0.1
done
if ! curl -sf "http://127.0.0.1:$DRIVER_PORT/status" >/dev/null; then
  echo "webkit-smoke: WebKitWebDriver did not start:" >&2
  cat "$work/driver.log" >&2
  exit 1
fi
timeout --foreground 300 node tests/webkit/smoke.mjs dist "$APP_PORT" "http://127.0.0.1:$DRIVER_PORT" "$work/downloads"
