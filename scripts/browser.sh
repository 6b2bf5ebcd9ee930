#!/usr/bin/env bash
# Makes sure the Chromium of the player page's browser tests is there: $QUIZFEST_CHROMIUM, by default
# the Debian package's /usr/bin/chromium. Installs the OS package when it is missing and this runs as
# root; otherwise fails with the command to run. Never asks anything (works with CI=true).
#
#   scripts/browser.sh ensure    # used by scripts/test.sh
set -euo pipefail

chromium=${QUIZFEST_CHROMIUM:-/usr/bin/chromium}

say() { echo "[browser] $*" >&2; }
die() { echo "[browser] ERROR: $*" >&2; exit 1; }

ensure_chromium() {
  [ -x "$chromium" ] && return 0
  if [ -n "${QUIZFEST_CHROMIUM:-}" ]; then
    die "QUIZFEST_CHROMIUM=$chromium is not an executable file. Point it at a Chromium or Chrome binary, or unset it to use the OS package."
  fi
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing chromium from the OS packages (browser tests of the player page)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null
    apt-get install -y -q chromium >/dev/null
    [ -x "$chromium" ] || die "apt-get installed chromium, but $chromium is still missing"
  else
    die "Chromium is missing at $chromium. Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set QUIZFEST_CHROMIUM to a Chromium or Chrome binary."
  fi
}

case "${1:-ensure}" in
  ensure) ensure_chromium ;;
  *) die "usage: scripts/browser.sh ensure" ;;
esac
