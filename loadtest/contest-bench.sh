#!/usr/bin/env bash
# QuizFest online-contest benchmark (docs/benchmarks.md, "Online contest"), on the cluster shape:
# one server node on 127.0.0.1 with a fresh MySQL/MariaDB database and a Redis.
#
#   loadtest/contest-bench.sh load [ENTRANTS] [RATE] [LIVE_PLAYERS]
#       contest entrants at RATE attempt starts per second (default 6000 at 50/s, 10 questions each)
#       while a live game with LIVE_PLAYERS players (default 500) runs on the same node
#   loadtest/contest-bench.sh close [ATTEMPTS]
#       a round filled with ATTEMPTS submitted attempts (default 500,000) straight in the database,
#       then the close and the unit reports timed through the API
#   loadtest/contest-bench.sh both [ENTRANTS] [RATE] [LIVE_PLAYERS] [ATTEMPTS]
#       load, then close, on the same server (one start-up instead of two)
#
# Builds nothing: run `./mvnw -B -DskipTests package` first. Needs QUIZFEST_BENCH_MYSQL_URL (a server
# URL; the script creates the database qf_cbench), _USER, _PASSWORD and QUIZFEST_BENCH_REDIS_URL, or
# the test services' QUIZFEST_TEST_* variables (source /tmp/quizfest-services-<uid>/env).
# Results: loadtest/target/contest-bench/<what>/. Every wait is bounded; only 127.0.0.1 is used.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
server_jar=$root/contest-server/target/contest-server.jar
sim_jar=$root/loadtest/target/quizfest-loadtest.jar
port=${QUIZFEST_BENCH_PORT:-18091}
server_jvm=${QUIZFEST_BENCH_SERVER_JVM:--Xms64m -Xmx1g -XX:+UseG1GC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30}
sim_jvm=${QUIZFEST_BENCH_SIM_JVM:--Xmx1g}
# The entrants' HTTP client: nio (the lean keep-alive client on Netty) or jdk (the JDK's HttpClient).
http_client=${QUIZFEST_BENCH_HTTP:-nio}
# Settings the server gets for the benchmark only, e.g. rate limits raised: every simulated phone
# comes from 127.0.0.1, which a real deployment would see as one very busy address.
# The live game's per-address limits too (joins per second, players and sockets per address), and the
# HTTP connections per address (the entrants' keep-alive pool and the live sockets): the live
# simulator's phones are all 127.0.0.1 as well.
# A 2 s Redis command timeout, as loadtest/faults.sh: a busy machine's first handshake outlasted the
# default 500 ms and the server refused to start.
server_extra=${QUIZFEST_BENCH_SERVER_ARGS:---quizfest.redis.command-timeout=2s --quizfest.contests.starts-per-address=1000000 --quizfest.contests.requests-per-address=100000000 --quizfest.limits.joins-per-second=100000 --quizfest.limits.players-per-address=1000000 --quizfest.live.max-connections-per-address=1000000 --quizfest.http.max-connections-per-address=0}

what=${1:-load}
[[ $what == load || $what == close || $what == both ]] || { echo "usage: $0 load [ENTRANTS] [RATE] [LIVE_PLAYERS] | close [ATTEMPTS] | both [ENTRANTS] [RATE] [LIVE_PLAYERS] [ATTEMPTS]" >&2; exit 2; }

for jar in "$server_jar" "$sim_jar"; do
  [[ -f $jar ]] || { echo "Missing $jar: run ./mvnw -B -DskipTests package first." >&2; exit 2; }
done

