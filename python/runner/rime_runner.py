# SPDX-License-Identifier: Apache-2.0
"""Runs a user's Python model file for RIME's engine, in a child process.

Started as ``python rime_runner.py MODEL_FILE`` with the model's folder as working directory. It
imports the file, then answers batches of rows read from standard input with predictions written to
standard output. The model's own prints go to standard error (file descriptor 1 is pointed at 2), so
they never corrupt a frame.

Protocol (all numbers little-endian):

* After importing the file the runner writes one reply: ``{"ok": true, "ready": true, "entry": ...}``
  or an error reply.
* Request: a JSON header line ``{"rows": n, "columns": [{"name": ..., "kind": ...}, ...]}`` then,
  per column in order:
  - ``number``: n float64 values, NaN for a missing value;
  - ``bool``: n int8 values (0/1), then n int8 null flags (1 = missing);
  - ``string``: n int8 null flags, then n + 1 int32 byte offsets, then the UTF-8 bytes
    (offsets[n] of them); value i is bytes[offsets[i]:offsets[i + 1]].
  - ``code``: text coded against a dictionary of the column's distinct values. When the column's
    header has ``"dictionary": k`` (the first batch of every scoring call), the k values come first,
    as k + 1 int32 byte offsets then the UTF-8 bytes, and replace the column's dictionary; then n
    int32 codes, -1 for a missing value. The column is the same object array of str as ``string``
    would give, built without decoding every value.
* Reply: a JSON header line ``{"ok": true, "rows": n, "outputs": k}`` then n * k float64 values,
  row by row; or ``{"ok": false, "type": ..., "message": ..., "traceback": ...}`` when the model
  raised or returned something that is not an array of numbers of one or two dimensions.
* End of standard input ends the runner (exit code 0).
"""

import importlib.util
import json
import os
import sys
import traceback

import numpy as np
import pandas as pd


def read_exact(stream, n):
    """Reads exactly n bytes, or raises EOFError."""
    buf = bytearray(n)
    view = memoryview(buf)
    got = 0
    while got < n:
        k = stream.readinto(view[got:])
        if not k:
            raise EOFError(f"end of input after {got} of {n} bytes")
        got += k
    return buf


def decode_column(kind, n, stream, col=None, dictionaries=None):
    """Reads one column of n rows from stream; returns a numpy array of the data's dtype.

    ``col`` is the column's header and ``dictionaries`` the dictionaries of ``code`` columns, by
    column name, kept from batch to batch.
    """
    if kind == "number":
        return np.frombuffer(read_exact(stream, 8 * n), dtype="<f8")
    if kind == "bool":
        values = np.frombuffer(read_exact(stream, n), dtype=np.int8).astype(bool)
        nulls = np.frombuffer(read_exact(stream, n), dtype=np.int8).astype(bool)
        if not nulls.any():
            return values
        out = values.astype(object)
        out[nulls] = None
        return out
    if kind == "string":
        nulls = np.frombuffer(read_exact(stream, n), dtype=np.int8).astype(bool)
        offsets = np.frombuffer(read_exact(stream, 4 * (n + 1)), dtype="<i4")
        data = bytes(read_exact(stream, int(offsets[n])))
        return strings(data, offsets, nulls)
    if kind == "code":
        name = col["name"]
        k = col.get("dictionary")
        if k is not None:
            offsets = np.frombuffer(read_exact(stream, 4 * (k + 1)), dtype="<i4")
            data = bytes(read_exact(stream, int(offsets[k])))
            values = np.empty(k + 1, dtype=object)  # the last entry, None, is code -1
            values[:k] = strings(data, offsets, np.zeros(k, dtype=bool))
            dictionaries[name] = values
        elif name not in dictionaries:
            raise ValueError(f"column {name!r} is coded but no dictionary was sent")
        codes = np.frombuffer(read_exact(stream, 4 * n), dtype="<i4")
        return dictionaries[name][codes]
    raise ValueError(f"unknown column kind {kind!r}")


def strings(data, offsets, nulls):
    """An object array of str (None where null) from UTF-8 bytes and byte offsets."""
    n = len(nulls)
    text = data.decode("utf-8")
    bounds = offsets.tolist()
    if len(text) == len(data):  # ASCII only: byte offsets are character offsets
        values = [text[bounds[i] : bounds[i + 1]] for i in range(n)]
    else:
        values = [data[bounds[i] : bounds[i + 1]].decode("utf-8") for i in range(n)]
    out = np.empty(n, dtype=object)
    out[:] = values
    if nulls.any():
        out[nulls] = None
    return out


def read_frame(stream, dictionaries=None):
    """Reads one request; returns a DataFrame, or None at the end of input.

    ``dictionaries`` keeps the dictionaries of ``code`` columns between the frames of one stream.
    """
    line = stream.readline()
    if not line:
        return None
    header = json.loads(line)
    n = header["rows"]
    if dictionaries is None:
        dictionaries = {}
    data = {}
    for col in header["columns"]:
        data[col["name"]] = decode_column(col["kind"], n, stream, col, dictionaries)
    index = pd.RangeIndex(n)
    # Text stays object with None for missing (pandas 3 would otherwise infer its str dtype).
    series = {name: pd.Series(v, index=index, dtype=v.dtype, copy=False) for name, v in data.items()}
    return pd.DataFrame(series, index=index, copy=False)


