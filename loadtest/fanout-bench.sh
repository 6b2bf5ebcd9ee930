#!/usr/bin/env bash
# The fan-out matrix (docs/benchmarks.md, "Containers and collectors"): the embedded server under
# Tomcat 11 and Jetty 12 (the same code and settings, spring-boot-starter-websocket on each), each with
# G1 and ZGC on JDK 17 and on JDK 25 (where ZGC is generational), for each player count, one command:
#
#   loadtest/fanout-bench.sh                       # 2000 players, the whole matrix
#   loadtest/fanout-bench.sh "10000 20000"         # the sizes of the issue, on a quiet machine
#   loadtest/fanout-bench.sh 5000 "tomcat" "g1-17 zgc-25"
#
# Each run goes through loadtest/bench.sh (embedded mode), so it warms up, waits for the machine to
# settle, measures, and writes loadtest/target/fanout-bench/<container>-<collector>-<N>/ with
# summary.json (the simulator's and the server's CPU included), report.html and uptime.txt; the table
# of all runs is printed at the end. Needs the two server jars and the simulator:
#   ./mvnw -B -ntp -DskipTests package
#   ./mvnw -B -ntp -DskipTests -pl contest-server -am package -Pjetty      # contest-server-jetty.jar
# JDK 25: QUIZFEST_BENCH_JAVA25 (default /usr/lib/jvm/temurin-25-jdk-amd64/bin/java); a collector whose
# JDK is missing is skipped with a message. Only 127.0.0.1 is used; every run is bounded by bench.sh.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
sizes=${1:-2000}
containers=${2:-tomcat jetty}
collectors=${3:-g1-17 zgc-17 g1-25 zgc-25}
java17=${QUIZFEST_BENCH_JAVA17:-java}
java25=${QUIZFEST_BENCH_JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
out=${QUIZFEST_FANOUT_BENCH_OUT:-$root/loadtest/target/fanout-bench}
# The same heap bounds for every collector: 64 MB to 1 GB. G1 gets the free-ratio bounds of bench.sh;
# ZGC gives memory back by itself (ZUncommit) and is generational on 25 (the only ZGC there).
g1_flags="-Xms64m -Xmx1g -XX:+UseG1GC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30"
zgc_flags="-Xms64m -Xmx1g -XX:+UseZGC"

jar_of() {
  case $1 in
    tomcat) echo "$root/contest-server/target/contest-server.jar" ;;
    jetty) echo "$root/contest-server/target/contest-server-jetty.jar" ;;
    *) echo "unknown container '$1' (tomcat or jetty)" >&2; exit 2 ;;
  esac
}

mkdir -p "$out"
for container in $containers; do
  jar=$(jar_of "$container")
  if [[ ! -f $jar ]]; then
    echo "== skipped $container: $jar is missing (see the top of this script for how to build it)" | tee -a "$out/skipped.txt"
    continue
  fi
  for collector in $collectors; do
    case $collector in
      g1-17) java=$java17 flags=$g1_flags ;;
      zgc-17) java=$java17 flags=$zgc_flags ;;
      g1-25) java=$java25 flags=$g1_flags ;;
      zgc-25) java=$java25 flags=$zgc_flags ;;
      *) echo "unknown collector '$collector' (g1-17, zgc-17, g1-25, zgc-25)" >&2; exit 2 ;;
    esac
    if ! "$java" -version >/dev/null 2>&1; then
      echo "== skipped $container-$collector: no JDK at $java" | tee -a "$out/skipped.txt"
      continue
    fi
    echo "== $container, $collector ($flags), sizes $sizes: $(uptime)"
    QUIZFEST_BENCH_SERVER_JAR=$jar QUIZFEST_BENCH_SERVER_JAVA=$java QUIZFEST_BENCH_SERVER_JVM=$flags \
      QUIZFEST_BENCH_OUT=$out QUIZFEST_BENCH_LABEL=$container-$collector \
      "$root/loadtest/bench.sh" embedded "$sizes" || echo "== $container-$collector failed; see $out" >&2
  done
done
java -cp "$root/loadtest/target/quizfest-loadtest.jar" vn.quizfest.loadtest.BenchTable "$out" | tee "$out/table.md"
