# SPDX-License-Identifier: Apache-2.0
"""Trains the Titanic example's Python model and writes model.joblib beside this file.

Run with RIME's pinned environment (the one that also runs the model, so the joblib file loads with
the same scikit-learn):  python/.venv/bin/python examples/titanic/model/train.py

The model is the one that made the `pred` column of reference.csv / evaluation.csv (see the
example's README): a logistic regression fitted on the Southampton (reference) rows, with the same
features. The script checks that its predictions on the reference rows equal `pred` to 1e-12.
Deterministic: lbfgs has no randomness, the seed is fixed anyway, a re-run writes the same file.
"""

import os

import joblib
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
REFERENCE = os.path.join(HERE, "..", "reference.csv")
SEED = 0

import model  # noqa: E402  (the feature code the served model uses)


def main():
    ref = pd.read_csv(REFERENCE, keep_default_na=False, na_values=[""])
    numeric = model.numeric_inputs(ref)
    fitted = {
        # medians of the reference rows; only age and fare have missing values there
        "medians": {c: float(np.nanmedian(v)) for c, v in numeric.items()},
        "sex_levels": sorted(ref["sex"].dropna().unique().tolist()),
    }
    fitted["scaler"] = StandardScaler().fit(model.numeric_matrix(numeric, fitted))
    features = model.features(ref, fitted)
    lr = LogisticRegression(C=1.0, solver="lbfgs", max_iter=10_000, random_state=SEED)
    fitted["model"] = lr.fit(features, ref["survived"].astype(int).to_numpy())

    pred = lr.predict_proba(features)[:, 1]
    gap = float(np.max(np.abs(pred - ref["pred"].to_numpy())))
    assert gap < 1e-12, f"predictions differ from reference.csv's pred by {gap}"
    joblib.dump(fitted, os.path.join(HERE, "model.joblib"))
    print(f"wrote model.joblib; largest difference from reference.csv's pred: {gap:.3g}")


if __name__ == "__main__":
    main()
