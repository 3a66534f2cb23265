# SPDX-License-Identifier: Apache-2.0
"""The bench's scikit-learn model: a typical tabular pipeline on the bench's five columns.

Median-imputed and standardised numbers, the city one-hot encoded (missing as its own value, an
unseen city as zeros), the note's length, into a logistic regression. It is fitted when the file
is imported, on 20,000 rows drawn with a fixed seed (not the bench's rows), so the runner and the
in-process baseline load the same coefficients without an artifact file.
"""

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler


def city_or_missing(frame):
    return frame.astype(object).where(frame.notna(), "missing")


def note_length(frame):
    return frame.iloc[:, 0].map(lambda v: 0 if v is None else len(v)).to_numpy(dtype=float).reshape(-1, 1)


def _training_rows(n=20_000, seed=7):
    rng = np.random.default_rng(seed)
    x1 = rng.uniform(0, 10, n)
    x1[rng.random(n) < 0.01] = np.nan
    x3 = rng.integers(0, 1000, n).astype(float)
    city = np.array([f"city_{k}" for k in rng.integers(0, 50, n)], dtype=object)
    city[rng.random(n) < 0.01] = None
    note = np.array(["ab" * k + "é" for k in rng.integers(0, 17, n)], dtype=object)
    df = pd.DataFrame(
        {
            "x1": x1,
            "x2": rng.uniform(-0.5, 0.5, n),
            "x3": x3,
            "city": pd.Series(city, dtype=object),  # object with None, as the runner gives text
            "note": pd.Series(note, dtype=object),
        }
    )
    weight = np.array([(int(c[5:]) % 7 - 3) / 10 if c is not None else 0.0 for c in city])
    z = 0.3 * np.nan_to_num(x1) - 1.5 - 0.2 * df["x2"] + 0.001 * x3 + weight + 0.05 * (note_length(df[["note"]])[:, 0] - 17)
    y = rng.random(n) < 1 / (1 + np.exp(-z))
    return df, y


def _fit():
    features = ColumnTransformer(
        [
            ("numbers", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), ["x1", "x2", "x3"]),
            (
                "city",
                make_pipeline(FunctionTransformer(city_or_missing), OneHotEncoder(handle_unknown="ignore")),
                ["city"],
            ),
            ("note", FunctionTransformer(note_length), ["note"]),
        ]
    )
    pipeline = make_pipeline(features, LogisticRegression(max_iter=1000))
    df, y = _training_rows()
    return pipeline.fit(df, y)


PIPELINE = _fit()


def predict_df(df):
    return PIPELINE.predict_proba(df)[:, 1]
