#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Makes the ONNX files the Java tests of OnnxModelAdapter load, and the values they expect.

Run by make_models.sh in a throw-away virtualenv with the pinned requirements.txt. Writes, next to
this file:

  data.csv          60 rows: a, b, c (numbers), color (text, one empty), label (0/1), klass (0/1/2), y
  binary_tensor.onnx      LogisticRegression on [a, b, c]: one float input [n, 3], outputs
                          label [n] and probabilities [n, 2] (zipmap off)
  binary_zipmap.onnx      the same model with skl2onnx's ZipMap: probabilities as a list of maps
  multiclass.onnx         LogisticRegression on [a, b, c] for klass: probabilities [n, 3]
  regression.onnx         LinearRegression on [a, b, c] for y: variable [n, 1]
  binary_columns.onnx     Pipeline(ColumnTransformer(median imputer + scaler on a and b, one-hot
                          color), LogisticRegression): one input per column, a, b float [n, 1],
                          color string [n, 1]
  double_tensor.onnx      hand-made: one double input X [n, 3], Y = sigmoid(X @ w + 0.5) [n]
  sqrt.onnx               hand-made: X float [n, 1], Y = sqrt(X): NaN for a negative input
  slow.onnx               hand-made: a Loop of 10^12 iterations (never ends without a timeout)
  expected.json           for each model, what scikit-learn (and onnxruntime in Python) give
                          on data.csv: the positive-class probability, class probabilities or
                          value per row

