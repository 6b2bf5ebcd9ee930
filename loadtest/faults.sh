#!/usr/bin/env bash
# QuizFest fault runs (issue 16, docs/benchmarks.md "Faults"): three cluster nodes of the server jar on
# 127.0.0.1 sharing one MariaDB database and one Redis (AOF every second), the load simulator's players
# spread over the three, and in each scenario a fault injected mid-question by the simulator's --fault
# hook. One summary per scenario in loadtest/target/faults/<scenario>/, and a table at the end.
#
#   loadtest/faults.sh                      # 2000 players, every scenario
#   loadtest/faults.sh 300 kill9 sigterm    # fewer players, some scenarios
#
# Scenarios: churn (5 % of the players drop every 3 s), mariadb (the database stopped 30 s), redis
# (Redis restarted: down 5 s, same port, its AOF), kill9 (kill -9 of the node driving the game),
# sigterm (SIGTERM of it), rolling (the three nodes restarted one by one with SIGTERM), sentinel (the
# nodes on a Sentinel set this script starts, a master and a replica with AOF and 3 sentinels; kill -9
# of the master, the sentinels promote the replica), cluster (the nodes on a Redis Cluster this script
# starts, 3 masters and 3 replicas with AOF; kill -9 of the master of the game's slot). For sentinel and
# cluster the nodes are started again on that Redis, and on the services' Redis for the scenarios after
# them; the sets use QUIZFEST_TEST_SENTINEL_PORT (16390..16394) and QUIZFEST_TEST_CLUSTER_PORT
# (16380..16385, and +10000 for the cluster bus) and are stopped on exit.
#
# Needs the test services (scripts/services.sh start) and their settings in the environment:
#   source "$QUIZFEST_SERVICES_DIR/env"   (QUIZFEST_TEST_MYSQL_URL, _USER, _PASSWORD, QUIZFEST_TEST_REDIS_URL)
# and QUIZFEST_SERVICES_DIR itself, for the database's command line and Redis' files (a restart).
# Builds nothing: run `./mvnw -B -DskipTests package` first. Every wait is bounded; only 127.0.0.1 is
# used; every process started here is stopped on exit.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
self="$root/loadtest/faults.sh"
server_jar=${QUIZFEST_FAULTS_SERVER_JAR:-$root/contest-server/target/contest-server.jar}
sim_jar=${QUIZFEST_FAULTS_SIM_JAR:-$root/loadtest/target/quizfest-loadtest.jar}
out_root=${QUIZFEST_FAULTS_OUT:-$root/loadtest/target/faults}
base_port=${QUIZFEST_FAULTS_PORT:-18191}
server_jvm=${QUIZFEST_FAULTS_SERVER_JVM:--Xms64m -Xmx640m -XX:+UseG1GC}
sim_jvm=${QUIZFEST_FAULTS_SIM_JVM:--Xmx1g}
ready_seconds=${QUIZFEST_FAULTS_READY_SECONDS:-180}
# On the shared 2-core machine a cold node's first Redis handshake outlasted the default 500 ms command
# timeout (which bounds the handshake too) and the node refused to start; the runs use 2 s.
server_args=${QUIZFEST_FAULTS_SERVER_ARGS:---quizfest.redis.command-timeout=2s}
# The game: 3 questions, answers 1-3 s after the open; the fault comes 1 s into the second question.
sim_args=${QUIZFEST_FAULTS_SIM_ARGS:---client nio --join-rate 400 --questions 3 --preview 1 --think 2,0.2,1,3 --missing 0 --wrong 0.3 --drop 0 --timeout 600 --resume-deadline 30s --resume-attempts 10}
fault_at=${QUIZFEST_FAULTS_AT:-q2-open+1s}
svc=${QUIZFEST_SERVICES_DIR:-}
state=${QUIZFEST_FAULTS_STATE:-$out_root/state}

