#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, on 127.0.0.1 only, with trust auth.
#
#   bash scripts/postgres-test-server.sh start   # prints the URL (only the URL, on stdout)
#   bash scripts/postgres-test-server.sh url     # prints the URL if it is running
#   bash scripts/postgres-test-server.sh stop    # stops it and deletes its files
#
# Installs Debian's PostgreSQL server when no server binaries are found. The cluster lives
# in a temporary directory; its location is remembered in .tmp/postgres-test-server.env.
# Environment: TOLLBOOK_PG_PORT (first port to try, default 54329), TOLLBOOK_PG_BIN (a
# directory holding initdb and pg_ctl).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

DATABASE=tollbook_test
SUPERUSER=postgres
STATE_FILE=$PWD/.tmp/postgres-test-server.env

log() { echo "postgres-test-server: $*" >&2; }

# Prints the directory holding initdb and pg_ctl, or nothing.
find_bin_dir() {
    if [ -n "${TOLLBOOK_PG_BIN:-}" ]; then
        if [ -x "$TOLLBOOK_PG_BIN/initdb" ]; then
            echo "$TOLLBOOK_PG_BIN"
        fi
        return 0
    fi
    local initdb
    initdb=$(ls -1d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -n "$initdb" ]; then
        dirname "$initdb"
    elif command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(command -v initdb)"
    fi
}

ensure_bin_dir() {
    BIN=$(find_bin_dir)
    if [ -z "$BIN" ]; then
        log "no PostgreSQL server binaries found; installing Debian's postgresql"
        bash scripts/apt-install.sh postgresql
        BIN=$(find_bin_dir)
    fi
    if [ -z "$BIN" ]; then
        log "PostgreSQL server binaries still not found after installing"
        exit 1
    fi
}

# Run a server binary as the cluster's owner: initdb and postgres refuse to run as root.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

url_for() { echo "postgresql+psycopg://$SUPERUSER@127.0.0.1:$1/$DATABASE"; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
    local port=${TOLLBOOK_PG_PORT:-54329} last
    last=$((port + 100))
    while [ "$port" -le "$last" ]; do
        if ! port_in_use "$port"; then
            echo "$port"
            return
        fi
        port=$((port + 1))
    done
    log "no free port in ${TOLLBOOK_PG_PORT:-54329}..$last"
    exit 1
}

# Loads PGDIR, PGPORT and BIN from the state file; false if there is none.
load_state() {
    [ -f "$STATE_FILE" ] || return 1
    # shellcheck disable=SC1090
    . "$STATE_FILE"
    [ -n "${PGDIR:-}" ] && [ -n "${PGPORT:-}" ] && [ -n "${BIN:-}" ]
}

is_running() {
    load_state && [ -d "$PGDIR/data" ] \
        && as_owner "$BIN/pg_ctl" -D "$PGDIR/data" status >/dev/null 2>&1
}

cmd_start() {
    if is_running; then
        url_for "$PGPORT"
        return
    fi
    cmd_stop # whatever is left of an earlier run
    ensure_bin_dir
    if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
        log "running as root, but there is no 'postgres' user to own the cluster"
        exit 1
    fi

    # As root, the cluster's owner 'postgres' must be able to reach the directory: use /tmp.
    local parent=${TMPDIR:-/tmp}
    if [ "$(id -u)" -eq 0 ]; then
        parent=/tmp
    fi
    PGDIR=$(mktemp -d "$parent/tollbook-pg.XXXXXX")
    PGPORT=$(free_port)
    mkdir -p "$(dirname "$STATE_FILE")"
    printf 'PGDIR=%q\nPGPORT=%q\nBIN=%q\n' "$PGDIR" "$PGPORT" "$BIN" >"$STATE_FILE"
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres: "$PGDIR"
    fi
    chmod 700 "$PGDIR"

    log "creating a cluster in $PGDIR with $BIN"
    as_owner "$BIN/initdb" -D "$PGDIR/data" -U "$SUPERUSER" --auth=trust \
        --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$PGDIR/initdb.log" 2>&1 || {
        cat "$PGDIR/initdb.log" >&2
        exit 1
    }
    log "starting on 127.0.0.1:$PGPORT"
    as_owner "$BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDIR -c fsync=off \
            -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
        start >&2 || {
        cat "$PGDIR/server.log" >&2
        exit 1
    }
    "$BIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U "$SUPERUSER" "$DATABASE"
    url_for "$PGPORT"
}

cmd_url() {
    if is_running; then
        url_for "$PGPORT"
    else
        log "not running"
        exit 1
    fi
}

cmd_stop() {
    if ! load_state; then
        return 0
    fi
    if [ -d "$PGDIR/data" ]; then
        as_owner "$BIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    case "$PGDIR" in
        */tollbook-pg.*) rm -rf "$PGDIR" ;;
    esac
    rm -f "$STATE_FILE"
    log "stopped"
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    url) cmd_url ;;
    *)
        echo "usage: $0 start|stop|url" >&2
        exit 2
        ;;
esac
