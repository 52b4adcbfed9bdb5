#!/usr/bin/env bash
# Installs what the tests need beyond the Rust toolchain:
# - the rustfmt and clippy components;
# - Debian's chromium and chromium-driver, which the browser tests (tests/browser.rs) drive;
# - axe-core from npm, injected by the browser tests to check accessibility, kept under
#   target/browser-tools (git-ignored, like everything under target/).
set -euo pipefail
cd "$(dirname "$0")/.."
if command -v rustup >/dev/null 2>&1; then
    rustup component add rustfmt clippy >/dev/null 2>&1 || true
fi
if ! command -v chromedriver >/dev/null 2>&1 || ! command -v chromium >/dev/null 2>&1; then
    sudo_if_needed=""
    if [ "$(id -u)" -ne 0 ]; then sudo_if_needed="sudo"; fi
    $sudo_if_needed apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_if_needed apt-get install -y -qq chromium chromium-driver >/dev/null
fi
if [ ! -f target/browser-tools/node_modules/axe-core/axe.min.js ]; then
    mkdir -p target/browser-tools
    npm install --silent --no-audit --no-fund --prefix target/browser-tools axe-core@4.10.3 >/dev/null
fi
