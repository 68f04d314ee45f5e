#!/usr/bin/env bash
# A load run of POST /licenses/validate on loopback, bounded in time: the sample host (SQLite) with LicenseKit.Caching
# on (Redis at LICENSEKIT_REDIS_CONNECTION) and off, beside a minimal API answering the same JSON from memory, all in
# one run and in alternating rounds, so the ratios compare like with like on a noisy machine. Writes a markdown report.
#
#   benchmarks/http/run.sh                      # report in benchmarks/results/http-validate.md
#   DURATION=20s ROUNDS=3 benchmarks/http/run.sh
#
# Needs wrk (Debian: apt-get install wrk), the .NET SDK, and a Redis server (LICENSEKIT_REDIS_CONNECTION=host:port).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
duration=${DURATION:-10s}
warmup=${WARMUP:-10s}
rounds=${ROUNDS:-2}
connections=${CONNECTIONS:-16}
threads=${THREADS:-2}
report=${REPORT:-$root/benchmarks/results/http-validate.md}
redis=${LICENSEKIT_REDIS_CONNECTION:?set LICENSEKIT_REDIS_CONNECTION to a Redis server, e.g. 127.0.0.1:6379}
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 1; }

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

wait_ready() { # url
  for _ in $(seq 1 120); do
    curl -fs -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.5
  done
  echo "not ready: $1" >&2; return 1
}

echo "building…" >&2
dotnet build -c Release "$root/samples/LicenseKit.Samples.Api" -v q -nologo >/dev/null
dotnet build -c Release "$root/benchmarks/http/LicenseKit.Benchmarks.HttpBaseline" -v q -nologo >/dev/null
sample_dir="$root/samples/LicenseKit.Samples.Api/bin/Release/net10.0"
baseline_dir="$root/benchmarks/http/LicenseKit.Benchmarks.HttpBaseline/bin/Release/net10.0"

start_sample() { # port, cache on (true/false)
  (cd "$sample_dir" && \
    Urls="http://127.0.0.1:$1" \
    ConnectionStrings__Sqlite="Data Source=$work/licenses.db" \
    Caching__Enabled="$2" Caching__Redis="$redis" \
    RateLimiting__ActivationPermitsPerMinute=2000000000 \
    Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production \
    exec dotnet LicenseKit.Samples.Api.dll >"$work/sample-$1.log" 2>&1) &
  pids+=($!)
}

uncached=$(free_port); start_sample "$uncached" false
wait_ready "http://127.0.0.1:$uncached/healthz"
cached=$(free_port); start_sample "$cached" true
wait_ready "http://127.0.0.1:$cached/healthz"

# One license, validated by key (the hot path of an installed app).
key=$(curl -fs -X POST "http://127.0.0.1:$uncached/licenses" -H "Authorization: Bearer sk_test_acme" -H "Content-Type: application/json" \
  -d '{"product_id":"prod_load","customer_id":"cust_load","activations_limit":3,"duration_hours":720}' |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])')
body="{\"license_key\":\"$key\"}"
curl -fs -X POST "http://127.0.0.1:$uncached/licenses/validate" -H "Authorization: Bearer pk_test_acme" -H "Content-Type: application/json" \
  -d "$body" >"$work/validate.json"
grep -q '"valid":true' "$work/validate.json" || { echo "validate did not answer valid: $(cat "$work/validate.json")" >&2; exit 1; }

minimal=$(free_port)
(cd "$baseline_dir" && Urls="http://127.0.0.1:$minimal" VALIDATE_RESPONSE_FILE="$work/validate.json" \
  Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production \
  exec dotnet LicenseKit.Benchmarks.HttpBaseline.dll >"$work/minimal.log" 2>&1) &
pids+=($!)
for _ in $(seq 1 120); do curl -fs -o /dev/null -X POST "http://127.0.0.1:$minimal/licenses/validate" -d '{}' 2>/dev/null && break; sleep 0.5; done

cat >"$work/validate.lua" <<LUA
wrk.method = "POST"
wrk.body = '$body'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer pk_test_acme"
LUA

# "1.23ms" / "850.00us" / "1.02s" → milliseconds
to_ms() { python3 -c 'import sys,re; v,u=re.fullmatch(r"([\d.]+)(us|ms|s)",sys.argv[1]).groups(); print(round(float(v)*{"us":0.001,"ms":1,"s":1000}[u],3))' "$1"; }

measure() { # label, port → appends "label|req/s|p50|p99|non2xx" to results
  local url="http://127.0.0.1:$2/licenses/validate" out
  wrk -t"$threads" -c"$connections" -d"$warmup" -s "$work/validate.lua" "$url" >/dev/null
  out=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$work/validate.lua" "$url")
  local rps p50 p99 bad
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50=$(to_ms "$(awk '$1=="50%" {print $2}' <<<"$out")")
  p99=$(to_ms "$(awk '$1=="99%" {print $2}' <<<"$out")")
  bad=$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$out"); bad=${bad:-0}
  echo "$1|$rps|$p50|$p99|$bad" >>"$work/results"
  echo "$1: $rps req/s, p50 $p50 ms, p99 $p99 ms, non-2xx $bad" >&2
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
for round in $(seq 1 "$rounds"); do
  measure "minimal endpoint" "$minimal"
  measure "sample, cache on" "$cached"
  measure "sample, cache off" "$uncached"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

python3 - "$work/results" "$report" "$rounds" <<'PY'
import statistics, sys
rows = [line.strip().split("|") for line in open(sys.argv[1])]
rounds = int(sys.argv[3])
by = {}
for label, rps, p50, p99, bad in rows:
    by.setdefault(label, []).append((float(rps), float(p50), float(p99), int(bad)))
base = by["minimal endpoint"]
lines = ["| round | target | req/s | p50 (ms) | p99 (ms) | non-2xx | req/s ÷ minimal | p99 ÷ minimal |", "|---:|---|---:|---:|---:|---:|---:|---:|"]
for r in range(rounds):
    for label in ("minimal endpoint", "sample, cache on", "sample, cache off"):
        rps, p50, p99, bad = by[label][r]
        lines.append(f"| {r + 1} | {label} | {rps:,.0f} | {p50:.2f} | {p99:.2f} | {bad} | {rps / base[r][0]:.2f}× | {p99 / base[r][2]:.2f}× |")
verdict = []
for r in range(rounds):
    on = by["sample, cache on"][r]
    ok = on[0] / base[r][0] >= 0.5 and on[2] / base[r][2] <= 2
    verdict.append(f"round {r + 1}: {'met' if ok else 'missed'} ({on[0] / base[r][0]:.2f}× req/s, {on[2] / base[r][2]:.2f}× p99)")
open(sys.argv[2], "w").write("\n".join(lines) + "\n\nTarget with the cache (≥ 0.5× the minimal endpoint's req/s, p99 ≤ 2× its p99): " + "; ".join(verdict) + ".\n")
PY

{
  echo
  echo "Run $started: wrk $threads threads, $connections connections, ${duration} per measurement after a ${warmup} warm-up, $rounds rounds"
  echo "(minimal, cache on, cache off in turn); sample on SQLite, Redis $redis, loopback only. Load average (1/5/15 min)"
  echo "before: $load_before, after: $load_after on $(nproc) cores. Command: benchmarks/http/run.sh"
} >>"$report"
cat "$report"
