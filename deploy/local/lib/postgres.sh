# shellcheck shell=bash
# PostgreSQL from the Debian packages: the cluster on 127.0.0.1:5432 and, for every name in
# deploy/local/databases, the role customk9_NAME owning customk9_NAME and customk9_NAME_test.

PG_HOST=127.0.0.1
PG_PORT=5432
DATABASES_FILE=$LOCAL_DIR/databases

postgres_ready() {
  command -v pg_isready >/dev/null && pg_isready -q -h "$PG_HOST" -p "$PG_PORT"
}

postgres_installed() {
  command -v pg_ctlcluster >/dev/null && compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null
}

# Prints "VERSION NAME STATUS DATADIR" of the cluster configured for our port; nothing when there is none.
postgres_cluster() {
  command -v pg_lsclusters >/dev/null || return 0
  pg_lsclusters --no-header 2>/dev/null | awk -v port="$PG_PORT" '$3 == port { print $1, $2, $4, $6; exit }'
}

postgres_create_cluster() {
  local version
  if [[ -n $(pg_lsclusters --no-header 2>/dev/null) ]]; then
    die "PostgreSQL clusters exist but none uses port $PG_PORT (see pg_lsclusters)"
  fi
  version=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -V | tail -n 1)
  info "creating PostgreSQL cluster $version/main on port $PG_PORT"
  as_root pg_createcluster --port "$PG_PORT" --encoding UTF8 --locale C.UTF-8 "$version" main >>"$LOG_DIR/postgresql.log" 2>&1 ||
    die "pg_createcluster failed (see $LOG_DIR/postgresql.log)"
}

postgres_start_cluster() {
  local version name
  read -r version name _ <<<"$(postgres_cluster)"
  info "starting PostgreSQL $version/$name"
  as_root pg_ctlcluster "$version" "$name" start >>"$LOG_DIR/postgresql.log" 2>&1 ||
    die "pg_ctlcluster $version $name start failed (see $LOG_DIR/postgresql.log and /var/log/postgresql/)"
  mark_started postgresql "$version $name"
}

postgres_up() {
  local version name status _
  if postgres_ready; then
    info "PostgreSQL already accepts connections on $PG_HOST:$PG_PORT"
    return 0
  fi
  if ! postgres_installed; then
    apt_install postgresql
    read -r version name status _ <<<"$(postgres_cluster)"
    # The package creates and starts its cluster itself: `up` owns what it installed.
    if [[ $status == online* ]]; then
      mark_started postgresql "$version $name"
    fi
  fi
  if [[ -z $(postgres_cluster) ]]; then
    postgres_create_cluster
  fi
  read -r version name status _ <<<"$(postgres_cluster)"
  if [[ $status != online* ]]; then
    postgres_start_cluster
  fi
  wait_until 30 postgres_ready ||
    die "PostgreSQL $version/$name does not accept connections on $PG_HOST:$PG_PORT after 30 s (see /var/log/postgresql/)"
  info "PostgreSQL ready on $PG_HOST:$PG_PORT"
}

# SQL that creates every missing role and database in one psql run (\gexec runs each generated
# statement on its own, outside a transaction, as CREATE DATABASE requires).
postgres_databases_sql() {
  local name roles=() databases=()
  while read -r name; do
    [[ $name =~ ^[a-z][a-z0-9_]*$ ]] || die "invalid name '$name' in $DATABASES_FILE"
    roles+=("('customk9_$name')")
    databases+=("('customk9_$name', 'customk9_$name')" "('customk9_${name}_test', 'customk9_$name')")
  done < <(read_list "$DATABASES_FILE")
  local IFS=,
  cat <<SQL
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', role, role)
  FROM (VALUES ${roles[*]}) AS wanted(role)
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role)
\gexec
SELECT format('CREATE DATABASE %I OWNER %I TEMPLATE template0 ENCODING %L', db, owner, 'UTF8')
  FROM (VALUES ${databases[*]}) AS wanted(db, owner)
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = db)
\gexec
SQL
}

postgres_ensure_databases() {
  local created name
  created=$(postgres_databases_sql | as_postgres psql -X -q -v ON_ERROR_STOP=1 --echo-queries -d postgres) ||
    die "creating the PostgreSQL roles and databases failed"
  # --echo-queries prints the statements \gexec ran, i.e. what was missing.
  grep '^CREATE' <<<"$created" | sed -e 's/ PASSWORD .*//' -e 's/^/    /' || true

  name=$(read_list "$DATABASES_FILE" | head -n 1)
  PGPASSWORD=customk9_$name psql -X -q -h "$PG_HOST" -p "$PG_PORT" -U "customk9_$name" -d "customk9_${name}_test" -tAc 'select 1' >/dev/null ||
    die "cannot log in as customk9_$name on $PG_HOST:$PG_PORT with its password"
  info "PostgreSQL roles and databases ready: $(read_list "$DATABASES_FILE" | wc -l) services (customk9_NAME, customk9_NAME_test)"
}

postgres_down() {
  local version name cluster_version cluster_name status _
  if ! was_started postgresql; then
    if postgres_ready; then info "PostgreSQL was not started by up: left running"; fi
    return 0
  fi
  read -r version name <"$STARTED_DIR/postgresql"
  read -r cluster_version cluster_name status _ <<<"$(postgres_cluster)"
  if [[ $cluster_version == "$version" && $cluster_name == "$name" && $status == online* ]]; then
    info "stopping PostgreSQL $version/$name"
    as_root pg_ctlcluster "$version" "$name" stop >>"$LOG_DIR/postgresql.log" 2>&1 ||
      die "pg_ctlcluster $version $name stop failed (see $LOG_DIR/postgresql.log)"
  fi
  clear_started postgresql
}

postgres_pid() {
  local datadir _
  read -r _ _ _ datadir <<<"$(postgres_cluster)"
  if [[ -n $datadir ]]; then
    head -n 1 "$datadir/postmaster.pid" 2>/dev/null || true
  fi
}

# Prints the status table row; returns 0 when healthy.
postgres_status_row() {
  local pid
  pid=$(postgres_pid)
  if postgres_ready; then
    print_table_row postgresql "$PG_HOST:$PG_PORT" healthy "${pid:--}" "$(owner_of postgresql)"
  elif [[ -n $pid ]]; then
    print_table_row postgresql "$PG_HOST:$PG_PORT" running "$pid" "$(owner_of postgresql)"
    return 1
  else
    print_table_row postgresql "$PG_HOST:$PG_PORT" down - -
    return 1
  fi
}
