# SPDX-License-Identifier: Apache-2.0
"""Independent reference values for rime-engine's statistics tests.

Generates two small datasets (ref.csv, eval.csv) with a seeded numpy generator and prints, as JSON,
the values the engine must reproduce, computed with numpy / pandas / scikit-learn / scipy:
AUC (sklearn roc_auc_score), accuracy, quantile edges (np.quantile, linear), PSI with numpy's
searchsorted binning, categorical PSI, drift impact, per-subset metrics, Hanley-McNeil SE, z.

Run once (outside the repo's build):
  python3 -m venv /tmp/refvenv
  /tmp/refvenv/bin/pip install numpy==2.1.3 pandas==2.2.3 scikit-learn==1.5.2 scipy==1.14.1
  cd rime-engine/src/test/resources/reference
  /tmp/refvenv/bin/python make_reference.py > expected.json
"""
import json
import sys

import numpy as np
import pandas as pd
import scipy
import sklearn
from scipy.stats import norm
from sklearn.metrics import roc_auc_score

FLOOR = 1e-4


def make(rng, n, shift, cat_p):
    num = np.round(rng.normal(shift, 1.0, n), 2)  # rounded: ties in the feature
    cat = rng.choice(["a", "b", "c", "d", "e"], size=n, p=cat_p)
    logit = 1.2 * num + (cat == "b") * 0.8 - 0.3
    label = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    pred = np.round(1 / (1 + np.exp(-(logit + rng.normal(0, 1.0, n)))), 2)  # ties in the score
    return pd.DataFrame({"num": num, "cat": cat, "label": label, "pred": pred})


def psi(p, q):
    p = np.maximum(p, FLOOR)
    q = np.maximum(q, FLOOR)
    return float(np.sum((p - q) * np.log(p / q)))


def edges_of(values, n):
    e = np.quantile(values, np.arange(1, n) / n)  # linear interpolation (numpy's default)
    return np.unique(e)  # sorted, de-duplicated


def numeric_drift(ref, ev, col, n_bins):
    edges = edges_of(ref[col].to_numpy(), n_bins)
    rb = np.searchsorted(edges, ref[col].to_numpy(), side="left")
    eb = np.searchsorted(edges, ev[col].to_numpy(), side="left")
    k = len(edges) + 1
    p = np.bincount(rb, minlength=k) / len(rb)
    q = np.bincount(eb, minlength=k) / len(eb)
    overall = ref["pred"].mean()
    m = np.array([ref["pred"][rb == b].mean() if (rb == b).any() else overall for b in range(k)])
    impact = abs(float(np.sum((q - p) * m)))
    return edges, psi(p, q), impact


def categorical_drift(ref, ev, col):
    cats = sorted(set(ref[col]) | set(ev[col]))
    p = np.array([(ref[col] == c).mean() for c in cats])
    q = np.array([(ev[col] == c).mean() for c in cats])
    overall = ref["pred"].mean()
    m = np.array([ref["pred"][ref[col] == c].mean() if (ref[col] == c).any() else overall for c in cats])
    return psi(p, q), abs(float(np.sum((q - p) * m)))


def hanley_mcneil(a, n1, n0):
    q1 = a / (2 - a)
    q2 = 2 * a * a / (1 + a)
    return float(np.sqrt((a * (1 - a) + (n1 - 1) * (q1 - a * a) + (n0 - 1) * (q2 - a * a)) / (n1 * n0)))


def subsets(ref, ev, z):
    edges = edges_of(ref["num"].to_numpy(), 10)
    b = np.searchsorted(edges, ev["num"].to_numpy(), side="left")
    out = []
    for k in range(len(edges) + 1):
        s = ev[b == k]
        y, p = s["label"].to_numpy(), s["pred"].to_numpy()
        acc = float(np.mean((p > 0.5) == (y == 1)))
        row = {"bin": k, "size": int(len(s)), "accuracy": acc,
               "accuracy_margin": float(z * np.sqrt(acc * (1 - acc) / len(s)))}
        if len(set(y)) == 2:
            auc = float(roc_auc_score(y, p))
            row["auc"] = auc
            row["auc_margin"] = z * hanley_mcneil(auc, int(y.sum()), int(len(y) - y.sum()))
        out.append(row)
    return [float(e) for e in edges], out


def main():
    rng = np.random.default_rng(20261128)
    ref = make(rng, 600, 0.0, [0.3, 0.25, 0.2, 0.15, 0.1])
    ev = make(rng, 500, 0.4, [0.2, 0.2, 0.2, 0.2, 0.2])
    ref.to_csv("ref.csv", index=False)
    ev.to_csv("eval.csv", index=False)
    z = float(norm.ppf(0.975))
    edges100, num_psi, num_impact = numeric_drift(ref, ev, "num", 100)
    pe = edges_of(ref["pred"].to_numpy(), 100)
    pp = np.bincount(np.searchsorted(pe, ref["pred"], side="left"), minlength=len(pe) + 1) / len(ref)
    pq = np.bincount(np.searchsorted(pe, ev["pred"], side="left"), minlength=len(pe) + 1) / len(ev)
    cat_psi, cat_impact = categorical_drift(ref, ev, "cat")
    sub_edges, sub = subsets(ref, ev, z)
    out = {
        "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "pandas": pd.__version__,
                     "scikit-learn": sklearn.__version__, "scipy": scipy.__version__},
        "ref_auc": float(roc_auc_score(ref["label"], ref["pred"])),
        "eval_auc": float(roc_auc_score(ev["label"], ev["pred"])),
        "ref_accuracy": float(np.mean((ref["pred"] > 0.5) == (ref["label"] == 1))),
        "eval_accuracy": float(np.mean((ev["pred"] > 0.5) == (ev["label"] == 1))),
        "ref_avg_pred": float(ref["pred"].mean()),
        "eval_avg_pred": float(ev["pred"].mean()),
        "num_edges_100_count": len(edges100),
        "num_edges_100_first5": [float(e) for e in edges100[:5]],
        "num_psi": num_psi,
        "num_impact": num_impact,
        "pred_psi": psi(pp, pq),
        "cat_psi": cat_psi,
        "cat_impact": cat_impact,
        "z_95": z,
        "hanley_mcneil_se_0.8_30_50": hanley_mcneil(0.8, 30, 50),
        "subset_edges": sub_edges,
        "subsets": sub,
    }
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
