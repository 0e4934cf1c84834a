# shellcheck shell=bash
# A single-node KRaft Kafka broker on 127.0.0.1:9092, run from jars fetched from Maven Central
# (deploy/local/kafka/pom.xml) into the download cache, and the topics in deploy/local/topics.

KAFKA_HOST=127.0.0.1
KAFKA_PORT=9092
KAFKA_POM=$LOCAL_DIR/kafka/pom.xml
KAFKA_VERSION=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$KAFKA_POM")
KAFKA_HOME=$CACHE_DIR/kafka-$KAFKA_VERSION
KAFKA_LIBS=$KAFKA_HOME/libs
KAFKA_CONFIG=$RUN_DIR/kafka-server.properties
KAFKA_DATA_DIR=$RUN_DIR/kafka-data
KAFKA_PIDFILE=$PID_DIR/kafka.pid
KAFKA_LOG=$LOG_DIR/kafka.log
KAFKA_HEAP=-Xmx512m
KAFKA_START_TIMEOUT=60
TOPICS_FILE=$LOCAL_DIR/topics
TOPIC_PARTITIONS=3
TOPICS_STAMP=$RUN_DIR/kafka-topics.sha256

kafka_pid() { live_pid "$KAFKA_PIDFILE" kafka.Kafka; }

kafka_answers() { port_open "$KAFKA_HOST" "$KAFKA_PORT"; }

# The cache is complete when it was filled from the current pom (an interrupted or outdated
# download has no matching stamp and is fetched again).
kafka_fetched() {
  [[ -f $KAFKA_HOME/pom.sha256 && $(cat "$KAFKA_HOME/pom.sha256") == "$(sha256sum <"$KAFKA_POM")" ]]
}

kafka_fetch() {
  local log=$LOG_DIR/kafka-fetch.log
  kafka_fetched && return 0
  info "fetching Apache Kafka $KAFKA_VERSION from Maven Central into $KAFKA_LIBS"
  rm -rf "$KAFKA_LIBS" "$KAFKA_HOME/pom.sha256"
  mkdir -p "$KAFKA_HOME"
  if ! (cd "$PROJECT_ROOT" && ./mvnw -q -B -f "$KAFKA_POM" dependency:copy-dependencies \
    -DoutputDirectory="$KAFKA_LIBS") >>"$log" 2>&1; then
    tail -n 20 "$log" >&2
    die "fetching Kafka failed (see $log)"
  fi
  sha256sum <"$KAFKA_POM" >"$KAFKA_HOME/pom.sha256"
}

# Runs a Java main class or single-file program on the Kafka classpath.
kafka_java() {
  java -cp "$KAFKA_LIBS/*" -Dlog4j2.configurationFile="$LOCAL_DIR/kafka/log4j2.properties" "$@"
}

kafka_write_config() {
  sed "s|@KAFKA_DATA_DIR@|$KAFKA_DATA_DIR|" "$LOCAL_DIR/kafka/server.properties" >"$KAFKA_CONFIG"
}

# KRaft storage is formatted once; meta.properties marks a formatted data folder.
kafka_format_storage() {
  local cluster_id
  [[ -f $KAFKA_DATA_DIR/meta.properties ]] && return 0
  info "formatting Kafka storage in $KAFKA_DATA_DIR"
  cluster_id=$(kafka_java -Dcustomk9.log.level=WARN kafka.tools.StorageTool random-uuid | tail -n 1)
  kafka_java -Dcustomk9.log.level=WARN kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA_CONFIG" >>"$KAFKA_LOG" 2>&1 ||
    die "formatting Kafka storage failed (see $KAFKA_LOG)"
}

# Shows the recent errors of the broker log (or its last lines) and stops.
kafka_fail() {
  local errors
  errors=$(tail -n 300 "$KAFKA_LOG" | grep -E ' (ERROR|FATAL) |^Caused by' | tail -n 8) || true
  printf '%s\n' "${errors:-$(tail -n 20 "$KAFKA_LOG")}" >&2
  die "$* (log: $KAFKA_LOG)"
}

