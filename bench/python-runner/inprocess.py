# SPDX-License-Identifier: Apache-2.0
"""In-process baseline: predict_df called directly in Python on the bench's rows.

Usage: inprocess.py ROWS.csv BATCH_SIZE OUT.bin [COLUMNS [MODEL.py]]
(COLUMNS: all, or numbers; MODEL.py: model.py beside this file by default)
Reads the rows with the dtypes the runner gives (numbers float64, text object with None for
missing), then times predict_df over the same batches the runner gets; writes the predictions
(float64) so the bench can check the runner's are identical.
"""

import importlib.util
import os
import sys
import time

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))


def load(model_file):
    sys.path.insert(0, os.path.dirname(os.path.abspath(model_file)))
    spec = importlib.util.spec_from_file_location("bench_model", model_file)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(path, batch, out, columns="all", model_file=os.path.join(HERE, "model.py")):
    model = load(model_file)
    df = pd.read_csv(path, keep_default_na=False, na_values={"x1": ["\\N"], "x2": ["\\N"], "x3": ["\\N"]},
                     dtype={"x1": float, "x2": float, "x3": float, "city": object, "note": object})
    for c in ("city", "note"):  # the bench writes a missing text as \N
        col = df[c].astype(object)
        df[c] = col.where(col != "\\N", None)
    if columns == "numbers":
        df = df[["x1", "x2", "x3"]]
    n = len(df)
    batches = [df.iloc[a:a + batch].reset_index(drop=True) for a in range(0, n, batch)]
    best = None
    for _ in range(3):
        start = time.perf_counter()
        preds = [model.predict_df(b) for b in batches]
        took = time.perf_counter() - start
        best = took if best is None else min(best, took)
    np.concatenate(preds).astype("<f8").tofile(out)
    print(f"inprocess rows={n} seconds={best:.3f} rows_per_s={n / best:.0f}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3], *sys.argv[4:6])
