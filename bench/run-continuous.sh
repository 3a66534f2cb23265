#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Benchmark: a continuous test on the 3M-row flights data, daily bins, no sampling.
#   bench/run-continuous.sh [MODE]     MODE = from_reference (default: the stress test of the whole
#                                      evaluation set first) or incremental (the bins only)
# Reference = January (508,239 rows), evaluation = February-June (2,491,755 rows, 150 days), with
# the label `delayed` and the prediction `pred` of bench/run-flights.sh (fetched and split as that
# script does, then re-split by bench/SplitContinuous.java). Runs the job process itself
# (dev.rime.engine.JobMain on a job folder, as the server's executor does) and prints the total
# time, the stress test's, the time series', and the time per bin (mean, median, max), with the
# peak memory of the whole process (/usr/bin/time).
# Limits: those of bench/run-flights.sh (JVM heap 1 GB, DuckDB 700 MB, 2 threads); override with
# RIME_JAVA_OPTS.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$root/bench/data"
mode="${1:-from_reference}"
sha=dbeb920c90f59b6ccaff823dcc3d08f25a97fa1ce128d93f40be4e931f5900b0
mkdir -p "$data" "$root/bench/out"

if [[ ! -f "$data/flights-3m.parquet" ]]; then
  echo "fetching vega-datasets@3.2.1 from the npm registry..." >&2
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent vega-datasets@3.2.1 >/dev/null && tar xzf vega-datasets-3.2.1.tgz package/data/flights-3m.parquet)
  mv "$tmp/package/data/flights-3m.parquet" "$data/flights-3m.parquet"
  rm -rf "$tmp"
fi
echo "$sha  $data/flights-3m.parquet" | sha256sum -c --quiet - || { echo "flights-3m.parquet: unexpected SHA-256" >&2; exit 1; }

"$root/rime" --version >/dev/null # builds rime.jar on first use
jar="$root/rime-cli/target/rime.jar"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
for f in "$data/flights-ref.parquet" "$data/flights-eval.parquet"; do
  if [[ ! -f "$f" || "$data/flights-3m.parquet" -nt "$f" || "$root/bench/SplitFlights.java" -nt "$f" ]]; then
    echo "splitting the data and fitting the models (bench/SplitFlights.java)..." >&2
    "$java_bin" --enable-native-access=ALL-UNNAMED -cp "$jar" "$root/bench/SplitFlights.java" "$data/flights-3m.parquet" "$data"
    break
  fi
done
for f in "$data/ct-ref.parquet" "$data/ct-eval.parquet"; do
  if [[ ! -f "$f" || "$data/flights-eval.parquet" -nt "$f" || "$root/bench/SplitContinuous.java" -nt "$f" ]]; then
    echo "splitting January / February-June (bench/SplitContinuous.java)..." >&2
    "$java_bin" --enable-native-access=ALL-UNNAMED -cp "$jar" "$root/bench/SplitContinuous.java" "$data"
    break
  fi
done

job="$root/bench/out/continuous-$mode"
rm -rf "$job"
mkdir -p "$job"
cat > "$job/config.json" <<JSON
{"test_run_config": {
   "run_name": "flights 3M continuous: January vs daily bins of February-June",
   "data_info": {"ref_path": "$data/ct-ref.parquet", "eval_path": "$data/ct-eval.parquet",
                 "label_col": "delayed", "pred_col": "pred",
                 "features_not_in_model": ["delay", "pred_delay"]},
   "model_task": "Binary Classification",
   "continuous_info": {"timestamp_col": "date", "bin_size": "day"}},
 "base_dir": "$data",
 "continuous": {"mode": "$mode", "skip_bins": []}}
JSON

# shellcheck disable=SC2086
read -r -a opts <<< "${RIME_JAVA_OPTS:--Xmx1g -Drime.duckdb.memory_limit_mb=700 -Drime.duckdb.threads=2}"
timing="$(mktemp)"
start=$(date +%s.%N)
/usr/bin/time -v -o "$timing" "$java_bin" --enable-native-access=ALL-UNNAMED "${opts[@]}" -cp "$jar" dev.rime.engine.JobMain "$job" > "$job/job.log" 2>&1 || true
end=$(date +%s.%N)
if ! grep -q SUCCEEDED "$job/exit.json" 2>/dev/null; then
  echo "the job failed:" >&2; cat "$job/exit.json" >&2 2>/dev/null || tail -20 "$job/job.log" >&2; exit 1
fi
peak_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$timing")
cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.1f", s}' "$timing")
series_ms=$(sed -n 's/.*time series of [0-9]* bins in \([0-9]*\) ms.*/\1/p' "$job/job.log")
echo "continuous bench: $mode ($(nproc) cores, ${opts[*]})"
python3 - "$job/result.json" "$start" "$end" "$cpu" "$peak_kb" "${series_ms:-0}" <<'PY'
import json, statistics, sys
r = json.load(open(sys.argv[1]))
start, end, cpu, peak_kb, series_ms = float(sys.argv[2]), float(sys.argv[3]), sys.argv[4], int(sys.argv[5]), int(sys.argv[6])
bins = r["bins"]
ms = [b["result"]["summary"]["duration_millis"] for b in bins]
rows = [b["rows"] for b in bins]
print(f"  evaluation:   {r['rows']:,} rows, {len(bins)} daily bins ({min(rows):,} to {max(rows):,} rows), {r['unparseable_timestamps']} unparseable timestamps")
print(f"  wall time:    {end - start:.1f} s for the whole job process")
print(f"  cpu time:     {cpu} s (user + system)")
if r["stress_test"]:
    s = r["stress_test"]["summary"]
    print(f"  stress test:  {s['duration_millis'] / 1000:.1f} s ({s['summary_counts']['total']} cases), reference {s['ref']['rows']:,} rows")
print(f"  time series:  {series_ms / 1000:.1f} s for every bin (GROUP BY the bin)")
print(f"  per bin:      {statistics.mean(ms):.0f} ms mean, {statistics.median(ms):.0f} ms median, {max(ms)} ms max (first {ms[0]} ms); {sum(ms) / 1000:.1f} s in all")
print(f"  cases/bin:    {len(bins[0]['result']['test_cases'])}")
print(f"  peak memory:  {peak_kb / 1024:.0f} MB (max RSS)")
PY
echo "  result:       bench/out/continuous-$mode/result.json, log job.log"
rm -f "$timing"