mysql_url=${QUIZFEST_BENCH_MYSQL_URL:-${QUIZFEST_TEST_MYSQL_URL:-}}
mysql_user=${QUIZFEST_BENCH_MYSQL_USER:-${QUIZFEST_TEST_MYSQL_USER:-}}
mysql_password=${QUIZFEST_BENCH_MYSQL_PASSWORD:-${QUIZFEST_TEST_MYSQL_PASSWORD:-}}
redis_url=${QUIZFEST_BENCH_REDIS_URL:-${QUIZFEST_TEST_REDIS_URL:-}}
[[ -n $mysql_url && -n $redis_url ]] || { echo "needs QUIZFEST_BENCH_MYSQL_URL and QUIZFEST_BENCH_REDIS_URL (see the top of this script)" >&2; exit 2; }
hostport=${mysql_url#jdbc:mysql://}; hostport=${hostport%%/*}
database_url="jdbc:mysql://$hostport/qf_cbench"

server_pid=
live_pid=
stop_all() {
  for pid in $live_pid $server_pid; do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    fi
  done
  server_pid=; live_pid=
}
trap stop_all EXIT

dir=$root/loadtest/target/contest-bench/$what-$(date -u +%H%M%S)
mkdir -p "$dir"
# Run copies: a build during the run (package rewrites the jars) must not pull classes from under it.
cp "$server_jar" "$dir/contest-server.jar"; server_jar=$dir/contest-server.jar
cp "$sim_jar" "$dir/quizfest-loadtest.jar"; sim_jar=$dir/quizfest-loadtest.jar
echo "== $what: $(uptime)" | tee "$dir/uptime.txt"

MYSQL_PWD=$mysql_password mysql --protocol=TCP -h "${hostport%%:*}" -P "${hostport##*:}" -u "$mysql_user" -e \
  "DROP DATABASE IF EXISTS qf_cbench; CREATE DATABASE qf_cbench CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"

export QUIZFEST_ADMIN_PASSWORD QUIZFEST_LOADTEST_PASSWORD
QUIZFEST_ADMIN_PASSWORD=$(openssl rand -hex 16)
QUIZFEST_LOADTEST_PASSWORD=$QUIZFEST_ADMIN_PASSWORD
# shellcheck disable=SC2086
env QUIZFEST_LOAD_SEED_BANK=true SPRING_PROFILES_ACTIVE=cluster "QUIZFEST_DB_URL=$database_url" \
  "QUIZFEST_DB_USER=$mysql_user" "QUIZFEST_DB_PASSWORD=$mysql_password" "QUIZFEST_REDIS_URL=$redis_url" \
  java $server_jvm -jar "$server_jar" --server.port="$port" --server.address=127.0.0.1 $server_extra \
  >"$dir/server.log" 2>&1 &
server_pid=$!
ready=
# Start-up takes 15 s on an idle machine, over 4 minutes on a busy shared one: wait up to 10 minutes.
for _ in $(seq 1 "${QUIZFEST_BENCH_READY_SECONDS:-600}"); do
  curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null && { ready=yes; break; }
  kill -0 "$server_pid" 2>/dev/null || { echo "The server stopped; see $dir/server.log" >&2; exit 1; }
  sleep 1
done
[[ -n $ready ]] || { echo "The server was not ready in time; see $dir/server.log" >&2; exit 1; }
echo "== server ready: $(uptime)" | tee -a "$dir/uptime.txt"
url=http://127.0.0.1:$port

run_close() { # attempts
  local attempts=$1
  echo "== close bench starts: $(uptime)" | tee -a "$dir/uptime.txt"
  QUIZFEST_BENCH_DB_PASSWORD=$mysql_password timeout 1800 java $sim_jvm -cp "$sim_jar" \
    vn.quizfest.loadtest.ContestCloseBench --url "$url" --user admin --jdbc "$database_url" \
    --db-user "$mysql_user" --attempts "$attempts" --out "$dir" 2>&1 | tee "$dir/bench.log"
  grep -E 'VmRSS|VmHWM' "/proc/$server_pid/status" | tee -a "$dir/bench.log" || true
}

cpu_ticks() { # pid -> user+system clock ticks so far (0 when unknown)
  [[ -n ${1:-} && -r /proc/$1/stat ]] || { echo 0; return; }
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}

db_pid() { # the database server listening on the benchmark's MySQL port
  local p=${hostport##*:}
  ss -ltnpH "sport = :$p" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2
}

db_statements() {
  MYSQL_PWD=$mysql_password mysql --protocol=TCP -h "${hostport%%:*}" -P "${hostport##*:}" -u "$mysql_user" -N -e \
    "SHOW GLOBAL STATUS LIKE 'Questions'" 2>/dev/null | awk '{ print $2 }' || echo 0
}

run_load() { # entrants rate live
  local entrants=$1 rate=$2 live=$3
  # Warm-up: JIT, pools and caches, with a small contest and a small game.
  timeout 180 java $sim_jvm -jar "$sim_jar" --mode contest --url "$url" --user admin --entrants 300 \
    --start-rate 100 --questions 10 --time-scale 0.05 --lapse 0 --http "$http_client" --out "$dir/warmup-contest" \
    >"$dir/warmup-contest.log" 2>&1 || true
  timeout 180 java $sim_jvm -jar "$sim_jar" --url "$url" --user admin --players 200 --questions 2 \
    --preview 0 --time-scale 0.05 --timeout 120 --out "$dir/warmup-live" >"$dir/warmup-live.log" 2>&1 || true
  echo "== measured run starts: $(uptime)" | tee -a "$dir/uptime.txt"
  if (( live > 0 )); then
    # A live game over the contest run's busy part: 20 questions, about 10 s each.
    timeout 1200 java -Xmx512m -jar "$sim_jar" --url "$url" --user admin --players "$live" --join-rate 200 \
      --questions 20 --preview 1 --think 4,0.4,1,8 --drop 0.01 --timeout 1100 --out "$dir/live" \
      >"$dir/live.log" 2>&1 &
    live_pid=$!
    sleep 10
  fi
  # CPU per request, which a busy machine stretches far less than latency: the server's and the
  # database's CPU time and the database's statement count over the contest run.
  local server_cpu0 db_cpu0 statements0 sim_start
  server_cpu0=$(cpu_ticks "$server_pid"); db_cpu0=$(cpu_ticks "$(db_pid)"); statements0=$(db_statements)
  sim_start=$(date +%s.%N)
  local TIMEFORMAT='%U %S'
  { time timeout 1800 java $sim_jvm -jar "$sim_jar" --mode contest --url "$url" --user admin --entrants "$entrants" \
    --start-rate "$rate" --questions 10 --time-limit 180 --think 4,0.5,1,15 --server-pid "$server_pid" \
    --http "$http_client" --timeout 1500 --out "$dir/contest" >"$dir/contest.log" 2>&1 ; } 2>"$dir/simulator-cpu.txt" || true
  tail -40 "$dir/contest.log"
  echo "== contest run done: $(uptime)" | tee -a "$dir/uptime.txt"
  local requests
  requests=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(sum(v.get('count',0) for k,v in d['latencyMs'].items() if k!='audit'))" "$dir/contest/summary.json" 2>/dev/null || echo 0)
  python3 - "$requests" "$server_cpu0" "$(cpu_ticks "$server_pid")" "$db_cpu0" "$(cpu_ticks "$(db_pid)")" \
    "$statements0" "$(db_statements)" "$sim_start" "$(date +%s.%N)" "$(cat "$dir/simulator-cpu.txt")" <<'PY' | tee "$dir/cpu.txt"
import sys
req, s0, s1, d0, d1, q0, q1, t0, t1, simcpu = sys.argv[1:11]
req = max(1, int(req)); tick = 10.0  # ms per clock tick (CLK_TCK 100)
wall = float(t1) - float(t0)
sim = sum(float(x) for x in simcpu.split()[-2:]) * 1000 if simcpu.strip() else 0
server = (int(s1) - int(s0)) * tick; db = (int(d1) - int(d0)) * tick
print(f"contest requests {req} in {wall:.0f} s (the live game's load included in the CPU figures)")
print(f"server CPU {server/1000:.1f} s = {server/req:.2f} ms per request; {server/wall/1000:.2f} cores")
print(f"database CPU {db/1000:.1f} s = {db/req:.2f} ms per request; statements {int(q1)-int(q0)} = {(int(q1)-int(q0))/req:.1f} per request")
print(f"simulator CPU {sim/1000:.1f} s = {sim/req:.2f} ms per request")
PY
  if [[ -n $live_pid ]]; then
    # The live game goes on to its end (bounded by its own --timeout).
    wait "$live_pid" || true
    live_pid=
    tail -3 "$dir/live.log"
  fi
}

case $what in
  close) run_close "${2:-500000}" ;;
  load) run_load "${2:-6000}" "${3:-50}" "${4:-500}" ;;
  both) run_load "${2:-6000}" "${3:-50}" "${4:-500}"; run_close "${5:-500000}" ;;
esac
echo "== done: $dir; load after: $(uptime)" | tee -a "$dir/uptime.txt"
