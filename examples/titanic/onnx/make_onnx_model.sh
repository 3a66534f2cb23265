#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Retrains the Titanic ONNX model (titanic.onnx, expected.json) in a throw-away virtualenv with
# the pinned requirements.txt.  Usage: ./make_onnx_model.sh  (PYTHON=python3.11 ... to pick one)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python="${PYTHON:-python3}"
venv_root="$(mktemp -d "${TMPDIR:-/tmp}/rime-titanic-onnx-venv.XXXXXX")"
trap 'rm -rf "$venv_root"' EXIT
"$python" -m venv "$venv_root/venv"
"$venv_root/venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt"
"$venv_root/venv/bin/python" "$here/make_onnx_model.py"
