#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Passes every test on a fresh machine: builds all modules and runs their tests (unit, store
# contracts on SQLite and an embedded PostgreSQL, real servers on free ports, job processes, the
# end-to-end SDK -> server -> engine path and `rime demo`). Needs a JDK 17+ and Maven 3.8.7+;
# everything else comes from Maven Central, and python3 (3.10+) for the Python model runner: its
# pinned environment (python/.venv) is built first by scripts/python-env.sh, from PyPI, and its
# pytest tests run before Maven. Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if ! command -v "$java_bin" >/dev/null 2>&1; then
  echo "test: no Java found; install a JDK 17+ or set JAVA_HOME" >&2
  exit 1
fi
if ! command -v mvn >/dev/null 2>&1; then
  echo "test: mvn not found; install Maven 3.8.7 or newer" >&2
  exit 1
fi
# Maven's own Guava warns about sun.misc.Unsafe on JDK 24+; the flag is unknown before 23.
major="$("$java_bin" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print v[1]; exit}')"
if [[ "$major" =~ ^[0-9]+$ ]] && (( major >= 24 )); then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
# The Python environment that runs Python models (built once; rebuilt when requirements change).
RIME_PYTHON="$(scripts/python-env.sh)"
export RIME_PYTHON
"$RIME_PYTHON" -m pytest -q python/runner/tests
exec mvn -B -ntp verify "$@"
