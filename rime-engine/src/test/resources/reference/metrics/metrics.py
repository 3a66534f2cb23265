# SPDX-License-Identifier: Apache-2.0
"""Reference values for dev.rime.engine.metrics.MetricStatsTest, from scikit-learn.

Writes three small seeded datasets (binary.csv, multiclass.csv + multiclass_ref_probs.csv,
regression.csv), each with a group column g (a, b, c and missing), and prints as JSON every metric
over all rows and per group, computed with scikit-learn on the rows that have a label (and a
prediction). Where scikit-learn warns and returns 0 for a zero denominator (binary precision, recall,
FPR, FNR, F1) or raises (AUC with one class, MSLE with negatives, multi-class AUC with a class
missing) the expected value is null, and multiclass AUC is the mean of the one-vs-rest AUCs of the
classes that have positives and negatives (scikit-learn's multi_class="ovr" where every class is
present).

Run once (outside the build):
  python3 -m venv /tmp/refvenv
  /tmp/refvenv/bin/pip install numpy==2.1.3 pandas==2.2.3 scikit-learn==1.5.2 scipy==1.14.1
  cd rime-engine/src/test/resources/reference/metrics
  /tmp/refvenv/bin/python metrics.py > metrics.json
"""
import json

import numpy as np
import pandas as pd
from sklearn import metrics as skm

rng = np.random.default_rng(20261128)
EPS = np.finfo(np.float64).eps


def groups(n):
    g = rng.choice(["a", "b", "c"], size=n, p=[0.5, 0.35, 0.15]).astype(object)
    g[rng.random(n) < 0.05] = None
    return g


def none_if_nan(v):
    v = float(v)
    return None if np.isnan(v) else v


def ratio(num, den):
    return None if den == 0 else num / den


def binary_metrics(y, p):
    out = {}
    pp = (p > 0.5).astype(int)
    tp = int(((y == 1) & (pp == 1)).sum())
    fp = int(((y == 0) & (pp == 1)).sum())
    tn = int(((y == 0) & (pp == 0)).sum())
    fn = int(((y == 1) & (pp == 0)).sum())
    both = len(set(y)) == 2
    out["auc"] = float(skm.roc_auc_score(y, p)) if both else None
    out["accuracy"] = float(skm.accuracy_score(y, pp))
    out["f1"] = float(skm.f1_score(y, pp, zero_division=0)) if 2 * tp + fp + fn else None
    out["precision"] = float(skm.precision_score(y, pp, zero_division=0)) if tp + fp else None
    out["recall"] = float(skm.recall_score(y, pp, zero_division=0)) if tp + fn else None
    out["false_positive_rate"] = ratio(fp, fp + tn)
    out["false_negative_rate"] = ratio(fn, fn + tp)
    out["log_loss"] = float(skm.log_loss(y, p, labels=[0, 1]))
    return out


def prediction_only(p, binary):
    out = {"average_prediction": float(np.mean(p))}
    if binary:
        out["positive_prediction_rate"] = float(np.mean(p > 0.5))
        out["average_confidence"] = float(np.mean(np.maximum(p, 1 - p)))
    return out


# ---- binary ----
n = 400
g = groups(n)
score = rng.normal(size=n)
y = (score + rng.normal(size=n) * 1.2 > 0).astype(float)
p = np.round(1 / (1 + np.exp(-score)), 2)  # ties
y[(g == "c")] = 1.0  # group c has only positive labels: AUC undefined there
y[rng.random(n) < 0.04] = np.nan  # missing labels
p_missing = rng.random(n) < 0.02
bin_df = pd.DataFrame({"g": g, "y": y, "p": np.where(p_missing, np.nan, p)})
bin_df.to_csv("binary.csv", index=False, float_format="%.2f")
binr = pd.read_csv("binary.csv", keep_default_na=True)


def binary_all(df):
    df = df[df.p.notna()]
    out = prediction_only(df.p.to_numpy(), True)
    lab = df[df.y.notna()]
    out.update(binary_metrics(lab.y.to_numpy().astype(int), lab.p.to_numpy()))
    out["rows"] = len(df)
    out["labeled_rows"] = len(lab)
    return out


result = {"binary": {"all": binary_all(binr), "groups": {}}}
for key, part in binr.groupby(binr.g.fillna("<null>")):
    result["binary"]["groups"][key] = binary_all(part)

