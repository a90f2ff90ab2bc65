#!/usr/bin/env bash
# A throw-away PostgreSQL server for the pg test run (docs/testing.md, issue #22).
#
#   pgserver.sh start STATE_DIR   creates a fresh cluster in a new /tmp/rectrack-pg.XXXXXX folder,
#                                 starts it and writes its admin URL (libpq URI form) to STATE_DIR/url
#   pgserver.sh stop STATE_DIR    stops that server and removes its folder
#
# The cluster is UTF-8 with LC_COLLATE/LC_CTYPE C.UTF-8 (pg_trgm needs a UTF-8-aware LC_CTYPE to
# make trigrams of Chinese text), listens on a unix socket only (listen_addresses = '') and trusts
# local connections of its superuser `postgres`; other logins give their password (scram-sha-256). initdb refuses to run as root, so as root the
# server runs as the `postgres` system user (made by the postgresql-common package) with runuser;
# the folder lives under /tmp because the build folder may sit below a directory that user cannot
# enter, and its name keeps the socket path far below the 107-byte limit. Durability is switched off
# (fsync, synchronous_commit): the data dies with the run.
#
# `start` first stops a server that an earlier, interrupted run left behind in STATE_DIR, so it can
# be called twice; `stop` may be called when start failed, twice, or with nothing to stop.
# Any failure to start exits non-zero with the reason: a missing server is an error, not a skip.
set -euo pipefail

usage() {
    echo "usage: $0 start|stop STATE_DIR" >&2
    exit 2
}

[ $# -eq 2 ] || usage
action=$1
state=$2

die() {
    echo "pgserver: $*" >&2
    exit 1
}

# The newest installed server version, e.g. /usr/lib/postgresql/15/bin (RECTRACK_PG_BINDIR overrides).
find_bindir() {
    if [ -n "${RECTRACK_PG_BINDIR:-}" ]; then
        echo "$RECTRACK_PG_BINDIR"
        return
    fi
    local dir
    dir=$(find /usr/lib/postgresql -mindepth 3 -maxdepth 3 -path '*/bin/initdb' -printf '%h\n' 2>/dev/null |
        sort -V | tail -n 1)
    echo "$dir"
}

# Runs a server program as the server's user: `postgres` when we are root, else ourselves. The
# working directory is the server folder, which that user can always enter.
as_server_user() {
    if [ "$(id -u)" -eq 0 ]; then
        (cd "$tmp" && runuser -u postgres -- "$@")
    else
        (cd "$tmp" && "$@")
    fi
}

stop_server() {
    [ -f "$state/tmpdir" ] || {
        rm -f "$state/url"
        return 0
    }
    tmp=$(cat "$state/tmpdir")
    rm -f "$state/url"
    # Only ever remove a folder this script made.
    case "$tmp" in
    /tmp/rectrack-pg.??????) ;;
    *) die "refusing to remove '$tmp' named in $state/tmpdir (not a /tmp/rectrack-pg.XXXXXX folder)" ;;
    esac
    if [ -f "$tmp/data/postmaster.pid" ]; then
        local bindir pid alive=0
        bindir=$(cat "$state/bindir" 2>/dev/null || find_bindir)
        pid=$(head -n 1 "$tmp/data/postmaster.pid" 2>/dev/null || true)
        # The postmaster is alive if that process works in this data folder: a killed one may
        # linger as a zombie (no working folder), which pg_ctl would still wait for, and after a
        # reboot the number may belong to another process.
        # Without /proc (a chroot that does not mount it) pg_ctl decides.
        if [ -n "$pid" ] && { [ ! -e /proc/self ] ||
            [ "$(readlink "/proc/$pid/cwd" 2>/dev/null || true)" = "$tmp/data" ]; }; then
            alive=1
        fi
        if [ "$alive" -ne 1 ] ||
            ! as_server_user "$bindir/pg_ctl" -D "$tmp/data" -m fast -w -t 30 stop >/dev/null 2>&1; then
            # A postmaster that does not stop, or children of a killed one: end the processes
            # working in this cluster's data folder, and no others.
            for p in /proc/[0-9]*; do
                if [ "$(readlink "$p/cwd" 2>/dev/null || true)" = "$tmp/data" ]; then
                    kill -9 "${p#/proc/}" 2>/dev/null || true
                fi
            done
        fi
    fi
    if [ -d "$tmp" ]; then
        rm -rf "$tmp"
        echo "pgserver: stopped the server in $tmp"
    fi
    rm -f "$state/tmpdir" "$state/bindir"
}