redis_url=${QUIZFEST_TEST_REDIS_URL:-}
mysql_url=${QUIZFEST_TEST_MYSQL_URL:-}
mysql_user=${QUIZFEST_TEST_MYSQL_USER:-}
mysql_password=${QUIZFEST_TEST_MYSQL_PASSWORD:-}
[[ -n $redis_url && -n $mysql_url && -n $svc ]] || {
  echo "faults.sh needs the test services: QUIZFEST_SERVICES_DIR and its env (see the top of this script)" >&2; exit 2; }
# redis://:password@host:port -> the password and port for redis-cli
redis_password=${redis_url#redis://}; redis_password=${redis_password%@*}; redis_password=${redis_password#:}
redis_port=${redis_url##*:}; redis_port=${redis_port%%/*}
rcli() { REDISCLI_AUTH=$redis_password redis-cli -h 127.0.0.1 -p "$redis_port" "$@"; }
sentinel_port=${QUIZFEST_TEST_SENTINEL_PORT:-16390}
cluster_port=${QUIZFEST_TEST_CLUSTER_PORT:-16380}
# The fault hook runs this script again: it finds the sets on the same ports.
export QUIZFEST_TEST_SENTINEL_PORT=$sentinel_port QUIZFEST_TEST_CLUSTER_PORT=$cluster_port
sentinel_name=quizfest
# The Redis the nodes use now: standalone (the services'), sentinel or cluster (started by use_redis).
redis_mode=standalone
node_redis_url=$redis_url
set_password=
mysql_hostport=${mysql_url#jdbc:mysql://}; mysql_hostport=${mysql_hostport%%/*}
log() { echo "[faults $(date -u +%H:%M:%S)] $*" >&2; }

# ---- the Redis the nodes use ----------------------------------------------------------------------

# The port of the Sentinel set's master now, as the first sentinel that answers names it.
sentinel_master_port() {
  local i addr
  for i in 2 3 4; do
    addr=$(redis-cli -h 127.0.0.1 -p $((sentinel_port + i)) SENTINEL get-master-addr-by-name "$sentinel_name" 2>/dev/null \
      | tail -1) && [[ -n $addr ]] && { echo "$addr"; return 0; }
  done
  return 1
}

# Keys matching a pattern, wherever they live (every node of a cluster is scanned).
k_scan() {
  local p
  case $redis_mode in
    standalone) rcli --scan --pattern "$1" ;;
    sentinel) REDISCLI_AUTH=$set_password redis-cli -h 127.0.0.1 -p "$(sentinel_master_port)" --scan --pattern "$1" ;;
    cluster)
      for p in $(seq "$cluster_port" $((cluster_port + 5))); do
        REDISCLI_AUTH=$set_password redis-cli -h 127.0.0.1 -p "$p" --scan --pattern "$1" 2>/dev/null || true
      done | sort -u ;;
  esac
}

k_get() {
  local p
  case $redis_mode in
    standalone) rcli GET "$1" ;;
    sentinel) REDISCLI_AUTH=$set_password redis-cli -h 127.0.0.1 -p "$(sentinel_master_port)" GET "$1" ;;
    cluster)
      # The first node that answers follows the redirection (-c) to the slot's master.
      for p in $(seq "$cluster_port" $((cluster_port + 5))); do
        REDISCLI_AUTH=$set_password timeout 5 redis-cli -c -h 127.0.0.1 -p "$p" GET "$1" 2>/dev/null && return 0
      done
      return 1 ;;
  esac
}

# The password in a redis-sentinel:// or redis-cluster:// URL (":secret@...").
url_password() { local p=${1#*://}; p=${p%%@*}; echo "${p#:}"; }

# Moves the nodes to another Redis: they are stopped, the set is started (sentinel, cluster) and the
# scenario starts them again on it.
use_redis() {
  local mode=$1 i
  [[ $mode == "$redis_mode" ]] && return 0
  for i in 1 2 3; do stop_node "$i"; done
  rm -f "$state"/node*.id
  case $mode in
    standalone) node_redis_url=$redis_url ;;
    sentinel)
      QUIZFEST_TEST_SENTINEL_PORT=$sentinel_port "$root/scripts/services.sh" start-sentinel >&2
      # shellcheck disable=SC1091
      source "$svc/sentinel.env"
      node_redis_url=$QUIZFEST_TEST_REDIS_SENTINEL_URL; set_password=$(url_password "$node_redis_url")
      started_sets+=(sentinel) ;;
    cluster)
      QUIZFEST_TEST_CLUSTER_PORT=$cluster_port "$root/scripts/services.sh" start-cluster >&2
      # shellcheck disable=SC1091
      source "$svc/cluster.env"
      node_redis_url=$QUIZFEST_TEST_REDIS_CLUSTER_URL; set_password=$(url_password "$node_redis_url")
      started_sets+=(cluster) ;;
  esac
  redis_mode=$mode
  log "the nodes use the $mode Redis now"
}
started_sets=()

