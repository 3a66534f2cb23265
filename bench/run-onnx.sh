#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Benchmark: ONNX rows per second through OnnxModelAdapter (DuckDB rows -> ONNX Runtime in the
# JVM -> checked predictions) on generated rows (1M by default; ONNX_ROWS, ONNX_BATCH to change).
#   bench/run-onnx.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/rime" --version >/dev/null # builds rime.jar on first use
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
mkdir -p "$root/bench/out/tmp"
exec "$java_bin" --enable-native-access=ALL-UNNAMED -Xmx1g -Drime.duckdb.threads=2 \
  -Djava.io.tmpdir="$root/bench/out/tmp" -cp "$root/rime-cli/target/rime.jar" \
  "$root/bench/OnnxThroughput.java" "$root" "${ONNX_ROWS:-1000000}" "${ONNX_BATCH:-50000}"
