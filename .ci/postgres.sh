#!/usr/bin/env bash
# A throwaway PostgreSQL server for the test suite. Source this file, then:
#
#   postgres_start   # installs PostgreSQL if needed, starts a private cluster on 127.0.0.1:<free port>,
#                    # and exports LICENSEKIT_POSTGRES_CONNECTION
#   ...run tests...
#   postgres_stop    # stops the server and deletes its folder
#
# The cluster lives in a mktemp folder owned by the postgres user (initdb refuses to run as root); its socket goes
# to that folder too, so nothing touches /var/run/postgresql or an existing server.

source "$(dirname "${BASH_SOURCE[0]}")/free-port.sh"

_licensekit_pg_bin() {
    local dir
    if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
        dirname "$(readlink -f "$(command -v pg_ctl)")"
        return 0
    fi
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -n "$dir" ] && [ -x "$dir/pg_ctl" ]; then
        echo "$dir"
        return 0
    fi
    return 1
}

_licensekit_pg_as_owner() {
    if [ "$(id -u)" = "0" ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}


postgres_start() {
    local bin
    if ! bin=$(_licensekit_pg_bin); then
        echo "postgres.sh: installing PostgreSQL from the distribution's packages" >&2
        if [ "$(id -u)" != "0" ]; then
            echo "postgres.sh: PostgreSQL is not installed and installing it needs root" >&2
            return 1
        fi
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq && apt-get install -y -qq postgresql >/dev/null || return 1
        bin=$(_licensekit_pg_bin) || { echo "postgres.sh: pg_ctl not found after install" >&2; return 1; }
    fi

    LICENSEKIT_PG_DIR=$(mktemp -d /tmp/licensekit-pg.XXXXXX) || return 1
    export LICENSEKIT_PG_DIR
    export LICENSEKIT_PG_BIN="$bin"
    chmod 700 "$LICENSEKIT_PG_DIR"
    if [ "$(id -u)" = "0" ]; then
        chown postgres:postgres "$LICENSEKIT_PG_DIR"
    fi

    local password port user
    password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
    user=postgres
    [ "$(id -u)" = "0" ] || user=$(id -un)
    _licensekit_pg_as_owner sh -c "printf '%s\n' '$password' > '$LICENSEKIT_PG_DIR/pwfile'" || return 1
    if ! _licensekit_pg_as_owner "$bin/initdb" -D "$LICENSEKIT_PG_DIR/data" -U "$user" --pwfile="$LICENSEKIT_PG_DIR/pwfile" \
        --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$LICENSEKIT_PG_DIR/initdb.log" 2>&1; then
        cat "$LICENSEKIT_PG_DIR/initdb.log" >&2
        return 1
    fi

    # Commits are written to the WAL before they answer only when a test crashes the server on purpose
    # (LICENSEKIT_PG_DURABLE=1): a killed postgres process then loses nothing it acknowledged. fsync stays off, since
    # the machine itself does not crash.
    local commit=off
    [ "${LICENSEKIT_PG_DURABLE:-}" = "1" ] && commit=on
    port=$(licensekit_free_port) || { echo "postgres.sh: no free port" >&2; return 1; }
    # fsync off: a test cluster is thrown away, durability buys nothing; max_connections covers parallel test hosts.
    if ! _licensekit_pg_as_owner "$bin/pg_ctl" -D "$LICENSEKIT_PG_DIR/data" -l "$LICENSEKIT_PG_DIR/server.log" -w -t 60 \
        -o "-h 127.0.0.1 -p $port -k $LICENSEKIT_PG_DIR -c max_connections=300 -c fsync=off -c synchronous_commit=$commit" start >/dev/null; then
        cat "$LICENSEKIT_PG_DIR/server.log" >&2
        return 1
    fi

    for _ in $(seq 1 60); do
        if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
            break
        fi
        sleep 0.5
    done
    "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" || { echo "postgres.sh: server did not become ready" >&2; return 1; }

    export LICENSEKIT_PG_PORT="$port"
    export LICENSEKIT_POSTGRES_CONNECTION="Host=127.0.0.1;Port=$port;Username=$user;Password=$password;Database=postgres"
    echo "postgres.sh: PostgreSQL $("$bin/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$port (data in $LICENSEKIT_PG_DIR)" >&2
}

postgres_stop() {
    if [ -n "${LICENSEKIT_PG_DIR:-}" ] && [ -d "$LICENSEKIT_PG_DIR" ]; then
        if [ -f "$LICENSEKIT_PG_DIR/data/postmaster.pid" ]; then
            _licensekit_pg_as_owner "$LICENSEKIT_PG_BIN/pg_ctl" -D "$LICENSEKIT_PG_DIR/data" -m fast -w stop >/dev/null 2>&1
        fi
        rm -rf "$LICENSEKIT_PG_DIR"
    fi
    unset LICENSEKIT_PG_DIR LICENSEKIT_PG_BIN LICENSEKIT_PG_PORT LICENSEKIT_POSTGRES_CONNECTION
}