# ---- nodes --------------------------------------------------------------------------------------

node_alive() { local pid; pid=$(cat "$state/node$1.pid" 2>/dev/null) && kill -0 "$pid" 2>/dev/null; }

known_ids() { cat "$state"/node*.id "$state/seen-ids" 2>/dev/null | sort -u; }

# Starts node i (1-3); a start that fails (on a loaded machine the first Redis handshake can outlast the
# 500 ms command timeout) is tried once more.
start_node() { start_node_once "$1" || { log "starting node $1 again"; start_node_once "$1"; }; }

# Starts node i (1-3) on its port, detached, waits until it is ready and its heartbeat names it.
start_node_once() {
  local i=$1 port=$((base_port + $1 - 1)) before pid
  before=$(known_ids; k_scan 'quiz:node:*' | sed 's/^quiz:node://')
  printf '%s\n' "$before" >> "$state/seen-ids"
  # shellcheck disable=SC2086
  setsid env SPRING_PROFILES_ACTIVE=cluster QUIZFEST_DB_URL="jdbc:mysql://$mysql_hostport/qf_faults" \
    QUIZFEST_DB_USER="$mysql_user" QUIZFEST_DB_PASSWORD="$mysql_password" QUIZFEST_REDIS_URL="$node_redis_url" \
    QUIZFEST_ADMIN_PASSWORD="$(cat "$state/admin-password")" QUIZFEST_LOAD_SEED_BANK=true \
    java $server_jvm -jar "$server_jar" --server.port="$port" --server.address=127.0.0.1 \
    --quizfest.limits.joins-per-second=1000000 --quizfest.limits.players-per-address=1000000 \
    --quizfest.live.max-connections-per-address=1000000 --quizfest.limits.pin-misses-per-minute=100000 \
    --quizfest.limits.pin-misses-per-hour=1000000 --quizfest.http.max-connections-per-address=0 $server_args \
    >>"$state/node$i.log" 2>&1 < /dev/null &
  pid=$!
  echo "$pid" > "$state/node$i.pid"
  rm -f "$state/node$i.id"
  for _ in $(seq 1 "$ready_seconds"); do
    kill -0 "$pid" 2>/dev/null || { log "node $i stopped while starting; see $state/node$i.log"; return 1; }
    if curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null; then
      local id
      id=$(k_scan 'quiz:node:*' | sed 's/^quiz:node://' | grep -vxF -f <(printf '%s\n' "$before" | sed '/^$/d') | head -1 || true)
      if [[ -n $id ]]; then
        echo "$id" > "$state/node$i.id"
        log "node $i ready on port $port, pid $pid, node id $id"
        return 0
      fi
    fi
    sleep 1
  done
  log "node $i not ready (or no heartbeat) within $ready_seconds s; see $state/node$i.log"
  return 1
}

# SIGTERM, then (bounded) kill -9.
stop_node() {
  local i=$1 pid
  pid=$(cat "$state/node$i.pid" 2>/dev/null) || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  fi
  return 0
}

# The node (1-3) that holds the game's lease.
owner_node() {
  local id i
  id=$(k_get "quiz:{g:$1}:lease")
  for i in 1 2 3; do
    [[ $(cat "$state/node$i.id" 2>/dev/null) == "$id" && -n $id ]] && { echo "$i"; return 0; }
  done
  log "the lease of game $1 names node '$id', none of ours"; return 1
}

