# SPDX-License-Identifier: Apache-2.0
"""The runner's frames: decoding requests into DataFrames, encoding replies, serving a model."""

import io
import json
import math
import os
import subprocess
import sys

import numpy as np
import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

import rime_runner  # noqa: E402


def frame_df(columns):
    return rime_runner.read_frame(io.BytesIO(rime_runner.encode_frame(columns)))


def frame_df_with(columns, dictionaries):
    return rime_runner.read_frame(io.BytesIO(rime_runner.encode_frame(columns, dictionaries)))


def test_numbers_are_float64_with_nan_for_missing():
    df = frame_df([("x", "number", [1.5, None, -2.0])])
    assert df["x"].dtype == np.float64
    assert df["x"].iloc[0] == 1.5 and math.isnan(df["x"].iloc[1]) and df["x"].iloc[2] == -2.0


def test_number_bytes_are_little_endian_float64():
    assert rime_runner.encode_column("number", [1.0]) == bytes.fromhex("000000000000f03f")


def test_strings_keep_unicode_empty_and_none():
    values = ["a", "", None, "Zoë", "日本語", "x\ny,\"z\"", "\x00"]
    df = frame_df([("s", "string", values)])
    assert df["s"].dtype == object
    assert df["s"].tolist() == values


def test_string_bytes_are_nulls_offsets_then_utf8():
    raw = rime_runner.encode_column("string", ["é", None, "ab"])
    assert raw == bytes([0, 1, 0]) + np.array([0, 2, 2, 4], "<i4").tobytes() + "éab".encode()


def test_booleans_without_nulls_are_bool_and_with_nulls_object():
    assert frame_df([("b", "bool", [True, False])])["b"].dtype == np.bool_
    df = frame_df([("b", "bool", [True, None, False])])
    assert df["b"].tolist() == [True, None, False]


def test_several_columns_and_zero_rows():
    df = frame_df([("a", "number", [1.0, 2.0]), ("b", "string", ["p", "q"]), ("c", "bool", [True, False])])
    assert list(df.columns) == ["a", "b", "c"] and len(df) == 2
    empty = frame_df([("a", "number", []), ("b", "string", [])])
    assert len(empty) == 0 and list(empty.columns) == ["a", "b"]


def test_coded_text_is_the_dictionary_values_with_none_for_minus_one():
    dictionary = ["Zoë", "", "b"]
    df = frame_df_with([("s", "code", [2, -1, 0, 0, 1])], {"s": dictionary})
    assert df["s"].dtype == object
    assert df["s"].tolist() == ["b", None, "Zoë", "Zoë", ""]


def test_coded_bytes_are_dictionary_offsets_utf8_then_int32_codes():
    raw = rime_runner.encode_frame([("s", "code", [1, -1])], {"s": ["é", "ab"]})
    header, body = raw.split(b"\n", 1)
    assert json.loads(header) == {"rows": 2, "columns": [{"name": "s", "kind": "code", "dictionary": 2}]}
    assert body == np.array([0, 2, 4], "<i4").tobytes() + "éab".encode() + np.array([1, -1], "<i4").tobytes()


def test_a_dictionary_is_kept_for_the_next_frames_until_replaced():
    stream = io.BytesIO(
        rime_runner.encode_frame([("s", "code", [0, 1])], {"s": ["p", "q"]})
        + rime_runner.encode_frame([("s", "code", [1, 1, -1])])
        + rime_runner.encode_frame([("s", "code", [0])], {"s": ["r"]})
    )
    dictionaries = {}
    assert rime_runner.read_frame(stream, dictionaries)["s"].tolist() == ["p", "q"]
    assert rime_runner.read_frame(stream, dictionaries)["s"].tolist() == ["q", "q", None]
    assert rime_runner.read_frame(stream, dictionaries)["s"].tolist() == ["r"]


def test_codes_without_a_dictionary_are_an_error():
    with pytest.raises(ValueError, match="no dictionary"):
        frame_df([("s", "code", [0])])


def test_end_of_input_is_none():
    assert rime_runner.read_frame(io.BytesIO(b"")) is None


def test_as_output_accepts_lists_series_and_bools():
    assert rime_runner.as_output([0.25, 1], 2).tolist() == [0.25, 1.0]
    assert rime_runner.as_output(np.array([True, False]), 2).tolist() == [1.0, 0.0]
    assert rime_runner.as_output(np.ones((2, 3)), 2).shape == (2, 3)


def test_as_output_rejects_text_and_three_dimensions():
    with pytest.raises(TypeError):
        rime_runner.as_output(np.array(["a", "b"]), 2)
    with pytest.raises(ValueError):
        rime_runner.as_output(np.zeros((2, 1, 1)), 2)


