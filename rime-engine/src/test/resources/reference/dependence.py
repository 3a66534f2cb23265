# SPDX-License-Identifier: Apache-2.0
"""Independent reference values for the correlation and mutual information tests (ADR 0008).

Writes two small datasets (dep_ref.csv, dep_eval.csv) from a seeded numpy generator and prints, as
JSON, what the engine must reproduce, computed without the engine's code:

* Pearson r of each pair of numeric columns and of each with the label, on the rows where both are
  finite (numpy's corrcoef on those rows), with the row counts;
* Fisher's z two-sided p-value of r_ref = r_eval (scipy.stats.norm.sf);
* the codes of each feature (numeric: np.quantile deciles of the finite reference values, linear,
  de-duplicated, np.searchsorted(edges, v, side='left'), missing a code of its own; categorical:
  the 50 most frequent values over both datasets by count then value, 'other', missing) and the
  label;
* mutual information (sklearn.metrics.mutual_info_score, nats) and normalised mutual information
  (sklearn.metrics.normalized_mutual_info_score, average_method='min') of each pair of coded
  features and of each coded feature with the coded label (labelled rows only);
* exact null tail probabilities for the simulations (NullSimulation), by enumerating every
  multinomial outcome with scipy's multinomial pmf: "change_tiny" (two 2x2 tables of 6 rows,
  P(|NMI_ref - NMI_eval| >= observed - margin) when both come from the pooled table, and the
  one-sided P(NMI_ref - NMI_eval >= observed - margin), for margins 0 and 0.5) and
  "independence_tiny" (a 2x3 table of 8 rows, P(NMI >= observed) when the column values are
  shuffled against the row values: every one of the 8! permutations enumerated);
  "independence_large" (a 3x2 table of 600 rows, the same tail from 200000 numpy permutations);
* scipy.stats.hypergeom pmf, mean and variance for the sampler's two regimes. A table whose variable has one value has
  NMI 0 here, as in the engine (scikit-learn returns 1.0 when *both* have one value).

Dataset columns: x ~ N(0, 1) rounded to 2 decimals (ties), 15 missing and one inf in the
reference; y = 0.8 x + noise in the reference, -0.8 x + noise in the evaluation (the sign flips);
z independent of everything; k = integer 0..19 following x, written with a few 'n/a' in the
evaluation (so DuckDB reads it as text there); c one of 6 categories depending on x, with unicode
names, an unseen category in the evaluation and some missing; h one of 70 categories (more than
the 50 kept); label ~ Bernoulli(logistic(1.5 x)), 3 missing in the evaluation.

Run once (outside the repo's build):
  python3 -m venv /tmp/depvenv
  /tmp/depvenv/bin/pip install numpy==2.1.3 pandas==2.2.3 scikit-learn==1.5.2 scipy==1.14.1
  cd rime-engine/src/test/resources/reference
  /tmp/depvenv/bin/python dependence.py > dependence.json
"""
import itertools
import json
import sys

import numpy as np
import pandas as pd
import scipy
import sklearn
from scipy.stats import multinomial, norm
from sklearn.metrics import mutual_info_score, normalized_mutual_info_score

NUM_BINS = 10
MAX_CATEGORIES = 50
C_NAMES = ["a", "b", "é", "日本", "d e", "f"]


def make(rng, n, sign, evaluation):
    x = np.round(rng.normal(0, 1, n), 2)
    y = np.round(sign * 0.8 * x + rng.normal(0, 0.6, n), 2)
    z = np.round(rng.normal(5, 2, n), 2)
    k = np.clip(np.round(x * 4 + 10 + rng.normal(0, 2, n)), 0, 19).astype(int)
    ci = np.clip(((x + 3) / 1.2 + rng.normal(0, 0.7, n)).astype(int), 0, 5)
    c = np.array([C_NAMES[i] for i in ci], dtype=object)
    h = np.array(["h%02d" % v for v in rng.integers(0, 70, n)], dtype=object)
    label = (rng.random(n) < 1 / (1 + np.exp(-1.5 * x))).astype(float)
    df = pd.DataFrame({"x": x, "y": y, "z": z, "k": k.astype(object), "c": c, "h": h,
                       "label": label})
    if not evaluation:
        df.loc[rng.choice(n, 15, replace=False), "x"] = np.nan
        df.loc[7, "x"] = np.inf
        df.loc[rng.choice(n, 10, replace=False), "c"] = None
    else:
        df.loc[rng.choice(n, 20, replace=False), "c"] = "unseen"
        df.loc[rng.choice(n, 4, replace=False), "k"] = "n/a"
        df.loc[rng.choice(n, 3, replace=False), "label"] = np.nan
    return df


