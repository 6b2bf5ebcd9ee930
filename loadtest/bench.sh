#!/usr/bin/env bash
# QuizFest benchmark (docs/benchmarks.md): for each mode and player count, start the server jar,
# warm it up with a small game, run the load simulator with N players on 127.0.0.1, sample the
# server's resident memory and heap, stop the server. Results: loadtest/target/bench/<mode>-<N>/.
#
#   loadtest/bench.sh                         # the whole matrix: embedded and cluster x 1000 5000 10000
#   loadtest/bench.sh embedded 10000          # one mode, some sizes
#
# Builds nothing: run `./mvnw -B -DskipTests package` first. Cluster mode needs a MySQL/MariaDB and a
# Redis: QUIZFEST_BENCH_MYSQL_URL (a server URL, the script creates the database qf_bench), _USER,
# _PASSWORD and QUIZFEST_BENCH_REDIS_URL, or the test services' QUIZFEST_TEST_* variables
# (source /tmp/quizfest-services-<uid>/env). Every wait is bounded; only 127.0.0.1 is used.
set -euo pipefail
: "${QUIZFEST_BENCH_SERVER_ARGS:=}" "${QUIZFEST_BENCH_SIM_EXTRA:=}"

root=$(cd "$(dirname "$0")/.." && pwd)
# QUIZFEST_BENCH_SERVER_JAR, _SERVER_JAVA, _OUT and _LABEL let loadtest/fanout-bench.sh run other
# builds, JDKs and collectors through this same script.
server_jar=${QUIZFEST_BENCH_SERVER_JAR:-$root/contest-server/target/contest-server.jar}
server_java=${QUIZFEST_BENCH_SERVER_JAVA:-java}
out_root=${QUIZFEST_BENCH_OUT:-$root/loadtest/target/bench}
sim_jar=${QUIZFEST_BENCH_SIM_JAR:-$root/loadtest/target/quizfest-loadtest.jar}
port=${QUIZFEST_BENCH_PORT:-18090}
# Server JVM: G1 with a 1 GB cap (10,000 players keep about 240 MB live); the free-ratio bounds make the
# committed heap follow the live heap after a collection instead of staying at its high-water mark.
server_jvm=${QUIZFEST_BENCH_SERVER_JVM:--Xms64m -Xmx1g -XX:+UseG1GC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30}
sim_jvm=${QUIZFEST_BENCH_SIM_JVM:--Xmx1536m}
# The simulated game: answers land within about 2 s of the open (think 2 s, sigma 0.2, 1-3 s).
# The phones' client: the lean one (Netty), so that the simulator leaves the server more of the cores.
sim_args=${QUIZFEST_BENCH_SIM_ARGS:---client ${QUIZFEST_BENCH_CLIENT:-nio} --warmup 200 --join-rate 1000 --questions 3 --preview 1 --think 2,0.2,1,3 --missing 0 --wrong 0.3 --drop 0.01 --timeout 900}

# QUIZFEST_BENCH_GAMES=N: N games at once, the N players spread over them (the simulator's --games);
# the results go to <mode>-<N>-games<G>/.
games=${QUIZFEST_BENCH_GAMES:-1}
[[ $games =~ ^[0-9]+$ && $games -ge 1 ]] || { echo "QUIZFEST_BENCH_GAMES must be a whole number of games, 1 or more" >&2; exit 2; }
games_args=
games_label=
if (( games > 1 )); then games_args="--games $games"; games_label="-games$games"; fi

modes=${1:-embedded cluster}
sizes=${2:-1000 5000 10000}

for jar in "$server_jar" "$sim_jar"; do
  [[ -f $jar ]] || { echo "Missing $jar: run ./mvnw -B -DskipTests package first." >&2; exit 2; }
done

mysql_url=${QUIZFEST_BENCH_MYSQL_URL:-${QUIZFEST_TEST_MYSQL_URL:-}}
mysql_user=${QUIZFEST_BENCH_MYSQL_USER:-${QUIZFEST_TEST_MYSQL_USER:-}}
mysql_password=${QUIZFEST_BENCH_MYSQL_PASSWORD:-${QUIZFEST_TEST_MYSQL_PASSWORD:-}}
redis_url=${QUIZFEST_BENCH_REDIS_URL:-${QUIZFEST_TEST_REDIS_URL:-}}

server_pid=
stop_server() {
  if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"
    for _ in $(seq 1 40); do kill -0 "$server_pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$server_pid" 2>/dev/null && kill -9 "$server_pid"
  fi
  server_pid=
}
trap stop_server EXIT

