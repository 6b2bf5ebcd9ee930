#!/usr/bin/env bash
# Starts or stops the local MariaDB and Redis servers the integration tests use when Docker is not
# available. Both listen on 127.0.0.1 only, on their own ports, with a random password per start.
#
#   scripts/services.sh start   # installs the Debian packages if missing (as root), starts both,
#                               # writes the connection settings to $QUIZFEST_SERVICES_DIR/env
#   scripts/services.sh stop
#   scripts/services.sh env     # prints the export lines of the running services
set -euo pipefail

dir=${QUIZFEST_SERVICES_DIR:-/tmp/quizfest-services-$(id -u)}
mysql_port=${QUIZFEST_TEST_MYSQL_PORT:-13306}
redis_port=${QUIZFEST_TEST_REDIS_PORT:-16379}
database=quizfest_test
db_user=quizfest

say() { echo "[services] $*" >&2; }
die() { echo "[services] ERROR: $*" >&2; exit 1; }

find_tool() {
  local name
  for name in "$@"; do
    if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return 0; fi
    if [ -x "/usr/sbin/$name" ]; then echo "/usr/sbin/$name"; return 0; fi
  done
  return 1
}

ensure_packages() {
  local missing=()
  find_tool mariadbd mysqld >/dev/null || missing+=(mariadb-server)
  find_tool redis-server >/dev/null || missing+=(redis-server)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing ${missing[*]} from the OS packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null
    apt-get install -y -q "${missing[@]}" >/dev/null
  else
    die "missing ${missing[*]}. Install them (Debian/Ubuntu: sudo apt-get install -y ${missing[*]}) or run Docker so Testcontainers can start MySQL and Redis."
  fi
}

wait_for() { # seconds, description, command...
  local seconds=$1 what=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.2
  done
}

start_mariadb() {
  local mariadbd install_db client admin data="$dir/mariadb" run_as=()
  mariadbd=$(find_tool mariadbd mysqld)
  install_db=$(find_tool mariadb-install-db mysql_install_db)
  client=$(find_tool mariadb mysql)
  admin=$(find_tool mariadb-admin mysqladmin)
  mkdir -p "$data"
  if [ "$(id -u)" -eq 0 ]; then
    id mysql >/dev/null 2>&1 || die "user 'mysql' is missing; reinstall mariadb-server"
    chown -R mysql: "$dir"
    run_as=(--user=mysql)
  fi
  if [ ! -d "$data/mysql" ]; then
    say "initialising MariaDB in $data"
    "$install_db" --no-defaults "${run_as[@]}" --datadir="$data" --auth-root-authentication-method=socket \
      --skip-test-db >"$dir/mariadb-install.log" 2>&1 || { cat "$dir/mariadb-install.log" >&2; die "mariadb-install-db failed"; }
  fi
  say "starting MariaDB on 127.0.0.1:$mysql_port"
  "$mariadbd" --no-defaults "${run_as[@]}" --datadir="$data" --socket="$dir/mariadb.sock" \
    --pid-file="$dir/mariadb.pid" --port="$mysql_port" --bind-address=127.0.0.1 --skip-name-resolve \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci --innodb-buffer-pool-size=256M \
    --innodb-flush-log-at-trx-commit=2 --max-connections=500 --log-error="$dir/mariadb.err" &
  local root_user=root
  [ "$(id -u)" -eq 0 ] || root_user=$(id -un)
  wait_for 60 MariaDB "$admin" --no-defaults --socket="$dir/mariadb.sock" -u"$root_user" ping \
    || { tail -20 "$dir/mariadb.err" >&2; die "MariaDB did not start within 60 s"; }
  "$client" --no-defaults --socket="$dir/mariadb.sock" -u"$root_user" <<SQL
CREATE DATABASE IF NOT EXISTS $database CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$db_user'@'127.0.0.1' IDENTIFIED BY '$password';
ALTER USER '$db_user'@'127.0.0.1' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON \`$database\`.* TO '$db_user'@'127.0.0.1';
GRANT ALL PRIVILEGES ON \`qf\\_%\`.* TO '$db_user'@'127.0.0.1';
FLUSH PRIVILEGES;
SQL
}

start_redis() {
  local server cli
  server=$(find_tool redis-server)
  cli=$(find_tool redis-cli)
  say "starting Redis on 127.0.0.1:$redis_port"
  mkdir -p "$dir/redis"
  # The password goes in through a config file so it never shows in the process list.
  umask 077
  printf 'requirepass %s\n' "$password" > "$dir/redis.conf"
  "$server" "$dir/redis.conf" --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no \
    --dir "$dir/redis" --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
  wait_for 30 Redis env REDISCLI_AUTH="$password" "$cli" -h 127.0.0.1 -p "$redis_port" ping \
    || { tail -20 "$dir/redis.log" >&2; die "Redis did not start within 30 s"; }
}

stop() {
  local pidfile pid
  for pidfile in "$dir/mariadb.pid" "$dir/redis.pid"; do
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile" 2>/dev/null || true)
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait_for 30 shutdown sh -c "! kill -0 $pid" || kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile"
  done
}

case "${1:-}" in
  start)
    ensure_packages
    stop
    mkdir -p "$dir"
    password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
    start_mariadb
    start_redis
    umask 077
    cat > "$dir/env" <<ENV
export QUIZFEST_TEST_MYSQL_URL='jdbc:mysql://127.0.0.1:$mysql_port/$database'
export QUIZFEST_TEST_MYSQL_USER='$db_user'
export QUIZFEST_TEST_MYSQL_PASSWORD='$password'
export QUIZFEST_TEST_REDIS_URL='redis://:$password@127.0.0.1:$redis_port'
ENV
    say "ready: MariaDB 127.0.0.1:$mysql_port, Redis 127.0.0.1:$redis_port (settings in $dir/env)"
    ;;
  stop) stop ;;
  env) cat "$dir/env" ;;
  *) echo "usage: $0 start|stop|env" >&2; exit 2 ;;
esac
