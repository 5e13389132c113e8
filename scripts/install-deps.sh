#!/usr/bin/env bash
# Installs what minqing needs on Debian/Ubuntu: the C libraries (libxlsxwriter, ISA-L, zlib, OpenSSL's libcrypto,
# SQLite, libzip, libxml2 and FreeXL for the workbook inputs, pkg-config)
# and, with --test, Python's openpyxl (the end-to-end tests read the workbook back with it).
# Safe to run again: it installs only what is missing.
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
for pkg in libxlsxwriter-dev libisal-dev zlib1g-dev libssl-dev libsqlite3-dev libzip-dev libxml2-dev libfreexl-dev pkg-config; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ "${1:-}" = "--test" ]; then
  if ! python3 -c "import openpyxl" >/dev/null 2>&1; then
    echo "installing: openpyxl (python)" >&2
    python3 -m pip install -q openpyxl || $SUDO apt-get install -y -qq python3-openpyxl >/dev/null
  fi
  # xlwt writes the .xls files of the tests that give one month in every form.
  if ! python3 -c "import xlwt" >/dev/null 2>&1; then
    echo "installing: xlwt (python)" >&2
    python3 -m pip install -q xlwt || $SUDO apt-get install -y -qq python3-xlwt >/dev/null
  fi
fi

if ! command -v swift >/dev/null 2>&1; then
  echo "swift was not found on PATH: install the Swift 6 toolchain (https://www.swift.org/install/linux/)." >&2
  exit 1
fi
