#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Benchmark: rows per second through the Python model runner (DuckDB -> binary frames -> child
# Python process -> predict_df -> predictions back in Java) against calling the same predict_df
# in-process in Python on the same rows, in the same batches.
#   bench/run-python-runner.sh [all|numbers|sklearn]   (PYRUNNER_ROWS=1000000, PYRUNNER_BATCH=50000)
# all (default): 3 numeric + 2 text columns; numbers: the 3 numeric columns only; both with
# bench/python-runner/model.py (numpy + pandas: three numeric columns, a category mapped to
# weights, the length of a text column: about 3M rows/s, so the runner's own cost shows).
# sklearn: the 5 columns with bench/python-runner/sklearn_model.py (a scikit-learn pipeline:
# imputer, scaler, one-hot encoder, logistic regression: a typical tabular model).
# Both sides are the best of 3 timed runs; the
# runner's warm-up call (process start, model import) is reported apart. The predictions of both
# sides are checked to be identical.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows="${PYRUNNER_ROWS:-1000000}"
batch="${PYRUNNER_BATCH:-50000}"
mode="${1:-all}"
case "$mode" in
  all | numbers) columns="$mode" model="$root/bench/python-runner/model.py" ;;
  sklearn) columns="all" model="$root/bench/python-runner/sklearn_model.py" ;;
  *) echo "usage: bench/run-python-runner.sh [all|numbers|sklearn]" >&2; exit 2 ;;
esac
out="$root/bench/out/python-runner"
mkdir -p "$out"

"$root/rime" --version >/dev/null # builds rime.jar on first use
python="$("$root/scripts/python-env.sh")"
jar="$root/rime-cli/target/rime.jar"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"

runner_line="$("$java_bin" --enable-native-access=ALL-UNNAMED -cp "$jar" \
  "$root/bench/PythonRunnerBench.java" "$python" "$model" \
  "$rows" "$batch" "$out" "$columns" 2>"$out/runner.log")"
inprocess_line="$("$python" "$root/bench/python-runner/inprocess.py" "$out/rows.csv" "$batch" "$out/inprocess.bin" "$columns" "$model")"
"$python" - "$out" "$runner_line" "$inprocess_line" "$batch" "$columns" "$(basename "$model")" <<'PY'
import sys
import numpy as np
out, runner, inproc, batch, columns, model = sys.argv[1:7]
fields = lambda line: dict(kv.split("=") for kv in line.split()[1:])
r, p = fields(runner), fields(inproc)
a = np.fromfile(f"{out}/runner.bin", "<f8")
b = np.fromfile(f"{out}/inprocess.bin", "<f8")
assert a.shape == b.shape and np.array_equal(a, b), "runner and in-process predictions differ"
print(f"python runner bench ({r['rows']} rows, {'3 numeric + 2 text' if columns == 'all' else '3 numeric'} columns, batches of {batch}, {model})")
print(f"  in-process predict_df: {float(p['seconds']):.3f} s, {float(p['rows_per_s']):,.0f} rows/s")
print(f"  through the runner:    {float(r['seconds']):.3f} s, {float(r['rows_per_s']):,.0f} rows/s"
      f" (+ {r['startup_s']} s to start the process and import the model, once)")
print(f"  runner / in-process:   {float(r['rows_per_s']) / float(p['rows_per_s']):.0%}")
print("  predictions: identical")
PY
