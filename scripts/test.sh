#!/usr/bin/env bash
# Runs the whole test suite (unit tests and end-to-end tests that run the built binary and read the
# workbook back with openpyxl). Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
swift build
swift test
