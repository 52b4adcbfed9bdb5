#!/usr/bin/env bash
# Installs what the tests need beyond the Rust toolchain. Today that is nothing but rustfmt
# and clippy; browser tests will add Debian's chromium here.
set -euo pipefail
if command -v rustup >/dev/null 2>&1; then
    rustup component add rustfmt clippy >/dev/null 2>&1 || true
fi
