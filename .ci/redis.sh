#!/usr/bin/env bash
# A throwaway Redis server for the cache's cross-host tests. Source this file, then:
#
#   redis_start   # installs redis-server from the distribution's packages if needed, starts it on
#                 # 127.0.0.1:<free port> without persistence, and exports LICENSEKIT_REDIS_CONNECTION
#   ...run tests...
#   redis_stop    # stops the server and deletes its folder


source "$(dirname "${BASH_SOURCE[0]}")/free-port.sh"

redis_start() {
    if ! command -v redis-server >/dev/null 2>&1; then
        echo "redis.sh: installing redis-server from the distribution's packages" >&2
        if [ "$(id -u)" != "0" ]; then
            echo "redis.sh: redis-server is not installed and installing it needs root" >&2
            return 1
        fi
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq && apt-get install -y -qq redis-server >/dev/null || return 1
        # The package may start a system service on the default port; the tests use their own server.
    fi

    LICENSEKIT_REDIS_DIR=$(mktemp -d /tmp/licensekit-redis.XXXXXX) || return 1
    export LICENSEKIT_REDIS_DIR
    local port
    port=$(licensekit_free_port) || { echo "redis.sh: no free port" >&2; return 1; }
    # Loopback only, no persistence: the server is thrown away with its folder.
    if ! redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
        --dir "$LICENSEKIT_REDIS_DIR" --pidfile "$LICENSEKIT_REDIS_DIR/redis.pid" --logfile "$LICENSEKIT_REDIS_DIR/redis.log"; then
        return 1
    fi

    for _ in $(seq 1 50); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            export LICENSEKIT_REDIS_PORT="$port"
            export LICENSEKIT_REDIS_CONNECTION="127.0.0.1:$port"
            echo "redis.sh: $(redis-server --version | awk '{print $3}') on 127.0.0.1:$port" >&2
            return 0
        fi
        sleep 0.2
    done
    cat "$LICENSEKIT_REDIS_DIR/redis.log" >&2
    echo "redis.sh: server did not become ready" >&2
    return 1
}

redis_stop() {
    if [ -n "${LICENSEKIT_REDIS_DIR:-}" ] && [ -d "$LICENSEKIT_REDIS_DIR" ]; then
        if [ -f "$LICENSEKIT_REDIS_DIR/redis.pid" ]; then
            kill "$(cat "$LICENSEKIT_REDIS_DIR/redis.pid")" 2>/dev/null
            for _ in $(seq 1 50); do
                [ -f "$LICENSEKIT_REDIS_DIR/redis.pid" ] || break
                sleep 0.1
            done
        fi
        rm -rf "$LICENSEKIT_REDIS_DIR"
    fi
    unset LICENSEKIT_REDIS_DIR LICENSEKIT_REDIS_PORT LICENSEKIT_REDIS_CONNECTION
}