# ---- services ------------------------------------------------------------------------------------

start_redis() {
  redis-server "$svc/redis.conf" --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly yes \
    --appendfsync everysec --dir "$svc/redis" --daemonize yes --pidfile "$svc/redis.pid" --logfile "$svc/redis.log"
  for _ in $(seq 1 60); do rcli ping 2>/dev/null | grep -q PONG && return 0; sleep 0.5; done
  log "Redis did not come back within 30 s"; return 1
}

start_mariadb() {
  setsid bash -c "$(cat "$svc/mariadb.cmd")" >/dev/null 2>&1 < /dev/null &
  for _ in $(seq 1 120); do
    MYSQL_PWD=$mysql_password mysql --protocol=TCP -h 127.0.0.1 -P "${mysql_hostport##*:}" -u "$mysql_user" \
      -e 'SELECT 1' >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  log "MariaDB did not come back within 60 s"; return 1
}

wait_gone() { # pid seconds
  for _ in $(seq 1 $(($2 * 4))); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.25; done
  return 1
}

# ---- the faults, run by the simulator's --fault hook (QUIZFEST_FAULT_GAME is the game) -------------

inject() {
  local scenario=$1 owner i pid started
  case $scenario in
    kill9|sigterm)
      owner=$(owner_node "$QUIZFEST_FAULT_GAME")
      pid=$(cat "$state/node$owner.pid")
      echo "$owner" > "$state/faulted-node"
      if [[ $scenario == kill9 ]]; then
        log "kill -9 of node $owner (pid $pid), which drives game $QUIZFEST_FAULT_GAME"; kill -9 "$pid"
      else
        log "SIGTERM to node $owner (pid $pid), which drives game $QUIZFEST_FAULT_GAME"; kill -TERM "$pid"
      fi
      wait_gone "$pid" 60 || { log "node $owner still alive 60 s after the signal"; return 1; } ;;
    rolling)
      owner=$(owner_node "$QUIZFEST_FAULT_GAME")
      log "rolling restart, nodes 1 2 3 (game $QUIZFEST_FAULT_GAME on node $owner)"
      for i in 1 2 3; do
        pid=$(cat "$state/node$i.pid")
        log "SIGTERM to node $i (pid $pid)"; kill -TERM "$pid"
        wait_gone "$pid" 60 || { log "node $i still alive 60 s after SIGTERM"; return 1; }
        start_node "$i" || return 1
      done ;;
    redis)
      pid=$(cat "$svc/redis.pid")
      started=$(date +%s%N)
      log "Redis SHUTDOWN (pid $pid), down for 5 s"
      rcli SHUTDOWN >/dev/null 2>&1 || true
      wait_gone "$pid" 30 || { log "Redis still alive 30 s after SHUTDOWN"; return 1; }
      sleep "$(awk -v s="$started" -v n="$(date +%s%N)" 'BEGIN { d = 5 - (n - s) / 1e9; print (d > 0 ? d : 0) }')"
      start_redis; log "Redis back" ;;
    mariadb)
      pid=$(cat "$svc/mariadb.pid")
      started=$(date +%s%N)
      log "MariaDB stopped (pid $pid) for 30 s"
      kill -TERM "$pid"
      wait_gone "$pid" 30 || { log "MariaDB still alive 30 s after SIGTERM"; return 1; }
      sleep "$(awk -v s="$started" -v n="$(date +%s%N)" 'BEGIN { d = 30 - (n - s) / 1e9; print (d > 0 ? d : 0) }')"
      start_mariadb; log "MariaDB back" ;;
    sentinel)
      # shellcheck disable=SC1091
      source "$svc/sentinel.env"; set_password=$(url_password "$QUIZFEST_TEST_REDIS_SENTINEL_URL")
      local master
      master=$(sentinel_master_port) || { log "no sentinel names a master"; return 1; }
      pid=$(cat "$QUIZFEST_TEST_REDIS_SENTINEL_DIR/$master/redis.pid")
      started=$(date +%s%N)
      log "kill -9 of the Sentinel set's master (port $master, pid $pid)"
      kill -9 "$pid"
      for _ in $(seq 1 120); do
        now=$(sentinel_master_port || true)
        [[ -n $now && $now != "$master" ]] && break
        sleep 0.25
      done
      [[ $now != "$master" ]] || { log "the sentinels named no new master within 30 s"; return 1; }
      log "the sentinels promoted port $now, $(( ($(date +%s%N) - started) / 1000000 )) ms after the kill" ;;
    cluster)
      # shellcheck disable=SC1091
      source "$svc/cluster.env"; set_password=$(url_password "$QUIZFEST_TEST_REDIS_CLUSTER_URL")
      local slot master nodes
      slot=$(REDISCLI_AUTH=$set_password redis-cli -h 127.0.0.1 -p "$cluster_port" CLUSTER KEYSLOT "quiz:{g:$QUIZFEST_FAULT_GAME}:lease")
      nodes=$(REDISCLI_AUTH=$set_password redis-cli -h 127.0.0.1 -p "$cluster_port" CLUSTER NODES)
      master=$(python3 -c '
import sys
slot = int(sys.argv[1])
for line in sys.argv[2].splitlines():
    f = line.split()
    if "master" not in f[2] or "fail" in f[2]:
        continue
    for r in f[8:]:
        if r.startswith("["):
            continue
        lo, _, hi = r.partition("-")
        if int(lo) <= slot <= int(hi or lo):
            print(f[1].split("@")[0].split(":")[1])
' "$slot" "$nodes")
      [[ -n $master ]] || { log "no master holds slot $slot"; return 1; }
      pid=$(cat "$QUIZFEST_TEST_REDIS_CLUSTER_DIR/$master/redis.pid")
      started=$(date +%s%N)
      log "kill -9 of the cluster master of the game's slot $slot (port $master, pid $pid)"
      kill -9 "$pid"
      local survivor=$cluster_port
      [[ $survivor == "$master" ]] && survivor=$((cluster_port + 1))
      for _ in $(seq 1 120); do
        REDISCLI_AUTH=$set_password redis-cli -h 127.0.0.1 -p "$survivor" CLUSTER NODES 2>/dev/null \
          | grep -v fail | grep -v ":$master@" | awk -v s="$slot" '$3 ~ /master/ { for (i = 9; i <= NF; i++) { split($i, r, "-"); if (r[2] == "") r[2] = r[1]; if (s >= r[1] && s <= r[2]) ok = 1 } } END { exit !ok }' && break
        sleep 0.25
      done
      log "a replica holds slot $slot again, $(( ($(date +%s%N) - started) / 1000000 )) ms after the kill" ;;
    *) log "unknown fault $scenario"; return 2 ;;
  esac
}

