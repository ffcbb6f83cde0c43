#!/usr/bin/env bash
# A single-node Apache Kafka broker (KRaft) for development and CI, run from the broker jars on
# Maven Central: no Docker, no download beyond the first Maven fetch (cached in ~/.m2).
#
#   test/infra/kafka.sh start|stop|status
#
# KAFKA_PORT       client port on 127.0.0.1 (default 9092); the controller listens on KAFKA_PORT+1
# KAFKA_DIR        data, configuration, PID and log (default: a temp folder, remembered per port so
#                  that stop/start resume the same broker with its data)
# KAFKA_WAIT_SECS  how long start waits for the broker to accept a topic (default 90)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$here/kafka"
port="${KAFKA_PORT:-9092}"
controller_port="${KAFKA_CONTROLLER_PORT:-$((port + 1))}"
wait_secs="${KAFKA_WAIT_SECS:-90}"
pointer="${TMPDIR:-/tmp}/dyad-kafka-$port.dir"

fail() {
  echo "kafka.sh: $*" >&2
  exit 1
}

resolve_dir() {
  if [[ -n "${KAFKA_DIR:-}" ]]; then
    dir="$KAFKA_DIR"
  elif [[ -f "$pointer" && -d "$(cat "$pointer")" ]]; then
    dir="$(cat "$pointer")"
  elif [[ "${1:-}" == create ]]; then
    dir="$(mktemp -d "${TMPDIR:-/tmp}/dyad-kafka.XXXXXX")"
  else
    dir=""
    return
  fi
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  echo "$dir" >"$pointer"
}

running_pid() {
  [[ -n "$dir" && -f "$dir/kafka.pid" ]] || return 1
  local pid
  pid="$(cat "$dir/kafka.pid")"
  kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# The jars are fetched once; later runs work offline from ~/.m2 and target/.
ensure_jars() {
  local stamp="$project/target/classpath.ok"
  if [[ -f "$stamp" && "$stamp" -nt "$project/pom.xml" && "$stamp" -nt "$project/src/main/java/KafkaReady.java" ]]; then
    return
  fi
  command -v java >/dev/null || fail "java is not installed (Kafka needs Java 17 or later)"
  command -v mvn >/dev/null || fail "mvn is not installed (it fetches the Kafka jars from Maven Central)"
  echo "kafka.sh: fetching the Kafka broker jars with Maven (once)"
  local mvn_args=(-q -B --no-transfer-progress -Dstyle.color=never -f "$project/pom.xml" package)
  if ! mvn -o "${mvn_args[@]}" >/dev/null 2>&1; then
    mvn "${mvn_args[@]}" || fail "Maven could not fetch the Kafka jars (see above)"
  fi
  touch "$stamp"
}

# The broker's own complaints first; a plain tail when it has none.
explain() {
  local problems
  problems="$(grep -E '\] (ERROR|FATAL|WARN) ' "$dir/kafka.log" | tail -n 15 || true)"
  echo "kafka.sh: $1; from $dir/kafka.log:" >&2
  if [[ -n "$problems" ]]; then echo "$problems" >&2; else tail -n 30 "$dir/kafka.log" >&2; fi
}

jvm=(java -Xms128m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true
  -Dlog4j2.configurationFile="$project/log4j2.properties"
  -cp "$project/target/classpath/*:$project/target/classes")

write_config() {
  cat >"$dir/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$dir/data
num.partitions=3
auto.create.topics.enable=true
# One node: internal topics must not ask for more replicas than exist, or consumer groups
# never find their coordinator and transactions never start.
offsets.topic.replication.factor=1
offsets.topic.num.partitions=5
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
# Tests start and stop consumers often; do not hold a new group back for three seconds.
group.initial.rebalance.delay.ms=0
EOF
}

start() {
  resolve_dir create
  if pid="$(running_pid)"; then
    echo "kafka.sh: already running on 127.0.0.1:$port (pid $pid, $dir)"
    return
  fi
  local taken
  for taken in "$port" "$controller_port"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$taken") 2>/dev/null; then
      fail "port $taken on 127.0.0.1 is already in use (another broker? set KAFKA_PORT)"
    fi
  done
  ensure_jars
  write_config
  if [[ ! -f "$dir/data/meta.properties" ]]; then
    local cluster_id
    cluster_id="$("${jvm[@]}" -Ddyad.log.level=ERROR kafka.tools.StorageTool random-uuid)"
    "${jvm[@]}" -Ddyad.log.level=ERROR kafka.tools.StorageTool format --ignore-formatted \
      -t "$cluster_id" -c "$dir/server.properties" >>"$dir/kafka.log" 2>&1 ||
      { explain "could not format the storage in $dir/data"; exit 1; }
  fi
  # setsid: the broker outlives the shell that started it and ignores its Ctrl-C.
  setsid "${jvm[@]}" kafka.Kafka "$dir/server.properties" >>"$dir/kafka.log" 2>&1 </dev/null &
  local broker=$!
  echo "$broker" >"$dir/kafka.pid"

  "${jvm[@]}" -Ddyad.log.level=ERROR KafkaReady "127.0.0.1:$port" "$wait_secs" >"$dir/probe.log" 2>&1 &
  local probe=$!
  while kill -0 "$probe" 2>/dev/null; do
    if ! kill -0 "$broker" 2>/dev/null; then
      kill "$probe" 2>/dev/null || true
      explain "the broker exited while starting"
      rm -f "$dir/kafka.pid"
      exit 1
    fi
    sleep 0.5
  done
  if ! wait "$probe"; then
    explain "the broker on 127.0.0.1:$port did not accept a topic within ${wait_secs}s ($(tail -n 1 "$dir/probe.log"))"
    stop
    exit 1
  fi
  echo "kafka.sh: running on 127.0.0.1:$port (pid $broker, data in $dir)"
}

stop() {
  resolve_dir
  local pid
  if ! pid="$(running_pid)"; then
    echo "kafka.sh: not running on 127.0.0.1:$port"
    return
  fi
  # SIGTERM lets the broker flush its logs and leave the quorum cleanly.
  kill -TERM "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "kafka.sh: the broker did not stop within 30s; killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$dir/kafka.pid"
  echo "kafka.sh: stopped (data kept in $dir)"
}

status() {
  resolve_dir
  local pid
  if pid="$(running_pid)"; then
    echo "kafka.sh: running on 127.0.0.1:$port (pid $pid, data in $dir)"
  else
    echo "kafka.sh: not running on 127.0.0.1:$port"
    exit 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) fail "usage: $0 start|stop|status" ;;
esac
