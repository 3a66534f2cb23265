# SPDX-License-Identifier: Apache-2.0
"""The Titanic example's Python model for RIME: predict_df(df) -> P(survived = 1) per row.

Loads model.joblib (made by train.py) from this file's folder. Features: pclass, age, sibsp, parch
and log1p(fare) (a missing or non-numeric value imputed with the reference median), standardised;
an age-missing indicator; sex one-hot (a missing or unseen sex gives zeros).
"""

import os

import joblib
import numpy as np
import pandas as pd

NUMERIC = ["pclass", "age", "sibsp", "parch", "log_fare"]
_FITTED = None


def numeric_inputs(df):
    """The numeric inputs as float arrays, NaN where missing or not a number."""
    def num(col):
        return pd.to_numeric(df[col], errors="coerce").astype(float).to_numpy()

    fare = num("fare")
    with np.errstate(invalid="ignore"):
        log_fare = np.log1p(np.where(fare > -1, fare, np.nan))
    return {
        "pclass": num("pclass"),
        "age": num("age"),
        "sibsp": num("sibsp"),
        "parch": num("parch"),
        "log_fare": log_fare,
    }


def numeric_matrix(numeric, fitted):
    cols = []
    for c in NUMERIC:
        v = numeric[c]
        cols.append(np.where(np.isfinite(v), v, fitted["medians"][c]))
    return np.column_stack(cols)


def features(df, fitted):
    numeric = numeric_inputs(df)
    scaled = fitted["scaler"].transform(numeric_matrix(numeric, fitted))
    age_missing = (~np.isfinite(numeric["age"])).astype(float)[:, None]
    sex = df["sex"].to_numpy(dtype=object)
    one_hot = np.column_stack([(sex == lvl).astype(float) for lvl in fitted["sex_levels"]])
    return np.hstack([scaled, age_missing, one_hot])


def _fitted():
    global _FITTED
    if _FITTED is None:
        _FITTED = joblib.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "model.joblib"))
    return _FITTED


def predict_df(df):
    fitted = _fitted()
    return fitted["model"].predict_proba(features(df, fitted))[:, 1]