if [[ ${1:-} == inject ]]; then
  inject "$2"
  exit $?
fi

# ---- the runs ------------------------------------------------------------------------------------

for jar in "$server_jar" "$sim_jar"; do
  [[ -f $jar ]] || { echo "Missing $jar: run ./mvnw -B -DskipTests package first." >&2; exit 2; }
done
players=${1:-2000}
shift || true
scenarios=${*:-churn mariadb redis kill9 sigterm rolling}

cleanup() {
  local i set
  for i in 1 2 3; do stop_node "$i"; done
  for set in "${started_sets[@]}"; do
    QUIZFEST_TEST_SENTINEL_PORT=$sentinel_port QUIZFEST_TEST_CLUSTER_PORT=$cluster_port \
      "$root/scripts/services.sh" "stop-$set" >/dev/null 2>&1 || true
  done
  # The services' Redis runs without persistence outside these runs.
  rcli CONFIG SET appendonly no >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

rm -rf "$state"; mkdir -p "$state"
export QUIZFEST_FAULTS_STATE=$state
umask 077
openssl rand -hex 16 > "$state/admin-password"
MYSQL_PWD=$mysql_password mysql --protocol=TCP -h 127.0.0.1 -P "${mysql_hostport##*:}" -u "$mysql_user" -e \
  "DROP DATABASE IF EXISTS qf_faults; CREATE DATABASE qf_faults CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
# AOF every second (docs/operations.md): what survives a Redis restart.
rcli CONFIG SET appendonly yes >/dev/null
rcli CONFIG SET appendfsync everysec >/dev/null
for _ in $(seq 1 60); do rcli INFO persistence | grep -q 'aof_rewrite_in_progress:0' && break; sleep 0.5; done

urls="http://127.0.0.1:$base_port,http://127.0.0.1:$((base_port + 1)),http://127.0.0.1:$((base_port + 2))"
table="$out_root/table.md"
mkdir -p "$out_root"
printf '| fault | answers acknowledged / stored (lost) | players affected (resumed) | recovery p50 / p99 | first frame after p50 / p99 | resumes ok / failed | load average | verdict |\n|---|---|---|---|---|---|---|---|\n' > "$table"

for scenario in $scenarios; do
  dir=$out_root/$scenario
  rm -rf "$dir"; mkdir -p "$dir"
  case $scenario in
    sentinel|cluster) use_redis "$scenario" ;;
    *) use_redis standalone ;;
  esac
  # Nodes a previous scenario stopped are started again, one at a time (each heartbeat names one node).
  for i in 1 2 3; do node_alive "$i" || start_node "$i"; done
  rcli CONFIG SET appendonly yes >/dev/null
  fault=()
  case $scenario in
    churn) fault=(--churn 0.05/3s) ;;
    # The three restarts take minutes on a loaded machine: a game long enough to be running throughout.
    rolling) fault=(--questions "${QUIZFEST_FAULTS_ROLLING_QUESTIONS:-40}" --timeout 900 --fault "$fault_at:$self inject $scenario") ;;
    *) fault=(--fault "$fault_at:$self inject $scenario") ;;
  esac
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  log "== $scenario, $players players, load average $load_before"
  # shellcheck disable=SC2086
  QUIZFEST_LOADTEST_PASSWORD=$(cat "$state/admin-password") timeout 1000 java $sim_jvm -jar "$sim_jar" \
    --url "$urls" --user admin --players "$players" --out "$dir" $sim_args "${fault[@]}" >"$dir/simulator.log" 2>&1 || true
  load_after=$(cut -d' ' -f1-3 /proc/loadavg)
  echo "load average before: $load_before; after: $load_after" > "$dir/load.txt"
  tail -3 "$dir/simulator.log" >&2
  for i in 1 2 3; do cp "$state/node$i.log" "$dir/node$i.log" 2>/dev/null || true; done
  if [[ -f $dir/summary.json ]]; then
    python3 - "$dir/summary.json" "$scenario" "$load_before / $load_after" >> "$table" <<'PY'
