#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the default Python environment for Python models (python/.venv) from the pinned
# python/runner/requirements.txt, once: a stamp holds the requirements' hash and the venv is rebuilt
# when it changes. Prints the environment's python. Needs python3 (3.10+, or PYTHON=...) and pip
# access to PyPI the first time; nothing is downloaded at run time of a job.
#   scripts/python-env.sh            build if needed, print <root>/python/.venv/bin/python
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
req="$root/python/runner/requirements.txt"
venv="${RIME_VENV:-$root/python/.venv}"
stamp="$venv/.rime-requirements.sha256"
python="${PYTHON:-python3}"

if ! command -v "$python" >/dev/null 2>&1; then
  echo "python-env: $python not found; install Python 3.10+ or set PYTHON=/path/to/python3" >&2
  exit 1
fi
want="$( (cat "$req"; "$python" -c 'import sys; print(sys.version)') | sha256sum | cut -d' ' -f1)"
if [[ -x "$venv/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
  echo "$venv/bin/python"
  exit 0
fi
echo "python-env: building $venv from $req ..." >&2
rm -rf "$venv"
"$python" -m venv "$venv" >&2
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$req" >&2
echo "$want" >"$stamp"
echo "$venv/bin/python"