kafka_start() {
  info "starting Kafka $KAFKA_VERSION on $KAFKA_HOST:$KAFKA_PORT"
  printf '\n=== %s: deploy/local/up starts Kafka %s\n' "$(date -Is)" "$KAFKA_VERSION" >>"$KAFKA_LOG"
  nohup java "$KAFKA_HEAP" -cp "$KAFKA_LIBS/*" -Dlog4j2.configurationFile="$LOCAL_DIR/kafka/log4j2.properties" \
    kafka.Kafka "$KAFKA_CONFIG" >>"$KAFKA_LOG" 2>&1 </dev/null &
  echo "$!" >"$KAFKA_PIDFILE"
  mark_started kafka
}

kafka_wait_for_port() {
  local pid=$1 waited=0
  until kafka_answers; do
    [[ -e /proc/$pid ]] || kafka_fail "Kafka exited during startup"
    ((waited < KAFKA_START_TIMEOUT)) || kafka_fail "Kafka does not accept connections on $KAFKA_HOST:$KAFKA_PORT after ${KAFKA_START_TIMEOUT}s"
    sleep 1
    waited=$((waited + 1))
  done
}

# Creating the topics is also the proof that the broker serves requests.
kafka_create_topics() {
  local topics log=$LOG_DIR/kafka-topics.log
  mapfile -t topics < <(read_list "$TOPICS_FILE")
  kafka_java -Dcustomk9.log.level=WARN "$LOCAL_DIR/kafka/CreateTopics.java" \
    "$KAFKA_HOST:$KAFKA_PORT" "$TOPIC_PARTITIONS" 30 "${topics[@]}" >>"$log" 2>&1 || {
    tail -n 10 "$log" >&2
    kafka_fail "creating the Kafka topics failed (see $log)"
  }
  info "Kafka $(tail -n 1 "$log")"
  sha256sum <"$TOPICS_FILE" >"$TOPICS_STAMP"
}

kafka_topics_current() {
  [[ -f $TOPICS_STAMP && $(cat "$TOPICS_STAMP") == "$(sha256sum <"$TOPICS_FILE")" ]]
}

kafka_up() {
  local pid
  if kafka_answers; then
    info "Kafka already accepts connections on $KAFKA_HOST:$KAFKA_PORT"
    kafka_topics_current || kafka_create_topics
    return 0
  fi
  if pid=$(kafka_pid); then
    info "Kafka (PID $pid) runs but does not accept connections yet: waiting"
  else
    command -v java >/dev/null || die "java (17 or newer) is needed to run Kafka"
    kafka_fetch
    kafka_write_config
    kafka_format_storage
    kafka_start
    pid=$(<"$KAFKA_PIDFILE")
  fi
  kafka_wait_for_port "$pid"
  kafka_create_topics
  info "Kafka ready on $KAFKA_HOST:$KAFKA_PORT"
}

kafka_down() {
  local pid
  if pid=$(kafka_pid); then
    info "stopping Kafka (PID $pid)"
    stop_pid "$pid" kafka 30
  elif kafka_answers && ! was_started kafka; then
    info "Kafka was not started by up: left running"
  fi
  rm -f "$KAFKA_PIDFILE"
  clear_started kafka
}

# Prints the status table row; returns 0 when healthy.
kafka_status_row() {
  local pid
  pid=$(kafka_pid) || pid=-
  if kafka_answers; then
    print_table_row kafka "$KAFKA_HOST:$KAFKA_PORT" healthy "$pid" "$(owner_of kafka)"
  elif [[ $pid != - ]]; then
    print_table_row kafka "$KAFKA_HOST:$KAFKA_PORT" running "$pid" "$(owner_of kafka)"
    return 1
  else
    print_table_row kafka "$KAFKA_HOST:$KAFKA_PORT" down - -
    return 1
  fi
}
