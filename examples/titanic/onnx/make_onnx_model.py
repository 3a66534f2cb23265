#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Train the Titanic example's ONNX model and export it with skl2onnx.

Writes, next to this script:
  titanic.onnx    a scikit-learn Pipeline trained on ../reference.csv (label `survived`):
                  median imputation and standard scaling of pclass, age, sibsp, parch and fare,
                  one-hot sex (unseen values ignored), then LogisticRegression(C=1.0, lbfgs).
                  One ONNX input per column, named as the column: pclass, age, sibsp, parch,
                  fare (float [n, 1]) and sex (string [n, 1]); outputs `label` (int64 [n]) and
                  `probabilities` (float [n, 2]; column 1 is P(survived = 1)).
  expected.json   the versions used, P(survived = 1) of every reference and evaluation row from
                  scikit-learn and from onnxruntime, and scikit-learn's AUC and accuracy of each
                  (what RIME's tests check the model run against).

Run through ./make_onnx_model.sh, which pins the versions (requirements.txt).
"""
import json
import os

os.environ.setdefault("OMP_NUM_THREADS", "1")

from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import onnx  # noqa: E402
import onnxruntime as ort  # noqa: E402
import pandas as pd  # noqa: E402
import skl2onnx  # noqa: E402
import sklearn  # noqa: E402
from skl2onnx import to_onnx  # noqa: E402
from skl2onnx.common.data_types import FloatTensorType, StringTensorType  # noqa: E402
from sklearn.compose import ColumnTransformer  # noqa: E402
from sklearn.impute import SimpleImputer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import accuracy_score, roc_auc_score  # noqa: E402
from sklearn.pipeline import Pipeline  # noqa: E402
from sklearn.preprocessing import OneHotEncoder, StandardScaler  # noqa: E402

HERE = Path(__file__).resolve().parent
NUMERIC = ["pclass", "age", "sibsp", "parch", "fare"]
TEXT = ["sex"]
LABEL = "survived"


def frame(path):
    df = pd.read_csv(path, keep_default_na=False, na_values=[""], dtype={"sex": str})
    x = df[NUMERIC + TEXT].copy()
    for c in NUMERIC:
        x[c] = x[c].astype(np.float32)
    x["sex"] = x["sex"].fillna("")
    return x, df[LABEL].to_numpy()


def feeds(x):
    out = {c: x[[c]].to_numpy(np.float32) for c in NUMERIC}
    out["sex"] = x[["sex"]].to_numpy(object)
    return out


def main():
    ref, y_ref = frame(HERE.parent / "reference.csv")
    ev, y_ev = frame(HERE.parent / "evaluation.csv")
    model = Pipeline(
        [
            (
                "prep",
                ColumnTransformer(
                    [
                        (
                            "num",
                            Pipeline(
                                [
                                    ("impute", SimpleImputer(strategy="median")),
                                    ("scale", StandardScaler()),
                                ]
                            ),
                            NUMERIC,
                        ),
                        ("sex", OneHotEncoder(handle_unknown="ignore"), TEXT),
                    ]
                ),
            ),
            ("lr", LogisticRegression(C=1.0, solver="lbfgs", max_iter=10000)),
        ]
    )
    model.fit(ref, y_ref)
    types = [(c, FloatTensorType([None, 1])) for c in NUMERIC] + [
        ("sex", StringTensorType([None, 1]))
    ]
    onx = to_onnx(
        model,
        initial_types=types,
        options={"zipmap": False},
        target_opset={"": 17, "ai.onnx.ml": 3},
    )
    onx.doc_string = "RIME Titanic example: logistic regression, see make_onnx_model.py"
    onnx.save_model(onx, str(HERE / "titanic.onnx"))

    sess = ort.InferenceSession(str(HERE / "titanic.onnx"), providers=["CPUExecutionProvider"])
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
    for name, x, y in (("reference", ref, y_ref), ("evaluation", ev, y_ev)):
        p_sk = model.predict_proba(x)[:, 1]
        p_ort = sess.run(["probabilities"], feeds(x))[0][:, 1].astype(float)
        expected[name] = {
            "rows": int(len(x)),
            "roc_auc": float(roc_auc_score(y, p_sk)),
            "accuracy": float(accuracy_score(y, p_sk > 0.5)),
            "sklearn": p_sk.tolist(),
            "onnxruntime": p_ort.tolist(),
        }
    with open(HERE / "expected.json", "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
