#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Benchmark: a test suite on the 3M-row flights data, no sampling.
#   bench/run-flights.sh [CONFIG]      (default bench/flights-suite.json; also
#                                       bench/flights-model-suite.json, bench/flights-regression-suite.json)
# Fetches the data itself (npm package vega-datasets@3.2.1, data/flights-3m.parquet; checked by
# SHA-256), splits it into January-March (reference) and April-June (evaluation) with a label
# `delayed` = delay > 15 and two model predictions fitted on the reference, `pred` = P(delayed) and
# `pred_delay` (bench/SplitFlights.java; redone when that file or the source is newer than the
# split), runs `rime run` on it, and prints wall time, rows per second and peak memory (the maximum
# resident set size of the whole process, from /usr/bin/time).
# The run gets the limits a job requesting 1000 MB would get from the local executor's share of a
# 2 GB budget: JVM heap 1 GB, DuckDB 700 MB, 2 threads. Override with RIME_JAVA_OPTS.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$root/bench/data"
config="${1:-$root/bench/flights-suite.json}"
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
stale=""
for f in "$data/flights-ref.parquet" "$data/flights-eval.parquet"; do
  if [[ ! -f "$f" || "$data/flights-3m.parquet" -nt "$f" || "$root/bench/SplitFlights.java" -nt "$f" ]]; then
    stale="yes"
  fi
done
if [[ -n "$stale" ]]; then
  echo "splitting the data and fitting the models (bench/SplitFlights.java)..." >&2
  "$java_bin" --enable-native-access=ALL-UNNAMED -cp "$jar" "$root/bench/SplitFlights.java" "$data/flights-3m.parquet" "$data"
fi

export RIME_JAVA_OPTS="${RIME_JAVA_OPTS:--Xmx1g -Drime.duckdb.memory_limit_mb=700 -Drime.duckdb.threads=2}"
name="$(basename "$config" .json)"
out="$root/bench/out/$name"
report="$root/bench/out/$name-report.txt"
timing="$(mktemp)"
start=$(date +%s.%N)
/usr/bin/time -v -o "$timing" "$root/rime" run "$config" --out "$out" > "$report"
end=$(date +%s.%N)
peak_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$timing")
cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.1f", s}' "$timing")
rows=$(python3 -c "import json; s=json.load(open('$out/test_run.json')); print(s['ref']['rows'] + s['eval']['rows'])")
cases=$(python3 -c "import json; s=json.load(open('$out/test_run.json')); c=s['summary_counts']; print(f\"{c['total']} cases: {c['pass']} pass, {c['warning']} warning, {c['fail']} fail, {c['skip']} skip\")")
engine_ms=$(python3 -c "import json; print(json.load(open('$out/test_run.json'))['duration_millis'])")
wall=$(python3 -c "print(f'{$end - $start:.1f}')")
echo "flights bench: $name ($(nproc) cores, $RIME_JAVA_OPTS)"
echo "  rows:         $rows (reference + evaluation)"
echo "  wall time:    ${wall} s for the whole command (engine: $(python3 -c "print(f'{$engine_ms/1000:.1f}')") s)"
echo "  cpu time:     ${cpu} s (user + system; less sensitive than wall time to other load)"
echo "  rows/second:  $(python3 -c "print(f'{$rows / ($end - $start):,.0f}')")"
echo "  peak memory:  $(python3 -c "print(f'{$peak_kb/1024:.0f}')") MB (max RSS)"
echo "  test cases:   $cases"
echo "  report:       bench/out/$name-report.txt, results in bench/out/$name/"
rm -f "$timing"
