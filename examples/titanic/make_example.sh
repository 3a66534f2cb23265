#!/usr/bin/env bash
# Rebuild reference.csv, evaluation.csv and expected_metrics.json from data/titanic.csv
# in a throw-away virtualenv with the pinned versions of requirements.txt.
# Usage: ./make_example.sh            (PYTHON=python3.11 ./make_example.sh to pick an interpreter)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python="${PYTHON:-python3}"
venv_root="$(mktemp -d "${TMPDIR:-/tmp}/rime-titanic-venv.XXXXXX")"
trap 'rm -rf "$venv_root"' EXIT

"$python" -m venv "$venv_root/venv"
"$venv_root/venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt"
"$venv_root/venv/bin/python" "$here/make_example.py"