def encode_column(kind, values):
    """The bytes of one column (the inverse of decode_column), for tests and the bench."""
    n = len(values)
    if kind == "number":
        return np.asarray([np.nan if v is None else v for v in values], dtype="<f8").tobytes()
    nulls = np.array([v is None for v in values], dtype=np.int8)
    if kind == "bool":
        vals = np.array([bool(v) if v is not None else False for v in values], dtype=np.int8)
        return vals.tobytes() + nulls.tobytes()
    if kind == "string":
        return nulls.tobytes() + utf8_values(values)
    raise ValueError(f"unknown column kind {kind!r}")


def utf8_values(values):
    """n + 1 int32 byte offsets then the UTF-8 bytes of values (None as empty)."""
    encoded = [b"" if v is None else v.encode("utf-8") for v in values]
    offsets = np.zeros(len(values) + 1, dtype="<i4")
    offsets[1:] = np.cumsum([len(e) for e in encoded])
    return offsets.tobytes() + b"".join(encoded)


def encode_frame(columns, dictionaries=None):
    """A request frame from [(name, kind, values)], for tests and the bench.

    A ``code`` column's values are codes; ``dictionaries`` maps its name to the dictionary to send
    with this frame (leave it out to reuse the one sent before).
    """
    dictionaries = dictionaries or {}
    n = len(columns[0][2]) if columns else 0
    cols, body = [], []
    for name, kind, values in columns:
        col = {"name": name, "kind": kind}
        if kind == "code":
            if name in dictionaries:
                col["dictionary"] = len(dictionaries[name])
                body.append(utf8_values(dictionaries[name]))
            body.append(np.asarray(values, dtype="<i4").tobytes())
        else:
            body.append(encode_column(kind, values))
        cols.append(col)
    header = {"rows": n, "columns": cols}
    return json.dumps(header).encode("utf-8") + b"\n" + b"".join(body)


def load_model(path):
    """Imports the user's file; returns (entry point name, function taking a DataFrame)."""
    folder = os.path.dirname(os.path.abspath(path))
    if folder not in sys.path:
        sys.path.insert(0, folder)
    spec = importlib.util.spec_from_file_location("rime_user_model", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules["rime_user_model"] = module
    spec.loader.exec_module(module)
    if callable(getattr(module, "predict_df", None)):
        return "predict_df", module.predict_df
    if callable(getattr(module, "predict_dict", None)):
        predict_dict = module.predict_dict

        def by_row(df):
            rows = df.to_dict(orient="records")
            out = [np.asarray(predict_dict(row), dtype=np.float64) for row in rows]
            if not out:
                return np.zeros(0)
            return np.stack(out)

        return "predict_dict", by_row
    raise AttributeError(f"{path} defines neither predict_df(df) nor predict_dict(x)")


def as_output(result, n):
    """The model's result as a float64 array of one or two dimensions."""
    if isinstance(result, (pd.Series, pd.DataFrame)):
        result = result.to_numpy()
    arr = np.asarray(result)
    if arr.dtype == object or not (
        np.issubdtype(arr.dtype, np.number) or arr.dtype == np.bool_
    ):
        raise TypeError(f"the model returned {arr.dtype} values, not numbers")
    arr = np.ascontiguousarray(arr, dtype="<f8")
    if arr.ndim not in (1, 2):
        raise ValueError(
            f"the model returned an array of shape {arr.shape} for {n} rows; "
            f"expected ({n},) or ({n}, number of classes)"
        )
    return arr


def reply(out, header, body=b""):
    out.write(json.dumps(header).encode("utf-8") + b"\n")
    if body:
        out.write(body)
    out.flush()


def error_reply(out, exc):
    reply(
        out,
        {
            "ok": False,
            "type": type(exc).__name__,
            "message": str(exc),
            "traceback": "".join(traceback.format_exception(exc)),
        },
    )


def serve(model_file, inp, out):
    """Imports the model, then answers requests until the end of input."""
    try:
        entry, predict = load_model(model_file)
    except BaseException as exc:  # noqa: BLE001 - every import failure goes back as a frame
        error_reply(out, exc)
        return 1
    reply(out, {"ok": True, "ready": True, "entry": entry})
    dictionaries = {}
    while True:
        df = read_frame(inp, dictionaries)
        if df is None:
            return 0
        try:
            arr = as_output(predict(df), len(df))
        except Exception as exc:  # noqa: BLE001 - a model error is a reply, not a crash
            error_reply(out, exc)
            continue
        outputs = 1 if arr.ndim == 1 else arr.shape[1]
        reply(out, {"ok": True, "rows": arr.shape[0], "outputs": outputs}, arr.tobytes())


def main(argv):
    if len(argv) != 2:
        print("usage: rime_runner.py MODEL_FILE", file=sys.stderr)
        return 2
    # Frames go to the real standard output; anything the model prints goes to standard error.
    out = os.fdopen(os.dup(1), "wb", buffering=1 << 20)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    inp = sys.stdin.buffer
    return serve(argv[1], inp, out)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
