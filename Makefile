# The README's commands. Each installs what is missing first (scripts/setup.sh).
SHELL := /bin/bash
.DEFAULT_GOAL := serve

# wasm-opt comes from npm (node_modules/.bin); cargo-installed tools from ~/.cargo/bin.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER ?= wasm-bindgen-test-runner
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: setup setup-build serve build test lint test-native test-browser test-e2e test-webkit bench clean

setup:
	@scripts/setup.sh

setup-build:
	@NEED_BROWSER=0 scripts/setup.sh

## Build the release app and serve it at http://127.0.0.1:8080
serve: setup-build
	trunk serve --offline --release

## Build the release app into dist/
build: setup-build
	trunk build --offline --release

## Every test layer: lint, native, browser (wasm-bindgen-test), end-to-end (Playwright)
test: setup
	@start=$$(date +%s); status=0; \
	$(MAKE) --no-print-directory lint test-native test-browser test-e2e test-webkit || status=$$?; \
	echo "make test took $$(( $$(date +%s) - start )) s"; \
	exit $$status

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

test-native:
	cargo test

test-browser:
	cargo test --target wasm32-unknown-unknown --test browser_store --test browser_ink --test browser_keyed

test-e2e: build
	npx playwright test

## WebKit (the iPad's engine), with Selenium: set-up, the Three Houses, Wizards and Fairies, the summary, child mode, offline
test-webkit: build
	scripts/webkit-smoke.sh

## Numbers, not assertions: bundle size as served, and drawing speed and storage size
bench: setup build
	@set -o pipefail; { scripts/bench.sh \
	  && cargo run --quiet --release --example ink_size -- tests/fixtures/recorded-drawing.json \
	  && cargo run --quiet --release --example session_size -- tests/fixtures/recorded-drawing.json \
	  && cargo run --quiet --release --example vault_speed \
	  && cargo run --quiet --release --example visits_speed -- tests/fixtures/recorded-drawing.json \
	  && cargo run --quiet --release --example backup_speed -- tests/fixtures/recorded-drawing.json \
	  && node tests/bench/drawing-bench.mjs; } | tee bench-results.txt
	@echo "written to bench-results.txt"

clean:
	rm -rf dist target/trunk