start_server() {
    mkdir -p "$state"
    stop_server

    local bindir
    bindir=$(find_bindir)
    if [ -n "${RECTRACK_PG_BINDIR:-}" ] && { [ ! -x "$bindir/initdb" ] || [ ! -x "$bindir/pg_ctl" ]; }; then
        die "no initdb and pg_ctl in $bindir (RECTRACK_PG_BINDIR)"
    fi
    if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ] || [ ! -x "$bindir/pg_ctl" ]; then
        die "no PostgreSQL server programs (initdb, pg_ctl) under /usr/lib/postgresql/*/bin." \
            "Install the Debian package postgresql-15 (bash packaging/install-deps.sh installs it)."
    fi
    if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
        die "running as root, but there is no 'postgres' system user to run the server as" \
            "(the postgresql-common package creates it: apt-get install postgresql-common)."
    fi

    tmp=$(mktemp -d /tmp/rectrack-pg.XXXXXX)
    echo "$tmp" >"$state/tmpdir"
    echo "$bindir" >"$state/bindir"
    chmod 700 "$tmp"
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres: "$tmp"
    fi

    if ! as_server_user "$bindir/initdb" -D "$tmp/data" -U postgres --auth=trust \
        --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$tmp/initdb.log" 2>&1; then
        cat "$tmp/initdb.log" >&2
        die "initdb failed (log above)"
    fi
    # Unix socket only, in the private folder.
    cat >>"$tmp/data/postgresql.conf" <<EOF
listen_addresses = ''
unix_socket_directories = '$tmp'
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
    # The superuser is trusted; every other login (the role tests of issue #23 make them) proves
    # its password, so that a password set by `server user add --password-stdin` is really checked.
    printf 'local all postgres trust\nlocal all all scram-sha-256\n' >"$tmp/data/pg_hba.conf"

    # The port names the socket (.s.PGSQL.PORT) and the lock file; try a few in case one is taken.
    local port started=0
    for attempt in 1 2 3 4 5; do
        port=$((54320 + RANDOM % 600))
        [ -e "$tmp/.s.PGSQL.$port" ] && continue
        if as_server_user "$bindir/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -o "-p $port" -w -t 60 \
            start >/dev/null 2>&1; then
            started=1
            break
        fi
        echo "pgserver: start on port $port failed (attempt $attempt)" >&2
    done
    if [ "$started" -ne 1 ]; then
        tail -n 20 "$tmp/server.log" >&2 || true
        die "the PostgreSQL server did not start (server log above; folder $tmp)"
    fi
    local ready=0
    for _ in $(seq 1 100); do
        if "$bindir/pg_isready" -q -h "$tmp" -p "$port" -U postgres -d postgres; then
            ready=1
            break
        fi
        sleep 0.1
    done
    [ "$ready" -eq 1 ] || die "the server in $tmp started but does not accept connections"

    echo "postgresql:///postgres?host=$tmp&port=$port&user=postgres" >"$state/url.new"
    mv "$state/url.new" "$state/url"
    echo "pgserver: PostgreSQL $("$bindir/postgres" -V | awk '{print $3}') ready, $(cat "$state/url")"
}

case "$action" in
start) start_server ;;
stop) stop_server ;;
*) usage ;;
esac
