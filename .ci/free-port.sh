#!/usr/bin/env bash
# licensekit_free_port: prints a TCP port on 127.0.0.1 that nothing listens on, for the throwaway test servers.
licensekit_free_port() {
    local port
    for _ in $(seq 1 100); do
        port=$((20000 + RANDOM % 20000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    return 1
}