def write(df, path):
    out = df.copy()
    out["x"] = [("inf" if np.isinf(v) else ("" if np.isnan(v) else repr(float(v))))
                for v in out["x"]]
    out["label"] = ["" if np.isnan(v) else str(int(v)) for v in out["label"]]
    out.to_csv(path, index=False, lineterminator="\n")


def numeric(series):
    v = pd.to_numeric(series, errors="coerce").to_numpy(dtype=float)
    return v


def pearson(a, b):
    a, b = numeric(a), numeric(b)
    ok = np.isfinite(a) & np.isfinite(b)
    n = int(ok.sum())
    r = float(np.corrcoef(a[ok], b[ok])[0, 1]) if n >= 2 else None
    return {"r": r, "n": n}


def fisher_p(r1, n1, r2, n2):
    zd = (np.arctanh(r1) - np.arctanh(r2)) / np.sqrt(1 / (n1 - 3) + 1 / (n2 - 3))
    return float(2 * norm.sf(abs(zd)))


def numeric_codes(ref_values, values):
    finite = ref_values[np.isfinite(ref_values)]
    edges = np.unique(np.quantile(finite, np.arange(1, NUM_BINS) / NUM_BINS))
    codes = np.searchsorted(edges, values, side="left")  # +inf lands after the last edge
    codes = np.where(np.isnan(values), len(edges) + 1, codes)
    return codes, edges


def categorical_codes(both_values, values):
    present = [v for v in both_values
               if v is not None and not (isinstance(v, float) and np.isnan(v))]
    counts = pd.Series(present).value_counts()
    order = sorted(counts.index, key=lambda v: (-counts[v], v))
    kept = order[:MAX_CATEGORIES]
    index = {v: i for i, v in enumerate(kept)}
    codes = []
    for v in values:
        if v is None or (isinstance(v, float) and np.isnan(v)):
            codes.append(len(kept) + 1)
        else:
            codes.append(index.get(v, len(kept)))
    return np.array(codes), kept


def nmi(a, b):
    if len(np.unique(a)) == 1 or len(np.unique(b)) == 1:
        return 0.0  # the engine's convention; scikit-learn says 1.0 when both have one value
    return float(normalized_mutual_info_score(a, b, average_method="min"))


def table_nmi(t):
    """NMI of a contingency table (numpy), the same definition, for the enumerations."""
    t = np.asarray(t, dtype=float)
    n = t.sum()
    a, b = t.sum(axis=1), t.sum(axis=0)
    nz = t > 0
    mi = max(0.0, float(np.sum(t[nz] / n * np.log(n * t[nz] / np.outer(a, b)[nz]))))
    ha = -np.sum(a[a > 0] / n * np.log(a[a > 0] / n))
    hb = -np.sum(b[b > 0] / n * np.log(b[b > 0] / n))
    h = min(ha, hb)
    return 0.0 if mi <= 0 or h <= 1e-15 else mi / h


def compositions(n, k):
    for cut in itertools.combinations(range(n + k - 1), k - 1):
        parts, prev = [], -1
        for c in cut:
            parts.append(c - prev - 1)
            prev = c
        parts.append(n + k - 1 - prev - 1)
        yield parts


def outcomes(n, p):
    out = []
    for parts in compositions(n, len(p)):
        pr = multinomial.pmf(parts, n, p)
        if pr > 0:
            out.append((np.array(parts), pr))
    return out


