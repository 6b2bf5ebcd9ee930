#!/usr/bin/env bash
# Starts or stops the local MariaDB and Redis servers the integration tests use when Docker is not
# available. Both listen on 127.0.0.1 only, on their own ports, with a random password per start.
#
#   scripts/services.sh start   # installs the Debian packages if missing (as root), starts both,
#                               # writes the connection settings to $QUIZFEST_SERVICES_DIR/env
#   scripts/services.sh stop
#   scripts/services.sh env     # prints the export lines of the running services
#
# The Redis Cluster and Sentinel tests need more Redis servers, started and stopped apart:
#
#   scripts/services.sh start-cluster   # 3 masters + 3 replicas (ports $QUIZFEST_TEST_CLUSTER_PORT..+5,
#                                       # default 16380..16385), settings in $QUIZFEST_SERVICES_DIR/cluster.env
#   scripts/services.sh stop-cluster
#   scripts/services.sh start-sentinel  # a master, a replica and 3 sentinels (master $QUIZFEST_TEST_SENTINEL_PORT,
#                                       # default 16390, replica +1, sentinels +2..+4), settings in sentinel.env
#   scripts/services.sh stop-sentinel
#
# Every Redis here keeps an append-only file (fsync every second), as docs/operations.md asks of production.
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

ensure_packages() { # [redis-only]
  local missing=()
  [ "${1:-}" = redis-only ] || find_tool mariadbd mysqld >/dev/null || missing+=(mariadb-server)
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
  local command=("$mariadbd" --no-defaults "${run_as[@]}" --datadir="$data" --socket="$dir/mariadb.sock"
    --pid-file="$dir/mariadb.pid" --port="$mysql_port" --bind-address=127.0.0.1 --skip-name-resolve
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci --innodb-buffer-pool-size=256M
    --innodb-flush-log-at-trx-commit=2 --max-connections=500 --log-error="$dir/mariadb.err")
  # The command line, for a test that stops the database and starts it again (DatabaseOutageIntegrationTest).
  printf '%q ' "${command[@]}" > "$dir/mariadb.cmd"
  "${command[@]}" &
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

cluster_port=${QUIZFEST_TEST_CLUSTER_PORT:-16380}
sentinel_port=${QUIZFEST_TEST_SENTINEL_PORT:-16390}
sentinel_master=quizfest

# One Redis with its whole configuration in its own folder, so that a test that killed it can start it
# again with just `redis-server <folder>/redis.conf`.
start_redis_node() { # folder, port, password, extra config lines...
  local folder=$1 port=$2 secret=$3; shift 3
  mkdir -p "$folder"
  umask 077
  {
    printf 'port %s\nbind 127.0.0.1\ndir %s\ndaemonize yes\npidfile %s/redis.pid\nlogfile %s/redis.log\n' \
      "$port" "$folder" "$folder" "$folder"
    printf 'requirepass %s\nmasterauth %s\nappendonly yes\nappendfsync everysec\nsave ""\n' "$secret" "$secret"
    local line
    for line in "$@"; do printf '%s\n' "$line"; done
  } > "$folder/redis.conf"
  "$(find_tool redis-server)" "$folder/redis.conf"
}

redis_ping() { # port [password]
  if [ -n "${2:-}" ]; then env REDISCLI_AUTH="$2" "$(find_tool redis-cli)" -h 127.0.0.1 -p "$1" ping | grep -q PONG
  else "$(find_tool redis-cli)" -h 127.0.0.1 -p "$1" ping | grep -q PONG; fi
}

stop_pidfiles() { # pidfiles...
  local pidfile pid
  for pidfile in "$@"; do
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile" 2>/dev/null || true)
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait_for 30 shutdown sh -c "! kill -0 $pid" || kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile"
  done
}

start_cluster() {
  local cli secret nodes=() port i
  cli=$(find_tool redis-cli)
  stop_cluster
  rm -rf "$dir/cluster"
  mkdir -p "$dir/cluster"
  secret=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  for i in 0 1 2 3 4 5; do
    port=$((cluster_port + i))
    start_redis_node "$dir/cluster/$port" "$port" "$secret" 'cluster-enabled yes' \
      "cluster-config-file $dir/cluster/$port/nodes.conf" 'cluster-node-timeout 2000' \
      'cluster-replica-validity-factor 0'
    wait_for 30 "Redis $port" redis_ping "$port" "$secret" \
      || { tail -20 "$dir/cluster/$port/redis.log" >&2; die "Redis cluster node $port did not start within 30 s"; }
    nodes+=("127.0.0.1:$port")
  done
  say "creating a Redis Cluster of 3 masters and 3 replicas on 127.0.0.1:$cluster_port-$((cluster_port + 5))"
  env REDISCLI_AUTH="$secret" timeout 60 "$cli" --cluster create "${nodes[@]}" --cluster-replicas 1 --cluster-yes \
    >"$dir/cluster/create.log" 2>&1 || { cat "$dir/cluster/create.log" >&2; die "redis-cli --cluster create failed"; }
  for i in 0 1 2 3 4 5; do
    port=$((cluster_port + i))
    wait_for 60 "cluster state on $port" sh -c "REDISCLI_AUTH='$secret' '$cli' -h 127.0.0.1 -p $port cluster info | grep -q 'cluster_state:ok'" \
      || die "the Redis Cluster did not reach cluster_state:ok within 60 s (node $port)"
  done
  # Every replica has its master's data before a test may kill a master.
  for i in 3 4 5; do
    port=$((cluster_port + i))
    wait_for 60 "replica $port" sh -c "REDISCLI_AUTH='$secret' '$cli' -h 127.0.0.1 -p $port info replication | grep -q 'master_link_status:up'" \
      || die "cluster replica $port did not connect to its master within 60 s"
  done
  local list
  list=$(IFS=,; echo "${nodes[*]:0:3}")
  umask 077
  cat > "$dir/cluster.env" <<ENV
export QUIZFEST_TEST_REDIS_CLUSTER_URL='redis-cluster://:$secret@$list'
export QUIZFEST_TEST_REDIS_CLUSTER_DIR='$dir/cluster'
ENV
  say "ready: Redis Cluster 127.0.0.1:$cluster_port-$((cluster_port + 5)) (settings in $dir/cluster.env)"
}

stop_cluster() {
  local pidfiles=()
  [ -d "$dir/cluster" ] && pidfiles=("$dir"/cluster/*/redis.pid)
  [ ${#pidfiles[@]} -eq 0 ] || stop_pidfiles "${pidfiles[@]}"
  rm -f "$dir/cluster.env"
}

start_sentinel() {
  local cli secret master=$sentinel_port replica=$((sentinel_port + 1)) port i list=()
  cli=$(find_tool redis-cli)
  stop_sentinel
  rm -rf "$dir/sentinel"
  mkdir -p "$dir/sentinel"
  secret=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  say "starting a Redis master ($master), a replica ($replica) and 3 sentinels ($((sentinel_port + 2))-$((sentinel_port + 4)))"
  start_redis_node "$dir/sentinel/$master" "$master" "$secret"
  start_redis_node "$dir/sentinel/$replica" "$replica" "$secret" "replicaof 127.0.0.1 $master"
  for port in "$master" "$replica"; do
    wait_for 30 "Redis $port" redis_ping "$port" "$secret" \
      || { tail -20 "$dir/sentinel/$port/redis.log" >&2; die "Redis $port did not start within 30 s"; }
  done
  wait_for 60 "replica $replica" sh -c "REDISCLI_AUTH='$secret' '$cli' -h 127.0.0.1 -p $replica info replication | grep -q 'master_link_status:up'" \
    || die "the Sentinel set's replica did not connect to its master within 60 s"
  for i in 2 3 4; do
    port=$((sentinel_port + i))
    mkdir -p "$dir/sentinel/$port"
    umask 077
    # Sentinel rewrites its file (it records what it learns), so each has its own.
    cat > "$dir/sentinel/$port/sentinel.conf" <<CONF
port $port
bind 127.0.0.1
dir $dir/sentinel/$port
daemonize yes
pidfile $dir/sentinel/$port/redis.pid
logfile $dir/sentinel/$port/redis.log
sentinel monitor $sentinel_master 127.0.0.1 $master 2
sentinel auth-pass $sentinel_master $secret
sentinel down-after-milliseconds $sentinel_master 1000
sentinel failover-timeout $sentinel_master 5000
sentinel parallel-syncs $sentinel_master 1
CONF
    "$(find_tool redis-server)" "$dir/sentinel/$port/sentinel.conf" --sentinel
    wait_for 30 "sentinel $port" redis_ping "$port" \
      || { tail -20 "$dir/sentinel/$port/redis.log" >&2; die "sentinel $port did not start within 30 s"; }
    list+=("127.0.0.1:$port")
  done
  # The sentinels know each other and the replica before a test may ask for a failover.
  for i in 2 3 4; do
    port=$((sentinel_port + i))
    wait_for 60 "sentinel $port peers" sentinel_sees_all "$cli" "$port" \
      || die "sentinel $port did not see its 2 peers and the replica within 60 s"
  done
  local joined
  joined=$(IFS=,; echo "${list[*]}")
  umask 077
  cat > "$dir/sentinel.env" <<ENV
export QUIZFEST_TEST_REDIS_SENTINEL_URL='redis-sentinel://:$secret@$joined#$sentinel_master'
export QUIZFEST_TEST_REDIS_SENTINEL_DIR='$dir/sentinel'
ENV
  say "ready: Redis Sentinel set, master $sentinel_master on 127.0.0.1:$master (settings in $dir/sentinel.env)"
}

sentinel_sees_all() { # cli, port: the sentinel knows the replica and its 2 peers
  local info
  info=$("$1" -h 127.0.0.1 -p "$2" sentinel master "$sentinel_master" | tr '\n' ' ')
  [[ "$info" == *"num-slaves 1 "* && "$info" == *"num-other-sentinels 2 "* ]]
}

stop_sentinel() {
  local pidfiles=()
  [ -d "$dir/sentinel" ] && pidfiles=("$dir"/sentinel/*/redis.pid)
  [ ${#pidfiles[@]} -eq 0 ] || stop_pidfiles "${pidfiles[@]}"
  rm -f "$dir/sentinel.env"
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
  start-cluster) ensure_packages redis-only; mkdir -p "$dir"; start_cluster ;;
  stop-cluster) stop_cluster ;;
  start-sentinel) ensure_packages redis-only; mkdir -p "$dir"; start_sentinel ;;
  stop-sentinel) stop_sentinel ;;
  *) echo "usage: $0 start|stop|env|start-cluster|stop-cluster|start-sentinel|stop-sentinel" >&2; exit 2 ;;
esac