fresh_database() {
  # jdbc:mysql://host:port/anything?params -> host and port for the mysql client
  local hostport=${mysql_url#jdbc:mysql://}; hostport=${hostport%%/*}
  MYSQL_PWD=$mysql_password mysql --protocol=TCP -h "${hostport%%:*}" -P "${hostport##*:}" -u "$mysql_user" -e \
    "DROP DATABASE IF EXISTS qf_bench; CREATE DATABASE qf_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  echo "jdbc:mysql://$hostport/qf_bench"
}

start_server() { # mode dir
  local mode=$1 dir=$2
  export QUIZFEST_ADMIN_PASSWORD
  QUIZFEST_ADMIN_PASSWORD=$(openssl rand -hex 16)
  local env=(QUIZFEST_LOAD_SEED_BANK=true)
  if [[ $mode == cluster ]]; then
    [[ -n $mysql_url && -n $redis_url ]] || { echo "cluster mode needs QUIZFEST_BENCH_MYSQL_URL and QUIZFEST_BENCH_REDIS_URL (see the top of this script)" >&2; exit 2; }
    env+=(SPRING_PROFILES_ACTIVE=cluster "QUIZFEST_DB_URL=$(fresh_database)" "QUIZFEST_DB_USER=$mysql_user"
      "QUIZFEST_DB_PASSWORD=$mysql_password" "QUIZFEST_REDIS_URL=$redis_url")
  else
    rm -rf "$dir/data"
    env+=("QUIZFEST_DATA_DIR=$dir/data")
  fi
  # shellcheck disable=SC2086
  # Every simulated phone is 127.0.0.1: the per-address limits of a public game (docs/operations.md,
  # "Live abuse limits") are lifted for the run, as a site behind one NAT address would raise them.
  env "${env[@]}" "$server_java" $server_jvm -jar "$server_jar" --server.port="$port" --server.address=127.0.0.1 \
    --quizfest.limits.joins-per-second=1000000 --quizfest.limits.players-per-address=1000000 \
    --quizfest.live.max-connections-per-address=1000000 --quizfest.limits.pin-misses-per-minute=100000 \
    --quizfest.limits.pin-misses-per-hour=1000000 --quizfest.http.max-connections-per-address=0 \
    ${QUIZFEST_BENCH_SERVER_ARGS:-} \
    >"$dir/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 "${QUIZFEST_BENCH_READY_SECONDS:-120}"); do
    curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null && return 0
    kill -0 "$server_pid" 2>/dev/null || { echo "The server stopped; see $dir/server.log" >&2; exit 1; }
    sleep 1
  done
  echo "The server was not ready within ${QUIZFEST_BENCH_READY_SECONDS:-120} s; see $dir/server.log" >&2
  exit 1
}

simulate() { # dir players extra-args...
  local dir=$1 players=$2; shift 2
  # shellcheck disable=SC2086
  QUIZFEST_LOADTEST_PASSWORD=$QUIZFEST_ADMIN_PASSWORD timeout 1200 java $sim_jvm -jar "$sim_jar" \
    --url "http://127.0.0.1:$port" --user admin --players "$players" --out "$dir" "$@" || true
}

# Waits (bounded) for the machine to calm down after start-up and warm-up, so that one run's load does
# not leak into the next run's numbers: the 1-minute load average below QUIZFEST_BENCH_SETTLE_LOAD.
settle() {
  local limit=${QUIZFEST_BENCH_SETTLE_LOAD:-0.8}
  for _ in $(seq 1 "${QUIZFEST_BENCH_SETTLE_SECONDS:-120}"); do
    awk -v limit="$limit" '{ exit !($1 < limit) }' /proc/loadavg && return 0
    sleep 1
  done
}

for mode in $modes; do
  for n in $sizes; do
    dir=$out_root/${QUIZFEST_BENCH_LABEL:-$mode}-$n$games_label
    rm -rf "$dir"; mkdir -p "$dir"
    echo "== $mode, $n players: $(uptime)" | tee "$dir/uptime.txt"
    start_server "$mode" "$dir"
    # Warm-up: JIT, pools and caches, so that 'idle' below is the same server after warm-up.
    simulate "$dir/warmup" 200 --time-scale 0.05 --questions 2 --preview 0 --timeout 120 >"$dir/warmup.log" 2>&1
    settle
    echo "== measured run starts: $(uptime)" | tee -a "$dir/uptime.txt"
    # shellcheck disable=SC2086
    simulate "$dir" "$n" --server-pid "$server_pid" $sim_args $games_args $QUIZFEST_BENCH_SIM_EXTRA 2>&1 | tee "$dir/simulator.log"
    stop_server
    echo "== done: $dir/report.html; load after: $(uptime)" | tee -a "$dir/uptime.txt"
  done
done