Deterministic: the data come from numpy's default_rng(5).
"""
import json
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
import pandas as pd
import sklearn
import skl2onnx
from onnx import TensorProto, helper
from skl2onnx import to_onnx
from skl2onnx.common.data_types import FloatTensorType, StringTensorType
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

HERE = Path(__file__).resolve().parent
OPSET = {"": 17, "ai.onnx.ml": 3}


def data():
    rng = np.random.default_rng(5)
    n = 60
    a = np.round(rng.normal(0, 1, n), 3)
    b = np.round(rng.normal(1, 2, n), 3)
    c = np.round(rng.uniform(-1, 1, n), 3)
    color = rng.choice(["red", "green", "blue"], n).astype(object)
    score = 1.2 * a - 0.7 * b + 0.9 * c + (color == "red") * 0.8
    label = (score + rng.normal(0, 0.8, n) > -0.5).astype(int)
    klass = np.digitize(score + rng.normal(0, 0.5, n), [-1.5, 0.0])
    y = np.round(2.0 * a + 0.5 * b - c + rng.normal(0, 0.1, n), 4)
    df = pd.DataFrame(dict(a=a, b=b, c=c, color=color, label=label, klass=klass, y=y))
    df.loc[7, "color"] = ""  # an empty text value: the one-hot encoder ignores it
    return df


def save(model, name):
    onnx.save_model(model, str(HERE / name))


def run(name, feeds):
    sess = ort.InferenceSession(str(HERE / name), providers=["CPUExecutionProvider"])
    return sess.run(None, feeds)


def main():
    df = data()
    df.to_csv(HERE / "data.csv", index=False, lineterminator="\n")
    X = df[["a", "b", "c"]].to_numpy(dtype=np.float32)
    expected = {
        "versions": {
            "numpy": np.__version__,
            "pandas": pd.__version__,
            "scikit-learn": sklearn.__version__,
            "skl2onnx": skl2onnx.__version__,
            "onnx": onnx.__version__,
            "onnxruntime": ort.__version__,
        }
    }

    binary = LogisticRegression(C=1.0, max_iter=1000).fit(X, df["label"])
    save(to_onnx(binary, X[:1], options={"zipmap": False}, target_opset=OPSET),
         "binary_tensor.onnx")
    save(to_onnx(binary, X[:1], target_opset=OPSET), "binary_zipmap.onnx")
    expected["binary"] = {
        "sklearn": binary.predict_proba(X)[:, 1].tolist(),
        "onnxruntime": run("binary_tensor.onnx", {"X": X})[1][:, 1].astype(float).tolist(),
    }

    multi = LogisticRegression(C=1.0, max_iter=1000).fit(X, df["klass"])
    save(to_onnx(multi, X[:1], options={"zipmap": False}, target_opset=OPSET), "multiclass.onnx")
    expected["multiclass"] = {
        "sklearn": multi.predict_proba(X).tolist(),
        "onnxruntime": run("multiclass.onnx", {"X": X})[1].astype(float).tolist(),
    }

    reg = LinearRegression().fit(X, df["y"])
    save(to_onnx(reg, X[:1], target_opset=OPSET), "regression.onnx")
    expected["regression"] = {
        "sklearn": reg.predict(X).tolist(),
        "onnxruntime": run("regression.onnx", {"X": X})[0][:, 0].astype(float).tolist(),
    }

    cols = Pipeline(
        [
            (
                "prep",
                ColumnTransformer(
                    [
                        ("num", Pipeline([("impute", SimpleImputer(strategy="median")),
                                          ("scale", StandardScaler())]), ["a", "b"]),
                        ("cat", OneHotEncoder(handle_unknown="ignore"), ["color"]),
                    ]
                ),
            ),
            ("lr", LogisticRegression(C=1.0, max_iter=1000)),
        ]
    )
    frame = df[["a", "b", "color"]].copy()
    frame["a"] = frame["a"].astype(np.float32)
    frame["b"] = frame["b"].astype(np.float32)
    cols.fit(frame, df["label"])
    types = [("a", FloatTensorType([None, 1])), ("b", FloatTensorType([None, 1])),
             ("color", StringTensorType([None, 1]))]
    save(to_onnx(cols, initial_types=types, options={"zipmap": False}, target_opset=OPSET),
         "binary_columns.onnx")
    feeds = {
        "a": frame[["a"]].to_numpy(np.float32),
        "b": frame[["b"]].to_numpy(np.float32),
        "color": frame[["color"]].to_numpy(object),
    }
    # With a missing a in row 3 (the imputer's median stands in) and an unseen colour in row 4.
    frame_nulls = frame.copy()
    frame_nulls.loc[3, "a"] = np.nan
    frame_nulls.loc[4, "color"] = "purple"
    feeds_nulls = {
        "a": frame_nulls[["a"]].to_numpy(np.float32),
        "b": frame_nulls[["b"]].to_numpy(np.float32),
        "color": frame_nulls[["color"]].to_numpy(object),
    }
    expected["binary_columns"] = {
        "sklearn": cols.predict_proba(frame)[:, 1].tolist(),
        "onnxruntime": run("binary_columns.onnx", feeds)[1][:, 1].astype(float).tolist(),
        "sklearn_with_null_a_row3_purple_row4": cols.predict_proba(frame_nulls)[:, 1].tolist(),
        "onnxruntime_with_null_a_row3_purple_row4":
            run("binary_columns.onnx", feeds_nulls)[1][:, 1].astype(float).tolist(),
    }

    # Hand-made graphs.
    w = np.array([[0.5], [-0.25], [1.0]])
    graph = helper.make_graph(
        [
            helper.make_node("MatMul", ["X", "W"], ["XW"]),
            helper.make_node("Add", ["XW", "B"], ["Z"]),
            helper.make_node("Sigmoid", ["Z"], ["S"]),
            helper.make_node("Reshape", ["S", "shape"], ["Y"]),
        ],
        "double_tensor",
        [helper.make_tensor_value_info("X", TensorProto.DOUBLE, ["n", 3])],
        [helper.make_tensor_value_info("Y", TensorProto.DOUBLE, ["n"])],
        [
            helper.make_tensor("W", TensorProto.DOUBLE, [3, 1], w.ravel().tolist()),
            helper.make_tensor("B", TensorProto.DOUBLE, [1], [0.5]),
            helper.make_tensor("shape", TensorProto.INT64, [1], [-1]),
        ],
    )
    save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8),
         "double_tensor.onnx")
    Xd = df[["a", "b", "c"]].to_numpy(dtype=np.float64)
    expected["double_tensor"] = {
        "numpy": (1 / (1 + np.exp(-(Xd @ w + 0.5)))).ravel().tolist(),
        "onnxruntime": run("double_tensor.onnx", {"X": Xd})[0].astype(float).tolist(),
    }

    graph = helper.make_graph(
        [helper.make_node("Sqrt", ["X"], ["Y"])],
        "sqrt",
        [helper.make_tensor_value_info("X", TensorProto.FLOAT, ["n", 1])],
        [helper.make_tensor_value_info("Y", TensorProto.FLOAT, ["n", 1])],
    )
    save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8),
         "sqrt.onnx")

    # Loop body: (iteration, cond, acc) -> (cond, acc + 1)
    body = helper.make_graph(
        [
            helper.make_node("Identity", ["cond_in"], ["cond_out"]),
            helper.make_node("Add", ["acc_in", "one"], ["acc_out"]),
        ],
        "body",
        [
            helper.make_tensor_value_info("i", TensorProto.INT64, []),
            helper.make_tensor_value_info("cond_in", TensorProto.BOOL, []),
            helper.make_tensor_value_info("acc_in", TensorProto.FLOAT, ["n", 1]),
        ],
        [
            helper.make_tensor_value_info("cond_out", TensorProto.BOOL, []),
            helper.make_tensor_value_info("acc_out", TensorProto.FLOAT, ["n", 1]),
        ],
        [helper.make_tensor("one", TensorProto.FLOAT, [], [1.0])],
    )
    graph = helper.make_graph(
        [helper.make_node("Loop", ["trips", "cond"], ["Y"], body=body)],
        "slow",
        [helper.make_tensor_value_info("X", TensorProto.FLOAT, ["n", 1])],
        [helper.make_tensor_value_info("Y", TensorProto.FLOAT, ["n", 1])],
        [
            helper.make_tensor("trips", TensorProto.INT64, [], [10**12]),
            helper.make_tensor("cond", TensorProto.BOOL, [], [True]),
        ],
    )
    # the loop carries X itself
    graph.node[0].input.append("X")
    save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8),
         "slow.onnx")

    with open(HERE / "expected.json", "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