import json, sys
s = json.load(open(sys.argv[1])); name = sys.argv[2]; load = sys.argv[3]
a = s.get("lostAnswers", {}); f = s.get("fault", {}); fo = s.get("failover", {})
aff = f.get("affected", {}); rec = f.get("recoveryMs", {}); first = f.get("firstFrameMs", {})
def pp(h): return "%s / %s ms" % (h.get("p50", "-"), h.get("p99", "-")) if h.get("count") else "-"
if name == "churn":
    c = s.get("churn", {}); affected = "%s drops in %s rounds" % (c.get("dropped"), c.get("rounds"))
    t = fo.get("timeToResumeMs", {}); recovery = "resume " + pp(t)
else:
    affected = "%s (%s)" % (aff.get("players", "-"), aff.get("resumed", "-")); recovery = pp(rec)
ok = sum(fo.get("resumed", {}).values()) if fo.get("resumed") else 0
verdict = "ok" if s["verdict"]["ok"] else "; ".join(s["verdict"]["problems"])
print("| %s | %s / %s (%s) | %s | %s | %s | %s / %s | %s | %s |" % (name, a.get("acknowledged"), a.get("stored"),
      a.get("lost"), affected, recovery, pp(first), ok, fo.get("failed"), load, verdict.replace("|", "/")))
PY
  else
    echo "| $scenario | no summary (see $dir/simulator.log) | | | | | $load_before / $load_after | failed |" >> "$table"
  fi
done
cat "$table"
