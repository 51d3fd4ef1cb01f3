# A throw-away PostgreSQL server for the test suite, sourced by .ci/run (and usable by hand):
#
#   . .ci/postgres.sh && postgres_start && trap postgres_stop EXIT
#
# postgres_start installs Debian's PostgreSQL (15 or newer) when no server is on the machine,
# makes a non-root user for it (PostgreSQL refuses to run as root), initialises a temporary data
# folder, starts the server on 127.0.0.1 on a free port with password authentication, and exports
# MVOSCAN_TEST_PG (the address the tests use) and PGPASSFILE (a 0600 .pgpass with the password).
# With MVOSCAN_TEST_PG set, a PostgreSQL test that cannot reach the server fails instead of
# skipping. postgres_stop stops the server and removes the folder; it is safe to call twice.

MVOSCAN_PG_USER="${MVOSCAN_PG_USER:-mvoscanpg}"

postgres_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/postgres" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

postgres_install() {
  if postgres_bin >/dev/null; then
    return 0
  fi
  echo "postgres: installing Debian's PostgreSQL server"
  timeout 300 apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq --no-install-recommends \
    postgresql postgresql-client >/dev/null
  # the package starts a cluster of its own on port 5432; the tests use their own server
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    for cluster in $(ls /etc/postgresql 2>/dev/null); do
      pg_ctlcluster "$cluster" main stop >/dev/null 2>&1 || true
    done
  fi
  postgres_bin >/dev/null
}

postgres_free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

postgres_start() {
  postgres_install || { echo "postgres: no PostgreSQL server could be installed" >&2; return 1; }
  local bin port password run
  bin="$(postgres_bin)"
  if [ "$(id -u)" = 0 ]; then
    id "$MVOSCAN_PG_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$MVOSCAN_PG_USER"
    run=(runuser -u "$MVOSCAN_PG_USER" --)
  else
    run=()
  fi
  MVOSCAN_PG_DIR="$(mktemp -d /tmp/mvoscan-pg.XXXXXX)"
  chmod 700 "$MVOSCAN_PG_DIR"
  password="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  printf '%s\n' "$password" >"$MVOSCAN_PG_DIR/pwfile"
  [ "$(id -u)" = 0 ] && chown -R "$MVOSCAN_PG_USER" "$MVOSCAN_PG_DIR"
  "${run[@]}" "$bin/initdb" -D "$MVOSCAN_PG_DIR/data" -U mvoscan --pwfile="$MVOSCAN_PG_DIR/pwfile" \
    --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$MVOSCAN_PG_DIR/initdb.log" 2>&1 ||
    { cat "$MVOSCAN_PG_DIR/initdb.log" >&2; return 1; }
  rm -f "$MVOSCAN_PG_DIR/pwfile"
  port="$(postgres_free_port)"
  "${run[@]}" "$bin/pg_ctl" -D "$MVOSCAN_PG_DIR/data" -l "$MVOSCAN_PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$MVOSCAN_PG_DIR -c fsync=off -c max_connections=200" \
    start >/dev/null || { cat "$MVOSCAN_PG_DIR/server.log" >&2; return 1; }
  MVOSCAN_PG_BIN="$bin"
  MVOSCAN_PG_RUN="${run[*]}"
  export PGPASSFILE="$MVOSCAN_PG_DIR/pgpass"
  printf '127.0.0.1:%s:*:mvoscan:%s\n' "$port" "$password" >"$PGPASSFILE"
  chmod 600 "$PGPASSFILE"
  export MVOSCAN_TEST_PG="postgresql://127.0.0.1:$port/postgres?user=mvoscan"
  echo "postgres: $("$bin/postgres" --version) on 127.0.0.1:$port (MVOSCAN_TEST_PG=$MVOSCAN_TEST_PG)"
}

postgres_stop() {
  if [ -n "${MVOSCAN_PG_DIR:-}" ] && [ -d "$MVOSCAN_PG_DIR/data" ]; then
    # shellcheck disable=SC2086
    $MVOSCAN_PG_RUN "$MVOSCAN_PG_BIN/pg_ctl" -D "$MVOSCAN_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$MVOSCAN_PG_DIR"
  fi
  MVOSCAN_PG_DIR=
}
