#!/usr/bin/env bash
# The whole scale benchmark (ScaleBenchmarks: every store × 10³, 10⁴, 10⁵, 10⁶ licenses × every operation), one BenchmarkDotNet
# process per store so a store's data set is filled once and shared by its cases, then the ratio table of the medians
# (benchmarks/scale/ratios.py) with the wall time and load averages of each piece. Data sets are kept between runs
# (SQLite files under the temp folder, PostgreSQL databases), so only a first run, or one after a model change, builds them.
#
#   benchmarks/scale/run.sh                  # report in benchmarks/results/ScaleBenchmarks-ratios.md
#   RUN=run2 benchmarks/scale/run.sh         # …ScaleBenchmarks-ratios-run2.md, pieces' reports with -run2
#   SIZES=1000,10000 STORES="in-memory" benchmarks/scale/run.sh
#
# The PostgreSQL piece runs when LICENSEKIT_POSTGRES_CONNECTION is set (source .ci/postgres.sh && postgres_start).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
sizes=${SIZES:-1000,10000,100000,1000000}
stores=${STORES:-in-memory,EF SQLite${LICENSEKIT_POSTGRES_CONNECTION:+,EF PostgreSQL}}
suffix=${RUN:+-$RUN}
results=${RESULTS:-$root/benchmarks/results}
report=${REPORT:-$results/ScaleBenchmarks-ratios$suffix.md}
# Modest counts: a case's median needs ten 50 ms iterations, not BenchmarkDotNet's default minutes per case. Five warm-ups,
# because the 10³ cases run first in the process, while the JIT is still promoting the store's code to optimized tiers.
bdn_options=(--inProcess --warmupCount "${WARMUP:-5}" --iterationCount "${ITERATIONS:-10}" --iterationTime "${ITERATION_TIME:-50}"
  --noOverheadEvaluation --exporters csv github)
piece_timeout=${PIECE_TIMEOUT:-900}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "building…" >&2
dotnet build -c Release "$root/benchmarks/LicenseKit.Benchmarks" -v q -nologo >/dev/null
started=$(date +%s)
inputs=()
printf '| piece | start (UTC) | wall time (s) | load average before | load average after |\n|---|---|---:|---|---|\n' >"$work/pieces.md"

IFS=, read -r -a store_list <<<"$stores"
for store in "${store_list[@]}"; do
  piece=$(tr 'A-Z ' 'a-z-' <<<"$store" | sed 's/^ef-//')   # in-memory, sqlite, postgresql
  artifacts="$work/$piece"
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  piece_start=$(date +%s)
  echo "piece $store ($sizes)…" >&2
  status=0
  (cd "$root" && LICENSEKIT_SCALE_STORES="$store" LICENSEKIT_SCALE_SIZES="$sizes" timeout "$piece_timeout" \
    dotnet run -c Release --no-build --project benchmarks/LicenseKit.Benchmarks -- --filter '*ScaleBenchmarks*' \
    "${bdn_options[@]}" --artifacts "$artifacts") >"$work/$piece.log" 2>&1 || status=$?
  load_after=$(cut -d' ' -f1-3 /proc/loadavg)
  wall=$(( $(date +%s) - piece_start ))
  note=""
  csv="$artifacts/results/LicenseKit.Benchmarks.Scale.ScaleBenchmarks-report.csv"
  if [[ $status -eq 0 && -f $csv ]]; then
    inputs+=("$csv")
    cp "$artifacts/results/LicenseKit.Benchmarks.Scale.ScaleBenchmarks-report-github.md" \
      "$results/LicenseKit.Benchmarks.Scale.ScaleBenchmarks-$piece$suffix-report-github.md"
  else
    # A piece stopped early still has the cases its console log finished.
    note=" (stopped, exit $status: cases from its log)"
    inputs+=("$work/$piece.log")
    cp "$work/$piece.log" "$results/ScaleBenchmarks-$piece$suffix.log"
  fi
  printf '| %s%s | %s | %d | %s | %s |\n' "$store" "$note" "$(date -u -d "@$piece_start" +%H:%M:%S)" "$wall" \
    "$load_before" "$load_after" >>"$work/pieces.md"
  echo "piece $store: ${wall}s, exit $status" >&2
done
total=$(( $(date +%s) - started ))

python3 "$root/benchmarks/scale/ratios.py" "$report" "${inputs[@]}" >/dev/null
{
  echo
  echo "Run $(date -u -d "@$started" +%Y-%m-%dT%H:%M:%SZ), ${total} s in all on $(nproc) cores: \`benchmarks/scale/run.sh\`"
  echo "(BenchmarkDotNet ${bdn_options[*]}), sizes $sizes; medians of each case. Load average (1/5/15 min) per piece:"
  echo
  cat "$work/pieces.md"
} >>"$report"
cat "$report"
