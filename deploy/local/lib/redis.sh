# shellcheck shell=bash
# Redis from the Debian package, run by `up` as a non-persistent daemon on 127.0.0.1:6379.

REDIS_HOST=127.0.0.1
REDIS_PORT=6379
REDIS_PIDFILE=$PID_DIR/redis.pid

# PING over a plain TCP connection (works even where redis-cli is not installed).
redis_answers() {
  # shellcheck disable=SC2016 # $0 and $1 expand in the inner bash
  timeout 2 bash -c 'exec 3<>"/dev/tcp/$0/$1" && printf "PING\r\n" >&3 && read -r reply <&3 && [[ $reply == +PONG* ]]' \
    "$REDIS_HOST" "$REDIS_PORT" 2>/dev/null
}

redis_silent() { ! redis_answers; }

redis_pid() { live_pid "$REDIS_PIDFILE" redis-server; }

# The package's postinst starts its own service (persistent, also on ::1). `up` must own the
# Redis it brings up so that `down` can stop it: stop that service again right away.
redis_stop_packaged_service() {
  if redis_answers; then
    info "stopping the redis-server service the package installation started"
    as_root service redis-server stop >>"$LOG_DIR/apt.log" 2>&1 || true
    wait_until 10 redis_silent || die "the packaged redis-server service still answers on $REDIS_HOST:$REDIS_PORT"
  fi
}

redis_start() {
  info "starting Redis on $REDIS_HOST:$REDIS_PORT"
  redis-server --daemonize yes --bind "$REDIS_HOST" --port "$REDIS_PORT" --save "" --appendonly no \
    --pidfile "$REDIS_PIDFILE" --logfile "$LOG_DIR/redis.log" --dir "$RUN_DIR" ||
    die "redis-server failed to start (see $LOG_DIR/redis.log)"
  mark_started redis
  if ! wait_until 15 redis_answers; then
    tail -n 20 "$LOG_DIR/redis.log" >&2 || true
    die "Redis does not answer PING on $REDIS_HOST:$REDIS_PORT after 15 s"
  fi
}

redis_up() {
  if redis_answers; then
    info "Redis already answers on $REDIS_HOST:$REDIS_PORT"
    return 0
  fi
  if redis_pid >/dev/null; then
    info "Redis (PID $(redis_pid)) runs but does not answer yet: waiting"
    wait_until 15 redis_answers || die "Redis does not answer PING on $REDIS_HOST:$REDIS_PORT (see $LOG_DIR/redis.log)"
    return 0
  fi
  if ! command -v redis-server >/dev/null; then
    apt_install redis-server
    redis_stop_packaged_service
  fi
  redis_start
  info "Redis ready on $REDIS_HOST:$REDIS_PORT"
}

redis_down() {
  local pid
  if ! was_started redis; then
    if redis_answers; then info "Redis was not started by up: left running"; fi
    return 0
  fi
  if pid=$(redis_pid); then
    info "stopping Redis (PID $pid)"
    stop_pid "$pid" redis 15
  elif redis_answers && command -v redis-cli >/dev/null; then
    info "stopping Redis (no pidfile): redis-cli shutdown nosave"
    redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  fi
  rm -f "$REDIS_PIDFILE"
  clear_started redis
}

# Prints the status table row; returns 0 when healthy.
redis_status_row() {
  local pid
  pid=$(redis_pid) || pid=-
  if redis_answers; then
    print_table_row redis "$REDIS_HOST:$REDIS_PORT" healthy "$pid" "$(owner_of redis)"
  elif [[ $pid != - ]]; then
    print_table_row redis "$REDIS_HOST:$REDIS_PORT" running "$pid" "$(owner_of redis)"
    return 1
  else
    print_table_row redis "$REDIS_HOST:$REDIS_PORT" down - -
    return 1
  fi
}