def write_model(tmp_path, source):
    path = tmp_path / "model.py"
    path.write_text(source)
    return str(path)


def replies(raw):
    """Splits the runner's output into (header, float64 values) pairs."""
    stream = io.BytesIO(raw)
    out = []
    while True:
        line = stream.readline()
        if not line:
            return out
        header = json.loads(line)
        values = None
        if header.get("ok") and "rows" in header:
            count = header["rows"] * header["outputs"]
            values = np.frombuffer(stream.read(8 * count), "<f8").tolist()
        out.append((header, values))


def test_serve_predict_df_then_an_error_then_again(tmp_path):
    model = write_model(
        tmp_path,
        "def predict_df(df):\n"
        "    if df['x'].isna().any():\n"
        "        raise ValueError('null x')\n"
        "    return df['x'] * 2\n",
    )
    inp = io.BytesIO(
        rime_runner.encode_frame([("x", "number", [1.0, 2.5])])
        + rime_runner.encode_frame([("x", "number", [None])])
        + rime_runner.encode_frame([("x", "number", [4.0])])
    )
    out = io.BytesIO()
    assert rime_runner.serve(model, inp, out) == 0
    got = replies(out.getvalue())
    assert got[0][0] == {"ok": True, "ready": True, "entry": "predict_df"}
    assert got[1] == ({"ok": True, "rows": 2, "outputs": 1}, [2.0, 5.0])
    assert got[2][0]["ok"] is False and got[2][0]["type"] == "ValueError"
    assert got[2][0]["message"] == "null x" and "predict_df" in got[2][0]["traceback"]
    assert got[3] == ({"ok": True, "rows": 1, "outputs": 1}, [8.0])


def test_serve_predict_dict_row_by_row_multi_class(tmp_path):
    model = write_model(
        tmp_path,
        "import numpy as np\n"
        "def predict_dict(x):\n"
        "    p = 0.1 if x['s'] is None else 0.5\n"
        "    return np.array([p, 1 - p])\n",
    )
    inp = io.BytesIO(rime_runner.encode_frame([("s", "string", ["a", None])]))
    out = io.BytesIO()
    rime_runner.serve(model, inp, out)
    got = replies(out.getvalue())
    assert got[0][0]["entry"] == "predict_dict"
    assert got[1] == ({"ok": True, "rows": 2, "outputs": 2}, [0.5, 0.5, 0.1, 0.9])


def test_serve_import_error_is_a_frame(tmp_path):
    model = write_model(tmp_path, "import no_such_module_xyz\n")
    out = io.BytesIO()
    assert rime_runner.serve(model, io.BytesIO(b""), out) == 1
    header = replies(out.getvalue())[0][0]
    assert header["ok"] is False and header["type"] == "ModuleNotFoundError"


def test_no_entry_point_is_a_frame(tmp_path):
    model = write_model(tmp_path, "def predict(df):\n    return df\n")
    out = io.BytesIO()
    rime_runner.serve(model, io.BytesIO(b""), out)
    header = replies(out.getvalue())[0][0]
    assert header["type"] == "AttributeError" and "predict_df" in header["message"]


def test_prints_go_to_stderr_in_a_real_process(tmp_path):
    model = write_model(
        tmp_path,
        "import os\n"
        "print('hello at import')\n"
        "def predict_df(df):\n"
        "    print('hello from the model')\n"
        "    os.write(1, b'raw fd 1\\n')\n"
        "    return df['x'] + 1\n",
    )
    proc = subprocess.run(
        [sys.executable, os.path.join(os.path.dirname(HERE), "rime_runner.py"), model],
        input=rime_runner.encode_frame([("x", "number", [1.0])]),
        capture_output=True,
        cwd=tmp_path,
        check=True,
    )
    got = replies(proc.stdout)
    assert got[1] == ({"ok": True, "rows": 1, "outputs": 1}, [2.0])
    assert b"hello at import" in proc.stderr and b"hello from the model" in proc.stderr
    assert b"raw fd 1" in proc.stderr


def test_model_folder_is_importable(tmp_path):
    (tmp_path / "helper.py").write_text("FACTOR = 3\n")
    model = write_model(tmp_path, "import helper\ndef predict_df(df):\n    return df['x'] * helper.FACTOR\n")
    out = io.BytesIO()
    rime_runner.serve(model, io.BytesIO(rime_runner.encode_frame([("x", "number", [2.0])])), out)
    assert replies(out.getvalue())[1][1] == [6.0]
