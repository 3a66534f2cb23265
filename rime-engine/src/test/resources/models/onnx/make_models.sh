#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Remakes the test ONNX files and expected.json in a throw-away virtualenv with the pinned
# requirements.txt.  Usage: ./make_models.sh   (PYTHON=python3.11 ./make_models.sh to pick one)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python="${PYTHON:-python3}"
venv_root="$(mktemp -d "${TMPDIR:-/tmp}/rime-onnx-venv.XXXXXX")"
trap 'rm -rf "$venv_root"' EXIT
"$python" -m venv "$venv_root/venv"
"$venv_root/venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt"
"$venv_root/venv/bin/python" "$here/make_models.py"
