#!/usr/bin/env bash
# The whole test suite against a real MySQL/MariaDB and a real Redis.
# With Docker, Testcontainers starts MySQL 8.4 and Redis 7. Without it, local MariaDB and Redis
# servers are started on 127.0.0.1 (installed from the OS packages when missing and run as root).
# The player page's browser tests need Chromium from the OS packages (installed when missing, as root).
# Extra arguments go to Maven, e.g. scripts/test.sh -pl contest-server -am
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/browser.sh ensure

if [ -z "${QUIZFEST_TEST_MYSQL_URL:-}" ] && docker info >/dev/null 2>&1; then
  echo "[test] Docker is available: Testcontainers starts MySQL 8.4 and Redis 7."
else
  echo "[test] No Docker engine: starting local MariaDB and Redis."
  scripts/services.sh start
  trap 'scripts/services.sh stop' EXIT
  # shellcheck disable=SC1090
  source "${QUIZFEST_SERVICES_DIR:-/tmp/quizfest-services-$(id -u)}/env"
fi

./mvnw -B -ntp verify "$@"
