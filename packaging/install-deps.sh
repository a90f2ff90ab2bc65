#!/usr/bin/env bash
# Installs the Debian 12 packages Rectrack needs to build, test, run and package (DESIGN.md §10;
# `file` is for `cpack -G DEB`, whose dpkg-shlibdeps step refuses to run without it).
# PostgreSQL (issue #22): postgresql-15 has the server programs the pg tests start
# (tests/pg/pgserver.sh) and the pg_trgm extension; postgresql-common makes the `postgres` user the
# server runs as under root; libqt6sql6-psql is Qt's QPSQL driver (it brings libpq5); libpq-dev for
# PQencryptPasswordConn (issue #23: `server user add --password-stdin` sends a SCRAM verifier, never
# the password). qtkeychain-qt6-dev (issue #24): the app keeps a server password the user asks it to
# remember in the system keychain; optional at build time (without it the password is asked each time).
# Idempotent and non-interactive: only packages that are missing are installed.
# Run as root (or with sudo available).
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  qt6-base-dev libqt6opengl6-dev qt6-charts-dev libqt6sql6-sqlite libqt6svg6
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  catch2 libxlsxwriter-dev libminizip-dev libquazip1-qt6-dev zlib1g-dev
  fonts-wqy-microhei fcitx5-frontend-qt6 qt6-qpa-plugins
  libsqlite3-dev libssl-dev libpq-dev
  xvfb xauth poppler-utils sqlite3 locales
  postgresql-15 postgresql-common libqt6sql6-psql qtkeychain-qt6-dev
  file
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
