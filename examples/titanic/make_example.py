#!/usr/bin/env python3
"""Build the RIME Titanic example from data/titanic.csv.

Writes, next to this script:
  reference.csv          passengers who embarked at Southampton (embarked == 'S')
  evaluation.csv         everyone else (Cherbourg 'C', Queenstown 'Q', embarked missing)
  expected_metrics.json  metrics computed independently with scikit-learn / numpy,
                         which RIME's Java tests assert the engine reproduces.

Both CSV files hold the original columns (values copied byte-for-byte from
data/titanic.csv, same quoting) plus `pred` = P(survived = 1) from a logistic
regression trained on the reference rows only. Floats are written with repr(),
which round-trips exactly. Run through ./make_example.sh, which pins versions.
"""
import os

# Single-threaded BLAS/OpenMP: keeps the floating-point results identical run to run.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import csv  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import sys  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import scipy  # noqa: E402
import sklearn  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import accuracy_score, roc_auc_score  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data", "titanic.csv")
LABEL, PRED = "survived", "pred"
PSI_EPS = 1e-4


# ---------------------------------------------------------------- data
def read_table(path):
    """Every field as the exact string in the file; '' means missing."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    return header, pd.DataFrame(body, columns=header, dtype=str)


def num(series):
    """Numeric view of a string column; '' -> NaN (no other value is coerced)."""
    s = series.replace("", np.nan)
    return pd.to_numeric(s, errors="raise").astype(float)


# ---------------------------------------------------------------- model
class Features:
    """Feature construction; every statistic is fitted on the reference rows only."""

    NUMERIC = ["pclass", "age", "sibsp", "parch", "log_fare"]

    def fit(self, df):
        self.age_median = float(np.median(num(df["age"]).dropna()))
        self.log_fare_median = float(np.median(np.log1p(num(df["fare"]).dropna())))
        self.sex_levels = sorted(df["sex"].unique())  # one-hot, one column per level
        self.scaler = StandardScaler().fit(self._numeric(df))
        return self

    def _numeric(self, df):
        age = num(df["age"])
        log_fare = np.log1p(num(df["fare"]))
        return np.column_stack([
            num(df["pclass"]).to_numpy(),
            age.fillna(self.age_median).to_numpy(),
            num(df["sibsp"]).to_numpy(),
            num(df["parch"]).to_numpy(),
            log_fare.fillna(self.log_fare_median).to_numpy(),
        ])

    def transform(self, df):
        scaled = self.scaler.transform(self._numeric(df))
        age_missing = (df["age"] == "").to_numpy(dtype=float)[:, None]
        sex = np.column_stack([(df["sex"] == lvl).to_numpy(dtype=float) for lvl in self.sex_levels])
        return np.hstack([scaled, age_missing, sex])

    def names(self):
        return [f"{c} (standardised)" for c in self.NUMERIC] + ["age_missing"] + [
            f"sex={lvl}" for lvl in self.sex_levels]


# ---------------------------------------------------------------- PSI (reference implementation)
def _floor(p):
    return np.where(p < PSI_EPS, PSI_EPS, p)


def psi_numeric(ref, ev):
    """PSI on reference percentile bins.

    Nulls dropped; edges = np.quantile(ref, [k/100 for k in 1..99]) (linear
    interpolation), de-duplicated with np.unique; bin = np.searchsorted(edges, v,
    side='left') -> len(edges)+1 bins; proportions below 1e-4 are set to 1e-4;
    PSI = sum((p - q) * ln(p / q)).
    """
    ref = np.asarray(ref, dtype=float)
    ev = np.asarray(ev, dtype=float)
    ref, ev = ref[~np.isnan(ref)], ev[~np.isnan(ev)]
    edges = np.unique(np.quantile(ref, [k / 100 for k in range(1, 100)]))
    nbins = len(edges) + 1
    p = np.bincount(np.searchsorted(edges, ref, side="left"), minlength=nbins) / len(ref)
    q = np.bincount(np.searchsorted(edges, ev, side="left"), minlength=nbins) / len(ev)
    p, q = _floor(p), _floor(q)
    psi = float(np.sum((p - q) * np.log(p / q)))
    return psi, {"n_ref": int(len(ref)), "n_eval": int(len(ev)), "bins": int(nbins)}


def psi_categorical(ref, ev):
    """PSI over category frequencies (union of categories, same 1e-4 floor); '' is null, dropped."""
    ref = pd.Series(ref)[lambda s: s != ""]
    ev = pd.Series(ev)[lambda s: s != ""]
    cats = sorted(set(ref) | set(ev))
    rc, ec = ref.value_counts(), ev.value_counts()
    p = np.array([rc.get(c, 0) for c in cats], dtype=float) / len(ref)
    q = np.array([ec.get(c, 0) for c in cats], dtype=float) / len(ev)
    p, q = _floor(p), _floor(q)
    psi = float(np.sum((p - q) * np.log(p / q)))
    return psi, {"n_ref": int(len(ref)), "n_eval": int(len(ev)), "categories": cats}


# ---------------------------------------------------------------- metrics
def split_metrics(y, pred):
    y = np.asarray(y, dtype=int)
    pred = np.asarray(pred, dtype=float)
    return {
        "rows": int(len(y)),
        "positives": int(y.sum()),
        "roc_auc": float(roc_auc_score(y, pred)),
        "accuracy": float(accuracy_score(y, (pred > 0.5).astype(int))),
        "mean_pred": float(np.mean(pred)),
        "positive_prediction_rate": float(np.mean(pred > 0.5)),
    }


def write_split(path, header, df, pred):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header + [PRED])
        for row, p in zip(df.itertuples(index=False, name=None), pred):
            w.writerow(list(row) + [repr(float(p))])


def main():
    header, table = read_table(DATA)
    assert len(table) == 1309, len(table)
    is_ref = (table["embarked"] == "S").to_numpy()
    ref, ev = table[is_ref].reset_index(drop=True), table[~is_ref].reset_index(drop=True)

    feats = Features().fit(ref)
    model = LogisticRegression(C=1.0, solver="lbfgs", max_iter=10_000)
    model.fit(feats.transform(ref), ref[LABEL].astype(int).to_numpy())
    pred_ref = model.predict_proba(feats.transform(ref))[:, 1]
    pred_ev = model.predict_proba(feats.transform(ev))[:, 1]
    assert not np.isnan(pred_ref).any() and not np.isnan(pred_ev).any()

    write_split(os.path.join(HERE, "reference.csv"), header, ref, pred_ref)
    write_split(os.path.join(HERE, "evaluation.csv"), header, ev, pred_ev)

    # Metrics are computed from the values exactly as written (repr round-trips).
    psi, details = {}, {}
    for col in ("fare", "age"):
        psi[col], details[col] = psi_numeric(num(ref[col]), num(ev[col]))
    psi[PRED], details[PRED] = psi_numeric(pred_ref, pred_ev)
    psi["sex"], details["sex"] = psi_categorical(ref["sex"], ev["sex"])

    out = {
        "description": "Independent values (scikit-learn / numpy) for the RIME Titanic example: "
                       "reference = embarked 'S', evaluation = embarked 'C', 'Q' or missing. "
                       "Classification threshold: pred > 0.5.",
        "versions": {
            "python": platform.python_version(),
            "numpy": np.__version__,
            "pandas": pd.__version__,
            "scikit-learn": sklearn.__version__,
            "scipy": scipy.__version__,
        },
        "model": {
            "type": "sklearn.linear_model.LogisticRegression(C=1.0, solver='lbfgs', max_iter=10000)",
            "trained_on": "reference.csv",
            "features": feats.names(),
            "age_median_imputed": feats.age_median,
            "log1p_fare_median_imputed": feats.log_fare_median,
            "coef": [float(c) for c in model.coef_[0]],
            "intercept": float(model.intercept_[0]),
        },
        "reference": split_metrics(ref[LABEL], pred_ref),
        "evaluation": split_metrics(ev[LABEL], pred_ev),
        "psi": psi,
        "psi_details": details,
        "psi_method": "evaluation vs reference. Numeric: nulls dropped; edges = np.quantile(ref, "
                      "[k/100 for k in 1..99]) (linear), np.unique; bin = np.searchsorted(edges, v, "
                      "side='left') (len(edges)+1 bins); p, q = bin proportions; proportions < 1e-4 "
                      "set to 1e-4; PSI = sum((p - q) * ln(p / q)). Categorical: same over the union "
                      "of categories, nulls ('') dropped.",
    }
    with open(os.path.join(HERE, "expected_metrics.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(out, f, indent=2)
        f.write("\n")
    print(f"reference: {len(ref)} rows, evaluation: {len(ev)} rows")
    print(json.dumps({k: out[k] for k in ("reference", "evaluation", "psi")}, indent=2))


if __name__ == "__main__":
    sys.exit(main())
