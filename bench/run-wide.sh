#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Benchmark: wide data, the default test suite plus Data Poisoning Detection, no sampling.
#   bench/run-wide.sh [CONFIG]         (default bench/wide-suite.json)
# Generates its data itself (GenerateWide.java, deterministic, with DuckDB from the rime jar): 80
# features (40 numeric, 40 categorical with 2 to 5000 categories, some nulls, some drifting), a
# binary label and a prediction, 1M rows in the reference and 1M in the evaluation file. Runs
# `rime run` on it and prints wall time, rows per second, peak memory (the maximum resident set size
# of the whole process, from /usr/bin/time) and the time of each test (from the engine's log).
# Limits as bench/run-flights.sh: JVM heap 1 GB, DuckDB 700 MB, 2 threads. Override with
# RIME_JAVA_OPTS; WIDE_ROWS changes the rows per side (the data is generated again).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$root/bench/data"
config="${1:-$root/bench/wide-suite.json}"
rows="${WIDE_ROWS:-1000000}"
mkdir -p "$data" "$root/bench/out"

"$root/rime" --version >/dev/null # builds rime.jar on first use
jar="$root/rime-cli/target/rime.jar"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
stamp="$data/wide.rows"
if [[ ! -f "$data/wide-eval.parquet" || "$(cat "$stamp" 2>/dev/null)" != "$rows" ||
  "$root/bench/GenerateWide.java" -nt "$data/wide-eval.parquet" ]]; then
  echo "generating the wide data ($rows rows a side)..." >&2
  "$java_bin" --enable-native-access=ALL-UNNAMED -cp "$jar" "$root/bench/GenerateWide.java" "$data" "$rows"
  echo "$rows" > "$stamp"
fi

export RIME_JAVA_OPTS="${RIME_JAVA_OPTS:--Xmx1g -Drime.duckdb.memory_limit_mb=700 -Drime.duckdb.threads=2}"
out="$root/bench/out/wide"
log="$root/bench/out/wide.log"
timing="$(mktemp)"
start=$(date +%s.%N)
status=0
/usr/bin/time -v -o "$timing" "$root/rime" run "$config" --out "$out" \
  > "$root/bench/out/wide-report.txt" 2> "$log" || status=$?
end=$(date +%s.%N)
peak_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$timing")
wall=$(python3 -c "print(f'{$end - $start:.1f}')")
echo "wide bench ($(nproc) cores, $RIME_JAVA_OPTS)"
if [[ $status -ne 0 ]]; then
  echo "  FAILED (exit $status) after ${wall} s, peak memory $(python3 -c "print(f'{$peak_kb/1024:.0f}')") MB; last log lines:"
  tail -n 5 "$log" | sed 's/^/    /'
  rm -f "$timing"
  exit "$status"
fi
total=$(python3 -c "import json; s=json.load(open('$out/test_run.json')); print(s['ref']['rows'] + s['eval']['rows'])")
cases=$(python3 -c "import json; s=json.load(open('$out/test_run.json')); c=s['summary_counts']; print(f\"{c['total']} cases: {c['pass']} pass, {c['warning']} warning, {c['fail']} fail, {c['skip']} skip\")")
engine_ms=$(python3 -c "import json; print(json.load(open('$out/test_run.json'))['duration_millis'])")
echo "  rows:         $total (reference + evaluation), $(python3 -c "import json; print(len(json.load(open('$out/test_run.json'))['features']))") columns"
echo "  wall time:    ${wall} s for the whole command (engine: $(python3 -c "print(f'{$engine_ms/1000:.1f}')") s)"
echo "  rows/second:  $(python3 -c "print(f'{$total / ($end - $start):,.0f}')")"
echo "  peak memory:  $(python3 -c "print(f'{$peak_kb/1024:.0f}')") MB (max RSS)"
echo "  test cases:   $cases"
echo "  per test (ms, slowest first):"
sed -n 's/.* - test \([^ ]*\) ([0-9]*\/[0-9]*): \([0-9]*\) cases in \([0-9]*\) ms.*/\3 \1 \2/p' "$log" |
  sort -rn | awk '{printf "    %8d  %s (%d cases)\n", $1, $2, $3}'
echo "  report:       bench/out/wide-report.txt, log bench/out/wide.log, results in bench/out/wide/"
rm -f "$timing"
