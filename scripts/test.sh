#!/usr/bin/env bash
# The whole test suite against a real MySQL/MariaDB and a real Redis (standalone, Sentinel and Cluster).
# With Docker, Testcontainers starts MySQL 8.4 and Redis 7. Without it, local MariaDB and Redis
# servers are started on 127.0.0.1 (installed from the OS packages when missing and run as root).
# The player page's browser tests need Chromium from the OS packages (installed when missing, as root).
# Extra arguments go to Maven, e.g. scripts/test.sh -pl contest-server -am
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/browser.sh ensure

export QUIZFEST_SERVICES_DIR=${QUIZFEST_SERVICES_DIR:-/tmp/quizfest-services-$(id -u)}
stops=()
stop_services() {
  local command
  for command in "${stops[@]}"; do scripts/services.sh "$command" || true; done
}
trap stop_services EXIT

if [ -z "${QUIZFEST_TEST_MYSQL_URL:-}" ] && docker info >/dev/null 2>&1; then
  echo "[test] Docker is available: Testcontainers starts MySQL 8.4 and Redis 7."
else
  echo "[test] No Docker engine: starting local MariaDB and Redis."
  scripts/services.sh start
  stops+=(stop)
  # shellcheck disable=SC1090
  source "$QUIZFEST_SERVICES_DIR/env"
fi

# The Sentinel and Redis Cluster tests (SentinelShapeIntegrationTest, RedisClusterShapeIntegrationTest)
# need their own local Redis servers, with or without Docker.
if [ -z "${QUIZFEST_TEST_REDIS_SENTINEL_URL:-}" ]; then
  scripts/services.sh start-sentinel
  stops+=(stop-sentinel)
  # shellcheck disable=SC1090
  source "$QUIZFEST_SERVICES_DIR/sentinel.env"
fi
if [ -z "${QUIZFEST_TEST_REDIS_CLUSTER_URL:-}" ]; then
  scripts/services.sh start-cluster
  stops+=(stop-cluster)
  # shellcheck disable=SC1090
  source "$QUIZFEST_SERVICES_DIR/cluster.env"
fi

./mvnw -B -ntp verify "$@"