# ---- multi-class ----
n = 300
g = groups(n)
K = 3
y = rng.integers(0, K, size=n)
logits = rng.normal(size=(n, K))
logits[np.arange(n), y] += 1.0
probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
probs = np.round(probs, 3)
probs[:, K - 1] = np.round(1 - probs[:, 0] - probs[:, 1], 3)
probs[0] = [0.4, 0.4, 0.2]  # an argmax tie: class 0 wins
y = y.astype(float)
y[g == "b"] = np.where(y[g == "b"] == 2, 1, y[g == "b"])  # group b never has class 2
y[rng.random(n) < 0.03] = np.nan
pd.DataFrame({"g": g, "y": y}).to_csv("multiclass.csv", index=False, float_format="%.0f")
pd.DataFrame(probs, columns=["p0", "p1", "p2"]).to_csv(
    "multiclass_probs.csv", index=False, float_format="%.3f")
mc = pd.read_csv("multiclass.csv")
mp = pd.read_csv("multiclass_probs.csv").to_numpy()


def multiclass_all(df, P):
    out = {"rows": len(df), "average_confidence": float(P.max(axis=1).mean())}
    lab = df.y.notna().to_numpy()
    yy = df.y.to_numpy()[lab].astype(int)
    PP = P[lab]
    yhat = PP.argmax(axis=1)
    out["labeled_rows"] = int(lab.sum())
    out["multiclass_accuracy"] = float(skm.accuracy_score(yy, yhat))
    out["macro_precision"] = float(skm.precision_score(yy, yhat, average="macro", zero_division=0))
    out["macro_recall"] = float(skm.recall_score(yy, yhat, average="macro", zero_division=0))
    out["macro_f1"] = float(skm.f1_score(yy, yhat, average="macro", zero_division=0))
    out["log_loss"] = float(skm.log_loss(yy, PP, labels=list(range(K))))
    aucs = [skm.roc_auc_score(yy == c, PP[:, c]) for c in range(K) if 0 < (yy == c).sum() < len(yy)]
    out["multiclass_auc"] = float(np.mean(aucs)) if aucs else None
    if len(set(yy)) == K:
        # Cross-check of the definition with scikit-learn's own one-vs-rest macro AUC.
        assert abs(skm.roc_auc_score(yy, PP, multi_class="ovr") - out["multiclass_auc"]) < 1e-12
    return out


result["multiclass"] = {"all": multiclass_all(mc, mp), "groups": {}}
keys = mc.g.fillna("<null>").to_numpy()
for key in sorted(set(keys)):
    sel = keys == key
    result["multiclass"]["groups"][key] = multiclass_all(mc[sel], mp[sel])

# ---- regression ----
n = 300
g = groups(n)
x = rng.normal(size=n)
y = np.round(3 + 2 * x + rng.normal(size=n), 2)
p = np.round(3 + 1.8 * x, 2)
y[:3] = 0.0  # MAPE's epsilon
y[g == "b"] = np.abs(y[g == "b"])
p[g == "b"] = np.abs(p[g == "b"])
y[(g == "a") & (y > 0)] = np.abs(y[(g == "a") & (y > 0)])
y[np.where(g == "a")[0][:2]] = -1.5  # negatives in group a: MSLE undefined there
y[rng.random(n) < 0.03] = np.nan
reg = pd.DataFrame({"g": g, "y": y, "p": p})
reg.to_csv("regression.csv", index=False, float_format="%.2f")
reg = pd.read_csv("regression.csv")


def regression_all(df):
    out = {"rows": len(df), "average_prediction": float(df.p.mean())}
    lab = df[df.y.notna()]
    yy, pp = lab.y.to_numpy(), lab.p.to_numpy()
    out["labeled_rows"] = len(lab)
    out["mae"] = float(skm.mean_absolute_error(yy, pp))
    out["mape"] = float(skm.mean_absolute_percentage_error(yy, pp))
    out["mse"] = float(skm.mean_squared_error(yy, pp))
    out["rmse"] = float(np.sqrt(skm.mean_squared_error(yy, pp)))
    out["msle"] = None if (yy < 0).any() or (pp < 0).any() else float(
        skm.mean_squared_log_error(yy, pp))
    out["r_squared"] = float(skm.r2_score(yy, pp))
    return out


result["regression"] = {"all": regression_all(reg), "groups": {}}
for key, part in reg.groupby(reg.g.fillna("<null>")):
    result["regression"]["groups"][key] = regression_all(part)

import sklearn

result["versions"] = {"numpy": np.__version__, "pandas": pd.__version__, "sklearn": sklearn.__version__}
print(json.dumps(result, indent=1, sort_keys=True))
