# shellcheck shell=bash
# Paths and small helpers shared by the deploy/local scripts.
# Sourced, never executed: the caller sets `set -euo pipefail`.

LOCAL_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PROJECT_ROOT=$(cd "$LOCAL_DIR/../.." && pwd)
RUN_DIR=$PROJECT_ROOT/.run
LOG_DIR=$RUN_DIR/logs
PID_DIR=$RUN_DIR/pids
STARTED_DIR=$RUN_DIR/started
# Settings `up` generates for a service (.run/config/NAME.properties), e.g. where its local keys are.
RUN_CONFIG_DIR=$RUN_DIR/config
# shellcheck disable=SC2034 # the download cache, used by kafka.sh
CACHE_DIR=${CUSTOMK9_CACHE_DIR:-$HOME/.cache/customk9}

info() { printf '==> %s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() {
  printf 'ERROR: %s\n' "$*" >&2
  exit 1
}

# Prints the comment block at the top of a script (its usage), without the shebang and directives.
print_header_comment() {
  awk 'NR == 1 || /^# shellcheck/ { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$1"
}

make_run_dirs() {
  mkdir -p "$LOG_DIR" "$PID_DIR" "$STARTED_DIR" "$RUN_CONFIG_DIR"
}

# Lines of a list file (deploy/local/databases, deploy/local/topics) without comments and blanks.
read_list() {
  sed -e 's/#.*//' -e 's/[[:space:]]//g' "$1" | grep -v '^$' || true
}

# --- privileges ------------------------------------------------------------

as_root() {
  if [[ $EUID -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    die "need root or sudo to run: $*"
  fi
}

# Runs a command as the postgres OS user, from / so it never complains about our cwd.
as_postgres() {
  if [[ $(id -un) == postgres ]]; then
    (cd / && "$@")
  elif [[ $EUID -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && sudo -u postgres "$@")
  fi
}

# Installs Debian packages; refreshes the package lists only when the first try fails.
apt_install() {
  local log=$LOG_DIR/apt.log
  info "installing Debian packages: $* (log: $log)"
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >>"$log" 2>&1; then
    as_root apt-get update >>"$log" 2>&1 || { tail -n 20 "$log" >&2; die "apt-get update failed"; }
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >>"$log" 2>&1 ||
      { tail -n 20 "$log" >&2; die "apt-get install $* failed"; }
  fi
}

# --- processes, ports, markers ---------------------------------------------

port_open() {
  timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null
}

# Prints the PID stored in a pidfile when that process is alive and its command line
# contains PATTERN (so a stale file or a recycled PID is never mistaken for ours).
live_pid() {
  local pidfile=$1 pattern=$2 pid
  [[ -r $pidfile ]] || return 1
  pid=$(tr -dc '0-9' <"$pidfile")
  [[ -n $pid ]] || return 1
  [[ -r /proc/$pid/cmdline ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$pattern" || return 1
  echo "$pid"
}

# SIGTERM, wait up to TIMEOUT seconds, then SIGKILL.
stop_pid() {
  local pid=$1 name=$2 timeout=${3:-30} waited=0
  kill -TERM "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null; do
    if ((waited >= timeout)); then
      warn "$name (PID $pid) still running after ${timeout}s: sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 1
      return 0
    fi
    sleep 1
    waited=$((waited + 1))
  done
}

# Runs CHECK... every second until it succeeds or TIMEOUT seconds pass.
wait_until() {
  local timeout=$1 waited=0
  shift
  until "$@"; do
    ((waited >= timeout)) && return 1
    sleep 1
    waited=$((waited + 1))
  done
}

# A marker in .run/started/ records that `up` itself started a component,
# so `down` stops exactly that and leaves what was already running alone.
mark_started() { printf '%s\n' "${2:-yes}" >"$STARTED_DIR/$1"; }
was_started() { [[ -f $STARTED_DIR/$1 ]]; }
clear_started() { rm -f "$STARTED_DIR/$1"; }

owner_of() {
  if was_started "$1"; then echo up; else echo external; fi
}

# --- the status table --------------------------------------------------------

print_table_header() {
  printf '%-19s %-16s %-8s %-8s %s\n' COMPONENT ADDRESS STATE PID "STARTED BY"
}

# Fields: component address state pid owner
print_table_row() {
  printf '%-19s %-16s %-8s %-8s %s\n' "$@"
}
