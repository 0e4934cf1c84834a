# shellcheck shell=bash
# The suite's own processes (the Odoo emulator, the services, the gateway), listed in
# deploy/local/services as "NAME MODULE PORT READY_PATH", built with the Maven wrapper and run
# from their Quarkus fast-jar on 127.0.0.1. Their quarkus.config.locations: deploy/local/config/NAME.properties
# (committed local-only settings such as the shared webhook secret) and .run/config/NAME.properties
# (generated, never committed, e.g. where auth-service's local signing key is), each when it exists.
# A function service_prepare_NAME (dashes as underscores), when one is defined, runs before NAME
# starts: it writes that generated file (see auth-keys.sh).

SERVICES_FILE=$LOCAL_DIR/services
SERVICE_HOST=127.0.0.1
SERVICE_START_TIMEOUT=90
SERVICE_JVM_OPTS=(-Xmx256m -XX:+UseSerialGC)

# Lines of the services file: "name module port ready_path".
service_lines() {
  sed -e 's/#.*//' "$SERVICES_FILE" | awk 'NF == 4'
}

service_jar() { echo "$PROJECT_ROOT/$1/target/quarkus-app/quarkus-run.jar"; }
service_pid() { live_pid "$PID_DIR/$1.pid" "$(service_jar "$2")"; }

service_ready() {
  curl -fsS -o /dev/null --max-time 2 "http://$SERVICE_HOST:$1$2" 2>/dev/null
}

# A module needs building when its jar is missing or any source of it or of libs/ is newer.
service_needs_build() {
  local jar
  jar=$(service_jar "$1")
  [[ ! -f $jar ]] && return 0
  [[ -n $(find "$PROJECT_ROOT/$1/src" "$PROJECT_ROOT/$1/pom.xml" "$PROJECT_ROOT/libs" "$PROJECT_ROOT/pom.xml" \
    -newer "$jar" -type f -not -path '*/target/*' -print -quit 2>/dev/null) ]]
}

# Builds, in one Maven run, every listed module that needs it.
services_build() {
  local modules=() name module port path log=$LOG_DIR/build.log
  while read -r name module port path; do
    service_needs_build "$module" && modules+=("$module")
  done < <(service_lines)
  ((${#modules[@]} == 0)) && return 0
  local list
  list=$(IFS=,; echo "${modules[*]}")
  info "building $list (log: $log)"
  (cd "$PROJECT_ROOT" && ./mvnw -B -q -pl "$list" -am package -DskipTests) >>"$log" 2>&1 ||
    { tail -n 30 "$log" >&2; die "building $list failed (see $log)"; }
}

service_up() {
  local name=$1 module=$2 port=$3 path=$4 log=$LOG_DIR/$1.log
  if service_pid "$name" "$module" >/dev/null; then
    wait_until "$SERVICE_START_TIMEOUT" service_ready "$port" "$path" ||
      die "$name runs but does not answer on $SERVICE_HOST:$port$path (see $log)"
    return 0
  fi
  port_open "$SERVICE_HOST" "$port" && die "port $port is taken by another process: cannot start $name"
  local prepare=service_prepare_${name//-/_}
  if declare -F "$prepare" >/dev/null; then
    "$prepare"
  fi
  info "starting $name on $SERVICE_HOST:$port"
  printf '\n=== %s: deploy/local/up starts %s\n' "$(date -Is)" "$name" >>"$log"
  local config=() locations=() file
  for file in "$LOCAL_DIR/config/$name.properties" "$RUN_CONFIG_DIR/$name.properties"; do
    [[ -f $file ]] && locations+=("$file")
  done
  ((${#locations[@]} > 0)) && config=("-Dquarkus.config.locations=$(IFS=,; echo "${locations[*]}")")
  (cd "$PROJECT_ROOT/$module" && exec nohup java "${SERVICE_JVM_OPTS[@]}" "${config[@]}" -jar "$(service_jar "$module")" \
    >>"$log" 2>&1 </dev/null) &
  echo "$!" >"$PID_DIR/$name.pid"
  mark_started "$name"
  if ! wait_until "$SERVICE_START_TIMEOUT" service_ready "$port" "$path"; then
    tail -n 30 "$log" >&2
    die "$name does not answer on $SERVICE_HOST:$port$path after ${SERVICE_START_TIMEOUT}s (see $log)"
  fi
}

services_up() {
  local name module port path
  [[ -n $(service_lines) ]] || return 0
  command -v curl >/dev/null || apt_install curl
  services_build
  while read -r name module port path; do
    service_up "$name" "$module" "$port" "$path"
  done < <(service_lines)
}

# Stops the listed processes that `up` started, last listed first.
services_down() {
  local name module port path pid
  while read -r name module port path; do
    if pid=$(service_pid "$name" "$module"); then
      info "stopping $name (PID $pid)"
      stop_pid "$pid" "$name" 30
    fi
    rm -f "$PID_DIR/$name.pid"
    clear_started "$name"
  done < <(service_lines | tac)
}

services_status_rows() {
  local name module port path pid state owner healthy=0
  while read -r name module port path; do
    pid=$(service_pid "$name" "$module") || pid=-
    if service_ready "$port" "$path"; then
      state=healthy
    elif [[ $pid != - ]]; then
      state=running && healthy=1
    else
      state=down && healthy=1
    fi
    if [[ $state == down ]]; then owner=-; else owner=$(owner_of "$name"); fi
    print_table_row "$name" "$SERVICE_HOST:$port" "$state" "$pid" "$owner"
  done < <(service_lines)
  return "$healthy"
}