def change_tiny():
    ref = np.array([[3, 0], [0, 3]])
    ev = np.array([[2, 1], [1, 2]])
    pooled = (ref + ev).ravel() / (ref.sum() + ev.sum())
    obs_ref, obs_eval = table_nmi(ref), table_nmi(ev)
    two = abs(obs_ref - obs_eval)
    one = obs_ref - obs_eval
    a = outcomes(ref.sum(), pooled)
    b = outcomes(ev.sum(), pooled)
    va = [(table_nmi(x.reshape(2, 2)), p) for x, p in a]
    vb = [(table_nmi(x.reshape(2, 2)), p) for x, p in b]
    margins = [0.0, 0.5]
    tail_two, tail_one = [0.0] * len(margins), [0.0] * len(margins)
    mean_two = mean_one = 0.0
    tol = 1e-12
    for na, pa in va:
        for nb, pb in vb:
            d = na - nb
            w = pa * pb
            mean_two += w * abs(d)
            mean_one += w * d
            for i, m in enumerate(margins):
                if abs(d) >= (two - m) - tol * abs(two - m):
                    tail_two[i] += w
                if d >= (one - m) - tol * abs(one - m):
                    tail_one[i] += w
    return {"ref": ref.tolist(), "eval": ev.tolist(),
            "nmi_ref": obs_ref, "nmi_eval": obs_eval,
            "sklearn_nmi_ref": nmi(np.repeat([0, 0, 1, 1], ref.ravel()),
                                   np.repeat([0, 1, 0, 1], ref.ravel())),
            "sklearn_nmi_eval": nmi(np.repeat([0, 0, 1, 1], ev.ravel()),
                                    np.repeat([0, 1, 0, 1], ev.ravel())),
            "two_sided_tail": tail_two[0], "two_sided_tail_margin_0.5": tail_two[1],
            "two_sided_null_mean": mean_two,
            "decrease_tail": tail_one[0], "decrease_tail_margin_0.5": tail_one[1],
            "decrease_null_mean": mean_one}


def permutation_tail(t, draws=None, seed=0):
    """P(NMI >= observed) over shuffles of the column values against the row values."""
    t = np.asarray(t)
    r, c = t.shape
    rows = np.repeat(np.repeat(np.arange(r), c), t.ravel())
    cols = np.repeat(np.tile(np.arange(c), r), t.ravel())
    obs = table_nmi(t)
    bar = obs - 1e-12 * obs
    values = []
    if draws is None:
        for perm in itertools.permutations(cols):
            sim = np.zeros((r, c))
            np.add.at(sim, (rows, np.array(perm)), 1)
            values.append(table_nmi(sim))
    else:
        rng = np.random.default_rng(seed)
        for _ in range(draws):
            sim = np.zeros((r, c))
            np.add.at(sim, (rows, rng.permutation(cols)), 1)
            values.append(table_nmi(sim))
    values = np.array(values)
    return obs, float(np.mean(values >= bar)), float(values.mean()), float(values.std())


def independence_tiny():
    t = np.array([[3, 0, 1], [0, 3, 1]])
    obs, tail, mean, sd = permutation_tail(t)
    rows = np.repeat([0, 0, 0, 1, 1, 1], t.ravel())
    cols = np.repeat([0, 1, 2, 0, 1, 2], t.ravel())
    return {"table": t.tolist(), "nmi": obs, "sklearn_nmi": nmi(rows, cols),
            "sklearn_mi": float(mutual_info_score(rows, cols)), "tail": tail, "null_mean": mean,
            "null_sd": sd}


def independence_large():
    t = np.array([[110, 90], [95, 105], [92, 108]])
    obs, tail, mean, sd = permutation_tail(t, draws=200000, seed=1)
    return {"table": t.tolist(), "nmi": obs, "tail": tail, "null_mean": mean, "null_sd": sd,
            "draws": 200000}


