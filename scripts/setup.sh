#!/usr/bin/env bash
# Installs what building and testing Hear Me needs, and only what is missing, so a second
# run takes a second. Works on a fresh Debian machine with the Rust toolchain, Node.js/npm
# and access to the package registries.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
need_browser=${NEED_BROWSER:-1}

say() { printf '[setup] %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown Rust target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding $component"
    rustup component add "$component"
  fi
done

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $bindgen_version" ] \
  || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli $bindgen_version"
  cargo install wasm-bindgen-cli --version "$bindgen_version"
fi

missing_packages=()
if [ "$need_browser" = 1 ]; then
  [ -x /usr/bin/chromium ] || missing_packages+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing_packages+=(chromium-driver)
  # pdftotext, for the end-to-end check of the printed summary.
  [ -x /usr/bin/pdftotext ] || missing_packages+=(poppler-utils)
  # WebKit, for the smoke test of what an iPad's browser engine does with the storage.
  [ -x /usr/bin/WebKitWebDriver ] || missing_packages+=(webkit2gtk-driver)
  [ -x /usr/bin/xvfb-run ] || missing_packages+=(xvfb)
  command -v curl >/dev/null || missing_packages+=(curl)
fi
if [ ${#missing_packages[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing_packages[*]}"
  as_root apt-get update -qq
  as_root apt-get install -y -qq "${missing_packages[@]}"
fi

# npm brings wasm-opt (binaryen 132: Debian's 108 breaks wasm-bindgen's reference-type
# tables), Playwright, which drives Debian's Chromium and never downloads a browser,
# selenium-webdriver, which drives Debian's WebKitWebDriver (never its own drivers), and
# hash-wasm (the e2e tests' own Argon2id, to open stored records independently of the app).
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  say "installing npm packages (npm ci)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi
say "everything is in place"