def hypergeometric():
    from scipy.stats import hypergeom
    small = {"N": 50, "K": 20, "n": 10}
    small["pmf"] = [float(hypergeom.pmf(k, 50, 20, 10)) for k in range(11)]
    large = {"N": 3000000, "K": 1000000, "n": 500000}
    large["mean"] = float(hypergeom.mean(3000000, 1000000, 500000))
    large["var"] = float(hypergeom.var(3000000, 1000000, 500000))
    return {"small": small, "large": large}


def main():
    rng = np.random.default_rng(20261128)
    ref = make(rng, 600, 1, False)
    ev = make(rng, 500, -1, True)
    write(ref, "dep_ref.csv")
    write(ev, "dep_eval.csv")
    # Read back as written (what the engine reads), keeping 'n/a' and text as text.
    ref = pd.read_csv("dep_ref.csv", keep_default_na=False, na_values=[""], dtype={"k": str})
    ev = pd.read_csv("dep_eval.csv", keep_default_na=False, na_values=[""], dtype={"k": str})
    ref["x"] = numeric(ref["x"])
    ev["x"] = numeric(ev["x"])
    out = {"versions": {"python": sys.version.split()[0], "numpy": np.__version__,
                        "pandas": pd.__version__, "scikit-learn": sklearn.__version__,
                        "scipy": scipy.__version__}}

    num_cols = ["x", "y", "z", "k"]
    pearson_out = {}
    for a, b in itertools.combinations(num_cols + ["label"], 2):
        pr, pe = pearson(ref[a], ref[b]), pearson(ev[a], ev[b])
        entry = {"ref": pr, "eval": pe}
        if pr["r"] is not None and pe["r"] is not None:
            entry["fisher_p"] = fisher_p(pr["r"], pr["n"], pe["r"], pe["n"])
        pearson_out[a + "|" + b] = entry
    out["pearson"] = pearson_out

    codes_ref, codes_eval, binning = {}, {}, {}
    for col in num_cols:
        rv, ev_ = numeric(ref[col]), numeric(ev[col])
        codes_ref[col], edges = numeric_codes(rv, rv)
        codes_eval[col], _ = numeric_codes(rv, ev_)
        binning[col] = {"edges": [float(e) for e in edges], "codes": len(edges) + 2}
    for col in ["c", "h"]:
        rv = [None if isinstance(v, float) else v for v in ref[col]]
        ev_ = [None if isinstance(v, float) else v for v in ev[col]]
        codes_ref[col], kept = categorical_codes(rv + ev_, rv)
        codes_eval[col], _ = categorical_codes(rv + ev_, ev_)
        binning[col] = {"kept": kept, "codes": len(kept) + 2}
    out["binning"] = binning

    mi_out = {}
    features = ["x", "y", "z", "k", "c", "h"]
    for a, b in itertools.combinations(features, 2):
        mi_out[a + "|" + b] = {
            "ref_nmi": nmi(codes_ref[a], codes_ref[b]),
            "eval_nmi": nmi(codes_eval[a], codes_eval[b]),
            "ref_mi": float(mutual_info_score(codes_ref[a], codes_ref[b])),
            "eval_mi": float(mutual_info_score(codes_eval[a], codes_eval[b])),
        }
    lab_ref = ref["label"].to_numpy()
    lab_eval = ev["label"].to_numpy()
    for a in features:
        mr, me = ~np.isnan(lab_ref), ~np.isnan(lab_eval)
        mi_out[a + "|label"] = {
            "ref_nmi": nmi(codes_ref[a][mr], lab_ref[mr]),
            "eval_nmi": nmi(codes_eval[a][me], lab_eval[me]),
            "ref_mi": float(mutual_info_score(codes_ref[a][mr], lab_ref[mr])),
            "eval_mi": float(mutual_info_score(codes_eval[a][me], lab_eval[me])),
            "ref_rows": int(mr.sum()), "eval_rows": int(me.sum()),
        }
    out["mutual_information"] = mi_out
    out["change_tiny"] = change_tiny()
    out["independence_tiny"] = independence_tiny()
    out["independence_large"] = independence_large()
    out["hypergeometric"] = hypergeometric()
    json.dump(out, sys.stdout, indent=2, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
